#!/bin/sh
# test_pruefungen.sh — the checks themselves can fail: the helpers of lib.sh
# and tests/run.sh are run on inputs where they must say "not ok" (a PDF
# with a font that is not embedded, a missing or empty file for a negative
# grep, a skip without a reason) and the runner's summary counts passed,
# failed and skipped checks, cmocka's skipped unit tests and crashed Python
# checks.
. "$(dirname "$0")/lib.sh"

# expect_not_ok DESCRIPTION COMMAND… — the helper must print one "not ok" line
expect_not_ok() {
    desc=$1; shift
    out=$("$@" 2>&1)
    case "$out" in
        "not ok - "*) ok "$desc" ;;
        *) not_ok "$desc (bekommen: $(printf '%s' "$out" | head -n 1))" ;;
    esac
}

# ---- the font check ---------------------------------------------------------------
# a one-page PDF using Helvetica, not embedded (written here byte by byte, offsets computed)
$PY - "$TMP/helvetica.pdf" "$TMP/ohne_schrift.pdf" <<'PY'
import sys
def pdf(path, font):
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>"]
    res = b"<</Font<</F1 5 0 R>>>>" if font else b"<<>>"
    objs.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources" + res + b"/Contents 4 0 R>>")
    body = b"BT /F1 12 Tf 72 720 Td (Hallo) Tj ET" if font else b"0 0 m 100 100 l S"
    objs.append(b"<</Length %d>>stream\n" % len(body) + body + b"\nendstream")
    if font:
        objs.append(b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
    out, offs = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)
pdf(sys.argv[1], True)
pdf(sys.argv[2], False)
PY
check "Kontrolle: das PDF mit Helvetica ist gültig (qpdf --check)" qpdf --check "$TMP/helvetica.pdf"
expect_not_ok "Schriftprüfung scheitert an einer nicht eingebetteten Schrift" check_fonts "x" "$TMP/helvetica.pdf"
$PY tests/e2e/pdfschriften.py "$TMP/helvetica.pdf" >"$TMP/h.log"
check_grep "Schriftprüfung nennt die nicht eingebettete Schrift" "Schrift Helvetica (Type 1) nicht eingebettet" "$TMP/h.log"
check_grep "Schriftprüfung nennt die fremde Schrift" "Schrift Helvetica ist nicht DejaVu" "$TMP/h.log"
expect_not_ok "Schriftprüfung scheitert an einem PDF ohne Schrift" check_fonts "x" "$TMP/ohne_schrift.pdf"
expect_not_ok "Schriftprüfung scheitert an einer fehlenden Datei" check_fonts "x" "$TMP/gibt-es-nicht.pdf"
check "Schriftprüfung: kein Grep auf „no“ mehr (grep -qv) im ganzen tests/" sh -c "! grep -rn 'grep -qv' tests/ --include=*.sh --include=*.py --include=*.mk | grep -v test_pruefungen.sh | grep -q ."

# ---- negative grep --------------------------------------------------------------------
printf 'Zeile eins\nZeile zwei\n' > "$TMP/text.txt"
: > "$TMP/leer.txt"
expect_not_ok "check_absent scheitert an einer fehlenden Datei" check_absent "x" "$TMP/fehlt.txt" Warnung
expect_not_ok "check_absent scheitert an einer leeren Datei" check_absent "x" "$TMP/leer.txt" Warnung
expect_not_ok "check_absent scheitert, wenn das Muster vorkommt" check_absent "x" "$TMP/text.txt" zwei
expect_not_ok "check_absent scheitert an einem kaputten Muster" check_absent "x" "$TMP/text.txt" -E '(('
r=$(check_absent "x" "$TMP/text.txt" Warnung)
check_eq "check_absent: ok, wenn das Muster in der Datei fehlt" "ok - x" "$r"

# ---- skip -----------------------------------------------------------------------------
expect_not_ok "skip ohne Begründung ist ein Fehler" skip
check_eq "skip mit Begründung" "skip - Ordner fehlt" "$(skip Ordner fehlt)"

# ---- the runner's summary -------------------------------------------------------------
mkdir -p "$TMP/lauf/e2e" "$TMP/lauf/build/tests"
cat > "$TMP/lauf/build/tests/test_schein" <<'SH'
#!/bin/sh
echo "[==========] 4 test(s) run."
echo "[  PASSED  ] 3 test(s)."
echo "[  SKIPPED ] 1 test(s), listed below:"
echo "[  SKIPPED ] test_echte_daten"
SH
chmod +x "$TMP/lauf/build/tests/test_schein"
printf 'echo "ok - eins"\necho "ok - zwei"\necho "skip - Ordner fehlt"\necho "skip - Werkzeug fehlt"\n' > "$TMP/lauf/e2e/test_a.sh"
printf 'echo "not ok - drei"\n' > "$TMP/lauf/e2e/test_b.sh"
printf 'echo "ok - vier"\n/usr/bin/python3 -c "raise SystemExit(1/0)"\n' > "$TMP/lauf/e2e/test_c.sh"
IBERICHT_E2E_DIR="$TMP/lauf/e2e" sh tests/run.sh "$TMP/lauf/build" >"$TMP/lauf.log" 2>&1
rc=$?
check_eq "run.sh: letzte Zeile zählt bestandene, gescheiterte und übersprungene Prüfungen (cmocka und e2e)" \
    "6 passed, 2 failed, 3 skipped" "$(tail -n 1 "$TMP/lauf.log")"
check_eq "run.sh: Exit-Code 1 bei Fehlern" 1 "$rc"
check_grep "run.sh: abgebrochene Python-Prüfung als Fehler gemeldet" "test_c.sh: 1 Python-Prüfung(en) abgebrochen" "$TMP/lauf.log"
rm "$TMP/lauf/e2e/test_b.sh" "$TMP/lauf/e2e/test_c.sh"
IBERICHT_E2E_DIR="$TMP/lauf/e2e" sh tests/run.sh "$TMP/lauf/build" >"$TMP/lauf.log" 2>&1
rc=$?
check_eq "run.sh: übersprungene Prüfungen allein sind kein Fehler" "0 5 passed, 0 failed, 3 skipped" "$rc $(tail -n 1 "$TMP/lauf.log")"
