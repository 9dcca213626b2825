#!/usr/bin/env bash
# Runs the event-store benchmark: makes sure PostgreSQL answers on 127.0.0.1:5432, then prints markdown tables.
# BENCH_SCALE=0.1 for a quick smoke run. The full run takes about four minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/ensure-postgres.sh >&2
exec node -r ./infra/register.js bench/event-store.bench.ts
