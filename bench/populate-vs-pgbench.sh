#!/usr/bin/env bash
# Loads 5,000,000 rows of a 5-column table with `sequela populate` and runs `pgbench -i -s 50` (5,000,000
# pgbench_accounts rows, client-side generation) against the same PostgreSQL, started here on 127.0.0.1 from
# Debian's postgresql package, REPEAT times in alternating order. Prints every round's wall times and, last,
# `ratio: <median populate time / median pgbench time>` (goal: <= 1.2).
#
# The two loads do the same steps: pgbench -i drops and creates its tables, sends COPY ... FREEZE in the
# transaction that truncates them, vacuums and adds primary keys; sequela (one thread, the default here) drops
# and creates the table, sends COPY (FORMAT binary, FREEZE) in the creating transaction, adds the primary key
# and ANALYZEs. The default model, bench/populate-5m.conf, writes pgbench_accounts' own rows (int id, int branch,
# int 0, char(84) blank) plus an integer teller, which fits in the alignment padding of pgbench's tuples: both
# tables are 640 MB, so the ratio compares the loaders. Heavier tables: MODEL=bench/populate-5m-timestamp.conf
# (a timestamptz instead of the teller: 8 bytes a row more) and MODEL=bench/populate-5m-random-text.conf (a random
# 40-84 character string a row, 560 MB on the wire where pgbench sends 100 MB, with a bigint, an integer, a
# normal double and a timestamptz).
# sequela's time includes starting the JVM (about 0.3 s here); pgbench, a C program, starts in milliseconds.
# Usage: bench/populate-vs-pgbench.sh   (as root; MODEL=bench/populate-5m.conf, THREADS=1 (pgbench -i uses one
# connection), REPEAT=9 and a free PORT by default)
source "$(dirname "$0")/lib-pg.sh"
cd "$(dirname "$0")/.."
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
THREADS=${THREADS:-1}
REPEAT=${REPEAT:-9}
MODEL=${MODEL:-bench/populate-5m.conf}
PG_EXTRA_OPTS="-c max_wal_size=4GB -c checkpoint_timeout=30min" pg_start "$PORT"
WORK=$PG_DIR

[ -f target/sequela.jar ] || mvn -q package -DskipTests
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres"

now() { date +%s.%N; }
# before each timed load, untimed: a CHECKPOINT, so neither side pays for the other's dirty buffers and WAL (a
# checkpoint that max_wal_size starts in the middle of a load slows that load by up to 2x)
quiesce() { psql -q -c CHECKPOINT >/dev/null; }
pgbench_once() {
  quiesce
  local t0; t0=$(now)
  pgbench -i -s 50 -q -h 127.0.0.1 -p "$PORT" -U postgres postgres >"$WORK/pgbench.log" 2>&1 || { cat "$WORK/pgbench.log"; exit 1; }
  echo "$(now) - $t0" | bc -l >>"$WORK/pg.times"
  grep -h "done in" "$WORK/pgbench.log" | sed 's/^/  pgbench: /'
}
populate_once() {
  quiesce
  local t0; t0=$(now)
  java -jar target/sequela.jar populate --model "$MODEL" --target "$URL" --user postgres --threads "$THREADS" \
    >"$WORK/populate.log" 2>"$WORK/populate.err" || { cat "$WORK/populate.err"; exit 1; }
  echo "$(now) - $t0" | bc -l >>"$WORK/ours.times"
  sed 's/^/  sequela: /' "$WORK/populate.log"
}
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# REPEAT rounds, alternating which side goes first, so a neighbour's load burst or a checkpoint hits both
for ((i = 1; i <= REPEAT; i++)); do
  if ((i % 2)); then pgbench_once; populate_once; else populate_once; pgbench_once; fi
  printf 'round %d: pgbench %.2f s, sequela %.2f s\n' "$i" "$(tail -1 "$WORK/pg.times")" "$(tail -1 "$WORK/ours.times")"
done
java -jar target/sequela.jar verify --model "$MODEL" --target "$URL" --user postgres

pg=$(median "$WORK/pg.times")
ours=$(median "$WORK/ours.times")
printf 'median of %d: pgbench -i -s 50 %.2f s; sequela populate (5,000,000 rows, 5 columns, %s threads, incl. JVM start-up) %.2f s\n' \
  "$REPEAT" "$pg" "$THREADS" "$ours"
printf 'ratio: %.2f\n' "$(echo "$ours / $pg" | bc -l)"
