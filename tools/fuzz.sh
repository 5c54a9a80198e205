#!/usr/bin/env bash
# Fuzzes every parser of outside files with libFuzzer under ASan + UBSan (the `asan` preset,
# clang), SECONDS each (default 60), and prints a results table (docs/reliability.md keeps one).
#   tools/fuzz.sh [SECONDS] [TARGET...]
#   targets: unpickler safetensors json weights zip image video graph molecules scenes relations tokenizer project study
# The corpus grows in build/asan/fuzz-corpus/<target> across runs, seeded from tests/fuzz/corpus.
# A finding (crash, sanitizer report, timeout > 10 s, an input over 2 GB of memory) is saved in
# build/asan/fuzz-results/<target>/ and makes the script exit 1: copy it to
# tests/fuzz/regressions/<target>/, where the ordinary build replays it in every CI run, and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(unpickler safetensors json weights zip image video graph molecules scenes relations tokenizer project study)

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
cmake --preset asan >/dev/null
cmake --build --preset asan

results=build/asan/fuzz-results
mkdir -p "$results"
# Leak checking is off: LibTorch's lazily made singletons read as leaks. Memory that grows per
# input still trips -rss_limit_mb.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

summary="$results/summary.md"
{
  echo "| target | seconds | executions | exec/s | coverage (edges) | features | corpus | peak RSS (MB) | findings |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$summary"
failed=0
for target in "${targets[@]}"; do
  corpus=build/asan/fuzz-corpus/$target
  artifacts=$results/$target
  rm -rf "$artifacts" # findings of earlier runs: copied to tests/fuzz/regressions or fixed
  mkdir -p "$corpus" "$artifacts"
  log=$results/$target.log
  status=0
  timeout $((seconds + 120)) "build/asan/bin/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<< "$last")
  findings=$(find "$artifacts" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
    failed=1
    echo "fuzz: $target FOUND something (exit $status); see $log and $artifacts" >&2
    grep -m3 -E 'ERROR|runtime error|deadly signal|timeout|out-of-memory' "$log" >&2 || true
  fi
  echo "| $target | $seconds | ${runs:-?} | ${speed:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | ${rss:-?} | $findings |" >> "$summary"
  echo "fuzz: $target: ${runs:-?} runs, coverage ${cov:-?}, findings $findings"
done
cat "$summary"
exit $failed
