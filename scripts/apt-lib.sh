# Shared by the *-install.sh scripts (sourced, not run): the checks before an apt-get install.
# apt_ready NAME PACKAGES: returns when this is Debian with apt-get and the user is root (DEBIAN_FRONTEND then
# noninteractive); otherwise prints one line naming NAME and what to install by hand, and exits 1.
apt_ready() {
  local name=$1 packages=$2
  if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$name: needs Debian's $packages (apt-get); this machine is not Debian: install them by hand" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$name: installing $packages needs root: run 'sudo apt-get install -y $packages'" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
}
