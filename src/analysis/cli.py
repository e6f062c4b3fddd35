"""Command line: ``arabic-discourse SUBCOMMAND`` (or ``python -m analysis SUBCOMMAND``).

Errors about the input are printed as one line naming the file (no traceback) and the
command exits with status 2; warnings are printed one line each. Ctrl-C, SIGTERM and
SIGHUP stop a run cleanly (no partial table, no temporary file, no folder it created)
with status 130, 143 or 129.
"""
from __future__ import annotations

import argparse
import difflib
import signal
import sys
import threading
import warnings
from pathlib import Path

from .errors import AnalysisError

__all__ = ["main"]

DESCRIPTION = ("Arabic media discourse analysis: framing markers and source attribution, every "
               "count traceable to character offsets in the raw text.")

EXAMPLES = {
    None: """\
examples:
  {prog} export --corpus seeds --out out
  {prog} export --corpus press.jsonl.gz --out out --jobs 0
  {prog} validate
  {prog} codebook --quanteda frames_quanteda.yml
  {prog} SUBCOMMAND --help     (the options and examples of each subcommand)
""",
    "export": """\
corpus formats:
  a folder of .txt files with manifest.csv (at least doc_id, outlet), or a .jsonl,
  .jsonl.gz, .csv or .parquet file with the fields id, outlet, date, title, text
  (map other names with --column). The corpus path is used as written: characters
  such as [ ] * ? are part of the name unless --glob is given.

output:
  documents, markers and attributions, as .csv and/or .parquet. They are written
  to temporary files and renamed only when every table is complete; a failure or
  Ctrl-C leaves no partial table. One export at a time writes into a folder.
  The CSV files keep the exact text: a cell may begin with = + - or @, which a
  spreadsheet program runs as a formula. Open them with a text import, or add
  --csv-safe for copies made for spreadsheets.

examples:
  {prog} export --corpus seeds --out out
  {prog} export --corpus press.jsonl.gz --out out --jobs 0 --no-progress
  {prog} export --corpus press.csv --column id=article_id --column text=body --out out
  {prog} export --corpus 'press/*.jsonl.gz' --glob --out out
  {prog} export --corpus press.parquet --out out --format parquet --gazetteer my_sources.yaml
  {prog} export --corpus press.jsonl.gz --out out --dask local --jobs 4
""",
    "validate": """\
examples:
  {prog} validate
  {prog} validate --corpus seeds --annotations validation
""",
    "codebook": """\
examples:
  {prog} codebook
  {prog} codebook --codebook my_frames.yaml
  {prog} codebook --quanteda frames_quanteda.yml
""",
}


def _prog() -> str:
    """The name the user typed: ``python -m analysis`` or the console script."""
    started_as = Path(sys.argv[0])
    return ("python -m analysis" if (started_as.name, started_as.parent.name) == ("__main__.py", "analysis")
            else "arabic-discourse")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("analysis")
    except Exception:  # not installed (run from a source tree)
        from . import __version__

        return __version__


class _Parser(argparse.ArgumentParser):
    """No abbreviations (``--job`` is not ``--jobs``); an unknown option is named, with
    the closest known one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def unknown(self, extras: list[str]) -> None:
        options = [s for a in self._actions for s in a.option_strings]
        for item in extras:
            if item.startswith("-") and len(item) > 1:
                name = item.split("=", 1)[0]
                close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]}?" if close else f"; see {self.prog} --help"
                self.error(f"unknown option {name}{hint}")
        self.error(f"unexpected argument{'s' if len(extras) > 1 else ''}: {' '.join(extras)}")


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


def _home_country(value: str) -> str:
    from .attribution import check_home_country

    try:
        return check_home_country(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _megabytes(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of MB, not {value!r}") from None
    if not mb > 0 or mb == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of MB above 0, not {value!r}")
    return mb



def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    wrong = [f for f in formats if f not in ("csv", "parquet")]
    if wrong or not formats:
        raise argparse.ArgumentTypeError(f"takes csv, parquet or csv,parquet, not {value!r}")
    return formats


def _parser() -> _Parser:
    prog = _prog()
    parser = _Parser(prog=prog, description=DESCRIPTION, epilog=EXAMPLES[None].format(prog=prog))
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND",
                                parser_class=_Parser)

    parser.subcommands = {}

    def subcommand(name: str, summary: str) -> _Parser:
        parser.subcommands[name] = sub.add_parser(name, help=summary, description=summary,
                                                  epilog=EXAMPLES[name].format(prog=prog))
        return parser.subcommands[name]

    ex = subcommand("export", "analyse a corpus and write the documents, markers and attributions tables")
    ex.add_argument("--corpus", required=True, metavar="PATH",
                    help="folder with manifest.csv, or a .jsonl, .jsonl.gz, .csv or .parquet file")
    ex.add_argument("--glob", action="store_true",
                    help="--corpus is a pattern of corpus files (quote it: 'press/*.jsonl.gz'); ids "
                         "and texts repeated across files are skipped and reported")
    ex.add_argument("--out", required=True, metavar="FOLDER", help="output folder (created if needed)")
    ex.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                    help="worker processes (default 1; 0 = all cores)")
    ex.add_argument("--format", type=_formats, default=("csv", "parquet"), metavar="FORMATS",
                    help="csv, parquet or csv,parquet (default)")
    ex.add_argument("--csv-safe", action="store_true",
                    help="also write documents.safe.csv, markers.safe.csv, attributions.safe.csv for "
                         "spreadsheets: UTF-8 with a byte-order mark, and a text cell beginning with "
                         "= + - or @ prefixed with an apostrophe so it is not run as a formula (such "
                         "cells no longer match the offsets: analyse the plain tables)")
    ex.add_argument("--column", action="append", default=[], metavar="FIELD=NAME", type=_column_item,
                    help="map a field (id, outlet, date, title, text) to the corpus's column name; "
                         "repeat for several")
    ex.add_argument("--codebook", metavar="YAML", help="a framing codebook (default: the packaged one)")
    ex.add_argument("--gazetteer", metavar="YAML", help="a source gazetteer (default: the packaged one)")
    ex.add_argument("--home-country", default="MA", metavar="CODE", type=_home_country,
                    help="ISO 3166 alpha-2 code of the home country: its officials are typed "
                         "home_official, others' foreign_official (default MA)")
    ex.add_argument("--max-document-mb", type=_megabytes, default=None, metavar="MB",
                    help="largest document read, in MB of UTF-8 text (default 20): a larger file, "
                         "line or cell is an error naming it")
    ex.add_argument("--skip-bad", action="store_true",
                    help="skip empty and duplicate documents of a folder corpus (reported) instead of failing")
    ex.add_argument("--dask", metavar="ADDRESS",
                    help="run on the Dask scheduler at ADDRESS ('local': a LocalCluster of --jobs workers)")
    ex.add_argument("--progress", dest="progress", action="store_true", default=None,
                    help="show a progress bar (default: only when stderr is a terminal)")
    ex.add_argument("--no-progress", dest="progress", action="store_false",
                    help="never show the progress bar (e.g. in a terminal whose output is logged)")

    va = subcommand("validate", "score both analyses against the hand coding (precision, recall, F1)")
    va.add_argument("--corpus", default=None, metavar="FOLDER",
                    help="default: seeds/ here, else the project's seeds/")
    va.add_argument("--annotations", default=None, metavar="FOLDER",
                    help="folder with the hand-coding CSVs (default: validation/ here, else the project's)")
    va.add_argument("--attributions", choices=("dev", "test", "fresh", "fresh2", "seeds", "agreement", "fresh-agreement",
                                                  "fresh2-agreement"),
                    help="score the attribution on the test bed's dev, test, fresh or fresh2 split (SaudiNewsNet, "
                         "../shared) or on the seeds, with recall, strict F1, via and breakdowns; "
                         "'agreement', 'fresh-agreement', 'fresh2-agreement': the two independent codings "
                         "of the overlap articles of the 86-article sample or of a fresh sample")
    va.add_argument("--home-country", default="MA", metavar="CODE",
                    help="ISO 3166 alpha-2 code of the home country for official types (default MA)")
    va.add_argument("--gazetteer", help="a source gazetteer YAML (default: the packaged one)")
    va.add_argument("--codebook", help="a framing codebook YAML to score (default: the packaged one); "
                                       "its frame ids are the labels expected in the hand coding")
    va.add_argument("--frames-dev", nargs="?", const="", metavar="DIR",
                    help="score the frames on the development sample (default validation/frames_dev: "
                         "index.csv, frames_coder_a.csv) instead of the seeds; "
                         "validation/frames_test is the held-out one")
    va.add_argument("--texts", metavar="DIR",
                    help="with --frames-dev: folder of the page texts <doc_id>.txt (default ../pages/texts)")
    va.add_argument("--saudinewsnet", metavar="FILE",
                    help="with --frames-dev: the SaudiNewsNet JSONL (default ../shared/corpora/saudinewsnet/...)")
    va.add_argument("--disagreements", action="store_true",
                    help="with --frames-dev: also print the markers missed and added (they quote the texts)")
    va.add_argument("--out", metavar="FILE",
                    help="with --attributions: write the disagreements table (CSV; it quotes the articles, "
                         "keep it out of a public repository); with --frames-dev: write the score table (CSV)")

    cb = subcommand("codebook", "print the codebook, or export it as a quanteda dictionary")
    cb.add_argument("--codebook", metavar="YAML", help="a codebook (default: the packaged one)")
    cb.add_argument("--quanteda", metavar="FILE",
                    help="write a quanteda YAML dictionary (regex values) to FILE and apply_quanteda.R beside it")
    return parser


def _export(args) -> int:
    import os

    from .output import expand_pattern, literal_path

    # The corpus is found before the slow imports and before a cluster starts.
    corpus = expand_pattern(args.corpus) if args.glob else literal_path(args.corpus)
    from .pipeline import Analyzer, export

    formats = args.format + (("safe.csv",) if args.csv_safe else ())
    columns = dict(args.column)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    analyzer = Analyzer(args.codebook, args.gazetteer, args.home_country)
    options = {"on_empty": "skip", "on_duplicate": "skip"} if args.skip_bad else {}
    if args.max_document_mb is not None:
        options["max_document_mb"] = args.max_document_mb
    run = dict(out_dir=args.out, formats=formats, analyzer=analyzer, columns=columns, **options)
    if args.dask:
        import logging

        from dask.distributed import Client, LocalCluster

        # The cluster's own log lines (workers starting and stopping) are not ours to show.
        logging.getLogger("distributed").setLevel(logging.ERROR)
        analyzer.codebook, analyzer.gazetteer  # a malformed file fails before a cluster starts
        cluster = None
        if args.dask == "local":
            with warnings.catch_warnings():
                # Its diagnostics servers take free ports; that one was taken is no news.
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                # Its workers ignore Ctrl-C once started (pipeline.dask_setup): this process
                # stops them, without ~70 lines of their tracebacks.
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None, preload=["analysis.pipeline"])
        try:
            with Client(cluster if cluster is not None else args.dask) as client:
                summary = export(corpus, client=client, **run)
        finally:
            if cluster is not None:
                cluster.close()
    else:
        summary = export(corpus, jobs=jobs, progress=args.progress, **run)
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

    if args.attributions and args.attributions.endswith("agreement"):
        from .testbed import agreement_scores

        fresh = args.attributions.removesuffix("-agreement") if args.attributions != "agreement" else None
        which = f"the {fresh} sample's overlap articles" if fresh else "the overlap articles"
        print(f"Agreement between two independent codings of {which}:")
        print(agreement_scores(fresh=fresh).to_string(index=False, float_format="{:.3f}".format))
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
    if args.frames_dev is not None:
        from .atomic import write_table_atomic
        from .report import dev_report

        text, scores = dev_report(args.codebook, args.frames_dev or None, texts=args.texts,
                                  saudinewsnet=args.saudinewsnet, show_disagreements=args.disagreements)
        print(text)
        if args.out:
            write_table_atomic(scores, args.out)
            print(f"scores → {args.out}")
        return 0
    print(validation_report(args.corpus or _project_folder("seeds"),
                            args.annotations or _project_folder("validation"), args.codebook))
    return 0


def _codebook(args) -> int:
    from .codebook import QUANTEDA_R_SCRIPT, load_codebook, quanteda_r_script, to_quanteda

    cb = load_codebook(args.codebook)
    if args.quanteda:
        from .atomic import atomic_path

        target = Path(args.quanteda)
        script = target.with_name(QUANTEDA_R_SCRIPT)
        if script.resolve() == target.resolve():
            raise ValueError(f"{target}: choose another name, the R script {QUANTEDA_R_SCRIPT} is written beside it")
        for path, text in ((target, to_quanteda(cb)), (script, quanteda_r_script())):
            with atomic_path(path) as tmp:
                Path(tmp).write_text(text, encoding="utf-8")
        print(f"quanteda dictionary ({len(cb.frames)} frames, codebook {cb.version}) → {target}; "
              f"R functions to apply it → {script}")
    else:
        print(f"codebook {cb.name} {cb.version} ({cb.path})")
        print(cb.table().to_string(index=False))
    return 0


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {message}", file=file or sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where Ctrl-C would be, so that a run stops as cleanly."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame):
    raise Terminated(signum)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _stop_signals() -> dict:
    """SIGTERM (``kill``, a job scheduler) and SIGHUP (the terminal closed) stop a run like
    Ctrl-C. Returns the previous handlers."""
    if not _main_thread():
        return {}
    stops = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    return {s: signal.signal(s, _terminate) for s in stops}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        # (checking --home imports the attribution package, which reads its data files: a
        # malformed one is the user's to fix, told in one line like any other input)
        args, extras = parser.parse_known_args(argv)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if extras:
        parser.subcommands[args.command].unknown(extras)
    previous_handlers = _stop_signals()
    previous_warning = warnings.showwarning
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
    except Terminated as exc:
        name = signal.Signals(exc.signum).name
        print(f"stopped by {name}: nothing was written", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("interrupted: nothing was written", file=sys.stderr)
        return 130
    finally:
        warnings.showwarning = previous_warning
        for s, handler in previous_handlers.items():
            signal.signal(s, handler)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
