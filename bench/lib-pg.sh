# Shared by the bench/*.sh scripts: a throw-away PostgreSQL server from Debian's packages on 127.0.0.1.
# Usage: source bench/lib-pg.sh; pg_start <port>; ...; pg_stop   (exports PGHOST PGPORT PGUSER PG_JDBC)
# PG_CPUS=<list> pins the server (postmaster and every backend) to those CPUs with taskset, e.g. PG_CPUS=0.
set -euo pipefail

pg_install() {
  if ! command -v pgbench >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "installing Debian's postgresql (server, pgbench)..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

pg_start() {
  local port=$1
  pg_install
  PG_DIR=$(mktemp -d "${PG_PARENT:-/tmp}/sequela-bench-pg.XXXXXX")
  chown postgres:postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  ${PG_CPUS:+taskset -c "$PG_CPUS"} runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_EXTRA_OPTS:-}" start >/dev/null
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
  export PG_JDBC="jdbc:postgresql://127.0.0.1:$port/postgres"
  trap pg_stop EXIT
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
