#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang): every library,
# the app and the tests instrumented (LibTorch, Qt, OpenCV, FFmpeg, VTK and RDKit are not, so
# reports come from our code and what it hands them). Slow: about twice the ordinary build, and the
# tests run several times slower; it is not part of CI (docs/reliability.md has its last results).
#   tools/asan-suite.sh [CTEST ARGS...]       e.g. tools/asan-suite.sh -L engine
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++ >/dev/null; then
  echo "asan-suite: clang++ is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
cmake --preset asan-suite >/dev/null
cmake --build --preset asan-suite
# Leak checking is off: LibTorch's and Qt's lazily made singletons read as leaks.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# LibTorch's CPU kernels are not instrumented but run under ASan's allocator: keep threads modest.
export PERISCOPE_THREADS=${PERISCOPE_THREADS:-2}
cd build/asan-suite
ctest --output-on-failure --timeout 1800 "$@"
