#!/usr/bin/env bash
# Makes the Open-vocabulary workspace's built-in model (committed under resources/models/open-vocabulary):
# a small dino.txt on the built-in Slots ViT (resources/models/slots, kept frozen), trained with
# train-open-vocab on the 1,000 scenes the Slots model was trained on (160 x 120, seed 7: the
# backbone's self-supervised data, as DINOv2's is dino.txt's), 10 % held out for its validation
# mIoU and background threshold. Then it is scored on the 16 demo scenes no model here saw
# (resources/scenes/demo): prompt mIoU of the colours, shapes, materials and sizes against the
# masks, beside the shuffled-prompt baseline.
# About 10 minutes on one thread (PERISCOPE_THREADS=1, as the committed model was made).
# Usage: tools/train-openvocab-model.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cli="$build/bin/periscope-cli"
export PERISCOPE_THREADS=${PERISCOPE_THREADS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" scenes --count 1000 --out "$work/train" --seed 7 --size 160x120 > /dev/null
mkdir -p resources/models/open-vocabulary
out=resources/models/open-vocabulary/openvocab-scenes-small.safetensors
"$cli" train-open-vocab --data "$work/train" --out "$out" --seed 0 > "$work/summary.json"
rm -f resources/models/open-vocabulary/openvocab-scenes-small.checkpoint.*
cat "$work/summary.json"
for prompts in "gray objects;red objects;blue objects;green objects;brown objects;purple objects;cyan objects;yellow objects" \
               "spheres;cubes;cylinders" "metal objects;rubber objects" "large objects;small objects"; do
    "$cli" open-vocab resources/scenes/demo --model "$out" --prompts "$prompts" --out "$work/demo" 2> /dev/null
done
