"""Recover the members of a shipped ensemble from its ONNX graph, as train.py output directories.

  python3 recover.py --model-dir release --out out/recovered

A fine-tuning pass starts from the members' weights (train.py --init), but those .pt files live in the git-ignored
out/ of the machine that trained them. The shipped graph holds the same weights, with each BatchNorm folded into the
convolution before it (the exporter does that in eval mode), so every member comes back as a *folded* Classifier
(model.Classifier(folded=True): convolutions with biases, no normalisation layers) that computes exactly what the
graph computes. Each member goes to OUT/<run>/ with hey_ambient.pt and a manifest.json that ensemble.py and
train.py --init read. The recovered ensemble is checked against the graph's own scores on release/reference/*.wav
(reference.json) and this script fails if they differ.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import wave

import numpy as np
import onnx
import torch
from onnx import numpy_helper

import model as M


def _initializers(graph: onnx.GraphProto) -> dict[str, np.ndarray]:
    return {i.name: numpy_helper.to_array(i) for i in graph.initializer}


def member_weights(graph: onnx.GraphProto, init: dict[str, np.ndarray], index: int) -> dict[str, torch.Tensor]:
    """The state dict of member `index` of a folded classifier, read from the graph's Conv and Gemm nodes (named by
    module path: /classifiers.<i>/inp/Conv, /classifiers.<i>/blocks/blocks.<b>/dw/Conv, …/pw/Conv, …/out/Gemm; a
    Sequential's children repeat its name: blocks/blocks.0 is blocks.0) and its initializers (`init`,
    _initializers)."""
    prefix = f"/classifiers.{index}/"
    state: dict[str, torch.Tensor] = {}
    for node in graph.node:
        if not node.name.startswith(prefix) or node.op_type not in ("Conv", "Gemm"):
            continue
        parts = node.name[len(prefix):].split("/")[:-1]             # ["inp"], ["blocks", "blocks.0", "dw"], ["out"]
        module = ".".join(part for i, part in enumerate(parts)
                          if i + 1 == len(parts) or not parts[i + 1].startswith(part + "."))
        state[f"{module}.weight"] = torch.from_numpy(init[node.input[1]].copy())
        state[f"{module}.bias"] = torch.from_numpy(init[node.input[2]].copy())
    if not state:
        raise SystemExit(f"recover.py: no Conv/Gemm nodes named {prefix}… in the graph")
    return state


def _read_wav(path: str) -> np.ndarray:
    with wave.open(path) as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    return pcm.astype(np.float32) / 32768.0


def check(net: M.Ensemble, model_dir: str, config: dict, slug: str) -> tuple[float, str]:
    """The largest score difference between the recovered ensemble and what the graph was made from: the scores on
    the reference clips (release/: reference.py ran the graph's torch model on them), else the ensemble's own
    state dict (ensemble.py's output directory) on noise windows."""
    ref_json = os.path.join(model_dir, "reference", "reference.json")
    worst = 0.0
    with torch.no_grad():
        if os.path.exists(ref_json):
            with open(ref_json) as f:
                reference = json.load(f)
            for clip in reference["clips"]:
                pcm = _read_wav(os.path.join(model_dir, "reference", clip["file"]))
                for w in clip["windows"]:
                    x = torch.from_numpy(pcm[w["offset"]: w["offset"] + M.WINDOW_SAMPLES].copy())[None]
                    worst = max(worst, abs(float(net(x)[0][0]) - w["score"]))
            return worst, "the reference clips' scores"
        pt = os.path.join(model_dir, f"{slug}.pt")
        if not os.path.exists(pt):
            raise SystemExit(f"recover.py: nothing to check the recovered weights against in {model_dir} "
                             "(neither reference/reference.json nor the ensemble's .pt)")
        import ensemble
        original = ensemble.build(config)
        original.load_state_dict(torch.load(pt))
        original.eval()
        # Member by member, in logits (an untrained smoke ensemble's probabilities can sit at 0 or 1 either way).
        x = torch.from_numpy(np.random.default_rng(0).normal(0, 0.1, (8, M.WINDOW_SAMPLES)).astype(np.float32))
        raw = net.frontend.raw(x)
        for mine, theirs, how in zip(net.classifiers, original.classifiers, net.hows):
            feats = M.normalise(raw, how).transpose(1, 2)
            worst = max(worst, float((mine(feats) - theirs(feats)).abs().max()))
    return worst, "each member's logits from the ensemble's own weights, on noise windows,"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "release"))
    p.add_argument("--out", required=True)
    a = p.parse_args()
    with open(os.path.join(a.model_dir, "manifest.json")) as f:
        manifest = json.load(f)
    slug = "_".join(manifest["phrase"].lower().split())
    graph = onnx.load(os.path.join(a.model_dir, manifest["model"])).graph
    members = manifest["training"]["ensemble"]
    config = manifest["config"]

    init = _initializers(graph)
    classifiers = []
    for i, member in enumerate(members):
        clf = M.make_classifier(member.get("arch", "temporal"), *member["classifier_width"], folded=True)
        clf.load_state_dict(member_weights(graph, init, i))
        classifiers.append((clf.eval(), member["normalise"]))
    net = M.Ensemble(classifiers, config.get("ensemble_combine", "prob")).eval()

    worst, against = check(net, a.model_dir, config, slug)
    if worst > 1e-4:
        raise SystemExit(f"recover.py: the recovered ensemble differs from {against} by {worst:.2e}")
    print(f"recovered {len(members)} members; {against} agree within {worst:.1e}")

    for (clf, how), member in zip(classifiers, members):
        run = member["run"]
        directory = os.path.join(a.out, run)
        os.makedirs(directory, exist_ok=True)
        pt = os.path.join(directory, f"{slug}.pt")
        torch.save(clf.state_dict(), pt)
        with open(pt, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        member_manifest = {
            "phrase": manifest["phrase"], "parameters": M.count_params(clf),
            "config": {"arch": member.get("arch", "temporal"), "classifier_width": member["classifier_width"],
                       "folded_bn": True,
                       "frontend": {**config["frontend"], "normalise": how,
                                    "normalisation": M.NORMALISATIONS[how]}},
            "training": {"steps": member["steps"], "cpu_seconds_training": member["cpu_seconds_training"],
                         "init": member["init"], "speed_perturb": member["speed_perturb"],
                         "generated_sentences": member["generated_sentences"],
                         "hard_negative_mining": {"mined_windows": member["mined_windows"]}, "smoke": False,
                         "recovered_from": {"model": manifest["model"], "sha256": manifest["sha256"],
                                            "original_pt_sha256": member["pt_sha256"]}},
            "data": {**manifest["data"], "seed": member["seed"]},
            "calibration": {"chosen": member["own_calibration"]},
        }
        with open(os.path.join(directory, "manifest.json"), "w") as f:
            json.dump(member_manifest, f, indent=2)
        print(f"  {run}: {directory} ({how}, width {member['classifier_width']}, sha256 {sha[:12]}…)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
