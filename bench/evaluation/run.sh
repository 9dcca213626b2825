#!/usr/bin/env bash
# The semiannual evaluation report (R-EVAL-1) over a generated district of at least 1,000,000 events: load, then in
# one measuring process, alternating, the end-of-term report (H2-2021 as of the history's last day) and an as-of
# report (H1-2021 as of 2021-06-30), each repeated, with the XLSX and PDF renders. Wall time per phase, events/s,
# peak RSS and heap. Markdown on stdout, then one JSON summary line; progress on stderr.
# BENCH_SCALE (0.2, with claims: about 1.2 M events), BENCH_SEED, BENCH_REPEATS (3), BENCH_KEEP_DATABASE=1,
# BENCH_DATABASE=<name> (reuse a loaded database), BENCH_CPU_PROF=1 (profile the measuring process), BENCH_FLOOR=0 (skip
# the pass-floor runs), BENCH_NODE_FLAGS (extra node flags for the measuring process), BENCH_AS_OF / BENCH_AS_OF_PAST.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
exec node -r ./infra/register.js bench/evaluation/evaluation.bench.ts
