#!/bin/sh
# test_fuzz_smoke.sh — short libFuzzer runs of the CSV reader, the XLSX reader
# and the INI loaders (tests/fuzz): every seed, the crash regressions among
# them, and 2000 mutations per harness, in a few seconds.  One "ok - …" /
# "not ok - …" line per harness; without clang and libFuzzer the harnesses
# are reported "not ok" with the reason, never skipped.
. "$(dirname "$0")/lib.sh"

harnesses="fuzz_csvreader fuzz_xlsxreader fuzz_ini"
all_not_ok() {
    for h in $harnesses; do not_ok "$h: $1"; done
    exit 0
}

# the sub-make must not inherit the calling make's variables (BUILD, CFLAGS, -j …)
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
cc=${FUZZ_CC:-clang}
command -v "$cc" >/dev/null 2>&1 ||
    all_not_ok "$cc fehlt (Debian-Paket clang, siehe config/debian-pakete-test.txt)"
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$TMP/probe.c"
"$cc" -fsanitize=fuzzer,address,undefined -o "$TMP/probe" "$TMP/probe.c" > "$TMP/probe.log" 2>&1 ||
    all_not_ok "$cc kann nicht mit -fsanitize=fuzzer linken (Debian-Paket libclang-rt-14-dev): $(head -n 1 "$TMP/probe.log")"

if ! make --no-print-directory fuzz-build > "$TMP/build.log" 2>&1; then
    sed 's/^/# /' "$TMP/build.log" | tail -n 30
    all_not_ok "Harness lässt sich nicht bauen (make fuzz-build)"
fi
make --no-print-directory fuzz-smoke > "$TMP/smoke.log" 2>&1
rc=$?
cat "$TMP/smoke.log"
# every harness must have reported; a make that failed without a line is a failure too
for h in $harnesses; do
    grep -q "^ok - $h: \|^not ok - $h: " "$TMP/smoke.log" || not_ok "$h: kein Ergebnis (make fuzz-smoke, Exit $rc)"
done
