#!/bin/sh
# The Tessera benchmark, in one command from a fresh clone:
#   sh bench/run.sh [PARTIES]           (default 1000000; e.g. 20000 for a smoke run)
# Environment: ROUNDS (5), ROUND_SECONDS (10), WARMUP_SECONDS (10), PORT (28181), SEED (42),
#              SKIP_BUILD=1 to reuse the artifacts of an earlier build, MVN_ARGS (e.g. "-o"),
#              PHASES (all, or a comma list of load,p2,p3,p4,basic,ui,service,banking,insurance,marketing,p5,forecasting,export,scan,jobs,feed,reimport,
#              and cluster: DB=postgresql only, P2 on this node then on two nodes of one database; not in all), SERVICE_REQUESTS (100000),
#              REIMPORT_ROWS (20000: the reimport phase's new rows, created then imported again unchanged, into the database as it stands),
#              FEED_CHANGES (20000: the feed phase's imported parties, when the load phase does not run),
#              NO_DUPLICATE_RULES=1 (the load phase deletes every duplicate rule first: the import without matching keys),
#              JOB_ROWS (10000: the jobs phase's rows per import, synchronous, NDJSON job and CSV job), JOB_FORMATS (sync,ndjson,csv: which of them), JOB_FIRST (80000000: the generator's first row of the jobs phase; another for a second run on a kept database),
#              EXPORT_PARTIES (the export phase without load: parties written with JDBC before the export; default PARTIES; 0 with KEEP_DB: export the kept database's parties),
#              SCAN_PARTIES (the scan phase: parties written with JDBC, plus 1 % twins, before two duplicate scans; default PARTIES),
#              BANKING_ACCOUNTS (200000: the banking phase's accounts, over half as many households),
#              POLICIES (30000) and RENEWALS (25000): the insurance phase's terms, and how many expire in the run's month,
#              INS_REST_POLICIES (5000: of those, how many are imported over REST; the others are written with JDBC),
#              INS_RENEWAL_MONTH (2031-03-01; with KEEP_DB, a later month, e.g. 2031-04-01, has terms still to renew),
#              FORECAST_OPPORTUNITIES (100000), KEEP_DB=1 to keep the database
#              of the previous run (its data set must have the same size and seed; use with PHASES
#              without "load"), EXTRA_JAVA_OPTS (added to the server's JVM options, e.g. for JFR),
#              DIST_TARBALL (the distribution to measure; default: this checkout's, distribution/target;
#              another build's, to compare two builds with the same bench client),
#              CHROMIUM_PATH (the ui phase's browser; default: `command -v chromium`, Debian's package),
#              DB=postgresql (the server on a PostgreSQL 14 that the bench starts from the embedded binaries,
#              with fsync on, switched with bin/tessera-db; the raw baseline in another database of it;
#              not with KEEP_DB), POOL_SIZE (16: the server's connections to it),
#              CLUSTER_THREADS (4: the cluster phase's client threads, on one node, then spread over two).
# It builds the product and the bench, unpacks a fresh copy of the distribution under
# bench/target/dist (its own ports, its own database), runs every figure and stops the server.
# The table is printed and written to bench/target/results.md. See docs/performance.md.
set -e
PARTIES="${1:-1000000}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PORT="${PORT:-28181}"
if [ -z "$SKIP_BUILD" ]; then
  (cd "$ROOT" && mvn -B -q $MVN_ARGS install -DskipTests -pl '!itests')
  (cd "$ROOT" && mvn -B -q $MVN_ARGS -f bench/pom.xml package)
fi
# The ui phase drives Debian's Chromium (never a downloaded browser) with the Node project bench/ui.
# Checked before anything is measured, so that a long run does not fail at its end.
case ",${PHASES:-all}," in
  *,all,*|*,ui,*)
    if [ -z "$CHROMIUM_PATH" ] && ! command -v chromium >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ]; then apt-get install -y chromium >/dev/null
      elif sudo -n true 2>/dev/null; then sudo -n apt-get install -y chromium >/dev/null
      else echo "the ui phase needs Chromium: run 'apt-get install -y chromium' as root, or set CHROMIUM_PATH" >&2; exit 1
      fi
    fi
    CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
    export CHROMIUM_PATH
    command -v node >/dev/null 2>&1 || { echo "the ui phase needs Node.js 20 and npm" >&2; exit 1; }
    if [ -z "$SKIP_BUILD" ] || [ ! -d "$HERE/ui/node_modules" ]; then (cd "$HERE/ui" && npm ci --no-audit --no-fund); fi
    ;;
esac
DIST="$HERE/target/dist"
if [ -x "$DIST/bin/stop" ]; then "$DIST/bin/stop" >/dev/null 2>&1 || true; fi
if [ -n "$KEEP_DB" ] && [ "${DB:-derby}" = postgresql ]; then echo "KEEP_DB=1 keeps the Derby database only; not with DB=postgresql" >&2; exit 1; fi
if [ -n "$KEEP_DB" ]; then
  [ -d "$DIST/data/tessera" ] || { echo "KEEP_DB=1: no database in $DIST/data/tessera" >&2; exit 1; }
  rm -rf "$HERE/target/kept-db" && mv "$DIST/data/tessera" "$HERE/target/kept-db"
fi
rm -rf "$DIST" "$HERE/target/raw-derby"
mkdir -p "$DIST"
tar -xzf "${DIST_TARBALL:-$(ls "$ROOT"/distribution/target/*.tar.gz | head -1)}" -C "$DIST" --strip-components=1
if [ -n "$KEEP_DB" ]; then mkdir -p "$DIST/data" && mv "$HERE/target/kept-db" "$DIST/data/tessera"; fi
# its own ports, so that it never meets another server of the machine
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $PORT/" "$DIST/etc/org.ops4j.pax.web.cfg"
grep -q "^org.osgi.service.http.port" "$DIST/etc/org.ops4j.pax.web.cfg" || echo "org.osgi.service.http.port = $PORT" >> "$DIST/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((PORT + 1))/" "$DIST/etc/org.apache.karaf.shell.cfg"
[ -f "$DIST/etc/org.apache.karaf.management.cfg" ] && sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((PORT + 2))/; s/^rmiServerPort *=.*/rmiServerPort = $((PORT + 3))/" "$DIST/etc/org.apache.karaf.management.cfg"
# the service phase moves the SLA engine's test clock and sweeps itself: no background sweep meanwhile
printf 'testClockEnabled = true\nsweepSeconds = 3600\nbatchSize = 500\nreopenDays = 30\n' > "$DIST/etc/org.tessera.crm.service.cfg"
CP="$HERE/client/target/classes:$(cat "$HERE/client/target/classpath.txt")"
cd "$HERE"
# the raw baseline gets the same Derby page cache as the server (bin/setenv)
exec java -Xmx1g -Dderby.storage.pageCacheSize="${TESSERA_DERBY_PAGE_CACHE:-5000}" -cp "$CP" org.tessera.crm.bench.Bench --dist "$DIST" --port "$PORT" --parties "$PARTIES" \
  --ping-jar "$(ls "$HERE"/ping/target/org.tessera.crm.bench.ping-*.jar | head -1)" \
  --rounds "${ROUNDS:-5}" --round-seconds "${ROUND_SECONDS:-10}" --warmup-seconds "${WARMUP_SECONDS:-10}" \
  --seed "${SEED:-42}" --service-requests "${SERVICE_REQUESTS:-100000}" --phases "${PHASES:-all}" --database "${DB:-derby}" --pool-size "${POOL_SIZE:-16}" --cluster-threads "${CLUSTER_THREADS:-4}" --raw-dir "$HERE/target/raw-derby" --report "$HERE/target/results.md" \
  --ui-dir "$HERE/ui" --ui-out "$HERE/target/ui" --banking-accounts "${BANKING_ACCOUNTS:-200000}" --policies "${POLICIES:-30000}" --renewals "${RENEWALS:-25000}" \
  --rest-policies "${INS_REST_POLICIES:-5000}" ${INS_RENEWAL_MONTH:+--renewal-month "$INS_RENEWAL_MONTH"} \
  --forecast-opportunities "${FORECAST_OPPORTUNITIES:-100000}" ${EXPORT_PARTIES:+--export-parties "$EXPORT_PARTIES"} ${SCAN_PARTIES:+--scan-parties "$SCAN_PARTIES"} ${JOB_ROWS:+--job-rows "$JOB_ROWS"} ${JOB_FORMATS:+--job-formats "$JOB_FORMATS"} ${JOB_FIRST:+--job-first "$JOB_FIRST"} \
  ${FEED_CHANGES:+--feed-changes "$FEED_CHANGES"} ${REIMPORT_ROWS:+--reimport-rows "$REIMPORT_ROWS"} ${NO_DUPLICATE_RULES:+--without-duplicate-rules true}
