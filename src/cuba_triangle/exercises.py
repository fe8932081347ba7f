"""Generate ``exercises/`` from ``solutions/``: one source of truth for every exercise.

Authors write only ``solutions/NN_*.ipynb``, marking answers with nbgrader's markers, each alone on
its line::

    ### BEGIN SOLUTION
    answer = "1963-04-27"
    ### END SOLUTION

    ### BEGIN HIDDEN TESTS
    assert evaluate("05.1", answer).correct
    ### END HIDDEN TESTS

In the generated exercise, every assignment inside a solution block becomes ``name = ...`` (the
placeholder that ``check`` answers with "not answered yet"), hidden-test blocks disappear, and a
solution block in a Markdown cell (a model answer) becomes an invitation to write. Then both notebooks
are executed, so the solution stores its "correct" outputs and the exercise its "not answered yet"
outputs; nbval compares them in CI.

Usage::

    python -m cuba_triangle.exercises build      # regenerate exercises/, refresh the stored outputs of
                                                 # solutions/, exercises/ and the lessons in notebooks/
    python -m cuba_triangle.exercises check      # exit 1 if exercises/ is not what build would write
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
from pathlib import Path

import nbformat

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
PLACEHOLDER_COMMENT = "# your answer here"
MARKDOWN_PLACEHOLDER = "*Write your answer here: a claim, the evidence for it, and your reasoning.*"
ROOT = Path(__file__).resolve().parents[2]


class AuthoringError(ValueError):
    """A solution notebook is marked up wrongly (the message says which notebook and cell)."""


def _blocks(lines: list[str], begin: str, end: str, where: str) -> list[tuple[int, int]]:
    """(start, stop) line indexes of each begin...end block, markers included."""
    blocks, start = [], None
    for index, line in enumerate(lines):
        marker = line.strip()
        if marker == begin:
            if start is not None:
                raise AuthoringError(f"{where}: '{begin}' inside another block")
            start = index
        elif marker == end:
            if start is None:
                raise AuthoringError(f"{where}: '{end}' without '{begin}'")
            blocks.append((start, index))
            start = None
    if start is not None:
        raise AuthoringError(f"{where}: '{begin}' is never closed by '{end}'")
    return blocks


def _placeholders(body: list[str], indent: str, where: str) -> list[str]:
    """Turn the assignments of a solution block into ``name = ...`` lines."""
    source = "\n".join(line[len(indent):] if line.startswith(indent) else line for line in body)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise AuthoringError(f"{where}: the solution block is not valid Python ({error.msg})") from None
    out = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = " = ".join(ast.unparse(t) for t in node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = ast.unparse(node.target)
        else:
            raise AuthoringError(f"{where}: a solution block may only contain assignments "
                                 f"(found: {ast.unparse(node)[:40]!r})")
        out.append(f"{indent}{targets} = ...  {PLACEHOLDER_COMMENT}")
    return out


def _strip_code(source: str, where: str) -> str:
    lines = source.split("\n")
    for start, stop in reversed(_blocks(lines, BEGIN_HIDDEN, END_HIDDEN, where)):
        del lines[start:stop + 1]
    for start, stop in reversed(_blocks(lines, BEGIN_SOLUTION, END_SOLUTION, where)):
        indent = re.match(r"\s*", lines[start]).group(0)
        lines[start:stop + 1] = _placeholders(lines[start + 1:stop], indent, where)
    return "\n".join(lines).strip("\n")


def _strip_markdown(source: str, where: str) -> str:
    lines = source.split("\n")
    for start, stop in reversed(_blocks(lines, BEGIN_SOLUTION, END_SOLUTION, where)):
        lines[start:stop + 1] = [MARKDOWN_PLACEHOLDER]
    return "\n".join(lines)


def exercise_from_solution(solution: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The learner's version of a solution notebook (outputs cleared, not executed)."""
    notebook = copy.deepcopy(solution)
    notebook.metadata.pop("widgets", None)
    kept = []
    for number, cell in enumerate(notebook.cells, start=1):
        where = f"{name}, cell {number}"
        if cell.cell_type == "code":
            cell.source = _strip_code(cell.source, where)
            cell.outputs, cell.execution_count = [], None
            if not cell.source.strip():
                continue  # a cell that held only hidden tests
        elif cell.cell_type == "markdown":
            cell.source = _strip_markdown(cell.source, where)
        cell.pop("id", None)
        kept.append(cell)
    notebook.cells = kept
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
    return notebook


def execute(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel (working folder ``folder``), without widget state."""
    from nbclient import NotebookClient

    client = NotebookClient(notebook, timeout=120, kernel_name="python3", store_widget_state=False, record_timing=False,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    notebook.metadata.pop("widgets", None)
    return notebook


def refresh(notebook_path: Path) -> Path:
    """Re-run a notebook in place so that its stored outputs are current (what nbval compares)."""
    notebook = nbformat.read(notebook_path, as_version=4)
    nbformat.write(execute(notebook, notebook_path.parent), notebook_path)
    return notebook_path


def build(solutions: Path, exercises: Path, run: bool = True, lessons: Path | None = None) -> list[Path]:
    """Write one exercise notebook per solution notebook; return the paths written.

    With ``run``, the solutions and the new exercises are executed (and the lessons in ``lessons``,
    if given, are refreshed too)."""
    exercises.mkdir(parents=True, exist_ok=True)
    written = []
    if run and lessons is not None:
        written += [refresh(path) for path in sorted(lessons.glob("*.ipynb"))]
    for solution_path in sorted(solutions.glob("[0-9][0-9]_*.ipynb")):
        solution = nbformat.read(solution_path, as_version=4)
        exercise = exercise_from_solution(solution, solution_path.name)
        if run:
            nbformat.write(execute(solution, solution_path.parent), solution_path)
            exercise = execute(exercise, exercises)
        target = exercises / solution_path.name
        nbformat.write(exercise, target)
        written.append(target)
    return written


def sources_of(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """What an author controls: the cell types and sources, in order."""
    return [(cell.cell_type, cell.source) for cell in notebook.cells]


def differences(solutions: Path, exercises: Path) -> list[str]:
    """Exercise notebooks whose cells are not what ``build`` would write from the solutions."""
    problems = []
    solution_names = {p.name for p in solutions.glob("[0-9][0-9]_*.ipynb")}
    exercise_names = {p.name for p in exercises.glob("[0-9][0-9]_*.ipynb")}
    problems += [f"exercises/{n} is missing" for n in sorted(solution_names - exercise_names)]
    problems += [f"exercises/{n} has no solution" for n in sorted(exercise_names - solution_names)]
    for name in sorted(solution_names & exercise_names):
        expected = exercise_from_solution(nbformat.read(solutions / name, as_version=4), name)
        actual = nbformat.read(exercises / name, as_version=4)
        if sources_of(expected) != sources_of(actual):
            problems.append(f"exercises/{name} differs from what solutions/{name} generates")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cuba_triangle.exercises", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("--solutions", type=Path, default=ROOT / "solutions")
    parser.add_argument("--exercises", type=Path, default=ROOT / "exercises")
    parser.add_argument("--lessons", type=Path, default=ROOT / "notebooks")
    parser.add_argument("--no-execute", action="store_true", help="write without running the notebooks")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            for path in build(args.solutions, args.exercises, run=not args.no_execute,
                              lessons=args.lessons):
                print("wrote", path)
            return 0
        problems = differences(args.solutions, args.exercises)
    except AuthoringError as error:
        print(f"error: {error}")
        return 1
    for problem in problems:
        print(problem)
    print("exercises are up to date" if not problems else "run: python -m cuba_triangle.exercises build")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
