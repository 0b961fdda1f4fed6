#!/usr/bin/env python3
"""What a day of `daybook fetch` costs, on the replayed recordings (Tests/Replay), no network.

    Benchmarks/fetch-replay.py [--daybook .build/debug/daybook] [--runs 3]

Starts Tests/Replay/replay_server.py on 127.0.0.1 with a real day's responses (Hugging Face:
48 papers; arXiv cs.CL+cs.LG announcement: 320 new/cross, 150 replace) and a three-day backfill
(Hugging Face 2024 payloads day by day, 360 arXiv API results over 2 pages at arXiv's real
3-second interval), and times in a fresh site each run:
  1. the daily fetch into an empty site, 2. the same again (conditional requests: 304s),
  3. daybook build of the result, 4. the backfill.
Prints papers, records written, requests and the median wall time of each.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REC = os.path.join(ROOT, "Tests", "Replay", "recordings")


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


DAYBOOK = os.path.abspath(arg("--daybook", os.path.join(ROOT, ".build", "debug", "daybook")))
RUNS = int(arg("--runs", "3"))


def route(path, body, query=None, **extra):
    return {"path": path, "query": query or {}, "responses": [dict({"status": 200, "body_file": os.path.join(REC, body)}, **extra)]}


# The backfill's days first: the daily route answers any other date (today's, whatever the clock says).
ROUTES = [route("/api/daily_papers", f"hf-{d}.json", {"date": d}) for d in ("2024-03-04", "2024-03-05", "2024-03-06")] + [
    route("/api/daily_papers", "hf-2026-12-01.json", {"p": "0"}, etag='"hf-1"'),
    route("/rss/cs.CL+cs.LG", "arxiv-rss-2026-12-01.xml", last_modified="Tue, 01 Dec 2026 05:02:11 GMT"),
    route("/api/query", "arxiv-api-2024-03-04-to-06-p0.xml", {"start": "0"}),
    route("/api/query", "arxiv-api-2024-03-04-to-06-p1.xml", {"start": "200"}),
]


def run(site, *args):
    start = time.monotonic()
    out = subprocess.run([DAYBOOK, *args], cwd=site, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if out.returncode != 0:
        sys.exit(f"daybook {' '.join(args)} failed:\n{out.stdout}{out.stderr}")
    return elapsed, out.stdout


def main():
    work = tempfile.mkdtemp(prefix="daybook-fetch-bench-")
    scenario = os.path.join(work, "scenario.json")
    with open(scenario, "w") as f:
        json.dump({"routes": ROUTES}, f)
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests", "Replay", "replay_server.py"), scenario],
                              stdout=subprocess.PIPE, text=True)
    port = server.stdout.readline().split()[1]
    api = f"http://127.0.0.1:{port}"
    results = {"fetch (daily)": [], "fetch again (304)": [], "build": [], "backfill 3 days": []}
    outputs = {}
    try:
        for index in range(RUNS):
            site = os.path.join(work, f"site{index}")
            os.makedirs(site)
            with open(os.path.join(site, "daybook.yml"), "w") as f:
                f.write(f"sources:\n  - huggingface: daily\n    api: {api}\n  - arxiv: [cs.CL, cs.LG]\n    api: {api}\n")
            # The daily run: Hugging Face's list for today, arXiv's current announcement (RSS).
            t, out = run(site, "fetch")
            results["fetch (daily)"].append(t)
            outputs["fetch (daily)"] = out
            t, out = run(site, "fetch")
            results["fetch again (304)"].append(t)
            outputs["fetch again (304)"] = out
            t, out = run(site, "build")
            results["build"].append(t)
            outputs["build"] = out
            backfill = os.path.join(work, f"backfill{index}")
            os.makedirs(backfill)
            with open(os.path.join(backfill, "daybook.yml"), "w") as f:
                f.write(f"sources:\n  - huggingface: daily\n    api: {api}\n  - arxiv: [cs.CL]\n    api: {api}\n")
            # arXiv's real rule: 3 s between requests (the interval a local endpoint may shorten is left at 3).
            t, out = run(backfill, "fetch", "--from", "2024-03-04", "--to", "2024-03-06", "--arxiv-interval", "3")
            results["backfill 3 days"].append(t)
            outputs["backfill 3 days"] = out
    finally:
        server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"daybook: {DAYBOOK}, {RUNS} runs each, medians (min–max)")
    for name, times in results.items():
        print(f"\n{name}: {statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})")
        for line in outputs[name].splitlines():
            if not line.startswith("Output:"):
                print("  " + line)


if __name__ == "__main__":
    main()
