#!/usr/bin/env bash
# Trains the colorizer Periscope ships (resources/models/colorize/koalarization-opencv) from the
# colour photos of Debian's opencv-doc package: Deep Koalarization with every layer's channels
# halved (--width 2: 1.9 M parameters, 7.7 MB, where the published width is 29 MB), at 224 px.
# Four photos are held out of training so that the built-in demo colorizes photos the model has
# not seen. Deterministic on one machine (seeded); about 20 minutes on 2 CPU cores.
# Usage: tools/train-colorize-model.sh [BUILD_DIR] [EPOCHS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
epochs="${2:-200}"
cli="$build/bin/periscope-cli"
photos=/usr/share/doc/opencv-doc/examples/data
held_out="baboon.jpg fruits.jpg squirrel_cls.jpg butterfly.jpg" # the demo's photos (ColorizeDemo.cpp)
out="$here/resources/models/colorize"
[ -d "$photos" ] || { echo "train-colorize-model: $photos is missing (apt install opencv-doc)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/photos" "$out"
for f in "$photos"/*; do
  name="$(basename "$f")"
  case " $held_out " in *" $name "*) continue ;; esac
  [ -f "$f" ] && ln -s "$f" "$work/photos/$name"
done
# Gray photos and logos with alpha are skipped by the trainer with a warning each.
"$cli" train-colorizer --data "$work/photos" --out "$work/koalarization-opencv.safetensors" \
  --width 2 --size 224 --epochs "$epochs" --batch-size 8 --lr 0.001 --seed 1 \
  2> >(grep -v 'skipped' >&2) > "$work/summary.json"
cp "$work/koalarization-opencv.safetensors" "$work/koalarization-opencv.json" "$out/"
echo "wrote koalarization-opencv.safetensors and .json to $out"
