#!/usr/bin/env bash
# QueryBenchSimulation's per-query latency against pgbench's for the same query and parameters on the same
# server. Starts its own PostgreSQL (Debian package) on 127.0.0.1, runs the simulation with one worker
# (the default 345,600-row data set and the default CSV), then pgbench once per CSV line with -M prepared
# and -t 2, keeping the second (warm, already prepared) transaction's latency, as the simulation's pooled
# connection is warm too (pgbench -l numbers transactions from 1). Prints the two medians and, last, `ratio: <simulation median / pgbench median>`.
# Default queries: 2,000 generated lines (seeded, 1-hour ranges over the 20 hosts); with the 200-line example
# the JVM is still warming up (JIT) for most queries and the medians compare cold code.
# Usage: bench/querybench-vs-pgbench.sh [queries.csv]   (as root; needs network to Debian for apt only)
source "$(dirname "$0")/lib-pg.sh"
cd "$(dirname "$0")/.."
WORK="$(pwd)/target/bench-querybench"
QUERIES="${1:-$(pwd)/target/querybench-2000.csv}"

rm -rf "$WORK" && mkdir -p "$WORK/log" && chown -R postgres:postgres "$WORK"
if [ $# -eq 0 ]; then
  python3 - "$QUERIES" <<'PY'
import datetime, random, sys
r, base = random.Random(11), datetime.datetime(2017, 1, 1)
with open(sys.argv[1], "w") as f:
    f.write("hostname,start_time,end_time\n")
    for _ in range(2000):
        s = base + datetime.timedelta(seconds=r.randrange(0, 47 * 3600))
        f.write(f"host_{r.randrange(20):06d},{s:%Y-%m-%d %H:%M:%S},{s + datetime.timedelta(hours=1):%Y-%m-%d %H:%M:%S}\n")
PY
fi
pg_start "${PGPORT_BENCH:-55437}"
PORT=$PGPORT

# 1. the simulation: loads cpu_usage into this server, runs every query once, writes query-stats.json
mvn -q gatling:test -Dgatling.simulationClass=QueryBenchSimulation \
  -Dsequela.querybench.target="jdbc:postgresql://127.0.0.1:$PORT/postgres" -Dsequela.querybench.user=postgres \
  -Dsequela.querybench.workers=1 -Dsequela.querybench.queries="$(realpath "$QUERIES")" > "$WORK/simulation.out"
RUN="$(ls -d target/gatling/querybenchsimulation-* | sort | tail -1)"
SIM_MEDIAN="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["median_ms"])' "$RUN/query-stats.json")"

# 2. pgbench: the same SQL as CpuUsageQuery.DATE_TRUNC, parameters bound (-M prepared turns :vars into $n)
cat > "$WORK/query.sql" <<'SQL'
SELECT date_trunc('minute', ts) AS minute, max(usage) AS max_usage, min(usage) AS min_usage FROM cpu_usage WHERE host = :host AND ts >= CAST(:start AS timestamp) AT TIME ZONE 'UTC' AND ts <= CAST(:end AS timestamp) AT TIME ZONE 'UTC' GROUP BY 1 ORDER BY 1;
SQL
i=0
tail -n +2 "$QUERIES" | while IFS=, read -r host start end; do
  [ -z "$host" ] && continue
  i=$((i + 1))
  (cd "$WORK/log" && pgbench -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared -t 2 -f "$WORK/query.sql" \
    -D host="$host" -D start="$start" -D end="$end" -l --log-prefix="q$i" postgres >/dev/null 2>&1)
done
PG_MEDIAN="$(cat "$WORK"/log/q*.* | awk '$2 == 2 { print $3 / 1000.0 }' | python3 -c '
import sys, statistics
v = sorted(float(x) for x in sys.stdin)
print(f"{statistics.median(v):.3f} {len(v)}")')"

echo "simulation ($RUN): median ${SIM_MEDIAN} ms"
echo "pgbench (${PG_MEDIAN#* } queries, second transaction each): median ${PG_MEDIAN% *} ms"
python3 -c "import sys; print(f'ratio: {float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$SIM_MEDIAN" "${PG_MEDIAN% *}"
