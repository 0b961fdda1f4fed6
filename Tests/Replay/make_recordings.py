#!/usr/bin/env python3
"""Writes the recorded responses under recordings/ (run from anywhere; output is deterministic).

There is no network here, so the recordings are crafted from the shared real samples
(Tests/ImportFixtures/hf-daily-papers.sample.json, arxiv-api.sample.xml) and the formats notes
(/work/shared/formats/README.md): the same fields, nesting, hard wraps and quirks, with ids,
titles, authors and counts varied by a seeded generator to the size of a real day. See README.md.
"""
import copy
import json
import os
import random
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "recordings")
SAMPLES = os.path.join(HERE, "..", "ImportFixtures")
rng = random.Random(13)

WORDS = ("adaptive sparse attention retrieval reasoning alignment multilingual tokenizer scaling "
         "distillation preference diffusion agents benchmark long-context memory speculative decoding "
         "quantization mixture experts curriculum reward verifier synthetic data contrastive").split()
NAMES = ("Ada Lovelace|Alan Turing|Grace Hopper|Edsger Dijkstra|Barbara Liskov|Donald Knuth|Frances Allen|"
         "Leslie Lamport|Shafi Goldwasser|Judea Pearl|Yoshua Bengio|Fei-Fei Li|José Ramírez|Zoë Kravitz|"
         "Søren Kierkegaard|Mei Chen|Arjun Patel|Olúwáṣeun Adé|Hana Novák|Luca Rossi").split("|")


def title():
    words = rng.sample(WORDS, rng.randint(4, 8))
    return " ".join(words).capitalize() + (": " + rng.choice(WORDS).capitalize() if rng.random() < 0.3 else "")


def authors(n=None):
    return rng.sample(NAMES, n or rng.randint(1, 8))


def abstract():
    sentences = []
    for _ in range(rng.randint(3, 6)):
        s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()
        if rng.random() < 0.25:
            s += " in $O(n \\log n)$ time"
        sentences.append(s + ".")
    text = " ".join(sentences)
    # Hard-wrapped as on arXiv.
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) + 1 > 78:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    lines.append(line)
    return "\n".join(lines)


def hard_wrap_title(t):
    return t if len(t) < 60 else t[:t.rfind(" ", 0, 60)] + "\n  " + t[t.rfind(" ", 0, 60) + 1:]


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


with open(os.path.join(SAMPLES, "hf-daily-papers.sample.json"), encoding="utf-8") as f:
    HF_SAMPLE = json.load(f)


def hf_item(paper_id, day, schema, upvotes):
    """One daily-papers item shaped like the sample, in the schema of its year."""
    item = copy.deepcopy(HF_SAMPLE[0])
    paper = item["paper"]
    t = title()
    names = authors()
    paper.update({
        "id": paper_id, "title": hard_wrap_title(t), "summary": abstract(), "upvotes": float(upvotes) if upvotes % 7 == 0 else upvotes,
        "authors": [{"_id": "%024x" % rng.getrandbits(96), "name": n, "hidden": i == 2 and len(names) > 4}
                    for i, n in enumerate(names)],
        "publishedAt": f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00.000Z",
    })
    item.update({"title": t, "summary": paper["summary"], "numComments": rng.randint(0, 9)})
    if schema == "2024-early":
        paper = {k: paper[k] for k in ("id", "authors", "publishedAt", "title", "summary", "upvotes")}
        item = {"paper": paper, "publishedAt": f"{day}T09:{rng.randint(10, 59)}:00.000Z", "title": t,
                "mediaUrl": None, "numComments": item["numComments"]}
        return item
    paper["submittedOnDailyAt"] = f"{day}T00:00:00.000Z" if schema == "2026" else f"{day}T{rng.randint(0, 20):02d}:14:20.973Z"
    item["publishedAt"] = paper["submittedOnDailyAt"]
    if rng.random() < 0.4:
        paper["githubRepo"] = rng.choice([f"https://github.com/lab{rng.randint(1, 99)}/{paper_id.replace('.', '-')}",
                                          f"lab{rng.randint(1, 99)}/code-{paper_id[-3:]}",
                                          f"https://github.com/org/repo{paper_id[-2:]}/"])
        paper["githubStars"] = rng.randint(0, 900)
    elif rng.random() < 0.1:
        paper["githubStars"] = 0  # stars without a repo happen
    if rng.random() < 0.2:
        paper["projectPage"] = f"https://{paper_id.replace('.', '-')}.github.io/"
    if rng.random() < 0.3:
        paper["organization"] = {"_id": "%024x" % rng.getrandbits(96), "name": "acme", "fullname": "Acme Labs",
                                 "avatar": "/avatars/acme.svg"}
    if schema == "2026":
        paper["ai_summary_model"] = "Qwen/Qwen3-235B-A22B"
        if "githubRepo" in paper:
            paper["githubRepoAddedBy"] = "user"
    return item


def hf_day(day, count, schema, id_base):
    items = [hf_item(f"{id_base}{i:04d}", day, schema, rng.randint(0, 180)) for i in range(count)]
    rng.shuffle(items)  # not sorted by upvotes, as on the site
    return items


# A real day (Tuesday 2026-12-01): 48 papers, 2026 schema, one page.
hf_today = hf_day("2026-12-01", 48, "2026", "2611.2")
write("hf-2026-12-01.json", json.dumps(hf_today, indent=1, ensure_ascii=False))
# Truncated in the middle of an item (a proxy cut the body short).
full = json.dumps(hf_today, indent=1, ensure_ascii=False).encode("utf-8")
write("hf-2026-12-01-truncated.json", full[: int(len(full) * 0.6)])
# A busy 2025 day: 105 papers over two pages of 100.
busy = hf_day("2025-09-08", 105, "2025", "2509.1")
write("hf-2025-09-08-p0.json", json.dumps(busy[:100], indent=1, ensure_ascii=False))
write("hf-2025-09-08-p1.json", json.dumps(busy[100:], indent=1, ensure_ascii=False))
# Early 2024: no submittedOnDailyAt; the featured day is the requested date.
for day, n in (("2024-03-04", 9), ("2024-03-05", 12), ("2024-03-06", 11)):
    write(f"hf-{day}.json", json.dumps(hf_day(day, n, "2024-early", "2403.0" + day[-1]), indent=1, ensure_ascii=False))
write("hf-empty.json", "[]")

# arXiv announcement RSS for cs.CL+cs.LG on 2026-12-01.
RSS_HEAD = """<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>{title}</title>
    <link>http://rss.arxiv.org/rss/{query}</link>
    <description>{title_plain} updates on the arXiv.org e-print archive.</description>
    <atom:link href="https://rss.arxiv.org/rss/{query}" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>{pub}</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
{pubdate}    <skipDays>
      <day>Saturday</day>
      <day>Sunday</day>
    </skipDays>
"""


def rss_item(paper_id, kind, cats, pub, version=1):
    names = authors()
    creator = ", ".join(names) if len(names) < 3 or rng.random() < 0.7 else ", ".join(names[:-1]) + ", and " + names[-1]
    t = title()
    if rng.random() < 0.1:
        t += " with Caf\\'{e} Priors"
    doi = f"\n      <arxiv:DOI>10.48550/arXiv.{paper_id}</arxiv:DOI>" if kind.startswith("replace") and rng.random() < 0.5 else ""
    journal = "\n      <arxiv:journal_reference>Proc. ACL 2026</arxiv:journal_reference>" if doi and rng.random() < 0.5 else ""
    categories = "".join(f"      <category>{c}</category>\n" for c in cats)
    return f"""    <item>
      <title>{escape(t)}</title>
      <link>https://arxiv.org/abs/{paper_id}</link>
      <description>arXiv:{paper_id}v{version} Announce Type: {kind} 
Abstract: {escape(abstract())}</description>
      <guid isPermaLink="false">oai:arXiv.org:{paper_id}v{version}</guid>
{categories}      <pubDate>{pub}</pubDate>
      <arxiv:announce_type>{kind}</arxiv:announce_type>
      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>
      <dc:creator>{escape(creator)}</dc:creator>{doi}{journal}
    </item>
"""


def rss(query, pub, items, title=None):
    t = title or f"{query.replace('+', ', ')} updates on arXiv.org"
    head = RSS_HEAD.format(title=escape(t), title_plain=escape(query), query=query, pub=pub or "Mon, 30 Nov 2026 20:00:00 -0500",
                           pubdate=f"    <pubDate>{pub}</pubDate>\n" if pub else "")
    return head + "".join(items) + "  </channel>\n</rss>\n"


pub = "Tue, 01 Dec 2026 00:00:00 -0500"
items = []
hf_ids = [item["paper"]["id"] for item in hf_today]
overlap = set(rng.sample(hf_ids, 12))
for i in range(320):
    paper_id = sorted(overlap)[i] if i < len(overlap) else f"2611.3{i:04d}"
    kind = "new" if i < 230 else "cross"
    cats = ["cs.CL", "cs.AI"] if i % 2 else ["cs.LG", "stat.ML"]
    if kind == "cross":
        cats = ["cs.CV", "cs.LG"]
    items.append(rss_item(paper_id, kind, cats, pub))
for i in range(150):
    # The first two are papers the test site already has (Tests/Replay/README.md).
    paper_id = ["2509.04664", "2408.11029"][i] if i < 2 else f"2{rng.randint(401, 610)}.{rng.randint(1, 29999):05d}"
    items.append(rss_item(paper_id, "replace" if i % 3 else "replace-cross", ["cs.CL"], pub, version=rng.randint(2, 5)))
write("arxiv-rss-2026-12-01.xml", rss("cs.CL+cs.LG", pub, items))
write("arxiv-rss-empty.xml", rss("cs.CL+cs.LG", None, []))
write("arxiv-rss-error.xml", rss("cs.XX", None, [], title="Feed error for query: cs.XX"))

# arXiv API pages for cs.CL papers submitted 2024-03-04 to 2024-03-06 (360: pages of 200).
with open(os.path.join(SAMPLES, "arxiv-api.sample.xml"), encoding="utf-8") as f:
    sample = f.read()
feed_head = sample[: sample.index("<entry>")].rstrip() + "\n"
def atom_entry(paper_id, day):
    names = authors()
    author_lines = "".join(f"    <author><name>{escape(n)}</name></author>\n" for n in names)
    stamp = f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
    return f"""  <entry>
    <id>http://arxiv.org/abs/{paper_id}v1</id>
    <updated>{stamp}</updated>
    <published>{stamp}</published>
    <title>{escape(hard_wrap_title(title()))}</title>
    <summary>  {escape(abstract())}
</summary>
{author_lines}    <link href="http://arxiv.org/abs/{paper_id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/{paper_id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
"""
entries = [atom_entry(f"2403.0{2000 + i:04d}", ["2024-03-04", "2024-03-05", "2024-03-06"][i // 120]) for i in range(360)]
for page, chunk in enumerate((entries[:200], entries[200:])):
    head = feed_head.replace("<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">3<",
                             "<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">360<")
    write(f"arxiv-api-2024-03-04-to-06-p{page}.xml", head + "".join(chunk) + "</feed>\n")
write("arxiv-api-error.xml", feed_head + """  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2026-12-01T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>
""")
print("wrote", len(os.listdir(OUT)), "recordings to", OUT)
