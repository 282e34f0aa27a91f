#!/usr/bin/python3
"""manifest.json per the contract (README §4): config, corpus sha256, training steps, metrics, artifact hashes.

  /usr/bin/python3 gateway/model/make_manifest.py --dir D --corpus C [--teacher-count N --teacher-seed S]
Reads D/train-metrics.json, D/tokenizer.json, D/model.fp32.onnx, D/model.int8.onnx, D/reference-logits.json.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402

from ambient_lm.bpe import Tokenizer  # noqa: E402
from ambient_lm.data import sha256_file  # noqa: E402
from ambient_lm.onnx_export import OPSET, io_names  # noqa: E402

ARTIFACTS = ["model.int8.onnx", "model.fp32.onnx", "tokenizer.json", "reference-logits.json"]


def onnx_section(layers: int) -> dict:
    """What the manifest says about the graphs (also refreshed by regraph.py)."""
    ins, outs = io_names(layers)
    return {"opset": OPSET, "inputs": ins, "outputs": outs,
            "graph": "written node by node (ambient_lm/onnx_export.build_graph): one com.microsoft.GroupQueryAttention "
                     "per layer; past_*/present_* are one [1,H,context,D] buffer each, bound to the same memory so "
                     "the cache is updated in place; seqlens_k = total - 1",
            "int8": "com.microsoft.DynamicQuantizeMatMul (int8 [K,N] weights, per-column scale, no zero point, bias "
                    "as its input); tied embedding stored once as int8 [d,V] (lookup = Gather axis 1 + Transpose + "
                    "Cast + Mul)"}


def _cmd(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout.strip() or None
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--teacher-count", type=int)
    ap.add_argument("--teacher-seed", type=int)
    ap.add_argument("--ship-fp32-max-mb", type=float, default=25.0)
    a = ap.parse_args()
    d = a.dir
    tm = json.load(open(os.path.join(d, "train-metrics.json")))
    tok = Tokenizer.load(os.path.join(d, "tokenizer.json"))
    cfg = tm["config"]
    f32 = os.path.getsize(os.path.join(d, "model.fp32.onnx"))
    i8 = os.path.getsize(os.path.join(d, "model.int8.onnx"))
    n_examples = sum(1 for line in open(a.corpus, encoding="utf-8") if line.strip())
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    artifacts = {}
    for name in ARTIFACTS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            artifacts[name] = {"sha256": sha256_file(p), "bytes": os.path.getsize(p)}
    artifacts["model.fp32.onnx"]["shipped"] = f32 <= a.ship_fp32_max_mb * 1e6
    man = {
        "format": 1,
        "created_utc": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "model": "ambient-lm decoder-only transformer (learned positions, pre-LN, GELU, tied embeddings)",
        "config": {"layers": cfg["layers"], "heads": cfg["heads"], "width": cfg["width"], "head_dim": cfg["head_dim"],
                   "ffn": cfg["ffn"], "context": cfg["context"], "vocab": cfg["vocab"]},
        "tokenizer": {"file": "tokenizer.json", "specials": len(tok.special), "merges": len(tok.merges),
                      "vocab": tok.vocab_size, "pad": 0, "bos": 1, "sep": 2, "eos": 3},
        "corpus": {"file": os.path.basename(a.corpus), "sha256": sha256_file(a.corpus), "examples": n_examples,
                   "teacher_count": a.teacher_count, "teacher_seed": a.teacher_seed,
                   "train_examples": tm["train_examples"], "val_examples": tm["val_examples"]},
        "training": {k: tm[k] for k in ("steps", "steps_planned", "stopped_early", "epochs", "batch", "lr", "warmup",
                                         "weight_decay", "min_lr_ratio", "threads", "tokens_seen", "tokens_per_s",
                                         "wall_s", "params")} | {"init": tm.get("init")},
        "seed": tm["seed"],
        "metrics": {
            "val_loss_fp32": tm["val_loss_fp32"],
            "val_loss_int8": tm["val_loss_int8_simulated"],
            "val_loss_int8_source": (f"PyTorch simulation of the int8 graph (per-column int8 weights, dynamic "
                                     f"per-tensor uint8 activations), batch 1, first {tm['int8_sim_examples']} val "
                                     f"examples; the same examples in fp32 at batch 1: "
                                     f"{tm['val_loss_fp32_batch1_subset']}"),
            "val_loss_fp32_batch1_subset": tm["val_loss_fp32_batch1_subset"],
            "loss_tokens": "text tokens and <eos> (mean nats per token)",
            "size_fp32_bytes": f32, "size_int8_bytes": i8, "int8_ratio": round(f32 / i8, 3),
            "history": tm["history"],
        },
        "onnx": onnx_section(cfg["layers"]),
        "artifacts": artifacts,
        "tools": {"python": platform.python_version(), "torch": torch.__version__, "onnx": onnx.__version__,
                  "numpy": numpy.__version__, "dotnet": _cmd(["dotnet", "--version"]),
                  "git_commit": _cmd(["git", "-C", repo, "rev-parse", "HEAD"])},
    }
    with open(os.path.join(d, "manifest.json"), "w") as f:
        json.dump(man, f, indent=1)
        f.write("\n")
    print(f"manifest: fp32 {f32 / 1e6:.2f} MB, int8 {i8 / 1e6:.2f} MB (x{f32 / i8:.2f}); wrote {d}/manifest.json")


if __name__ == "__main__":
    main()
