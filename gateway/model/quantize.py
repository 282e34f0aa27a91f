#!/usr/bin/python3
"""int8 by graph surgery (com.microsoft.DynamicQuantizeMatMul), onnx package only.

  /usr/bin/python3 gateway/model/quantize.py --fp32 D/model.fp32.onnx --out D/model.int8.onnx [--qmax 127]
--qmax 63 gives 7-bit weights (the "reduce range" remedy if x86 AVX2 without VNNI ever saturates; not needed on ARM).
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ambient_lm.onnx_quant import quantize_model  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fp32", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--qmax", type=int, default=127)
    a = ap.parse_args()
    stats = quantize_model(a.fp32, a.out, a.qmax)
    f, q = os.path.getsize(a.fp32), os.path.getsize(a.out)
    print(f"quantize: {json.dumps(stats)}; fp32 {f / 1e6:.2f} MB -> int8 {q / 1e6:.2f} MB (x{f / q:.2f}); wrote {a.out}")


if __name__ == "__main__":
    main()
