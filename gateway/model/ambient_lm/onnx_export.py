"""Export to ONNX opset 17 with the contract's I/O (README §4) and write reference logits for the C# parity test."""
from __future__ import annotations

import json
import warnings
from typing import List

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

from .model import GPT, Block, Config

OPSET = 17


def load_checkpoint(path: str) -> GPT:
    ck = torch.load(path, map_location="cpu")
    c = dict(ck["config"])
    c.pop("head_dim", None)
    model = GPT(Config(**c))
    model.load_state_dict(ck["state_dict"])
    model.eval()
    return model


class _Flat(torch.nn.Module):
    def __init__(self, model: GPT):
        super().__init__()
        self.model = model

    def forward(self, input_ids, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(self.model.cfg.layers)]
        logits, presents = self.model(input_ids, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def io_names(layers: int):
    ins = ["input_ids", "position_ids"]
    outs = ["logits"]
    for i in range(layers):
        ins += [f"past_key_{i}", f"past_value_{i}"]
        outs += [f"present_key_{i}", f"present_value_{i}"]
    return ins, outs


def export(model: GPT, path: str) -> None:
    cfg = model.cfg
    model.eval()
    P, T = 3, 5  # trace with non-empty past and seq > 1 so that no dimension is specialised
    ids = torch.randint(4, cfg.vocab, (1, T))
    pos = torch.arange(P, P + T).unsqueeze(0)
    past = []
    for _ in range(cfg.layers):
        past += [torch.randn(1, cfg.heads, P, cfg.head_dim), torch.randn(1, cfg.heads, P, cfg.head_dim)]
    ins, outs = io_names(cfg.layers)
    # Batch 1 (README §4): fixed, so reshapes are constants (Block.batch1).
    dyn = {"input_ids": {1: "seq"}, "position_ids": {1: "seq"}, "logits": {1: "seq"}}
    for i in range(cfg.layers):
        dyn[f"past_key_{i}"] = {2: "past"}
        dyn[f"past_value_{i}"] = {2: "past"}
        dyn[f"present_key_{i}"] = {2: "total"}
        dyn[f"present_value_{i}"] = {2: "total"}
    Block.batch1 = True
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(_Flat(model), (ids, pos, *past), path, input_names=ins, output_names=outs,
                              dynamic_axes=dyn, opset_version=OPSET, do_constant_folding=True)
    finally:
        Block.batch1 = False
    m = onnx.load(path)
    dedupe_tied_head(m)
    m.producer_name = "ambient-lm"
    onnx.checker.check_model(m)
    onnx.save(m, path)


def dedupe_tied_head(m: onnx.ModelProto) -> None:
    """Constant folding stores E^T for the LM head beside E for the lookup; replace it by Transpose(E) so the file
    holds the tied matrix once (ORT folds the Transpose again at load)."""
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    emb_names = {n.input[0] for n in g.node if n.op_type == "Gather" and n.input[0] in inits}
    embs = {name: numpy_helper.to_array(inits[name]) for name in emb_names}
    for node in g.node:
        if node.op_type != "MatMul" or node.input[1] not in inits:
            continue
        w = numpy_helper.to_array(inits[node.input[1]])
        for ename, e in embs.items():
            if w.shape == e.shape[::-1] and np.array_equal(w, e.T):
                tname = node.input[1]
                g.initializer.remove(inits[tname])
                out = tname + "_tied"
                idx = list(g.node).index(node)
                g.node.insert(idx, helper.make_node("Transpose", [ename], [out], name="lm_head_tied_transpose",
                                                    perm=[1, 0]))
                node.input[1] = out
                return


@torch.no_grad()
def _run(model: GPT, past_ids: List[int], input_ids: List[int]):
    past = None
    if past_ids:
        _, past = model(torch.tensor([past_ids]), torch.arange(len(past_ids)).unsqueeze(0))
    P = len(past_ids)
    logits, _ = model(torch.tensor([input_ids]), torch.arange(P, P + len(input_ids)).unsqueeze(0), past)
    return logits[0]


@torch.no_grad()
def greedy(model: GPT, prompt_ids: List[int], max_new: int, eos: int = 3) -> List[int]:
    logits, past = model(torch.tensor([prompt_ids]), torch.arange(len(prompt_ids)).unsqueeze(0))
    out = []
    pos = len(prompt_ids)
    while len(out) < max_new and pos < model.cfg.context:
        t = int(logits[0, -1].argmax())
        out.append(t)
        if t == eos:
            break
        logits, past = model(torch.tensor([[t]]), torch.tensor([[pos]]), past)
        pos += 1
    return out


def write_reference(model: GPT, qmodel: GPT, sequences: List[List[int]], path: str) -> None:
    """Cases: a whole sequence with past 0; its prefix as past then 1 token; prefix as past then 3 tokens."""
    cases = []
    for n, seq in enumerate(sequences):
        split_at = max(1, len(seq) // 2)
        for name, past_ids, input_ids in (
                (f"seq{n}_nopast", [], seq),
                (f"seq{n}_past{split_at}_t1", seq[:split_at], seq[split_at:split_at + 1]),
                (f"seq{n}_past{split_at}_t3", seq[:split_at], seq[split_at:split_at + 3])):
            rows = sorted({0, len(input_ids) - 1})
            lg = _run(model, past_ids, input_ids)
            lq = _run(qmodel, past_ids, input_ids)
            cases.append({
                "name": name,
                "past_ids": past_ids,
                "input_ids": input_ids,
                "position_ids": list(range(len(past_ids), len(past_ids) + len(input_ids))),
                "rows": rows,
                "logits": [[round(float(v), 5) for v in lg[r]] for r in rows],
                "argmax": [int(lg[r].argmax()) for r in rows],
                "logits_int8_simulated": [[round(float(v), 4) for v in lq[r]] for r in rows],
                "argmax_int8_simulated": [int(lq[r].argmax()) for r in rows],
            })
    # greedy continuation of the prompt part (up to and including <sep>) of each sequence, fp32
    greedy_cases = []
    for seq in sequences:
        if 2 in seq:
            prompt = seq[: seq.index(2) + 1]
            greedy_cases.append({"prompt_ids": prompt, "greedy_ids": greedy(model, prompt, 48)})
    doc = {
        "how": ("For each case: if past_ids is non-empty, run the model on past_ids (position_ids 0..P-1, "
                "empty past [1,H,0,D]) and use its present_key_i/present_value_i as past; then run input_ids with "
                "position_ids (P..P+T-1). Compare logits[0, r, :] for r in rows with 'logits' (fp32 model, "
                "|diff| < 1e-3) and argmax. 'logits_int8_simulated' is PyTorch's simulation of the int8 graph "
                "(per-column int8 weights, dynamic per-tensor uint8 activations): expect agreement to ~5e-2, "
                "not exact. greedy: argmax decoding from prompt_ids (<bos> prompt <sep>) until <eos> (id 3) "
                "or 48 tokens, fp32."),
        "vocab": model.cfg.vocab, "layers": model.cfg.layers, "heads": model.cfg.heads,
        "head_dim": model.cfg.head_dim,
        "cases": cases,
        "greedy": greedy_cases,
    }
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
