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
    # More "<word> <rest of the phrase>" negatives (render_near_misses): drawn with the confusables for training
    # windows only, so the continuous streams (mining, calibration) are what they were.
    near_misses: list[np.ndarray] = field(default_factory=list)
    recipe: dict = field(default_factory=dict)


def _render_pairs(jobs: list[tuple[str, audio.Voice]], workers: int) -> list[tuple[str, np.ndarray]]:
    """(text, trimmed clip) for every job whose clip is longer than 0.1 s, in job order."""
    def one(job):
        text, v = job
        return text, audio.trim(audio.render(text, v))

    # espeak-ng runs as a child process, so threads are enough to keep `workers` of them busy.
    with ThreadPoolExecutor(max_workers=workers) as ex:
        return [(t, c) for t, c in ex.map(one, jobs) if len(c) > 1600]


def _render_all(jobs: list[tuple[str, audio.Voice]], workers: int) -> list[np.ndarray]:
    return [c for _, c in _render_pairs(jobs, workers)]


def _cached(prefix: str, jobs: tuple, cache_dir: str | None, build):
    """build(), kept in cache_dir under the hash of the render jobs it came from (so a changed recipe re-renders)."""
    key = hashlib.sha256(pickle.dumps(jobs)).hexdigest()[:16]
    path = os.path.join(cache_dir, f"{prefix}-{key}.pkl") if cache_dir else None
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    out = build()
    if path:
        os.makedirs(cache_dir, exist_ok=True)
        with open(path, "wb") as f:
            pickle.dump(out, f)
    return out


def _with_amp(v: audio.Voice, rng: np.random.Generator) -> audio.Voice:
    return audio.Voice(v.voice, v.variant, v.rate, v.pitch, int(rng.choice(corpus.AMPLITUDES)))


def _letters(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalpha() or c == " ")


def render_clips(phrase: str, n_pos: int, n_conf_per: int, n_every_per: int, n_heldout: int, seed: int,
                 cache_dir: str | None, workers: int = 2) -> Clips:
    rng = np.random.default_rng(seed)
    train_v = corpus.train_voices()
    held_v = corpus.heldout_voices()
    texts = corpus.phrase_texts(phrase)
    confusables = corpus.make_confusables(phrase)
    everyday = [s for s in corpus.EVERYDAY if _letters(phrase) not in _letters(s)]
    pos_jobs = [(str(rng.choice(texts)), _with_amp(v, rng)) for v in corpus.sample(train_v, n_pos, rng)]
    conf_jobs = [(t, _with_amp(v, rng)) for t in confusables for v in corpus.sample(train_v, n_conf_per, rng)]
    every_jobs = [(t, _with_amp(v, rng)) for t in everyday for v in corpus.sample(train_v, n_every_per, rng)]
    held_jobs = [(phrase, v) for v in corpus.sample(held_v, n_heldout, rng)]

    recipe = {
        "phrase": phrase, "seed": seed, "espeak": "espeak-ng -v VOICE+VARIANT -s RATE -p PITCH -a AMP --stdout TEXT",
        "resample": "22050 -> 16000 Hz: 63-tap Hamming-windowed sinc low-pass at 7.4 kHz, linear interpolation",
        "positive_texts": texts, "positives": len(pos_jobs),
        "confusable_texts": [t for t in confusables if not (USE_ALIASES and corpus.is_alias(t, phrase))],
        "aliases": corpus.aliases(phrase) if USE_ALIASES else [],
        "confusable_renders": len(conf_jobs), "everyday_sentences": len(everyday), "everyday_renders": len(every_jobs),
        "train_voices": corpus.TRAIN_VOICES, "train_variants": corpus.TRAIN_VARIANTS,
        "train_rates": corpus.TRAIN_RATES, "train_pitches": corpus.TRAIN_PITCHES, "amplitudes": corpus.AMPLITUDES,
        "heldout_voices": corpus.HELDOUT_VOICES, "heldout_variants": corpus.HELDOUT_VARIANTS,
        "heldout_rates": corpus.HELDOUT_RATES, "heldout_pitches": corpus.HELDOUT_PITCHES,
        "heldout_rule": "(held-out voice or held-out variant) and held-out rate and held-out pitch; never trained on",
        "eval_sentences": corpus.EVAL_SENTENCES,
        "eval_household": corpus.eval_household(),
    }
    clips = _cached("clips", (pos_jobs, conf_jobs, every_jobs, held_jobs), cache_dir, lambda: Clips(
        positives=_render_all(pos_jobs, workers),
        confusables=_render_all(conf_jobs, workers),
        everyday=_render_all(every_jobs, workers),
        heldout_positives=_render_all(held_jobs, workers),
    ))
    clips.recipe = recipe
    return clips


def render_extra(phrase: str, n_pos: int, n_every_per: int, seed: int, cache_dir: str | None,
                 workers: int = 3) -> tuple[list[np.ndarray], list[np.ndarray], list[str]]:
    """The second recipe's extra renders, cached on their own so the first recipe's cache stays valid: `n_pos` more
    positives and corpus.EVERYDAY_MORE x `n_every_per`, all by training voices/settings. Returns (positives,
    everyday clips, the everyday texts in clip order)."""
    rng = np.random.default_rng(seed + 7919)
    held = {_letters(s) for s in corpus.EVAL_SENTENCES}
    texts = [s for s in corpus.EVERYDAY_MORE if _letters(phrase) not in _letters(s)]
    assert not [s for s in texts if _letters(s) in held], "EVERYDAY_MORE must not contain evaluation sentences"
    train_v = corpus.train_voices()
    ptexts = corpus.phrase_texts(phrase)
    pos_jobs = [(str(rng.choice(ptexts)), _with_amp(v, rng)) for v in corpus.sample(train_v, n_pos, rng)]
    every_jobs = [(t, _with_amp(v, rng)) for t in texts for v in corpus.sample(train_v, n_every_per, rng)]

    def build():
        ev = _render_pairs(every_jobs, workers)
        return _render_all(pos_jobs, workers), [c for _, c in ev], [t for t, _ in ev]

    return _cached("extra", (pos_jobs, every_jobs), cache_dir, build)


def render_accents(phrase: str, n_pos: int, n_conf_per: int, n_every: int, seed: int, cache_dir: str | None,
                   workers: int = 3) -> tuple[list[np.ndarray], list[np.ndarray], list[str], list[np.ndarray]]:
    """corpus.ACCENT_VOICES (training variants, rates and pitches) saying the phrase, every confusable and some
    everyday sentences. Returns (positives, confusables, their texts, everyday clips)."""
    rng = np.random.default_rng(seed + 104729)
    grid = corpus.voice_grid(corpus.ACCENT_VOICES, corpus.TRAIN_VARIANTS, corpus.TRAIN_RATES, corpus.TRAIN_PITCHES)
    texts = [s for s in corpus.EVERYDAY + corpus.EVERYDAY_MORE if _letters(phrase) not in _letters(s)]
    ptexts = corpus.phrase_texts(phrase)
    pos_jobs = [(str(rng.choice(ptexts)), _with_amp(v, rng)) for v in corpus.sample(grid, n_pos, rng)]
    conf_jobs = [(t, _with_amp(v, rng)) for t in corpus.make_confusables(phrase) for v in corpus.sample(grid, n_conf_per, rng)]
    every_jobs = [(str(texts[rng.integers(len(texts))]), _with_amp(v, rng)) for v in corpus.sample(grid, n_every, rng)]

    def build():
        conf = _render_pairs(conf_jobs, workers)
        return _render_all(pos_jobs, workers), [c for _, c in conf], [t for t, _ in conf], _render_all(every_jobs, workers)

    return _cached("accents", (pos_jobs, conf_jobs, every_jobs), cache_dir, build)


def render_aliases(phrase: str, n: int, seed: int, cache_dir: str | None, workers: int = 3) -> list[np.ndarray]:
    """`n` positives saying the phrase's aliases (corpus.ALIASES, in its written forms), by training voices at
    training settings. Cached on their own."""
    texts = [t for al in corpus.aliases(phrase) for t in corpus.phrase_texts(al)]
    if not texts or n <= 0:
        return []
    rng = np.random.default_rng(seed + 86028121)
    jobs = [(str(rng.choice(texts)), _with_amp(v, rng)) for v in corpus.sample(corpus.train_voices(), n, rng)]
    return _cached("alias", tuple(jobs), cache_dir, lambda: _render_all(jobs, workers))


def render_pronunciations(phrase: str, n: int, seed: int, cache_dir: str | None,
                          workers: int = 3) -> list[np.ndarray]:
    """`n` positives in accents no training voice has (corpus.pronunciations: h-dropped, diphthong-shifted), spoken
    by training voices at training settings, the pronunciations taken in turn. Cached on their own."""
    variants = corpus.pronunciations(phrase, with_aliases=USE_ALIASES)
    if not variants or n <= 0:
        return []
    rng = np.random.default_rng(seed + 6700417)
    jobs = [(variants[i % len(variants)], _with_amp(v, rng))
            for i, v in enumerate(corpus.sample(corpus.train_voices(), n, rng))]
    return _cached("pron", tuple(jobs), cache_dir, lambda: _render_all(jobs, workers))


def render_near_misses(phrase: str, n_per: int, n_accent_per: int, seed: int, cache_dir: str | None,
                       workers: int = 3, wide: bool = True) -> list[np.ndarray]:
    """Every corpus.near_misses text `n_per` times by training voices and `n_accent_per` times by accent voices, at
    training settings. Cached on their own."""
    texts = corpus.near_misses(phrase, wide)
    if not texts or n_per + n_accent_per <= 0:
        return []
    rng = np.random.default_rng(seed + 2147483647)
    accents = corpus.voice_grid(corpus.ACCENT_VOICES, corpus.TRAIN_VARIANTS, corpus.TRAIN_RATES, corpus.TRAIN_PITCHES)
    jobs = [(t, _with_amp(v, rng)) for t in texts
            for v in corpus.sample(corpus.train_voices(), n_per, rng) + corpus.sample(accents, n_accent_per, rng)]
    return _cached("nearmiss", tuple(jobs), cache_dir, lambda: _render_all(jobs, workers))


def render_accented_near_misses(phrase: str, n_per: int, seed: int, cache_dir: str | None, workers: int = 3,
                                wide: bool = True) -> list[np.ndarray]:
    """Every corpus.accented_near_misses variant `n_per` times by training voices at training settings (the near
    misses in the accents the pronunciation positives have). Cached on their own."""
    variants = corpus.accented_near_misses(phrase, wide, with_aliases=USE_ALIASES)
    if not variants or n_per <= 0:
        return []
    rng = np.random.default_rng(seed + 524287)
    jobs = [(t, _with_amp(v, rng)) for t in variants for v in corpus.sample(corpus.train_voices(), n_per, rng)]
    return _cached("nearmissacc", tuple(jobs), cache_dir, lambda: _render_all(jobs, workers))


def render_generated(phrase: str, n: int, seed: int, cache_dir: str | None, workers: int = 3,
                     exclude: frozenset[str] = frozenset()) -> list[np.ndarray]:
    """corpus.generated_sentences(n), each once, by a random training or accent voice at training settings: many
    sentences said once each, rather than a few said many times (the bench's false accepts come from sentences the
    model never heard). Texts in `exclude` are left out. Cached on their own."""
    rng = np.random.default_rng(seed + 15485863)
    grid = corpus.train_voices() + corpus.voice_grid(corpus.ACCENT_VOICES, corpus.TRAIN_VARIANTS, corpus.TRAIN_RATES,
                                                     corpus.TRAIN_PITCHES)
    texts = [t for t in corpus.generated_sentences(n, seed) if _letters(phrase) not in _letters(t) and t not in exclude]
    jobs = [(t, _with_amp(grid[int(rng.integers(len(grid)))], rng)) for t in texts]
    return _cached("generated", tuple(jobs), cache_dir, lambda: _render_all(jobs, workers))


KINDS = ["pos", "trunc", "conf", "speech", "stream", "noise"]
TRUNC_CONTEXT = 0.0  # share of start-missing truncations with a sound before them; train.py --trunc-context sets it
PERTURB = 0.0  # speed perturbation range (±), see Sampler._perturb; train.py --perturb sets it
USE_ALIASES = True  # the phrase's aliases (corpus.ALIASES) wake too; train.py --no-aliases clears it
MIX = [0.34, 0.10, 0.20, 0.10, 0.20, 0.06]


def stream_pool(clips: Clips, conf_texts: list[str] | None, phrase: str) -> list[np.ndarray]:
    """Negative clips for continuous streams: every everyday clip and the confusables that cannot join a neighbour
    into the phrase (not ending in its first word, not starting with its last: "hey" then "ambient light" is the
    phrase). Confusables whose text is unknown are left out."""
    words = phrase.lower().split()
    pool = list(clips.everyday)
    if conf_texts is not None and len(conf_texts) == len(clips.confusables):
        for t, c in zip(conf_texts, clips.confusables):
            w = [x.strip(",.!?") for x in t.lower().split()]
            if w and w[-1] != words[0] and w[0] != words[-1]:
                pool.append(c)
    return pool


class Sampler:
    """Builds labelled 1.5 s windows: speech placed in the window, room reverb, noise at an SNR, gain, int16."""

    def __init__(self, clips: Clips, seed: int, positives: list[np.ndarray] | None = None, bank: int = 24,
                 stream: list[np.ndarray] | None = None, mix: list[float] | None = None) -> None:
        self.c = clips
        self.pos = positives if positives is not None else clips.positives
        self.stream_clips = stream if stream is not None else clips.everyday
        self.mix = mix if mix is not None else MIX
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
        return self._perturb(pool[self.rng.integers(len(pool))])

    def _perturb(self, clip: np.ndarray) -> np.ndarray:
        """Speed perturbation half the time: the clip resampled by 0.88-1.12, which moves pitch, formants and tempo
        together, as a longer or shorter vocal tract would. espeak-ng's held-out variants differ from the training
        ones mostly in formants; every kind of speech gets it, so a perturbed voice says nothing about the label."""
        r = self.rng
        if PERTURB <= 0 or r.random() >= 0.5:
            return clip
        factor = r.uniform(1.0 - PERTURB, 1.0 + PERTURB)
        n = max(2, int(len(clip) / factor))
        return np.interp(np.arange(n) * factor, np.arange(len(clip)), clip).astype(np.float32)

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

    def _sound_before(self, buf: np.ndarray, start: int) -> None:
        """Other speech, or a burst of noise, ending 0.03-0.3 s before `start`: a truncated phrase after some other
        sound ("the ambient", a cough then "ambient"), so that what comes before the tail is not a cue by itself."""
        r = self.rng
        end = start - int(r.uniform(0.03, 0.3) * SR)
        if end < 1600:
            return
        level = audio.rms(self.pos[0]) * r.uniform(0.3, 1.5)
        if r.random() < 0.7:
            clip = self._pick(self.c.everyday + self.c.confusables)
        else:
            clip = self._noise(int(r.uniform(0.1, 0.6) * SR))
        seg = clip[-end:]
        buf[end - len(seg): end] += seg * level / (audio.rms(seg) + 1e-9)

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
            clip = self._pick(self.pos)[: n]   # a slow voice's phrase can outlast the window
            if r.random() < 0.5:   # the end is missing ("hey amb")
                keep = int(len(clip) * r.uniform(0.3, 0.7))
                off = n - keep
            else:                  # the start is missing ("...bient")
                # Only the tail goes in. (Placing the whole clip at an offset, as before, put the complete phrase
                # after quiet into 53.6 % of these "negatives": README, "The shipped model".)
                keep = int(len(clip) * r.uniform(0.3, 0.75))
                clip = clip[len(clip) - keep:]
                off = int(r.integers(0, n - keep + 1))
                if r.random() < TRUNC_CONTEXT:
                    self._sound_before(speech, off)
            self._place(speech, clip, off)
        elif kind == "conf":
            clip = self._pick(self.c.confusables + self.c.near_misses if self.c.near_misses else self.c.confusables)
            off = int(r.integers(-len(clip) // 3, max(1, n - 2 * len(clip) // 3)))
            self._place(speech, clip, off)
            self._context(speech, max(0, off), min(n, off + len(clip)))
        elif kind == "speech":
            pos = int(r.integers(-n // 2, n // 3))
            while pos < n:
                clip = self._pick(self.c.everyday)
                self._place(speech, clip * r.uniform(0.6, 1.4) / audio.rms(clip) * 0.1, pos)
                pos += len(clip) + int(r.uniform(0.0, 0.6) * SR)
        elif kind == "stream":
            return self.stream_window()
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

    def _bed(self, n: int) -> np.ndarray:
        """The room between utterances: a noise bed at -65..-30 dB."""
        reps = int(np.ceil(n / (4 * SR - 1)))
        bed = np.concatenate([self._noise(min(n, 4 * SR - 1)) for _ in range(reps)])[:n]
        return bed * 10 ** (self.rng.uniform(-65.0, -30.0) / 20)

    def _utterance(self, clip: np.ndarray) -> np.ndarray:
        """One negative utterance at its own level (peak -30..-3 dBFS), reverberant half the time."""
        if self.rng.random() < 0.5:
            clip = audio.reverb(np.pad(clip, (0, SR // 2)), audio.room_ir(self.rng))
        return clip * (10 ** (self.rng.uniform(-30.0, -3.0) / 20) / (np.abs(clip).max() + 1e-9))

    def stream_window(self) -> np.ndarray:
        """1.5 s out of continuous negative speech, as the gateway hears a household: utterances 0.2-2 s apart, each
        at its own level, on a noise bed (the shape of the bench's false-accept stream, built from training clips)."""
        r = self.rng
        n = WINDOW_SAMPLES
        x = self._bed(n)
        pos = -int(r.uniform(0.0, 2.5) * SR)
        while pos < n:
            clip = self._utterance(self._pick(self.stream_clips))
            self._place(x, clip, pos)
            pos += len(clip) + int(r.uniform(0.2, 2.0) * SR)
        return audio.to_int16(x)

    def negative_stream(self, seconds: float) -> np.ndarray:
        """A long continuous negative stream in 30 s stretches (one noise bed each), for hard-negative mining and
        threshold calibration."""
        r = self.rng
        seg = 30 * SR
        out = []
        for _ in range(int(np.ceil(seconds / 30))):
            x = self._bed(seg)
            pos = int(r.uniform(0.0, 1.0) * SR)
            while pos < seg:
                clip = self._utterance(self._pick(self.stream_clips))
                self._place(x, clip, pos)
                pos += len(clip) + int(r.uniform(0.2, 2.0) * SR)
            out.append(audio.to_int16(x))
        return np.concatenate(out)[: int(seconds * SR)]

    def positive_clip(self, clip: np.ndarray, before: np.ndarray | None) -> tuple[np.ndarray, int, int]:
        """The phrase in its own clip, the way the bench tests recall: 0.5-1.5 s lead (after a sentence half the
        time), 1.5 s after, reverb half the time, a noise bed at 5-25 dB SNR, peak -30..-3 dBFS. Returns the audio
        and where the phrase starts and ends."""
        r = self.rng
        lead = int(SR * (0.5 + r.random()))
        if before is not None:
            lead += len(before) + int(SR * (0.2 + r.random() * 0.5))
        n = lead + len(clip) + SR * 3 // 2
        x = np.zeros(n, dtype=np.float32)
        if before is not None:
            at = lead - len(before) - SR // 5
            x[max(0, at): at + len(before)] = before[max(0, -at):]
        x[lead: lead + len(clip)] = clip
        if r.random() < 0.5:
            x = self._reverb_long(x)
        snr = r.uniform(5.0, 25.0)
        x = x + self._bed_unit(n) * audio.rms(clip) * 10 ** (-snr / 20)
        x = x * (10 ** (r.uniform(-30.0, -3.0) / 20) / (np.abs(x).max() + 1e-9))
        return audio.to_int16(x), lead, lead + len(clip)

    def _bed_unit(self, n: int) -> np.ndarray:
        reps = int(np.ceil(n / (4 * SR - 1)))
        return np.concatenate([self._noise(min(n, 4 * SR - 1)) for _ in range(reps)])[:n]

    def _reverb_long(self, x: np.ndarray) -> np.ndarray:
        return audio.reverb(x, audio.room_ir(self.rng))

    def batch(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        kinds = self.rng.choice(len(KINDS), size=size, p=self.mix)
        xs = np.stack([self.window(KINDS[k]) for k in kinds])
        ys = (kinds == 0).astype(np.float32)
        return xs, ys
