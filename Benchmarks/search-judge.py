#!/usr/bin/env python3
"""Daybook's top 5 for a judged query set, without a browser: runs the theme's search script in
node (Benchmarks/search-run.js) against a built site's index and scores it as search-compare.py
does (nDCG@5 and precision@5, grades 2/1/0, unjudged results "?" counting 0).

Usage: Benchmarks/search-judge.py SITE_DIR QUERIES.txt JUDGEMENTS.json [--script FILE]

For trying a ranking change on the judged set in seconds; the numbers for BENCHMARKS.md come from
search-compare.py (chromium, side by side with Pagefind), which must agree with these.
"""
import argparse
import importlib.util
import json
import os
import subprocess

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("search_compare", os.path.join(here, "search-compare.py"))
compare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("queries")
    parser.add_argument("judgements")
    parser.add_argument("--script")
    args = parser.parse_args()
    queries = [line.strip() for line in open(args.queries) if line.strip() and not line.startswith("#")]
    judged = json.load(open(args.judgements))
    command = ["node", os.path.join(here, "search-run.js"), os.path.join(args.site, "search", "index")]
    if args.script:
        command += ["--script", args.script]
    out = subprocess.run(command + queries, capture_output=True, text=True, check=True).stdout
    runs = {r["query"]: r for r in map(json.loads, out.splitlines())}
    total_p = total_n = 0
    for query in queries:
        grades_for = judged.get(query, {})
        ideal = compare.dcg(sorted(grades_for.values(), reverse=True)[:5]) or 1
        top = [p.lstrip("/") for p in runs[query]["results"][:5]]
        grades = [grades_for.get(p) for p in top]
        p5 = sum(1 for g in grades if g and g > 0) / 5
        nd = compare.dcg([g or 0 for g in grades]) / ideal
        total_p += p5
        total_n += nd
        print(f"{nd:.2f}  {p5:.1f}  {query}: " + ", ".join(f"{p.split('/')[1][:40]} ({'?' if g is None else g})"
                                                    for p, g in zip(top, grades)))
    print(f"mean nDCG@5 {total_n / len(queries):.2f}, P@5 {total_p / len(queries):.2f}")


if __name__ == "__main__":
    main()
