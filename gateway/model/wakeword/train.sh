#!/usr/bin/env bash
# Retrain the wake-word model for any phrase and ship it:
#   gateway/model/wakeword/train.sh --phrase "hey ambient" [--minutes N] [--members K] [--no-release]
# Renders espeak-ng speech, trains (nice -n 10, one torch thread: OpenMP threads spin on a busy machine), exports
# PCM-in ONNX into out/<slug>/, then copies the .onnx and manifest.json into release/ (the gateway ships
# release/*.onnx) and writes the C# reference fixtures. With --members K (default 4) it trains K models with different
# seeds, front ends, widths and speed perturbation (out/<slug>/m1 … mK, --minutes CPU minutes each) and ships their
# average (ensemble.py, calibrated again); --members 1 ships a single model.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
phrase="hey ambient"; minutes=22; release=1; members=4; extra=()
while (($#)); do
  case "$1" in
    --phrase) phrase="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --members) members="$2"; shift 2 ;;
    --no-release) release=0; shift ;;
    *) extra+=("$1"); shift ;;
  esac
done
py=/usr/bin/python3   # Debian's python3-torch/python3-onnx live there, not in a pyenv python
"$py" -c "import torch, onnx" 2>/dev/null || { echo "train.sh: needs apt-get install python3-torch python3-onnx libopenblas0-pthread espeak-ng" >&2; exit 1; }
command -v espeak-ng >/dev/null || { echo "train.sh: needs espeak-ng" >&2; exit 1; }
slug="$(echo "$phrase" | tr '[:upper:]' '[:lower:]' | tr -s ' ' '_')"
out="$here/out/$slug"
cd "$here"
if ((members <= 1)); then
  nice -n 10 "$py" train.py --phrase "$phrase" --minutes "$minutes" --threads 1 --out "$out" "${extra[@]+"${extra[@]}"}"
else
  # Members differ where their errors should: data order and augmentation (seed), log-mel normalisation, width,
  # speed perturbation, architecture (mostly spectral: README "The shipped model"), windows (400,000 for the second, as
  # run181, the best single member so far). Each is a whole train.py run (own mining and calibration, kept in its
  # manifest).
  recipes=("--seed 1 --arch spectral" "--seed 21 --arch spectral --frontend channel --windows 400000"
           "--seed 31 --width 96 128 --perturb 0.12" "--seed 41 --arch spectral --perturb 0.12")
  dirs=()
  for ((k = 1; k <= members; k++)); do
    # shellcheck disable=SC2206
    recipe=(${recipes[$(((k - 1) % ${#recipes[@]}))]})
    ((k <= ${#recipes[@]})) || recipe+=(--seed "$k")
    nice -n 10 "$py" train.py --phrase "$phrase" --minutes "$minutes" --threads 1 --out "$out/m$k" "${recipe[@]}" \
      "${extra[@]+"${extra[@]}"}"
    dirs+=("$out/m$k")
  done
  calib=()   # the members' --calib-minutes also sizes the ensemble's calibration
  for ((i = 0; i + 1 < ${#extra[@]}; i++)); do [ "${extra[i]}" = --calib-minutes ] && calib=(--calib-minutes "${extra[i + 1]}"); done
  nice -n 10 "$py" ensemble.py --phrase "$phrase" --out "$out" --members "${dirs[@]}" "${calib[@]+"${calib[@]}"}"
fi
if ((release)); then
  mkdir -p "$here/release"
  cp "$out/$slug.onnx" "$here/release/$slug.onnx"
  cp "$out/manifest.json" "$here/release/manifest.json"
  "$py" reference.py --model-dir "$here/release" --phrase "$phrase"
  echo "train.sh: shipped release/$slug.onnx; run the bench to record recall/FA/CPU in release/manifest.json:"
  echo "  dotnet run -c Release --project tests/Ambient.Benchmarks -- wakeword --update-manifest"
fi
