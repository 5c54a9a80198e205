#!/usr/bin/env bash
# README command 2: install, build, and run the whole test suite through CTest.
# Labels: engine, media, widgets, app, gl (under xvfb-run), slow. `ctest --preset release -L engine`
# runs one layer; `-LE slow` skips the slow suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --preset release -j2 "$@"
