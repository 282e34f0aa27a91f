#!/usr/bin/env bash
# Retrains everything and refreshes gateway/model/release/:
#   teacher corpus (dotnet run) -> tokenizer -> ids.txt -> train -> ONNX fp32 + reference logits -> int8 surgery
#   -> manifest -> greedy samples -> copy of the shipped artifacts into release/.
# usage: gateway/model/train.sh [--steps N] [--count N] [--seed S] [--minutes M] [--threads N] [--batch N]
#                               [--corpus FILE.jsonl] [--out DIR] [--no-release] [--tokenizer FILE --init FILE]
#   --count/--seed: teacher corpus size and seed (default 50000 / 1); --corpus uses an existing corpus instead
#   (special-tokens.txt beside it). --minutes stops training early at that wall time (the cosine is cut short).
#   --tokenizer reuses a tokenizer instead of training one; with --init (a ckpt.pt or model.fp32.onnx of the same
#   config) training starts from those weights: a fine-tune on a new corpus, e.g. --tokenizer release/tokenizer.json
#   --init release/model.fp32.onnx --lr 5e-4.
#   Work files go to --out (default gateway/model/out, git-ignored); the training log is OUT/train.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
steps=1500 count=50000 seed=1 minutes=0 threads=2 batch=16 corpus="" out="$here/out" release=1 tokenizer="" init="" lr=1e-3
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --minutes) minutes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-release) release=0; shift ;;
    --tokenizer) tokenizer="$2"; shift 2 ;;
    --init) init="$2"; shift 2 ;;
    --lr) lr="$2"; shift 2 ;;
    *) echo "train.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3
export OMP_WAIT_POLICY=PASSIVE  # shared CPUs: do not spin
mkdir -p "$out"
out="$(cd "$out" && pwd)"
start=$(date +%s)
say() { echo "train.sh [$(( $(date +%s) - start ))s] $*"; }

if [ -n "$corpus" ]; then
  say "corpus: $corpus"
  [ "$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")" = "$out/corpus.jsonl" ] || {
    cp "$corpus" "$out/corpus.jsonl"; cp "$(dirname "$corpus")/special-tokens.txt" "$out/special-tokens.txt"; }
  count_arg=""
else
  say "teacher: --count $count --seed $seed"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  dotnet run --project "$repo/gateway/Ambient.Language.Teacher" -c Release -- \
    --count "$count" --seed "$seed" --out "$out/corpus.jsonl" --holdout "$out/holdout.jsonl" --holdout-count 1000
  count_arg="--teacher-count $count --teacher-seed $seed"
fi

if [ -n "$tokenizer" ]; then
  say "tokenizer: $tokenizer"
  [ "$(cd "$(dirname "$tokenizer")" && pwd)/$(basename "$tokenizer")" = "$out/tokenizer.json" ] || cp "$tokenizer" "$out/tokenizer.json"
  $py "$here/tokenize_corpus.py" --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" --out "$out/ids.txt"
else
  say "tokenizer"
  $py "$here/pipeline.py" \
    train_tokenizer.py --corpus "$out/corpus.jsonl" --merges 3000 --out "$out/tokenizer.json" :: \
    tokenize_corpus.py --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" --out "$out/ids.txt"
fi

say "training (log: $out/train.log)"
nice -n 5 $py "$here/train.py" --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" --out-dir "$out" \
  --steps "$steps" --max-minutes "$minutes" --threads "$threads" --batch "$batch" --lr "$lr" \
  ${init:+--init "$init"} 2>&1 | tee "$out/train.log"

say "export, int8, manifest, samples"
# shellcheck disable=SC2086
nice -n 5 $py "$here/pipeline.py" \
  export_onnx.py --ckpt "$out/ckpt.pt" --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" \
    --out "$out/model.fp32.onnx" --reference "$out/reference-logits.json" --val-ids "$out/val-ids.txt" :: \
  quantize.py --fp32 "$out/model.fp32.onnx" --out "$out/model.int8.onnx" :: \
  make_manifest.py --dir "$out" --corpus "$out/corpus.jsonl" $count_arg :: \
  sample.py --ckpt "$out/ckpt.pt" --tokenizer "$out/tokenizer.json" --corpus "$out/corpus.jsonl" -n 100 --show 10 \
    $([ -s "$out/holdout.jsonl" ] && echo "--holdout $out/holdout.jsonl") \
  | tee "$out/samples.txt"

if [ "$release" = 1 ]; then
  rel="$here/release"
  mkdir -p "$rel"
  rm -f "$rel"/model.int8.onnx "$rel"/model.fp32.onnx "$rel"/tokenizer.json "$rel"/manifest.json "$rel"/reference-logits.json
  cp "$out"/model.int8.onnx "$out"/tokenizer.json "$out"/manifest.json "$out"/reference-logits.json "$rel/"
  if [ "$(stat -c %s "$out/model.fp32.onnx")" -le 25000000 ]; then
    cp "$out/model.fp32.onnx" "$rel/"
  else
    say "model.fp32.onnx is over 25 MB: not shipped (manifest lists its hash)"
  fi
  say "release: $(ls "$rel" | tr '\n' ' ')"
fi
say "done"
