#!/usr/bin/env bash
# The one start command (README): installs dependencies when needed, then runs api and worker in one process.
# Without DATABASE_URL it runs on embedded PGlite with its data in ${DATA_DIR:-.data}.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
# The console the api serves at / (apps/console/dist); about a second with Vite.
npx vite build --config apps/console/vite.config.mts --logLevel warn
exec node -r ./infra/register.js apps/api/src/main.ts
