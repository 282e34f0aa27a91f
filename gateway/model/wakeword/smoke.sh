#!/usr/bin/env bash
# CI smoke: render a few clips, train 15 steps, export ONNX + manifest into OUTDIR (well under 60 s).
#   gateway/model/wakeword/smoke.sh OUTDIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: smoke.sh OUTDIR" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$here"
exec /usr/bin/python3 train.py --smoke --phrase "hey ambient" --threads 1 --out "$out"
