# The two commands of the README: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test bench lock textcat screenshots extension

run: install
	@$(PY) -m backend.bootstrap --host $(HOST) --port $(PORT)
	exec $(VENV)/bin/gunicorn --config backend/gunicorn_conf.py --bind $(HOST):$(PORT) backend.wsgi:app

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.txt
	touch $@

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

# Retake the README's screenshots into docs/screenshots (`make test` writes them to the ignored tests/output/).
screenshots:
	PRECHECK_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots bash scripts/test.sh -q \
	  tests/console/test_console_browser.py tests/console/test_console_schools_browser.py tests/browser/test_editors.py tests/browser/test_options_and_popup.py

# The extension's content script, built from extension/src/content/ into extension/build/
# (load the extension unpacked after this), then the packages for deployment, the same bytes
# from the same tree: dist/precheck-chrome-<version>.zip and dist/precheck-firefox-<version>.xpi
# (docs/deploy.md). esbuild and web-ext are pinned in extension/tools/package-lock.json.
EXTENSION_TOOLS := extension/tools
extension: $(EXTENSION_TOOLS)/node_modules/.package-lock.json
	node $(EXTENSION_TOOLS)/build-content-script.mjs
	python3 scripts/package_extension.py

$(EXTENSION_TOOLS)/node_modules/.package-lock.json: $(EXTENSION_TOOLS)/package-lock.json
	cd $(EXTENSION_TOOLS) && npm ci --no-audit --no-fund --loglevel=error

# Retrain the work-talk/reputation classifier (nlp/textcat/model) from tests/data and nlp/textcat/written.jsonl.
textcat:
	$(PY) -m nlp.train

# Re-pin requirements*.txt (with hashes) after editing requirements*.in.
lock:
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in
