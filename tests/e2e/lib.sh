# tests/e2e/lib.sh — helpers for the end-to-end test scripts (sourced).
#
# Each check prints "ok - description" or "not ok - description" (counted by
# tests/run.sh).  $IB is the driver, $TMP a scratch folder removed at exit.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
IB="${IBERICHT_BUILD:-$top/build}/bin/ibericht"
PY=/usr/bin/python3            # Debian's python3 with python3-openpyxl
TMP=$(mktemp -d /tmp/ibericht-e2e-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# fixed report time: reproducible outputs, stable footers
export SOURCE_DATE_EPOCH=1732060800     # 20.11.2024

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

# check DESCRIPTION COMMAND… — ok when the command exits 0
check() {
    desc=$1; shift
    if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (erwartet „$2“, bekommen „$3“)"; fi
}

# check_grep DESCRIPTION PATTERN FILE — fixed string must occur in FILE
check_grep() {
    if grep -qF -- "$2" "$3"; then ok "$1"; else not_ok "$1 (nicht gefunden: $2)"; echo "# --- $3:"; sed 's/^/# /' "$3" | head -20; fi
}

# run_ib ARGS… — run the driver, stdout+stderr to $TMP/log, exit code in $rc
run_ib() {
    "$IB" "$@" >"$TMP/log" 2>&1
    rc=$?
}

# sha FILE — SHA-256 of a file (or "fehlt")
sha() { if [ -f "$1" ]; then sha256sum "$1" | cut -d' ' -f1; else echo fehlt; fi; }

# make_inbox DIR FILE… — a fresh inbox with copies of the files, dated an
# hour back (so the settle time of [eingang] wartezeit_sekunden has passed).
# Runs archive what they read: tests never point a run at the repository's
# own folders.
make_inbox() {
    dir=$1; shift
    mkdir -p "$dir"
    for f in "$@"; do cp "$f" "$dir/"; done
    find "$dir" -type f -exec touch -d '1 hour ago' {} +
}
