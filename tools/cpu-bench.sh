#!/usr/bin/env bash
# On this machine's CPU: the ViT-B/14 forward in Periscope's engine against the same model in
# PyTorch eager (build/python's torch, the same LibTorch 2.11.0), same threads, one run, then
# the matrix-product and attribution benches. Writes JSON lines and a ratio table to OUT_DIR.
#   tools/cpu-bench.sh [OUT_DIR]     (default: build/bench-cpu)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/bench-cpu}
mkdir -p "$out"
threads=$(nproc)
bin=build/release/bin
python=build/python/bin/python
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "cpu-bench: the reference needs build/python's torch: bash scripts/install-deps.sh" >&2
  exit 1
fi
{
  "$bin/bench_models" --threads "$threads" --models vit_b14 --batches 1,8 --precisions fp32,bf16 --modes forward
  "$python" bench/reference/vit_reference.py --threads "$threads" --batches 1,8 --precisions fp32,bf16 --modes forward
} | tee "$out/vit.jsonl"
python3 tools/compare-bench.py < "$out/vit.jsonl" | tee "$out/vit-ratios.md"
"$bin/bench_matmul" --threads "$threads" --sizes 1024,2048 | tee "$out/matmul.jsonl"
"$bin/bench_models" --threads "$threads" --models resnet50 --batches 1,8 --modes forward,train | tee "$out/resnet50.jsonl"
"$bin/bench_attribution" --threads "$threads" | tee "$out/attribution.jsonl"
# Video decoding against FFmpeg's own decode loop (and the ffmpeg tool when installed).
"$bin/bench_video" | tee "$out/video.jsonl"
# ImageView frame time while panning a 24-megapixel image (offscreen).
QT_QPA_PLATFORM=offscreen "$bin/bench_imageview" | tee "$out/imageview.jsonl"
# Graph explanations (1,000 molecules, 1,000 infection graphs; each method) against the same
# networks in PyTorch eager on the same exported batches.
"$bin/bench_graphs" --threads "$threads" --export "$out/graph-batches" | tee "$out/graphs.jsonl"
"$python" bench/reference/graph_reference.py --data "$out/graph-batches" --threads "$threads" | tee -a "$out/graphs.jsonl"
python3 tools/compare-bench.py < "$out/graphs.jsonl" | tee "$out/graphs-ratios.md"
# Colorization networks and the full-resolution pipeline against PyTorch eager.
"$bin/bench_colorize" --threads "$threads" | tee "$out/colorize.jsonl"
"$python" bench/reference/colorize_reference.py --threads "$threads" | tee -a "$out/colorize.jsonl"
python3 tools/compare-bench.py < "$out/colorize.jsonl" | tee "$out/colorize-ratios.md"
# The Slots model (inference and training steps) against PyTorch eager; scene generation (VTK).
"$bin/bench_slots" --threads "$threads" | tee "$out/slots.jsonl"
"$python" bench/reference/slots_reference.py --bench --threads "$threads" | tee -a "$out/slots.jsonl"
python3 tools/compare-bench.py < "$out/slots.jsonl" | tee "$out/slots-ratios.md"
if [ -n "${DISPLAY:-}" ]; then "$bin/bench_scenes" | tee "$out/scenes.jsonl"; else xvfb-run -a "$bin/bench_scenes" | tee "$out/scenes.jsonl"; fi
