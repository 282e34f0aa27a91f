"""Export to ONNX opset 17 with the contract's I/O (README §4) and write reference logits for the C# parity test."""
from __future__ import annotations

import json
from typing import List

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

from .model import GPT, Config
from .onnx_quant import MS

OPSET = 17


def load_checkpoint(path: str) -> GPT:
    ck = torch.load(path, map_location="cpu")
    c = dict(ck["config"])
    c.pop("head_dim", None)
    model = GPT(Config(**c))
    model.load_state_dict(ck["state_dict"])
    model.eval()
    return model



def io_names(layers: int):
    """The graph's inputs and outputs (README §4). The cache inputs and outputs are one buffer per layer and K/V of
    the model's whole context: ORT's GroupQueryAttention writes the new tokens' keys and values into it in place
    when a run binds past_* and present_* to the same memory; seqlens_k (total − 1) and total_sequence_length say
    how much of it holds the sequence."""
    ins = ["input_ids", "position_ids"]
    outs = ["logits"]
    for i in range(layers):
        ins += [f"past_key_{i}", f"past_value_{i}"]
        outs += [f"present_key_{i}", f"present_value_{i}"]
    return ins + ["seqlens_k", "total_sequence_length"], outs


def build_graph(model: GPT) -> onnx.ModelProto:
    """The decoder written node by node from the weights instead of traced: each step costs ONNX Runtime a fixed
    time per node, so the attention is one fused com.microsoft.GroupQueryAttention per layer (its KV cache updated
    in place: no per-step Concat of the whole cache, no shape arithmetic) and the graph has ~50 nodes where the
    trace had ~150 (docs/benchmarks.md, "Language model"). Same maths as GPT.forward: learned positions, pre-LN,
    exact GELU, tied head; initializers keep the parameters' names ("model." + state-dict key, [in, out] layout),
    so train.py --init reads them back and quantize_model finds MatMul(x, W) + Add(bias) and MatMul(x, Transpose(E))."""
    cfg = model.cfg
    sd = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    nodes, inits = [], []

    def weight(key: str) -> str:
        name = "model." + key
        inits.append(numpy_helper.from_array(np.ascontiguousarray(sd[key]), name))
        return name

    def node(op: str, ins, out: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, list(ins), [out], name=out, domain=domain, **attrs))
        return out

    def linear(x: str, key: str, out: str) -> str:
        y = node("MatMul", [x, weight(key + ".weight")], out + "/MatMul")
        return node("Add", [y, weight(key + ".bias")], out)

    def layer_norm(x: str, key: str, out: str) -> str:
        return node("LayerNormalization", [x, weight(key + ".weight"), weight(key + ".bias")], out, axis=-1,
                    epsilon=1e-5)

    E = weight("wte.weight")
    x = node("Add", [node("Gather", [E, "input_ids"], "tok", axis=0),
                     node("Gather", [weight("wpe.weight"), "position_ids"], "pos", axis=0)], "x0")
    for i in range(cfg.layers):
        b = f"blocks.{i}"
        h = layer_norm(x, b + ".ln1", f"{b}/ln1")
        qkv = linear(h, b + ".qkv", f"{b}/qkv")
        nodes.append(helper.make_node(
            "GroupQueryAttention", [qkv, "", "", f"past_key_{i}", f"past_value_{i}", "seqlens_k", "total_sequence_length"],
            [f"{b}/attention", f"present_key_{i}", f"present_value_{i}"], name=f"{b}/attention", domain=MS,
            num_heads=cfg.heads, kv_num_heads=cfg.heads))
        x = node("Add", [x, linear(f"{b}/attention", b + ".proj", f"{b}/proj")], f"{b}/resid1")
        f = node("Gelu", [linear(layer_norm(x, b + ".ln2", f"{b}/ln2"), b + ".fc1", f"{b}/fc1")], f"{b}/gelu", domain=MS)
        x = node("Add", [x, linear(f, b + ".fc2", f"{b}/fc2")], f"{b}/resid2")
    h = layer_norm(x, "ln_f", "ln_f")
    node("MatMul", [h, node("Transpose", [E], "lm_head_tied_transpose", perm=[1, 0])], "logits")

    L, H, D, T, V = cfg.layers, cfg.heads, cfg.head_dim, cfg.context, cfg.vocab
    ins, outs = io_names(L)
    f32, i64, i32 = onnx.TensorProto.FLOAT, onnx.TensorProto.INT64, onnx.TensorProto.INT32
    inputs = [helper.make_tensor_value_info(ins[0], i64, [1, "seq"]),
              helper.make_tensor_value_info(ins[1], i64, [1, "seq"])]
    inputs += [helper.make_tensor_value_info(n, f32, [1, H, T, D]) for n in ins[2:-2]]
    inputs += [helper.make_tensor_value_info("seqlens_k", i32, [1]),
               helper.make_tensor_value_info("total_sequence_length", i32, [])]
    outputs = [helper.make_tensor_value_info("logits", f32, [1, "seq", V])]
    outputs += [helper.make_tensor_value_info(n, f32, [1, H, T, D]) for n in outs[1:]]
    graph = helper.make_graph(nodes, "ambient-lm", inputs, outputs, initializer=inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(MS, 1)],
                          producer_name="ambient-lm")
    m.ir_version = 8  # onnx 1.12 / opset 17
    return m


def export(model: GPT, path: str) -> None:
    model.eval()
    m = build_graph(model)
    onnx.checker.check_model(m)
    onnx.save(m, path)


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
