#!/usr/bin/env python3
"""Kill `daybook build` with SIGKILL at random moments of its write phase, then check that the next
build succeeds and leaves a site equal, byte for byte, to a clean build.

Usage: scripts/kill-during-write.py DAYBOOK [--papers 10000] [--kills 20] [--seed 1] [--work DIR]

Each round rebuilds the site with the other of two base URLs, so every page changes and the write
phase has work to do. The kill lands after the staging folder appears (the write phase has begun),
at a random delay up to the write phase's measured length. After each kill the script records
whether the output folder was mixed (some pages old, some new) and whether a journal was left,
then runs a normal build and compares the result with the clean reference build of that base URL.
Outside the test suite (it takes minutes); prints one line per kill and a summary.
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
URLS = ["https://a.example/papers/", "https://b.example/digest/"]


def tree(path):
    """relative path -> sha256 of every file below `path`, hidden top-level entries left out."""
    out = {}
    for root, dirs, files in os.walk(path):
        if root == path:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            files = [f for f in files if not f.startswith(".")]
        for name in files:
            full = os.path.join(root, name)
            with open(full, "rb") as handle:
                out[os.path.relpath(full, path)] = hashlib.sha256(handle.read()).hexdigest()
    return out


def build(daybook, site, url, output="site"):
    return subprocess.run([daybook, "build", "--base-url", url, "--output", output], cwd=site,
                          capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("daybook")
    parser.add_argument("--papers", type=int, default=10000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work")
    args = parser.parse_args()
    daybook = os.path.abspath(args.daybook)
    rng = random.Random(args.seed)
    work = args.work or tempfile.mkdtemp(prefix="daybook-kill-")
    site = os.path.join(work, "site-root")
    if not os.path.isdir(os.path.join(site, "content")):
        subprocess.run([sys.executable, os.path.join(HERE, "..", "Benchmarks", "generate-corpus.py"), site,
                        str(args.papers)], check=True, stdout=subprocess.DEVNULL)
    references = []
    for index, url in enumerate(URLS):
        result = build(daybook, site, url, output=f"reference-{index}")
        if result.returncode != 0:
            sys.exit(f"reference build failed: {result.stderr}")
        references.append(tree(os.path.join(site, f"reference-{index}")))
    shutil.rmtree(os.path.join(site, "site"), ignore_errors=True)
    start = time.monotonic()
    if build(daybook, site, URLS[0]).returncode != 0:
        sys.exit("first build failed")
    print(f"corpus: {args.papers} papers, {len(references[0])} files; clean build {time.monotonic() - start:.1f} s")

    current = 0
    staging = os.path.join(site, ".site.staging")
    journal = os.path.join(site, ".site.journal")
    write_phase = 3.0
    mixed_after_kill = journals = failures = 0
    for kill in range(1, args.kills + 1):
        target = 1 - current
        process = subprocess.Popen([daybook, "build", "--base-url", URLS[target]], cwd=site,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not os.path.exists(staging) and process.poll() is None:
            time.sleep(0.002)
        began = time.monotonic()
        delay = rng.uniform(0, write_phase)
        while time.monotonic() - began < delay and process.poll() is None:
            time.sleep(0.002)
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait()
        if finished:
            write_phase = max(0.5, time.monotonic() - began)
        had_journal = os.path.exists(journal)
        after = tree(os.path.join(site, "site"))
        old = sum(1 for path, digest in after.items() if references[current].get(path) == digest and
                  references[target].get(path) != digest)
        new = sum(1 for path, digest in after.items() if references[target].get(path) == digest and
                  references[current].get(path) != digest)
        mixed = old > 0 and new > 0
        mixed_after_kill += mixed
        journals += had_journal
        result = build(daybook, site, URLS[target])
        equal = result.returncode == 0 and tree(os.path.join(site, "site")) == references[target]
        leftovers = [name for name in (".site.staging", ".site.journal") if os.path.exists(os.path.join(site, name))]
        ok = equal and not leftovers
        failures += not ok
        state = "finished before the kill" if finished else f"killed at {delay:.2f} s"
        print(f"kill {kill:2}: {state}; after it {old} old + {new} new pages{' (mixed)' if mixed else ''}, "
              f"journal {'left' if had_journal else 'none'}; next build exit {result.returncode}, "
              f"{'equal to a clean build' if equal else 'DIFFERENT from a clean build'}"
              f"{'; leftovers ' + ', '.join(leftovers) if leftovers else ''}")
        current = target
    print(f"{args.kills} kills: {mixed_after_kill} left the folder mixed, {journals} left a journal; "
          f"{args.kills - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
