"""Execute the notebooks headless and reproducibly (``make figures``).

``python -m analysis.notebooks run notebooks`` executes every ``*.ipynb`` in the folder in
name order, in place, with the kernel of this environment, and writes them back with
their outputs. Execution timings are not recorded and cell ids are kept, so a second run
leaves the files byte-identical when nothing changed.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .atomic import atomic_path

__all__ = ["run_notebook", "main"]


def run_notebook(path: str | Path, *, timeout: int = 900) -> None:
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    client.execute()
    nb.metadata.pop("widgets", None)
    with atomic_path(path) as tmp:
        nbformat.write(nb, tmp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.notebooks")
    parser.add_argument("command", choices=["run"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    notebooks = sorted(args.folder.glob("[0-9]*.ipynb"))
    if not notebooks:
        print(f"error: {args.folder}: no notebooks", file=sys.stderr)
        return 2
    for nb in notebooks:
        print(f"executing {nb}", flush=True)
        run_notebook(nb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
