#!/usr/bin/env python3
"""Measures a built site's search index: size on disk and gzipped, shard sizes, and the time to
first result in headless chromium over a local HTTP server, cache disabled (needs node ≥ 20 for
Benchmarks/search-timing.js, which drives chromium over the DevTools protocol).

Usage: Benchmarks/search-benchmark.py SITE_DIR [QUERY ...]
"""
import functools
import gzip
import http.server
import os
import re
import statistics
import subprocess
import sys
import threading
import urllib.parse


def sizes(folder):
    raw = packed = count = largest = 0
    largest_name = ""
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            data = open(path, "rb").read()
            raw += len(data)
            packed += len(gzip.compress(data, 6))
            count += 1
            if len(data) > largest:
                largest, largest_name = len(data), os.path.relpath(path, folder)
    return raw, packed, count, largest, largest_name


def main():
    root = sys.argv[1]
    queries = sys.argv[2:] or ["transformer", "attention model", "lovelace", "quantization", "diffusion video", "reinf"]
    index = os.path.join(root, "search", "index")
    raw, packed, count, largest, name = sizes(index)
    print(f"index: {count} files, {raw / 1e6:.1f} MB raw, {packed / 1e6:.1f} MB gzipped; largest {name} {largest / 1e3:.0f} kB")
    for part in ("terms", "docs"):
        r, p, c, l, n = sizes(os.path.join(index, part))
        print(f"  {part}: {c} files, {r / 1e6:.1f} MB raw, {p / 1e6:.1f} MB gzipped, largest {l / 1e3:.0f} kB")
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', open(os.path.join(root, "index.html")).read()).group(1)
    base_path = urllib.parse.urlsplit(canonical).path

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            return super().translate_path("/" + urllib.parse.urlsplit(path).path[len(base_path):])

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=os.path.abspath(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "search-timing.js")
    urls = [origin + base_path + "search/?q=" + urllib.parse.quote(q) for q in queries]
    try:
        out = subprocess.run(["node", "--experimental-websocket", script] + urls, capture_output=True, text=True,
                             timeout=600).stdout
    finally:
        server.shutdown()
    times, loads = [], []
    for line in out.splitlines():
        print("  " + line.split("search/", 1)[-1])
        match = re.search(r"(\d+) ms from navigation\t(\d+) ms query", line)
        if match:
            loads.append(int(match.group(1)))
            times.append(int(match.group(2)))
    if times:
        print(f"time to first result: query to results median {statistics.median(times)} ms (max {max(times)}); "
              f"from navigation median {statistics.median(loads)} ms (max {max(loads)}); cold cache, local HTTP")


if __name__ == "__main__":
    main()
