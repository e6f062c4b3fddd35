"""Exception and warning types of the package.

Every error about user input names the file (and the line, where one applies) so that
the command line can print it as a single line. ``str(err)`` is that line.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["AnalysisError", "CorpusError", "EncodingError", "EmptyDocumentError",
           "DuplicateDocumentError", "ManifestError", "CodebookError", "GazetteerError",
           "AnnotationError", "OutputError", "CorpusWarning"]


class AnalysisError(Exception):
    """Base class: a problem with input the user gave, stated so they can fix it."""

    def __init__(self, path: str | Path | None, problem: str, *, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        self.problem = problem
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        # Picklable (the default would call cls(message)): errors cross process
        # boundaries in multiprocessing and Dask.
        return _rebuild_error, (type(self), self.path, self.problem, self.line)


def _rebuild_error(cls, path, problem, line):
    return cls(path, problem, line=line)


class CorpusError(AnalysisError):
    """A corpus file or folder cannot be read as documents."""


class EncodingError(CorpusError):
    """A text is not valid UTF-8."""


class EmptyDocumentError(CorpusError):
    """A document is empty or whitespace only."""


class DuplicateDocumentError(CorpusError):
    """Two documents share an id or the same text."""


class ManifestError(CorpusError):
    """The manifest and the files disagree, or the manifest is malformed."""


class CodebookError(AnalysisError):
    """A framing codebook is malformed (the message names the frame and the field)."""


class GazetteerError(AnalysisError):
    """A source gazetteer is malformed."""


class AnnotationError(AnalysisError):
    """A hand-coding file is malformed or disagrees with the corpus."""


class OutputError(CorpusError):
    """The output folder cannot be used: it would write over the corpus, or another
    export is writing into it. (A CorpusError, as the corpus guard was before.)"""


class CorpusWarning(UserWarning):
    """Input that is usable but suspicious (presentation forms, bidi controls, skipped rows)."""
