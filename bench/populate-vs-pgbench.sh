#!/usr/bin/env bash
# Loads 5,000,000 rows of a 5-column table with `sequela populate` (COPY, primary key, ANALYZE) and
# runs `pgbench -i -s 50` (5,000,000 pgbench_accounts rows, client-side generation with COPY, vacuum,
# primary keys) against the same PostgreSQL, started here on 127.0.0.1 from Debian's postgresql package.
# Prints both wall times and, last, `ratio: <populate time / pgbench time>` (goal: <= 1.2).
# Usage: bench/populate-vs-pgbench.sh   (as root; THREADS=2 and a free PORT by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
THREADS=${THREADS:-2}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v pgbench >/dev/null; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/sequela-bench.XXXXXX)
chown postgres:postgres "$WORK"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
stop() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null || true; rm -rf "$WORK"; }
trap stop EXIT
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_wal_size=4GB -c checkpoint_timeout=30min" start >/dev/null

[ -f target/sequela.jar ] || mvn -q -o package -DskipTests
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres"

now() { date +%s.%N; }
t0=$(now)
pgbench -i -s 50 -q -h 127.0.0.1 -p "$PORT" -U postgres postgres >"$WORK/pgbench.log" 2>&1
t1=$(now)
java -jar target/sequela.jar populate --model bench/populate-5m.conf --target "$URL" --user postgres --threads "$THREADS"
t2=$(now)
java -jar target/sequela.jar verify --model bench/populate-5m.conf --target "$URL" --user postgres

grep -h "done in" "$WORK/pgbench.log" || true
pg=$(echo "$t1 - $t0" | bc -l)
ours=$(echo "$t2 - $t1" | bc -l)
printf 'pgbench -i -s 50: %.2f s\nsequela populate (5,000,000 rows, 5 columns, %s threads): %.2f s\n' "$pg" "$THREADS" "$ours"
printf 'ratio: %.2f\n' "$(echo "$ours / $pg" | bc -l)"
