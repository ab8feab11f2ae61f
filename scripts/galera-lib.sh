# Shared by galera-start.sh and galera-stop.sh (sourced, not run). The local cluster's layout:
#   $GALERA_DIR/node<i>/{my.cnf,data/,tmp/,error.log,mariadbd.pid,launch.pid}, i = 1..3
#   SQL ports 3307-3309, gcomm 4567/4577/4587, IST 4568/4578/4588, SST 4444/4454/4464, all on 127.0.0.1
#   $GALERA_DIR/credentials: "user password" of the SQL user sequela connects as (mode 600, never printed)
GALERA_DIR="${GALERA_DIR:-$PWD/target/galera}"
GALERA_NODES=3
GALERA_TIMEOUT_S="${GALERA_TIMEOUT_S:-60}"
GALERA_STOP_TIMEOUT_S="${GALERA_STOP_TIMEOUT_S:-30}"
export PATH="$PATH:/usr/sbin:/usr/bin"

node_dir() { echo "$GALERA_DIR/node$1"; }
sql_port() { echo $((3306 + $1)); }
gcomm_port() { echo $((4557 + 10 * $1)); }
ist_port() { echo $((4558 + 10 * $1)); }
sst_port() { echo $((4434 + 10 * $1)); }

# A unix socket path must stay under 108 bytes: a deep work dir puts the sockets under /tmp instead.
node_socket() {
  local s; s="$(node_dir "$1")/mariadbd.sock"
  if [ ${#s} -gt 100 ]; then
    s="/tmp/sequela-galera-$(printf '%s' "$GALERA_DIR" | cksum | cut -d' ' -f1)-node$1.sock"
  fi
  echo "$s"
}

# The OS user mariadbd runs as: mysql when started by root (mariadbd refuses root), else the caller.
run_user() { if [ "$(id -u)" -eq 0 ]; then echo mysql; else id -un; fi; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# seconds from $1 to $2 (default now), both ms, as "1.2 s"
elapsed() { local ms=$(( ${2:-$(now_ms)} - $1 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# The pids of node i's mariadbd still alive: from the server's pid file and from the launcher's.
node_pids() {
  local d f p out=""; d=$(node_dir "$1")
  for f in "$d/mariadbd.pid" "$d/launch.pid"; do
    [ -s "$f" ] || continue
    p=$(tr -dc '0-9' < "$f")
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null && grep -qa "mariadbd" "/proc/$p/cmdline" 2>/dev/null; then
      case " $out " in *" $p "*) ;; *) out="$out $p" ;; esac
    fi
  done
  echo $out
}

# One SQL query as the socket's admin user (unix_socket authentication); prints tab-separated rows.
node_sql() { mariadb --no-defaults --socket="$(node_socket "$1")" -u "$(id -un)" -N -B -e "$2" 2>/dev/null; }
