#!/usr/bin/env bash
# Throughput of batch commands run through `periscope-cli slurm` on a one-node Slurm on this
# machine (tests/slurm/local-slurm.sh), with 1, 2 and 4 shards, beside one plain run of the same
# command: wall time from submission to the merge job's end, and items per second.
#   bench/slurm-scaling.sh [PERISCOPE_CLI] [WORK_DIR]
# Every shard gets one core (--cpus-per-task 1, OMP_NUM_THREADS=1); the plain run gets all of
# them (LibTorch's default), so the table shows what sharding adds over threads on one machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=$(realpath "${1:-$here/../build/release/bin/periscope-cli}")
work=$(realpath -m "${2:-/tmp/periscope-slurm-scaling}")
cluster=$work/cluster
images=${IMAGES:-48}
scenes=${SCENES:-24}
rm -rf "$work"
mkdir -p "$work"
trap 'bash "$here/../tests/slurm/local-slurm.sh" stop "$cluster"' EXIT
eval "$(bash "$here/../tests/slurm/local-slurm.sh" start "$cluster")"
export PATH=$PATH:/usr/sbin QT_QPA_PLATFORM=offscreen
unset DISPLAY

now() { date +%s.%N; }
rate() { python3 -c "import sys; n, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{t:7.1f} s {n / t:7.2f}/s')" "$1" "$2"; }

# The photos colorize runs on: CLEVR-like scenes at 320 x 240.
"$cli" scenes --count "$images" --size 320x240 --seed 3 --out "$work/photos" > /dev/null 2>&1

run_slurm() { # NAME ITEMS SHARDS COMMAND ARGS...
  local name=$1 items=$2 shards=$3
  shift 3
  local out=$work/$name-$shards started
  started=$(now)
  "$cli" slurm "$@" --shards "$shards" --out "$out" --cpus-per-task 1 --submit > "$out.json" 2>/dev/null
  local jobs
  jobs=$(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["submitted"]; print(s["array_job"], s["merge_job"])' "$out.json")
  # shellcheck disable=SC2086
  bash "$here/../tests/slurm/local-slurm.sh" wait "$cluster" $jobs
  [[ -f $out/summary.json ]] || { echo "bench: $name with $shards shards wrote no summary" >&2; exit 1; }
  printf '%-10s %2d shards   %s\n' "$name" "$shards" "$(rate "$items" "$(python3 -c "print($(now) - $started)")")"
}

run_plain() { # NAME ITEMS COMMAND ARGS...
  local name=$1 items=$2 started
  shift 2
  started=$(now)
  "$cli" "$@" --out "$work/$name-plain" > /dev/null 2>&1
  printf '%-10s plain run   %s\n' "$name" "$(rate "$items" "$(python3 -c "print($(now) - $started)")")"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "colorize: $images photos of 320 x 240 (built-in colorizer); scenes: $scenes scenes of 320 x 240"
run_plain colorize "$images" colorize "$work/photos/images"
for shards in 1 2 4; do run_slurm colorize "$images" "$shards" colorize "$work/photos/images"; done
run_plain scenes "$scenes" scenes --count "$scenes" --seed 9
for shards in 1 2 4; do run_slurm scenes "$scenes" "$shards" scenes --count "$scenes" --seed 9; done
