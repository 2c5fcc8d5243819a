PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := samples/bkpsdm_purwakarta_2024

.PHONY: setup run test lint format template clean rules

$(BIN)/pokin-xl: pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

setup: $(BIN)/pokin-xl

run: setup
	$(BIN)/pokin-xl build $(SAMPLE)/matriks.xlsx --renstra $(SAMPLE)/renstra.xlsx --tahun 2024 || test $$? -eq 1
	$(BIN)/pokin-xl dokumen $(SAMPLE)/matriks.xlsx || test $$? -eq 1

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

template: setup
	$(BIN)/pokin-xl template --timpa -o templates/Matriks_Peran_Hasil.xlsx

clean:
	rm -rf $(VENV) build *.egg-info

rules: setup
	$(BIN)/python scripts/rules_table.py --update README.md
