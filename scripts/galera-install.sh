#!/usr/bin/env bash
# Installs what the local 3-node MariaDB Galera cluster needs (scripts/galera-start.sh): Debian's
# mariadb-server and galera-4, and rsync (the SST method). Idempotent: does nothing when they are there.
# The packaged service is never started (no systemd here); the cluster runs from galera-start.sh only.
set -euo pipefail

missing() {
  command -v mariadbd >/dev/null 2>&1 || PATH="$PATH:/usr/sbin" command -v mariadbd >/dev/null 2>&1 || return 0
  command -v mariadb-install-db >/dev/null 2>&1 || return 0
  command -v mariadb-admin >/dev/null 2>&1 || return 0
  command -v rsync >/dev/null 2>&1 || return 0
  [ -f /usr/lib/galera/libgalera_smm.so ] || return 0
  return 1
}

if ! missing; then
  echo "galera-install: mariadb-server, galera-4 and rsync are installed"
  exit 0
fi
. "$(dirname "$0")/apt-lib.sh"
apt_ready galera-install "mariadb-server galera-4 rsync"
start_ns=$(date +%s%N)
# never let the package start its service (a policy-rc.d that denies is what Debian's containers ship)
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
if ! apt-get install -y -qq mariadb-server galera-4 rsync >/tmp/galera-install.log 2>&1; then
  apt-get update -qq >>/tmp/galera-install.log 2>&1 || true
  if ! apt-get install -y -qq mariadb-server galera-4 rsync >>/tmp/galera-install.log 2>&1; then
    echo "galera-install: apt-get install mariadb-server galera-4 rsync failed (see /tmp/galera-install.log)" >&2
    exit 1
  fi
fi
ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
printf 'galera-install: mariadb-server, galera-4 and rsync installed in %d.%d s\n' $((ms / 1000)) $((ms % 1000 / 100))
