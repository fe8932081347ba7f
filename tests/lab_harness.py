"""Start JupyterLab or Voilà on a free loopback port and drive it with Playwright + Debian's chromium.

Used by the browser tests (tests/test_browser.py) and the benchmark (benchmarks/bench_components.py).
Never runs `playwright install`: the system chromium is launched through ``executable_path``.
Known pitfalls handled here (see shared research, toolchain probe): the toolbar says "idle" before a kernel
exists, so we wait for the status bar's "| Idle"; the news toast and cell windowing are switched off; the
notebook is a stripped copy in a private folder, so nothing passes from stale outputs or old kernels.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
KERNEL_IDLE = r"""() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
    .some(e => / \| Idle$/.test(e.textContent.trim()) && !/^No Kernel/.test(e.textContent.trim()))"""
ANY_STARTED = r"""() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .some(p => p.textContent.trim() !== '[ ]:')"""
ALL_RUN = r"""() => { const ps = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
    return ps.length > 0 && ps.every(p => /\[\d+\]/.test(p.textContent)); }"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stripped_copy(notebook: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    target = folder / notebook.name
    nbformat.write(nb, target)
    return target


def _isolated_env(work: Path) -> dict[str, str]:
    settings = work / "lab-settings"
    for rel, body in {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                           "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    }.items():
        path = settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(body))
    return dict(os.environ, JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_DATA_DIR=str(work / "data"),
                JUPYTER_RUNTIME_DIR=str(work / "runtime"), IPYTHONDIR=str(work / "ipython"),
                JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
                PYDEVD_DISABLE_FILE_VALIDATION="1")


@contextlib.contextmanager
def server(kind: str, notebook: Path, work: Path):
    """Yield (url to open, log path) for JupyterLab (kind "lab") or Voilà (kind "voila") on a copy of ``notebook``."""
    copy = stripped_copy(notebook, work / "notebooks")
    env = _isolated_env(work)
    port, token = free_port(), uuid.uuid4().hex
    root_flag = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    if kind == "lab":
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
                   f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={copy.parent}",
                   "--LabApp.news_url=None", *root_flag]
        status, url = f"/api/status?token={token}", f"/lab/tree/{copy.name}?token={token}"
    else:
        command = [sys.executable, "-m", "voila", str(copy), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
        status, url = "/", "/"
    log_path = work / f"{kind}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=copy.parent)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    urllib.request.urlopen(base + status, timeout=2).read(1)
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"{kind} did not start:\n" + log_path.read_text(errors="replace")[-3000:])
                    time.sleep(0.25)
            yield base + url, log_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@contextlib.contextmanager
def browser_page(work: Path):
    """A Playwright page in headless Debian chromium; ``page.js_errors`` collects page errors."""
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, XDG_CONFIG_HOME=str(work / "xdg-config"), XDG_CACHE_HOME=str(work / "xdg-cache"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True, env=env)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        try:
            yield page
        finally:
            browser.close()


def run_all_cells(page, tries: int = 3) -> None:
    """Run > Run All Cells in JupyterLab, once the kernel really is idle; click again if nothing started."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_function(KERNEL_IDLE, timeout=90_000)
    for _ in range(tries):
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        try:
            page.wait_for_function(ANY_STARTED, timeout=15_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    else:
        raise AssertionError("Run All Cells never started a cell")
    page.wait_for_function(ALL_RUN, timeout=180_000)
    page.wait_for_function(KERNEL_IDLE, timeout=60_000)


FIND_PLOT = "(meta) => [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.meta === meta)"


def count_points(page, meta: str) -> int:
    """Markers drawn in the plotly figure whose layout.meta is ``meta`` (-1 if not drawn yet)."""
    return page.evaluate(f"""(meta) => {{ const p = ({FIND_PLOT})(meta);
        return p ? p.querySelectorAll('.scatterlayer .point').length : -1; }}""", meta)


def title_of(page, meta: str) -> str:
    return page.evaluate(f"""(meta) => {{ const p = ({FIND_PLOT})(meta);
        const t = p ? p.querySelector('.gtitle') : null; return t ? t.textContent : ''; }}""", meta)


def wait_for_plot(page, meta: str, condition: str, timeout: int = 30_000) -> None:
    """Wait until ``condition`` (a JS expression of ``p``, the plot div) is true for the figure ``meta``."""
    page.wait_for_function(f"""(meta) => {{ const p = ({FIND_PLOT})(meta); return !!p && ({condition}); }}""",
                           arg=meta, timeout=timeout)
