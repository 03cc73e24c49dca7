# tests/e2e/lib.sh — helpers for the end-to-end test scripts (sourced).
#
# Each check prints "ok - description" or "not ok - description" (counted by
# tests/run.sh); a check that cannot run here prints "skip - reason" (skip,
# counted apart, never as passed).  $IB is the driver, $TMP a scratch folder
# removed at exit.
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

# skip REASON — a check that cannot run here (say why: what is missing);
# without a reason it is a failure
skip() {
    if [ -n "$*" ]; then echo "skip - $*"; else not_ok "skip ohne Begründung"; fi
}

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

# check_absent DESCRIPTION FILE GREP_ARG… — the pattern must NOT occur in FILE
# (grep GREP_ARG… FILE finds nothing).  A missing or empty FILE is a failure:
# nothing is found in what does not exist.
check_absent() {
    desc=$1; file=$2; shift 2
    if [ ! -s "$file" ]; then
        not_ok "$desc (Datei fehlt oder ist leer: $file)"; return
    fi
    grep -q "$@" -- "$file" 2>"$TMP/grep.err"
    case $? in
        1) ok "$desc" ;;
        0) not_ok "$desc (gefunden:)"; grep "$@" -- "$file" | head -5 | sed 's/^/# /' ;;
        *) not_ok "$desc (grep $* scheitert: $(head -n 1 "$TMP/grep.err"))" ;;
    esac
}

# check_fonts DESCRIPTION PDF… — every font embedded, a subset, DejaVu
# (tests/e2e/pdfschriften.py with poppler's pdffonts)
check_fonts() {
    desc=$1; shift
    if $PY "$top/tests/e2e/pdfschriften.py" "$@" >"$TMP/schriften.log" 2>&1; then ok "$desc"
    else not_ok "$desc"; head -5 "$TMP/schriften.log" | sed 's/^/# /'; fi
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
