"""Reference fixtures for the C# tests: a few 16-bit WAVs and what the model must say about them.

  python3 reference.py --model-dir release [--pt out/hey_ambient/hey_ambient.pt]   (a single model or ensemble.py's)

With --pt it first re-exports the ONNX from the PyTorch weights (and refreshes sha256/bytes in the manifest).
For each WAV it records, at a few window offsets, the torch score and the log-mel of a numpy front end written
independently of the torch one (np.fft.rfft of Hann-windowed frames; asserted equal to the torch front end here),
so the C# test checks ONNX Runtime's front end and score against arithmetic that is not the graph itself.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import wave

import numpy as np
import torch

import audio
import corpus
import model as M


def numpy_logmel(x: np.ndarray) -> np.ndarray:
    """[N_MELS, T] by np.fft.rfft; the definition the ONNX front end must match."""
    n = np.arange(M.N_FFT)
    win = 0.5 - 0.5 * np.cos(2 * np.pi * n / M.N_FFT)
    t = M.n_frames(len(x))
    frames = np.stack([x[i * M.FRAME_HOP: i * M.FRAME_HOP + M.N_FFT] for i in range(t)]).astype(np.float64)
    power = np.abs(np.fft.rfft(frames * win, axis=1)) ** 2
    mel = power @ M.mel_filterbank().astype(np.float64)
    logmel = np.log(mel + M.LOG_FLOOR)
    return (logmel - (logmel.mean(axis=0) if M.NORMALISE == "channel" else logmel.mean())).T


def write_wav(path: str, x: np.ndarray) -> None:
    pcm = np.clip(np.round(x * 32768.0), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(M.SAMPLE_RATE)
        w.writeframes(pcm.tobytes())


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model-dir", required=True)
    p.add_argument("--phrase", default="hey ambient")
    p.add_argument("--pt")
    a = p.parse_args()
    torch.set_num_threads(1)
    slug = "_".join(a.phrase.lower().split())
    onnx_path = os.path.join(a.model_dir, f"{slug}.onnx")
    manifest_path = os.path.join(a.model_dir, "manifest.json")
    with open(manifest_path) as f:
        config = json.load(f)["config"]
    M.NORMALISE = config["frontend"].get("normalise", "window")
    pt = a.pt or os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", slug, f"{slug}.pt")
    if "ensemble_normalise" in config:       # ensemble.py's output: several classifiers, one graph
        net = __import__("ensemble").build(config)
        net.load_state_dict(torch.load(pt))
    else:
        clf = M.make_classifier(config.get("arch", "temporal"), *config.get("classifier_width", [64, 96]))
        clf.load_state_dict(torch.load(pt))
        net = M.WakeWordModel(clf)
    net.eval()
    with open(manifest_path) as f:
        manifest = json.load(f)
    if a.pt:
        M.export_model(net, onnx_path)
        with open(onnx_path, "rb") as f:
            manifest["sha256"] = hashlib.sha256(f.read()).hexdigest()
        manifest["bytes"] = os.path.getsize(onnx_path)
    # The bench's false-accept stream speaks these; they are never rendered for training.
    manifest["data"]["eval_sentences"] = corpus.EVAL_SENTENCES
    manifest["data"]["eval_household"] = corpus.eval_household()
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)

    rng = np.random.default_rng(7)
    ref_dir = os.path.join(a.model_dir, "reference")
    os.makedirs(ref_dir, exist_ok=True)
    held = audio.Voice(corpus.HELDOUT_VOICES[0], corpus.HELDOUT_VARIANTS[0], corpus.HELDOUT_RATES[1],
                       corpus.HELDOUT_PITCHES[1])
    n = M.WINDOW_SAMPLES + 6 * M.HOP_SAMPLES
    clips = {}
    speech = np.zeros(n, dtype=np.float32)
    phrase = audio.trim(audio.render(a.phrase, held))
    speech[n - len(phrase) - 3 * M.HOP_SAMPLES: n - 3 * M.HOP_SAMPLES] = phrase
    clips["phrase"] = audio.to_int16(speech / np.abs(speech).max() * 0.5 + audio.colored(n, rng, 1.0) * 0.003)
    sentence = audio.trim(audio.render("the kettle is boiling in the kitchen", held))[:n]
    neg = np.zeros(n, dtype=np.float32)
    neg[: len(sentence)] = sentence
    clips["sentence"] = audio.to_int16(neg / np.abs(neg).max() * 0.3 + audio.white(n, rng) * 0.002)
    clips["noise"] = audio.to_int16(audio.colored(n, rng, 1.0) * 0.05)

    out = {"model": os.path.basename(onnx_path), "voice": held.key(), "window_samples": M.WINDOW_SAMPLES,
           "hop_samples": M.HOP_SAMPLES, "clips": []}
    with open(onnx_path, "rb") as f:
        out["model_sha256"] = hashlib.sha256(f.read()).hexdigest()
    for name, x in clips.items():
        write_wav(os.path.join(ref_dir, f"{name}.wav"), x)
        windows = []
        for hop in range(0, 7, 2):
            w = x[hop * M.HOP_SAMPLES: hop * M.HOP_SAMPLES + M.WINDOW_SAMPLES]
            ref = numpy_logmel(w)
            with torch.no_grad():
                score, feats = net(torch.from_numpy(w[None, :]))
            err = float(np.abs(feats[0].numpy() - ref).max())
            assert err < 2e-3, f"torch front end differs from numpy by {err}"
            windows.append({"offset": hop * M.HOP_SAMPLES, "score": float(score[0]),
                            "logmel_frames": [0, 50, 147], "logmel": [ref[:, f].round(5).tolist() for f in (0, 50, 147)]})
        out["clips"].append({"file": f"{name}.wav", "windows": windows})
        print(name, [round(w["score"], 4) for w in windows])
    with open(os.path.join(ref_dir, "reference.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
