#!/usr/bin/env bash
# The one start command (README): installs dependencies when needed, then runs api and worker in one process.
# Without DATABASE_URL it runs on embedded PGlite with its data in ${DATA_DIR:-.data}.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
# The evaluation report's PDF embeds a Chinese font from Debian (issue 7). Without it (no root, no apt) the app still
# runs; only GET …/report.pdf answers with an error that names the package to install.
bash infra/ensure-cjk-font.sh || echo "warning: the PDF report needs fonts-wqy-microhei (apt-get install fonts-wqy-microhei)" >&2
# The console the api serves at / (apps/console/dist); about a second with Vite.
npx vite build --config apps/console/vite.config.mts --logLevel warn
APP=(node -r ./infra/register.js apps/api/src/main.ts)
if [ -z "${KAFKA_BROKERS:-}" ] || [ "${FINANCE_SIMULATOR:-1}" = "0" ]; then
  exec "${APP[@]}"
fi

# R-PAY-1 demo (issue 6): with a broker, the finance simulator (tools/finance-simulator, a DEV TOOL, never production)
# answers the instructions, so one command shows approval → instruction → Kafka → answer → paid. FINANCE_SIMULATOR=0
# turns it off (a real finance, or the simulator run by hand). It is the `npm run finance-simulator` command, run
# directly so that its pid is the process to stop.
echo "starting the finance simulator on ${KAFKA_BROKERS} (DEV TOOL, not production; FINANCE_SIMULATOR=0 to skip)"
node -r ./infra/register.js tools/finance-simulator/src/main.ts &
simulator=$!
# Background children of a script ignore Ctrl-C, so INT and TERM are passed on to the app as TERM (its graceful stop);
# whatever way the app ends, the simulator is stopped with it.
"${APP[@]}" &
app=$!
trap 'kill -TERM "$app" 2>/dev/null || true' INT TERM
trap 'kill -TERM "$simulator" 2>/dev/null || true; wait "$simulator" 2>/dev/null || true' EXIT
set +e
wait "$app"
status=$?
# A trapped signal interrupts `wait` while the app is still stopping: wait again for its real exit status.
while kill -0 "$app" 2>/dev/null; do
  wait "$app"
  status=$?
done
exit "$status"
