"""Benchmark the three components: one interaction each, repeated, kernel-side and in the browser.

Kernel side: in a real IPython kernel (started with jupyter_client, so widget messages are really
serialised and sent), N changes of the timeline's year range, the triangle's year and the journey's day;
p50 and p95 of the callback time. Same run, the simplest alternative: rebuild the figure and display it
again (``clear_output`` + ``display`` of a new ``go.Figure``).

Browser: JupyterLab + headless chromium; N key presses on each component's slider; time from the key press
to the redrawn plot (its title text changes), p50 and p95; and the same for the rebuild alternative
(a slider whose callback clears an Output widget and displays a new figure).

Usage:  .venv/bin/python benchmarks/bench_components.py [--n 200] [--skip-browser]
A calibration case (the smallest FigureWidget driven by a slider) shows the floor of the browser
measurement on the machine. Writes benchmarks/results.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

KERNEL_CODE = r"""
import json, time
import plotly.graph_objects as go
from IPython.display import display, clear_output
import ipywidgets as widgets
import cuba_triangle as ct
from cuba_triangle.timeline_widget import timeline_figure
N = {n}
def pct(ts):
    ts = sorted(ts); return {{"p50_ms": 1000 * ts[len(ts) // 2], "p95_ms": 1000 * ts[int(len(ts) * 0.95) - 1]}}
def run(fn, values):
    ts = []
    for i in range(N):
        t = time.perf_counter(); fn(values[i % len(values)]); ts.append(time.perf_counter() - t)
    return pct(ts)
tl, tri, jm = ct.timeline(), ct.triangle(), ct.journey_map()
out = widgets.Output()
display(tl, tri, jm, out)
res = {{}}
res["timeline: year range"] = run(lambda v: setattr(tl.years, "value", (v, 1968)), list(range(1955, 1966)))
res["triangle: year"] = run(lambda v: setattr(tri.year, "value", v), list(range(1959, 1992)))
res["journey: day"] = run(lambda v: setattr(jm.slider, "value", v), jm.days)
def rebuild(v):
    with out:
        clear_output(wait=True)
        display(go.Figure(timeline_figure(start=v, end=1968)))
res["timeline: rebuild and display (alternative)"] = run(rebuild, list(range(1955, 1966)))
print("RESULT" + json.dumps(res))
"""


def kernel_side(n: int) -> dict:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        lines: list[str] = []

        def collect(message):
            if message["msg_type"] == "stream":
                lines.append(message["content"]["text"])
            elif message["msg_type"] == "error":
                lines.append("\n".join(message["content"]["traceback"]))

        client.execute_interactive(KERNEL_CODE.format(n=n), output_hook=collect, timeout=900)
        text = "".join(lines)
        if "RESULT" not in text:
            raise RuntimeError(text[-3000:])
        return json.loads(text.split("RESULT", 1)[1].strip().splitlines()[0])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


BROWSER_NOTEBOOK = [
    "import cuba_triangle as ct",
    "ct.timeline()",
    "ct.triangle(year=1963)",
    "ct.journey_map()",
    """import ipywidgets as widgets, plotly.graph_objects as go
from IPython.display import display, clear_output
from cuba_triangle.timeline_widget import timeline_figure
alt_slider = widgets.IntSlider(value=1959, min=1952, max=1968, description="Rebuild", continuous_update=False)
alt_slider.add_class("alt-rebuild")
alt_out = widgets.Output()
def alt_draw(change=None):
    figure = go.Figure(timeline_figure(start=alt_slider.value, end=1968))
    figure.layout.meta = "alt-rebuild"
    with alt_out:
        clear_output(wait=True)
        display(figure)
alt_slider.observe(alt_draw, names="value")
alt_draw()
display(alt_slider, alt_out)""",
    """# Calibration: the smallest possible FigureWidget driven by a slider (the floor of this set-up).
base_figure = go.FigureWidget()
base_figure.add_scatter(x=[1, 2, 3], y=[1, 2, 3])
base_figure.layout.meta = "baseline"
base_slider = widgets.IntSlider(value=50, min=0, max=100, continuous_update=False)
base_slider.add_class("baseline")
def base_update(change):
    with base_figure.batch_update():
        base_figure.data[0].y = [change.new, 2, 3]
        base_figure.layout.title.text = f"value {change.new}"
base_slider.observe(base_update, names="value")
display(base_slider, base_figure)""",
]


def browser_side(n: int) -> dict:
    import nbformat
    import lab_harness as harness

    title = "(p.querySelector('.gtitle') || {textContent: ''}).textContent"
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        notebook = work / "bench.ipynb"
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in BROWSER_NOTEBOOK])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, notebook)
        with harness.server("lab", notebook, work / "run") as (url, _), harness.browser_page(work) as page:
            page.goto(url)
            harness.run_all_cells(page)
            cases = [("timeline: year range", ".ct-timeline .noUi-handle-lower", "ct-timeline"),
                     ("triangle: year", ".ct-triangle .noUi-handle", "ct-triangle"),
                     ("journey: day", ".ct-journey .noUi-handle", "ct-journey"),
                     ("timeline: rebuild and display (alternative)", ".alt-rebuild .noUi-handle", "alt-rebuild"),
                     ("calibration: minimal FigureWidget + slider", ".baseline .noUi-handle", "baseline")]
            for name, handle, meta in cases:
                harness.wait_for_plot(page, meta, "p.querySelectorAll('.main-svg').length > 0", 90_000)
                page.locator(handle).first.focus()
                times = []
                for i in range(n):
                    before = harness.title_of(page, meta)
                    start = time.perf_counter()
                    page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
                    page.wait_for_function(
                        f"([meta, before]) => {{ const p = ({harness.FIND_PLOT})(meta); return !!p && {title} !== before; }}",
                        arg=[meta, before], polling="raf", timeout=30_000)
                    times.append(time.perf_counter() - start)
                times.sort()
                results[name] = {"p50_ms": 1000 * times[len(times) // 2],
                                 "p95_ms": 1000 * times[int(len(times) * 0.95) - 1]}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    report = {"n": args.n, "kernel": kernel_side(args.n)}
    if not args.skip_browser:
        report["browser"] = browser_side(args.n)
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'interaction':48} {'kernel p50':>11} {'kernel p95':>11} {'browser p50':>12} {'browser p95':>12}")
    for name in dict.fromkeys([*report["kernel"], *report.get("browser", {})]):
        kernel = report["kernel"].get(name, {})
        browser = report.get("browser", {}).get(name, {})
        print(f"{name:48} {kernel.get('p50_ms', float('nan')):9.1f}ms {kernel.get('p95_ms', float('nan')):9.1f}ms "
              f"{browser.get('p50_ms', float('nan')):10.1f}ms {browser.get('p95_ms', float('nan')):10.1f}ms")


if __name__ == "__main__":
    main()
