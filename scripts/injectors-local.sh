#!/usr/bin/env bash
# scripts/injectors-local.sh <n> [-Dname=value ...]
#
# Runs n injectors (load-generator JVMs) of one SeqOrderSimulation run on this machine, then merges them into
# one report: the local proof of the several-machine set-up in docs/injectors.md.
#   - builds once (mvn package -DskipTests: target/sequela.jar, the simulations, target/gatling-classpath.txt);
#   - unless -Dsequela.target names another database, starts the embedded PostgreSQL once
#     (`sequela embedded`) and hands its JDBC URL to every injector as -Dsequela.target;
#   - starts injector i of n as Gatling's own launcher (what `mvn gatling:test` forks), with the options given,
#     -Dsequela.injector=i/n and one -Dsequela.run-id, each with its own results folder;
#   - waits for all, then `sequela report` merges their run folders and the script prints the merged report's path.
# Everything goes under target/injectors/<run id>/ (injector-<i>.log is injector i's console).
# Exit status: 0 when every injector and the merge succeeded, 64 for bad arguments, otherwise the first failure's.
set -euo pipefail

usage() {
  echo "usage: scripts/injectors-local.sh <n> [-Dname=value ...]   (n >= 1 injectors of one SeqOrderSimulation run)" >&2
  exit 64
}

[[ $# -ge 1 ]] || usage
n=$1
shift
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "injectors-local.sh: n: must be a positive integer, got '$n'" >&2; exit 64; }

run_id=""
target=""
target_user=""
embedded_opts=()
for o in "$@"; do
  case $o in
    -Dsequela.injector=*) echo "injectors-local.sh: -Dsequela.injector: set by the script (injector i of $n)" >&2; exit 64 ;;
    -Dsequela.run-id=*) run_id=${o#*=} ;;
    -Dsequela.target=*) target=${o#*=} ;;
    -Dsequela.target-user=*) target_user=${o#*=} ;;
    -Dsequela.embedded.*=*) embedded_opts+=("$o") ;;
    -D?*=*) ;;
    *) echo "injectors-local.sh: options: must be -Dname=value, got '$o'" >&2; exit 64 ;;
  esac
done
run_id=${run_id:-local-$(date +%Y%m%d-%H%M%S)-$RANDOM}
[[ $run_id =~ ^[A-Za-z0-9._-]{1,64}$ ]] || {
  echo "injectors-local.sh: -Dsequela.run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got '$run_id'" >&2; exit 64; }

cd "$(dirname "$0")/.."
dir=target/injectors/$run_id
mkdir -p "$dir"

echo "injectors-local: building (mvn package -DskipTests; log in $dir/build.log)"
if ! mvn -B -q package -DskipTests >"$dir/build.log" 2>&1; then
  tail -n 30 "$dir/build.log" >&2
  exit 1
fi
classpath="target/test-classes:target/classes:$(cat target/gatling-classpath.txt)"

pids=()
pg_pid=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -n $pg_pid ]]; then
    kill "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

target_opts=()
report_target=()
if [[ -z $target || $target == embedded ]]; then
  # one server for all injectors: they reach it as a JDBC URL, the way injectors on other machines reach a database
  java "${embedded_opts[@]}" -Dsequela.embedded.dir=target/embedded-pg -jar target/sequela.jar embedded \
    --url-file "$dir/embedded.url" >"$dir/embedded.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 240); do
    [[ -s $dir/embedded.url ]] && break
    kill -0 "$pg_pid" 2>/dev/null || { cat "$dir/embedded.log" >&2; exit 69; }
    sleep 0.5
  done
  [[ -s $dir/embedded.url ]] || { echo "injectors-local.sh: the embedded PostgreSQL did not start within 120 s" >&2; exit 69; }
  url=$(cat "$dir/embedded.url")
  echo "injectors-local: embedded PostgreSQL at $url"
  target_opts=(-Dsequela.target="$url" -Dsequela.target-user=postgres)
  report_target=(--target "$url" --user postgres)
else
  report_target=(--target "$target")
  [[ -n $target_user ]] && report_target+=(--user "$target_user")
fi

echo "injectors-local: run $run_id, $n injector(s)"
for i in $(seq 1 "$n"); do
  results=$dir/injector-$i
  # --add-opens: Gatling 3.13 and later need it in every JVM that runs them (the Maven plugin adds it to its fork)
  java -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$classpath" "$@" "${target_opts[@]}" -Dsequela.injector="$i/$n" -Dsequela.run-id="$run_id" \
    -Dsequela.results.dir="$results" -Dsequela.embedded.dir=target/embedded-pg \
    io.gatling.app.Gatling -s SeqOrderSimulation -rf "$results" >"$dir/injector-$i.log" 2>&1 &
  pids+=($!)
done

status=0
for i in $(seq 1 "$n"); do
  s=0
  wait "${pids[$((i - 1))]}" || s=$?
  echo "injector $i/$n: exit status $s (console: $dir/injector-$i.log)"
  if [[ $s -ne 0 ]]; then
    grep '^sequela: ' "$dir/injector-$i.log" >&2 || tail -n 20 "$dir/injector-$i.log" >&2
    [[ $status -eq 0 ]] && status=$s
  fi
done
pids=()
[[ $status -eq 0 ]] || exit "$status"

folders=()
for i in $(seq 1 "$n"); do
  folders+=("$dir"/injector-"$i"/seqordersimulation-injector-"$i"-*)
done
# the merge reads each injector's run record and latency.hlog, and the plan (the injectors' -D options, with the test
# resources on the class path for a plan given as a resource such as plans/default.json)
java -cp "target/sequela.jar:target/test-classes" "$@" io.sequela.cli.SequelaCommand report --run-id "$run_id" \
  "${report_target[@]}" --out "$dir" "${folders[@]}"
