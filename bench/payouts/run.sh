#!/usr/bin/env bash
# Outbox relay throughput (100,000 rows to the mock Kafka broker) and approval-to-publish lag at 100/s.
# BENCH_ROWS, BENCH_PAYEES, BENCH_RELAYS, BENCH_BATCH, BENCH_LAG_SECONDS, BENCH_RATE: see relay.bench.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/ensure-postgres.sh >&2
bash infra/ensure-kafka-mock.sh >&2
exec node -r ./infra/register.js bench/payouts/relay.bench.ts
