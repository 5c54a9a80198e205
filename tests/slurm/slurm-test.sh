#!/usr/bin/env bash
# Issue #21's Slurm test: a real one-node Slurm (tests/slurm/local-slurm.sh) runs `scenes` and
# `colorize` through `periscope-cli slurm --submit` as 4-shard job arrays with their merge jobs,
# and what they write is byte for byte what one run writes. Then a lost shard is resubmitted
# alone, and the merge after it writes the same again.
#   slurm-test.sh PERISCOPE_CLI WORK_DIR
set -euo pipefail
cli=$(realpath "$1")
work=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
cluster=$work/cluster

rm -rf "$work"
mkdir -p "$work"
trap 'bash "$here/local-slurm.sh" stop "$cluster"' EXIT
eval "$(bash "$here/local-slurm.sh" start "$cluster")"
export PATH=$PATH:/usr/sbin
unset DISPLAY
export QT_QPA_PLATFORM=offscreen

fail() {
  echo "slurm-test: FAIL: $*" >&2
  for log in "$1"/slurm/logs/*.log; do [[ -f $log ]] && { echo "== $log" >&2; tail -n 15 "$log" >&2; }; done 2>/dev/null || true
  exit 1
}

# Submits COMMAND ARGS as 4 shards into OUT and waits for the array and the merge job.
submit_and_wait() {
  local out=$1
  shift
  local started=$(date +%s.%N)
  "$cli" slurm "$@" --shards 4 --out "$out" --time 20 --cpus-per-task 1 --submit > "$work/submitted.json"
  local array merge
  array=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["array_job"])' "$work/submitted.json")
  merge=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["merge_job"])' "$work/submitted.json")
  bash "$here/local-slurm.sh" wait "$cluster" "$array" "$merge"
  echo "slurm-test: $1 in 4 shards and a merge: $(python3 -c "import time; print(round(time.time() - $started, 1))") s" >&2
  [[ -f $out/summary.json ]] || fail "$out" "the merge job wrote no summary.json"
}

# The outputs of two runs, less the shards' and Slurm's own files, must be the same bytes.
same_outputs() {
  diff -r --exclude=shards --exclude=slurm --exclude=summary.json "$1" "$2" > "$work/diff.txt" || fail "$2" "$(head -5 "$work/diff.txt")"
}

# 1. scenes: 10 scenes, rendered by four Xvfb servers at once, merged into scenes.json and
#    manifest.json.
"$cli" scenes --count 10 --size 96x64 --seed 5 --out "$work/scenes-one" > "$work/scenes-one.json"
submit_and_wait "$work/scenes" scenes --count 10 --size 96x64 --seed 5
same_outputs "$work/scenes-one" "$work/scenes"
[[ $(ls "$work/scenes/images" | wc -l) == 10 ]] || fail "$work/scenes" "not 10 images"

# 2. colorize those images: the summary (every photo's metrics, the means, the order) as one run
#    printed it. The single run writes to the same path the shards do, then moves aside.
"$cli" colorize "$work/scenes-one/images" --out "$work/colorized" > "$work/colorized-one.json"
mv "$work/colorized" "$work/colorized-one"
submit_and_wait "$work/colorized" colorize "$work/scenes-one/images"
cmp "$work/colorized-one.json" "$work/colorized/summary.json" || fail "$work/colorized" "the merged summary differs from one run's"
same_outputs "$work/colorized-one" "$work/colorized"

# 3. A shard lost (its results and outputs gone): --resubmit runs it alone, and a new merge.
rm "$work/colorized/shards/colorize-3-of-4.json" "$work/colorized/summary.json"
"$cli" slurm --resubmit "$work/colorized" > "$work/listed.json"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["missing"] == [3]' "$work/listed.json" ||
  fail "$work/colorized" "resubmit did not name shard 3: $(cat "$work/listed.json")"
"$cli" slurm --resubmit "$work/colorized" --submit > "$work/resubmitted.json"
array=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["array_job"])' "$work/resubmitted.json")
merge=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["merge_job"])' "$work/resubmitted.json")
bash "$here/local-slurm.sh" wait "$cluster" "$array" "$merge"
cmp "$work/colorized-one.json" "$work/colorized/summary.json" || fail "$work/colorized" "the summary after resubmitting differs"
[[ -f $work/colorized/slurm/logs/shard-3-of-4.log ]] || fail "$work/colorized" "no log of the resubmitted shard"

# 4. Shards that fail (an input that is not there on the nodes): the merge job is cancelled, not
#    run on what is left, and --resubmit names the shards.
"$cli" slurm colorize "$work/scenes-one/images" "$work/not-there" --shards 2 --out "$work/failing" --time 20 --submit > "$work/failing.json"
array=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["array_job"])' "$work/failing.json")
merge=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["submitted"]["merge_job"])' "$work/failing.json")
bash "$here/local-slurm.sh" wait "$cluster" "$array" "$merge"
[[ ! -f $work/failing/summary.json ]] || fail "$work/failing" "the merge ran after its shards failed"
grep -q "not-there does not exist" "$work/failing/slurm/logs/shard-1-of-2.log" || fail "$work/failing" "the shard's log does not say why it failed"
"$cli" slurm --resubmit "$work/failing" > "$work/failing-listed.json"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["missing"] == [1, 2]' "$work/failing-listed.json" ||
  fail "$work/failing" "resubmit did not name shards 1 and 2: $(cat "$work/failing-listed.json")"
echo "slurm-test: passed" >&2
