#!/usr/bin/env bash
# Is the load generator the bottleneck? SeqOrderSimulation's insert (4 users, interval 0, NOORDER) against pgbench
# with the same INSERT (prepared, 4 clients), on one PostgreSQL server (Debian's package, started here on
# 127.0.0.1) pinned to one core while the client (the Gatling JVM, or pgbench) is pinned to the other, so the
# figure measures the harness and not client and server fighting for 2 cores.
#
# ROUNDS rounds (default 3), the order of the sides alternating; each side inserts INSERTS rows (default 100,000).
# A side's rate is rows / (max(sql_date) - min(sql_date)) over the rows it wrote (the same SQL for both); its client
# CPU is the client process' utime + stime from /proc/<pid>/stat, sampled every 0.1 s, between its first and last
# row's time, per insert in µs. RECORD=both (default) runs the simulation twice a round, with its µs recording
# (sequela.latency.record=true, as the main job runs) and without; RECORD=on or RECORD=off runs one of them.
# Prints every round (with its own ratio: the two sides of a round run minutes apart, not days), the rounds' ratios
# min..max, the medians and, last, `ratio: <simulation median rate / pgbench median rate>` (with the
# recording when it ran). Goal (issue 26): >= 0.95 with the recording on, and the simulation's client CPU per insert
# at most 2.5 times pgbench's.
#
# RECORD=aa calibrates the bench itself: pgbench runs again in the simulation's place (an A/A run: the same client on
# both sides), so its `ratio:` and round ratios show how far from 1.00 the bench's noise alone moves them on this machine.
#
# Usage: bash bench/insert-vs-pgbench.sh   (as root; INSERTS=2000 ROUNDS=1 for a quick check that it runs;
#        SERVER_CPU=0 CLIENT_CPU=1, USERS=4, PORT=55433; Maven offline unless MVN_OFFLINE=)
source "$(dirname "$0")/lib-pg.sh"
cd "$(dirname "$0")/.."
INSERTS=${INSERTS:-100000}
ROUNDS=${ROUNDS:-3}
USERS=${USERS:-4}
RECORD=${RECORD:-both}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
OFFLINE="${MVN_OFFLINE--o}"
case "$RECORD" in on) SIDES="on" ;; off) SIDES="off" ;; both) SIDES="on off" ;; aa) SIDES="aa" ;;
  *) echo "RECORD: must be on, off, both or aa, got '$RECORD'" >&2; exit 64 ;; esac
[ "$(nproc)" -ge 2 ] || { echo "needs 2 CPUs to pin server and client apart, found $(nproc)" >&2; exit 69; }
PER_USER=$(( INSERTS / USERS ))
[ "$PER_USER" -ge 1 ] || { echo "INSERTS: must be >= USERS ($USERS), got $INSERTS" >&2; exit 64; }

# every side starts from the same server state: no autovacuum or timed checkpoint inside a window (either would land on
# whichever side happened to run then), and settle() empties the table and checkpoints before each side, outside its window
PG_EXTRA_OPTS="-c autovacuum=off -c checkpoint_timeout=1h -c max_wal_size=8GB ${PG_EXTRA_OPTS:-}" \
  PG_CPUS=$SERVER_CPU pg_start "${PORT:-55433}"
WORK=$PG_DIR
# one block (the design's default is 4 per mode): Gatling starts each block's users at its injector's next 1 s tick,
# so blocks leave pauses of 0.2-0.9 s without inserts in the window (about 7 % of a 100,000-insert run); they are the
# design's (docs/experiment-design.md), not the insert path's, and pgbench has none. A 10 s warm-up (its rows deleted,
# outside the window): the auto rule ends after about 2 s, when latencies settle but the JIT is still compiling on the
# client's one core (21 to 37 µs of CPU per insert in the window after it, 17 after 10 s: docs/insert-path-profile.md);
# the window measures the path as a run of minutes sees it. A one-mode plan's warm-up runs in two stages, the second
# rehearsing a stage switch (docs/experiment-design.md), each until its rule: "10s" warms up for 20 s. WARMUP=auto for
# the auto rule.
cat > "$WORK/plan.json" <<JSON
{ "modes": ["NOORDER"], "blocks": 1, "warmup": "${WARMUP:-10s}",
  "tests": [ { "test_name": "insert_bench", "description": "bench/insert-vs-pgbench.sh: $USERS users, interval 0",
    "scenarii": [ { "node_number": 1, "iterations": $PER_USER, "users": $USERS, "interval": 0, "connection": "embedded" } ] } ] }
JSON
echo "compiling..." >&2
mvn -B -q $OFFLINE test-compile >"$WORK/compile.log" 2>&1 || { tail -30 "$WORK/compile.log"; exit 1; }

# sample_cpu <pid> <file>: "<epoch s> <utime+stime ticks>" every 0.1 s while the process lives
sample_cpu() {
  local pid=$1 out=$2 stat
  while stat=$(cat "/proc/$pid/stat" 2>/dev/null); do
    stat=${stat##*) }  # fields from 3 on (the command name may hold spaces)
    read -r -a f <<<"$stat"
    echo "$EPOCHREALTIME $(( f[11] + f[12] ))" >>"$out"
    sleep 0.1
  done
}

# window <run_id>: "<rows> <first epoch s> <last epoch s>" of the rows one side wrote
window() {
  psql -qtAX -F ' ' -c "SELECT count(*), extract(epoch FROM min(sql_date) AT TIME ZONE current_setting('TimeZone')),
    extract(epoch FROM max(sql_date) AT TIME ZONE current_setting('TimeZone')) FROM job_execution WHERE run_id = '$1'"
}

# measure <run_id> <cpu samples> <label>: prints "<label> <rows> <rows/s> <client CPU µs per insert>"
measure() {
  local w; w=$(window "$1")
  awk -v w="$w" -v label="$3" -v hz="$(getconf CLK_TCK)" '
    BEGIN { split(w, a, " "); rows = a[1]; t0 = a[2]; t1 = a[3] }
    { if ($1 <= t0) c0 = $2; if ($1 <= t1) c1 = $2; if (first == "") first = $2 }
    END { if (c0 == "") c0 = first; rate = (t1 > t0) ? rows / (t1 - t0) : 0
          printf "%s %d %.1f %.1f\n", label, rows, rate, (rows > 0) ? (c1 - c0) / hz * 1e6 / rows : 0 }' "$2"
}

# settle: the rows of the sides before removed (each side was measured as it ended), then a checkpoint, so every side
# inserts into the same empty table (nothing to do before the first side)
settle() {
  if [ "$(psql -qtAX -c "SELECT to_regclass('job_execution') IS NOT NULL")" = t ]; then
    psql -qtAX -c "TRUNCATE job_execution" -c "CHECKPOINT" >/dev/null
  fi
}

simulation() { # simulation <on|off> <round>
  local log="$WORK/sim-$1-$2.log" cpu="$WORK/sim-$1-$2.cpu" mvn_pid jvm=""
  settle
  taskset -c "$CLIENT_CPU" mvn -B -q $OFFLINE gatling:test -Dgatling.simulationClass=SeqOrderSimulation \
    -Dgatling.noReports=true -Dsequela.plan="$WORK/plan.json" -Dsequela.target="$PG_JDBC" -Dsequela.target-user=postgres \
    -Dsequela.latency.record="$([ "$1" = on ] && echo true || echo false)" >"$log" 2>&1 &
  mvn_pid=$!
  while [ -z "$jvm" ] && kill -0 "$mvn_pid" 2>/dev/null; do  # the Gatling JVM the plugin forks
    jvm=$(pgrep -P "$mvn_pid" -f io.gatling.app.Gatling || true); sleep 0.05
  done
  [ -n "$jvm" ] && sample_cpu "$jvm" "$cpu"
  wait "$mvn_pid" || { tail -30 "$log"; exit 1; }
  measure "$(grep -o 'sequela run [0-9a-f-]*' "$log" | head -1 | cut -d' ' -f3)" "$cpu" "simulation-record-$1"
}

pgbench_side() { # pgbench_side <run> [label]
  local cpu="$WORK/pgbench-$1.cpu" pid
  settle
  echo "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (localtimestamp, 1, 'insert_bench', 'pgbench-$1', 'NOORDER');" >"$WORK/insert.sql"
  taskset -c "$CLIENT_CPU" pgbench -n -M prepared -c "$USERS" -j 2 -t "$PER_USER" -f "$WORK/insert.sql" >"$WORK/pgbench-$1.log" 2>&1 &
  pid=$!
  sample_cpu "$pid" "$cpu"
  wait "$pid" || { cat "$WORK/pgbench-$1.log"; exit 1; }
  measure "pgbench-$1" "$cpu" "${2:-pgbench}"
}

# the A/A run never starts the simulation, which creates the schema: the same script creates it here
if [ "$RECORD" = aa ]; then psql -qtAX -f sql/postgresql/setup.sql >/dev/null; fi
echo "server on CPU $SERVER_CPU, client on CPU $CLIENT_CPU; $ROUNDS rounds of $((PER_USER * USERS)) inserts per side ($USERS x $PER_USER)"
: >"$WORK/results"; : >"$WORK/round-ratios"
last=$(case "$RECORD" in off) echo off ;; aa) echo aa ;; *) echo on ;; esac)  # the side the ratios are of
side_name() { if [ "$1" = aa ]; then echo "pgbench again (A/A)"; else echo "simulation (recording $1)"; fi; }
for ((i = 1; i <= ROUNDS; i++)); do
  if ((i % 2)); then order="sim pg"; else order="pg sim"; fi
  line="round $i:"
  for side in $order; do
    if [ "$side" = pg ]; then
      r=$(pgbench_side "$i"); echo "$r" >>"$WORK/results"; set -- $r
      line="$line pgbench $3/s ($4 µs CPU/insert);"
      pg_rate=$3
    else
      for rec in $SIDES; do
        if [ "$rec" = aa ]; then r=$(pgbench_side "$i-aa" simulation-record-aa); else r=$(simulation "$rec" "$i"); fi
        echo "$r" >>"$WORK/results"; set -- $r
        line="$line $(side_name "$rec") $3/s ($4 µs CPU/insert, $2 rows);"
        if [ "$rec" = "$last" ]; then sim_rate=$3; fi
      done
    fi
  done
  # the round's own ratio (the simulation with the recording, unless RECORD=off, against this round's pgbench)
  round_ratio=$(awk -v a="$sim_rate" -v b="$pg_rate" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
  echo "$round_ratio" >>"$WORK/round-ratios"
  echo "$line round ratio $round_ratio"
done

median() { # median <label> <field>: of the results' field (3 rate, 4 CPU µs per insert)
  awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$WORK/results" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
pg=$(median pgbench 3)
echo "median of $ROUNDS: pgbench $pg inserts/s, $(median pgbench 4) µs client CPU per insert"
for rec in $SIDES; do
  echo "median of $ROUNDS: $(side_name "$rec") $(median "simulation-record-$rec" 3) inserts/s, $(median "simulation-record-$rec" 4) µs client CPU per insert"
done
if [ "$RECORD" = both ]; then
  echo "ratio without recording: $(awk -v a="$(median simulation-record-off 3)" -v b="$pg" 'BEGIN { printf "%.2f", a / b }')"
fi
echo "client CPU per insert, $(side_name "$last"): $(awk -v a="$(median "simulation-record-$last" 4)" -v b="$(median pgbench 4)" \
  'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }') x pgbench's (goal <= 2.5)"
echo "round ratios: $(sort -g "$WORK/round-ratios" | paste -sd' ') (min..max over rounds; the sides vary by ~25 % between runs here)"
echo "ratio: $(awk -v a="$(median "simulation-record-$last" 3)" -v b="$pg" 'BEGIN { printf "%.2f", a / b }')"
