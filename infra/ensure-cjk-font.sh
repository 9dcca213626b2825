#!/usr/bin/env bash
# Makes sure the evaluation report's PDF can be written and checked (libs/reports/src/render): the Chinese font it
# embeds (Debian fonts-wqy-microhei, /usr/share/fonts/truetype/wqy/wqy-microhei.ttc) and poppler-utils, whose
# pdftotext the PDF specs read the report back with (they fail, never skip, without it).
set -euo pipefail
missing=()
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "cjk-font: installing ${missing[*]} from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || { echo "cjk-font: wqy-microhei.ttc still missing after apt-get install" >&2; exit 1; }
command -v pdftotext >/dev/null 2>&1 || { echo "cjk-font: pdftotext still missing after apt-get install" >&2; exit 1; }
echo "cjk-font: wqy-microhei and $(pdftotext -v 2>&1 | head -1)"
