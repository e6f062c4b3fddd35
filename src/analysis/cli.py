"""Command line: ``python -m analysis SUBCOMMAND``.

Subcommands:
  export     analyse a corpus, write documents / markers / attributions (CSV and Parquet)
  validate   precision, recall and F1 of both analyses against the hand coding
  codebook   print the codebook, or export it as a quanteda dictionary

Errors about the input are printed as one line naming the file (no traceback) and the
command exits with status 2; warnings are printed one line each.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .errors import AnalysisError

__all__ = ["main"]


def _column_item(item: str) -> tuple[str, str]:
    """One ``--column FIELD=NAME`` (argparse turns the error into a usage message)."""
    key, sep, value = item.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"takes FIELD=NAME (e.g. text=body), not {item!r}")
    return key.strip(), value.strip()


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all cores) or more, not {jobs}")
    return jobs


def _megabytes(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of MB, not {value!r}") from None
    if not mb > 0 or mb == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of MB above 0, not {value!r}")
    return mb


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("export", help="analyse a corpus and write the tables")
    ex.add_argument("--corpus", required=True, help="folder with manifest.csv, or .jsonl/.jsonl.gz/.csv/.parquet")
    ex.add_argument("--out", required=True, help="output folder (created if needed)")
    ex.add_argument("--jobs", type=_jobs, default=1, help="worker processes (default 1; 0 = all cores)")
    ex.add_argument("--format", default="csv,parquet", help="csv, parquet or csv,parquet (default)")
    ex.add_argument("--column", action="append", default=[], metavar="FIELD=NAME", type=_column_item,
                    help="map a field (id, outlet, date, title, text) to the corpus's column name")
    ex.add_argument("--codebook", help="a framing codebook YAML (default: the packaged one)")
    ex.add_argument("--gazetteer", help="a source gazetteer YAML (default: the packaged one)")
    ex.add_argument("--max-document-mb", type=_megabytes, default=None, metavar="MB",
                    help="largest document read, in MB of UTF-8 text (default 20): a larger file, "
                         "line or cell is an error naming it")
    ex.add_argument("--skip-bad", action="store_true",
                    help="skip empty and duplicate documents of a folder corpus (reported) instead of failing")
    ex.add_argument("--dask", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS ('local' for a LocalCluster)")
    ex.add_argument("--progress", dest="progress", action="store_true", default=None,
                    help="show a progress bar (default: only on a terminal)")
    ex.add_argument("--no-progress", dest="progress", action="store_false")

    va = sub.add_parser("validate", help="score both analyses against the hand coding")
    va.add_argument("--corpus", default=None,
                    help="default: seeds/ here, else the project's seeds/")
    va.add_argument("--annotations", default=None,
                    help="folder with the hand-coding CSVs (default: validation/ here, else the project's)")
    va.add_argument("--attributions", choices=("dev", "test", "seeds", "agreement"),
                    help="score the attribution on the test bed's dev or test split (SaudiNewsNet, "
                         "../shared) or on the seeds, with recall, strict F1, via and breakdowns; "
                         "'agreement': the two independent codings of the overlap articles")
    va.add_argument("--home-country", default="MA", metavar="CODE",
                    help="ISO 3166 alpha-2 code of the home country for official types (default MA)")
    va.add_argument("--gazetteer", help="a source gazetteer YAML (default: the packaged one)")
    va.add_argument("--out", metavar="FILE",
                    help="with --attributions: write the disagreements table (CSV; it quotes the articles, "
                         "keep it out of a public repository)")

    cb = sub.add_parser("codebook", help="print the codebook or export it for quanteda")
    cb.add_argument("--codebook", help="a codebook YAML (default: the packaged one)")
    cb.add_argument("--quanteda", metavar="FILE", help="write a quanteda YAML dictionary to FILE")
    return parser


def _export(args) -> int:
    import os

    from .pipeline import Analyzer, check_output, export, run_dask, write_table_atomic

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    columns = dict(args.column)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    analyzer = Analyzer(args.codebook, args.gazetteer)
    options = {"on_empty": "skip", "on_duplicate": "skip"} if args.skip_bad else {}
    if args.max_document_mb is not None:
        options["max_document_mb"] = args.max_document_mb
    if args.dask:
        from dask.distributed import Client, LocalCluster

        check_output(args.corpus, args.out, formats)
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True) if args.dask == "local" else None
        with Client(cluster if cluster is not None else args.dask) as client:
            tables = run_dask(args.corpus, client=client, analyzer=analyzer, columns=columns, **options)
        if cluster is not None:
            cluster.close()
        out = Path(args.out)
        for name, df in tables.items():
            for fmt in formats:
                write_table_atomic(df, out / f"{name}.{fmt}")
        print(f"{len(tables['documents'])} documents, {len(tables['markers'])} markers, "
              f"{len(tables['attributions'])} reporting acts → {out}")
        return 0
    summary = export(args.corpus, args.out, jobs=jobs, formats=formats, analyzer=analyzer,
                     columns=columns, progress=args.progress, **options)
    rep = summary.report
    print(f"{summary.n_documents} documents, {summary.n_markers} markers, "
          f"{summary.n_attributions} reporting acts in {summary.seconds:.1f} s → {args.out}"
          + (f" (skipped {len(rep.empty)} empty, {len(rep.duplicate_texts)} duplicate texts, "
             f"{len(rep.duplicate_ids)} duplicate ids)" if rep.skipped else ""))
    return 0


def _project_folder(name: str) -> str:
    """``name`` in the working directory if it is there, else in the project this package
    was installed from (an editable install: ``src/analysis`` → the project root)."""
    if Path(name).exists():
        return name
    project = Path(__file__).resolve().parents[2] / name
    return str(project) if project.exists() else name


def _validate(args) -> int:
    from .report import validation_report

    if args.attributions == "agreement":
        from .testbed import agreement_scores

        print("Agreement between two independent codings of the overlap articles:")
        print(agreement_scores().to_string(index=False, float_format="{:.3f}".format))
        return 0
    if args.attributions:
        from .atomic import write_table_atomic
        from .testbed import format_scores, score_split

        scores = score_split(args.attributions, home_country=args.home_country.upper(), gazetteer=args.gazetteer,
                             folder=Path(args.annotations) / ("attributions" if args.attributions != "seeds" else "")
                             if args.annotations else None,
                             seeds=Path(args.corpus) if args.corpus else None)
        print(format_scores(scores))
        if args.out:
            write_table_atomic(scores.disagreements, args.out)
            print(f"disagreements ({len(scores.disagreements)} rows) → {args.out}")
        return 0
    print(validation_report(args.corpus or _project_folder("seeds"),
                            args.annotations or _project_folder("validation")))
    return 0


def _codebook(args) -> int:
    from .codebook import load_codebook, to_quanteda

    cb = load_codebook(args.codebook)
    if args.quanteda:
        from .atomic import atomic_path

        target = Path(args.quanteda)
        with atomic_path(target) as tmp:
            Path(tmp).write_text(to_quanteda(cb), encoding="utf-8")
        print(f"quanteda dictionary ({len(cb.frames)} frames, codebook {cb.version}) → {target}")
    else:
        print(f"codebook {cb.name} {cb.version} ({cb.path})")
        print(cb.table().to_string(index=False))
    return 0


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    warnings.showwarning = _one_line_warning
    try:
        return {"export": _export, "validate": _validate, "codebook": _codebook}[args.command](args)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"error: {where}{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
