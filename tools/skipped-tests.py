#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists what the last ctest run skipped, with the reasons, so that a skip is never taken for a pass.

Qt Test's QSKIP leaves a suite passing (exit 0): CTest counts it as passed. The reasons are in
the suites' output, which CTest keeps in Testing/Temporary/LastTest.log: every "SKIP   :" line
there is a test function (or a whole suite, from initTestCase) that did not check anything. A
suite that CTest itself skipped (SKIP_RETURN_CODE, as tst_cuda without a GPU) is listed too.

Usage: tools/skipped-tests.py BUILD_DIR   (prints nothing but a heading when nothing was skipped)
"""
import pathlib
import re
import sys

TEST_START = re.compile(r"^\d+/\d+ Test: (\S+)")
QT_SKIP = re.compile(r"^SKIP\s+: (\S+?)\(([^)]*)\) (.*)$")
CTEST_SKIP = re.compile(r"^Test (Skipped|Not Run)", re.IGNORECASE)
# A suite that skips itself whole before Qt Test starts (tst_cuda without a GPU) says so in a line
# of its own, which CTest's SKIP_REGULAR_EXPRESSION also matches.
SUITE_SKIP = re.compile(r"^SKIP: (.*)$")


def skips(log_text):
    """(suite, function, reason) for each skip in a LastTest.log."""
    suite = None
    found = []
    for line in log_text.splitlines():
        start = TEST_START.match(line)
        if start:
            suite = start.group(1)
            continue
        qt = QT_SKIP.match(line)
        if qt:
            function = qt.group(1).split("::")[-1]
            row = qt.group(2)
            found.append((suite or "?", function + (f"({row})" if row else ""), qt.group(3).strip()))
            continue
        whole = SUITE_SKIP.match(line)
        if whole:
            found.append((suite or "?", "(whole suite)", whole.group(1).strip()))
            continue
        if CTEST_SKIP.match(line) and suite:
            found.append((suite, "(whole suite)", "skipped by CTest: " + line.strip()))
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: skipped-tests.py BUILD_DIR")
    log = pathlib.Path(sys.argv[1]) / "Testing" / "Temporary" / "LastTest.log"
    if not log.is_file():
        print(f"skipped tests: no {log} (ctest has not run here)")
        return
    found = skips(log.read_text(errors="replace"))
    print(f"skipped tests: {len(found)} (each checked nothing; the reason says what would run it)")
    for suite, function, reason in found:
        print(f"  {suite} {function}: {reason}")


if __name__ == "__main__":
    main()
