# Two commands do everything: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export OMP_WAIT_POLICY := PASSIVE

.PHONY: run test install browser index serve lint bench clean

$(PY):
	python3 -m venv $(VENV)

# torch==2.13.0 goes in the same pip step as everything else: the local CPU wheel,
# not the multi-GB CUDA build an unpinned resolve would drag in.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0 -e '.[test]'
	touch $@

install: $(STAMP)

index: $(STAMP)
	$(VENV)/bin/assistant index corpus/ || [ $$? -eq 1 ]

serve: $(STAMP)
	$(VENV)/bin/assistant serve

run: index serve

browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Debian chromium: sudo apt-get install chromium" >&2; exit 1; fi; \
	fi

test: $(STAMP) browser
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) bench/ingest.py
	$(PY) bench/query.py
	$(PY) bench/multihop.py

clean:
	rm -rf $(VENV) .assistant .pytest_cache
