#!/usr/bin/env bash
# The one benchmark command: installs the peers into .bench-venv when missing or out of
# date, then runs letopis (.venv) and the peers on the same documents and prints the table.
#   bench/run.sh [--quick] [--only TASK] [--write]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="$ROOT/.bench-venv"
REQUIREMENTS="$ROOT/bench/requirements-peers.txt"

if [ ! -x "$PEERS/bin/python" ] || ! cmp -s "$REQUIREMENTS" "$PEERS/.requirements"; then
    echo "installing the peers into $PEERS ..." >&2
    "${PYTHON:-python3}" -m venv "$PEERS"
    "$PEERS/bin/pip" install --quiet -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$PEERS/.requirements"
fi
command -v java >/dev/null || echo "warning: java not found; HeidelTime will show n/a" >&2

PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY="${PYTHON:-python3}"
cd "$ROOT"
exec "$PY" -m bench.run "$@"
