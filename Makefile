# make run    build the index if needed, then serve on http://$(HOST):$(PORT)
# make test   every check: ruff check, ruff format --check, pytest (browser tests included);
#             installs Debian's Chromium and a CJK font first when they are missing
# make index / eval / bench / clean
#
# Installs go into .venv; stamp files there make repeated runs fast, and a changed
# pyproject.toml re-installs.

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# What the browser tests need from Debian: the browser, and a font for Chinese and Japanese text.
BROWSER_PACKAGES := chromium fonts-wqy-microhei

VENV := .venv
PY := $(VENV)/bin/python
BOT := $(VENV)/bin/bot
# -qq shows errors only; the machine's pip config otherwise prints a warning per package.
PIP := $(PY) -m pip install -qq
# The local CPU wheel; a bare `torch` requirement would pull a multi-GB CUDA build.
TORCH := torch==2.13.0

CORE_STAMP := $(VENV)/.core-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run index index-fresh eval bench test browser format clean

run: index-fresh
	$(BOT) serve --host $(HOST) --port $(PORT)

index: $(CORE_STAMP)
	$(BOT) index

index-fresh: $(CORE_STAMP)
	$(BOT) index --if-stale

eval: index-fresh
	$(BOT) eval

bench: index-fresh
	$(PY) bench/answer_latency.py --scale 1000 10000
	$(PY) bench/retrieval_ablation.py
	$(PY) bench/quality_ceiling.py
	$(PY) bench/embed_threads.py
	$(PY) bench/use_threads.py
	$(PY) bench/load.py --rounds 1
	$(PY) bench/summary_quality.py
	$(PY) bench/intent_quality.py
	$(PY) bench/lang_id.py
	$(PY) bench/worst_request.py
	$(PY) bench/module_map.py
	$(PY) bench/refusal_curve.py

test: $(TEST_STAMP) browser
	@status=0; \
	echo "== ruff check"; $(VENV)/bin/ruff check . || status=1; \
	echo "== ruff format --check"; $(VENV)/bin/ruff format --check . || status=1; \
	echo "== pytest"; HF_HUB_OFFLINE=1 $(VENV)/bin/pytest || status=$$?; \
	exit $$status

# Installs the browser packages only when one is missing, so a second `make test` asks nothing.
browser:
	@missing=""; \
	test -x $(CHROMIUM) || missing=" chromium"; \
	dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
		else echo "error: the browser tests need$$missing; run: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
		command -v apt-get >/dev/null 2>&1 || { echo "error: no apt-get here; install Chromium" \
			"and a CJK font yourself and run: make test CHROMIUM=/path/to/chromium" >&2; exit 1; }; \
		echo "== installing$$missing with apt-get (for the browser tests)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		$$sudo apt-get update -qq </dev/null && \
		$$sudo apt-get install -y -qq -o Dpkg::Use-Pty=0 $(BROWSER_PACKAGES) </dev/null >/dev/null || exit 1; \
	fi

format: $(CORE_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf index .index.d .cache $(VENV) *.egg-info .pytest_cache .ruff_cache

$(PY):
	$(PYTHON) -m venv $(VENV)

$(CORE_STAMP): pyproject.toml | $(PY)
	@echo "== installing bot with the [dev] extra into $(VENV)"
	$(PIP) -e '.[dev]'
	@touch $@

$(TEST_STAMP): pyproject.toml $(CORE_STAMP)
	@echo "== installing $(TORCH) (local CPU build), then the [dev,st] extras"
	$(PIP) $(TORCH)
	$(PIP) -e '.[dev,st]'
	@touch $@
