#!/usr/bin/env bash
# QueryBench's three host assignments (rendezvous, balanced, balanced-queries) compared on the default CSV
# (resources/querybench/query_params.csv: 200 queries over 20 hosts, 5 to 15 each) and on the skewed one
# (resources/querybench/query_params_skewed.csv: 200 queries, three hosts carry 120 of them; written by
# bench/querybench-skewed-csv.py). Each run is one `mvn gatling:test` of QueryBenchSimulation on the embedded
# PostgreSQL (default data set); runs rotate through the assignments so a busy spell hits all of them alike.
# Prints one line per run (wall_ms, imbalance, workers_busy, queries per worker, errors from query-stats.json),
# then per CSV x assignment the median wall_ms and imbalance. Timing figures need a quiet machine.
# Usage: bench/querybench-assignment.sh            (RUNS=3 WORKERS=5 by default; Maven offline unless MVN_OFFLINE=)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
WORKERS="${WORKERS:-5}"
OFFLINE="${MVN_OFFLINE--o}"
RESULTS="$(pwd)/target/bench-querybench-assignment"
OUT="$RESULTS/runs.tsv"
mkdir -p "$RESULTS"
printf 'csv\tassignment\trun\twall_ms\timbalance\tworkers_busy\tqueries_per_worker\terrors\n' > "$OUT"

mvn -B $OFFLINE -q test-compile
for run in $(seq 1 "$RUNS"); do
  for csv in query_params.csv query_params_skewed.csv; do
    for assignment in rendezvous balanced balanced-queries; do
      log="$RESULTS/$csv-$assignment-$run.log"
      mvn -B $OFFLINE -q gatling:test -Dgatling.simulationClass=QueryBenchSimulation \
        -Dsequela.querybench.workers="$WORKERS" -Dsequela.querybench.assignment="$assignment" \
        -Dsequela.querybench.queries="$(pwd)/resources/querybench/$csv" > "$log" 2>&1 \
        || { echo "run failed: see $log" >&2; exit 1; }
      json="$(ls -d target/gatling/querybenchsimulation-* | sort | tail -1)/query-stats.json"
      jq -r --arg csv "$csv" --arg run "$run" \
        '[$csv, .assignment, $run, .wall_ms, .imbalance, .workers_busy, ([.workers[].queries] | map(tostring) | join("-")), .errors] | @tsv' \
        "$json" | tee -a "$OUT"
    done
  done
done

echo "medians over $RUNS runs, $WORKERS workers (csv, assignment, wall_ms, imbalance):"
python3 - "$OUT" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for key in dict.fromkeys((r["csv"], r["assignment"]) for r in rows):
    sel = [r for r in rows if (r["csv"], r["assignment"]) == key]
    wall = statistics.median(float(r["wall_ms"]) for r in sel)
    imb = statistics.median(float(r["imbalance"]) for r in sel)
    print(f"{key[0]}\t{key[1]}\t{wall:.1f}\t{imb:.3f}")
PY
