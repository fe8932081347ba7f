"""exercises/ is generated from solutions/, and nbval would catch a wrong solution."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from cuba_triangle.exercises import (AuthoringError, MARKDOWN_PLACEHOLDER, differences,
                                     exercise_from_solution)

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS, EXERCISES = ROOT / "solutions", ROOT / "exercises"


def test_every_solution_has_its_exercise_and_they_match():
    assert list(SOLUTIONS.glob("[0-9][0-9]_*.ipynb")), "no solution notebook"
    assert differences(SOLUTIONS, EXERCISES) == []


def test_an_edited_exercise_is_detected(tmp_path):
    shutil.copytree(EXERCISES, tmp_path / "exercises")
    target = sorted((tmp_path / "exercises").glob("*.ipynb"))[0]
    notebook = nbformat.read(target, as_version=4)
    notebook.cells[-1].source += "\nA sentence added by hand."
    nbformat.write(notebook, target)
    assert differences(SOLUTIONS, tmp_path / "exercises") == [
        f"exercises/{target.name} differs from what solutions/{target.name} generates"]


def test_a_missing_exercise_is_detected(tmp_path):
    (tmp_path / "exercises").mkdir()
    assert all("is missing" in p for p in differences(SOLUTIONS, tmp_path / "exercises"))


def solution_with(source: str, markdown: str = "Intro") -> nbformat.NotebookNode:
    return new_notebook(cells=[new_markdown_cell(markdown), new_code_cell(source)])


def test_solution_blocks_become_placeholders_and_hidden_tests_vanish():
    source = ('### BEGIN SOLUTION\nanswer = ["a",\n          "b"]\nother: int = 3\n### END SOLUTION\n'
              'check("00.1", answer)\n### BEGIN HIDDEN TESTS\nassert evaluate("00.1", answer).correct\n'
              '### END HIDDEN TESTS')
    exercise = exercise_from_solution(solution_with(source), "t.ipynb")
    assert exercise.cells[1].source == ('answer = ...  # your answer here\nother = ...  # your answer here\n'
                                        'check("00.1", answer)')


def test_indented_blocks_keep_their_indentation():
    source = "if True:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION\n    print(x)"
    exercise = exercise_from_solution(solution_with(source), "t.ipynb")
    assert exercise.cells[1].source == "if True:\n    x = ...  # your answer here\n    print(x)"


def test_markdown_model_answer_is_replaced():
    notebook = solution_with("x = 1", "Question\n### BEGIN SOLUTION\nModel answer\n### END SOLUTION")
    exercise = exercise_from_solution(notebook, "t.ipynb")
    assert exercise.cells[0].source == f"Question\n{MARKDOWN_PLACEHOLDER}"
    assert "Model answer" not in str(exercise)


def test_a_cell_of_only_hidden_tests_is_dropped():
    notebook = new_notebook(cells=[new_code_cell("x = 1"),
                                   new_code_cell("### BEGIN HIDDEN TESTS\nassert x\n### END HIDDEN TESTS")])
    assert len(exercise_from_solution(notebook, "t.ipynb").cells) == 1


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1", "never closed"),
    ("x = 1\n### END SOLUTION", "without"),
    ("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION", "only contain assignments"),
    ("### BEGIN SOLUTION\nx = (\n### END SOLUTION", "not valid Python"),
])
def test_bad_markup_is_an_authoring_error_naming_the_cell(source, message):
    with pytest.raises(AuthoringError, match=message) as caught:
        exercise_from_solution(solution_with(source), "99_demo.ipynb")
    assert "99_demo.ipynb, cell 2" in str(caught.value)


def run_nbval(notebook: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "-q", "--color=no", "-p", "no:cacheprovider", "--nbval",
               "--rootdir", str(notebook.parent), "--nbval-current-env",
               "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-o", "addopts=",
               "-o", "testpaths=", str(notebook)]
    return subprocess.run(command, capture_output=True, text=True, cwd=notebook.parent, timeout=300,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def corrupted_copy(target: Path, keep_hidden_tests: bool) -> Path:
    """solutions/00 with answer 00.2 made wrong; its stored outputs still say 'correct'."""
    notebook = nbformat.read(SOLUTIONS / "00_start_here.ipynb", as_version=4)
    cell = next(c for c in notebook.cells if 'answer_2 = "1963-04-27"' in c.source)
    cell.source = cell.source.replace('answer_2 = "1963-04-27"', 'answer_2 = "1963-05-27"')
    if not keep_hidden_tests:
        cell.source = cell.source.split("### BEGIN HIDDEN TESTS")[0].rstrip()
    nbformat.write(notebook, target)
    return target


def test_nbval_fails_when_a_solution_answer_is_corrupted(tmp_path):
    """The untouched copy passes, so each failure below comes from the corruption alone."""
    clean = tmp_path / "clean.ipynb"
    shutil.copy(SOLUTIONS / "00_start_here.ipynb", clean)
    assert run_nbval(clean).returncode == 0

    # 1. The hidden test in the solution fails at once.
    result = run_nbval(corrupted_copy(tmp_path / "corrupt_hidden.ipynb", keep_hidden_tests=True))
    assert result.returncode != 0 and "Notebook cell execution failed" in result.stdout, result.stdout[-2000:]

    # 2. Even without hidden tests, the stored "correct" output no longer matches: nbval's comparison fails.
    result = run_nbval(corrupted_copy(tmp_path / "corrupt_output.ipynb", keep_hidden_tests=False))
    assert result.returncode != 0, result.stdout[-2000:]
    assert "mismatch 'stdout'" in result.stdout, result.stdout[-2000:]
    assert "00.2: correct" in result.stdout and "00.2: not yet" in result.stdout
