"""Train the wake-word model for a phrase on espeak-ng speech and export PCM-in ONNX + manifest.

  python3 train.py --phrase "hey ambient" --minutes 12 --out out/hey_ambient
  python3 train.py --smoke --out /tmp/ww-smoke          # a few steps on a few clips (CI)

Run with Debian's /usr/bin/python3 (python3-torch 1.13, python3-onnx); see README.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time

import numpy as np
import torch

import data
import model as M


def parse() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--phrase", default="hey ambient")
    p.add_argument("--minutes", type=float, default=10.0,
                   help="training budget in CPU minutes of this process (after rendering and window making)")
    p.add_argument("--windows", type=int, default=24000, help="augmented training windows made once")
    p.add_argument("--max-epochs", type=int, default=40)
    p.add_argument("--init", help="start from these classifier weights (a .pt written by an earlier run)")
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch", type=int, default=96)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--positives", type=int, default=2400)
    p.add_argument("--smoke", action="store_true", help="tiny data, 15 steps: proves the pipeline, not the model")
    p.add_argument("--cache", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "cache"))
    return p.parse_args()


def evaluate(clf: M.Classifier, fe: M.LogMel, xs: np.ndarray, ys: np.ndarray) -> dict:
    clf.eval()
    with torch.no_grad():
        scores = torch.cat([torch.sigmoid(clf(fe(torch.from_numpy(xs[i:i + 128])))) for i in range(0, len(xs), 128)])
    clf.train()
    s = scores.numpy()
    pos, neg = s[ys == 1], s[ys == 0]
    return {"recall@0.5": float((pos >= 0.5).mean()), "false_pos@0.5": float((neg >= 0.5).mean()),
            "recall@0.8": float((pos >= 0.8).mean()), "false_pos@0.8": float((neg >= 0.8).mean())}


def spec_augment(feats: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """One time mask (up to 12 frames) and one mel mask (up to 5 bins) per window, set to the window mean (0)."""
    b, m, t = feats.shape
    t0 = torch.randint(0, t - 12, (b, 1), generator=gen)
    tw = torch.randint(0, 13, (b, 1), generator=gen)
    f0 = torch.randint(0, m - 5, (b, 1), generator=gen)
    fw = torch.randint(0, 6, (b, 1), generator=gen)
    tr = torch.arange(t)[None, :]
    mr = torch.arange(m)[None, :]
    tmask = (tr >= t0) & (tr < t0 + tw)
    fmask = (mr >= f0) & (mr < f0 + fw)
    return feats.masked_fill(tmask[:, None, :] | fmask[:, :, None], 0.0)


def main() -> int:
    a = parse()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    if a.smoke:
        clips = data.render_clips(a.phrase, n_pos=24, n_conf_per=1, n_every_per=0, n_heldout=8, seed=a.seed,
                                  cache_dir=None)
        clips.everyday = clips.confusables[:]
        a.batch, steps_cap = 16, 15
    else:
        clips = data.render_clips(a.phrase, n_pos=a.positives, n_conf_per=20, n_every_per=8, n_heldout=240,
                                  seed=a.seed, cache_dir=a.cache)
        steps_cap = 10 ** 9
    render_s = time.time() - t0
    print(f"rendered {len(clips.positives)} positives, {len(clips.confusables)} confusables, "
          f"{len(clips.everyday)} everyday, {len(clips.heldout_positives)} held-out positives in {render_s:.0f} s",
          flush=True)

    fe = M.FastLogMel()
    clf = M.Classifier()
    params = M.count_params(clf)
    print(f"classifier parameters: {params}", flush=True)
    opt = torch.optim.AdamW(clf.parameters(), lr=a.lr, weight_decay=1e-3)
    lossf = torch.nn.BCEWithLogitsLoss(reduction="none")

    # Validation: held-out voices/settings as positives, training-pool negatives, a fixed seed.
    vs = data.Sampler(clips, seed=a.seed + 1000, positives=clips.heldout_positives)
    n_val = 64 if a.smoke else 768
    val_x, val_y = vs.batch(n_val)

    # Phase 1: a fixed set of augmented windows through the (fixed) front end, once. Phase 2: epochs over it with
    # SpecAugment-style masks. Cheaper than fresh audio every step on a shared 2-core machine: the front end and the
    # augmentation dominate, the 40k-parameter classifier is cheap.
    if a.init:
        clf.load_state_dict(torch.load(a.init))
    sampler = data.Sampler(clips, seed=a.seed + 1)
    t_gen = time.time()
    feats_list, labels_list = [], []
    n_windows = 256 if a.smoke else a.windows
    cached = None if a.smoke else os.path.join(a.cache, f"windows-{a.phrase.replace(' ', '_')}-{n_windows}-{a.seed}.pt")
    if cached and os.path.exists(cached):
        feats_list, labels_list = torch.load(cached)
        n_windows = 0
    for i in range(0, n_windows, 128):
        xs, ys = sampler.batch(min(128, n_windows - i))
        with torch.no_grad():
            feats_list.append(fe(torch.from_numpy(xs)).to(torch.float16))
        labels_list.append(torch.from_numpy(ys))
        if (i // 128) % 40 == 0:
            print(f"  windows {i + len(ys)}/{n_windows} ({time.time() - t_gen:.0f} s)", flush=True)
    if cached and not os.path.exists(cached):
        torch.save((feats_list, labels_list), cached)
    feats_all, labels_all = torch.cat(feats_list), torch.cat(labels_list)
    gen_s = time.time() - t_gen
    print(f"made {len(labels_all)} training windows ({int(labels_all.sum())} positive) in {gen_s:.0f} s", flush=True)

    gen = torch.Generator().manual_seed(a.seed)
    budget = 60.0 * a.minutes          # CPU seconds of this process (all threads), so a busy machine stretches the wall time, not the training
    cpu0 = time.process_time()
    t_train = time.time()
    step, ema, epoch = 0, None, 0
    done = False
    while not done:
        epoch += 1
        order = torch.randperm(len(labels_all), generator=gen)
        for i in range(0, len(order) - a.batch + 1, a.batch):
            frac = (time.process_time() - cpu0) / budget
            if frac >= 1.0 or step >= steps_cap or epoch > a.max_epochs:
                done = True
                break
            lr = a.lr * (0.5 * (1 + math.cos(math.pi * frac))) if step > 50 else a.lr * (step + 1) / 51
            for g in opt.param_groups:
                g["lr"] = lr
            idx = order[i:i + a.batch]
            feats = spec_augment(feats_all[idx].float(), gen)
            y = labels_all[idx]
            logits = clf(feats)
            # Negatives weigh more: a false accept every hour is worse than asking the user to repeat.
            w = torch.where(y > 0.5, torch.tensor(1.0), torch.tensor(1.5))
            loss = (lossf(logits, y) * w).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
            step += 1
            if step % 200 == 0:
                print(f"step {step} epoch {epoch} cpu={time.process_time() - cpu0:.0f}s wall={time.time() - t_train:.0f}s "
                      f"lr={lr:.2e} loss={ema:.4f} val={evaluate(clf, fe, val_x, val_y)}", flush=True)
        if epoch > a.max_epochs:
            done = True
    train_s = time.time() - t_train
    metrics = evaluate(clf, fe, val_x, val_y)
    print(f"trained {step} steps in {train_s:.0f} s; validation {metrics}", flush=True)

    slug = "_".join(a.phrase.lower().split())
    onnx_path = os.path.join(a.out, f"{slug}.onnx")
    clf.eval()
    M.export_onnx(clf, onnx_path)
    import onnx
    onnx.checker.check_model(onnx.load(onnx_path))
    torch.save(clf.state_dict(), os.path.join(a.out, f"{slug}.pt"))
    with open(onnx_path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "phrase": a.phrase,
        "model": os.path.basename(onnx_path),
        "sha256": sha,
        "bytes": os.path.getsize(onnx_path),
        "parameters": params,
        "onnx": {"opset": 14, "input": "pcm float32 [batch, %d] (16 kHz mono, -1..1)" % M.WINDOW_SAMPLES,
                 "output": "score float32 [batch] (probability the window holds the whole phrase); "
                           "logmel float32 [batch, %d, %d] (the front end, for tests)" % (M.N_MELS, M.n_frames())},
        "config": {
            "sample_rate": M.SAMPLE_RATE, "window_samples": M.WINDOW_SAMPLES, "hop_samples": M.HOP_SAMPLES,
            "frontend": {"n_fft": M.N_FFT, "frame_hop": M.FRAME_HOP, "window": "hann (periodic)", "n_mels": M.N_MELS,
                         "f_min": M.F_MIN, "f_max": M.F_MAX, "mel": "htk", "log_floor": M.LOG_FLOOR,
                         "normalisation": "subtract the window mean of log-mel"},
            "classifier": "conv1d 40->64 k3, 4 depthwise-separable blocks (k9; strides 2,2,2,1; 64,96,96,96), "
                          "max+mean pool over time, linear",
            "suggested_detector": {"threshold": 0.5, "smoothing_hops": 2, "refractory_ms": 1500},
        },
        "training": {"steps": step, "epochs": epoch, "windows": int(len(labels_all)), "batch": a.batch,
                     "seconds_training": round(train_s), "cpu_seconds_training": round(time.process_time() - cpu0),
                     "seconds_making_windows": round(gen_s), "spec_augment": "1 time mask <= 12 frames, 1 mel mask <= 5",
                     "seconds_rendering": round(render_s), "threads": a.threads, "optimizer": "AdamW, cosine lr",
                     "lr": a.lr, "mix": dict(zip(data.KINDS, data.MIX)), "torch": torch.__version__,
                     "smoke": a.smoke},
        "data": clips.recipe,
        "augmentation": {
            "placement": "phrase fully inside the 1.5 s window (half near its end), 30 % speech before/after",
            "negatives": "truncated phrase (30-75 % kept), confusable phrases, everyday sentences, noise/silence",
            "reverb": "p=0.5, exponentially decaying noise IR, RT60 0.15-0.9 s, direct path + 2-20 ms pre-delay",
            "noise": "p=0.85 white/pink/brown/babble (3-6 negative talkers)/hum at SNR 0-30 dB",
            "gain": "peak -40..-1 dBFS, then int16 quantisation",
        },
        "validation_windows": {"count": n_val, "note": "held-out voice positives vs training-pool negatives, per "
                                                       "window (not streaming)", **metrics},
    }
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(f"wrote {onnx_path} ({manifest['bytes']} bytes, sha256 {sha[:12]}…) and manifest.json "
          f"in {time.time() - t0:.0f} s total", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
