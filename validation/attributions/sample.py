"""Draw the attribution test bed's sample from SaudiNewsNet: seeded, stratified, documented.

The procedure (run ``python validation/attributions/sample.py``; it rewrites ``sample.csv``
identically from the same corpus file):

1. Pool: every article of ``../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz`` with
   non-empty text, the first of each duplicate text (whitespace ignored), 80 to 3,000 words,
   and not among the 90 articles judged in the earlier out-of-sample rounds
   (``validation/saudinewsnet_sample_round*.csv``: the rules were revised after reading
   them, so they are development material, not unseen text).
2. Base stratum ``outlet``: two articles per outlet (14 outlets), uniformly at random.
3. Top-up strata, each drawn uniformly at random from the pool less what is drawn already.
   Membership is decided by *surface proxies written here*, independent of the project's
   attribution rules (the hand coding later tells which articles really qualify):
   - ``multi_speaker`` (26): at least three reporting-verb tokens from a short fixed list
     and at least one politics/security/diplomacy keyword;
   - ``media`` (10): a media noun (agency, newspaper, channel, website) within three words
     after an according-to or transmission word;
   - ``long`` (12): over 600 words;
   - ``other_beats`` (10): an economy, sport, culture or health keyword in the title and at
     least one reporting-verb token.
4. Split: within each stratum, a third of the articles (rounded up) go to ``test`` at
   random, the rest to ``dev``. The split is frozen once committed (README.md beside this
   file gives the hash of the test split's files).

Only ids, outlets, word counts and labels are written: no article text.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
import math
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
SEED = 2026

# Proxies for the top-up strata (Arabic words with English glosses). They only choose which
# articles to read; they are not rules of the system and are never scored.
REPORT_VERBS = {  # said, confirmed, added, explained, pointed out, stated (3rd person, with و/ف)
    w for base in ("قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "أوضح", "أوضحت",
                   "أشار", "أشارت", "صرح", "صرحت")
    for w in (base, "و" + base, "ف" + base)
}
POLITICS = ("وزير", "الوزير", "الخارجية", "الداخلية", "السفير", "الحكومة", "الأمن", "الأمنية",
            "الرئيس", "مجلس", "الأمم المتحدة", "المتحدث")  # minister, foreign affairs, interior,
            # ambassador, government, security, president, council, United Nations, spokesman
MEDIA_RE = re.compile(  # according to / reported / quoted from ... agency, newspaper, channel, site
    r"(?:وفق|وفقا|بحسب|حسب|نقلا عن|نقلت|ذكرت|أفادت|أوردت)\s+(?:\S+\s+){0,2}?"
    r"(?:وكالة|لوكالة|صحيفة|لصحيفة|قناة|لقناة|موقع|لموقع|وكالات)")
BEATS = ("اقتصاد", "الاقتصاد", "الأسهم", "السوق", "شركة", "النفط", "مباراة", "الدوري", "نادي",
         "النادي", "المنتخب", "مهرجان", "معرض", "الثقافة", "ثقافي", "الصحة", "مستشفى", "المرضى",
         "فيروس")  # economy, shares, market, company, oil, match, league, club, national team,
         # festival, exhibition, culture, health, hospital, patients, virus
TOP_UPS = (("multi_speaker", 26), ("media", 10), ("long", 12), ("other_beats", 10))
COLUMNS = ("doc_id", "outlet", "n_words", "stratum", "split")


def _words(text: str) -> list[str]:
    return text.split()


def in_stratum(name: str, title: str, text: str, words: list[str]) -> bool:
    n_verbs = sum(w.strip("،,.:؛") in REPORT_VERBS for w in words)
    if name == "multi_speaker":
        return n_verbs >= 3 and any(k in text for k in POLITICS)
    if name == "media":
        return MEDIA_RE.search(text) is not None
    if name == "long":
        return len(words) > 600
    if name == "other_beats":
        return n_verbs >= 1 and any(k in title for k in BEATS)
    raise ValueError(name)


def read_pool(path: Path) -> list[dict]:
    excluded = set()
    for f in sorted((ROOT / "validation").glob("saudinewsnet_sample_round*.csv")):
        with f.open(encoding="utf-8", newline="") as fh:
            excluded |= {r["doc_id"] for r in csv.DictReader(fh)}
    seen, pool = set(), []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            text = obj.get("text") or ""
            key = " ".join(text.split())
            if not key or key in seen:
                continue
            seen.add(key)
            words = _words(text)
            if not 80 <= len(words) <= 3000 or str(obj["id"]) in excluded:
                continue
            pool.append({"doc_id": str(obj["id"]), "outlet": obj["outlet"], "title": obj.get("title") or "",
                         "text": text, "words": words})
    return pool


def draw(pool: list[dict], seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    chosen: list[dict] = []
    taken: set[str] = set()
    for outlet in sorted({d["outlet"] for d in pool}):
        members = [d for d in pool if d["outlet"] == outlet]
        for d in rng.sample(members, min(2, len(members))):
            chosen.append({**d, "stratum": "outlet"})
            taken.add(d["doc_id"])
    for name, k in TOP_UPS:
        members = [d for d in pool if d["doc_id"] not in taken
                   and in_stratum(name, d["title"], d["text"], d["words"])]
        for d in rng.sample(members, k):
            chosen.append({**d, "stratum": name})
            taken.add(d["doc_id"])
    for name in ["outlet"] + [n for n, _ in TOP_UPS]:
        members = sorted((d for d in chosen if d["stratum"] == name), key=lambda d: d["doc_id"])
        test = set(d["doc_id"] for d in rng.sample(members, math.ceil(len(members) / 3)))
        for d in members:
            d["split"] = "test" if d["doc_id"] in test else "dev"
    return sorted(chosen, key=lambda d: (d["split"], d["doc_id"]))


def write_sample(rows: list[dict], out: Path) -> str:
    """Write the drawn rows (ids, outlets, word counts and labels only); their SHA-256."""
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        for d in rows:
            w.writerow([d["doc_id"], d["outlet"], len(d["words"]), d["stratum"], d["split"]])
    return hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> int:
    if not CORPUS.exists():
        print(f"error: {CORPUS} not found (SaudiNewsNet lives in ../shared, beside the project)", file=sys.stderr)
        return 1
    rows = draw(read_pool(CORPUS))
    out = HERE / "sample.csv"
    digest = write_sample(rows, out)
    n_test = sum(d["split"] == "test" for d in rows)
    print(f"{out}: {len(rows)} articles ({len(rows) - n_test} dev, {n_test} test), "
          f"{len({d['outlet'] for d in rows})} outlets; sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
