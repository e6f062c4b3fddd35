import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.corpus import (DOCUMENT_COLUMNS, PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, Document, documents_frame,
                             iter_documents, read_corpus, segment)
from analysis.errors import (CorpusError, CorpusWarning, DuplicateDocumentError, EmptyDocumentError,
                             EncodingError, ManifestError)
from analysis.markers import find_markers

from conftest import ROOT, SEEDS, profile_events, write_jsonl

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_size import synthetic_article  # noqa: E402  (invented sentences, no corpus text)


def _roles(doc):
    p = segment(doc).paragraphs
    return {r.line: r.role for r in p.itertuples() if r.role != "body"}


def test_five_documents_five_outlets(seeds):
    docs = documents_frame(seeds)
    assert list(docs.columns) == list(DOCUMENT_COLUMNS)
    assert len(docs) == 5 and docs["outlet"].nunique() == 5
    assert set(docs["date_certainty"]) <= {"found", "inferred", "unknown"}
    assert docs.set_index("doc_id").loc["002_5eeac2ce75b1fb3d", "date"] == "2025-11-24"
    assert docs.set_index("doc_id").loc["001_918a3ce10e0930b5", "date"] == "2023-12-01/.."


def test_seeds_are_byte_copies_of_shared(seeds):
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("../shared/seeds is not present in a user's clone")
    for doc in seeds:
        assert (SEEDS / f"{doc.doc_id}.txt").read_bytes() == (shared / f"{doc.doc_id}.txt").read_bytes()


def test_structure_of_the_seeds(seeds):
    assert _roles(seeds["000_507e3ec0494cdcbd"]) == {1: "kicker", 2: "headline", 3: "standfirst",
                                                       8: "pullquote", 22: "pullquote", 33: "pullquote"}
    assert _roles(seeds["001_918a3ce10e0930b5"]) == {1: "byline", 6: "subhead", 14: "subhead"}
    assert _roles(seeds["002_5eeac2ce75b1fb3d"]) == {1: "headline", 3: "standfirst", 39: "subhead", 47: "subhead"}
    assert _roles(seeds["003_a81e5b6ee56853d2"]) == {1: "chrome", 2: "headline"}
    assert _roles(seeds["004_3e7dfff35e5a38e4"]) == {1: "chrome", 3: "headline", 29: "chrome"}


def test_pull_quotes_name_the_paragraph_they_repeat(seeds):
    p = segment(seeds["000_507e3ec0494cdcbd"]).paragraphs.set_index("line")
    repeats = {line: p.loc[p.index[p["paragraph_id"] == p.loc[line, "repeats"]][0]].name
               for line in (8, 22, 33)}
    assert repeats == {8: 34, 22: 7, 33: 10}


def test_offsets_point_into_raw_text(seeds):
    for doc in seeds:
        st = segment(doc)
        assert list(st.paragraphs.columns) == list(PARAGRAPH_COLUMNS)
        assert list(st.sentences.columns) == list(SENTENCE_COLUMNS)
        for r in st.sentences.itertuples():
            chunk = doc.text[r.start:r.end]
            assert chunk.strip() == chunk and chunk and "\n" not in chunk


def test_word_counts_exclude_chrome_and_pull_quotes(seeds):
    docs = documents_frame(seeds).set_index("doc_id")
    p = segment(seeds["000_507e3ec0494cdcbd"]).paragraphs
    assert docs.loc["000_507e3ec0494cdcbd", "n_words"] == p[p.role != "pullquote"]["n_words"].sum()
    assert docs.loc["000_507e3ec0494cdcbd", "n_pullquotes"] == 3
    assert docs.loc["004_3e7dfff35e5a38e4", "n_chrome_lines"] == 2


def _tree_digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def test_reading_modifies_nothing(tmp_path):
    before = _tree_digest(SEEDS)
    from analysis.pipeline import export

    export(SEEDS, tmp_path / "out", formats=("csv",))
    assert _tree_digest(SEEDS) == before


def test_windows_1256_file_is_named(seeds_copy):
    path = seeds_copy / "003_a81e5b6ee56853d2.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1256"))
    with pytest.raises(EncodingError) as err:
        read_corpus(seeds_copy)
    assert "003_a81e5b6ee56853d2.txt" in str(err.value) and "Windows-1256" in str(err.value)


@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_empty_document(seeds_copy, content):
    (seeds_copy / "003_a81e5b6ee56853d2.txt").write_text(content, encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match="003_a81e5b6ee56853d2.txt"):
        read_corpus(seeds_copy)
    with pytest.warns(CorpusWarning, match="skipped 1 empty"):  # skipped, never silently
        report_corpus = read_corpus(seeds_copy, on_empty="skip")
    assert len(report_corpus) == 4 and report_corpus.report.empty == ["003_a81e5b6ee56853d2"]


def test_duplicate_text(seeds_copy):
    text = (seeds_copy / "001_918a3ce10e0930b5.txt").read_bytes()
    (seeds_copy / "009_copy.txt").write_bytes(text)
    manifest = seeds_copy / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "009_copy,Copy Outlet,,,,,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(DuplicateDocumentError, match="009_copy.txt.*001_918a3ce10e0930b5"):
        read_corpus(seeds_copy)


def test_manifest_row_without_file(seeds_copy):
    (seeds_copy / "004_3e7dfff35e5a38e4.txt").unlink()
    with pytest.raises(ManifestError, match=r"manifest.csv:6: doc_id '004_3e7dfff35e5a38e4' has no file"):
        read_corpus(seeds_copy)


def test_file_without_manifest_row(seeds_copy):
    (seeds_copy / "005_extra.txt").write_text("نص إضافي", encoding="utf-8")
    with pytest.raises(ManifestError, match="005_extra.txt: no row"):
        read_corpus(seeds_copy)


def test_duplicate_id_in_manifest(seeds_copy):
    manifest = seeds_copy / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.csv:7: duplicate doc_id"):
        read_corpus(seeds_copy)


def test_presentation_forms_and_bidi_controls_warn(seeds_copy):
    path = seeds_copy / "003_a81e5b6ee56853d2.txt"
    path.write_text("\ufe8d\ufedf\ufee4\ufed0\ufeae\ufe8f\n\u202bنص\u202c", encoding="utf-8")
    _edit_manifest(seeds_copy, "003_a81e5b6ee56853d2", headline="")  # the new text has none
    with pytest.warns(CorpusWarning) as record:
        read_corpus(seeds_copy)
    messages = [str(w.message) for w in record]
    assert any("003_a81e5b6ee56853d2.txt:1" in m and "presentation forms" in m for m in messages)
    assert any("003_a81e5b6ee56853d2.txt:2" in m and "bidi" in m for m in messages)


def test_jsonl_gz_with_empty_and_duplicate_texts(tmp_path):
    rows = [{"id": 1, "outlet": "a", "date": "2025", "title": "t", "text": "قال الوزير إن الأمن مهم"},
            {"id": 2, "outlet": "a", "date": "", "title": "", "text": "  "},
            {"id": 3, "outlet": "b", "date": "", "title": "", "text": "قال الوزير إن الأمن مهم"},
            {"id": 1, "outlet": "b", "date": "", "title": "", "text": "نص آخر"}]
    path = write_jsonl(tmp_path, rows, "c.jsonl.gz")
    with pytest.warns(CorpusWarning, match="1 empty, 1 duplicate texts, 1 duplicate ids") as record:
        corpus = read_corpus(path)
    assert [d.doc_id for d in corpus] == ["1"]
    # Each skipped document is named with the line it came from.
    message = str(record[0].message)
    assert "'2' at " in message and "c.jsonl.gz:2 (empty)" in message
    assert "c.jsonl.gz:3 (same text as '1')" in message
    assert "c.jsonl.gz:4 (duplicate id (different text))" in message


@pytest.mark.filterwarnings("ignore:.*no column 'outlet'")
def test_jsonl_errors_name_the_line(tmp_path):
    path = write_jsonl(tmp_path, [{"id": 1, "text": "نص"}, "{not json"])
    with pytest.raises(CorpusError, match=r"c.jsonl:2: not valid JSON \(.* at column 2\)"):
        read_corpus(path)
    path = write_jsonl(tmp_path, [{"id": 1, "text": "نص"}, {"id": 2, "body": "x"}])
    with pytest.raises(CorpusError, match=r"c.jsonl:2: missing column 'text'"):
        read_corpus(path)
    path = write_jsonl(tmp_path, [{"id": 1, "text": 42}])
    with pytest.raises(CorpusError, match=r"c.jsonl:1: column 'text' holds a number \(42\), not text"):
        read_corpus(path)
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": 1, "text": "ok"}\n' + '{"id": 2, "text": "نص"}'.encode("cp1256") + b"\n")
    with pytest.raises(EncodingError, match=r"bad.jsonl:2: not valid UTF-8"):
        read_corpus(bad)


def test_csv_and_parquet_with_column_mapping(tmp_path):
    df = pd.DataFrame({"article_id": ["x1", "x2"], "source": ["s", "t"], "body": ["أكد الوزير أن", "نص ثان"]})
    df.to_csv(tmp_path / "c.csv", index=False)
    df.to_parquet(tmp_path / "c.parquet", index=False)
    mapping = {"id": "article_id", "outlet": "source", "text": "body"}
    for name in ("c.csv", "c.parquet"):
        docs = list(iter_documents(tmp_path / name, columns=mapping))
        assert [d.doc_id for d in docs] == ["x1", "x2"] and docs[0].outlet == "s"
    with pytest.raises(CorpusError, match="missing column 'id'"):
        list(iter_documents(tmp_path / "c.csv"))


def test_unknown_format(tmp_path):
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="unknown corpus format"):
        read_corpus(tmp_path / "c.txt")


def test_cli_one_line_error(seeds_copy, tmp_path):
    path = seeds_copy / "000_507e3ec0494cdcbd.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1256"))
    proc = subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(seeds_copy),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "000_507e3ec0494cdcbd.txt" in proc.stderr
    assert not (tmp_path / "out" / "documents.csv").exists()


# ---- CSV and table corpora: nothing lost silently
def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_unclosed_quote_is_an_error_not_merged_rows(tmp_path):
    path = _write(tmp_path, "u.csv", 'id,outlet,text\nx1,A,"نص"\nx2,B,"نص ثان\nx3,C,نص ثالث\n')
    with pytest.raises(CorpusError, match=r"u.csv:3: malformed CSV .*unclosed or stray quotation"):
        list(iter_documents(path))


def test_csv_row_with_extra_or_missing_fields_is_an_error(tmp_path):
    path = _write(tmp_path, "e.csv", "id,outlet,text\nx1,A,نص أول\nx2,B,نص, ثان\n")
    with pytest.raises(CorpusError, match=r"e.csv:3: 4 fields where the header has 3"):
        list(iter_documents(path))
    path = _write(tmp_path, "m.csv", "id,outlet,text\nx1,A\n")
    with pytest.raises(CorpusError, match=r"m.csv:2: 2 fields where the header has 3"):
        list(iter_documents(path))


def test_csv_line_numbers_are_where_the_record_starts(tmp_path):
    path = _write(tmp_path, "l.csv", 'id,outlet,text\nx1,A,"سطر أول\nسطر ثان"\nx2,B,"نص"\n')
    assert [d.source.rsplit(":", 1)[1] for d in iter_documents(path)] == ["2", "4"]
    # A missing column is the header's fault: line 1, whatever the row.
    with pytest.raises(CorpusError, match=r"l.csv:1: missing column 'body'"):
        list(iter_documents(path, columns={"text": "body"}))


def test_csv_and_manifest_accept_a_byte_order_mark(tmp_path, seeds_copy):
    path = _write(tmp_path, "bom.csv", "\ufeffid,outlet,text\nx1,A,قال الوزير إن الأمن مهم\n")
    assert [d.doc_id for d in iter_documents(path)] == ["x1"]
    manifest = seeds_copy / "manifest.csv"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    assert len(read_corpus(seeds_copy)) == 5


def test_a_mapped_column_must_exist(tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text\nx1,A,نص\n")
    with pytest.raises(CorpusError, match=r"c.csv:1: missing column 'source_name' \(the document outlet\); found id, outlet, text"):
        list(iter_documents(path, columns={"outlet": "source_name"}))
    jsonl = write_jsonl(tmp_path, [{"id": 1, "text": "نص"}])
    with pytest.raises(CorpusError, match=r"c.jsonl:1: missing column 'published'"):
        list(iter_documents(jsonl, columns={"date": "published"}))


def test_no_outlet_column_is_a_warning(tmp_path):
    path = _write(tmp_path, "c.csv", "id,text\nx1,نص\n")
    with pytest.warns(CorpusWarning, match="no column 'outlet'"):
        docs = list(iter_documents(path))
    assert docs[0].outlet == ""


@pytest.mark.parametrize("cell", ["", "   "])
def test_an_empty_id_is_an_error(tmp_path, cell):
    path = _write(tmp_path, "c.csv", f"id,outlet,text\n{cell},A,نص\n")
    with pytest.raises(CorpusError, match=r"c.csv:2: column 'id' must hold an id; here it is empty"):
        list(iter_documents(path))


def test_column_mapping_on_a_folder_is_an_error():
    with pytest.raises(CorpusError, match="column mappings apply to table corpora"):
        list(iter_documents(SEEDS, columns={"text": "body"}))


def test_an_empty_corpus_is_reported(tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text\n")
    with pytest.warns(CorpusWarning, match="no documents to analyse"):
        assert list(iter_documents(path)) == []


def test_utf16_and_garbage_parquet_are_named(tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text\nx1,A,نص\n", encoding="utf-16")
    with pytest.raises(EncodingError, match=r"c.csv:1: not valid UTF-8 .*it is UTF-16"):
        list(iter_documents(path))
    garbage = tmp_path / "g.parquet"
    garbage.write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match=r"g.parquet: not a readable Parquet file"):
        list(iter_documents(garbage))


@pytest.mark.parametrize("args, message", [
    (["--column", "body"], "argument --column: takes FIELD=NAME"),
    (["--jobs", "-3"], "argument --jobs: must be 0 (all cores) or more"),
    (["--jobs", "abc"], "argument --jobs: must be a whole number, not 'abc'"),
])
def test_cli_bad_options_are_usage_errors(tmp_path, args, message):
    proc = subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(SEEDS),
                           "--out", str(tmp_path / "out"), *args], capture_output=True, text=True)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_rows_of_empty_fields_are_blank_lines(tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text\nx1,A,قال الوزير إن الأمن مهم\n,,\n   \n\n")
    assert [d.doc_id for d in iter_documents(path)] == ["x1"]


def test_a_header_only_csv_still_checks_its_mapping(tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text\n")
    with pytest.raises(CorpusError, match=r"c.csv:1: missing column 'body'"):
        list(iter_documents(path, columns={"text": "body"}))


def test_errors_keep_their_class_and_place_across_processes():
    import pickle

    err = pickle.loads(pickle.dumps(EncodingError("a.csv", "not valid UTF-8", line=3)))
    assert type(err) is EncodingError and str(err) == "a.csv:3: not valid UTF-8" and err.line == 3


def test_a_bad_record_late_in_the_corpus_fails_cleanly_on_several_jobs(tmp_path):
    # The error is met while the pool is being fed: it must end the run with the error
    # (not hang), and leave nothing behind.
    rows = [f"x{i},A,قال الوزير إن الأمن مهم رقم {i}" for i in range(150)]
    path = _write(tmp_path, "late.csv", "id,outlet,text\n" + "\n".join(rows) + '\nx999,B,"نص بلا نهاية\n')
    proc = subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(path),
                           "--out", str(tmp_path / "out"), "--jobs", "2"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "late.csv:152: malformed CSV" in proc.stderr
    assert not (tmp_path / "out").exists()


def _edit_manifest(folder, doc_id, **fields):
    """Set manifest fields of one document, keeping the rest of the file as it is."""
    path = folder / "manifest.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = list(rows[0])
    for row in rows:
        if row["doc_id"] == doc_id:
            row.update(fields)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header + [f for f in fields if f not in header], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("fields, message", [
    ({"date_start": "25/11/2025"}, r"manifest.csv:4: doc_id '002_5eeac2ce75b1fb3d': date_start '25/11/2025' is not an ISO date"),
    ({"date_start": "2025-02-30", "date_end": ""}, r"date_start '2025-02-30' is not an ISO date"),
    ({"date_end": "2025-13"}, r"date_end '2025-13' is not an ISO date"),
    ({"date_start": "20251124", "date_end": ""}, r"date_start '20251124' is not an ISO date"),
    ({"date_start": "2025-11-24 25:00", "date_end": ""}, r"date_start '2025-11-24 25:00' is not an ISO date"),
    ({"date_start": "٢٠٢٥-١١", "date_end": ""}, r"date_start '٢٠٢٥-١١' is not an ISO date"),
    ({"date_start": "0000", "date_end": ""}, r"date_start '0000' is not an ISO date"),
    ({"date_start": "2025-11-24", "date_end": "2025-11-20"}, r"manifest.csv:4: doc_id '002_5eeac2ce75b1fb3d': date_end '2025-11-20' is before date_start '2025-11-24'"),
    ({"date_start": "2025-11-24", "date_end": "2025-10"}, r"date_end '2025-10' is before date_start"),
    ({"date_start": "2025-11-24T18:00", "date_end": "2025-11-24T09:00"}, r"date_end '2025-11-24T09:00' is before"),
    ({"date_start": "2025-11-24T23:30-05:00", "date_end": "2025-11-25T01:00+09:00"}, r"date_end .* is before"),
    ({"date_start": "", "date": "2025-11-24", "date_end": "2025-11-20"}, r"date_end '2025-11-20' is before date '2025-11-24'"),
    ({"date_start": "", "date_end": "2025-11-20"}, r"date_end '2025-11-20' but no date_start"),
    ({"date_start": "", "date_end": ".."}, r"date_end '..' but no date_start"),
    ({"date_start": "..", "date_end": ""}, r"an open date_start \('..'\) needs a date_end"),
    ({"date": "2025-11-25"}, r"date '2025-11-25' and date_start '2025-11-24' disagree"),
    ({"date_certainty": "infered"}, r"doc_id '002_5eeac2ce75b1fb3d': date_certainty 'infered' is not one of found, inferred, unknown"),
    ({"outlet_certainty": "sure"}, r"outlet_certainty 'sure' is not one of found, inferred, unverified, unknown"),
])
def test_manifest_dates_and_certainty_are_checked(seeds_copy, fields, message):
    _edit_manifest(seeds_copy, "002_5eeac2ce75b1fb3d", **fields)
    with pytest.raises(ManifestError, match=message):
        read_corpus(seeds_copy)


@pytest.mark.parametrize("fields, label", [
    ({"date_start": "2025-11", "date_end": "2025-11-30"}, "2025-11/2025-11-30"),
    ({"date_start": "2025", "date_end": "2025-06"}, "2025/2025-06"),
    ({"date_start": "2025-11-24", "date_end": "2025-11"}, "2025-11-24/2025-11"),
    ({"date_start": "2025-11-24", "date_end": ".."}, "2025-11-24/.."),
    ({"date_start": "..", "date_end": "2025-11-24"}, "../2025-11-24"),
    ({"date_start": "2024-02-29", "date_end": "2024-02-29"}, "2024-02-29"),
    ({"date_start": "2025-11-24 09:30:00", "date_end": "2025-11-24T18:00"}, "2025-11-24 09:30:00/2025-11-24T18:00"),
    ({"date_start": "2025-11-24", "date_end": "2025-11-24T09:00"}, "2025-11-24/2025-11-24T09:00"),
])
def test_manifest_partial_and_open_dates_are_accepted(seeds_copy, fields, label):
    _edit_manifest(seeds_copy, "002_5eeac2ce75b1fb3d", **fields)
    docs = documents_frame(read_corpus(seeds_copy)).set_index("doc_id")
    assert docs.loc["002_5eeac2ce75b1fb3d", "date"] == label


def test_manifest_headline_must_be_a_line_of_its_file(seeds_copy):
    # A headline that is not in the text would leave the document without one and count
    # the real headline as body text: the manifest disagrees with the file.
    _edit_manifest(seeds_copy, "003_a81e5b6ee56853d2", headline="عنوان غير موجود في النص")
    with pytest.raises(ManifestError, match=r"manifest.csv:5: doc_id '003_a81e5b6ee56853d2': the headline "
                                            r"'عنوان غير موجود في النص' is not a line of .*003_a81e5b6ee56853d2.txt"):
        read_corpus(seeds_copy)


def test_manifest_headline_is_compared_after_normalisation(seeds_copy):
    # Diacritics, tatweel and hamza forms (أمنية / امنية) do not make a headline differ.
    _edit_manifest(seeds_copy, "002_5eeac2ce75b1fb3d",
                   headline="حمُوشي يدعو لبنيـات امنية مشتركة لأمن جماعي مستدام")
    corpus = read_corpus(seeds_copy)
    assert _roles(corpus["002_5eeac2ce75b1fb3d"])[1] == "headline"


def test_given_headline_is_never_chrome_or_byline(seeds_copy):
    # A short first line naming the outlet is taken as the masthead, one naming the byline's
    # author as the byline; the line the manifest gives as the headline is neither.
    path = seeds_copy / "002_5eeac2ce75b1fb3d.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text("وزراء الداخلية العرب يجتمعون في تونس\n" + text, encoding="utf-8")
    _edit_manifest(seeds_copy, "002_5eeac2ce75b1fb3d", outlet_ar="العرب",
                   headline="وزراء الداخلية العرب يجتمعون في تونس")
    assert _roles(read_corpus(seeds_copy)["002_5eeac2ce75b1fb3d"])[1] == "headline"
    path.write_text(text, encoding="utf-8")
    _edit_manifest(seeds_copy, "002_5eeac2ce75b1fb3d", outlet_ar="", byline="حموشي",
                   headline="حموشي يدعو لبنيات أمنية مشتركة لأمن جماعي مستدام")
    assert _roles(read_corpus(seeds_copy)["002_5eeac2ce75b1fb3d"])[1] == "headline"


# ---- long documents: work in proportion to the length (issue 12, defect 3)

def test_pull_quote_detection_grows_linearly_with_the_document():
    # Synthetic articles of 150 KB and 600 KB (about 340 and 1,300 paragraphs, each
    # sharing most words with others, a pull quote every twenty paragraphs). Comparing
    # every paragraph with every other made the work grow about 9-fold (16-fold in the
    # limit); it must grow about 4-fold.
    work = []
    for size in (150_000, 600_000):
        doc = Document("long", synthetic_article(size), {"outlet": "X"})
        work.append(profile_events(segment, doc))
        assert sum(r["role"] == "pullquote" for r in segment(doc).paragraph_rows) > size / 20_000
    assert work[1] / work[0] < 6, work


# ---- hostile input (issue 12): every problem one line naming the file and line

ARTICLE = "قال الوزير إن التعاون الأمني بين البلدين يتعزز.\nوأضاف أن الاجتماع المقبل سيعقد في الرباط.\n"


def test_utf16_without_a_byte_order_mark_is_named(seeds_copy, tmp_path):
    # Arabic UTF-16 without a BOM is valid UTF-8 byte by byte: it was read as junk.
    path = seeds_copy / "003_a81e5b6ee56853d2.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.raises(EncodingError, match=r"003_a81e5b6ee56853d2.txt:1: not UTF-8: it looks like "
                                            r"UTF-16-LE without a byte-order mark"):
        read_corpus(seeds_copy)
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_bytes(json.dumps({"id": "a", "outlet": "X", "text": ARTICLE}, ensure_ascii=False).encode("utf-16-be"))
    with pytest.raises(EncodingError, match=r"c.jsonl:1: .*UTF-16-BE without a byte-order mark"):
        list(iter_documents(jsonl))
    table = _write(tmp_path, "c.csv", "id,outlet,text\nx1,A,نص عربي قصير\n", encoding="utf-16-le")
    with pytest.raises(EncodingError, match=r"c.csv:1: .*UTF-16-LE without a byte-order mark"):
        list(iter_documents(table))


def test_control_characters_are_reported_and_kept(seeds_copy, tmp_path):
    path = seeds_copy / "003_a81e5b6ee56853d2.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[4] = lines[4] + "\x00\x07"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"003_a81e5b6ee56853d2.txt:5: 2 control characters \(first: U\+0000\)"):
        corpus = read_corpus(seeds_copy)
    assert corpus["003_a81e5b6ee56853d2"].text == "\n".join(lines)  # kept: offsets unchanged
    jsonl = write_jsonl(tmp_path, [{"id": 1, "outlet": "X", "text": "نص\u0000فيه صفر"},
                                   {"id": 2, "outlet": "X", "text": "نص\tعادي\fمع فاصل صفحة"}])
    with pytest.warns(CorpusWarning, match=r"c.jsonl: 1 documents contain NUL or other control characters.* 1"):
        assert len(read_corpus(jsonl)) == 2


def test_a_csv_article_longer_than_the_csv_module_allows(tmp_path):
    # The csv module stops at 131,072 characters per field, and the error blamed a
    # quotation mark.
    long_text = "قال الوزير إن الأمن مهم. " * 8000  # 200,000 characters
    path = _write(tmp_path, "long.csv", f'id,outlet,text\nx1,A,"{long_text}"\nx2,B,نص ثان\n')
    docs = list(iter_documents(path))
    assert [d.doc_id for d in docs] == ["x1", "x2"] and docs[0].text == long_text
    with pytest.raises(CorpusError, match=r"long.csv:2: a line over the 0.1 MB limit on one document "
                                          r"\(raise it with --max-document-mb") as err:
        list(iter_documents(path, max_document_mb=0.1))
    assert "quotation" not in str(err.value)
    # A field over the limit made of short lines.
    path = _write(tmp_path, "lines.csv", 'id,outlet,text\nx1,A,"' + "سطر قصير\n" * 20000 + '"\n')
    with pytest.raises(CorpusError, match=r"lines.csv:2: (the text is 0.3 MB|a field of more than 104,857 "
                                          r"characters \(in the record starting here\)), over the 0.1 MB limit") as err:
        list(iter_documents(path, max_document_mb=0.1))
    assert "quotation" not in str(err.value)


def test_a_jsonl_id_of_5000_digits_is_kept_as_written(tmp_path):
    digits = "9" * 5000
    path = tmp_path / "c.jsonl"
    path.write_text(f'{{"id": {digits}, "outlet": "X", "text": "{ARTICLE[:40]}"}}\n', encoding="utf-8")
    assert [d.doc_id for d in iter_documents(path)] == [digits]


def test_a_lone_surrogate_escape_is_named_when_read(tmp_path):
    # Python reads "\ud83d" (half of an emoji's pair) as a string that no table can hold:
    # it failed only when the tables were written.
    path = write_jsonl(tmp_path, [{"id": 1, "outlet": "X", "text": "نص سليم"},
                                  '{"id": 2, "outlet": "X", "text": "نص مقطوع \\ud83d"}'])
    with pytest.raises(CorpusError, match=r"c.jsonl:2: field 'text' holds \\ud83d, half of a UTF-16 pair"):
        list(iter_documents(path))
    ok = write_jsonl(tmp_path, ['{"id": 1, "outlet": "X", "text": "نص مع وجه \\ud83d\\ude00"}'], "ok.jsonl")
    assert [d.text for d in iter_documents(ok)] == ["نص مع وجه \U0001F600"]


def _damaged_parquet(tmp_path):
    import pyarrow.parquet as pq

    rows = 3000
    df = pd.DataFrame({"id": [f"x{i}" for i in range(rows)], "outlet": ["A"] * rows,
                       "text": [f"نص رقم {i} " * 20 for i in range(rows)]})
    path = tmp_path / "damaged.parquet"
    df.to_parquet(path, index=False, row_group_size=1000, compression=None)
    column = pq.ParquetFile(path).metadata.row_group(1).column(2)
    data = bytearray(path.read_bytes())
    data[column.data_page_offset:column.data_page_offset + 12] = b"\xff" * 12  # the page header
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_parquet_page_is_one_line_naming_the_file(tmp_path):
    path = _damaged_parquet(tmp_path)
    with pytest.raises(CorpusError, match=r"damaged.parquet: cannot read the rows after row \d+: a "
                                          r"damaged page\?") as err:
        list(iter_documents(path))
    assert "\n" not in str(err.value)


def test_json_nested_100000_deep_is_one_line(tmp_path):
    path = write_jsonl(tmp_path, [{"id": 1, "outlet": "X", "text": "نص"},
                                  '{"id": 2, "outlet": "X", "text": "نص", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"])
    with pytest.raises(CorpusError, match=r"c.jsonl:2: not readable JSON: values nested too deeply"):
        list(iter_documents(path))


@pytest.mark.parametrize("text", ["\u200b\u200f\u2066\u2069 \ufeff", "\u064e\u0651\u064b  \u0652",
                                  "\u0640\u0640\u0640\n\u0640", "\u200c\u0640\u064f"])
def test_documents_without_a_word_are_empty(seeds_copy, tmp_path, text):
    # Invisible characters, diacritics or tatweel alone were kept as 0-word documents.
    (seeds_copy / "003_a81e5b6ee56853d2.txt").write_text(text, encoding="utf-8")
    with pytest.raises(EmptyDocumentError, match=r"003_a81e5b6ee56853d2.txt: document .* is empty: no word"):
        read_corpus(seeds_copy)
    path = write_jsonl(tmp_path, [{"id": 1, "outlet": "X", "text": text}, {"id": 2, "outlet": "X", "text": ARTICLE}])
    with pytest.warns(CorpusWarning, match=r"skipped 1 empty.*'1' at .*c.jsonl:1 \(empty\)"):
        assert [d.doc_id for d in iter_documents(path)] == ["2"]


def test_columns_named_twice_are_an_error(seeds_copy, tmp_path):
    path = _write(tmp_path, "c.csv", "id,outlet,text,outlet\nx1,A,نص,B\n")
    with pytest.raises(CorpusError, match=r"c.csv:1: column\(s\) 'outlet' named twice in the header"):
        list(iter_documents(path))
    manifest = seeds_copy / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").split("\n")
    manifest.write_text("\n".join([lines[0] + ",outlet"] + [ln + ",Other" for ln in lines[1:] if ln]) + "\n",
                        encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.csv:1: column\(s\) 'outlet' named twice"):
        read_corpus(seeds_copy)
    jsonl = write_jsonl(tmp_path, ['{"id": 1, "outlet": "A", "text": "نص", "outlet": "B"}'])
    with pytest.raises(CorpusError, match=r"c.jsonl:1: not valid JSON \(key 'outlet' given twice"):
        list(iter_documents(jsonl))
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_arrays([pa.array(["x1"]), pa.array(["A"]), pa.array(["نص"]), pa.array(["B"])],
                                 names=["id", "outlet", "text", "outlet"])
    pq.write_table(table, tmp_path / "c.parquet")
    with pytest.raises(CorpusError, match=r"c.parquet: column\(s\) 'outlet' named twice"):
        list(iter_documents(tmp_path / "c.parquet"))


def test_a_later_record_without_an_outlet_is_reported(tmp_path):
    path = write_jsonl(tmp_path, [{"id": 1, "outlet": "A", "text": ARTICLE},
                                  {"id": 2, "outlet": "A", "text": ARTICLE + "ثان"},
                                  {"id": 3, "text": ARTICLE + "ثالث"}])
    with pytest.warns(CorpusWarning, match=r"c.jsonl: 1 records have no outlet field though the first has "
                                           r"one \('3' at .*c.jsonl:3\)"):
        docs = list(iter_documents(path))
    assert [d.outlet for d in docs] == ["A", "A", ""]


@pytest.mark.parametrize("written, kept", [("1e3", "1e3"), ("007.50", None), ("12", "12"), ("-0", "-0"),
                                           ("1.5", "1.5")])
def test_jsonl_number_ids_are_kept_as_written(tmp_path, written, kept):
    path = tmp_path / "c.jsonl"
    path.write_text(f'{{"id": {written}, "outlet": "X", "text": "نص"}}\n', encoding="utf-8")
    if kept is None:  # not JSON (a leading zero)
        with pytest.raises(CorpusError, match=r"c.jsonl:1: not valid JSON"):
            list(iter_documents(path))
    else:
        assert [d.doc_id for d in iter_documents(path)] == [kept]


@pytest.mark.parametrize("written, message", [("true", r"column 'id' must hold an id; here it holds a boolean \(true\)"),
                                              ("NaN", r"not valid JSON \(NaN is not a JSON value\)"),
                                              ("Infinity", r"not valid JSON \(Infinity is not a JSON value\)"),
                                              ("[1]", r"column 'id' must hold an id; here it holds a list")])
def test_jsonl_ids_that_would_be_coerced_are_refused(tmp_path, written, message):
    path = tmp_path / "c.jsonl"
    path.write_text(f'{{"id": {written}, "outlet": "X", "text": "نص"}}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.jsonl:1: " + message):
        list(iter_documents(path))


def test_table_ids_are_never_coerced(tmp_path):
    # In a CSV every cell is text: "nan", "inf" and "True" are ids as written.
    path = _write(tmp_path, "c.csv", "id,outlet,text\nnan,A,نص أول\ninf,A,نص ثان\nTrue,A,نص ثالث\n")
    assert [d.doc_id for d in iter_documents(path)] == ["nan", "inf", "True"]
    # Parquet: whole numbers are kept; decimals (3.0 for 3), NaN and booleans are refused.
    pd.DataFrame({"id": [3, 4], "outlet": ["A", "A"], "text": ["نص", "نص آخر"]}).to_parquet(tmp_path / "i.parquet")
    assert [d.doc_id for d in iter_documents(tmp_path / "i.parquet")] == ["3", "4"]
    for name, ids, message in (("f", [3.0, None], r"holds a decimal number \(3.0\)"),
                               ("n", [float("nan"), 1.0], r"is missing \(NaN\)|is empty"),
                               ("b", [True, False], r"holds a boolean \(true\)")):
        df = pd.DataFrame({"id": ids, "outlet": ["A", "A"], "text": ["نص", "نص آخر"]})
        df.to_parquet(tmp_path / f"{name}.parquet")
        with pytest.raises(CorpusError, match=rf"{name}.parquet:1: column 'id' must hold an id; here it ({message})"):
            list(iter_documents(tmp_path / f"{name}.parquet"))


def test_a_symlink_out_of_the_corpus_folder_is_refused(seeds_copy, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    target = seeds_copy / "003_a81e5b6ee56853d2.txt"
    target.unlink()
    target.symlink_to(outside)
    with pytest.raises(CorpusError, match=r"003_a81e5b6ee56853d2.txt: is a symbolic link to .*elsewhere.txt, "
                                          r"outside the corpus folder"):
        read_corpus(seeds_copy, on_empty="skip")
    inside = seeds_copy / "sub" / "copy.txt"  # a link within the folder is fine
    inside.parent.mkdir()
    inside.write_text((SEEDS / "003_a81e5b6ee56853d2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    target.unlink()
    target.symlink_to(inside)
    assert len(read_corpus(seeds_copy)) == 5


def test_cr_only_line_ends_keep_paragraphs_and_offsets(seeds):
    doc = seeds["000_507e3ec0494cdcbd"]
    for newline in ("\r", "\r\n"):
        text = doc.text.replace("\n", newline)
        other = segment(Document(doc.doc_id, text, doc.meta))
        same = segment(doc)
        assert [(r["line"], r["role"], r["repeats"], r["n_words"]) for r in other.paragraph_rows] == \
            [(r["line"], r["role"], r["repeats"], r["n_words"]) for r in same.paragraph_rows]
        for r in other.paragraph_rows:
            chunk = text[r["start"]:r["end"]]
            assert chunk and "\r" not in chunk and "\n" not in chunk
        assert len(other.sentence_starts) == len(same.sentence_starts)
        markers = find_markers(Document(doc.doc_id, text, doc.meta))
        assert len(markers) == len(find_markers(doc)) > 0
        assert all(text[r.start:r.end] == r.match for r in markers.itertuples())
        if newline == "\r":  # same length: the same offsets
            assert markers[["frame", "start", "end"]].equals(find_markers(doc)[["frame", "start", "end"]])


def test_a_cr_only_folder_document_and_its_manifest_headline(seeds_copy):
    path = seeds_copy / "000_507e3ec0494cdcbd.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    doc = read_corpus(seeds_copy)["000_507e3ec0494cdcbd"]
    assert _roles(doc) == {1: "kicker", 2: "headline", 3: "standfirst", 8: "pullquote", 22: "pullquote", 33: "pullquote"}


def test_encoding_hints_only_when_they_fit(tmp_path):
    arabic = ARTICLE * 3
    cases = {
        "cp1256.txt": (arabic.encode("cp1256"), "Windows-1256 Arabic"),
        "damaged.txt": (arabic.encode("utf-8")[:100] + b"\xff" + arabic.encode("utf-8")[100:],
                        "the text around it is valid UTF-8"),
        "latin1.txt": ("Le ministre a déclaré à la presse que la réunion était réussie.\n".encode("latin-1"),
                       "Latin-1/Windows-1252"),
    }
    for name, (data, hint) in cases.items():
        with pytest.raises(EncodingError) as err:
            _decode_file(tmp_path, name, data)
        message = str(err.value)
        assert hint in message and message.count("Windows-1256") == (name == "cp1256.txt"), message


def _decode_file(tmp_path, name, data):
    from analysis.corpus import _decode

    path = tmp_path / name
    path.write_bytes(data)
    return _decode(data, path)


def test_json_errors_name_the_column_once(tmp_path):
    path = write_jsonl(tmp_path, ['{"id": 1, "outlet": "X", "text": "نص غير منته}'])
    with pytest.raises(CorpusError, match=r"c.jsonl:1: not valid JSON \(Unterminated string starting at column 34\)$"):
        list(iter_documents(path))
    line = '{"id": 1, "outlet": "X", "text": "نص"'
    path = write_jsonl(tmp_path, [line])
    with pytest.raises(CorpusError, match=rf"c.jsonl:1: not valid JSON \(Expecting ',' delimiter at column "
                                          rf"{len(line) + 1} \(the end of the line\)\)"):
        list(iter_documents(path))


def test_an_unreadable_plain_jsonl_is_a_permission_error(tmp_path, monkeypatch):
    from analysis import corpus

    path = write_jsonl(tmp_path, [{"id": 1, "outlet": "X", "text": "نص"}])

    def refuse(*args, **kwargs):  # this suite may run as root, for whom chmod 000 is no bar
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(corpus, "open", refuse, raising=False)
    with pytest.raises(CorpusError, match=r"c.jsonl: permission denied") as err:
        list(iter_documents(path))
    assert "compressed" not in str(err.value)


# ---- memory: everything streams, and one document has a size limit

def test_a_csv_corpus_is_read_as_it_streams(tmp_path):
    # The whole file used to be read and decoded before the first record: a bad byte at
    # the end failed the run before any document. Now records come as lines are read.
    rows = "".join(f"x{i},A,قال الوزير إن الأمن مهم رقم {i}\n" for i in range(50))
    path = tmp_path / "c.csv"
    path.write_bytes(("id,outlet,text\n" + rows).encode("utf-8") + "x99,B,نص\n".encode("cp1256"))
    docs = iter_documents(path)
    assert next(docs).doc_id == "x0"
    with pytest.raises(EncodingError, match=r"c.csv:52: not valid UTF-8"):
        list(docs)


def test_reading_a_large_csv_holds_one_record_at_a_time(tmp_path):
    import tracemalloc

    row = "x{0},A,\"{0} " + "قال الوزير إن التعاون الأمني يتعزز. " * 300 + "\"\n"
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("id,outlet,text\n")
        for i in range(500):
            fh.write(row.format(i))
    size = path.stat().st_size
    assert size > 8 * 2 ** 20
    list(iter_documents(_write(tmp_path, "warm.csv", "id,outlet,text\nx1,A,نص\n")))  # build lazy tables first
    tracemalloc.start()
    try:
        n = sum(1 for _ in iter_documents(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert n == 500 and peak < size / 4, (peak, size)  # reading it whole took more than its size


@pytest.mark.parametrize("name", ["bomb.jsonl.gz", "long.jsonl"])
def test_a_line_over_the_document_limit_is_refused_unread(tmp_path, name):
    import tracemalloc

    path = tmp_path / name
    line = b'{"id": 1, "outlet": "X", "text": "' + b"a" * (24 * 2 ** 20) + b'"}\n'
    path.write_bytes(gzip.compress(line, 1) if name.endswith(".gz") else line)
    tracemalloc.start()
    try:
        with pytest.raises(CorpusError, match=rf"{name}:1: a line over the 2 MB limit on one document "
                                              rf"\(raise it with --max-document-mb"):
            list(iter_documents(path, max_document_mb=2))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2 ** 20, peak
    assert [len(d.text) for d in iter_documents(path, max_document_mb=30)] == [24 * 2 ** 20]


def test_files_and_cells_over_the_document_limit(seeds_copy, tmp_path, capsys):
    path = seeds_copy / "003_a81e5b6ee56853d2.txt"
    size = path.stat().st_size
    with pytest.raises(CorpusError, match=r"000_507e3ec0494cdcbd.txt: the file is 0.0 MB, over the "
                                          r"0.001 MB limit on one document"):
        read_corpus(seeds_copy, max_document_mb=0.001)
    assert size > 0.001 * 2 ** 20
    pd.DataFrame({"id": ["x1"], "outlet": ["A"], "text": ["نص " * 2000]}).to_parquet(tmp_path / "c.parquet")
    with pytest.raises(CorpusError, match=r"c.parquet:1: the text is 0.0 MB, over the 0.005 MB limit"):
        list(iter_documents(tmp_path / "c.parquet", max_document_mb=0.005))
    from analysis.cli import main

    assert main(["export", "--corpus", str(seeds_copy), "--out", str(tmp_path / "out"),
                 "--max-document-mb", "0.001"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "over the 0.001 MB limit" in err
