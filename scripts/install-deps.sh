#!/usr/bin/env bash
# Installs what Periscope's build, tests and demo need: Debian (bookworm) packages, then
# LibTorch from the PyPI `torch` wheel (CUDA build) into build/python, a virtual environment the
# build owns (scripts/install-torch.sh). Idempotent: packages already present are left alone;
# `apt-get update` runs once per call and only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # clang with libFuzzer and the sanitizers: the fuzz targets (tools/fuzz.sh, the asan preset)
  clang libclang-rt-14-dev
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 libqt6sql6-sqlite qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-image-formats-plugins
  libqt6opengl6-dev libgl-dev libglx-dev libgl1-mesa-dri libxkbcommon-dev
  # Python's venv for build/python, where the torch wheel (LibTorch with CUDA) is installed
  python3 python3-venv
  # OpenCV (no highgui: it drags Qt 5 into the process) and FFmpeg
  libopencv-dev libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  # zlib: compressed entries in zip archives and gzip files such as CLIP's vocabulary (engine/core
  # reads them when it is there)
  zlib1g-dev
  # SQLite's header: study files from outside are checked under a progress deadline
  libsqlite3-dev
  # plots, 3-D, chemistry
  libqcustomplot-dev libqcustomplot2.1-qt6 libvtk9-dev librdkit-dev libboost-dev
  # tests and the headless demo: a private X server with Mesa, fonts for text in figures
  xvfb xauth fonts-dejavu-core
  # demo data: real photos and videos, Haar cascades, molecule sets
  opencv-doc opencv-data rdkit-data
  # the Debian packages (installer/, tests/package): icons drawn from the SVG, man pages from
  # --help, the validators, and a clean bookworm root to install into
  librsvg2-bin help2man desktop-file-utils appstream libxml2-utils lintian debootstrap
  # PDF figures read back as a reader shows them (tst_figure: page size, text, the drawing)
  poppler-utils
  # batch runs on a cluster (tests/slurm): a one-node Slurm the test starts on this machine
  slurm-wlm munge
  # a decimal-comma locale made at test time (tst_json: JSON numbers ignore the user's locale)
  locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

bash scripts/install-torch.sh
