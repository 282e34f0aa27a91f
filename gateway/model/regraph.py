#!/usr/bin/python3
"""Writes a model directory's graphs again from the weights in its model.fp32.onnx, with the current
ambient_lm/onnx_export.build_graph and int8 surgery, and refreshes the manifest's hashes, sizes and graph description.
For a change of graph only (same weights, same maths): the int8 weights must come out byte for byte as they were,
which this checks against the old model.int8.onnx before anything is replaced.

  /usr/bin/python3 gateway/model/regraph.py --dir gateway/model/release
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import numpy_helper  # noqa: E402

from ambient_lm.data import sha256_file  # noqa: E402
from ambient_lm.model import GPT, Config  # noqa: E402
from ambient_lm.onnx_export import export  # noqa: E402
from ambient_lm.onnx_quant import quantize_model  # noqa: E402
from make_manifest import onnx_section  # noqa: E402
from train import load_weights  # noqa: E402


def int8_weights(path):
    return {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer if i.data_type == onnx.TensorProto.INT8}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    a = ap.parse_args()
    d = a.dir
    man_path = os.path.join(d, "manifest.json")
    man = json.load(open(man_path))
    c = dict(man["config"])
    c.pop("head_dim", None)
    model = GPT(Config(**c))
    model.load_state_dict(load_weights(os.path.join(d, "model.fp32.onnx")))
    model.eval()
    with tempfile.TemporaryDirectory() as tmp:
        f32, i8 = os.path.join(tmp, "model.fp32.onnx"), os.path.join(tmp, "model.int8.onnx")
        export(model, f32)
        stats = quantize_model(f32, i8)
        old, new = int8_weights(os.path.join(d, "model.int8.onnx")), int8_weights(i8)
        if old.keys() != new.keys() or any(not np.array_equal(old[k], new[k]) for k in old):
            sys.exit("regraph: the int8 weights would change; this tool is for graph changes only (retrain instead)")
        os.replace(f32, os.path.join(d, "model.fp32.onnx"))
        os.replace(i8, os.path.join(d, "model.int8.onnx"))
    for name in ("model.fp32.onnx", "model.int8.onnx"):
        p = os.path.join(d, name)
        man["artifacts"][name].update({"sha256": sha256_file(p), "bytes": os.path.getsize(p)})
    f32b, i8b = man["artifacts"]["model.fp32.onnx"]["bytes"], man["artifacts"]["model.int8.onnx"]["bytes"]
    man["metrics"].update({"size_fp32_bytes": f32b, "size_int8_bytes": i8b, "int8_ratio": round(f32b / i8b, 3)})
    man["onnx"] = onnx_section(c["layers"])
    with open(man_path, "w") as f:
        json.dump(man, f, indent=1)
        f.write("\n")
    print(f"regraph: {json.dumps(stats)}; {len(new)} int8 weights unchanged; fp32 {f32b / 1e6:.2f} MB, "
          f"int8 {i8b / 1e6:.2f} MB (x{f32b / i8b:.2f}); wrote {d}")


if __name__ == "__main__":
    main()
