#!/usr/bin/env bash
# README command 2: install, build, and run the whole test suite through CTest.
# Labels: engine, media, widgets, app, gl (under xvfb-run), slow, fuzz. `ctest --preset release -L engine`
# runs one layer; `-LE slow` skips the slow suites.
# Then every fuzz target runs under ASan + UBSan for PERISCOPE_FUZZ_SECONDS each (default 20;
# 0 skips it); tools/fuzz.sh runs them longer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Two suites at once on two cores, each with LibTorch's OpenMP threads: GNU OpenMP's default
# spin-waiting makes each steal the other's cores (tst_molecules beside tst_detectortraining:
# 28 s with spinning, 6 s with passive waiting; tst_framedetector ran past its 300 s limit).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
status=0
ctest --preset release -j2 "$@" || status=$?
# Qt Test's QSKIP passes a suite: say what was skipped and why, pass or fail.
python3 tools/skipped-tests.py build/release
[ "$status" -eq 0 ] || exit "$status"
fuzz_seconds=${PERISCOPE_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ]; then
  bash tools/fuzz.sh "$fuzz_seconds"
fi
