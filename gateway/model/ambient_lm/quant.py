"""The int8 scheme shared by the ONNX graph surgery (onnx_quant.py) and its torch simulation.

Weights: symmetric int8 per output column, scale = max|W[:, n]| / 127, q = clamp(round(W / scale), -127, 127).
The tied embedding E [V, d] is quantized per row (= per column of the LM head E^T [d, V]): one int8 matrix
serves both the input lookup and the LM head.
Activations (simulation only; ORT does it at run time in DynamicQuantizeMatMul): per-tensor asymmetric uint8 as
DynamicQuantizeLinear: range widened to include 0, scale = (max - min) / 255, zp = clamp(round(-min / scale)),
q = clamp(round(x / scale) + zp, 0, 255).
"""
from __future__ import annotations

import copy

import numpy as np
import torch

from .model import GPT, Linear


def quantize_columns(w: np.ndarray, qmax: int = 127):
    """w [K, N] float -> (q int8 [K, N], scale float32 [N])."""
    w = np.asarray(w, dtype=np.float32)
    amax = np.abs(w).max(axis=0)
    scale = np.where(amax > 0, amax / qmax, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale), -qmax, qmax).astype(np.int8)
    return q, scale


def fake_quant_weight_columns(w: torch.Tensor, qmax: int = 127) -> torch.Tensor:
    q, s = quantize_columns(w.detach().cpu().numpy(), qmax)
    return torch.from_numpy(q.astype(np.float32) * s)


def fake_quant_activation(x: torch.Tensor) -> torch.Tensor:
    lo = torch.clamp(x.min(), max=0.0)
    hi = torch.clamp(x.max(), min=0.0)
    scale = (hi - lo) / 255.0
    if float(scale) == 0.0:
        return x
    zp = torch.clamp(torch.round(-lo / scale), 0, 255)
    q = torch.clamp(torch.round(x / scale) + zp, 0, 255)
    return (q - zp) * scale


class _QLinear(torch.nn.Module):
    def __init__(self, lin: Linear, qmax: int):
        super().__init__()
        self.weight = torch.nn.Parameter(fake_quant_weight_columns(lin.weight, qmax), requires_grad=False)
        self.bias = lin.bias

    def forward(self, x):
        return torch.matmul(fake_quant_activation(x), self.weight) + self.bias


class _QLMHeadGPT(GPT):
    def forward(self, input_ids, position_ids, past=None, pad_mask=None):
        # same as GPT.forward but the LM head input is activation-quantized (weights already fake-quantized)
        orig = self.ln_f
        outer = self

        class _Wrap(torch.nn.Module):
            def forward(self, x):
                return fake_quant_activation(orig(x))

        self.ln_f = _Wrap()
        try:
            return GPT.forward(outer, input_ids, position_ids, past, pad_mask)
        finally:
            self.ln_f = orig


def simulated_int8(model: GPT, qmax: int = 127) -> GPT:
    """A copy of the model that computes what the int8 ONNX graph computes (up to float rounding)."""
    m = copy.deepcopy(model).eval()
    for blk in m.blocks:
        for name in ("qkv", "proj", "fc1", "fc2"):
            setattr(blk, name, _QLinear(getattr(blk, name), qmax))
    with torch.no_grad():
        # per-row of E == per-column of E^T
        m.wte.weight.copy_(fake_quant_weight_columns(m.wte.weight.t(), qmax).t())
    m.__class__ = _QLMHeadGPT
    return m
