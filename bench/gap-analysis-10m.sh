#!/usr/bin/env bash
# Gap analysis vs one ordered scan over the same 10M rows, same process, same embedded PostgreSQL 16.
# Usage: bench/gap-analysis-10m.sh [rows (default 10000000)] [rounds (default 2)]
# Prints timings per round and, last, `ratio: <analysis time / scan time>` (goal <= 3).
# WORK_MEM (a server setting, default PostgreSQL's 4MB) applies to both sides alike, e.g. WORK_MEM=256MB.
# Maven runs online (it fetches what a fresh machine lacks); MVN_OFFLINE=-o once the repository is warm.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000000}"
ROUNDS="${2:-2}"
WORK_MEM="${WORK_MEM:-4MB}"
# The bench (a test class) needs only the library and its runtime dependencies: the shaded target/sequela.jar,
# which the default build's package phase writes. No dependency plugin (never downloaded on a fresh machine).
mvn -B -q ${MVN_OFFLINE:-} package -DskipTests
exec java -Xmx2g -Dlogback.configurationFile=bench/logback-bench.xml \
  -Dsequela.embedded.dir=target/embedded-pg-bench -Dsequela.embedded.fresh=true -Dsequela.embedded.work_mem="$WORK_MEM" \
  -cp "target/test-classes:target/sequela.jar" \
  io.sequela.bench.GapAnalysisBench embedded "$ROWS" "$ROUNDS"
