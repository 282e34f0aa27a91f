#!/usr/bin/python3
"""Train the greeting LM on a teacher corpus. Writes OUT/ckpt.pt and OUT/train-metrics.json.

  /usr/bin/python3 gateway/model/train.py --tokenizer T --corpus C --out-dir D [--steps N] [--width 256 ...]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from ambient_lm.bpe import Tokenizer  # noqa: E402
from ambient_lm.data import batches, collate, encode_all, read_corpus, sha256_file, split  # noqa: E402
from ambient_lm.model import Config, make_model  # noqa: E402
from ambient_lm.quant import simulated_int8  # noqa: E402


def log(*a):
    print(*a, flush=True)


def masked_loss(model, x, y, pos, reduction="mean"):
    """Cross-entropy on the loss positions only; the LM head is computed just there."""
    h, _ = model(x, pos, return_hidden=True)
    sel = y != -100
    logits = torch.matmul(h[sel], model.wte.weight.t())
    return F.cross_entropy(logits, y[sel], reduction=reduction)


@torch.no_grad()
def eval_loss(model, data, batch_size=64):
    """Mean cross-entropy per loss token (text tokens + <eos>)."""
    model.eval()
    tot, n = 0.0, 0
    for b in range(0, len(data), batch_size):
        x, y, pos = collate(data[b:b + batch_size])
        if hasattr(model, "blocks") and type(model).__name__ == "GPT":
            loss = masked_loss(model, x, y, pos, "sum")
        else:  # the simulated-int8 model quantizes the LM head input: go through its full forward
            logits, _ = model(x, pos)
            loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), y.reshape(-1), ignore_index=-100,
                                   reduction="sum")
        tot += float(loss)
        n += int((y != -100).sum())
    model.train()
    return tot / max(n, 1)


def lr_at(step, progress, lr, warmup, min_ratio=0.1, warmup_progress=0.05):
    """Linear warmup over the first `warmup` steps, then cosine to min_ratio over progress in [0, 1]."""
    if step < warmup:
        return lr * (step + 1) / warmup
    t = min(1.0, max(0.0, progress - warmup_progress) / (1 - warmup_progress))
    return lr * (min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * t)))


def load_weights(path):
    """The state dict of a ckpt.pt, or of a model.fp32.onnx, whose initializers are the parameters under "model."
    (the export keeps their names and [in, out] layout). The shipped model's checkpoint is not committed; its fp32
    ONNX is, so a fine-tune can start from release/."""
    if path.endswith(".onnx"):
        import onnx
        from onnx import numpy_helper
        graph = onnx.load(path).graph
        return {i.name[len("model."):]: torch.from_numpy(numpy_helper.to_array(i).copy())
                for i in graph.initializer if i.name.startswith("model.")}
    return torch.load(path, map_location="cpu")["state_dict"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--max-minutes", type=float, default=0,
                    help="wall-time budget: the schedule runs on max(step/steps, elapsed/budget) and training stops "
                         "when either is used up, so the learning rate is annealed on time even under CPU contention")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--min-lr-ratio", type=float, default=0.1)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--width", type=int, default=256)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ffn", type=int, default=1024)
    ap.add_argument("--context", type=int, default=160)
    ap.add_argument("--dropout", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--val-fraction", type=float, default=0.05)
    ap.add_argument("--eval-every", type=int, default=200)
    ap.add_argument("--eval-max", type=int, default=400, help="val examples for the periodic eval (final: all)")
    ap.add_argument("--log-every", type=int, default=20)
    ap.add_argument("--int8-eval-max", type=int, default=1000, help="val examples for the simulated-int8 loss")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", help="start from these weights instead of random ones: a ckpt.pt or a model.fp32.onnx "
                                   "written by an earlier run with the same config and tokenizer (a fine-tune)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)

    tok = Tokenizer.load(args.tokenizer)
    examples = read_corpus(args.corpus)
    enc = encode_all(tok, examples, args.context, log)
    train, val = split(enc, args.val_fraction, args.seed)
    n_train_tok = sum(len(i) for i, _ in train)
    log(f"data: {len(examples)} examples, {len(train)} train ({n_train_tok} tokens, "
        f"mean {n_train_tok / max(1, len(train)):.1f}, max {max(len(i) for i, _ in enc)}), {len(val)} val")

    cfg = Config(vocab=tok.vocab_size, width=args.width, layers=args.layers, heads=args.heads, ffn=args.ffn,
                 context=args.context, dropout=args.dropout)
    model = make_model(cfg, args.seed)
    if args.init:
        model.load_state_dict(load_weights(args.init))
        log(f"initialised from {args.init}")
    n_params = model.num_params()
    log(f"model: {n_params:,} params, config {cfg.to_dict()}")

    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "wpe" not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "wpe" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr, betas=(0.9, 0.95), eps=1e-8)

    rng = random.Random(args.seed)
    it = batches(train, args.batch, rng)
    epoch = 0
    model.train()
    t0 = time.time()
    tok_seen = 0
    win_t, win_tok, win_loss, win_n = time.time(), 0, 0.0, 0
    history = []
    best_val = None
    step = 0
    stopped_early = False
    for step in range(args.steps):
        try:
            batch = next(it)
        except StopIteration:
            epoch += 1
            it = batches(train, args.batch, rng)
            batch = next(it)
        progress = step / args.steps
        if args.max_minutes > 0:
            progress = max(progress, (time.time() - t0) / (args.max_minutes * 60))
        if progress >= 1.0:
            log(f"stopping at step {step}: --max-minutes {args.max_minutes} used up")
            stopped_early = True
            step -= 1
            break
        lr = lr_at(step, progress, args.lr, args.warmup, args.min_lr_ratio)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y, pos = collate(batch)
        loss = masked_loss(model, x, y, pos)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        ntok = sum(len(i) - 1 for i, _ in batch)
        tok_seen += ntok
        win_tok += ntok
        win_loss += float(loss)
        win_n += 1
        done = step + 1
        if done % args.log_every == 0 or done == args.steps:
            now = time.time()
            tps = win_tok / max(now - win_t, 1e-9)
            elapsed = now - t0
            eta = elapsed / done * (args.steps - done)
            if args.max_minutes > 0:
                eta = min(eta, args.max_minutes * 60 - elapsed)
            log(f"step {done}/{args.steps} epoch {epoch} loss {win_loss / win_n:.4f} lr {lr:.2e} "
                f"tok/s {tps:.0f} elapsed {elapsed / 60:.1f}m eta {eta / 60:.1f}m")
            win_t, win_tok, win_loss, win_n = now, 0, 0.0, 0
        last = done == args.steps
        if done % args.eval_every == 0 and not last:
            vl = eval_loss(model, val[: args.eval_max])
            history.append({"step": done, "val_loss": vl, "elapsed_s": round(time.time() - t0, 1)})
            best_val = vl if best_val is None else min(best_val, vl)
            log(f"eval step {done} val loss {vl:.4f} (ppl {math.exp(vl):.3f})")
            torch.save({"config": cfg.to_dict(), "state_dict": model.state_dict(), "step": done}, 
                       os.path.join(args.out_dir, "ckpt.pt"))
    steps_done = step + 1
    wall = time.time() - t0
    model.eval()
    val_fp32 = eval_loss(model, val)
    history.append({"step": steps_done, "val_loss": val_fp32, "elapsed_s": round(wall, 1), "full_val": True})
    log(f"eval step {steps_done} val loss {val_fp32:.4f} (ppl {math.exp(val_fp32):.3f}) on all {len(val)} val examples")
    sub = val[: args.int8_eval_max]
    fp32_b1 = eval_loss(model, sub, batch_size=1)
    q = simulated_int8(model)
    int8_b1 = eval_loss(q, sub, batch_size=1)
    log(f"final: val loss fp32 {val_fp32:.4f}; on {len(sub)} val examples at batch 1: fp32 {fp32_b1:.4f}, "
        f"simulated int8 {int8_b1:.4f} (+{int8_b1 - fp32_b1:.4f})")
    torch.save({"config": cfg.to_dict(), "state_dict": model.state_dict(), "step": steps_done},
               os.path.join(args.out_dir, "ckpt.pt"))
    metrics = {
        "params": n_params,
        "config": cfg.to_dict(),
        "steps": steps_done,
        "steps_planned": args.steps,
        "stopped_early": stopped_early,
        "epochs": round(tok_seen / max(1, n_train_tok - len(train)), 3),
        "batch": args.batch, "lr": args.lr, "warmup": args.warmup, "weight_decay": args.weight_decay,
        "min_lr_ratio": args.min_lr_ratio, "seed": args.seed, "threads": args.threads,
        "train_examples": len(train), "val_examples": len(val), "train_tokens": n_train_tok,
        "tokens_seen": tok_seen, "tokens_per_s": round(tok_seen / wall, 1), "wall_s": round(wall, 1),
        "val_loss_fp32": round(val_fp32, 5),
        "int8_sim_examples": len(sub),
        "val_loss_fp32_batch1_subset": round(fp32_b1, 5),
        "val_loss_int8_simulated": round(int8_b1, 5),
        "history": history,
        "corpus_sha256": sha256_file(args.corpus),
        "tokenizer_sha256": sha256_file(args.tokenizer),
        "init": {"file": os.path.basename(args.init), "sha256": sha256_file(args.init)} if args.init else None,
    }
    with open(os.path.join(args.out_dir, "train-metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    log(f"wrote {args.out_dir}/ckpt.pt and train-metrics.json ({steps_done} steps, {wall / 60:.1f} min)")


if __name__ == "__main__":
    main()
