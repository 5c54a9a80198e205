#!/usr/bin/env bash
# Trains the graph networks Periscope ships (resources/models/graphs) from data every install
# has: generated infection graphs and rdkit-data's NCI molecules. Deterministic on one machine
# (seeded); a few minutes on 2 CPU cores. Usage: tools/train-graph-models.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
cli="$build/bin/periscope-cli"
out="$here/resources/models/graphs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# InfectionGN as in the paper (sum aggregation, biases), on 2,000 training-parameter graphs.
"$cli" train-graph --task infection --graphs 2000 --epochs 40 --lr 0.01 --seed 1 \
  --out "$work/infection.safetensors" > "$work/infection.summary.json"
# SolubilityGN (3 hidden layers, width 64, sum) on the ESOL estimate and on Crippen logP.
for target in esol logp; do
  "$cli" train-graph --task molecules --target "$target" --epochs 60 --lr 0.003 --seed 1 \
    --out "$work/$target.safetensors" > "$work/$target.summary.json"
done
for model in infection esol logp; do
  cp "$work/$model.safetensors" "$work/$model.json" "$out/"
done
echo "wrote $(ls "$out" | tr '\n' ' ')to $out"
