#!/usr/bin/env bash
# CI smoke of what train.sh does: render a few clips (one of each near miss), train two members 15 steps each (both
# front ends and architectures), average them (ensemble.py: calibration on one minute, ONNX + manifest) into OUTDIR, recover the
# members from that graph (OUTDIR/recovered) and fine-tune one of them 15 steps (OUTDIR/m1b).
#   gateway/model/wakeword/smoke.sh OUTDIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: smoke.sh OUTDIR" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
cd "$here"
/usr/bin/python3 train.py --smoke --phrase "hey ambient" --threads 1 --out "$out/m1"
/usr/bin/python3 train.py --smoke --phrase "hey ambient" --threads 1 --out "$out/m2" --seed 2 --frontend channel --arch spectral
/usr/bin/python3 ensemble.py --smoke --phrase "hey ambient" --members "$out/m1" "$out/m2" --out "$out"
# The members back out of the graph (recover.py), and one of them fine-tuned on from there (train.py --init).
/usr/bin/python3 recover.py --model-dir "$out" --out "$out/recovered"
exec /usr/bin/python3 train.py --smoke --phrase "hey ambient" --threads 1 --out "$out/m1b" --init "$out/recovered/m1/hey_ambient.pt"
