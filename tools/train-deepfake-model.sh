#!/usr/bin/env bash
# Trains the DeepFake detector Periscope ships (resources/models/deepfake/deepfake-selfblend-b0):
# EfficientNet-B0 with one logit, from scratch, on 112 px face crops of opencv-doc's Megamind.avi
# (real) and a self-blended fake made from it here (`periscope-cli fakes`, seed 7). With a single
# original, train-deepfake holds out the video's last frames for validation. Footage this small
# makes a demonstration model: it has learned this clip's blending artefacts, not DeepFakes in
# general. Deterministic on one machine (seeded); about 2 minutes on 2 CPU cores.
# Usage: tools/train-deepfake-model.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
cli="$build/bin/periscope-cli"
video=/usr/share/doc/opencv-doc/examples/data/Megamind.avi
out="$here/resources/models/deepfake"
[ -f "$video" ] || { echo "train-deepfake-model: $video is missing (apt install opencv-doc)" >&2; exit 1; }
export PERISCOPE_THREADS=${PERISCOPE_THREADS:-2}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cli" fakes "$video" --out "$work/data" --seed 7 > "$work/fakes.json"
"$cli" train-deepfake --data "$work/data" --out "$work/deepfake-selfblend-b0.safetensors" --device cpu \
  --size 112 --every 2 --seed 1 > "$work/summary.json"
mkdir -p "$out"
# Stored in float16 (8 MB instead of 16): P(fake) moves by at most 0.005 on the clip's frames.
python3 "$here/tools/half-weights.py" "$work/deepfake-selfblend-b0.safetensors" "$out/deepfake-selfblend-b0.safetensors"
# The sidecar names the data by what it was, not by this run's temporary folder.
sed "s|\"data\": \"$work/data\"|\"data\": \"Megamind.avi and its self-blended fake (periscope-cli fakes --seed 7)\"|" \
  "$work/deepfake-selfblend-b0.json" > "$out/deepfake-selfblend-b0.json"
cat "$work/summary.json"
echo "wrote deepfake-selfblend-b0.safetensors and .json to $out"
