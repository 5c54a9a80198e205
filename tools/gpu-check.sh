#!/usr/bin/env bash
# The GPU machine's one script, made to run unattended the first time a GPU is lent (about
# 8 minutes). That machine has CUDA, PyTorch (2.11, CUDA 13), CMake and ninja, but no Qt, OpenCV
# or FFmpeg. It:
#   1. builds the LibTorch-only engine (core, colorize, graphs, slots), bench/ and tst_cuda against
#      that machine's torch (the gpu-core preset);
#   2. runs the `cuda` tests (tst_cuda: models, autocast, streams and explanations on the GPU
#      against the CPU, the MViT clip detector's every method and its training included);
#   3. benchmarks against PyTorch eager of the same torch, on the same GPU, in the same run:
#      DINOv2's ViT-L/14 at 518 px and ViT-B/14 (fp32 and bf16), eccv16, the Slots model, graph
#      explanations, the DeepFake frame detector's scores and explanations (against torchvision's
#      EfficientNet-B0), the clip detector's (against torchvision's mvit_v2_s) and matrix products;
# and writes JSON lines, ratio tables and summary.md (each step's exit code and seconds) to OUT.
# A failing step is recorded and the rest still run; every step has a time limit.
#
#   tools/gpu-check.sh [OUT]          (default: $OUT, else build/gpu-check)
#   PYTHON=python3.11 tools/gpu-check.sh ...   (the interpreter whose torch is used)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-${OUT:-build/gpu-check}}
mkdir -p "$out"
python=${PYTHON:-python3}
build=build/gpu-core
bin=$build/bin
summary=$out/summary.md
started=$(date +%s)

printf '# tools/gpu-check.sh, %s\n\n| step | exit | seconds |\n|---|---|---|\n' "$(date -u +%FT%TZ)" > "$summary"

# step NAME SECONDS COMMAND...: runs COMMAND with a time limit, its output in OUT/NAME.log.
step() {
  local name=$1 limit=$2
  shift 2
  local t0 rc
  t0=$(date +%s)
  echo "gpu-check: $name (at most ${limit} s)"
  timeout --kill-after=10 "$limit" "$@" > "$out/$name.log" 2>&1
  rc=$?
  echo "| $name | $rc | $(( $(date +%s) - t0 )) |" >> "$summary"
  [ "$rc" -eq 0 ] || { echo "gpu-check: $name failed ($rc); last lines:"; tail -5 "$out/$name.log"; }
  return "$rc"
}

# bench NAME SECONDS "OURS" "REFERENCE": both in one step, JSON lines in OUT/NAME.jsonl, ratios
# in OUT/NAME-ratios.md.
bench() {
  local name=$1 limit=$2 ours=$3 reference=$4
  step "$name" "$limit" bash -c "set -o pipefail; { $ours && $reference; } | tee '$out/$name.jsonl'"
  python3 tools/compare-bench.py < "$out/$name.jsonl" > "$out/$name-ratios.md" 2>> "$out/$name.log"
}

step environment 60 bash -c "
  '$python' -c 'import torch; print(\"torch\", torch.__version__, \"cuda\", torch.version.cuda, \"gpu\", torch.cuda.get_device_name(0) if torch.cuda.is_available() else None)'
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv || true
  nproc; cmake --version | head -1; ninja --version; nvcc --version | tail -1 || true"
cat "$out/environment.log"

step configure 120 cmake --preset gpu-core -DPERISCOPE_TORCH_PYTHON="$(command -v "$python")"
step build 300 cmake --build --preset gpu-core -j "$(nproc)" || {
  echo "gpu-check: the build failed; see $out/build.log"
  exit 1
}

step cuda-tests 180 ctest --test-dir "$build" -L cuda --output-on-failure

ref=bench/reference
bench vit 150 \
  "$bin/bench_models --device cuda --models vit_l14_518,vit_b14 --batches 1,8 --precisions fp32,bf16 --modes forward --min-seconds 1" \
  "$python $ref/vit_reference.py --device cuda --models vit_l14_518,vit_b14 --batches 1,8 --precisions fp32,bf16 --modes forward --min-seconds 1"
bench vit-train 90 \
  "$bin/bench_models --device cuda --models vit_b14 --batches 32 --precisions fp32,bf16 --modes train --min-seconds 1" \
  "$python $ref/vit_reference.py --device cuda --models vit_b14 --batches 32 --precisions fp32,bf16 --modes train --min-seconds 1"
bench colorize 90 \
  "$bin/bench_colorize --device cuda --models eccv16 --batches 1,16 --seconds 1" \
  "$python $ref/colorize_reference.py --device cuda --models eccv16 --batches 1,16 --seconds 1"
bench slots 90 \
  "$bin/bench_slots --device cuda --batches 1,16 --seconds 1" \
  "$python $ref/slots_reference.py --bench --device cuda --batches 1,16 --seconds 1"
bench graphs 90 \
  "$bin/bench_graphs --device cuda --seconds 1 --export $out/graph-batches" \
  "$python $ref/graph_reference.py --device cuda --seconds 1 --data $out/graph-batches"
bench deepfake 150 \
  "$bin/bench_deepfake --device cuda --batches 1,16 --seconds 1 --repeats 5" \
  "$python $ref/deepfake_reference.py --device cuda --batches 1,16 --seconds 1 --repeats 5"
bench deepfake_clip 120 \
  "$bin/bench_deepfake_clip --device cuda --batches 1,8 --methods score,gradcam,rollout --seconds 1 --repeats 5" \
  "$python $ref/deepfake_clip_reference.py --device cuda --batches 1,8 --methods score,gradcam --seconds 1 --repeats 5"
# dino.txt at the released size (its PyTorch reference needs a dinov2 checkout, which this machine
# does not have): ours alone, and loading the released-size weights.
step openvocab 120 bash -c "$bin/bench_openvocab --device cuda --seconds 1 | tee '$out/openvocab.jsonl' && \
  $bin/bench_openvocab --device cuda --load '$out/openvocab-weights' --precision bf16 | tee -a '$out/openvocab.jsonl'; rm -rf '$out/openvocab-weights'"
step matmul 60 bash -c "$bin/bench_matmul --device cuda --sizes 2048,4096,8192 | tee '$out/matmul.jsonl'"

echo "| total | | $(( $(date +%s) - started )) |" >> "$summary"
{
  echo
  for f in "$out"/*-ratios.md; do
    [ -s "$f" ] && { echo "## $(basename "$f" -ratios.md)"; echo; cat "$f"; echo; }
  done
} >> "$summary"
cat "$summary"
