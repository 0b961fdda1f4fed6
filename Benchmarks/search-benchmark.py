#!/usr/bin/env python3
"""Measures a built site's search index: size on disk and gzipped, shard sizes, and the time to
first result in headless chromium over a local HTTP server (cold cache, one browser per query).

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
import tempfile
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
    times = []
    try:
        for query in queries:
            with tempfile.TemporaryDirectory() as profile:
                url = origin + base_path + "search/?q=" + urllib.parse.quote(query)
                dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                                      "--virtual-time-budget=20000", "--dump-dom", url],
                                     capture_output=True, text=True, timeout=120).stdout
            ms = re.search(r'data-search-ms="(\d+)"', dom)
            status = re.search(r'id="search-status"[^>]*>([^<]*)<', dom)
            print(f"  {query!r}: {ms.group(1) + ' ms' if ms else 'no result time'}; {status.group(1) if status else ''}")
            if ms:
                times.append(int(ms.group(1)))
    finally:
        server.shutdown()
    if times:
        print(f"time to first result: median {statistics.median(times)} ms, max {max(times)} ms "
              "(from the query to the first results drawn, index fetched cold)")


if __name__ == "__main__":
    main()
