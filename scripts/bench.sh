#!/usr/bin/env bash
# `make bench`: the benchmark of issue 6, printed as one report and written to docs/bench.md.
# Installs what it needs on a fresh machine (the venv's packages; Debian's wrk, a C load
# generator that leaves the two cores to the service), then runs `python -m bench`.
# Extra arguments go to it, e.g. `bash scripts/bench.sh --quick`.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
test -x "$VENV/bin/python" || python3 -m venv "$VENV"
# Install only when the pins changed since the last time (a no-op install still takes ~15 s).
STAMP="$VENV/.bench-installed"
if [ ! -f "$STAMP" ] || [ requirements.txt -nt "$STAMP" ] || [ requirements-dev.txt -nt "$STAMP" ]; then
  "$VENV/bin/pip" install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
  touch "$STAMP"
fi

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  { "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq wrk >/dev/null; } \
    || echo "bench: could not install wrk; throughput will use Python clients" >&2
fi

if [ $# -eq 0 ]; then set -- --write docs/bench.md; fi
exec "$VENV/bin/python" -m bench "$@"
