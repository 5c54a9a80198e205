#!/usr/bin/env bash
# Runs a GL suite in a private X server (xvfb-run) for CTest. The display number starts at a
# random point instead of xvfb-run's fixed :99, so suites of other checkouts or users on the same
# machine do not meet on one display; and when the X server itself could not be reached (VTK
# aborts with "bad X server connection"; xvfb-run says "Xvfb failed to start"), the suite runs
# again in a fresh server, up to three times in all, a few seconds apart: that is the machine, not
# the code under test (one CI run lost tst_scenes to it twice in a row). Any other failure stands.
#   xvfb-test.sh XVFB_RUN SUITE [ARGS...]
set -u
xvfb_run=$1
shift
for attempt in 1 2 3; do
  log=$(mktemp)
  "$xvfb_run" -a -n $((100 + RANDOM % 800)) -s "-screen 0 1920x1080x24" "$@" > >(tee "$log") 2>&1
  rc=$?
  wait # for tee
  if [ "$rc" -ne 0 ] && [ "$attempt" -lt 3 ] && grep -q -e "bad X server connection" -e "Xvfb failed to start" "$log"; then
    echo "xvfb-test: the X server could not be reached; running the suite again in a new one"
    rm -f "$log"
    sleep $((2 * attempt))
    continue
  fi
  rm -f "$log"
  exit "$rc"
done
