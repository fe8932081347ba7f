"""Every lesson follows the lesson template, stays short in code, and cites ids that exist."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import cuba_triangle as ct

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ALL_NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb"), *ROOT.glob("solutions/*.ipynb")])


def text_of(path: Path, cell_type: str) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == cell_type]


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_has_the_template_sections(lesson):
    markdown = "\n".join(text_of(lesson, "markdown"))
    for section in ("Central question", "Time:", "By the end of this lesson", "Key points"):
        assert section in markdown, f"{lesson.name} lacks '{section}'"


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_has_its_exercise_pair_and_instructor_notes(lesson):
    assert (ROOT / "exercises" / lesson.name).exists() and (ROOT / "solutions" / lesson.name).exists()
    assert (ROOT / "docs" / "instructor" / f"{lesson.name[:2]}.md").exists()


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_code_cells_are_short_calls(lesson):
    for source in text_of(lesson, "code"):
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= 3, f"{lesson.name}: a code cell is too long:\n{source}"


@pytest.mark.parametrize("notebook", ALL_NOTEBOOKS, ids=[f"{p.parent.name}/{p.name}" for p in ALL_NOTEBOOKS])
def test_ids_cited_in_notebooks_exist_and_notebooks_are_small(notebook):
    code = "\n".join(text_of(notebook, "code"))
    known = set(ct.load_events()["id"]) | set(ct.load_table("excerpts")["id"]) | set(ct.load_sources()["id"])
    cited = set(re.findall(r'"((?:x-|\d{4}-)[a-z0-9-]+)"', code)) | set(re.findall(r'source_card\("([^"]+)"\)', code))
    cited = {c for c in cited if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c)}  # dates are answers, not ids
    assert cited <= known, f"unknown ids in {notebook.name}: {sorted(cited - known)}"
    assert notebook.stat().st_size < 1_000_000
    assert "widgets" not in nbformat.read(notebook, as_version=4).metadata
