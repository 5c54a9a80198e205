#!/usr/bin/env bash
# tools/screenshots.sh [BUILD_DIR]: docs/screenshots/<W>x<H>/<workspace>-<demo>.png, every
# workspace on each of its demos, at 1280x720 and 1920x1080, in a real X server (Xvfb, no window
# manager, so the window is exactly the size asked unless its minimum is larger, which the
# screenshot then shows). It runs the workbench's own headless demo with --window-size, which
# writes the whole window after each demo has finished. captions.tsv names each screenshot; the
# AppStream metainfo (installer/Install.cmake) lists the 1920x1080 ones.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
periscope="$build/bin/periscope"
[ -x "$periscope" ] || { echo "screenshots: build first ($periscope is missing)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: needs xvfb-run (apt install xvfb)" >&2; exit 1; }

docs=docs/screenshots
for size in 1280x720 1920x1080; do
  out=$(mktemp -d)
  echo "screenshots: $size"
  # A screen a little larger than the window, as on a real desktop.
  PERISCOPE_CUDA=off xvfb-run -a -s "-screen 0 2560x1440x24" \
    "$periscope" --demo "$out" --window-size "$size" --device cpu > "$out/log" 2>&1 ||
    { tail -20 "$out/log" >&2; echo "screenshots: the demo failed at $size" >&2; exit 1; }
  rm -rf "${docs:?}/$size" && mkdir -p "$docs/$size"
  for shot in "$out"/window-*.png; do
    name=$(basename "$shot"); name=${name#window-}
    cp "$shot" "$docs/$size/$name"
  done
  # file, workspace, title, the size the window really had
  python3 - "$out/demo.json" > "$docs/$size/captions.tsv" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["figures"]:
    if "window" in f:
        print("\t".join([f["window"][len("window-"):], f["workspace"], f["title"], f.get("windowSize", "")]))
PY
  rm -rf "$out"
done
echo "screenshots: $(ls $docs/*/*.png | wc -l) written under $docs"
