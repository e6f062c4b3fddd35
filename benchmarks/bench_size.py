"""Seconds per MB of one very long article: does any stage grow faster than the text?

Usage:
    python benchmarks/bench_size.py [--sizes 1,4,16] [--timeout SECONDS]

For each size (MB of UTF-8 text, 1 MB = 2**20 bytes) it generates one synthetic article
from invented Arabic sentences (templates and word lists written for this script, no
corpus text: names, places, numbers and quotations vary, some paragraphs are subheads,
some are pull quotes repeating a body sentence, some carry codebook markers), then times
each stage of ``pipeline.process_document`` on it in a fresh process: normalisation,
structure (paragraphs, sentences, roles, pull quotes), markers, attribution, and the
whole of ``process_document``. Times are CPU seconds of the process (steadier than wall
time when other work shares the machine; the wall times are printed too). A stage that is linear in the text keeps the same
seconds per MB at every size; a quadratic one multiplies it by 4 from one size to the
next. With ``--timeout`` a size that takes longer is reported as such, not waited for.
Prints one line per size and stage, then ``s/MB`` lines (one per stage: figures for each
size), and the peak resident memory of each run.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import warnings

MB = 2 ** 20
STAGES = ("normalisation", "structure", "markers", "attribution", "process_document")

# Invented material (not from any corpus). Each list: Arabic words with their meaning.
FIRST = ["سعيد", "نادية", "كريم", "ليلى", "عمر", "هدى", "يوسف", "سلمى", "رشيد", "منى", "حسن",
         "فاطمة", "طارق", "زينب", "أنس", "خديجة", "إدريس", "سناء", "مراد", "أسماء"]  # given names
FAMILY = ["العلوي", "بنعلي", "الإدريسي", "التازي", "الفاسي", "المنصوري", "الحسني", "بوزيد",
          "الشرقاوي", "العمراني", "الكتاني", "البقالي", "الزياني", "الوزاني", "السوسي"]  # family names
TITLE = ["الوزير", "الخبير", "الباحث", "المدير العام", "رئيس الجمعية", "الأستاذ", "السفير"]  # titles
PLACE = ["الرباط", "مراكش", "طنجة", "أكادير", "فاس", "وجدة", "العيون", "مكناس", "تطوان", "الداخلة"]  # cities
ORG = ["وزارة الداخلية", "المديرية العامة للأمن الوطني", "جامعة محمد الخامس", "المرصد الوطني",
       "منظمة الإنتربول", "الاتحاد الإفريقي", "مجلس المدينة", "الجمعية المغربية للدراسات"]  # bodies
TOPIC = ["الأمن الغذائي", "التعاون الإقليمي", "النقل الحضري", "التعليم العالي", "الطاقة الشمسية",
         "السياحة الداخلية", "الصيد البحري", "الماء الصالح للشرب", "الرقمنة", "التشغيل"]  # topics
ADJ = ["المستدام", "الجديد", "الشامل", "المحلي", "الوطني", "المندمج", "الطموح", "المتوازن"]  # adjectives
MONTH = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر"]  # months
# Phrases the codebook recognises, so that the marker stage has work to do.
MARKED = ["الدبلوماسية الأمنية", "القوة الناعمة", "شريكا موثوقا", "المقاربة الاستباقية",
          "الأمن الجماعي", "النموذج المغربي"]
NOUN = ["المشروع", "البرنامج", "المخطط", "الاتفاق", "المبادرة", "الورش", "الإصلاح", "المرسوم",
        "التقرير", "الميثاق", "القانون", "المنتدى", "الملتقى", "الصندوق", "المرصد", "المعهد"]  # nouns
SENTENCES = [  # templates; {…} slots are filled from the lists above
    "قال {person} إن {noun} {adj} الخاص ب{topic} في {place} سيبدأ في {month} {year} بكلفة {num} درهم.",
    "وأضاف {title} {person} أن {org} خصصت {num} مليون درهم ل{noun} منذ {month} {year}.",
    "وأكد المتحدث باسم {org} أن {num} مشاركا حضروا اللقاء الذي عقد في {place} يوم {day} {month}.",
    "وأشار {noun} الصادر عن {org} إلى أن {topic} يحتاج إلى رؤية {adj} تمتد حتى سنة {year} في {place}.",
    "وتعتمد {org} على {marked} في علاقاتها مع شركائها في {place} منذ {num} سنة حسب {person}.",
    "من جهته، اعتبر {title} {person} أن «{topic} في {place} ليس مسؤولية قطاع واحد منذ {year}».",
    "ويرى {person} أن {marked} أصبحت عنوانا بارزا في النقاش حول {topic} بعد {num} يوما من {noun}.",
    "وذكرت مصادر مطلعة أن الاجتماع {adj} سيعقد في {place} يوم {day} {month} بحضور {num} خبيرا.",
    "وفي سياق متصل، أعلنت {org} عن {noun} {adj} لتتبع مؤشرات {topic} في {place} خلال {year}.",
    "وبلغ عدد المستفيدين من {noun} {num} شخصا خلال {month} {year} حسب أرقام {org} في {place}.",
    "وأوضح {person} في تصريح ل{org} أن {num} أسرة في {place} استفادت من {topic} سنة {year}.",
    "ونبه {title} {person} إلى أن كلفة {noun} ارتفعت بنسبة {day} في المائة في {place} خلال {year}.",
]
SUBHEADS = ["تحديات {topic} في {place}", "رهانات {noun} {adj}", "أرقام {org} لسنة {year}",
            "آفاق {topic} {adj}"]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        person=f"{rng.choice(FIRST)} {rng.choice(FAMILY)}", title=rng.choice(TITLE), noun=rng.choice(NOUN),
        place=rng.choice(PLACE), org=rng.choice(ORG), topic=rng.choice(TOPIC),
        adj=rng.choice(ADJ), month=rng.choice(MONTH), year=rng.randint(1990, 2035),
        day=rng.randint(1, 28), num=rng.randint(3, 99999), marked=rng.choice(MARKED))


def synthetic_article(size_bytes: int, seed: int = 2026) -> str:
    """An article of about ``size_bytes`` bytes of UTF-8, built from the templates above.

    Paragraphs of one to five sentences; about one paragraph in twelve is preceded by a
    subhead (a short line without final punctuation), and one in twenty is followed by a
    pull quote repeating one of its sentences without the final stop."""
    rng = random.Random(seed)
    lines = ["الرباط - تقرير خاص", _fill("حصيلة {topic} في {place}", rng)]
    size = sum(len(s.encode("utf-8")) + 1 for s in lines)
    while size < size_bytes:
        new = []
        if rng.random() < 1 / 12:
            new.append(_fill(rng.choice(SUBHEADS), rng))
        sentences = [_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(1, 5))]
        new.append(" ".join(sentences))
        if rng.random() < 1 / 20:
            new.append(rng.choice(sentences).rstrip("."))
        lines.extend(new)
        size += sum(len(s.encode("utf-8")) + 1 for s in new)
    return "\n".join(lines) + "\n"


def measure(size_mb: float) -> dict:
    """Seconds per stage on one synthetic article of ``size_mb`` MB (in this process)."""
    from analysis.attribution import attribution_records, load_gazetteer
    from analysis.codebook import load_codebook
    from analysis.corpus import Document, segment
    from analysis.markers import marker_records
    from analysis.normalize import normalize
    from analysis.pipeline import process_document

    codebook, gazetteer = load_codebook(), load_gazetteer()
    normalize("warm up the character tables")
    text = synthetic_article(int(size_mb * MB))
    doc = Document("synthetic", text, {"outlet": "Synthetic"}, "<synthetic>")
    out = {"bytes": len(text.encode("utf-8")), "words": len(text.split())}
    clock = time.process_time  # CPU seconds: steadier than wall time on a shared machine
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w0, t0 = time.perf_counter(), clock()
        nt = normalize(text)
        t1 = clock()
        st = segment(doc, nt)
        t2 = clock()
        markers = marker_records(doc, codebook, structure=st, normalized=nt)
        t3 = clock()
        acts = attribution_records(doc, gazetteer, structure=st, normalized=nt)
        t4, w4 = clock(), time.perf_counter()
        process_document(doc, codebook, gazetteer)
        t5, w5 = clock(), time.perf_counter()
    out.update({"normalisation": t1 - t0, "structure": t2 - t1, "markers": t3 - t2,
                "attribution": t4 - t3, "process_document": t5 - t4,
                "pullquotes": sum(r["role"] == "pullquote" for r in st.paragraph_rows),
                "n_markers": len(markers), "n_acts": len(acts), "wall_stages": w4 - w0,
                "wall_process_document": w5 - w4,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,4,16", help="article sizes in MB, comma-separated")
    parser.add_argument("--timeout", type=float, default=None,
                        help="give up on a size after this many seconds (reported, not waited for)")
    parser.add_argument("--measure", type=float, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return 0
    try:
        sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"error: --sizes takes numbers separated by commas, not {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or any(s <= 0 for s in sizes):
        print("error: --sizes must list sizes above 0", file=sys.stderr)
        return 2
    results = {}
    for size in sizes:
        # A fresh process per size: no cache or memory carried from one size to the next.
        try:
            proc = subprocess.run([sys.executable, __file__, "--measure", str(size)],
                                  capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{size:g} MB: more than {args.timeout:g} s (stopped)")
            results[size] = None
            continue
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        r = results[size] = json.loads(proc.stdout.splitlines()[-1])
        print(f"{size:g} MB: {r['bytes']:,} bytes, {r['words']:,} words, {r['pullquotes']} pull quotes, "
              f"{r['n_markers']:,} markers, {r['n_acts']:,} reporting acts, peak RSS {r['rss_mb']:,.0f} MB")
        for stage in STAGES:
            print(f"  {stage:<17} {r[stage]:9.2f} s {r[stage] / (r['bytes'] / MB):9.3f} s/MB")
        print(f"  (wall time: {r['wall_stages']:.2f} s for the four stages, "
              f"{r['wall_process_document']:.2f} s for process_document)")
    print("CPU s/MB by size: " + "".join(f"{s:>9g} MB" for s in sizes))
    for stage in STAGES:
        cells = "".join(f"{'-':>12}" if results[s] is None else
                        f"{results[s][stage] / (results[s]['bytes'] / MB):12.3f}" for s in sizes)
        print(f"s/MB {stage:<13}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
