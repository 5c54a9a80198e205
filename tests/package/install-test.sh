#!/usr/bin/env bash
# install-test.sh BUILD_DIR: the Debian packages, made and used as a user would.
#   1. cpack makes periscope and periscope-cuda from the build; their contents are checked (the
#      split: no CUDA library in periscope) and their sizes printed.
#   2. lintian finds no error in either.
#   3. periscope is installed with apt into a clean bookworm root (debootstrap, cached:
#      bookworm-root.sh), which fetches its dependencies from Debian; there, from the installed
#      files only, `periscope-cli --version`, `info` (CPU only: the CUDA half is not installed)
#      and `demo` (every workspace's demo figure) run, and the .periscope MIME type is known.
#   4. periscope-cuda is installed beside it and `info` shows the CUDA half loaded.
# Needs root (chroot) and the network for Debian's packages; exit 77 (skipped) without them.
# Downloaded .debs are kept in $PERISCOPE_CACHE_DIR/apt-archives for the next run.
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
cache=${PERISCOPE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/periscope}
[ "$(id -u)" -eq 0 ] || { echo "SKIP: installing into a chroot needs root"; exit 77; }
for tool in cpack lintian debootstrap dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/install-deps.sh installs it)"; exit 77; }
done

work=$(mktemp -d "$build/package-test.XXXXXX")
root="$work/root"
cleanup() {
  for m in "$root/proc" "$root/dev"; do mountpoint -q "$m" 2>/dev/null && umount -l "$m"; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
step() { echo; echo "== $* ($(date +%T))"; }

step "cpack -G DEB"
start=$(date +%s)
(cd "$build" && cpack -G DEB -B "$work/debs" > "$work/cpack.log" 2>&1) || { tail -30 "$work/cpack.log"; fail "cpack failed"; }
echo "cpack: $(( $(date +%s) - start )) s"
rm -rf "$work/debs/_CPack_Packages" # the 3.3 GB staging copy
main=$(ls "$work"/debs/periscope_*_amd64.deb)
cuda=$(ls "$work"/debs/periscope-cuda_*_amd64.deb 2>/dev/null || true)
for deb in $main $cuda; do
  printf '%-40s %6d MB file, %6d MB installed\n' "$(basename "$deb")" $(( $(stat -c %s "$deb") / 1048576 )) \
    $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 ))
done
dpkg-deb -f "$main" Package Version Depends Recommends

step "contents"
dpkg-deb -c "$main" | awk '{print $6}' > "$work/main.list"
for path in ./usr/bin/periscope ./usr/bin/periscope-cli ./usr/lib/periscope/libtorch_cpu.so \
            ./usr/lib/periscope/libcudart.so.13 ./usr/share/periscope/models/catalogue.json \
            ./usr/share/applications/io.github.periscope.Periscope.desktop \
            ./usr/share/metainfo/io.github.periscope.Periscope.metainfo.xml \
            ./usr/share/mime/packages/periscope.xml ./usr/share/icons/hicolor/48x48/apps/io.github.periscope.Periscope.png \
            ./usr/share/icons/hicolor/scalable/apps/io.github.periscope.Periscope.svg \
            ./usr/share/man/man1/periscope.1.gz ./usr/share/man/man1/periscope-cli.1.gz \
            ./usr/share/doc/periscope/copyright ./usr/share/doc/periscope/changelog.gz; do
  grep -qxF "$path" "$work/main.list" || fail "periscope lacks $path"
done
if grep -E 'lib(torch_cuda|c10_cuda|cublas|cudnn|nccl)' "$work/main.list"; then
  fail "periscope holds CUDA libraries that belong to periscope-cuda"
fi
if [ -n "$cuda" ]; then
  dpkg-deb -c "$cuda" | awk '{print $6}' > "$work/cuda.list"
  for lib in libtorch_cuda.so libc10_cuda.so libtorch_cuda_linalg.so libcublas.so.13 libcudnn.so.9 \
             libcudnn_engines_precompiled.so.9 libnccl.so.2 libnvrtc.so.13; do
    grep -qxF "./usr/lib/periscope/$lib" "$work/cuda.list" || fail "periscope-cuda lacks $lib"
  done
  grep -q 'libtorch_cpu.so' "$work/cuda.list" && fail "periscope-cuda repeats periscope's libtorch_cpu.so"
fi
dpkg-deb --fsys-tarfile "$main" | tar -xO ./usr/share/man/man1/periscope-cli.1.gz | zcat > "$work/periscope-cli.1"
grep -q '^\.SS colorize' "$work/periscope-cli.1" || fail "the periscope-cli man page does not describe colorize"
echo "contents: as expected"

step "lintian"
for deb in $main $cuda; do
  lintian --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.log" || fail "lintian: errors in $(basename "$deb")"
  echo "lintian $(basename "$deb"): $(grep -c '^W:' "$work/lintian.log" || true) warnings, no errors"
done

step "a clean bookworm root"
bash "$here/bookworm-root.sh" "$root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mkdir -p "$cache/apt-archives" "$root/tmp/debs"
cp -l "$cache"/apt-archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
cp "$main" $cuda "$root/tmp/debs/"
in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive chroot "$root" "$@"; }

# As a user would: apt-get install with the recommended packages (the demos' data, xvfb);
# periscope-cuda, which no archive has, is left out by apt and installed below.
step "apt-get install ./$(basename "$main") (its dependencies and recommendations from Debian)"
start=$(date +%s)
in_root apt-get update -q > "$work/apt.log" 2>&1 || { tail "$work/apt.log"; echo "SKIP: the bookworm root reaches no Debian mirror"; exit 77; }
in_root apt-get install -y -q "/tmp/debs/$(basename "$main")" shared-mime-info >> "$work/apt.log" 2>&1 ||
  { tail -30 "$work/apt.log"; fail "apt-get install of periscope failed"; }
cp -n "$root"/var/cache/apt/archives/*.deb "$cache/apt-archives/" 2>/dev/null || true
echo "installed in $(( $(date +%s) - start )) s; $(in_root dpkg-query -W | wc -l) packages in the root"

step "the installed programs"
in_root periscope-cli --version | tee "$work/version"
grep -q "^periscope-cli " "$work/version" || fail "--version"
in_root periscope --version | grep -q "^periscope " || fail "periscope --version"
in_root periscope-cli info > "$work/info.json" || fail "periscope-cli info"
cat "$work/info.json"
grep -q '"cuda": ".*not installed' "$work/info.json" || fail "info does not say that the CUDA half is not installed"
in_root sh -c 'cd /tmp && periscope-cli demo --out /tmp/demo' > "$work/demo.log" 2>&1 || { tail -30 "$work/demo.log"; fail "periscope-cli demo"; }
tail -3 "$work/demo.log"
grep -q '"failures": 0' "$root/tmp/demo/demo.json" || fail "the demo reports failures"
figures=$(ls "$root"/tmp/demo/*.png | wc -l)
[ "$figures" -ge 7 ] || fail "the demo wrote only $figures figures"
echo "demo: $figures figures"
grep -q 'x-periscope-project:\*\.periscope' "$root/usr/share/mime/globs2" || fail "the .periscope MIME type is not registered"
in_root man -w periscope-cli >/dev/null 2>&1 || [ -f "$root/usr/share/man/man1/periscope-cli.1.gz" ] || fail "no man page"

if [ -n "$cuda" ]; then
  step "dpkg -i $(basename "$cuda")"
  start=$(date +%s)
  in_root dpkg -i "/tmp/debs/$(basename "$cuda")" > "$work/dpkg-cuda.log" 2>&1 || { tail "$work/dpkg-cuda.log"; fail "dpkg -i periscope-cuda"; }
  echo "installed in $(( $(date +%s) - start )) s"
  # PERISCOPE_CUDA=on: load the CUDA half even without NVIDIA's driver (no GPU here), so that
  # the package's libraries are shown to load; it finds no device (or names the GPU where there is one).
  in_root env PERISCOPE_CUDA=on periscope-cli info > "$work/info-cuda.json" || fail "periscope-cli info with periscope-cuda"
  grep '"cuda"' "$work/info-cuda.json"
  grep -Eq '"cuda": "built with CUDA [0-9.]+, (no GPU found|[0-9]+ GPU)' "$work/info-cuda.json" ||
    fail "with periscope-cuda installed, info does not show the CUDA libraries loaded"
fi
echo
echo "package test: passed"
