#!/usr/bin/env bash
# README command 1: install, build, and open the workbench on its built-in demo data.
# With no display it runs the headless demo instead and writes its figures to demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/bin/periscope "$@"
fi
out="$PWD/demo-output"
echo "demo: no display (DISPLAY is not set); running the headless demo"
build/release/bin/periscope-cli demo --out "$out"
echo "demo: figures are in $out (start with workbench.png; demo.json lists them all)"
