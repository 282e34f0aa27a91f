#!/usr/bin/python3
"""Export a checkpoint to ONNX (opset 17, contract I/O) and write reference logits for the C# ORT parity test.

  /usr/bin/python3 gateway/model/export_onnx.py --ckpt D/ckpt.pt --tokenizer T --corpus C \
      --out D/model.fp32.onnx --reference D/reference-logits.json
Reference sequences are taken from the validation split (same seed / fraction as train.py).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

from ambient_lm.bpe import Tokenizer  # noqa: E402
from ambient_lm.data import encode_all, read_corpus, split  # noqa: E402
from ambient_lm.onnx_export import export, load_checkpoint, write_reference  # noqa: E402
from ambient_lm.quant import simulated_int8  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--reference", required=True)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--val-fraction", type=float, default=0.05)
    ap.add_argument("--sequences", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--val-ids", help="also write the validation split's id sequences here (one line each, as ids.txt)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = load_checkpoint(a.ckpt)
    export(model, a.out)
    print(f"export: wrote {a.out} ({os.path.getsize(a.out) / 1e6:.2f} MB)")
    tok = Tokenizer.load(a.tokenizer)
    enc = encode_all(tok, read_corpus(a.corpus), model.cfg.context)
    _, val = split(enc, a.val_fraction, a.seed)
    seqs = [ids for ids, _ in (val or enc)[: a.sequences]]
    if a.val_ids:
        with open(a.val_ids, "w") as f:
            for ids, _ in val:
                f.write(" ".join(map(str, ids)) + "\n")
        print(f"export: wrote {a.val_ids} ({len(val)} validation sequences)")
    write_reference(model, simulated_int8(model), seqs, a.reference)
    print(f"export: wrote {a.reference} ({len(seqs)} sequences)")


if __name__ == "__main__":
    main()
