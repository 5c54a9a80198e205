#!/usr/bin/env bash
# Trains the colorizer Periscope ships (resources/models/colorize/eccv16-photos) as Zhang, Isola &
# Efros (ECCV 2016) train theirs: classification over the 313 in-gamut ab bins with the
# class-rebalanced loss (the inverse of the training photos' smoothed colour prior, lambda 1/2),
# decoded by the annealed mean; Adam with weight decay 1e-3; random crops of half to all of the
# shorter side and flips. The network is eccv16 with every channel count divided by 4 (2.0 M
# parameters, 8 MB) at 176 px, the crop side of the paper. The weights kept are those of the
# epoch with the lowest validation loss (MSE on ab at the decoding temperature).
# It decodes at T = 1, not the paper's 0.38: on held-out photos this model is both closer to the
# truth and more colourful at T = 1 (docs/benchmarks.md); the workbench's slider and
# `colorize --temperature` choose another.
#
# The photos are those Debian packages ship that their licences let us use (training only; no
# photo is redistributed), listed in resources/models/README.md:
#   opencv-doc (its colour photos but the four the demo shows), mate-backgrounds (nature),
#   plasma-workspace-wallpapers (the photographs), lomiri-wallpapers-16.04 and -20.04 (the
#   photographs), python3-sklearn (china.jpg, flower.jpg), python-matplotlib-data
#   (grace_hopper.jpg), gcompris-qt-data (the photographs of seven activities: animals,
#   monuments, tools, instruments, landscapes; in Qt resource files, copied out by
#   tools/extract-qt-resources.cpp).
# The packages are fetched with `apt-get download` into a cache and unpacked there: nothing is
# installed. scikit-image's data photos are never used: they are the evaluation set
# (tools/colorize-quality.sh), with the demo's four.
#
# Deterministic on one machine (seeded). About 25 minutes on 2 CPU cores.
# Usage: tools/train-colorize-model.sh [BUILD_DIR] [EPOCHS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/release}"
epochs="${2:-80}"
cli="$build/bin/periscope-cli"
cache="${PERISCOPE_PHOTO_CACHE:-$HOME/.cache/periscope/training-photos}"
out="$here/resources/models/colorize"
held_out="baboon.jpg fruits.jpg squirrel_cls.jpg butterfly.jpg" # the demo's photos (BuiltInColorizers.cpp)

packages=(opencv-doc mate-backgrounds plasma-workspace-wallpapers lomiri-wallpapers-16.04 lomiri-wallpapers-20.04
          python3-sklearn python-matplotlib-data gcompris-qt-data)
mkdir -p "$cache/debs" "$cache/root"
for p in "${packages[@]}"; do
  if ! ls "$cache/debs/${p}_"*.deb > /dev/null 2>&1; then
    (cd "$cache/debs" && apt-get download "$p" > /dev/null) || { echo "train-colorize-model: cannot download $p (apt-get download)" >&2; exit 1; }
  fi
  dpkg-deb -x "$(ls "$cache/debs/${p}_"*.deb | head -1)" "$cache/root"
done
root="$cache/root"
# GCompris keeps its photos in Qt resource files.
if [ ! -d "$cache/gcompris" ]; then
  g++ -std=c++17 -fPIC -o "$cache/extract-qt-resources" "$here/tools/extract-qt-resources.cpp" $(pkg-config --cflags --libs Qt6Core)
  "$cache/extract-qt-resources" "$cache/gcompris.partial" "$root"/usr/share/gcompris-qt/rcc/*.rcc
  mv "$cache/gcompris.partial" "$cache/gcompris"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
photos="$work/photos"
mkdir -p "$photos"
link() { [ -f "$1" ] || { echo "train-colorize-model: $1 is missing" >&2; exit 1; }; ln -s "$1" "$photos/$2"; }
# opencv-doc: every JPEG and PNG; the trainer skips the gray ones and those with alpha. Synthetic
# drawings (pic1-6, ml, imageText*) are left out: they teach colours no photo has.
for f in "$root"/usr/share/doc/opencv-doc/examples/data/*.jpg "$root"/usr/share/doc/opencv-doc/examples/data/*.png; do
  name="$(basename "$f")"
  case " $held_out " in *" $name "*) continue ;; esac
  case "$name" in pic[0-9].png | ml.png | imageText*) continue ;; esac
  link "$f" "opencv-$name"
done
for name in Aqua Blinds Dune FreshFlower Garden GreenMeadow LadyBird RainDrops Storm TwoWings Wood YellowFlower; do
  link "$root/usr/share/backgrounds/mate/nature/$name.jpg" "mate-$name.jpg"
done
for name in BytheWater ColorfulCups DarkestHour EveningGlow FallenLeaf Kite OneStandsOut Path summer_1am; do
  link "$root/usr/share/wallpapers/$name/contents/images/2560x1600.jpg" "kde-$name.jpg"
done
link "$root/usr/share/wallpapers/Volna/contents/images/5120x2880.jpg" kde-Volna.jpg
for name in Bridge_by_Sander_Klootwijk Dragonfly_by_Bolly Kleiber_by_Lukas_Baubkus Picture_0B_by_freespace Picture_1A_by_freespace \
  Wine_by_Jakkub_Mede aitzgorri_by_Aitzol_Berasategi free_by_Peter_Nerlich friends_by_Aitzol_Berasategi greentock_by_Peter_Nerlich \
  life_by_Aitzol_Berasategi picosdeeuropa_by_Aitzol_Berasategi seeding_by_Clements_Engelhardt sunset_by_Aitzol_Berasategi; do
  link "$root/usr/share/backgrounds/$name.jpg" "wall-lomiri-$name.jpg" # "wall-": the order the shipped weights were trained in
done
link "$root/usr/lib/python3/dist-packages/sklearn/datasets/images/china.jpg" sklearn-china.jpg
link "$root/usr/lib/python3/dist-packages/sklearn/datasets/images/flower.jpg" sklearn-flower.jpg
link "$root/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg" matplotlib-grace_hopper.jpg
# GCompris: the activities whose pictures are photographs (not its drawings, paintings or sprites).
for activity in categorization erase explore_monuments explore_world_animals explore_farm_animals explore_world_music leftright; do
  find "$cache/gcompris/$activity" -type f | sort | while read -r f; do link "$f" "gcompris-$activity-$(basename "$f")"; done
done
find "$cache/gcompris/clickgame" -type f -size +30k | sort | while read -r f; do link "$f" "gcompris-clickgame-$(basename "$f")"; done

"$cli" train-colorizer --data "$photos" --out "$work/eccv16-photos.safetensors" \
  --arch eccv16 --loss rebalanced --width 4 --size 176 --temperature 1 --keep-best \
  --epochs "$epochs" --batch-size 8 --lr 0.001 --weight-decay 0.001 --seed 1 \
  2> >(grep -v 'skipped' >&2) > "$work/summary.json"
mkdir -p "$out"
cp "$work/eccv16-photos.safetensors" "$work/eccv16-photos.json" "$out/"
echo "wrote eccv16-photos.safetensors and .json to $out; update their bytes and sha256 in resources/models/catalogue.json"
