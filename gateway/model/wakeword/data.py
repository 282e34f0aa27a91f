"""Rendered clips (cached per phrase) and the on-the-fly window sampler used for training and validation."""
from __future__ import annotations

import hashlib
import os
import pickle
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

import audio
import corpus
from model import WINDOW_SAMPLES

SR = audio.SAMPLE_RATE


@dataclass
class Clips:
    positives: list[np.ndarray] = field(default_factory=list)
    confusables: list[np.ndarray] = field(default_factory=list)
    everyday: list[np.ndarray] = field(default_factory=list)
    heldout_positives: list[np.ndarray] = field(default_factory=list)
    recipe: dict = field(default_factory=dict)


def _render_all(jobs: list[tuple[str, audio.Voice]], workers: int) -> list[np.ndarray]:
    def one(job):
        text, v = job
        return audio.trim(audio.render(text, v))

    # espeak-ng runs as a child process, so threads are enough to keep `workers` of them busy.
    with ThreadPoolExecutor(max_workers=workers) as ex:
        return [c for c in ex.map(one, jobs) if len(c) > 1600]


def render_clips(phrase: str, n_pos: int, n_conf_per: int, n_every_per: int, n_heldout: int, seed: int,
                 cache_dir: str | None, workers: int = 2) -> Clips:
    rng = np.random.default_rng(seed)
    train_v = corpus.train_voices()
    held_v = corpus.heldout_voices()
    texts = corpus.phrase_texts(phrase)
    confusables = corpus.make_confusables(phrase)
    norm = lambda s: "".join(c for c in s.lower() if c.isalpha() or c == " ")
    everyday = [s for s in corpus.EVERYDAY if norm(phrase) not in norm(s)]

    def with_amp(v: audio.Voice) -> audio.Voice:
        return audio.Voice(v.voice, v.variant, v.rate, v.pitch, int(rng.choice(corpus.AMPLITUDES)))

    pos_jobs = [(str(rng.choice(texts)), with_amp(v)) for v in corpus.sample(train_v, n_pos, rng)]
    conf_jobs = [(t, with_amp(v)) for t in confusables for v in corpus.sample(train_v, n_conf_per, rng)]
    every_jobs = [(t, with_amp(v)) for t in everyday for v in corpus.sample(train_v, n_every_per, rng)]
    held_jobs = [(phrase, v) for v in corpus.sample(held_v, n_heldout, rng)]

    recipe = {
        "phrase": phrase, "seed": seed, "espeak": "espeak-ng -v VOICE+VARIANT -s RATE -p PITCH -a AMP --stdout TEXT",
        "resample": "22050 -> 16000 Hz: 63-tap Hamming-windowed sinc low-pass at 7.4 kHz, linear interpolation",
        "positive_texts": texts, "positives": len(pos_jobs), "confusable_texts": confusables,
        "confusable_renders": len(conf_jobs), "everyday_sentences": len(everyday), "everyday_renders": len(every_jobs),
        "train_voices": corpus.TRAIN_VOICES, "train_variants": corpus.TRAIN_VARIANTS,
        "train_rates": corpus.TRAIN_RATES, "train_pitches": corpus.TRAIN_PITCHES, "amplitudes": corpus.AMPLITUDES,
        "heldout_voices": corpus.HELDOUT_VOICES, "heldout_variants": corpus.HELDOUT_VARIANTS,
        "heldout_rates": corpus.HELDOUT_RATES, "heldout_pitches": corpus.HELDOUT_PITCHES,
        "heldout_rule": "(held-out voice or held-out variant) and held-out rate and held-out pitch; never trained on",
        "eval_sentences": corpus.EVAL_SENTENCES,
    }
    key = hashlib.sha256(pickle.dumps((pos_jobs, conf_jobs, every_jobs, held_jobs))).hexdigest()[:16]
    path = os.path.join(cache_dir, f"clips-{key}.pkl") if cache_dir else None
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            clips = pickle.load(f)
        clips.recipe = recipe
        return clips
    clips = Clips(
        positives=_render_all(pos_jobs, workers),
        confusables=_render_all(conf_jobs, workers),
        everyday=_render_all(every_jobs, workers),
        heldout_positives=_render_all(held_jobs, workers),
        recipe=recipe,
    )
    if path:
        os.makedirs(cache_dir, exist_ok=True)
        with open(path, "wb") as f:
            pickle.dump(clips, f)
    return clips


KINDS = ["pos", "trunc", "conf", "speech", "noise"]
MIX = [0.40, 0.12, 0.22, 0.16, 0.10]


class Sampler:
    """Builds labelled 1.5 s windows: speech placed in the window, room reverb, noise at an SNR, gain, int16."""

    def __init__(self, clips: Clips, seed: int, positives: list[np.ndarray] | None = None, bank: int = 24) -> None:
        self.c = clips
        self.pos = positives if positives is not None else clips.positives
        self.rng = np.random.default_rng(seed)
        # Banks made once, cropped per window: 4 s noise buffers of every kind and room impulse responses with their
        # spectra (a 0.55 s cap keeps window + tail inside one 32,768-point FFT).
        r = self.rng
        self.noises = [audio.noise(4 * SR, r, clips.everyday) for _ in range(5 * bank)]
        self.fft_n = 32_768
        self.irs = [np.fft.rfft(audio.room_ir(r)[: self.fft_n - WINDOW_SAMPLES], self.fft_n) for _ in range(3 * bank)]

    def _noise(self, n: int) -> np.ndarray:
        buf = self.noises[self.rng.integers(len(self.noises))]
        off = int(self.rng.integers(0, len(buf) - n))
        return buf[off: off + n] * (1.0 if self.rng.random() < 0.5 else -1.0)

    def _reverb(self, x: np.ndarray) -> np.ndarray:
        h = self.irs[self.rng.integers(len(self.irs))]
        return np.fft.irfft(np.fft.rfft(x, self.fft_n) * h, self.fft_n)[: len(x)].astype(np.float32)

    def _pick(self, pool: list[np.ndarray]) -> np.ndarray:
        return pool[self.rng.integers(len(pool))]

    def _context(self, buf: np.ndarray, start: int, end: int) -> None:
        """Other speech before `start` or after `end` (the phrase said within a sentence)."""
        r = self.rng
        gap = int(r.uniform(0.08, 0.5) * SR)
        if r.random() < 0.3 and start - gap > 1600:
            clip = self._pick(self.c.everyday + self.c.confusables)
            seg = clip[-(start - gap):]
            buf[start - gap - len(seg): start - gap] += seg * r.uniform(0.5, 1.5) * audio.rms(self.pos[0]) / audio.rms(clip)
        if r.random() < 0.3 and end + gap < len(buf) - 1600:
            clip = self._pick(self.c.everyday)
            seg = clip[: len(buf) - end - gap]
            buf[end + gap: end + gap + len(seg)] += seg * r.uniform(0.5, 1.5) * audio.rms(self.pos[0]) / audio.rms(clip)

    def _place(self, buf: np.ndarray, clip: np.ndarray, offset: int) -> None:
        a, b = max(0, offset), min(len(buf), offset + len(clip))
        if b > a:
            buf[a:b] += clip[a - offset: b - offset]

    def window(self, kind: str) -> np.ndarray:
        r = self.rng
        n = WINDOW_SAMPLES
        speech = np.zeros(n, dtype=np.float32)
        if kind == "pos":
            clip = self._pick(self.pos)[: n]
            room = n - len(clip)
            off = int(r.integers(0, room + 1)) if r.random() < 0.5 else room - int(r.integers(0, min(room, 4800) + 1))
            self._place(speech, clip, off)
            self._context(speech, off, off + len(clip))
        elif kind == "trunc":
            clip = self._pick(self.pos)
            if r.random() < 0.5:   # the end is missing ("hey amb")
                keep = int(len(clip) * r.uniform(0.3, 0.7))
                off = n - keep
            else:                  # the start is missing ("...bient")
                keep = int(len(clip) * r.uniform(0.3, 0.75))
                off = keep - len(clip) + int(r.integers(0, n - keep))
            self._place(speech, clip, off)
        elif kind == "conf":
            clip = self._pick(self.c.confusables)
            off = int(r.integers(-len(clip) // 3, max(1, n - 2 * len(clip) // 3)))
            self._place(speech, clip, off)
            self._context(speech, max(0, off), min(n, off + len(clip)))
        elif kind == "speech":
            pos = int(r.integers(-n // 2, n // 3))
            while pos < n:
                clip = self._pick(self.c.everyday)
                self._place(speech, clip * r.uniform(0.6, 1.4) / audio.rms(clip) * 0.1, pos)
                pos += len(clip) + int(r.uniform(0.0, 0.6) * SR)
        has_speech = kind != "noise"
        if has_speech and r.random() < 0.5:
            speech = self._reverb(speech)
        if has_speech:
            active = speech[np.abs(speech) > 1e-4]
            level = audio.rms(active) if len(active) else 1.0
            x = speech / level * 0.05
            if r.random() < 0.85:
                snr = r.uniform(0.0, 30.0)
                x = x + self._noise(n) * 0.05 * 10 ** (-snr / 20)
            peak = np.abs(x).max() + 1e-9
            x = x / peak * 10 ** (r.uniform(-40.0, -1.0) / 20)
        else:
            x = self._noise(n) * 10 ** (r.uniform(-75.0, -15.0) / 20)
            if r.random() < 0.2:
                x = x * 0  # digital silence (the start of a stream)
        return audio.to_int16(x)

    def batch(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        kinds = self.rng.choice(len(KINDS), size=size, p=MIX)
        xs = np.stack([self.window(KINDS[k]) for k in kinds])
        ys = (kinds == 0).astype(np.float32)
        return xs, ys
