"""Writes a JSONL corpus of stories for `crosscheck batch` and the Spark example: each line one
source with a "story" field, built from the example articles in www/examples/.

    python make_corpus.py OUT.jsonl [--mb 100] [--seed 1]

Each story has 3 to 6 sources; each source is 10 to 40 of the articles' lines, drawn for that
story, with its numbers and days varied, so stories differ from each other. Lines of nearby
stories are interleaved, as in a feed. The same arguments give the same bytes.
"""

import argparse
import json
import pathlib
import random
import re

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "www" / "examples"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Daily", "Courier", "Wire", "Herald", "Gazette", "Zeitung für Zoë", "Post", "Times"]


def lines():
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        out += [l for l in path.read_text(encoding="utf-8").splitlines() if len(l.split()) >= 4]
    return out


def vary(line, rng, shift):
    line = re.sub(r"\d+", lambda m: str(int(m.group()) + shift), line)
    return re.sub("|".join(DAYS), lambda m: DAYS[(DAYS.index(m.group()) + shift) % 7], line)


def stories(rng, pool):
    n = 0
    while True:
        n += 1
        shift = rng.randrange(1, 50)
        chosen = rng.sample(pool, 60)
        sources = []
        for k in range(rng.randint(3, 6)):
            body = [vary(l, rng, shift) for l in rng.sample(chosen, rng.randint(10, 40))]
            outlet = OUTLETS[(n + k) % len(OUTLETS)]
            sources.append({"story": f"story-{n:06d}", "id": f"s{k + 1}", "name": outlet, "text": "\n".join(body)})
        yield sources


def main(argv=None):
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("out")
    args.add_argument("--mb", type=float, default=100.0)
    args.add_argument("--seed", type=int, default=1)
    a = args.parse_args(argv)
    rng = random.Random(a.seed)
    pool = lines()
    limit = int(a.mb * 1e6)
    written = 0
    gen = stories(rng, pool)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        while written < limit:
            # Eight stories at a time, their lines shuffled together.
            batch = [row for _ in range(8) for row in next(gen)]
            rng.shuffle(batch)
            for row in batch:
                line = json.dumps(row, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))


if __name__ == "__main__":
    main()
