#!/usr/bin/env bash
# CI smoke of the whole model pipeline in well under 90 s on 2 cores: small teacher corpus, tiny config,
# ~20 steps, export, int8 surgery, manifest. Everything lands in OUTDIR:
#   corpus.jsonl special-tokens.txt tokenizer.json ids.txt val-ids.txt ckpt.pt train-metrics.json
#   model.fp32.onnx model.int8.onnx reference-logits.json manifest.json
# usage: gateway/model/smoke.sh OUTDIR [--corpus FILE.jsonl]   (--corpus skips the teacher; special-tokens.txt
# must lie beside FILE). Needs Debian's python3-torch, python3-onnx, libopenblas0-pthread (test.sh installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [--corpus FILE]" >&2; exit 2; }
out="$1"; shift
corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    *) echo "smoke.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE  # shared CPUs: do not spin
mkdir -p "$out"
out="$(cd "$out" && pwd)"
start=$(date +%s)
count=300 seed=7

if [ -n "$corpus" ]; then
  cp "$corpus" "$out/corpus.jsonl"
  cp "$(dirname "$corpus")/special-tokens.txt" "$out/special-tokens.txt"
else
  teacher="$repo/gateway/Ambient.Language.Teacher"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # --no-build first: under test.sh the solution is already built (and a parallel build could collide)
  dotnet run --no-build --project "$teacher" -- --count $count --seed $seed --out "$out/corpus.jsonl" >/dev/null 2>&1 \
    || dotnet run --project "$teacher" -- --count $count --seed $seed --out "$out/corpus.jsonl"
fi
teacher_args=""
[ -z "$corpus" ] && teacher_args="--teacher-count $count --teacher-seed $seed"
[ -s "$out/special-tokens.txt" ] || { echo "smoke.sh: no special-tokens.txt beside the corpus" >&2; exit 1; }

# one Python process for all steps (each torch import costs seconds on a loaded machine)
$py "$here/pipeline.py" \
  train_tokenizer.py --corpus "$out/corpus.jsonl" --merges 200 --out "$out/tokenizer.json" :: \
  tokenize_corpus.py --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" --out "$out/ids.txt" :: \
  train.py --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" --out-dir "$out" \
    --width 32 --layers 1 --heads 2 --ffn 64 --steps 20 --batch 16 --lr 3e-3 --warmup 5 \
    --eval-every 10 --log-every 10 --int8-eval-max 50 --seed $seed --val-fraction 0.1 :: \
  export_onnx.py --ckpt "$out/ckpt.pt" --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" \
    --out "$out/model.fp32.onnx" --reference "$out/reference-logits.json" --val-ids "$out/val-ids.txt" \
    --seed $seed --val-fraction 0.1 :: \
  quantize.py --fp32 "$out/model.fp32.onnx" --out "$out/model.int8.onnx" :: \
  make_manifest.py --dir "$out" --corpus "$out/corpus.jsonl" $teacher_args
echo "smoke.sh: done in $(( $(date +%s) - start )) s -> $out"
