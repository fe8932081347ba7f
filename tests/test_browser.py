"""The three components in a real JupyterLab and in Voilà, driven by headless chromium.

Opens a stripped copy of notebooks/components_demo.ipynb, runs every cell, checks that each widget and
figure rendered, moves a slider of each component with the keyboard and checks that its figure changed.
Screenshots go to test-artifacts/. Without chromium these tests skip, except when CI is set, where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import lab_harness as harness

DEMO = harness.ROOT / "notebooks" / "components_demo.ipynb"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", harness.ROOT / "test-artifacts"))
TIMELINE, TRIANGLE, JOURNEY = ".ct-timeline", ".ct-triangle", ".ct-journey"

if not harness.CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("CI is set but chromium is not installed (apt-get install -y chromium)", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install -y chromium); browser tests skipped",
                allow_module_level=True)
pytest.importorskip("playwright.sync_api")


POINTS = "p.querySelectorAll('.scatterlayer .point').length"
TITLE = "(p.querySelector('.gtitle') || {textContent: ''}).textContent"


def check_components_rendered(page) -> None:
    for meta in ("ct-timeline", "ct-triangle", "ct-triangle-history", "ct-journey"):
        harness.wait_for_plot(page, meta, f"{POINTS} > 0", timeout=90_000)
    for controls in (TIMELINE, TRIANGLE, JOURNEY):
        assert page.locator(f"{controls} .widget-hslider").count() >= 1
    assert page.locator("text=Error displaying widget").count() == 0


def drive_timeline(page) -> None:
    before = harness.count_points(page, "ct-timeline")
    page.locator(f"{TIMELINE} .widget-hslider .noUi-handle-lower").first.focus()
    page.keyboard.press("End")  # the lower handle joins the upper one: a single year
    harness.wait_for_plot(page, "ct-timeline", f"{POINTS} !== {before}")
    assert 0 < harness.count_points(page, "ct-timeline") < before


def press_and_wait_for_redraw(page, handle: str, key: str, meta: str, before: str) -> str:
    """Press ``key`` on a slider handle, wait until the figure's title changes, return the new title."""
    page.locator(handle).first.focus()
    page.keyboard.press(key)
    harness.wait_for_plot(page, meta, f"{TITLE} !== {before!r}", timeout=30_000)
    return harness.title_of(page, meta)


def drive_triangle(page) -> None:
    before = harness.title_of(page, "ct-triangle")
    assert before.startswith("1963")
    after = press_and_wait_for_redraw(page, f"{TRIANGLE} .widget-hslider .noUi-handle", "ArrowRight",
                                      "ct-triangle", before)
    year = after[:4]
    assert year == "1964" and year in page.locator(f"{TRIANGLE} .ct-description").first.inner_text()


def drive_journey(page) -> None:
    before = harness.title_of(page, "ct-journey")
    assert before.startswith("27 April 1963")
    after = press_and_wait_for_redraw(page, f"{JOURNEY} .widget-hslider .noUi-handle", "ArrowRight",
                                      "ct-journey", before)
    assert after.startswith("28 April 1963")
    page.keyboard.press("End")
    harness.wait_for_plot(page, "ct-journey", f"{TITLE}.startsWith('03 June 1963')", timeout=30_000)


def shoot_plot(page, meta: str, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    handle = page.evaluate_handle(f"(meta) => ({harness.FIND_PLOT})(meta)", meta)
    handle.as_element().screenshot(path=str(ARTIFACTS / name))


def test_components_render_and_respond_in_jupyterlab(tmp_path):
    with harness.server("lab", DEMO, tmp_path) as (url, log), harness.browser_page(tmp_path) as page:
        page.goto(url)
        harness.run_all_cells(page)
        assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0
        check_components_rendered(page)
        drive_timeline(page)
        shoot_plot(page, "ct-timeline", "lab-timeline.png")
        drive_triangle(page)
        shoot_plot(page, "ct-triangle", "lab-triangle.png")
        drive_journey(page)
        shoot_plot(page, "ct-journey", "lab-journey.png")
        assert page.js_errors == [], page.js_errors


def test_components_render_and_respond_in_voila(tmp_path):
    with harness.server("voila", DEMO, tmp_path) as (url, log), harness.browser_page(tmp_path) as page:
        page.goto(url, timeout=120_000)
        check_components_rendered(page)
        drive_timeline(page)
        # Known limitation of Voilà 0.5.13 (not of JupyterLab, where all three are driven above): once one
        # FigureWidget on a page has been updated, updates sent to the *other* FigureWidgets are often not
        # drawn, although the kernel runs their callbacks (their text panels update). So in Voilà we drive
        # one component and check that the other two render.
        shoot_plot(page, "ct-timeline", "voila-timeline.png")
        shoot_plot(page, "ct-journey", "voila-journey.png")
