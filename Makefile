# Two commands for a fresh machine with Python 3 and make:
#   make lab    set up (once) and open the lessons in JupyterLab
#   make test   set up (once) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
START  := notebooks/00_start_here.ipynb
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
# Serve the whole project (lessons, exercises, solutions) and open the start-here notebook.
LAB_ARGS := --ServerApp.root_dir=$(CURDIR) $(ROOT_FLAG) $(START)

.PHONY: setup lab test check-data clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements-lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# Opens the start-here notebook. With no display (or in CI) no browser is started: open the URL
# that JupyterLab prints (it contains the access token).
lab: setup
	@if [ -n "$$CI" ] || { [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; }; then \
		echo "No display: open the http://127.0.0.1:8888/lab?token=... address printed below in your browser,"; \
		echo "then open $(START) in the file browser on the left."; \
		$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 $(LAB_ARGS); \
	else \
		$(BIN)/jupyter lab $(LAB_ARGS); \
	fi

test: setup
	$(BIN)/python -m pytest

check-data: setup
	$(BIN)/python -m cuba_triangle check

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
