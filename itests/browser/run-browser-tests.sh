#!/usr/bin/env bash
# The browser tests on the real distribution (Maven runs this in integration-test; -DskipTests skips it):
# unpack the built distribution into target/dist on its own ports, make sure Debian's Chromium is
# there, install the test project (npm ci), start Karaf, load the demo data, run Playwright, and
# stop Karaf whatever happened. Exits non-zero when a test fails (the tail of karaf.log is printed).
#
#   run-browser-tests.sh <distribution .tar.gz> [playwright arguments...]
# Environment: TESSERA_BROWSER_PORT (HTTP port, default 18181; ssh, rmi take the three next ones),
#              CHROMIUM_PATH (a Chromium to use instead of `command -v chromium`).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ARCHIVE=${1:?usage: run-browser-tests.sh <distribution .tar.gz> [playwright arguments...]}
shift
PORT=${TESSERA_BROWSER_PORT:-18181}
TARGET="$HERE/target"
DIST="$TARGET/dist"
BASE_URL="http://localhost:$PORT"

say() { echo "[browser-tests] $*"; }
fail() { echo "[browser-tests] ERROR: $*" >&2; exit 1; }

[ -f "$ARCHIVE" ] || fail "no distribution archive at $ARCHIVE: build the distribution module first"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    fail "port $PORT is taken (another Tessera or browser-test run?): stop it, or set TESSERA_BROWSER_PORT"
fi

# --- Debian's Chromium, installed by the project itself when missing (never a browser download)
install_chromium() {
    local apt=(apt-get) prefix=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            prefix=(sudo -n)
        else
            fail "chromium is not installed and this user can neither install it (not root, no password-less sudo):" \
                 "run 'apt-get install -y chromium' as root once, or set CHROMIUM_PATH"
        fi
    fi
    say "installing Debian's chromium package"
    if ! "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q chromium; then
        "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -q
        "${prefix[@]}" env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -q chromium
    fi
}
CHROMIUM=${CHROMIUM_PATH:-$(command -v chromium || true)}
if [ -z "$CHROMIUM" ]; then
    install_chromium
    CHROMIUM=$(command -v chromium || true)
    [ -n "$CHROMIUM" ] || fail "chromium was installed but 'command -v chromium' still finds nothing"
fi
say "Chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"

# --- the test project: Playwright's library only; its browser download is off
cd "$HERE"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --prefer-offline

# --- the distribution, on its own ports and with its own database
rm -rf "$DIST"
mkdir -p "$DIST"
tar -xzf "$ARCHIVE" -C "$DIST" --strip-components=1
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $PORT/" "$DIST/etc/org.ops4j.pax.web.cfg"
grep -q "^org.osgi.service.http.port" "$DIST/etc/org.ops4j.pax.web.cfg" || echo "org.osgi.service.http.port = $PORT" >> "$DIST/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $((PORT + 1))/" "$DIST/etc/org.apache.karaf.shell.cfg"
if [ -f "$DIST/etc/org.apache.karaf.management.cfg" ]; then
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((PORT + 2))/; s/^rmiServerPort *=.*/rmiServerPort = $((PORT + 3))/" \
        "$DIST/etc/org.apache.karaf.management.cfg"
fi

# --- Karaf, stopped on every way out of this script
stop_karaf() {
    local status=$?
    if [ -f "$DIST/karaf.pid" ]; then
        local pid
        pid=$(cat "$DIST/karaf.pid")
        say "stopping Karaf ($pid)"
        "$DIST/bin/stop" >/dev/null 2>&1 || true
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "Karaf did not stop within 60 s: killing $pid"
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    if [ "$status" -ne 0 ] && [ -f "$DIST/data/log/karaf.log" ]; then
        echo "[browser-tests] ---- last lines of $DIST/data/log/karaf.log ----" >&2
        tail -n 80 "$DIST/data/log/karaf.log" >&2
    fi
    exit "$status"
}
trap stop_karaf EXIT
trap 'exit 130' INT TERM

say "starting Karaf on $BASE_URL"
"$DIST/bin/start"
TESSERA_HTTP_PORT=$PORT sh "$DIST/bin/load-demo"

say "running Playwright"
BASE_URL=$BASE_URL CHROMIUM_PATH=$CHROMIUM npx playwright test "$@"
