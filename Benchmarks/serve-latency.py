#!/usr/bin/env python3
"""Measure `daybook serve`: the time from saving one record to the reload event, and the same for
a template change, on an existing site (for example one made by generate-corpus.py).

Usage: Benchmarks/serve-latency.py DAYBOOK SITE_DIR [--port N] [--runs N] [--template-runs N]

Method: start `daybook serve`, open the live-reload event stream like a page does, then per run
pick a record at random, save it the way editors do (write a temp file beside it, rename it over
the record) with a new title and upvote count, and take the time from the rename to the arrival of
the `reload` event. After each run the paper page and its day page are fetched and must show the
new title. Then records with new ids are added and deleted again, timed the same way. A template change writes a site override of
paper-card.mustache (every page lists or shows papers through it) and times it the same way.
The server's own rebuild times (from its log) are reported beside the end-to-end times, and, as
the writer sees it, the time from the save until the page is fetched again (the preview makes
pages when they are requested). The server's resident memory after startup and at its peak
(VmHWM) are read from /proc.
"""
import argparse
import glob
import os
import random
import re
import select
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def memory(pid, field):
    """A field of /proc/PID/status in kB (VmRSS, VmHWM)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def atomic_write(path, text):
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, ".%s.tmp%d" % (name, random.randrange(1 << 30)))
    with open(temporary, "w") as f:
        f.write(text)
    start = time.perf_counter()
    os.rename(temporary, path)
    return start


class EventStream:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__daybook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""
        self.wait("hello", 30)

    def wait(self, name, timeout):
        marker = ("event: %s\n" % name).encode()
        deadline = time.perf_counter() + timeout
        while marker not in self.buffer:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("no %s event" % name)
            ready, _, _ = select.select([self.sock], [], [], remaining)
            if ready:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("event stream closed")
                self.buffer += chunk
        at = time.perf_counter()
        index = self.buffer.index(marker)
        end = self.buffer.find(b"\n\n", index)
        while end < 0:
            self.buffer += self.sock.recv(65536)
            end = self.buffer.find(b"\n\n", index)
        message = self.buffer[index:end].decode()
        self.buffer = self.buffer[end + 2:]
        return at, message


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def summary(values):
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
    return "median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (n=%d)" % (
        statistics.median(values), p90, values[0], values[-1], len(values))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("daybook")
    parser.add_argument("site")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--template-runs", type=int, default=3)
    parser.add_argument("--add-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)
    site = os.path.abspath(args.site)
    theme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Themes", "default", "templates")

    started = time.perf_counter()
    server = subprocess.Popen([args.daybook, "serve", "--root", site, "--port", str(args.port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = []
    threading.Thread(target=lambda: [log.append(line.rstrip()) for line in server.stderr], daemon=True).start()
    base = None
    for line in server.stdout:
        match = re.search(r"Serving (\S+)", line)
        if match:
            base = match.group(1)
            break
    if base is None:
        sys.exit("server did not start: %s" % "\n".join(log))
    print("startup (full build into memory): %.2f s" % (time.perf_counter() - started))
    print("memory after startup: %d MB" % (memory(server.pid, "VmRSS") // 1024))
    events = EventStream(args.port)

    records = sorted(glob.glob(os.path.join(site, "content", "**", "*.md"), recursive=True))
    print("records: %d" % len(records))
    latencies, shown = [], []
    for run in range(args.runs):
        path = random.choice(records)
        text = open(path).read()
        title = "Edited %d %d" % (run, time.time_ns())
        new = re.sub(r'(?m)^title: .*$', 'title: "%s"' % title, text, count=1)
        new = re.sub(r'(?m)^upvotes: .*$', "upvotes: %d" % random.randrange(500), new, count=1)
        before = len(log)
        start = atomic_write(path, new)
        try:
            at, _ = events.wait("reload", 60)
        except TimeoutError:
            sys.exit("run %d: no reload event; server log:\n%s" % (run, "\n".join(log[-5:])))
        latencies.append((at - start) * 1000)
        paper_id = re.search(r'(?m)^id: "?([^"\n]+)"?', new).group(1)
        day = re.search(r"(?m)^day: (\S+)", new).group(1)
        page = fetch("%spapers/%s/" % (base, paper_id.replace("/", "_")))
        shown.append((time.perf_counter() - start) * 1000)
        day_page = fetch("%sdays/%s/" % (base, day))
        if title not in page or title not in day_page:
            sys.exit("run %d: the new title is missing from the paper or day page" % run)
        time.sleep(0.05)
        _ = before
    rebuilds = [float(m.group(1)) for m in (re.search(r"Rebuilt \(pages\).* in ([\d.]+) ms", l) for l in log) if m]
    print("record save -> reload event: " + summary(latencies))
    print("record save -> paper page fetched: " + summary(shown))
    if rebuilds:
        print("  server-side update time:   " + summary(rebuilds))

    # New records (a paper with a new id) and deleting them again: the slower path, which
    # rebuilds the library, related papers and search index but still renders only what changed.
    add_latencies, delete_latencies = [], []
    for run in range(args.add_runs):
        source = random.choice(records)
        text = open(source).read()
        new_id = "9999.%05d" % run
        new = re.sub(r'(?m)^id: .*$', 'id: "%s"' % new_id, text, count=1)
        new = re.sub(r'(?m)^title: .*$', 'title: "Added %d"' % run, new, count=1)
        path = os.path.join(os.path.dirname(source), new_id + ".md")
        start = atomic_write(path, new)
        at, _ = events.wait("reload", 60)
        add_latencies.append((at - start) * 1000)
        if "Added %d" % run not in fetch("%spapers/%s/" % (base, new_id)):
            sys.exit("added paper %s is not served" % new_id)
        time.sleep(0.05)
        start = time.perf_counter()
        os.remove(path)
        at, _ = events.wait("reload", 60)
        delete_latencies.append((at - start) * 1000)
        time.sleep(0.05)
    if add_latencies:
        print("record added -> reload event: " + summary(add_latencies))
        print("record deleted -> reload event: " + summary(delete_latencies))

    override = os.path.join(site, "templates", "paper-card.mustache")
    os.makedirs(os.path.dirname(override), exist_ok=True)
    card = open(os.path.join(theme, "paper-card.mustache")).read()
    template_latencies, template_shown = [], []
    some_day = re.search(r"(?m)^day: (\S+)", open(records[0]).read()).group(1)
    for run in range(args.template_runs):
        start = atomic_write(override, card + "<!-- bench %d -->\n" % run)
        at, _ = events.wait("reload", 600)
        template_latencies.append((at - start) * 1000)
        if "<!-- bench %d -->" % run not in fetch("%sdays/%s/" % (base, some_day)):
            sys.exit("template run %d: the day page does not show the new card" % run)
        template_shown.append((time.perf_counter() - start) * 1000)
        time.sleep(0.05)
    if template_latencies:
        os.remove(override)
        events.wait("reload", 600)
    if template_latencies:
        print("template save -> reload event: " + summary(template_latencies))
        print("template save -> day page fetched: " + summary(template_shown))
    all_pages = [float(m.group(1)) for m in (re.search(r"Rebuilt \(allPages\).* in ([\d.]+) ms", l) for l in log) if m]
    if all_pages:
        print("  server-side update time:     " + summary(all_pages))

    print("peak memory (VmHWM): %d MB" % (memory(server.pid, "VmHWM") // 1024))
    server.send_signal(2)
    code = server.wait(timeout=30)
    print("Ctrl-C: exit code %d, last line: %s" % (code, server.stdout.read().strip().splitlines()[-1:]))


if __name__ == "__main__":
    main()
