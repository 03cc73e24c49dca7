#!/bin/sh
# tests/run.sh — the ibericht test runner (called by `make test`).
#
#   sh tests/run.sh BUILD_DIR [unit|e2e]
#
# Runs every cmocka unit test binary in BUILD_DIR/tests and every end-to-end
# script tests/e2e/*.sh.  Unit tests report through cmocka ("[  PASSED  ] N",
# "[  FAILED  ] N", "[  SKIPPED ] N test(s)"); e2e scripts print one "ok - …",
# "not ok - …" or "skip - reason" line per check (tests/e2e/lib.sh).  The
# last line is the summary "N passed, N failed, N skipped" (parsed by CI and
# tools: keep the format); the exit code is 1 if anything failed.  Skipped
# checks do not fail the run, but they are never counted as passed.
# IBERICHT_WRAP (e.g. valgrind) is passed to the pipeline runs;
# IBERICHT_E2E_DIR (default tests/e2e) is for the runner's own test
# (tests/e2e/test_pruefungen.sh).
set -u
build=${1:-build}
only=${2:-all}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export IBERICHT_BUILD="$top/$build"
passed=0
failed=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ "$only" = all ] || [ "$only" = unit ]; then
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        echo "== $(basename "$t")"
        $t >"$log" 2>&1
        rc=$?
        cat "$log"
        p=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        f=$(sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        s=$(sed -n 's/.*\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        skipped=$((skipped + ${s:-0}))
        if [ "$rc" -ne 0 ] && [ -z "$f" ]; then failed=$((failed + 1)); echo "not ok - $(basename "$t") crashed (exit $rc)"; fi
    done
fi

if [ "$only" = all ] || [ "$only" = e2e ]; then
    for t in "${IBERICHT_E2E_DIR:-tests/e2e}"/*.sh; do
        [ -f "$t" ] || continue          # no e2e scripts yet: the glob stays literal
        [ "$(basename "$t")" = lib.sh ] && continue
        echo "== $(basename "$t")"
        sh "$t" >"$log" 2>&1
        rc=$?
        cat "$log"
        p=$(grep -c '^ok - ' "$log")
        f=$(grep -c '^not ok - ' "$log")
        s=$(grep -c '^skip - ' "$log")
        # a Python check block that crashed printed none of its checks: a failure
        tb=$(grep -c '^Traceback (most recent call last)' "$log")
        if [ "$tb" -gt 0 ]; then f=$((f + tb)); echo "not ok - $(basename "$t"): $tb Python-Prüfung(en) abgebrochen (Traceback)"; fi
        passed=$((passed + p))
        failed=$((failed + f))
        skipped=$((skipped + s))
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "not ok - $(basename "$t") aborted (exit $rc)"; fi
    done
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
