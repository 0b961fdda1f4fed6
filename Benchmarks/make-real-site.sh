#!/usr/bin/env bash
# Makes the "real" search benchmark site (BENCHMARKS.md, Search): 438 papers imported with
# `daybook import` from Tests/ImportFixtures (the three Hugging Face listing layouts on three
# days, the arXiv API sample, the HF daily-papers sample), built into OUT/site under the base
# path /papers/. Judged in Benchmarks/search-judgements-real.json.
#   Benchmarks/make-real-site.sh [DAYBOOK] [OUT]    (default: .build/release/daybook, Benchmarks/corpus-real)
set -euo pipefail
cd "$(dirname "$0")/.."
daybook=$(realpath "${1:-.build/release/daybook}")
out=${2:-Benchmarks/corpus-real}
fixtures=$(realpath Tests/ImportFixtures)
rm -rf "$out"
mkdir -p "$out"
cd "$out"
printf 'title: "Real Papers"\nbase_url: "https://example.org/papers/"\n' > daybook.yml
"$daybook" import listing "$fixtures/listing-layout1.txt" --day 2025-12-29
"$daybook" import listing "$fixtures/listing-layout2.txt" --day 2025-12-30
"$daybook" import listing "$fixtures/listing-layout3.txt" --day 2025-12-31
"$daybook" import arxiv "$fixtures/arxiv-api.sample.xml"
"$daybook" import hf "$fixtures/hf-daily-papers.sample.json"
"$daybook" build
