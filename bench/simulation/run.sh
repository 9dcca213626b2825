#!/usr/bin/env bash
# Policy simulation over a generated district with its claims: load, then simulatePolicy with the live policy and
# with a changed draft, each in a process of its own (events/s, wall time, peak RSS and heap). Markdown on stdout,
# progress on stderr. BENCH_SCALE (0.4), BENCH_SEED, BENCH_AS_OF (today), BENCH_KEEP_DATABASE=1, BENCH_DATABASE=<name>
# (reuse a loaded database), BENCH_CPU_PROF=1 (profile each run).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
exec node -r ./infra/register.js bench/simulation/simulation.bench.ts
