#!/usr/bin/env python3
"""Daybook's search against Pagefind's on the same built site, in headless chromium.

Usage: Benchmarks/search-compare.py SITE_DIR QUERIES.txt [--judgements FILE] [--json OUT]
                                    [--no-pagefind] [--rebuild-pagefind] [--wait SECONDS] [--http 1.0|1.1]
                                    [--page NAME=PATH]... [--nodelay]

Indexes the site's paper pages with Pagefind (PyPI `pagefind-bin`, run as `python3 -m
pagefind_bin`; timed, with its peak memory), adds a minimal Pagefind search page
(`pagefind-search/`, the JS API: search, then the first 20 results' data, as Daybook draws 20),
serves the site on 127.0.0.1 under its base path, and runs every query of QUERIES.txt (one a line,
`#` comments) cold (a fresh navigation, HTTP cache off) and warm (typed into the loaded page) with
Benchmarks/search-compare.js. Prints markdown: index sizes and build time, latency, bytes per
query (counted by the server, raw; "search bytes": the engine's script and index files a query
fetched, plus for Daybook's cold queries the index entry and starter its search page carries
inline; page CSS and KaTeX left out), and with --judgements (JSON {query: {paper path: grade 0/1/2}}) the top 5 of each
engine, judged, with precision@5 and nDCG@5 (unjudged results are listed as "?" and count 0).
Needs node ≥ 20 and chromium.
"""
import argparse
import functools
import gzip
import http.server
import json
import math
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind search</title></head>
<body><p id="search-status"></p><ol id="search-results"></ol>
<script type="module">
const base = new URL("../", location.href).pathname;
const pagefind = await import(base + "pagefind/pagefind.js");
await pagefind.options({ baseUrl: base });
await pagefind.init();
let run = 0;
window.runQuery = async function (query) {
  const mine = ++run, started = performance.now();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (mine !== run) return;
  const list = document.getElementById("search-results");
  list.textContent = "";
  for (const d of data) {
    const li = document.createElement("li"), a = document.createElement("a");
    a.href = d.url; a.textContent = d.meta.title || d.url; li.appendChild(a);
    const p = document.createElement("p"); p.innerHTML = d.excerpt; li.appendChild(p);
    list.appendChild(li);
  }
  document.getElementById("search-status").textContent = search.results.length + " results";
  document.body.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
  document.body.setAttribute("data-search-at", String(performance.now()));
};
const q = new URLSearchParams(location.search).get("q");
if (q) window.runQuery(q);
</script></body></html>
"""


def sizes(folder):
    raw = packed = count = 0
    for base, _, files in os.walk(folder):
        for name in files:
            data = open(os.path.join(base, name), "rb").read()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
            count += 1
    return count, raw, packed


def run_pagefind(site):
    start = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "pagefind_bin", "--site", site, "--glob", "papers/**/*.html"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    output = process.stdout.read().decode(errors="replace")
    if status != 0:
        sys.exit("pagefind failed:\n" + output)
    return elapsed, usage.ru_maxrss * 1024


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(math.ceil(p / 100 * len(values))) - 1)]


# Bytes of each Daybook search page that are the search's own (set by main): the index entry and the
# engine it carries inline (since 2026-12-07), counted with its cold queries as the files they replace.
PAGE_SEARCH_BYTES = {}


def page_search_bytes(page_file):
    try:
        html = open(page_file, encoding="utf-8").read()
    except OSError:
        return 0
    parts = re.findall(r'<script type="application/json" id="search-meta">.*?</script>|<script data-index="[^"]*">.*?</script>',
                       html, re.S)
    return sum(len(part.encode()) for part in parts)


def search_bytes(entry, engine):
    if "files" not in entry:
        return entry["bytes"]
    # Daybook: its index and its scripts (search.min.js, search-engine.min.js, or a copy of another
    # version's script under assets/search-NAME.min.js, see --page).
    keep = ("/pagefind/",) if engine == "pagefind" else ("/search/index/", "/assets/search")
    inline = PAGE_SEARCH_BYTES.get(engine, 0) if entry.get("mode") == "cold" else 0
    return inline + sum(size for name, size in entry["files"] if any(k in name for k in keep))


def dcg(grades):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("queries")
    parser.add_argument("--judgements")
    parser.add_argument("--json")
    parser.add_argument("--no-pagefind", action="store_true")
    parser.add_argument("--rebuild-pagefind", action="store_true")
    parser.add_argument("--wait", type=float, default=20, help="how long a query may take to draw its results (s)")
    parser.add_argument("--reuse", help="a --json file of an earlier run: report it again, run nothing")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH",
                        help="another Daybook search page of the same site (PATH under the site, e.g. search-main/ "
                             "holding another version's page, its script copied to assets/search-NAME.min.js), run "
                             "interleaved with the others as engine NAME")
    parser.add_argument("--nodelay", action="store_true",
                        help="set TCP_NODELAY on the server's connections, as static hosts do (nginx on keep-alive "
                             "connections): Python's server writes headers and body apart, and Nagle's algorithm with "
                             "delayed ACKs can hold a body back about 40 ms")
    parser.add_argument("--http", default="1.1", choices=["1.0", "1.1"],
                        help="the server's HTTP version: 1.1 keeps connections open, as static hosts do (runs before "
                             "2026-12-07 used 1.0, a new connection per file)")
    args = parser.parse_args()
    root = os.path.abspath(args.site)
    queries = [line.strip() for line in open(args.queries) if line.strip() and not line.startswith("#")]
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', open(os.path.join(root, "index.html")).read()).group(1)
    base_path = urllib.parse.urlsplit(canonical).path
    papers = len(os.listdir(os.path.join(root, "papers")))
    PAGE_SEARCH_BYTES["daybook"] = page_search_bytes(os.path.join(root, "search", "index.html"))

    print(f"## {papers} papers ({args.site})\n")
    print("| index | files | raw | gzipped | build |")
    print("|---|---|---|---|---|")
    count, raw, packed = sizes(os.path.join(root, "search", "index"))
    print(f"| Daybook `search/index/` | {count} | {raw / 2**20:.1f} MiB | {packed / 2**20:.1f} MiB | (see build report) |")
    engines = [{"name": "daybook", "page": f"{base_path}search/"}]
    for extra in args.page:
        name, _, page = extra.partition("=")
        engines.append({"name": name, "page": base_path + page.strip("/") + "/"})
        PAGE_SEARCH_BYTES[name] = page_search_bytes(os.path.join(root, page.strip("/"), "index.html"))
    if not args.no_pagefind:
        pagefind = os.path.join(root, "pagefind")
        elapsed = peak = None
        if args.rebuild_pagefind or not os.path.isdir(pagefind):
            elapsed, peak = run_pagefind(root)
        count, raw, packed = sizes(pagefind)
        build = f"{elapsed:.1f} s, peak {peak / 2**30:.2f} GiB RSS" if elapsed else "(not rebuilt)"
        print(f"| Pagefind `pagefind/` | {count} | {raw / 2**20:.1f} MiB | {packed / 2**20:.1f} MiB | {build} |")
        os.makedirs(os.path.join(root, "pagefind-search"), exist_ok=True)
        with open(os.path.join(root, "pagefind-search", "index.html"), "w") as f:
            f.write(PAGEFIND_PAGE)
        engines.append({"name": "pagefind", "page": f"{base_path}pagefind-search/"})
    print()

    served = []
    lock = threading.Lock()

    class Handler(http.server.SimpleHTTPRequestHandler):
        """Serves the site under its base path; `/__served` returns (and forgets) what was served
        since the last call: [[path, bytes], …], raw (no compression)."""
        protocol_version = "HTTP/" + args.http

        def setup(self):
            super().setup()
            if args.nodelay:
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def translate_path(self, path):
            return super().translate_path("/" + urllib.parse.urlsplit(path).path[len(base_path):])

        def do_GET(self):
            if self.path == "/__served":
                with lock:
                    body = json.dumps(served).encode()
                    served.clear()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            local = self.translate_path(self.path)
            if os.path.isdir(local):
                local = os.path.join(local, "index.html")
            size = os.path.getsize(local) if os.path.isfile(local) else 0
            with lock:
                served.append([urllib.parse.urlsplit(self.path).path, size])
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    for engine in engines:
        engine["page"] = origin + engine["page"]
    if args.reuse:
        server.shutdown()
        entries = json.load(open(args.reuse))
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as plan:
            json.dump({"engines": engines, "queries": queries, "wait": args.wait * 1000}, plan)
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-compare.js")
        try:
            out = subprocess.run(["node", "--experimental-websocket", script, plan.name], capture_output=True,
                                 text=True, timeout=3600 + 3 * len(queries) * len(engines) * args.wait).stdout
        finally:
            server.shutdown()
            os.unlink(plan.name)
        entries = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if args.json:
        with open(args.json, "w") as f:
            json.dump(entries, f, indent=1)

    print("| engine | cold median (p90, max) | warm median (p90, max) | search bytes per cold query: median (p90, max) | warm query bytes median (max) |")
    print("|---|---|---|---|---|")
    for engine in engines:
        name = engine["name"]
        cold = [e for e in entries if e["engine"] == name and e["mode"] == "cold" and e["ms"] is not None]
        warm = [e for e in entries if e["engine"] == name and e["mode"] == "warm" and e["ms"] is not None]
        if not cold or not warm:
            print(f"| {name} | no results | | | |")
            continue
        c = [e["ms"] for e in cold]
        w = [e["ms"] for e in warm]
        b = [search_bytes(e, name) / 1000 for e in cold]
        wb = [search_bytes(e, name) / 1000 for e in warm]
        print(f"| {name} | {statistics.median(c):.0f} ms ({percentile(c, 90):.0f}, {max(c):.0f}) "
              f"| {statistics.median(w):.0f} ms ({percentile(w, 90):.0f}, {max(w):.0f}) "
              f"| {statistics.median(b):.0f} kB ({percentile(b, 90):.0f}, {max(b):.0f}) "
              f"| {statistics.median(wb):.0f} kB ({max(wb):.0f}) |")
    print()
    print("Per query (cold ms / search kB; status line):\n")
    print("| query | " + " | ".join(e["name"] for e in engines) + " |")
    print("|---|" + "---|" * len(engines))
    for query in queries:
        cells = []
        for engine in engines:
            e = next((x for x in entries if x["engine"] == engine["name"] and x["query"] == query and x["mode"] == "cold"), None)
            cells.append("—" if not e or e["ms"] is None else f"{e['ms']} ms / {search_bytes(e, engine['name']) / 1000:.0f} kB; {e['status']}")
        print(f"| `{query}` | " + " | ".join(cells) + " |")
    print()

    if args.judgements:
        judged = json.load(open(args.judgements))
        totals = {e["name"]: [0, 0] for e in engines}
        print("Top 5, judged (2 relevant, 1 partly, 0 not, ? unjudged):\n")
        print("| query | " + " | ".join(e["name"] + " P@5 / nDCG@5" for e in engines) + " |")
        print("|---|" + "---|" * len(engines))
        details = []
        for query in queries:
            grades_for = judged.get(query, {})
            ideal = dcg(sorted(grades_for.values(), reverse=True)[:5]) or 1
            cells = []
            for engine in engines:
                e = next((x for x in entries if x["engine"] == engine["name"] and x["query"] == query and x["mode"] == "cold"), None)
                top = [p[len(base_path):] if p.startswith(base_path) else p for p in (e["top"] if e else [])]
                grades = [grades_for.get(p) for p in top]
                p5 = sum(1 for g in grades if g and g > 0) / 5
                nd = dcg([g or 0 for g in grades]) / ideal
                totals[engine["name"]][0] += p5
                totals[engine["name"]][1] += nd
                cells.append(f"{p5:.1f} / {nd:.2f}")
                details.append(f"- `{query}` {engine['name']}: " + ", ".join(
                    f"{p.split('/')[1]} ({'?' if g is None else g})" for p, g in zip(top, grades)))
            print(f"| `{query}` | " + " | ".join(cells) + " |")
        n = len(queries)
        print("| **mean** | " + " | ".join(f"**{totals[e['name']][0] / n:.2f} / {totals[e['name']][1] / n:.2f}**" for e in engines) + " |")
        print()
        print("\n".join(details))


if __name__ == "__main__":
    main()
