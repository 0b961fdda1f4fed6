#!/usr/bin/env python3
"""The daily job on a generated corpus: a cached build, one more day of papers, a cached build again.

Usage: Benchmarks/daily-job.py DAYBOOK CORPUS [--output DIR] [--papers 25] [--runs 1]

Each run removes the added day if an earlier run left it, builds CORPUS into DIR (default
CORPUS/site; the build cache keeps one manifest per output folder, so give each binary its own
folder), adds a day of papers (as `add_day` in compare-hugo.py, without the Hugo copy), builds
again and prints that build's summary (pages rendered, files written, stage times), its wall and CPU time
and the files it wrote by section (modified since it started; unchanged files keep their time),
then removes the day again, so the corpus is left as it was (its next build renders the day away).
"""
import argparse
import importlib.util
import os
import resource
import shutil
import subprocess
import time

_spec = importlib.util.spec_from_file_location("compare_hugo", os.path.join(os.path.dirname(__file__), "compare-hugo.py"))
compare_hugo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_hugo)
NEW_DAY = compare_hugo.NEW_DAY


def build(daybook, corpus, output):
    """The build's wall time, its CPU time (user + system, every thread) and its summary."""
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([daybook, "build", "--output", output], cwd=corpus, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return wall, cpu, result.stdout + result.stderr


def written_since(output, start):
    """Files under `output` modified at or after `start`, counted by section (tag pages apart)."""
    sections = {}
    for folder, _, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            if os.stat(path).st_mtime < start:
                continue
            parts = os.path.relpath(path, output).split(os.sep)
            section = parts[0] if len(parts) > 1 else "(top)"
            if section == "tags" and name == "index.html" and len(parts) > 2:
                section = "tags (numbered pages)" if "page" in parts else "tags (heads and index)"
            sections[section] = sections.get(section, 0) + 1
    return ", ".join(f"{key} {value}" for key, value in sorted(sections.items()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("daybook")
    parser.add_argument("corpus")
    parser.add_argument("--output")
    parser.add_argument("--papers", type=int, default=25)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    daybook, corpus = os.path.abspath(args.daybook), os.path.abspath(args.corpus)
    output = os.path.abspath(args.output or os.path.join(corpus, "site"))
    folder = os.path.join(corpus, "content", "papers", NEW_DAY.isoformat())
    for run in range(args.runs):
        shutil.rmtree(folder, ignore_errors=True)
        wall, _, _ = build(daybook, corpus, output)
        print(f"run {run + 1}: without the day {wall:.2f} s", flush=True)
        compare_hugo.add_day(corpus, args.papers, hugo=False)
        time.sleep(1)
        start = time.time() - 0.05  # file times lag the clock by up to a tick
        wall, cpu, text = build(daybook, corpus, output)
        print(f"run {run + 1}: with one more day of {args.papers} papers {wall:.2f} s ({cpu:.2f} s CPU)\n{text}"
              f"written by section: {written_since(output, start)}\n", flush=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
