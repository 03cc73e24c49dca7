#!/bin/sh
# test_pakete.sh — the set-up contract of pipeline/install-deps.sh, run on
# a copy with made-up package lists: a package that is surely absent
# (dpkg-query knows no such name) and one that is surely there (dpkg itself).
# apt-get and id are replaced by scripts earlier in PATH that only record
# how they were called: nothing is installed, no registry is asked.
. "$(dirname "$0")/lib.sh"

repo="$TMP/repo"; bin="$TMP/bin"
mkdir -p "$repo/pipeline" "$repo/config" "$bin"
cp pipeline/install-deps.sh "$repo/pipeline/"
printf '#!/bin/sh\necho "apt-get $*" >> "%s/apt.log"\n' "$TMP" > "$bin/apt-get"
printf '#!/bin/sh\necho "${FAKE_UID:-0}"\n' > "$bin/id"
chmod +x "$bin/apt-get" "$bin/id"
absent=ibericht-gibt-es-nicht-paket
check "Kontrolle: dpkg-query kennt $absent nicht" sh -c "! dpkg-query -W '$absent' >/dev/null 2>&1"
check "Kontrolle: dpkg ist installiert" sh -c "dpkg-query -W -f='\${db:Status-Status}' dpkg | grep -qx installed"

# deps PKGS_RUN PKGS_TEST [ARG] — write the two lists, run install-deps.sh; output in $TMP/deps.log, code in $rc
deps() {
    { echo "# Laufzeit"; echo "$1" | tr ' ' '\n'; } > "$repo/config/debian-pakete.txt"
    printf '# nur Tests\n%s  # Kommentar\n' "$2" > "$repo/config/debian-pakete-test.txt"
    rm -f "$TMP/apt.log"
    PATH="$bin:$PATH" sh "$repo/pipeline/install-deps.sh" ${3:-} >"$TMP/deps.log" 2>&1
    rc=$?
}
apt_log() { if [ -f "$TMP/apt.log" ]; then tr '\n' ';' < "$TMP/apt.log"; else echo "kein apt-get"; fi; }

deps dpkg dpkg test
check_eq "alles da: Exit-Code 0" 0 "$rc"
check_eq "alles da: keine Ausgabe" "" "$(cat "$TMP/deps.log")"
check_eq "alles da: kein apt-get (kein Paketverzeichnis gefragt)" "kein apt-get" "$(apt_log)"

deps dpkg "$absent"
check_eq "Testpaket fehlt, make report (ohne test): Exit-Code 0" 0 "$rc"
check_eq "Testpaket fehlt, ohne test: kein apt-get" "kein apt-get" "$(apt_log)"

deps dpkg "$absent" test
check_eq "Testpaket fehlt, als root mit test: Exit-Code 0" 0 "$rc"
check_eq "als root: apt-get update, dann install genau des fehlenden Pakets" \
    "apt-get update -qq;apt-get install -y -qq --no-install-recommends $absent;" "$(apt_log)"
check_grep "als root: fehlendes Paket genannt" "ibericht: fehlende Debian-Pakete: $absent" "$TMP/deps.log"

deps "dpkg $absent" ""
check_eq "Laufzeitpaket fehlt: apt-get auch ohne test" \
    "apt-get update -qq;apt-get install -y -qq --no-install-recommends $absent;" "$(apt_log)"

FAKE_UID=1000 deps dpkg "$absent" test
check_eq "ohne root: Exit-Code 1" 1 "$rc"
check_eq "ohne root: kein apt-get" "kein apt-get" "$(apt_log)"
check_grep "ohne root: die genaue Befehlszeile" \
    "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $absent" "$TMP/deps.log"

deps dpkg dpkg frobnicate
check_eq "unbekanntes Argument: Exit-Code 2" 2 "$rc"

# the Makefile: make report uses only the run list, make test both
make -n report > "$TMP/report.n" 2>&1
make -n test > "$TMP/test.n" 2>&1
check_grep "make report: install-deps.sh ohne test" "sh pipeline/install-deps.sh" "$TMP/report.n"
check_absent "make report: installiert keine Testpakete" "$TMP/report.n" "install-deps.sh test"
check_grep "make test: install-deps.sh test" "sh pipeline/install-deps.sh test" "$TMP/test.n"

# the real lists: the packages of the wave's checks are test packages only
for p in python3-pikepdf libreoffice-calc-nogui chromium libcmocka-dev; do
    check "$p steht in config/debian-pakete-test.txt" grep -qx "$p" config/debian-pakete-test.txt
    check_absent "$p steht nicht in config/debian-pakete.txt" config/debian-pakete.txt -x "$p"
done
