"""Synthetic audio for wake-word training: espeak-ng rendering, resampling to 16 kHz, noise, reverb, mixing.

Everything is numpy so that the same recipe runs in training, in the reference-score fixtures and in the smoke test.
The C# bench and tests (tests/Ambient.Benchmarks/WakeWord, tests/Ambient.Gateway.Tests/Voice/WakeWord) render their
evaluation audio with the same espeak-ng command line and the same resampler (windowed-sinc low-pass + linear
interpolation), so a held-out voice means the same thing on both sides.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
ESPEAK_RATE = 22_050


@dataclass(frozen=True)
class Voice:
    """One espeak-ng rendering setting: voice+variant, words per minute, pitch (0-99), amplitude (0-200)."""

    voice: str
    variant: str
    rate: int
    pitch: int
    amplitude: int = 100

    @property
    def name(self) -> str:
        return f"{self.voice}+{self.variant}" if self.variant else self.voice

    def key(self) -> str:
        return f"{self.name}|s{self.rate}|p{self.pitch}|a{self.amplitude}"


def lowpass_kernel(cutoff_hz: float, rate: int, taps: int = 63) -> np.ndarray:
    """Hamming-windowed sinc low-pass, unit DC gain (the C# side builds the same kernel)."""
    n = np.arange(taps) - (taps - 1) / 2
    fc = cutoff_hz / rate
    h = 2 * fc * np.sinc(2 * fc * n) * np.hamming(taps)
    return (h / h.sum()).astype(np.float64)


_LP = lowpass_kernel(7_400.0, ESPEAK_RATE)


def resample_22050_to_16000(x: np.ndarray) -> np.ndarray:
    """espeak-ng speaks at 22,050 Hz; low-pass below the new Nyquist, then linear interpolation."""
    y = np.convolve(x.astype(np.float64), _LP, mode="same")
    n_out = int(len(y) * SAMPLE_RATE // ESPEAK_RATE)
    t = np.arange(n_out) * (ESPEAK_RATE / SAMPLE_RATE)
    return np.interp(t, np.arange(len(y)), y).astype(np.float32)


def render(text: str, v: Voice) -> np.ndarray:
    """espeak-ng --stdout (a WAV whose header carries no length: skip the 44-byte header), float32 at 16 kHz."""
    args = ["espeak-ng", "-v", v.name, "-s", str(v.rate), "-p", str(v.pitch), "-a", str(v.amplitude), "--stdout", text]
    out = subprocess.run(args, capture_output=True, check=True).stdout
    pcm = np.frombuffer(out[44:], dtype=np.int16).astype(np.float32) / 32768.0
    return resample_22050_to_16000(pcm)


def trim(x: np.ndarray, rel_db: float = -35.0, pad: int = 800) -> np.ndarray:
    """Cut leading and trailing silence (samples below rel_db of the peak), keeping `pad` samples either side."""
    if len(x) == 0:
        return x
    thr = np.abs(x).max() * 10 ** (rel_db / 20)
    idx = np.nonzero(np.abs(x) > thr)[0]
    if len(idx) == 0:
        return x[:0]
    return x[max(0, idx[0] - pad): idx[-1] + 1 + pad]


# ---------------------------------------------------------------- noise

def white(n: int, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal(n).astype(np.float32)


def colored(n: int, rng: np.random.Generator, exponent: float) -> np.ndarray:
    """1/f^exponent noise through the FFT (1 = pink, 2 = brown)."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n)
    f[0] = f[1]
    spec = spec / f ** (exponent / 2)
    y = np.fft.irfft(spec, n)
    return (y / (y.std() + 1e-9)).astype(np.float32)


def hum(n: int, rng: np.random.Generator) -> np.ndarray:
    """Mains/fridge hum: 50 or 60 Hz and harmonics, plus a little broadband noise."""
    f0 = rng.choice([50.0, 60.0, 100.0, 120.0])
    t = np.arange(n) / SAMPLE_RATE
    y = sum(rng.uniform(0.2, 1.0) / k * np.sin(2 * np.pi * f0 * k * t + rng.uniform(0, 6.3)) for k in range(1, 6))
    y = y + 0.05 * rng.standard_normal(n)
    return (y / (y.std() + 1e-9)).astype(np.float32)


def babble(n: int, rng: np.random.Generator, pool: list[np.ndarray], talkers: int) -> np.ndarray:
    """Several negative utterances on top of each other, tiled to length n."""
    y = np.zeros(n, dtype=np.float32)
    for _ in range(talkers):
        clip = pool[rng.integers(len(pool))]
        if len(clip) == 0:
            continue
        reps = int(np.ceil((n + len(clip)) / len(clip)))
        tiled = np.tile(clip, reps)
        off = rng.integers(len(clip))
        y += tiled[off: off + n] / (clip.std() + 1e-9)
    return (y / (y.std() + 1e-9)).astype(np.float32)


def noise(n: int, rng: np.random.Generator, pool: list[np.ndarray]) -> np.ndarray:
    kind = rng.choice(["white", "pink", "brown", "babble", "hum", "pink"])
    if kind == "white":
        return white(n, rng)
    if kind == "pink":
        return colored(n, rng, 1.0)
    if kind == "brown":
        return colored(n, rng, 2.0)
    if kind == "hum":
        return hum(n, rng)
    return babble(n, rng, pool, int(rng.integers(3, 7)))


def room_ir(rng: np.random.Generator) -> np.ndarray:
    """A room-like impulse response: direct path, then exponentially decaying noise (RT60 0.15-0.9 s)."""
    rt60 = rng.uniform(0.15, 0.9)
    n = int(min(rt60, 0.6) * SAMPLE_RATE)
    t = np.arange(n) / SAMPLE_RATE
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60)
    delay = int(rng.uniform(0.002, 0.02) * SAMPLE_RATE)
    ir = np.zeros(n + delay)
    ir[0] = 1.0
    ir[delay:] += tail * rng.uniform(0.1, 0.5)
    return (ir / np.sqrt((ir ** 2).sum())).astype(np.float32)


def reverb(x: np.ndarray, ir: np.ndarray) -> np.ndarray:
    n = len(x) + len(ir) - 1
    size = 1 << (n - 1).bit_length()
    y = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(ir, size), size)[: len(x)]
    return y.astype(np.float32)


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x.astype(np.float64) ** 2)) + 1e-12)


def to_int16(x: np.ndarray) -> np.ndarray:
    """What the earbud sends: 16-bit PCM (clipped), back as float in -1..1."""
    return (np.clip(np.round(x * 32767.0), -32768, 32767) / 32768.0).astype(np.float32)
