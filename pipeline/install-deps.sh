#!/bin/sh
# install-deps.sh — make sure the Debian packages ibericht builds, runs and tests with are there.
#
# Reads the package list from config/debian-pakete.txt (one package a line, '#' comments).
# Installs nothing and asks no registry when everything is installed already.
# As root: runs `apt-get update` and `apt-get install -y` for the missing packages.
# Otherwise: prints the exact command to run and exits 1.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
list="$here/config/debian-pakete.txt"
missing=""
for pkg in $(sed -e 's/#.*//' "$list"); do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
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
