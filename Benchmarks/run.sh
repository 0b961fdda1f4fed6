#!/usr/bin/env bash
# Benchmark harness: wall time and peak memory of full builds, with Hugo on the same corpus.
#   Benchmarks/run.sh [COUNT ...]     (default: 10000)
# Uses the release binary (.build/release/daybook); results go to Benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-10000}")
bin=$PWD/.build/release/daybook
[[ -x $bin ]] || swift build -c release --product daybook
mkdir -p Benchmarks/results
out=Benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ).txt

measure() { # label, dir, command...
  local label=$1 dir=$2; shift 2
  local log; log=$(mktemp)
  (cd "$dir" && /usr/bin/time -v "$@" >/dev/null 2>"$log") || { cat "$log"; return 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '%-40s wall %-9s peak RSS %6d MB\n' "$label" "$wall" $((rss / 1024)) | tee -a "$out"
  rm -f "$log"
}

measure "sample site: clean build" . "$bin" build --output /tmp/daybook-bench-sample
measure "sample site: no-change rebuild" . "$bin" build --output /tmp/daybook-bench-sample
rm -rf /tmp/daybook-bench-sample
for count in "${counts[@]}"; do
  corpus=Benchmarks/corpus-$count
  [[ -d $corpus ]] || python3 Benchmarks/generate-corpus.py "$corpus" "$count"
  rm -rf "$corpus/site"
  measure "$count papers: clean build" "$corpus" "$bin" build
  measure "$count papers: no-change rebuild" "$corpus" "$bin" build
  if command -v hugo >/dev/null; then
    rm -rf "$corpus/hugo/public"
    measure "$count papers: hugo clean build" "$corpus/hugo" hugo --quiet
  fi
done
echo "results: $out"
