#!/usr/bin/env python3
"""Writes a built-site-like tree for deploy benchmarks: N paper pages plus day, tag, week and
month pages, per-tag feeds, main feeds, a sitemap, a search index and theme assets.

    Benchmarks/make-site-tree.py OUT_DIR [--papers 10000] [--edit N]

With --edit N, rewrites N paper pages and the feeds in an existing tree (a typical daily update).
"""
import argparse
import hashlib
import os
import random


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def page(title, body):
    return ("<!doctype html><html lang=en><head><meta charset=utf-8><title>%s</title>"
            "<link rel=stylesheet href=/assets/style.3f2a9c1b.css></head><body><main><h1>%s</h1>%s</main>"
            "<script src=/assets/search.8d7e6f5a.js defer></script></body></html>\n" % (title, title, body))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--papers", type=int, default=10000)
    parser.add_argument("--edit", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(42)
    words = ("model learning language vision data training attention diffusion agent reasoning benchmark "
             "scaling token graph retrieval alignment robust efficient sparse transformer").split()
    tags = ["tag-%02d" % i for i in range(60)]
    papers = []
    for i in range(args.papers):
        pid = "24%02d.%05d" % (1 + i % 12, i)
        day = "2026-%02d-%02d" % (1 + (i // 28) % 12, 1 + i % 28)
        title = " ".join(rng.choice(words) for _ in range(8)).title()
        abstract = " ".join(rng.choice(words) for _ in range(180))
        papers.append((pid, day, title, abstract, rng.sample(tags, 3)))

    if args.edit:
        for pid, day, title, abstract, _ in papers[: args.edit]:
            write(args.out, "papers/%s/index.html" % pid, page(title, "<p>%s</p><p>Edited.</p>" % abstract))
        write(args.out, "feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>edited</title></channel></rss>\n")
        return

    for pid, day, title, abstract, ptags in papers:
        body = "<p>%s</p><p>%s</p><ul>%s</ul>" % (day, abstract, "".join("<li>%s</li>" % t for t in ptags))
        write(args.out, "papers/%s/index.html" % pid, page(title, body))
    by_day, by_tag = {}, {}
    for p in papers:
        by_day.setdefault(p[1], []).append(p)
        for t in p[4]:
            by_tag.setdefault(t, []).append(p)
    for day, items in by_day.items():
        write(args.out, "days/%s/index.html" % day, page(day, "".join("<h2>%s</h2>" % p[2] for p in items)))
    for month in sorted({d[:7] for d in by_day}):
        write(args.out, "months/%s/index.html" % month, page(month, "<p>%s</p>" % month))
    for week in range(1, 53):
        write(args.out, "weeks/2026-W%02d/index.html" % week, page("week %d" % week, "<p>week</p>"))
    for tag, items in by_tag.items():
        write(args.out, "tags/%s/index.html" % tag, page(tag, "".join("<h2>%s</h2>" % p[2] for p in items[:200])))
        write(args.out, "tags/%s/feed.xml" % tag, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%s</title>%s</channel></rss>\n"
              % (tag, "".join("<item><title>%s</title></item>" % p[2] for p in items[:50])))
    write(args.out, "index.html", page("Daily Papers", "<p>home</p>"))
    write(args.out, "archive/index.html", page("Archive", "".join("<a>%s</a>" % d for d in by_day)))
    write(args.out, "tags/index.html", page("Tags", "".join("<a>%s</a>" % t for t in tags)))
    write(args.out, "search/index.html", page("Search", ""))
    write(args.out, "404.html", page("Not found", ""))
    write(args.out, "robots.txt", "User-agent: *\nSitemap: /sitemap.xml\n")
    write(args.out, "feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Papers</title></channel></rss>\n")
    write(args.out, "atom.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>\n")
    write(args.out, "feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}\n")
    write(args.out, "days/feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>\n")
    write(args.out, "sitemap.xml", "<?xml version=\"1.0\"?><urlset>%s</urlset>\n"
          % "".join("<url><loc>/papers/%s/</loc></url>" % p[0] for p in papers))
    write(args.out, "search-index.json", "[%s]\n" % ",".join("{\"id\":\"%s\",\"t\":\"%s\"}" % (p[0], p[2]) for p in papers))
    write(args.out, "assets/style.3f2a9c1b.css", "body{font-family:serif}\n" * 200)
    write(args.out, "assets/search.8d7e6f5a.js", "console.log('search');\n" * 200)
    write(args.out, "assets/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")


if __name__ == "__main__":
    main()
