#!/usr/bin/env python3
"""Fuzz the daybook executable's inputs, as a user feeds them: paper records, daybook.yml, Hugging
Face JSON, arXiv XML and listing text, mutated from real seeds and generated at random.

Usage: scripts/fuzz-inputs.py DAYBOOK [--cpu-minutes 60] [--seed 1] [--findings Tests/FuzzFindings]

Each round writes a batch of inputs and runs the command a user would run on them (`check` for a
site of records with a mutated config, `import … --dry-run` for imports). A finding is:
- a crash: the process died of a signal or with an exit code other than 0, 1 or 64;
- a hang: no exit within 60 s;
- an error without a position: a stderr line naming an input file with no `:line:column:` where
  the input has lines (reported separately; whole-file messages such as "cannot read" are allowed).
The input of each finding is saved under --findings (kept as a regression fixture). Outside the
test suite; prints a summary with the number of inputs tried.
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

BATCH = 25
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
POSITIONED = re.compile(r"^[^:]+:\d+:\d+: ")
SUMMARY = re.compile(r"^(check failed|build failed|Nothing imported|skipped |warning: |Error: |Usage: |  )")
INTERESTING = ["\\", "'", '"', ":", "-", "---", "{", "}", "[", "]", "$", "\\'{e}", "\n", "\r\n", "\t", " ", "#",
               "&", "<", ">", "\u00e9", "\u0000", "\ufeff", "\ud7ff", "1e309", "-1", "99999999999999999999",
               "null", "true", "2026-02-30", "0000-00-00", "\\u0000", "\"\"", "[]", "{}", "*", "~~", "`", "|"]


def mutate(rng, text):
    data = list(text)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        if not data:
            data = list(rng.choice(INTERESTING))
            continue
        i = rng.randrange(len(data))
        if op < 0.25:
            del data[i:i + rng.randint(1, 16)]
        elif op < 0.5:
            data[i:i] = list(rng.choice(INTERESTING))
        elif op < 0.65:
            j = rng.randrange(len(data))
            data[i:i] = data[j:j + rng.randint(1, 64)]
        elif op < 0.8:
            data[i] = chr(rng.choice([rng.randint(0, 127), rng.randint(0x80, 0x10FFFF)]))
            if 0xD800 <= ord(data[i]) <= 0xDFFF:
                data[i] = "?"
        elif op < 0.9:
            del data[i:]
        else:
            data = data * 2
    return "".join(data)


def random_bytes(rng):
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 512)))


def seeds():
    def read(pattern):
        return [open(p, encoding="utf-8", errors="replace").read() for p in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))]
    return {
        "record": read("Tests/Fixtures/**/*.md") + read("content/**/*.md")[:20],
        "config": read("Tests/Fixtures/*/daybook.yml") + read("daybook.yml"),
        "hf": read("Tests/Fixtures/**/*.json") + read("Tests/ImportFixtures/*.json"),
        "arxiv": read("Tests/ImportFixtures/*.xml"),
        "listing": [t[:6000] for t in read("Tests/ImportFixtures/*.txt")],
    }


def run(command, cwd):
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, timeout=60)
        status, stderr = result.returncode, result.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        status, stderr = "hang", ""
    end = resource.getrusage(resource.RUSAGE_CHILDREN)
    return status, stderr, (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("daybook")
    parser.add_argument("--cpu-minutes", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--findings", default=os.path.join(ROOT, "Tests", "FuzzFindings"))
    args = parser.parse_args()
    daybook = os.path.abspath(args.daybook)
    rng = random.Random(args.seed)
    corpus = seeds()
    cpu = 0.0
    tried = {kind: 0 for kind in corpus}
    crashes = []
    unpositioned = []
    runs = 0
    began = time.monotonic()
    work = tempfile.mkdtemp(prefix="daybook-fuzz-")
    try:
        while cpu < args.cpu_minutes * 60:
            kind = rng.choice(list(corpus))
            site = os.path.join(work, f"round-{runs}")
            os.makedirs(site)
            inputs = {}
            if kind in ("record", "config"):
                count = 40 if kind == "record" else 1
                for n in range(count):
                    text = mutate(rng, rng.choice(corpus["record"])) if kind == "record" else rng.choice(corpus["record"])
                    inputs[f"content/papers/2026-11-20/p{n}.md"] = text
                config = mutate(rng, rng.choice(corpus["config"])) if kind == "config" else "title: Fuzz\n"
                inputs["daybook.yml"] = config
                command = [daybook, "check"]
                tried[kind] += count if kind == "record" else 1
            else:
                # Many files per run (an import reads them all and reports every problem), so
                # process start-up does not dominate; a crash is then narrowed down from the batch.
                extension = {"hf": "json", "arxiv": "xml", "listing": "txt"}[kind]
                names = [f"input{n}.{extension}" for n in range(BATCH)]
                for name in names:
                    if rng.random() < 0.1:
                        inputs[name] = random_bytes(rng)
                    else:
                        inputs[name] = mutate(rng, rng.choice(corpus[kind]))
                command = [daybook, "import", kind, *names, "--dry-run"] + (["--day", "2025-12-29"] if kind == "listing" else [])
                tried[kind] += BATCH
            for path, content in inputs.items():
                full = os.path.join(site, path)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "wb") as handle:
                    handle.write(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
            status, stderr, used = run(command, site)
            cpu += used
            runs += 1
            keep = None
            if status == "hang" or status not in (0, 1, 64):
                crashes.append((kind, status, stderr.strip().splitlines()[-1:] if stderr else []))
                keep = "crash"
                if kind not in ("record", "config"):  # keep only the file that crashes on its own
                    for name in [n for n in inputs]:
                        alone, _, _ = run(command[:3] + [name] + command[3 + BATCH:], site)
                        if alone == "hang" or alone not in (0, 1, 64):
                            inputs = {name: inputs[name]}
                            command = command[:3] + [name] + command[3 + BATCH:]
                            for other in os.listdir(site):
                                if other != name:
                                    os.remove(os.path.join(site, other))
                            break
            else:
                for line in stderr.splitlines():
                    names_input = any(line.startswith(p + ":") for p in inputs)
                    if names_input and not POSITIONED.match(line) and not SUMMARY.match(line) \
                            and "cannot read" not in line:
                        unpositioned.append((kind, line[:200]))
                        keep = keep or "unpositioned"
            if keep:
                target = os.path.join(args.findings, f"{keep}-{kind}-{args.seed}-{runs}")
                shutil.copytree(site, target)
                with open(os.path.join(target, "COMMAND"), "w") as handle:
                    handle.write(" ".join(command[1:]) + f"\nstatus: {status}\n{stderr[-2000:]}")
            shutil.rmtree(site)
            if runs % 200 == 0:
                print(f"  {runs} runs, {sum(tried.values())} inputs, {cpu / 60:.1f} CPU min, "
                      f"{len(crashes)} crashes, {len(unpositioned)} unpositioned", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"fuzzed for {cpu / 60:.1f} CPU minutes ({(time.monotonic() - began) / 60:.1f} min wall), {runs} runs")
    print("inputs tried: " + ", ".join(f"{kind} {count}" for kind, count in tried.items()))
    print(f"crashes or hangs: {len(crashes)}")
    for crash in crashes[:20]:
        print(f"  {crash}")
    print(f"errors without a position: {len(unpositioned)}")
    for line in sorted(set(unpositioned))[:20]:
        print(f"  {line}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
