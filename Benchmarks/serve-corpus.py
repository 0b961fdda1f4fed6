#!/usr/bin/env python3
"""A small stand-in corpus generator for the serve benchmark (until generate-corpus.py is on main).

Usage: Benchmarks/serve-corpus.py OUT_DIR COUNT [--per-day N] [--seed N]

Writes OUT_DIR/daybook.yml and OUT_DIR/content/papers/<day>/<id>.md: COUNT records, PER_DAY a day
going back from 2026-11-20, each with 1-3 of 16 tags, a title, authors, upvotes and an abstract of
about 150 words. Deterministic for a seed.
"""
import argparse
import datetime
import os
import random

WORDS = ("model language learning training data neural network attention transformer diffusion vision "
         "reasoning agent benchmark scaling token retrieval alignment reward policy graph sparse efficient "
         "robust multimodal video audio speech code math proof latent contrastive inference memory").split()
TAGS = ["llm", "vision", "diffusion", "agents", "rl", "math", "speech", "robotics", "efficiency",
        "benchmark", "multimodal", "alignment", "retrieval", "code", "3d", "video"]
NAMES = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon", "Mei Lin", "Jonas Weber"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--per-day", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "daybook.yml"), "w") as f:
        f.write('title: "Benchmark Papers"\nbase_url: "https://example.org/papers/"\n')
    last = datetime.date(2026, 11, 20)
    for index in range(args.count):
        day = last - datetime.timedelta(days=index // args.per_day)
        paper_id = "%02d%02d.%05d" % (day.year % 100, day.month, index % 100000)
        folder = os.path.join(args.out, "content", "papers", day.isoformat())
        os.makedirs(folder, exist_ok=True)
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        tags = rng.sample(TAGS, rng.randint(1, 3))
        abstract = " ".join(rng.choice(WORDS) for _ in range(150)).capitalize() + "."
        authors = ", ".join(rng.sample(NAMES, 3))
        with open(os.path.join(folder, paper_id + ".md"), "w") as f:
            f.write('---\nid: "%s"\ntitle: "%s"\nauthors: [%s]\nday: %s\nupvotes: %d\ntags: [%s]\n---\n%s\n'
                    % (paper_id, title, authors, day.isoformat(), rng.randint(0, 300), ", ".join(tags), abstract))


if __name__ == "__main__":
    main()
