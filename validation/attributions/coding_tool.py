"""The coders' tool for the attribution test bed: show an article with offsets, turn a
working coding (token spans) into the committed offset-only files, and check them.

Coders never run the project's attribution code: this tool only reads the corpus text.

    python coding_tool.py show DOC_ID [DOC_ID ...]     # text, each token as OFFSET:token
    python coding_tool.py find DOC_ID STRING            # every occurrence of STRING, with offsets
    python coding_tool.py check WORKDIR                 # validate WORKDIR/{sources,acts}.csv, print each row's strings
    python coding_tool.py convert WORKDIR OUTDIR CODER  # write OUTDIR/{sources,acts}.csv with character offsets
    python coding_tool.py assemble OVERLAP CODER=WORKDIR ...  # write dev/, test/ and agreement/ beside this file

``assemble`` takes every coder's working files; for the articles listed in OVERLAP
(``doc_id, coder_a, coder_b``: coded twice, independently) coder A's coding goes to the
split and coder B's to ``agreement/``; every other article must be coded by exactly one coder.

Working files (in the coder's own folder, never in the repository), spans written as
``A..B`` where A is the offset of the span's first token and B the offset of its last token
(as ``show`` prints them; ``A`` alone for a one-token span):

* ``sources.csv``: doc_id, source, speaker, mentions, speaker_type, speaker_country, note
  (speaker: the span of the fullest mention; mentions: other spans naming the same source,
  separated by spaces; source: S1, S2 … unique within the document)
* ``acts.csv``: doc_id, act, cue, clause, source, mode, via, note
  (act: 1, 2 … in text order within the document; via: a span or empty)
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"

# A token: a run of word characters with Arabic diacritics and tatweel inside it, or one
# other non-space character (punctuation, quotation marks).
TOKEN_RE = re.compile(r"(?:\w|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+|[^\w\s]")
SPEAKER_TYPES = ("official", "international_org", "expert", "anonymous", "media", "other")
MODES = ("direct", "indirect")
SOURCE_COLUMNS = ("doc_id", "source", "speaker", "mentions", "speaker_type", "speaker_country", "note")
ACT_COLUMNS = ("doc_id", "act", "cue", "clause", "source", "mode", "via", "note")
OUT_SOURCE_COLUMNS = ("doc_id", "source", "speaker_start", "speaker_end", "mentions",
                      "speaker_type", "speaker_country", "coder", "note")
OUT_ACT_COLUMNS = ("doc_id", "act", "cue_start", "cue_end", "clause_start", "clause_end", "source",
                   "mode", "via_start", "via_end", "coder", "note")


@lru_cache(maxsize=1)
def sample_ids() -> frozenset[str]:
    """Every drawn article: the dev and test sample and the fresh samples drawn later."""
    ids: set[str] = set()
    for path in sorted(HERE.glob("sample*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            ids |= {r["doc_id"] for r in csv.DictReader(fh)}
    return frozenset(ids)


@lru_cache(maxsize=1)
def texts() -> dict[str, str]:
    wanted, out = sample_ids(), {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if str(obj["id"]) in wanted and str(obj["id"]) not in out:
                out[str(obj["id"])] = obj["text"]
    return out


def tokens(text: str) -> dict[int, int]:
    """Start offset → end offset of every token."""
    return {m.start(): m.end() for m in TOKEN_RE.finditer(text)}


def show(doc_id: str) -> None:
    text = texts()[doc_id]
    print(f"=== {doc_id} ({len(text)} characters)")
    for line in re.finditer(r"[^\n]+", text):
        toks = [f"{m.start() + line.start()}:{m.group()}" for m in TOKEN_RE.finditer(line.group())]
        for i in range(0, len(toks), 14):
            print(" ".join(toks[i:i + 14]))
        print()


def parse_span(value: str, text: str, toks: dict[int, int]) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)(?:\.\.(\d+))?\s*", value or "")
    if not m:
        raise ValueError(f"span {value!r} is not A or A..B")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if a not in toks or b not in toks:
        bad = a if a not in toks else b
        raise ValueError(f"span {value!r}: {bad} is not the start of a token")
    if b < a:
        raise ValueError(f"span {value!r} ends before it starts")
    return a, toks[b]


def _read(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(columns) - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"error: {path}: missing columns {sorted(missing)}")
        return [(reader.line_num, row) for row in reader]


def load_work(workdir: Path) -> tuple[list[dict], list[dict], list[str]]:
    """The working files as offset rows, and the list of problems (file:line: message)."""
    problems: list[str] = []
    all_texts = texts()
    sources, acts = [], []
    known: set[tuple[str, str]] = set()
    for line, row in _read(workdir / "sources.csv", SOURCE_COLUMNS):
        where = f"{workdir / 'sources.csv'}:{line}"
        doc = row["doc_id"].strip()
        if doc not in all_texts:
            problems.append(f"{where}: doc_id {doc!r} is not in the sample"); continue
        text = all_texts[doc]; toks = tokens(text)
        try:
            s, e = parse_span(row["speaker"], text, toks)
            mentions = [parse_span(v, text, toks) for v in (row["mentions"] or "").split()]
        except ValueError as exc:
            problems.append(f"{where}: {exc}"); continue
        if row["speaker_type"] not in SPEAKER_TYPES:
            problems.append(f"{where}: speaker_type {row['speaker_type']!r} not in {SPEAKER_TYPES}")
        country = (row["speaker_country"] or "").strip()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            problems.append(f"{where}: speaker_country {country!r} is not an ISO 3166 alpha-2 code")
        if (doc, row["source"]) in known:
            problems.append(f"{where}: source {row['source']!r} defined twice in {doc}")
        known.add((doc, row["source"]))
        sources.append({"doc_id": doc, "source": row["source"].strip(), "speaker_start": s, "speaker_end": e,
                        "mentions": ";".join(f"{a}-{b}" for a, b in mentions),
                        "speaker_type": row["speaker_type"], "speaker_country": country,
                        "note": (row.get("note") or "").strip()})
    for line, row in _read(workdir / "acts.csv", ACT_COLUMNS):
        where = f"{workdir / 'acts.csv'}:{line}"
        doc = row["doc_id"].strip()
        if doc not in all_texts:
            problems.append(f"{where}: doc_id {doc!r} is not in the sample"); continue
        text = all_texts[doc]; toks = tokens(text)
        try:
            cs, ce = parse_span(row["cue"], text, toks)
            ls, le = parse_span(row["clause"], text, toks)
            vs, ve = parse_span(row["via"], text, toks) if (row["via"] or "").strip() else ("", "")
        except ValueError as exc:
            problems.append(f"{where}: {exc}"); continue
        if not (ls <= cs and ce <= le):
            problems.append(f"{where}: the cue {cs}-{ce} is not inside the clause {ls}-{le}")
        if row["mode"] not in MODES:
            problems.append(f"{where}: mode {row['mode']!r} not in {MODES}")
        if (doc, row["source"].strip()) not in known:
            problems.append(f"{where}: source {row['source']!r} is not in sources.csv for {doc}")
        acts.append({"doc_id": doc, "act": int(row["act"]), "cue_start": cs, "cue_end": ce,
                     "clause_start": ls, "clause_end": le, "source": row["source"].strip(),
                     "mode": row["mode"], "via_start": vs, "via_end": ve,
                     "note": (row.get("note") or "").strip()})
    return sources, acts, problems


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n // 2] + " … " + text[-n // 2:]


def check(workdir: Path) -> int:
    sources, acts, problems = load_work(workdir)
    all_texts = texts()
    names = {(s["doc_id"], s["source"]): s for s in sources}
    for a in sorted(acts, key=lambda a: (a["doc_id"], a["cue_start"])):
        t = all_texts[a["doc_id"]]
        s = names.get((a["doc_id"], a["source"]))
        who = t[s["speaker_start"]:s["speaker_end"]] if s else "?"
        via = t[a["via_start"]:a["via_end"]] if a["via_start"] != "" else ""
        print(f"{a['doc_id']} #{a['act']} cue «{t[a['cue_start']:a['cue_end']]}» speaker «{who}» "
              f"[{s['speaker_type'] if s else '?'} {s['speaker_country'] if s else ''}] {a['mode']}"
              f"{' via «' + via + '»' if via else ''} | clause «{_short(t[a['clause_start']:a['clause_end']])}»")
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(sources)} sources, {len(acts)} acts, {len(problems)} problems")
    return 1 if problems else 0


def convert(workdir: Path, outdir: Path, coder: str) -> int:
    sources, acts, problems = load_work(workdir)
    if problems:
        for p in problems:
            print("PROBLEM", p)
        return 1
    _write(outdir, [{**r, "coder": coder} for r in sources], [{**r, "coder": coder} for r in acts])
    print(f"wrote {len(sources)} sources and {len(acts)} acts to {outdir}")
    return 0


def _write(outdir: Path, sources: list[dict], acts: list[dict]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for name, rows, cols, key in (("sources.csv", sources, OUT_SOURCE_COLUMNS, lambda r: (r["doc_id"], int(r["source"][1:]) if r["source"][1:].isdigit() else 0, r["source"])),
                                  ("acts.csv", acts, OUT_ACT_COLUMNS, lambda r: (r["doc_id"], r["cue_start"]))):
        with (outdir / name).open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, cols, lineterminator="\n")
            w.writeheader()
            for r in sorted(rows, key=key):
                w.writerow(r)


def assemble(overlap_path: Path, coders: dict[str, Path]) -> int:
    with overlap_path.open(encoding="utf-8", newline="") as fh:
        overlap = {r["doc_id"]: r for r in csv.DictReader(fh)}
    with (HERE / "sample.csv").open(encoding="utf-8", newline="") as fh:
        split_of = {r["doc_id"]: r["split"] for r in csv.DictReader(fh)}
    out = {k: ([], []) for k in ("dev", "test", "agreement")}
    coded_by: dict[str, list[str]] = {}
    for coder, workdir in coders.items():
        sources, acts, problems = load_work(workdir)
        if problems:
            for p in problems:
                print("PROBLEM", p)
            return 1
        docs = {r["doc_id"] for r in sources} | {r["doc_id"] for r in acts}
        listed = [l.strip() for l in (workdir / "assigned.txt").read_text(encoding="utf-8").split() if l.strip()]
        for doc in listed:
            coded_by.setdefault(doc, []).append(coder)
        for doc in docs - set(listed):
            print(f"PROBLEM {workdir}: {doc} was not assigned to {coder}")
            return 1
        for doc in listed:
            target = split_of[doc]
            if doc in overlap and overlap[doc]["coder_b"] == coder:
                target = "agreement"
            for r in sources:
                if r["doc_id"] == doc:
                    out[target][0].append({**r, "coder": coder})
            for r in acts:
                if r["doc_id"] == doc:
                    out[target][1].append({**r, "coder": coder})
    missing = sorted(set(split_of) - set(coded_by))
    if missing:
        print(f"PROBLEM not coded: {', '.join(missing)}")
        return 1
    for name, (sources, acts) in out.items():
        _write(HERE / name, sources, acts)
        print(f"{name}: {len({r['doc_id'] for r in sources} | {r['doc_id'] for r in acts})} articles with acts, "
              f"{len(sources)} sources, {len(acts)} acts")
    return 0


def main(argv: list[str]) -> int:
    if not CORPUS.exists():
        print(f"error: {CORPUS} not found", file=sys.stderr)
        return 1
    cmd, *args = argv or ["help"]
    if cmd == "show" and args:
        for d in args:
            show(d)
        return 0
    if cmd == "find" and len(args) == 2:
        text = texts()[args[0]]
        for m in re.finditer(re.escape(args[1]), text):
            print(f"{m.start()}-{m.end()}: …{text[max(0, m.start() - 30):m.end() + 30]}…")
        return 0
    if cmd == "check" and len(args) == 1:
        return check(Path(args[0]))
    if cmd == "assemble" and len(args) >= 2:
        return assemble(Path(args[0]), {k: Path(v) for k, v in (a.split("=", 1) for a in args[1:])})
    if cmd == "convert" and len(args) == 3:
        return convert(Path(args[0]), Path(args[1]), args[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
