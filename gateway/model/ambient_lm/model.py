"""Decoder-only transformer: learned positions, pre-LN, tied embeddings, manual attention (torch 1.13, no SDPA).

forward(input_ids [B,T], position_ids [B,T], past = [(k, v)] * L with k, v [B,H,P,D], P may be 0)
  -> logits [B,T,V], presents [(k, v)] * L with [B,H,P+T,D].
Attention is causal over past + new: new token j (absolute slot P+j) sees cache slots 0..P+j.
Linear weights are used as x @ W with W stored [in, out] (ONNX MatMul layout) so the exported graph holds
[K, N] initializers that quantize directly into DynamicQuantizeMatMul; the LM head is x @ E^T (tied).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

NEG = -1e4  # finite mask value (fully masked rows never happen, but -inf risks NaN in fp16/quantized paths)


@dataclass
class Config:
    vocab: int
    width: int = 256
    layers: int = 4
    heads: int = 4
    ffn: int = 1024
    context: int = 160
    dropout: float = 0.0

    @property
    def head_dim(self) -> int:
        return self.width // self.heads

    def to_dict(self) -> dict:
        d = asdict(self)
        d["head_dim"] = self.head_dim
        return d


class Linear(nn.Module):
    """y = x @ W + b with W [in, out]."""

    def __init__(self, n_in: int, n_out: int):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x):
        return torch.matmul(x, self.weight) + self.bias


class Block(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.ln1 = nn.LayerNorm(cfg.width)
        self.qkv = Linear(cfg.width, 3 * cfg.width)
        self.proj = Linear(cfg.width, cfg.width)
        self.ln2 = nn.LayerNorm(cfg.width)
        self.fc1 = Linear(cfg.width, cfg.ffn)
        self.fc2 = Linear(cfg.ffn, cfg.width)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, mask, past_k, past_v):
        B, T, C = x.shape
        H, D = self.cfg.heads, self.cfg.head_dim
        h = self.ln1(x)
        qkv = self.qkv(h)
        q, k, v = qkv.split(C, dim=2)
        q = q.reshape(B, T, H, D).transpose(1, 2)
        k = k.reshape(B, T, H, D).transpose(1, 2)
        v = v.reshape(B, T, H, D).transpose(1, 2)
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(2, 3)) * (1.0 / math.sqrt(D)) + mask
        att = torch.softmax(att, dim=-1)
        att = self.drop(att)
        y = torch.matmul(att, v).transpose(1, 2).reshape(B, T, C)
        x = x + self.drop(self.proj(y))
        x = x + self.drop(self.fc2(F.gelu(self.fc1(self.ln2(x)))))
        return x, k, v


class GPT(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.wte = nn.Embedding(cfg.vocab, cfg.width)
        self.wpe = nn.Embedding(cfg.context, cfg.width)
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.layers)])
        self.ln_f = nn.LayerNorm(cfg.width)
        self.drop = nn.Dropout(cfg.dropout)
        nn.init.normal_(self.wte.weight, std=0.02)
        nn.init.normal_(self.wpe.weight, std=0.01)
        # GPT-2 style scaled init of the residual projections
        for b in self.blocks:
            nn.init.normal_(b.proj.weight, std=0.02 / math.sqrt(2 * cfg.layers))
            nn.init.normal_(b.fc2.weight, std=0.02 / math.sqrt(2 * cfg.layers))

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def empty_past(self, batch: int = 1, device=None) -> List[Tuple[torch.Tensor, torch.Tensor]]:
        z = torch.zeros(batch, self.cfg.heads, 0, self.cfg.head_dim, device=device)
        return [(z, z) for _ in range(self.cfg.layers)]

    def forward(self, input_ids, position_ids, past: Optional[List[Tuple[torch.Tensor, torch.Tensor]]] = None,
                pad_mask: Optional[torch.Tensor] = None, return_hidden: bool = False):
        """pad_mask (training only): [B, T] bool, True for real tokens; keys at padding are masked out.
        return_hidden: return the final normed hidden states [B,T,C] instead of logits (training computes the LM
        head only where there is a loss)."""
        B, T = input_ids.shape
        if past is None:
            past = self.empty_past(B, input_ids.device)
        P = past[0][0].shape[2]
        x = self.wte(input_ids) + self.wpe(position_ids)
        x = self.drop(x)
        # causal mask over past + new (new token j, at absolute slot P + j, sees slots 0..P + j)
        q_pos = torch.arange(T, device=input_ids.device) + P  # [T]
        k_pos = torch.arange(P + T, device=input_ids.device)  # [P+T]
        allowed = k_pos.unsqueeze(0) <= q_pos.unsqueeze(1)  # [T, P+T]
        mask = torch.where(allowed, torch.zeros((), dtype=x.dtype), torch.full((), NEG, dtype=x.dtype))
        mask = mask.unsqueeze(0).unsqueeze(0)  # [1,1,T,P+T]
        if pad_mask is not None:
            mask = mask + (~pad_mask).to(x.dtype)[:, None, None, :] * NEG
        presents = []
        for blk, (pk, pv) in zip(self.blocks, past):
            x, k, v = blk(x, mask, pk, pv)
            presents.append((k, v))
        x = self.ln_f(x)
        if return_hidden:
            return x, presents
        logits = torch.matmul(x, self.wte.weight.t())
        return logits, presents


def make_model(cfg: Config, seed: int) -> GPT:
    torch.manual_seed(seed)
    return GPT(cfg)
