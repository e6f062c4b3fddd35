"""Which implementation of the per-token kernels runs: compiled C or pure Python.

The C extension ``analysis._kernels`` is built at install time when a C compiler and the
Python headers exist; each of its functions gives exactly what a pure-Python function in
:mod:`analysis.corpus` gives, and that function stays the tested reference and the
fallback. Set the environment variable ``ANALYSIS_PURE_PYTHON=1`` (before the package is
imported) to run the pure-Python code even where the extension is built.

Example
-------
>>> from analysis import kernels
>>> kernels.compiled() in (True, False)
True
"""
from __future__ import annotations

import os
from typing import Callable

__all__ = ["compiled", "pick", "PURE_PYTHON_VARIABLE"]

PURE_PYTHON_VARIABLE = "ANALYSIS_PURE_PYTHON"


def _load():
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return None
    try:
        from . import _kernels
    except ImportError:  # not built (no compiler at install time): the Python path
        return None
    return _kernels


_MODULE = _load()


def compiled() -> bool:
    """True when the compiled kernels are in use, False on the pure-Python path."""
    return _MODULE is not None


def pick(name: str, python: Callable) -> Callable:
    """The compiled kernel ``name`` when in use, else ``python`` (its reference)."""
    return getattr(_MODULE, name) if _MODULE is not None else python
