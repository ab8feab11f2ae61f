#!/usr/bin/env bash
# Starts a fresh 3-node MariaDB Galera cluster on 127.0.0.1 (SQL ports 3307-3309) under GALERA_DIR
# (default target/galera), as measured fastest and reliable in the Galera issue: initialise node 1,
# bootstrap it once to create sequela's database and user, stop it, copy its data directory to nodes 2 and 3
# (safe_to_bootstrap: 0 in the copies), bootstrap node 1 again, then start node 2 and node 3 one after the
# other, each once the one before is Synced. Returns once every node shows wsrep_cluster_size=3,
# wsrep_ready=ON and Synced, or fails after GALERA_TIMEOUT_S (60 s) per step with the node's error log,
# stopping what it started. A cluster already running in GALERA_DIR is stopped first; data is not kept.
# Writes GALERA_DIR/credentials ("user password", mode 600) for the SQL user sequela; prints no password.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/galera-lib.sh"

fail() {
  echo "galera-start: $*" >&2
  for i in $(seq 1 $GALERA_NODES); do
    local log
    for log in "$(node_dir "$i")/error.log" "$(node_dir "$i")/console.log"; do
      [ -s "$log" ] && { echo "--- node $i: last lines of $log" >&2; tail -n 15 "$log" >&2; }
    done
  done
  "$here/galera-stop.sh" >&2 || true
  exit 1
}

command -v mariadbd >/dev/null && [ -f /usr/lib/galera/libgalera_smm.so ] \
  || { echo "galera-start: MariaDB Galera is not installed: run scripts/galera-install.sh" >&2; exit 1; }
start=$(now_ms)
"$here/galera-stop.sh" >/dev/null || { echo "galera-start: a cluster in $GALERA_DIR is running and would not stop" >&2; exit 1; }
for i in $(seq 1 $GALERA_NODES); do
  for port in $(sql_port "$i") $(gcomm_port "$i") $(ist_port "$i") $(sst_port "$i"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "galera-start: port $port on 127.0.0.1 is taken (another cluster or server?)" >&2; exit 1
    fi
  done
done

user=$(run_user)
addresses=""
for i in $(seq 1 $GALERA_NODES); do addresses="$addresses${addresses:+,}127.0.0.1:$(gcomm_port "$i")"; done

write_config() {  # node i's defaults file; --defaults-file skips Debian's /etc/mysql, so everything is here
  local i=$1 d; d=$(node_dir "$i")
  mkdir -p "$d/data" "$d/tmp"
  cat > "$d/my.cnf" <<CNF
[mariadbd]
user                           = $user
datadir                        = $d/data
tmpdir                         = $d/tmp
socket                         = $(node_socket "$i")
pid-file                       = $d/mariadbd.pid
log-error                      = $d/error.log
bind-address                   = 127.0.0.1
port                           = $(sql_port "$i")
skip-name-resolve
character-set-server           = utf8mb4
collation-server               = utf8mb4_general_ci
default-storage-engine         = InnoDB
binlog_format                  = ROW
innodb_autoinc_lock_mode       = 2
innodb_buffer_pool_size        = 64M
innodb_log_file_size           = 32M
innodb_flush_log_at_trx_commit = 2
log_bin_trust_function_creators = 1
max_connections                = 200
wsrep_on                       = ON
wsrep_provider                 = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name             = sequela
wsrep_cluster_address          = gcomm://$addresses
wsrep_node_name                = node$i
wsrep_node_address             = 127.0.0.1:$(gcomm_port "$i")
wsrep_provider_options         = "base_port=$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");gcache.size=64M"
wsrep_sst_receive_address      = 127.0.0.1:$(sst_port "$i")
wsrep_sst_method               = rsync
wsrep_auto_increment_control   = ON
wsrep_slave_threads            = 2
CNF
}

launch() {  # starts node i in its own session (a Ctrl-C in the terminal is for sequela, which stops it)
  local i=$1 d; d=$(node_dir "$i"); shift
  touch "$d/error.log" && chown "$user" "$d/error.log"
  setsid mariadbd --defaults-file="$d/my.cnf" "$@" </dev/null >>"$d/console.log" 2>&1 &
  echo $! > "$d/launch.pid"
}

wait_synced() {  # waits until node i is Synced with wsrep_cluster_size = $2
  local i=$1 size=$2 deadline state
  deadline=$(( $(now_ms) + GALERA_TIMEOUT_S * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    [ -n "$(node_pids "$i")" ] || fail "node $i exited while starting"
    state=$(node_sql "$i" "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME SEPARATOR ' ') FROM information_schema.GLOBAL_STATUS
      WHERE VARIABLE_NAME IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_ready')" || true)
    [ "$state" = "$size Synced ON" ] && return 0
    sleep 0.2
  done
  fail "node $i not Synced in a cluster of $size within ${GALERA_TIMEOUT_S} s (last state: ${state:-no answer})"
}

rm -rf "$GALERA_DIR"/node[0-9]*
mkdir -p "$GALERA_DIR"
for i in $(seq 1 $GALERA_NODES); do write_config "$i"; done
[ "$(id -u)" -eq 0 ] && chown -R mysql:mysql "$GALERA_DIR"/node[0-9]*

d1=$(node_dir 1)
mariadb-install-db --defaults-file="$d1/my.cnf" --user="$user" --skip-test-db --auth-root-authentication-method=socket \
  >"$d1/install.log" 2>&1 || { cat "$d1/install.log" >&2; fail "mariadb-install-db of node 1 failed"; }
t_init=$(now_ms)
launch 1 --wsrep-new-cluster
wait_synced 1 1
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
node_sql 1 "CREATE DATABASE IF NOT EXISTS sequela CHARACTER SET utf8mb4;
  CREATE USER IF NOT EXISTS 'sequela'@'127.0.0.1' IDENTIFIED BY '$password';
  CREATE USER IF NOT EXISTS 'sequela'@'localhost' IDENTIFIED BY '$password';
  GRANT ALL ON sequela.* TO 'sequela'@'127.0.0.1'; GRANT ALL ON sequela.* TO 'sequela'@'localhost';" \
  || fail "creating database and user sequela on node 1 failed"
(umask 077; echo "sequela $password" > "$GALERA_DIR/credentials")
mariadb-admin --no-defaults --socket="$(node_socket 1)" -u "$(id -un)" shutdown || fail "stopping node 1 after its set-up failed"
for _ in $(seq 1 150); do [ -z "$(node_pids 1)" ] && break; sleep 0.2; done
[ -z "$(node_pids 1)" ] || fail "node 1 did not stop after its set-up"

for i in $(seq 2 $GALERA_NODES); do
  d=$(node_dir "$i")
  rm -rf "$d/data" && cp -a "$d1/data" "$d/data"
  sed -i 's/^safe_to_bootstrap: *1/safe_to_bootstrap: 0/' "$d/data/grastate.dat"
done
t_copy=$(now_ms)
launch 1 --wsrep-new-cluster
wait_synced 1 1
t_boot=$(now_ms)
for i in $(seq 2 $GALERA_NODES); do
  launch "$i"
  wait_synced "$i" "$i"
done
for i in $(seq 1 $GALERA_NODES); do wait_synced "$i" $GALERA_NODES; done
echo "galera-start: $GALERA_NODES nodes Synced on 127.0.0.1:$(sql_port 1)-$(sql_port $GALERA_NODES) (database sequela) in $(elapsed "$start")" \
  "(initialise $(elapsed "$start" "$t_init"), set-up and copy $(elapsed "$t_init" "$t_copy"), bootstrap $(elapsed "$t_copy" "$t_boot")," \
  "joins $(elapsed "$t_boot")); data in $GALERA_DIR"
