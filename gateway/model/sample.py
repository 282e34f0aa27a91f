#!/usr/bin/python3
"""Greedy-decode held-out prompts and print them beside the teacher's text (a quick quality look).

  /usr/bin/python3 gateway/model/sample.py --ckpt D/ckpt.pt --tokenizer T --corpus C [-n 12] [--int8]
Also reports, over the n prompts: exact matches with the teacher, slot placeholders that are missing from /
added to the generated text compared with the teacher's text (a rough slot error rate: the teacher need not mention
everything), and slots written although the prompt has no <has:slot> for them (hallucinated slots).
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

from ambient_lm.bpe import SEP, Tokenizer  # noqa: E402
from ambient_lm.data import encode_all, read_corpus, split  # noqa: E402
from ambient_lm.onnx_export import greedy, load_checkpoint  # noqa: E402
from ambient_lm.quant import simulated_int8  # noqa: E402

SLOT = re.compile(r"<[a-z0-9_]+>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("-n", type=int, default=12)
    ap.add_argument("--show", type=int, default=12)
    ap.add_argument("--int8", action="store_true", help="decode with the simulated int8 model")
    ap.add_argument("--holdout", help="decode this JSONL's prompts (e.g. the teacher's --holdout file: prompt "
                                       "combinations never in the corpus) instead of the val split")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--val-fraction", type=float, default=0.05)
    a = ap.parse_args()
    torch.set_num_threads(2)
    model = load_checkpoint(a.ckpt)
    if a.int8:
        model = simulated_int8(model)
    tok = Tokenizer.load(a.tokenizer)
    enc = encode_all(tok, read_corpus(a.corpus), model.cfg.context)
    if a.holdout:
        val = encode_all(tok, read_corpus(a.holdout), model.cfg.context)
    else:
        _, val = split(enc, a.val_fraction, a.seed)
    exact = missing = added = slots = ended = unavailable = 0
    for i, (ids, start) in enumerate(val[: a.n]):
        prompt = ids[:start]
        assert prompt[-1] == SEP
        out = greedy(model, prompt, model.cfg.context - len(prompt))
        ended += out[-1:] == [3]
        gen = tok.decode([t for t in out if t != 3])
        ref = tok.decode(ids[start:-1])
        g, r = SLOT.findall(gen), SLOT.findall(ref)
        slots += len(set(r))
        missing += len(set(r) - set(g))
        added += len(set(g) - set(r)) + (len(g) - len(set(g)))
        exact += gen == ref
        prompt_text = tok.decode(prompt[1:-1])
        has = set(re.findall(r"<has:([a-z0-9_]+)>", prompt_text))
        unavailable += sum(1 for x in set(g) if x[1:-1] not in has)
        if i < a.show:
            print(f"PROMPT {tok.decode(prompt[1:-1])}\n  MODEL   {gen}\n  TEACHER {ref}")
    n = min(a.n, len(val))
    print(f"sample: {n} {'held-out (' + os.path.basename(a.holdout) + ')' if a.holdout else 'val'} prompts"
          f"{' (int8 simulated)' if a.int8 else ''}: ended with <eos> {ended}, "
          f"exact teacher text {exact}; slots vs teacher: {missing} missing, {added} added/repeated of {slots} "
          f"(rough SER {(missing + added) / max(1, slots):.3f}); slots the prompt has no <has:…> for: {unavailable}")


if __name__ == "__main__":
    main()
