#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs every test.
# Called by `make test` (the README's test command) and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
test -x "$VENV/bin/python" || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt

apt_install() {
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "$@" >/dev/null
}
# Debian's Chromium for the browser tests (Playwright's own download cannot work here).
test -x /usr/bin/chromium || apt_install chromium fonts-noto-color-emoji
# Debian's Firefox ESR for the extension's Firefox run.
command -v firefox-esr >/dev/null || apt_install firefox-esr
# Node.js and npm build the browser-test pages from the real editors and run the extension's checks.
command -v npm >/dev/null || apt_install nodejs npm
# PostgreSQL: the storage and API tests run against it as well as SQLite.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
# Debian's redis-server: rate-limit counters shared by several hosts (PRECHECK_REDIS_URL) are tested on it.
command -v redis-server >/dev/null || apt_install redis-server

# A throw-away PostgreSQL cluster on loopback, removed when the tests end.
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PG_DIR=$(mktemp -d /tmp/precheck-pg.XXXXXX)
PG_PORT=${PG_PORT:-54329}
chmod 755 "$PG_DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null
# A throw-away Redis on loopback, no persistence, stopped with PostgreSQL.
REDIS_PORT=${REDIS_PORT:-63791}
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
  --pidfile "$PG_DIR/redis.pid" --dir "$PG_DIR" --logfile "$PG_DIR/redis.log"
stop_services() {
  [ -f "$PG_DIR/redis.pid" ] && kill "$(cat "$PG_DIR/redis.pid")" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_services EXIT
export PRECHECK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
export PRECHECK_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"

"$VENV/bin/python" -m pytest "$@"
