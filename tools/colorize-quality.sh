#!/usr/bin/env bash
# The built-in colorizer's targets (#22), measured on photos no training saw: scikit-image's
# colour photos (astronaut, chelsea, coffee, motorcycle_left, rocket) and the demo's four
# opencv-doc photos. Per photo and on average: PSNR of the colorized photo and of the gray photo
# against the true colours, and mean CIELab chroma against the truth's. Prints Markdown tables
# for docs/benchmarks.md, one per model and temperature.
#
# scikit-image's photos come from its wheel on PyPI (fetched once into the cache with pip
# download; nothing is installed). Any other colorizer (e.g. the authors' eccv16 .pth) can be
# measured beside: MODELS="eccv16-photos:0.38 eccv16-photos:1 /path/colorization_release_v2.pth:1".
# Usage: tools/colorize-quality.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
cli="$build/bin/periscope-cli"
cache="${PERISCOPE_PHOTO_CACHE:-$HOME/.cache/periscope/training-photos}"
models="${MODELS:-eccv16-photos:1 eccv16-photos:0.6 eccv16-photos:0.38}"

mkdir -p "$cache/skimage"
if [ ! -f "$cache/skimage/skimage/data/astronaut.png" ]; then
  python3 -m pip download --quiet --no-deps --only-binary :all: --dest "$cache/skimage" scikit-image
  (cd "$cache/skimage" && python3 -m zipfile -e "$(ls scikit_image-*.whl | head -1)" . > /dev/null)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/skimage" "$work/demo"
for name in astronaut.png chelsea.png coffee.png motorcycle_left.png rocket.jpg; do
  cp "$cache/skimage/skimage/data/$name" "$work/skimage/"
done
for name in baboon.jpg fruits.jpg squirrel_cls.jpg butterfly.jpg; do
  f=/usr/share/doc/opencv-doc/examples/data/$name
  [ -f "$f" ] && cp "$f" "$work/demo/"
done

for entry in $models; do
  model="${entry%%:*}"
  temperature="${entry#*:}"
  args=()
  [ -n "$temperature" ] && args=(--temperature "$temperature")
  for set in skimage demo; do
    "$cli" colorize "$work/$set" --out "$work/out" --model "$model" "${args[@]}" 2> /dev/null > "$work/summary.json" || {
      echo "colorize-quality: $model failed on $set" >&2
      continue
    }
    python3 - "$work/summary.json" "$model" "$set" <<'EOF'
import json, os, sys
summary = json.load(open(sys.argv[1]))
t = summary.get("temperature")
print(f"\n**{sys.argv[2]}**" + (f", T = {t:g}" if t is not None else "") + f", {sys.argv[3]} photos\n")
print("| photo | PSNR (dB) | gray's PSNR (dB) | gain (dB) | mean chroma | truth's | share |")
print("|---|---|---|---|---|---|---|")
for image in summary["images"]:
    name = os.path.basename(image["input"])
    print(f"| {name} | {image['psnr']:.2f} | {image['gray_psnr']:.2f} | {image['psnr'] - image['gray_psnr']:+.2f} "
          f"| {image['chroma']:.1f} | {image['truth_chroma']:.1f} | {100 * image['chroma'] / image['truth_chroma']:.0f} % |")
m = summary["means"]
print(f"| **mean** | **{m['psnr']:.2f}** | **{m['gray_psnr']:.2f}** | **{m['psnr'] - m['gray_psnr']:+.2f}** "
      f"| **{m['chroma']:.1f}** | **{m['truth_chroma']:.1f}** | **{100 * m['chroma'] / m['truth_chroma']:.0f} %** |")
EOF
  done
done
