"""Build configuration beyond pyproject.toml: the optional C kernels (issue 17).

``optional=True``: when the extension cannot be built (no C compiler, no Python headers)
setuptools prints a warning and installs the package without it, and
``analysis.kernels`` falls back to the pure-Python functions, so installing never needs
a compiler.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("analysis._kernels", ["src/analysis/_kernels.c"], optional=True)])
