#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/browser), with a Chinese font so
# that the console's pages (and the screenshots in docs/screenshots) show their text. Playwright never downloads a
# browser here: playwright-core drives this one (executablePath '/usr/bin/chromium').
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "chromium: installing ${missing[*]} from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "chromium: /usr/bin/chromium still missing after apt-get install" >&2; exit 1; }
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
