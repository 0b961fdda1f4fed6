#!/usr/bin/env python3
"""Generate a Daybook site with COUNT synthetic paper records, for benchmarks.

Usage: Benchmarks/generate-corpus.py OUT_DIR COUNT [--seed N] [--per-day N]

Writes OUT_DIR/daybook.yml and OUT_DIR/content/papers/<day>/<id>.md, and a Hugo site of the
same papers in OUT_DIR/hugo/ (same number of pages, for comparison). Deterministic for a seed.
"""
import argparse
import datetime
import os
import random

WORDS = ("model language learning training data neural network attention transformer diffusion "
         "vision reasoning agent benchmark scaling token retrieval alignment reward policy graph "
         "sparse efficient robust multimodal video audio speech code math proof latent contrastive "
         "self supervised fine tuning quantization distillation inference memory context long").split()
TAGS = ["llm", "vision", "diffusion", "agents", "rl", "math", "speech", "robotics", "efficiency",
        "benchmark", "multimodal", "alignment", "retrieval", "code", "3d", "video"]
NAMES = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon", "Mei Lin", "Jonas Weber",
         "Ana Souza", "Yuki Tanaka", "Priya Patel", "Omar Haddad", "Lena Novak", "Chen Wei"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-day", type=int, default=25)
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "daybook.yml"), "w") as f:
        f.write('title: "Benchmark Papers"\nbase_url: "https://example.org/papers/"\n')
    if not args.no_hugo:
        os.makedirs(os.path.join(args.out, "hugo", "content", "papers"), exist_ok=True)
        os.makedirs(os.path.join(args.out, "hugo", "layouts", "_default"), exist_ok=True)
        with open(os.path.join(args.out, "hugo", "hugo.toml"), "w") as f:
            f.write('baseURL = "https://example.org/papers/"\ntitle = "Benchmark Papers"\n'
                    'disableKinds = []\n[taxonomies]\ntag = "tags"\n')
        layouts = os.path.join(args.out, "hugo", "layouts", "_default")
        page = ('<!DOCTYPE html><html lang="en"><head><title>{{ .Title }}</title></head><body>'
                '<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n')
        lst = ('<!DOCTYPE html><html lang="en"><head><title>{{ .Title }}</title></head><body><main>'
               '<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
               '{{ .Summary }}</li>{{ end }}</ol></main></body></html>\n')
        for name, text in (("single.html", page), ("list.html", lst)):
            with open(os.path.join(layouts, name), "w") as f:
                f.write(text)
    start = datetime.date(2026, 11, 20)
    for i in range(args.count):
        day = start - datetime.timedelta(days=i // args.per_day)
        yymm = f"{day.year % 100:02d}{day.month:02d}"
        pid = f"{yymm}.{i:05d}" if i < 100000 else f"paper-{i}"
        title = sentence(rng, rng.randint(5, 12))[:-1]
        authors = rng.sample(NAMES, rng.randint(1, 6))
        tags = rng.sample(TAGS, rng.randint(1, 3))
        paras = [sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(4, 9))]
        if i % 7 == 0:
            paras.append("We minimise $L(\\theta) = \\sum_i \\ell(x_i)$ over *all* inputs.")
        abstract = " ".join(paras)
        upvotes = rng.randint(0, 300)
        published = day - datetime.timedelta(days=rng.randint(1, 10))
        folder = os.path.join(args.out, "content", "papers", day.isoformat())
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, pid + ".md"), "w") as f:
            f.write("---\n")
            f.write(f'id: "{pid}"\ntitle: "{title}"\n')
            f.write("authors: [" + ", ".join(authors) + "]\n")
            f.write(f"day: {day.isoformat()}\npublished: {published.isoformat()}\nupvotes: {upvotes}\n")
            f.write("tags: [" + ", ".join(tags) + "]\n---\n")
            f.write(abstract + "\n")
        if not args.no_hugo:
            with open(os.path.join(args.out, "hugo", "content", "papers", pid + ".md"), "w") as f:
                f.write(f'---\ntitle: "{title}"\ndate: {day.isoformat()}\n')
                f.write("tags: [" + ", ".join(tags) + "]\n---\n" + abstract + "\n")


if __name__ == "__main__":
    main()
