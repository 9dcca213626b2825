#!/usr/bin/env bash
# The one test command (README, .ci/run): installs dependencies, starts what the tests need, then runs the type
# check, the module-boundary lint and every jest suite. JUnit XML goes to reports/junit/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
bash infra/ensure-postgres.sh
bash infra/ensure-chromium.sh
bash infra/ensure-cjk-font.sh
bash infra/ensure-kafka-mock.sh
mkdir -p reports/junit
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# PGlite loads its WASM through a dynamic import, which jest's CommonJS sandbox only allows with this flag.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"
echo "== type check"; npx tsc -p tsconfig.json --noEmit
echo "== console build (type check + vite)"; npm run --silent build:console
echo "== lint (module boundaries)"; npx nx show projects >/dev/null; npx eslint apps libs test tools
echo "== jest"; npx jest --ci "$@"
