# Redress · 维权指南 — the two commands that matter: `make site` and `make test`.
# Everything is installed from this repository's own files (requirements.lock, Debian packages).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: browser-deps help site serve serve-en check check-data lint test in-step lock system-deps clean schema export new-type report bench laws stage properdocs
help:            ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

# No stamp means no finished install: start again from nothing rather than on a broken .venv.
$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "需要 Python 3.11 或更新版本 / Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)); install it, or run make PYTHON=python3.11 …"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "缺少 Python 的 venv 模块 / Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	rm -rf $(VENV)
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

in-step: $(STAMP) ## after checking a guide reads the same in both languages: make in-step ID=… (all without ID)
	$(PY) -m redress in-step $(ID)

report: $(STAMP)  ## translation report: guide prose that lags its other-language counterpart
	$(PY) -m redress report

new-type: $(STAMP) ## add a skeleton situation: make new-type ID=my-situation
	$(PY) -m redress new-type "$(ID)"

export: site browser-deps ## PDF booklets, one-page checklists and offline zips into site/downloads/
	$(PY) -m redress export

check-data: $(STAMP) ## for content editors: the data, every quotation, the YAML, the translation report (seconds)
	$(PY) -m redress check
	$(PY) -m yamllint --strict data tests/fixtures/minimal/data
	$(PY) -m redress report

check: lint      ## validate the data, lint it and the code, run the fast tests (no browser)
	$(PY) -m redress report
	$(PY) -m pytest -q -m "not site and not browser"

lint: $(STAMP)   ## the data and every quotation, the YAML, the code and its types
	$(PY) -m redress check
	$(PY) -m yamllint --strict data tests/fixtures/minimal/data
	$(PY) -m ruff check redress hooks tests tools bench
	$(PY) -m mypy

browser-deps:    ## Debian's Chromium and CJK fonts (export prints with them; REDRESS_CHROMIUM names another browser)
	@[ -n "$$REDRESS_CHROMIUM" ] && [ -x "$$REDRESS_CHROMIUM" ] || command -v chromium >/dev/null || \
	  ( $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium ) || { \
	  echo "没有 Chromium，也无法安装 / no Chromium, and it could not be installed: sudo apt-get install chromium, or set REDRESS_CHROMIUM=/path/to/chrome"; exit 1; }
	@fc-list :lang=zh 2>/dev/null | grep -q . || \
	  ( $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q fonts-noto-cjk ) || { \
	  echo "没有中文字体，PDF 里的汉字会变成方块 / no Chinese font, every Chinese character in the PDFs would be a box: sudo apt-get install fonts-noto-cjk"; exit 1; }

system-deps:     ## Debian packages the tests need: Chromium, CJK fonts, poppler
	@{ [ -x "$$REDRESS_CHROMIUM" ] || command -v chromium >/dev/null; } && fc-list | grep -q "Noto Sans CJK" && command -v pdftotext >/dev/null || \
	  ( $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-noto-cjk poppler-utils )

test: lint system-deps ## install what is needed, lint, and run every test (builds, browsers)
	$(PY) -m pytest -q

lock:            ## re-pin requirements.lock from requirements.in (needs the network)
	$(PYTHON) -m venv /tmp/redress-lock && /tmp/redress-lock/bin/pip install -q pip-tools
	/tmp/redress-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

bench: $(STAMP)  ## measure build speed, scaling, memory and page weight, against the last release (over an hour; bench/README.md)
	$(PY) bench/bench.py

properdocs: $(STAMP) ## build the staged zh site with ProperDocs 1.6.7 (a throwaway venv in /tmp/properdocs), --strict
	bash bench/properdocs.sh staged/zh

clean:           ## remove the built site and caches (and an unfinished .venv)
	rm -rf site site.new site.old staged .pytest_cache .cache/plans
	@[ -f $(STAMP) ] || rm -rf $(VENV)
