"""Draw a fresh coding sample for the attribution test bed: new SaudiNewsNet articles, disjoint
from the 86 of ``sample.csv`` and from the earlier out-of-sample rounds.

Why: the dev split has been read and tuned on for two rounds; a fresh sample, coded by hand
before the system is run on it, gives one more unseen measurement, and afterwards more
development material (the frozen test split is never reused for tuning).

The procedure (``python validation/attributions/sample_fresh.py [ROUND]`` rewrites
``sample_fresh.csv`` (round 1) or ``sample_fresh2.csv`` (round 2) identically from the same
corpus file):

1. Pool: as in ``sample.py`` (first of each duplicate text, not in the earlier rounds),
   less the articles of ``sample.csv`` and of the earlier fresh samples, and 80 to 900 words
   (a cap so that a coder can read each article whole in one sitting; ``sample.py``'s
   ``long`` stratum covers longer ones).
2. One article per outlet (14), then top-ups with ``sample.py``'s surface proxies:
   ``multi_speaker`` 8, ``media`` 3, ``other_beats`` 3; seed ``SEEDS[ROUND]``; split
   ``fresh`` (round 1) or ``fresh2`` (round 2).

Round 1 was coded and scored once, then became development material (issue 14's third
round tunes on dev + fresh); round 2 is the unseen check of that round.
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample import CORPUS, HERE, in_stratum, read_pool, write_sample  # noqa: E402

SEEDS = {1: 2027, 2: 2028}
TOP_UPS = (("multi_speaker", 8), ("media", 3), ("other_beats", 3))
MAX_WORDS = 900


def draw(pool: list[dict], seed: int, split: str) -> list[dict]:
    rng = random.Random(seed)
    chosen: list[dict] = []
    taken: set[str] = set()
    for outlet in sorted({d["outlet"] for d in pool}):
        members = [d for d in pool if d["outlet"] == outlet]
        d = rng.choice(members)
        chosen.append({**d, "stratum": "outlet", "split": split})
        taken.add(d["doc_id"])
    for name, k in TOP_UPS:
        members = [d for d in pool if d["doc_id"] not in taken
                   and in_stratum(name, d["title"], d["text"], d["words"])]
        for d in rng.sample(members, k):
            chosen.append({**d, "stratum": name, "split": split})
            taken.add(d["doc_id"])
    return sorted(chosen, key=lambda d: d["doc_id"])


def sample_name(round_: int) -> str:
    return "sample_fresh.csv" if round_ == 1 else f"sample_fresh{round_}.csv"


def main(argv: list[str]) -> int:
    round_ = int(argv[0]) if argv else 1
    if round_ not in SEEDS:
        print(f"error: round must be one of {sorted(SEEDS)}", file=sys.stderr)
        return 2
    if not CORPUS.exists():
        print(f"error: {CORPUS} not found (SaudiNewsNet lives in ../shared, beside the project)", file=sys.stderr)
        return 1
    drawn: set[str] = set()
    for name in ["sample.csv"] + [sample_name(r) for r in SEEDS if r < round_]:
        with (HERE / name).open(encoding="utf-8", newline="") as fh:
            drawn |= {r["doc_id"] for r in csv.DictReader(fh)}
    pool = [d for d in read_pool(CORPUS) if d["doc_id"] not in drawn and len(d["words"]) <= MAX_WORDS]
    rows = draw(pool, SEEDS[round_], "fresh" if round_ == 1 else f"fresh{round_}")
    out = HERE / sample_name(round_)
    digest = write_sample(rows, out)
    print(f"{out}: {len(rows)} articles, {len({d['outlet'] for d in rows})} outlets, "
          f"{sum(len(d['words']) for d in rows)} words; sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
