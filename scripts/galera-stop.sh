#!/usr/bin/env bash
# Stops the local 3-node Galera cluster started by galera-start.sh, by the pids in its pid files:
# mariadb-admin shutdown on nodes 3 and 2 together, then node 1; then SIGTERM to any node still up, and
# SIGKILL once GALERA_STOP_TIMEOUT_S (30 s) have passed. Leaves no mariadbd of this work dir behind.
# Safe to run when nothing runs. GALERA_DIR picks the work dir (default target/galera).
set -uo pipefail
. "$(dirname "$0")/galera-lib.sh"

start=$(now_ms)
deadline=$(( start + GALERA_STOP_TIMEOUT_S * 1000 ))
running=""
for i in $(seq 1 $GALERA_NODES); do
  [ -n "$(node_pids "$i")" ] && running="$running $i"
done
if [ -z "$running" ]; then
  echo "galera-stop: no node of $GALERA_DIR is running"
  exit 0
fi

admin_shutdown() {
  local sock; sock=$(node_socket "$1")
  [ -S "$sock" ] || return 0
  timeout 10 mariadb-admin --no-defaults --socket="$sock" -u "$(id -un)" shutdown >/dev/null 2>&1 || true
}

wait_gone() {  # waits until nodes "$@" have no live pid or the deadline passes
  local i alive
  while [ "$(now_ms)" -lt "$deadline" ]; do
    alive=""
    for i in "$@"; do [ -n "$(node_pids "$i")" ] && alive="$alive $i"; done
    [ -z "$alive" ] && return 0
    sleep 0.2
  done
  return 1
}

# joiners first, together, so the last node standing is node 1 (the one a later bootstrap starts from)
pids=()
for i in $(seq $GALERA_NODES -1 2); do
  case " $running " in *" $i "*) admin_shutdown "$i" & pids+=($!) ;; esac
done
[ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
case " $running " in *" 1 "*) admin_shutdown 1 ;; esac

if ! wait_gone $running; then :; fi
for i in $running; do
  for p in $(node_pids "$i"); do kill -TERM "$p" 2>/dev/null || true; done
done
wait_gone $running
for i in $running; do
  for p in $(node_pids "$i"); do
    echo "galera-stop: node $i (pid $p) still up after ${GALERA_STOP_TIMEOUT_S} s: SIGKILL" >&2
    kill -KILL "$p" 2>/dev/null || true
  done
done
deadline=$(( $(now_ms) + 5000 ))
wait_gone $running
for i in $running; do rm -f "$(node_dir "$i")/launch.pid" "$(node_socket "$i")"; done
left=""
for i in $running; do [ -n "$(node_pids "$i")" ] && left="$left $i"; done
if [ -n "$left" ]; then
  echo "galera-stop: node(s)$left of $GALERA_DIR could not be stopped" >&2
  exit 1
fi
echo "galera-stop: node(s)$running stopped in $(elapsed "$start")"
