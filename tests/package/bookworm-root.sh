#!/usr/bin/env bash
# bookworm-root.sh DIR: a clean Debian bookworm root (debootstrap --variant=minbase) in DIR, for
# installing Periscope's packages into (tests/package/install-test.sh).
#
# debootstrap runs once per machine: its result is kept as a tarball in the cache
# ($PERISCOPE_CACHE_DIR, default ~/.cache/periscope) and unpacked fresh for every run, so each
# run starts from the same clean root. The mirror is the host's own (its apt sources), so the
# test reaches exactly what the machine's apt reaches.
set -euo pipefail
root=$1
cache=${PERISCOPE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/periscope}
tarball="$cache/debootstrap/bookworm-minbase.tar"
mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(http[^ ]*\/debian\) bookworm main.*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
mirror=${mirror:-http://deb.debian.org/debian}

if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null || { echo "bookworm-root: debootstrap is not installed" >&2; exit 77; }
  mkdir -p "$(dirname "$tarball")"
  build=$(mktemp -d "$cache/debootstrap/build.XXXXXX")
  trap 'rm -rf "$build"' EXIT
  echo "bookworm-root: debootstrap --variant=minbase bookworm from $mirror (once; cached in $tarball)"
  start=$(date +%s)
  debootstrap --variant=minbase bookworm "$build/root" "$mirror" > "$build/log" 2>&1 ||
    { tail -20 "$build/log" >&2; echo "bookworm-root: debootstrap failed" >&2; exit 1; }
  rm -rf "$build/root/var/cache/apt/archives/"*.deb "$build/root/var/lib/apt/lists/"*
  tar -C "$build/root" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
  echo "bookworm-root: made in $(( $(date +%s) - start )) s"
fi
mkdir -p "$root"
tar -C "$root" -xf "$tarball"
# The same sources as the host (main, updates, security), and a resolver.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/debian.sources"
  rm -f "$root/etc/apt/sources.list"
fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
