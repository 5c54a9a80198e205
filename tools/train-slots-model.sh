#!/usr/bin/env bash
# Makes the Slots workspace's built-in model and demo scenes (committed under
# resources/models/slots and resources/scenes/demo):
#   - 1000 training scenes, 160 x 120, seed 7 (periscope-cli scenes; a private Xvfb without DISPLAY);
#   - the small preset (64 px, 4 px patches: 16 x 16 tokens, 11 learned slots, 30 epochs, batches
#     of 32) trained on them with train-slots, 10 % held out, their masks' IoU and FG-ARI per epoch;
#   - 16 demo scenes the model never saw, 160 x 120, seed 2022.
# About 23 minutes on one thread (PERISCOPE_THREADS=1: faster than two on small 2-vCPU machines,
# and the figures in the README were made so). Usage: tools/train-slots-model.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cli="$build/bin/periscope-cli"
export PERISCOPE_THREADS=${PERISCOPE_THREADS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" scenes --count 1000 --out "$work/train" --seed 7 --size 160x120 > /dev/null
mkdir -p resources/models/slots
"$cli" train-slots --data "$work/train" --out resources/models/slots/slots-scenes-small.safetensors --preset small --seed 0 \
    > "$work/summary.json"
rm -f resources/models/slots/slots-scenes-small.checkpoint.*
rm -rf resources/scenes/demo
"$cli" scenes --count 16 --out resources/scenes/demo --seed 2022 --size 160x120 > /dev/null
cat "$work/summary.json"
