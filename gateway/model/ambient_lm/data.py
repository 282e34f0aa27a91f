"""Corpus reading, encoding, the train/val split and length-bucketed batches."""
from __future__ import annotations

import hashlib
import json
import random
from typing import Iterator, List, Tuple

import torch

from .bpe import PAD, Tokenizer


def read_corpus(path: str) -> List[Tuple[str, str]]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            if not isinstance(d.get("prompt"), str) or not isinstance(d.get("text"), str):
                raise ValueError(f"{path}:{n}: no prompt/text string")
            out.append((d["prompt"], d["text"]))
    return out


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def encode_all(tok: Tokenizer, examples, context: int, log=print):
    """-> list of (ids, text_start); examples longer than the context are dropped (counted)."""
    out, dropped = [], 0
    for prompt, text in examples:
        ids, start = tok.encode_example(prompt, text)
        if len(ids) > context:
            dropped += 1
            continue
        out.append((ids, start))
    if dropped:
        log(f"data: dropped {dropped} of {len(examples)} examples longer than the context ({context})")
    return out


def split(encoded, val_fraction: float, seed: int):
    """Deterministic split by a seeded shuffle of indices."""
    idx = list(range(len(encoded)))
    random.Random(seed).shuffle(idx)
    n_val = max(1, int(round(len(idx) * val_fraction))) if len(idx) > 1 else 0
    val = [encoded[i] for i in sorted(idx[:n_val])]
    train = [encoded[i] for i in sorted(idx[n_val:])]
    return train, val


def collate(batch):
    """batch of (ids, text_start) -> x [B,L], y [B,L] (targets, -100 where no loss), positions [B,L]."""
    L = max(len(ids) for ids, _ in batch) - 1
    B = len(batch)
    x = torch.full((B, L), PAD, dtype=torch.long)
    y = torch.full((B, L), -100, dtype=torch.long)
    for b, (ids, start) in enumerate(batch):
        t = torch.tensor(ids, dtype=torch.long)
        n = len(ids) - 1
        x[b, :n] = t[:-1]
        tgt = t[1:].clone()
        tgt[: start - 1] = -100  # loss only on text tokens and <eos> (target index j is token j+1)
        y[b, :n] = tgt
    pos = torch.arange(L).unsqueeze(0).expand(B, L).contiguous()
    return x, y, pos


def batches(data, batch_size: int, rng: random.Random) -> Iterator[list]:
    """One epoch of length-bucketed batches in random order."""
    idx = list(range(len(data)))
    rng.shuffle(idx)
    chunk = batch_size * 50
    out = []
    for c in range(0, len(idx), chunk):
        part = sorted(idx[c:c + chunk], key=lambda i: len(data[i][0]))
        for b in range(0, len(part), batch_size):
            out.append([data[i] for i in part[b:b + batch_size]])
    rng.shuffle(out)
    yield from out
