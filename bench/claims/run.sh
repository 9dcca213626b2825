#!/usr/bin/env bash
# Claim computation for a cohort of 50 trainees: p50/p95/p99/max in ms, markdown on stdout, progress on stderr.
# BENCH_SAMPLES (200 computations per scheme), BENCH_WARMUP (20), BENCH_COHORTS (40: one whole submission each per
# scheme), BENCH_KEEP_DATABASE=1 keeps the bench database. About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
exec node -r ./infra/register.js bench/claims/claims.bench.ts
