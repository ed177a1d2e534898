# The crm_client_base workspace. A newcomer needs two commands: `make demo` and `make test`.
# ODOO_SRC (default /opt/odoo-19.0) is the Odoo 19.0 source tree; see setup/setup.sh.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
DEMO_DB ?= crm_client_base_demo
BENCH_SIZE ?= 10000
SCALE_SIZE ?= 1000000
SCALE_GENERATOR ?= generator

.PHONY: help setup demo test lint bench bench-scale load i18n readme screenshots partner-indexes clean

help:
	@echo "make demo   set up, create the demo database and serve it at http://localhost:8069"
	@echo "make test   set up, install the addons on a fresh database, run every test and the linters"
	@echo "make setup | lint | bench (BENCH_SIZE=$(BENCH_SIZE)) | bench-scale (SCALE_SIZE=$(SCALE_SIZE) SCALE_GENERATOR=$(SCALE_GENERATOR)) | load | i18n"
	@echo "make readme | screenshots | clean"
	@echo "make partner-indexes DB=name [CREATE=1]   report (create) missing indexes on foreign keys to partners"

setup:
	@bash setup/setup.sh

lint: setup
	@$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

# Linters first (seconds), then the tests; the test runner prints the summary line last.
test: setup
	@$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure
	@$(VENV)/bin/python tools/run_tests.py

# ARGS=--reset rebuilds the demo database; ARGS=--create-only builds it without serving.
demo: setup
	@$(VENV)/bin/python tools/demo.py --db $(DEMO_DB) $(ARGS)

bench: setup
	@$(VENV)/bin/python bench/run.py --size $(BENCH_SIZE)

# The duplicate detector on a generated base of SCALE_SIZE clients loaded in SQL (1M: ~1.7M partners);
# SCALE_GENERATOR=generator_b: the second labeled base, never tuned on.
bench-scale: setup
	@$(VENV)/bin/python bench/scale.py --size $(SCALE_SIZE) --generator $(SCALE_GENERATOR)

# 20 salespeople and 2 managers for 3 minutes on a multi-worker server (loopback, bounded).
load: setup
	@$(VENV)/bin/python tools/load.py $(ARGS)

i18n: setup
	@$(VENV)/bin/python tools/i18n.py

# Each addon's Apps page (static/description/index.html) from its readme/ fragments.
readme: setup
	@$(VENV)/bin/python tools/readme.py

# The readme's screenshots, taken from the demo database (built when missing) in headless Chromium.
screenshots: setup
	@$(VENV)/bin/python tools/screenshots.py --db $(DEMO_DB)

# Odoo finds an addon's command only when --addons-path comes first: take it from odoo.conf.
partner-indexes: setup
	@$(VENV)/bin/odoo --addons-path=$$(sed -n 's/^addons_path *= *//p' odoo.conf) partner_indexes \
		-c odoo.conf -d $(DB) $(if $(CREATE),--create)

clean:
	rm -rf .test-logs .odoo-data
