#!/usr/bin/env bash
# Makes the Relations workspace's demo scenes (committed under resources/scenes/relations-demo):
# 10 scenes with selective predicates, 320 x 240, seed 4242, drawn by the same generator as the
# built-in model's training scenes (tools/train-relations-model.sh, seed 2026) but from other seeds.
# Usage: tools/make-relations-demo.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
rm -rf resources/scenes/relations-demo
"$build/bin/periscope-cli" scenes --relations --count 10 --out resources/scenes/relations-demo --seed 4242 > /dev/null
