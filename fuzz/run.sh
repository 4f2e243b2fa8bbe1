#!/usr/bin/env bash
# Fuzz the document reader briefly (CI: FUZZ_SECONDS=30 bash fuzz/run.sh). Uses atheris when it is installed
# (pip install atheris), else a hypothesis-driven fallback over random and mutated seed inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SECONDS_BUDGET=${FUZZ_SECONDS:-30}
if "$PY" -c "import atheris" 2>/dev/null; then
  seeds=$(mktemp -d)
  trap 'rm -rf "$seeds"' EXIT
  "$PY" -m fuzz.seeds "$seeds" >/dev/null
  "$PY" fuzz/fuzz_reader.py -max_total_time="$SECONDS_BUDGET" -rss_limit_mb=4096 -timeout=20 \
    -artifact_prefix="${FUZZ_ARTIFACTS:-/tmp/}" "$seeds"
else
  echo "atheris not installed: running the hypothesis fallback"
  "$PY" -m fuzz.fuzz_reader --hypothesis "$SECONDS_BUDGET"
fi
