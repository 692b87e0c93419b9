# Redress · 维权指南 — the two commands that matter: `make site` and `make test`.
# Everything is installed from this repository's own files (requirements.lock, Debian packages).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help site serve serve-en check lint test lock system-deps clean schema export new-type report bench laws stage properdocs
help:            ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	echo "$(CURDIR)" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/redress.pth"
	touch $(STAMP)

site: $(STAMP)   ## install what is needed and build both sites into site/
	$(PY) -m redress build

serve: $(STAMP)  ## preview the Chinese site with live reload (only changed pages are rebuilt)
	$(PY) -m mkdocs serve --dirty -f mkdocs.yml

serve-en: $(STAMP) ## preview the English site with live reload
	$(PY) -m mkdocs serve --dirty -f mkdocs.en.yml -a 127.0.0.1:8001

laws: $(STAMP)   ## copy the law texts data/laws.yml cites from ../shared/laws into laws/ (with origin and sha256)
	$(PY) -m redress laws

stage: $(STAMP)  ## each site as Markdown files and a config with no hook, in staged/{zh,en}
	$(PY) -m redress stage zh staged/zh
	$(PY) -m redress stage en staged/en

schema: $(STAMP) ## regenerate data/schema/*.schema.json from the models (editors use them)
	$(PY) -m redress schema

report: $(STAMP)  ## translation report: guide prose that lags its other-language counterpart
	$(PY) -m redress report

new-type: $(STAMP) ## add a skeleton situation: make new-type ID=my-situation
	$(PY) -m redress new-type "$(ID)"

export: site     ## PDF booklets, one-page checklists and offline zips into site/downloads/
	$(PY) -m redress export

check: lint      ## validate the data, lint it and the code, run the fast tests (no browser)
	$(PY) -m redress report
	$(PY) -m pytest -q -m "not site and not browser"

lint: $(STAMP)   ## the data and every quotation, the YAML, the code and its types
	$(PY) -m redress check
	$(PY) -m yamllint --strict data tests/fixtures/minimal/data
	$(PY) -m ruff check redress hooks tests tools bench
	$(PY) -m mypy

system-deps:     ## Debian packages the tests need: Chromium, CJK fonts, poppler
	@command -v chromium >/dev/null && fc-list | grep -q "Noto Sans CJK" && command -v pdftotext >/dev/null || \
	  ( $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-noto-cjk poppler-utils )

test: lint system-deps ## install what is needed, lint, and run every test (builds, browsers)
	$(PY) -m pytest -q

lock:            ## re-pin requirements.lock from requirements.in (needs the network)
	$(PYTHON) -m venv /tmp/redress-lock && /tmp/redress-lock/bin/pip install -q pip-tools
	/tmp/redress-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

bench: $(STAMP)  ## measure build speed, scaling, memory and page weight, against the last release (~25 min; bench/README.md)
	$(PY) bench/bench.py

properdocs: $(STAMP) ## build the staged zh site with ProperDocs 1.6.7 (a throwaway venv in /tmp/properdocs), --strict
	bash bench/properdocs.sh staged/zh

clean:           ## remove the built site and caches
	rm -rf site site.new site.old staged .pytest_cache .cache/plans
