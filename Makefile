# Entry points (README): `make figures`, `make report` and `make test`. All create .venv on first use.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0

.PHONY: figures report test browser hostile export bench bench-size lock clean-venv

$(STAMP): requirements/lock.txt requirements/nodeps.txt pyproject.toml setup.py src/analysis/_kernels.c
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (camel-tools 1.6.0 requires it); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/lock.txt
	# camel-tools declares torch and transformers as hard dependencies but the utilities
	# used here need only six, emoji and regex (pinned in lock.txt): no CUDA wheels.
	$(BIN)/python -m pip install --quiet --no-deps -r requirements/nodeps.txt
	# Builds the C kernels in place (src/analysis/_kernels*.so) when a C compiler and the Python
	# headers exist; without them the build is skipped and the pure-Python code runs (setup.py).
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

figures: $(STAMP)
	$(BIN)/python -m analysis.notebooks run notebooks

# The replication report: one self-contained HTML page from the executed notebooks.
report: $(STAMP)
	$(BIN)/python -m analysis.replication --out report/index.html

# The browser tests drive Debian's chromium (never a downloaded browser): installed here
# when missing and we are root (CI); otherwise the tests skip and say why.
browser:
	@bash .ci/ensure_chromium.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest --nbval --mpl --mpl-baseline-path=tests/baseline tests notebooks

# Every case of issue 12 on every corpus format, full sizes (gzip bomb, --dask): a table.
hostile: $(STAMP)
	$(BIN)/python tests/hostile_inputs.py

export: $(STAMP)
	$(BIN)/python -m analysis export --corpus seeds --out out

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_corpus.py --corpus ../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz --jobs 2 --repeat 3

# Seconds per MB of one synthetic article of 1, 4 and 16 MB: each stage should stay flat.
bench-size: $(STAMP)
	$(BIN)/python benchmarks/bench_size.py --sizes 1,4,16

# Regenerate the full pin list from requirements/direct.txt (maintainers only).
lock:
	rm -rf /tmp/lockvenv && $(PYTHON) -m venv /tmp/lockvenv
	/tmp/lockvenv/bin/pip install --quiet -r requirements/direct.txt
	/tmp/lockvenv/bin/pip freeze --exclude camel-tools > requirements/lock.txt

clean-venv:
	rm -rf $(VENV)
