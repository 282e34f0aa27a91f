#!/usr/bin/python3
"""Train the byte-level BPE tokenizer (contract: gateway/Ambient.Language/README.md §3).

  /usr/bin/python3 gateway/model/train_tokenizer.py --corpus C.jsonl [--specials special-tokens.txt] \
      [--merges 3000] [--min-frequency 2] --out tokenizer.json
--specials defaults to special-tokens.txt beside the corpus. Merges are learned from the texts (prompts are control-token ids only).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ambient_lm.bpe import read_special_tokens, train_bpe  # noqa: E402
from ambient_lm.data import read_corpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--specials")
    ap.add_argument("--merges", type=int, default=3000)
    ap.add_argument("--min-frequency", type=int, default=2)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    specials_path = a.specials or os.path.join(os.path.dirname(os.path.abspath(a.corpus)), "special-tokens.txt")
    special = read_special_tokens(specials_path)
    ex = read_corpus(a.corpus)
    texts = (t for _, t in ex)
    tok = train_bpe(texts, special, a.merges, a.min_frequency)
    tok.save(a.out)
    print(f"tokenizer: {len(special)} specials, 256 bytes, {len(tok.merges)} merges -> vocab {tok.vocab_size}; wrote {a.out}")


if __name__ == "__main__":
    main()
