#!/usr/bin/env bash
# On a GPU machine that has a PyTorch install (CUDA), CMake and ninja, but no Qt, OpenCV or
# FFmpeg: builds engine/core + bench/ against that PyTorch's LibTorch, runs the benchmarks on
# CUDA, runs the PyTorch eager reference in the same session, and writes everything to OUT_DIR.
#   tools/gpu-bench.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/gpu-bench.sh OUT_DIR}
mkdir -p "$out"
python=${PYTHON:-python3}
prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
"$python" -c 'import torch; print(torch.__version__, torch.version.cuda, torch.cuda.get_device_name(0))' | tee "$out/torch.txt"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/gpu.txt" || true
cmake -S . -B build/gpu-core -G Ninja -DCMAKE_BUILD_TYPE=Release -DPERISCOPE_ENGINE_CORE_ONLY=ON \
      -DCMAKE_PREFIX_PATH="$prefix" > "$out/configure.log" 2>&1
cmake --build build/gpu-core > "$out/build.log" 2>&1
bin=build/gpu-core/bin
{
  "$bin/bench_models" --device cuda --batches 1,8,32 --precisions fp32,bf16 --modes forward,train --min-seconds 1
  "$python" bench/reference/vit_reference.py --device cuda --batches 1,8,32 --precisions fp32,bf16 --modes forward,train --min-seconds 1
} | tee "$out/models.jsonl"
"$python" tools/compare-bench.py < "$out/models.jsonl" | tee "$out/ratios.md"
"$bin/bench_matmul" --device cuda --sizes 2048,4096,8192 | tee "$out/matmul.jsonl"
"$bin/bench_attribution" --device cuda --model resnet50 | tee "$out/attribution.jsonl"
{
  "$bin/bench_colorize" --device cuda --batches 1,16,64
  "$python" bench/reference/colorize_reference.py --device cuda --batches 1,16,64
} | tee "$out/colorize.jsonl"
"$python" tools/compare-bench.py < "$out/colorize.jsonl" | tee "$out/colorize-ratios.md"
