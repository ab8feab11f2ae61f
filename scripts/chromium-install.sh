#!/usr/bin/env bash
# Installs Debian's chromium when missing, for the pages' screenshot test (PagesInBrowserTest) and for rendering
# sequela's pages to PNG by hand. Needs root for apt-get (CI runs as root); prints one line and exits 1 otherwise.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium-install: chromium is missing and this is no Debian system with apt-get; install a chromium by hand" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium-install: chromium is missing and installing it needs root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
