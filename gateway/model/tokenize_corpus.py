#!/usr/bin/python3
"""One line of space-separated ids per corpus example: the full <bos> prompt <sep> text <eos> sequence.

  /usr/bin/python3 gateway/model/tokenize_corpus.py --tokenizer tokenizer.json --corpus C.jsonl --out ids.txt
Used for the C# tokenizer's exact-parity test.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ambient_lm.bpe import Tokenizer  # noqa: E402
from ambient_lm.data import read_corpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    tok = Tokenizer.load(a.tokenizer)
    n = 0
    with open(a.out, "w") as f:
        for prompt, text in read_corpus(a.corpus):
            ids, _ = tok.encode_example(prompt, text)
            f.write(" ".join(map(str, ids)) + "\n")
            n += 1
    print(f"tokenize_corpus: {n} lines -> {a.out}")


if __name__ == "__main__":
    main()
