#!/usr/bin/env bash
# Outbox relay throughput (100,000 rows to the mock Kafka broker) and approval-to-publish lag at 100/s.
# BENCH_ROWS, BENCH_PAYEES, BENCH_RUNS (relays x batch, e.g. 1x1000,2x2000), BENCH_LAG_SECONDS, BENCH_RATE: see relay.bench.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
bash infra/ensure-kafka-mock.sh >&2
exec node -r ./infra/register.js bench/payouts/relay.bench.ts
