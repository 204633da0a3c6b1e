# Composer: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLES_OUT := build/voorbeelden

.PHONY: run samples test bench lint dist install clean templates translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=68" wheel

# Quiet: setuptools' notice that an editable install reads the working copy is expected here.
$(STAMP): pyproject.toml | $(BIN)/python
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e ".[test,dist]"
	touch $(STAMP)

install: $(STAMP)

# The desktop program on the embedded SQLite library; a first start adds the sample letters.
run: install
	$(BIN)/composer gui

# Renders the sample letters without a window and says where they are.
samples: install
	@mkdir -p $(SAMPLES_OUT)
	@for letter in resources/samples/*.json; do \
		name=$$(basename $$letter .json); \
		$(BIN)/composer render $$letter -o $(SAMPLES_OUT)/$$name.docx || exit 1; \
		$(BIN)/composer render $$letter -o $(SAMPLES_OUT)/$$name.pdf || exit 1; \
	done
	@echo "De voorbeeldbrieven staan in $(CURDIR)/$(SAMPLES_OUT)/"

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: install
	for bench in bench/bench_*.py; do echo "== $$bench"; $(BIN)/python $$bench || exit 1; done

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

dist: install
	$(BIN)/pyinstaller --noconfirm --clean composer.spec
	@echo "Het programma staat in $(CURDIR)/dist/composer/"

templates: install
	$(BIN)/python templates/build_templates.py

# Screen texts: collect them (composer.pot), update the English catalogue, compile it (.mo).
# Fill in the new English texts in resources/locale/en/LC_MESSAGES/composer.po, then run again.
LOCALE := resources/locale
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' composer/__init__.py)
translations: install
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
		--project=Composer --version=$(VERSION) --copyright-holder="Composer" -w 100 -o $(LOCALE)/composer.pot composer
	$(BIN)/pybabel -q update -i $(LOCALE)/composer.pot -d $(LOCALE) -D composer -l en \
		--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -w 100
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -D composer -l en

clean:
	rm -rf build dist
