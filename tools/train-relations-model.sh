#!/usr/bin/env bash
# Makes the Relations workspace's built-in model (committed under resources/models/relations):
#   - 3000 training scenes with selective predicates, 320 x 240, seed 2026 (periscope-cli scenes
#     --relations; a private Xvfb without DISPLAY);
#   - the ws-vrd relational network (FC_AGG readout, max pooling, fully connected layers of 128)
#     with the scene_cnn backbone, trained with train-relations on image-level predicate labels
#     only: 20 epochs, batches of 16, Adam 1e-3, 10 % held out, recall@K of the relations the
#     explainer recovers on them per epoch.
# Usage: tools/train-relations-model.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cli="$build/bin/periscope-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" scenes --relations --count 3000 --out "$work/train" --seed 2026 > /dev/null
mkdir -p resources/models/relations
"$cli" train-relations --data "$work/train" --out resources/models/relations/relations-scenes.safetensors \
    --epochs 20 --batch-size 16 --seed 1 --validation 0.1 > "$work/summary.json"
rm -f resources/models/relations/relations-scenes.checkpoint.*
cat "$work/summary.json"
