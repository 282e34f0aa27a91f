"""The wake-word network: log-mel front end (inside the ONNX graph) + a small depthwise-separable CNN (temporal, or
spectral: 2-D over mel and time first; ARCHITECTURES).

Input: raw 16 kHz PCM, float in -1..1, shape [batch, WINDOW_SAMPLES]. Output: probability [batch] that the window
holds the whole phrase. The front end is fixed (no trainable weights):
  frames of 400 samples (25 ms) every 160 samples (10 ms), periodic Hann window, a 400-point DFT written as one
  Conv1d with fixed cos/sin kernels (bins 0..200), power, 40 HTK-mel triangles 60-7600 Hz as a MatMul, log(x + 1e-6),
  minus the window's mean (gain invariance: a gain g only adds 2 log g everywhere). NORMALISE = "channel" subtracts
  each mel channel's own mean over the window instead (cepstral mean normalisation: also cancels a fixed spectral
  tilt, such as a voice's or a microphone's colour); train.py --frontend sets it before the model is built.
"""
from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

SAMPLE_RATE = 16_000
WINDOW_SAMPLES = 24_000  # 1.5 s of context: espeak-ng at 120 wpm says "hey ambient" in about 1.2 s
HOP_SAMPLES = 1_280      # the C# side runs the model every 80 ms
N_FFT = 400
FRAME_HOP = 160
N_MELS = 40
F_MIN = 60.0
F_MAX = 7_600.0
LOG_FLOOR = 1e-6
NORMALISE = "window"     # or "channel"; see the module docstring
NORMALISATIONS = {"window": "subtract the window mean of log-mel",
                  "channel": "subtract each mel channel's mean over the window (CMN)"}


def normalise(logmel: torch.Tensor, how: str | None = None) -> torch.Tensor:  # [B, T, M]
    dims = (1,) if (how or NORMALISE) == "channel" else (1, 2)
    return logmel - logmel.mean(dim=dims, keepdim=True)


def n_frames(samples: int = WINDOW_SAMPLES) -> int:
    return 1 + (samples - N_FFT) // FRAME_HOP


def mel_filterbank() -> np.ndarray:
    """[N_FFT/2+1, N_MELS] HTK-mel triangles."""
    def hz_to_mel(f):
        return 2595.0 * np.log10(1.0 + f / 700.0)

    def mel_to_hz(m):
        return 700.0 * (10 ** (m / 2595.0) - 1.0)

    bins = N_FFT // 2 + 1
    freqs = np.arange(bins) * SAMPLE_RATE / N_FFT
    pts = mel_to_hz(np.linspace(hz_to_mel(F_MIN), hz_to_mel(F_MAX), N_MELS + 2))
    fb = np.zeros((bins, N_MELS), dtype=np.float32)
    for m in range(N_MELS):
        lo, c, hi = pts[m], pts[m + 1], pts[m + 2]
        up = (freqs - lo) / (c - lo)
        down = (hi - freqs) / (hi - c)
        fb[:, m] = np.maximum(0.0, np.minimum(up, down))
    return fb


def dft_kernels() -> np.ndarray:
    """[2*(N_FFT/2+1), 1, N_FFT]: Hann-windowed cos rows, then -sin rows."""
    n = np.arange(N_FFT)
    k = np.arange(N_FFT // 2 + 1)[:, None]
    window = 0.5 - 0.5 * np.cos(2 * math.pi * n / N_FFT)
    ang = 2 * math.pi * k * n / N_FFT
    return np.concatenate([np.cos(ang) * window, -np.sin(ang) * window])[:, None, :].astype(np.float32)


class LogMel(nn.Module):
    """The normalisation is fixed when the module is made (NORMALISE then, or `how`), so an ensemble can hold
    members with different front ends."""

    def __init__(self, how: str | None = None) -> None:
        super().__init__()
        self.register_buffer("dft", torch.from_numpy(dft_kernels()))
        self.register_buffer("mel", torch.from_numpy(mel_filterbank()))
        self.bins = N_FFT // 2 + 1
        self.how = how or NORMALISE

    def raw(self, pcm: torch.Tensor) -> torch.Tensor:  # [B, N] -> [B, T, N_MELS], before normalisation
        spec = nn.functional.conv1d(pcm.unsqueeze(1), self.dft, stride=FRAME_HOP)  # [B, 2F, T]
        re, im = spec[:, : self.bins], spec[:, self.bins:]
        power = re * re + im * im                                                  # [B, F, T]
        mel = torch.matmul(power.transpose(1, 2), self.mel)                         # [B, T, M]
        return torch.log(mel + LOG_FLOOR)

    def forward(self, pcm: torch.Tensor) -> torch.Tensor:  # [B, N] -> [B, N_MELS, T]
        return normalise(self.raw(pcm), self.how).transpose(1, 2)


class FastLogMel(LogMel):
    """The same front end through torch.stft (training only: ~1.5x cheaper than the DFT convolution; reference.py
    and the C# tests pin the exported graph to the numpy definition)."""

    def forward(self, pcm: torch.Tensor) -> torch.Tensor:
        window = torch.hann_window(N_FFT, periodic=True, dtype=pcm.dtype)
        spec = torch.stft(pcm, N_FFT, FRAME_HOP, N_FFT, window=window, center=False, return_complex=True)
        power = spec.real ** 2 + spec.imag ** 2                                   # [B, F, T]
        mel = torch.matmul(power.transpose(1, 2), self.mel)
        logmel = torch.log(mel + LOG_FLOOR)
        return normalise(logmel, self.how).transpose(1, 2)


def _norm(channels: int, folded: bool, dims: int = 1) -> nn.Module:
    """BatchNorm, or nothing when it is already folded into the convolution before it (recover.py)."""
    if folded:
        return nn.Identity()
    return nn.BatchNorm2d(channels) if dims == 2 else nn.BatchNorm1d(channels)


def _temporal_blocks(channels: list[int], strides: list[int], folded: bool) -> nn.Sequential:
    """SeparableBlocks (kernel 9) from channels[i] to channels[i + 1] with strides[i]: both classifiers' temporal part."""
    return nn.Sequential(*[SeparableBlock(cin, cout, 9, stride, folded)
                           for cin, cout, stride in zip(channels, channels[1:], strides)])


def _score(x: torch.Tensor, drop: nn.Module, out: nn.Module) -> torch.Tensor:
    """[B, C, T] -> logits [B]: max and mean over time, then the linear layer (both classifiers end so)."""
    pooled = torch.cat([x.amax(dim=2), x.mean(dim=2)], dim=1)
    return out(drop(pooled)).squeeze(1)


class SeparableBlock(nn.Module):
    def __init__(self, cin: int, cout: int, kernel: int, stride: int, folded: bool = False) -> None:
        super().__init__()
        self.dw = nn.Conv1d(cin, cin, kernel, stride=stride, padding=kernel // 2, groups=cin, bias=folded)
        self.bn1 = _norm(cin, folded)
        self.pw = nn.Conv1d(cin, cout, 1, bias=folded)
        self.bn2 = _norm(cout, folded)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.bn1(self.dw(x)))
        return torch.relu(self.bn2(self.pw(x)))


class Classifier(nn.Module):
    """Temporal CNN over the 40 log-mel channels; receptive field ~1.2 s, then max over time. `folded`: the
    BatchNorms are already folded into the convolutions (a member recovered from a shipped graph, recover.py); it
    trains on as a network without normalisation layers."""

    def __init__(self, width: int = 64, wide: int = 96, folded: bool = False) -> None:
        super().__init__()
        self.inp = nn.Conv1d(N_MELS, width, 3, padding=1, bias=folded)
        self.bn = _norm(width, folded)
        self.blocks = _temporal_blocks([width, width, wide, wide, wide], [2, 2, 2, 1], folded)
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(2 * wide, 1)

    def forward(self, feats: torch.Tensor) -> torch.Tensor:  # [B, M, T] -> logits [B]
        x = torch.relu(self.bn(self.inp(feats)))
        return _score(self.blocks(x), self.drop, self.out)


class SeparableBlock2d(nn.Module):
    """3x3 depthwise over (mel, time), then pointwise: SeparableBlock on the spectrogram as an image."""

    def __init__(self, cin: int, cout: int, stride: tuple[int, int], folded: bool = False) -> None:
        super().__init__()
        self.dw = nn.Conv2d(cin, cin, 3, stride=stride, padding=1, groups=cin, bias=folded)
        self.bn1 = _norm(cin, folded, 2)
        self.pw = nn.Conv2d(cin, cout, 1, bias=folded)
        self.bn2 = _norm(cout, folded, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.bn1(self.dw(x)))
        return torch.relu(self.bn2(self.pw(x)))


class SpectralClassifier(nn.Module):
    """2-D convolutions over (mel, time) first, then Classifier's temporal blocks. Another voice's formants sit a
    mel bin or two higher or lower; a 3x3 kernel slid along the mel axis sees the same shape there, where
    Classifier's first convolution has one weight per mel channel and must have heard every such shift in training.
    Mel 40 -> 20 -> 10 -> 5 (strides 2), time 148 -> 74, then the 5 bands x 48 channels as 240 channels of a
    temporal network (time strides 2, 2, 1, kernels 9: receptive field ~1.2 s, as Classifier's)."""

    def __init__(self, width: int = 64, wide: int = 96, folded: bool = False) -> None:
        super().__init__()
        self.inp = nn.Conv2d(1, 16, 3, stride=(2, 1), padding=1, bias=folded)
        self.bn = _norm(16, folded, 2)
        self.spec = nn.Sequential(
            SeparableBlock2d(16, 32, (2, 2), folded),
            SeparableBlock2d(32, 48, (2, 1), folded),
        )
        self.proj = nn.Conv1d(48 * (N_MELS // 8), width, 1, bias=folded)
        self.bnp = _norm(width, folded)
        self.blocks = _temporal_blocks([width, wide, wide, wide], [2, 2, 1], folded)
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(2 * wide, 1)

    def forward(self, feats: torch.Tensor) -> torch.Tensor:  # [B, M, T] -> logits [B]
        x = torch.relu(self.bn(self.inp(feats.unsqueeze(1))))
        x = self.spec(x)                                            # [B, 48, 5, T/2]
        x = torch.relu(self.bnp(self.proj(x.flatten(1, 2))))
        return _score(self.blocks(x), self.drop, self.out)


# Member architectures (train.py --arch; a manifest's config.arch, "temporal" when absent).
ARCHITECTURES = {
    "temporal": "conv1d 40->W k3, 4 depthwise-separable blocks (k9; strides 2,2,2,1), max+mean pool, linear",
    "spectral": "conv2d 1->16 3x3, 2 depthwise-separable 3x3 blocks over (mel, time) to 48 ch x 5 bands, "
                "conv1d 240->W, 3 depthwise-separable blocks (k9; strides 2,2,1), max+mean pool, linear",
}


def make_classifier(arch: str, width: int = 64, wide: int = 96, folded: bool = False) -> nn.Module:
    if arch == "temporal":
        return Classifier(width, wide, folded)
    if arch == "spectral":
        return SpectralClassifier(width, wide, folded)
    raise ValueError(f"arch must be one of {sorted(ARCHITECTURES)}, not {arch!r}")


class WakeWordModel(nn.Module):
    """PCM in; the probability and (for the front-end check in the C# tests) the log-mel out: what ships as ONNX."""

    def __init__(self, classifier: nn.Module) -> None:
        super().__init__()
        self.frontend = LogMel()
        self.classifier = classifier

    def forward(self, pcm: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        feats = self.frontend(pcm)
        return torch.sigmoid(self.classifier(feats)), feats


def is_folded(state: dict) -> bool:
    """Whether a classifier state dict is of a folded classifier (no BatchNorm statistics)."""
    return not any(k.endswith("running_mean") for k in state)


def arch_of(state: dict) -> str:
    """The architecture a classifier state dict belongs to (ARCHITECTURES)."""
    return "spectral" if any(k.startswith("spec.") for k in state) else "temporal"


def count_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters() if p.requires_grad)


def export_onnx(classifier: nn.Module, path: str) -> None:
    export_model(WakeWordModel(classifier), path)


class Ensemble(nn.Module):
    """Several trained classifiers on one log-mel, combined as `combine` says (COMBINATIONS). Classifiers trained
    with other seeds, data mixes, widths and normalisations err on different windows, so together they separate the
    phrase from confusable speech better than any one of them (ensemble.py, README "Ensemble"). "logit" (what ships)
    needs the members to agree: with "prob", near 1 the score is 1 - the mean doubt, and one member sure of a near
    miss carries it over the threshold. The log-mel is computed once and normalised once per distinct normalisation."""

    def __init__(self, members: list[tuple[nn.Module, str]], combine: str = "prob") -> None:
        super().__init__()
        if combine not in COMBINATIONS:
            raise ValueError(f"combine must be one of {sorted(COMBINATIONS)}, not {combine!r}")
        self.frontend = LogMel(members[0][1])
        self.classifiers = nn.ModuleList([c for c, _ in members])
        self.hows = [how for _, how in members]
        self.combine = combine

    def member_logits(self, pcm: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Every member's logit [members, batch], and the first member's normalised log-mel."""
        raw = self.frontend.raw(pcm)
        feats = {how: normalise(raw, how).transpose(1, 2) for how in sorted(set(self.hows))}
        return torch.stack([c(feats[how]) for c, how in zip(self.classifiers, self.hows)]), feats[self.hows[0]]

    def forward(self, pcm: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits, feats = self.member_logits(pcm)
        return combine(logits, self.combine), feats


def combine(logits: torch.Tensor, how: str) -> torch.Tensor:
    """The members' logits [members, ...] as one score (COMBINATIONS)."""
    if how == "logit":
        return torch.sigmoid(logits.mean(dim=0))
    if how == "trimmed":
        if logits.shape[0] < 3:
            raise ValueError(f"combine 'trimmed' needs at least 3 members, not {logits.shape[0]}")
        kept = logits.sum(dim=0) - logits.max(dim=0).values - logits.min(dim=0).values
        return torch.sigmoid(kept / (logits.shape[0] - 2))
    return torch.sigmoid(logits).mean(dim=0)


# How an ensemble's members' outputs become one score (ensemble.py --combine; README "Ensemble").
COMBINATIONS = {
    "prob": "mean of the members' probabilities",
    "logit": "sigmoid of the mean of the members' logits (the geometric mean of their odds)",
    # One member fooled by a near miss (its logit far above the rest) moves "logit" by its share; here the highest
    # and the lowest logit are left out, so neither one sure member nor one that misses decides alone.
    "trimmed": "sigmoid of the mean of the members' logits without the highest and the lowest",
}


def export_model(net: nn.Module, path: str) -> None:
    """PCM in; score and log-mel out (WakeWordModel or Ensemble)."""
    net = net.eval()
    dummy = torch.zeros(1, WINDOW_SAMPLES)
    with torch.no_grad():
        torch.onnx.export(
            net, dummy, path, opset_version=14, input_names=["pcm"], output_names=["score", "logmel"],
            dynamic_axes={"pcm": {0: "batch"}, "score": {0: "batch"}, "logmel": {0: "batch"}}, do_constant_folding=True,
        )
