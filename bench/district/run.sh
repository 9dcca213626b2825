#!/usr/bin/env bash
# The cohort-outcomes projection over a generated district: load, rebuild (events/s), update latency (p50/p99)
# while a rebuild runs in another process and database. Markdown on stdout, progress on stderr.
# BENCH_SCALE=0.02 for a smoke run (1.0: 20,000 cohorts); BENCH_SAMPLES (300), BENCH_SEED, BENCH_KEEP_DATABASE=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
exec node -r ./infra/register.js bench/district/rates.bench.ts
