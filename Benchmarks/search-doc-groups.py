#!/usr/bin/env python3
"""What grouping the search index's documents (`docsPerShard` D papers a `docs/<n>.json` file)
would cost per query, from an index built with one document a file (the default), without
rebuilding: runs every query of QUERIES.txt through the search script in node
(Benchmarks/search-run.js), takes the documents its first screen fetched, and counts, for each D,
the files those documents would come from and their bytes (a group file is `[` + its documents'
arrays joined by `,` + `]\\n`, so its size follows from the one-document files' sizes). Ranking
does not depend on D, so the same documents are fetched.

Usage: Benchmarks/search-doc-groups.py INDEX_DIR QUERIES.txt [--groups 1,2,4,8,16] [--script FILE]

INDEX_DIR is a site's `search/index/`. Prints markdown: per D, the number of document files in
the index and the distribution over the queries of the first screen's document files and of its
total bytes (script, `meta.json`, term shards and documents, raw).
"""
import argparse
import json
import os
import re
import statistics
import subprocess

here = os.path.dirname(os.path.abspath(__file__))


def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("index")
    parser.add_argument("queries")
    parser.add_argument("--groups", default="1,2,4,8,16")
    parser.add_argument("--script", default=os.path.join(here, "..", "Themes", "default", "assets", "search.min.js"))
    args = parser.parse_args()
    groups = [int(g) for g in args.groups.split(",")]
    queries = [line.strip() for line in open(args.queries) if line.strip() and not line.startswith("#")]
    meta = json.load(open(os.path.join(args.index, "meta.json")))
    if meta.get("docsPerShard", 1) != 1:
        raise SystemExit("the index must have one document a file (docsPerShard 1)")
    count = meta["count"]
    docs = os.path.join(args.index, "docs")
    # A one-document file is "[" + document + "]\n": the document is 3 bytes shorter.
    size = [os.path.getsize(os.path.join(docs, f"{n}.json")) - 3 for n in range(count)]
    script_bytes = os.path.getsize(args.script)
    # What the search page beside the index carries for the search: the index entry and the
    # engine, inline (then the runs fetch no meta.json).
    try:
        page = open(os.path.join(args.index, "..", "index.html"), encoding="utf-8").read()
        script_bytes += sum(len(part.encode()) for part in re.findall(
            r'<script type="application/json" id="search-meta">.*?</script>|<script data-index="[^"]*">.*?</script>', page, re.S))
    except OSError:
        pass
    command = ["node", os.path.join(here, "search-run.js"), args.index, "--script", args.script] + queries
    runs = [json.loads(line) for line in subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()]
    print(f"{len(queries)} queries, {count:,} documents, script (with what the page carries inline) {script_bytes / 1000:.1f} kB\n")
    print("| documents a file | document files | first screen's document files: median (max) | bytes per query with the script: min, median, p90, max |")
    print("|---|---|---|---|")
    for group in groups:
        files, totals = [], []
        for run in runs:
            other = sum(b for path, b in run["files"] if not path.startswith("docs/"))
            numbers = [int(path[5:-5]) for path, _ in run["files"] if path.startswith("docs/")]
            shards = sorted({n // group for n in numbers})
            doc_bytes = 0
            for shard in shards:
                members = range(shard * group, min(count, (shard + 1) * group))
                doc_bytes += 1 + sum(size[n] for n in members) + len(members) - 1 + 2
            files.append(len(shards))
            totals.append(script_bytes + other + doc_bytes)
        shard_files = -(-count // group)
        print(f"| {group} | {shard_files:,} | {statistics.median(files):.0f} ({max(files)}) | "
              f"{min(totals) / 1000:.0f}, {statistics.median(totals) / 1000:.0f}, {quantile(totals, 0.9) / 1000:.0f}, "
              f"**{max(totals) / 1000:.0f} kB** |")


if __name__ == "__main__":
    main()
