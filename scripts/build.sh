#!/usr/bin/env bash
# Installs the Debian packages Periscope needs, then configures and builds the Release preset
# into build/release. Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
start=$(date +%s)
cmake --preset release
cmake --build --preset release
echo "build: done in $(( $(date +%s) - start )) s (build/release)"
