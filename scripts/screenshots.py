#!/usr/bin/env python3
"""Screenshots of a built site's main page kinds in headless chromium, light and dark, desktop
and phone width, for a person to look at.

Usage: scripts/screenshots.py SITE_DIR OUT_DIR
Writes OUT_DIR/<page>-<light|dark>-<desktop|phone>.png for home, a day, a paper (one with math
when there is one), a tag, and search with a query.
"""
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
check_site = __import__("check-site")


def main():
    root, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    base_path = urllib.parse.urlsplit(check_site.site_base_url(root)).path
    pages, _ = check_site.browser_pages(root, base_path)
    wanted = {"home": base_path}
    for page in pages:
        for kind in ("days", "papers", "tags", "search"):
            if page.startswith(base_path + kind + "/") and page != base_path + "tags/":
                wanted[kind] = page  # the last one wins: the math paper comes after the first paper
    handler = functools.partial(type("Handler", (check_site.SiteHandler,), {"base_path": base_path, "failures": []}),
                                directory=os.path.abspath(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for name, page in wanted.items():
            for scheme in ("light", "dark"):
                for device, size in (("desktop", "1280,900"), ("phone", "390,844")):
                    path = os.path.join(out, f"{name}-{scheme}-{device}.png")
                    args = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--window-size={size}", "--virtual-time-budget=5000", f"--screenshot={path}"]
                    if scheme == "dark":
                        args += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
                    else:
                        args += ["--blink-settings=preferredColorScheme=1"]
                    with tempfile.TemporaryDirectory() as profile:
                        subprocess.run(args + [f"--user-data-dir={profile}", origin + page],
                                       capture_output=True, timeout=90)
                    print(path)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
