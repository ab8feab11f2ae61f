#!/bin/sh
# gatling.sh for the gatling-operator (st-tech/gatling-operator): put this file on the Gatling image's PATH as
# gatling.sh, next to a built copy of this project (SEQUELA_HOME, default: this script's project folder, holding
# target/sequela.jar, target/classes, target/test-classes and the jars of target/gatling-classpath.txt, or the
# jars in target/lib). The operator runs every runner pod with one command line and the CR's environment:
#   runner:   gatling.sh -sf <dir> -s SeqOrderSimulation -rsf <dir> -rf <results> -nr
#   reporter: gatling.sh -rf <dir> -ro <name>          (Gatling 3.12 and later cannot merge the runners' logs: see below)
# A runner claims the next free injector number of the run (sequela claim) and runs its share of
# SeqOrderSimulation, keeping its own Gatling report. The whole run's pages come from `sequela report --run-id`
# over the runners' run folders (each holds sequela-requests.rec and latency.hlog: upload whole folders, not only
# simulation.log; docs/injectors.md). Runner environment (testScenarioSpec.env):
#   SEQUELA_RUN_ID      the run id, the same for every pod (a new one per run)
#   SEQUELA_INJECTORS   how many runners (testScenarioSpec.parallelism)
#   SEQUELA_TARGET      the database's JDBC URL; SEQUELA_USER, SEQUELA_PASSWORD its credentials (from a Secret)
#   JAVA_OPTS           any other -D option, e.g. -Dsequela.plan=/plans/plan.json -Xmx2g
set -eu

home=${SEQUELA_HOME:-$(cd "$(dirname "$0")/.." && pwd)}
if [ -d "$home/target/lib" ]; then
  jars="$home/target/lib/*"
else
  jars=$(cat "$home/target/gatling-classpath.txt")
fi
classpath="$home/target/test-classes:$home/target/classes:$jars"

simulation=""
results=""
reports_only=""
no_reports=""
while [ $# -gt 0 ]; do
  case $1 in
    -s) simulation=$2; shift 2 ;;
    -rf) results=$2; shift 2 ;;
    -ro) reports_only=$2; shift 2 ;;
    -nr) no_reports=-nr; shift ;;
    -sf|-rsf|-rd) shift 2 ;; # the bundle's folders: sequela's simulations are compiled into target/test-classes
    *) echo "gatling.sh: unknown option '$1'" >&2; exit 64 ;;
  esac
done
[ -n "$results" ] || { echo "gatling.sh: -rf <results folder> is required" >&2; exit 64; }

if [ -n "$reports_only" ]; then
  echo "gatling.sh: Gatling 3.12 and later cannot merge several runners' logs (-ro); run" >&2
  echo "gatling.sh:   java -cp $home/target/sequela.jar:$home/target/test-classes io.sequela.cli.SequelaCommand report --run-id <id> --target <url> <every runner's run folder>" >&2
  exit 64
fi

: "${SEQUELA_RUN_ID:?gatling.sh: SEQUELA_RUN_ID must be set}"
: "${SEQUELA_INJECTORS:?gatling.sh: SEQUELA_INJECTORS must be set}"
: "${SEQUELA_TARGET:?gatling.sh: SEQUELA_TARGET must be set}"
# the password goes to the claim on stdin (picocli reads an interactive option there when there is no console)
injector=$(printf '%s\n' "${SEQUELA_PASSWORD:-}" | java -jar "$home/target/sequela.jar" claim --run-id "$SEQUELA_RUN_ID" \
  --injectors "$SEQUELA_INJECTORS" --target "$SEQUELA_TARGET" --user "${SEQUELA_USER:-}" --password)
injector=${injector##* } # the number follows picocli's prompt on the same line
echo "gatling.sh: $(hostname) is injector $injector of $SEQUELA_INJECTORS of run $SEQUELA_RUN_ID"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$classpath" -Dsequela.injector="$injector/$SEQUELA_INJECTORS" -Dsequela.run-id="$SEQUELA_RUN_ID" \
  -Dsequela.target="$SEQUELA_TARGET" -Dsequela.results.dir="$results" \
  io.gatling.app.Gatling -s "${simulation:-SeqOrderSimulation}" -rf "$results" $no_reports
