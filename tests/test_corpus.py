import csv
import hashlib
import io
import subprocess
import sys

import pandas as pd
import pytest

from analysis.corpus import (DOCUMENT_COLUMNS, PARAGRAPH_COLUMNS, SENTENCE_COLUMNS, Document, documents_frame,
                             iter_documents, read_corpus, segment)
from analysis.errors import (CorpusError, CorpusWarning, DuplicateDocumentError, EmptyDocumentError,
                             EncodingError, ManifestError)

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
    with pytest.raises(CorpusError, match=r"c.jsonl:1: column 'text' holds a int"):
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
