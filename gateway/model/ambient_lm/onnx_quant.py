"""int8 by graph surgery with the onnx package only (no onnxruntime quantizer).

- Every MatMul whose B is a 2-D float initializer [K, N] -> com.microsoft.DynamicQuantizeMatMul(A, B_int8, scale[N])
  (symmetric: no zero point input); a following Add of a [N] bias initializer becomes the op's bias input.
- The tied LM head MatMul(x, Transpose(E)) -> DynamicQuantizeMatMul(x, Eq^T int8 [d, V], scale[V]).
- The token lookup Gather(E, ids) reads the same int8 matrix: Gather(Eq^T, ids, axis=1) [d,B,T] -> Transpose
  [B,T,d] -> Cast float -> Mul(Unsqueeze(Gather(scale, ids), -1)). E (fp32) is dropped, so the tied matrix is stored
  once, as int8.
Position embeddings, LayerNorm parameters and biases stay fp32.
"""
from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .quant import quantize_columns

MS = "com.microsoft"


def quantize_model(src: str, dst: str, qmax: int = 127) -> dict:
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    producers = {o: n for n in g.node for o in n.output}
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)

    new_inits = []
    drop_inits = set()
    drop_nodes = set()
    replace = {}  # id(node) -> [new nodes]
    stats = {"quantized_matmuls": 0, "lm_head": False, "embedding": False}

    # 1. the tied embedding / LM head
    lm_node = None
    for n in g.node:
        if n.op_type == "MatMul" and n.input[1] in producers and producers[n.input[1]].op_type == "Transpose":
            tr = producers[n.input[1]]
            if tr.input[0] in inits and list(helper.get_attribute_value(a) for a in tr.attribute if a.name == "perm") in ([[1, 0]], []):
                lm_node, tr_node, ename = n, tr, tr.input[0]
                break
    if lm_node is not None:
        e = numpy_helper.to_array(inits[ename])  # [V, d]
        q, s = quantize_columns(e.T, qmax)  # [d, V], [V]
        qn, sn = ename + "_int8_T", ename + "_scale"
        new_inits += [numpy_helper.from_array(np.ascontiguousarray(q), qn), numpy_helper.from_array(s, sn)]
        drop_nodes.add(id(tr_node))
        replace[id(lm_node)] = [helper.make_node("DynamicQuantizeMatMul", [lm_node.input[0], qn, sn],
                                                 list(lm_node.output), name=(lm_node.name or "lm_head") + "_dq",
                                                 domain=MS)]
        stats["lm_head"] = True
        stats["quantized_matmuls"] += 1
        # every other user of E must be a Gather on axis 0 (the lookup)
        users = [u for u in consumers.get(ename, []) if u is not tr_node]
        for u in users:
            axis = next((helper.get_attribute_value(a) for a in u.attribute if a.name == "axis"), 0)
            if u.op_type != "Gather" or axis != 0 or u.input[0] != ename:
                raise ValueError(f"tied embedding {ename} used by {u.op_type} {u.name}; cannot share the int8 copy")
            ids, out = u.input[1], u.output[0]
            p = u.name or "embed"
            replace[id(u)] = [
                helper.make_node("Gather", [qn, ids], [p + "_q_dBT"], name=p + "_gather_q", axis=1),
                helper.make_node("Transpose", [p + "_q_dBT"], [p + "_q_BTd"], name=p + "_transpose", perm=[1, 2, 0]),
                helper.make_node("Cast", [p + "_q_BTd"], [p + "_f_BTd"], name=p + "_cast", to=TensorProto.FLOAT),
                helper.make_node("Gather", [sn, ids], [p + "_scale_BT"], name=p + "_gather_scale", axis=0),
                helper.make_node("Unsqueeze", [p + "_scale_BT", p + "_axes"], [p + "_scale_BT1"], name=p + "_unsq"),
                helper.make_node("Mul", [p + "_f_BTd", p + "_scale_BT1"], [out], name=p + "_dequant"),
            ]
            new_inits.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), p + "_axes"))
            stats["embedding"] = True
        drop_inits.add(ename)

    # 2. every weight MatMul
    for n in g.node:
        if n.op_type != "MatMul" or id(n) in replace or n.input[1] not in inits:
            continue
        w = numpy_helper.to_array(inits[n.input[1]])
        if w.ndim != 2 or w.dtype != np.float32:
            continue
        if len(consumers.get(n.input[1], [])) != 1:
            raise ValueError(f"weight {n.input[1]} has several users")
        q, s = quantize_columns(w, qmax)
        qn, sn = n.input[1] + "_int8", n.input[1] + "_scale"
        new_inits += [numpy_helper.from_array(q, qn), numpy_helper.from_array(s, sn)]
        drop_inits.add(n.input[1])
        ins, outs = [n.input[0], qn, sn], list(n.output)
        bias_add = _bias_add(n, consumers, inits, w.shape[1])
        if bias_add is not None:
            # The bias goes into the op's own bias input: one node less per layer and step.
            add, bias = bias_add
            ins += ["", bias]
            outs = list(add.output)
            drop_nodes.add(id(add))
            stats["folded_biases"] = stats.get("folded_biases", 0) + 1
        replace[id(n)] = [helper.make_node("DynamicQuantizeMatMul", ins, outs,
                                           name=(n.name or n.output[0]) + "_dq", domain=MS)]
        stats["quantized_matmuls"] += 1

    nodes = []
    for n in g.node:
        if id(n) in drop_nodes:
            continue
        nodes.extend(replace.get(id(n), [n]))
    del g.node[:]
    g.node.extend(nodes)
    keep = [i for i in g.initializer if i.name not in drop_inits]
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    if not any(o.domain == MS for o in m.opset_import):
        m.opset_import.append(helper.make_opsetid(MS, 1))
    # value_info from the fp32 export may describe tensors that changed; drop it (ORT infers shapes)
    del g.value_info[:]
    m.producer_name = "ambient-lm-int8"
    onnx.save(m, dst)
    stats["qmax"] = qmax
    return stats


def _bias_add(matmul, consumers, inits, n_out):
    """(Add node, bias name) when the MatMul's only user adds a [N] float initializer to it, else None."""
    users = consumers.get(matmul.output[0], [])
    if len(users) != 1 or users[0].op_type != "Add":
        return None
    add = users[0]
    other = add.input[1] if add.input[0] == matmul.output[0] else add.input[0]
    if other not in inits:
        return None
    b = numpy_helper.to_array(inits[other])
    return (add, other) if b.dtype == np.float32 and b.shape == (n_out,) else None
