#!/usr/bin/env bash
# Installs Debian's chromium when missing, for the pages' screenshot test (PagesInBrowserTest) and for rendering
# sequela's pages to PNG by hand. Needs root for apt-get (CI runs as root); prints one line and exits 1 otherwise.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
. "$(dirname "$0")/apt-lib.sh"
apt_ready chromium-install chromium
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
