#!/bin/sh
# install-deps.sh — make sure the Debian packages ibericht needs are there.
#
#   sh pipeline/install-deps.sh          build and run (make report): config/debian-pakete.txt
#   sh pipeline/install-deps.sh test     also the tests (make test): + config/debian-pakete-test.txt
#
# Lists: one package a line, '#' comments.  Installs nothing and asks no
# registry when everything is installed already (no output, exit 0).
# Missing packages, as root: `apt-get update` and `apt-get install -y` for
# exactly those.  Otherwise: prints the exact command to run and exits 1.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
case "${1:-}" in
    "") lists="$here/config/debian-pakete.txt" ;;
    test) lists="$here/config/debian-pakete.txt $here/config/debian-pakete-test.txt" ;;
    *) echo "ibericht: Aufruf: install-deps.sh [test]" >&2; exit 2 ;;
esac
missing=""
for list in $lists; do
    [ -r "$list" ] || { echo "ibericht: Paketliste $list fehlt" >&2; exit 2; }
    for pkg in $(sed -e 's/#.*//' "$list"); do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [ "$status" = "installed" ] || missing="$missing $pkg"
    done
done
[ -z "$missing" ] && exit 0
echo "ibericht: fehlende Debian-Pakete:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "Bitte als root ausführen:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
