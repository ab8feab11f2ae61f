#!/usr/bin/env bash
# Is the load generator the bottleneck? Runs, against one PostgreSQL server (Debian's package, started here on
# 127.0.0.1), SeqOrderSimulation's insert with 4 users and interval 0 (bench/insert-plan.json, 20,000 inserts)
# and pgbench with the same INSERT (prepared, 4 clients, 20,000 inserts). Both rates come from the same SQL over
# the rows each side wrote: rows / (max(sql_date) - min(sql_date)). Last line: ratio: <simulation / pgbench>.
# Goal: >= 0.9.  Usage: bash bench/insert-vs-pgbench.sh
source "$(dirname "$0")/lib-pg.sh"
cd "$(dirname "$0")/.."
pg_start 55433

rate() { # inserts/s of the rows with this run_id
  psql -qtAX -c "SELECT round(count(*) / extract(epoch FROM max(sql_date) - min(sql_date))::numeric, 1)
                 FROM job_execution WHERE run_id LIKE '$1'"
}

echo "simulation: 4 users x 5000 inserts..." >&2
mvn -B -q gatling:test -Dgatling.simulationClass=SeqOrderSimulation -Dsequela.plan=bench/insert-plan.json \
  -Dsequela.target="$PG_JDBC" -Dsequela.target-user=postgres >/tmp/sequela-insert-bench.log 2>&1 \
  || { tail -30 /tmp/sequela-insert-bench.log; exit 1; }
sim_run=$(psql -qtAX -c "SELECT run_id FROM job_execution WHERE test_name = 'insert_bench' LIMIT 1")
sim=$(rate "$sim_run")

echo "pgbench: 4 clients x 5000 inserts..." >&2
cat > /tmp/sequela-insert.sql <<'SQL'
INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (localtimestamp, 1, 'insert_bench', 'pgbench', 'NOORDER');
SQL
pgbench -n -M prepared -c 4 -j 2 -t 5000 -f /tmp/sequela-insert.sql >/tmp/sequela-pgbench.log 2>&1 \
  || { cat /tmp/sequela-pgbench.log; exit 1; }
ref=$(rate pgbench)

echo "simulation: $sim inserts/s (run $sim_run)"
echo "pgbench:    $ref inserts/s"
echo "ratio: $(awk -v a="$sim" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')"
