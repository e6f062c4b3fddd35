"""The exported tables: every CSV round-trips whatever the text holds, CSV and Parquet read
the same, and the spreadsheet copies defuse formulas without touching the tables."""
import csv
import json

import pandas as pd
import pytest

from analysis.pipeline import TABLES, export

from conftest import SEEDS, write_jsonl

# Arabic sample sentences written for these tests: "the minister said security matters",
# "the spokesman added that cooperation continues".
SAID = "قال الوزير إن الأمن مهم."
ADDED = "وأضاف المتحدث أن التعاون مستمر."
LINE_BREAKS = ["\r", "\r\n", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _csv_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_line_breaks_inside_text_fields_round_trip_through_csv(tmp_path, fmt):
    # CR-only texts, titles and ids with a bare CR: Python's csv writer quoted only its own
    # line terminator, so a CR was written bare and every reader split the row there.
    rows = [{"id": f"doc{k}\r{k}", "outlet": f"Out{sep}let", "title": f"Head{sep}line", "date": "2025-11-24",
             "text": f"{SAID}{sep}{ADDED} {k}{sep}{SAID.replace('الأمن', 'الاستقرار')}"}  # security → stability
            for k, sep in enumerate(LINE_BREAKS)]
    if fmt == "jsonl":
        corpus = write_jsonl(tmp_path, rows)
    else:
        corpus = tmp_path / "c.parquet"
        pd.DataFrame(rows).to_parquet(corpus, index=False)
    export(corpus, tmp_path / "out")
    for name in TABLES:
        parquet = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        text = [c for c in parquet.columns if not pd.api.types.is_numeric_dtype(parquet[c])
                and not pd.api.types.is_bool_dtype(parquet[c]) and c != "day"]
        rows_csv = _csv_rows(tmp_path / "out" / f"{name}.csv")  # the csv module
        assert rows_csv[0] == list(TABLES[name])
        assert len(rows_csv) - 1 == len(parquet)  # not one row more
        by_pandas = pd.read_csv(tmp_path / "out" / f"{name}.csv", dtype={c: str for c in text},
                                keep_default_na=False)
        assert len(by_pandas) == len(parquet)
        for col in text:
            expected = ["" if pd.isna(v) else v for v in parquet[col]]
            assert [r[rows_csv[0].index(col)] for r in rows_csv[1:]] == expected, (name, col)
            assert by_pandas[col].tolist() == expected, (name, col)
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(docs["doc_id"]) == sorted(r["id"] for r in rows)
    assert sorted(docs["title"]) == sorted(r["title"] for r in rows)
    acts = pd.read_csv(tmp_path / "out" / "attributions.csv", dtype={"doc_id": str, "cue": str},
                       keep_default_na=False)
    texts = {r["id"]: r["text"] for r in rows}
    assert len(acts) >= len(rows)
    assert all(texts[r.doc_id][r.cue_start:r.cue_end] == r.cue for r in acts.itertuples())


def test_csv_and_parquet_read_the_same(tmp_path):
    from analysis.tables import read_table

    # Missing values are missing in both (not "" in one and NaN in the other), ids stay
    # text, counts integers, and a full date is a typed date in both.
    rows = [{"id": "007", "outlet": "A", "date": "2025-11-24", "title": "", "text": SAID},
            {"id": "NA", "outlet": "null", "date": "2025-11", "text": ADDED},
            {"id": "12", "outlet": "B", "date": "2025-11-24T10:30:00", "title": "عنوان",  # "title"
             "text": SAID + " " + ADDED}]
    export(write_jsonl(tmp_path, rows), tmp_path / "out")
    for name in TABLES:
        from_csv = read_table(tmp_path / "out" / f"{name}.csv")
        from_parquet = read_table(tmp_path / "out" / f"{name}.parquet")
        pd.testing.assert_frame_equal(from_csv, from_parquet, check_exact=True)
        assert list(from_csv.columns) == list(TABLES[name])
    docs = read_table(tmp_path / "out" / "documents.parquet")
    assert list(docs["doc_id"]) == ["007", "NA", "12"] and list(docs["outlet"]) == ["A", "null", "B"]
    assert docs["title"].isna().tolist() == [True, True, False]
    assert docs["day"].tolist() == [pd.Timestamp("2025-11-24"), pd.NaT, pd.Timestamp("2025-11-24")]
    assert docs["date"].tolist() == ["2025-11-24", "2025-11", "2025-11-24T10:30:00"]  # as given


def test_plain_pandas_reads_both_files_the_same(tmp_path):
    # What the README tells a researcher who does not use read_table.
    export(SEEDS, tmp_path)
    for name in TABLES:
        parquet_types = pd.read_parquet(tmp_path / f"{name}.parquet").dtypes
        text = {c: "str" for c in TABLES[name] if pd.api.types.is_string_dtype(parquet_types[c])}
        from_csv = pd.read_csv(tmp_path / f"{name}.csv", dtype=text, keep_default_na=False, na_values=[""],
                               parse_dates=["day"] if name == "documents" else False)
        from_parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        if name == "documents":
            from_parquet["day"] = pd.to_datetime(from_parquet["day"])
            from_csv["day"] = from_csv["day"].astype(from_parquet["day"].dtype)
        pd.testing.assert_frame_equal(from_csv, from_parquet, check_exact=True)
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    # The seeds' dates are intervals (a day only for 002: 2025-11-24 to 2025-11-24).
    assert docs["day"].notna().tolist() == [False, False, True, False, False]
    assert docs["outlet_ar"].isna().sum() == (pd.read_csv(SEEDS / "manifest.csv", keep_default_na=False)
                                              ["outlet_ar"] == "").sum()


def test_text_that_starts_like_a_formula_is_kept_and_defused_only_in_the_copy(tmp_path):
    from analysis.tables import read_table

    rows = [{"id": "=1+1", "outlet": "+A", "title": "-عنوان", "text": "@" + SAID},  # "-title"
            {"id": "x2", "outlet": "=HYPERLINK(\"http://example.org\")", "text": "-" + ADDED}]
    export(write_jsonl(tmp_path, rows), tmp_path / "out", formats=("csv", "parquet", "safe.csv"))
    docs = read_table(tmp_path / "out" / "documents.csv")
    assert list(docs["doc_id"]) == ["=1+1", "x2"] and docs["outlet"][0] == "+A"  # exact text
    with open(tmp_path / "out" / "documents.safe.csv", encoding="utf-8", newline="") as fh:
        raw = fh.read()
    assert raw.startswith("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    safe = list(csv.DictReader(raw[1:].splitlines()))
    assert [r["doc_id"] for r in safe] == ["'=1+1", "x2"]
    assert [r["outlet"] for r in safe] == ["'+A", "'=HYPERLINK(\"http://example.org\")"]
    assert safe[0]["title"] == "'-عنوان" and safe[0]["n_words"] == "5"
    acts = read_table(tmp_path / "out" / "attributions.csv")
    texts = {r["id"]: r["text"] for r in rows}
    assert all(texts[r.doc_id][r.cue_start:r.cue_end] == r.cue for r in acts.itertuples())


def test_spreadsheet_safe_touches_only_leading_formula_characters():
    from analysis.tables import spreadsheet_safe

    # "＝" is the full-width equals sign; "قال" is "said".
    frame = pd.DataFrame({"a": ["=x", "x=", "＝x", "\tx", None, "", "قال"], "n": [-1, 2, 3, 4, 5, 6, 7]})
    safe = spreadsheet_safe(frame, ["a"])
    assert [None if pd.isna(v) else v for v in safe["a"]] == ["'=x", "x=", "'＝x", "'\tx", None, "", "قال"]
    assert safe["n"].tolist() == frame["n"].tolist()


def test_an_empty_export_still_has_typed_tables(tmp_path):
    from analysis.tables import read_table

    path = tmp_path / "c.csv"
    path.write_text("id,outlet,text\n", encoding="utf-8")
    with pytest.warns(Warning, match="no documents"):
        export(path, tmp_path / "out")
    for name in TABLES:
        a, b = read_table(tmp_path / "out" / f"{name}.csv"), read_table(tmp_path / "out" / f"{name}.parquet")
        assert len(a) == len(b) == 0 and list(a.columns) == list(b.columns) == list(TABLES[name])
    assert str(pd.read_parquet(tmp_path / "out" / "markers.parquet")["start"].dtype) == "int64"
    json.dumps(list(TABLES))  # the table names are plain strings
