#!/usr/bin/env bash
# The evaluation report before and after: the given commit (in a worktree of its own, sharing node_modules) and this
# working tree, alternating, each a whole run.sh with one repetition and no pass floor, on one loaded database.
#   bash bench/evaluation/compare.sh <commit> <database, kept with BENCH_KEEP_DATABASE=1> [pairs, default 3]
# Prints each run's table rows (current, as-of) as it goes; the full outputs are left in the folder it names.
set -euo pipefail
cd "$(dirname "$0")/../.."
REV=${1:?a commit to compare with}; DB=${2:?a database loaded by run.sh}; PAIRS=${3:-3}
OUT=$(mktemp -d /tmp/evaluation-compare-XXXXXX)
OLD="$OUT/worktree"
git worktree add --detach "$OLD" "$REV" >/dev/null
ln -s "$PWD/node_modules" "$OLD/node_modules"
trap 'git worktree remove --force "$OLD" >/dev/null 2>&1 || true' EXIT
for i in $(seq 1 "$PAIRS"); do
  for side in before after; do
    dir=$PWD; [ "$side" = before ] && dir=$OLD
    echo "## $side #$i ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
    (cd "$dir" && BENCH_DATABASE=$DB BENCH_REPEATS=1 BENCH_FLOOR=0 bash bench/evaluation/run.sh >"$OUT/$side-$i.md" 2>"$OUT/$side-$i.err")
    grep -A3 '^| run' "$OUT/$side-$i.md" | tail -2
  done
done
echo "outputs: $OUT"
