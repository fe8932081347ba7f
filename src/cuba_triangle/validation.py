"""Check the course's CSV tables against ``data/datapackage.json`` and the project's own rules.

The descriptor is a Frictionless Data Package (Table Schema): field types, required fields, enums,
patterns, minimum/maximum, unique fields, primary keys and foreign keys. On top of the schema, a few
rules of the project that a schema cannot express are checked here (an event cannot end before it
starts; a coded event needs both actors and a code; ...).

Every problem names the file, the row (counting the header as row 1, as a spreadsheet does) and the
column, and says what is wrong. All problems of a table are collected and raised as one
:class:`DataError`.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

Row = dict[str, Any]
MAX_PROBLEMS_SHOWN = 25
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one cell (or row, or file)."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """The course data has problems; ``problems`` lists them, the message shows them."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:MAX_PROBLEMS_SHOWN])
        more = len(self.problems) - MAX_PROBLEMS_SHOWN
        tail = f"\n  ... and {more} more" if more > 0 else ""
        noun = "problem" if len(self.problems) == 1 else "problems"
        super().__init__(f"{len(self.problems)} {noun} in the course data:\n{shown}{tail}")


def read_descriptor(data_dir: Path) -> dict:
    with open(data_dir / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def resource_of(descriptor: dict, name: str) -> dict:
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    known = ", ".join(r["name"] for r in descriptor["resources"])
    raise KeyError(f"No table called {name!r} in datapackage.json (known: {known}).")


# --- parsing single cells -------------------------------------------------------------------------

def _parse_scalar(text: str, type_: str) -> Any:
    """Parse one non-empty cell; raise ValueError with a plain-language reason."""
    if type_ in ("string", "any"):
        return text
    if type_ == "integer":
        if not _INTEGER.match(text):
            raise ValueError(f"{text!r} is not a whole number")
        return int(text)
    if type_ == "number":
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
    if type_ == "date":
        if not _DATE.match(text):
            raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a real calendar date") from None
    if type_ == "boolean":
        lowered = text.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise ValueError(f"{text!r} is not true or false")
    raise ValueError(f"unknown field type {type_!r} in datapackage.json")


def _parse_cell(text: str, field: dict) -> Any:
    """Return the typed value of a cell (None when empty; a list for list fields)."""
    text = text.strip()
    if field["type"] == "list":
        items = [item.strip() for item in text.split(field.get("delimiter", ","))]
        items = [item for item in items if item]
        return [_parse_scalar(item, field.get("itemType", "string")) for item in items]
    if text == "":
        return None
    return _parse_scalar(text, field["type"])


def _constraint_problems(value: Any, field: dict) -> list[str]:
    constraints = field.get("constraints", {})
    missing = value is None or value == []
    if missing:
        return ["is empty, but a value is required"] if constraints.get("required") else []
    values = value if isinstance(value, list) else [value]
    reasons = []
    for item in values:
        if "enum" in constraints and item not in constraints["enum"]:
            allowed = ", ".join(map(str, constraints["enum"]))
            reasons.append(f"{item!r} is not one of the allowed values ({allowed})")
        if "pattern" in constraints and not re.fullmatch(constraints["pattern"], str(item)):
            reasons.append(f"{item!r} does not have the expected form (pattern {constraints['pattern']})")
        if "minimum" in constraints and item < constraints["minimum"]:
            reasons.append(f"{item!r} is below the minimum {constraints['minimum']}")
        if "maximum" in constraints and item > constraints["maximum"]:
            reasons.append(f"{item!r} is above the maximum {constraints['maximum']}")
    if isinstance(value, list) and len(set(value)) != len(value):
        reasons.append("lists the same item twice")
    return reasons


# --- whole tables ---------------------------------------------------------------------------------

@dataclass
class Table:
    """A validated table: typed rows in file order (each with its spreadsheet row number)."""

    name: str
    file: str
    fields: list[dict]
    rows: list[Row]
    row_numbers: list[int]

    def key_values(self, column: str) -> set:
        return {row[column] for row in self.rows if row[column] is not None}


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def parse_table(path: Path, resource: dict, display_name: str) -> tuple[Table, list[Problem]]:
    """Read one CSV file, type every cell and check the schema's field constraints and keys."""
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    problems: list[Problem] = []
    rows: list[Row] = []
    row_numbers: list[int] = []
    if not path.is_file():
        return Table(resource["name"], display_name, fields, [], []), [
            Problem(display_name, None, None, "the file is missing")]
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return Table(resource["name"], display_name, fields, [], []), [
                Problem(display_name, None, None, "the file is empty (no header row)")]
        header = [h.strip().lstrip("\ufeff") for h in header]
        for name in names:
            if name not in header:
                problems.append(Problem(display_name, 1, name, "this column is missing from the header"))
        for name in header:
            if name not in names:
                problems.append(Problem(display_name, 1, name,
                                        "this column is not described in datapackage.json"))
        if problems:
            return Table(resource["name"], display_name, fields, [], []), problems
        position = {name: header.index(name) for name in names}
        for row_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            if len(cells) != len(header):
                problems.append(Problem(display_name, row_number, None,
                                        f"has {len(cells)} cells but the header has {len(header)} columns "
                                        "(a comma inside a value needs quotes)"))
                continue
            row: Row = {}
            for field in fields:
                name = field["name"]
                try:
                    row[name] = _parse_cell(cells[position[name]], field)
                except ValueError as reason:
                    problems.append(Problem(display_name, row_number, name, str(reason)))
                    row[name] = None
                    continue
                for reason in _constraint_problems(row[name], field):
                    problems.append(Problem(display_name, row_number, name, reason))
            rows.append(row)
            row_numbers.append(row_number)
    table = Table(resource["name"], display_name, fields, rows, row_numbers)
    problems += _uniqueness_problems(table, resource)
    return table, problems


def _uniqueness_problems(table: Table, resource: dict) -> list[Problem]:
    problems = []
    key = resource["schema"].get("primaryKey")
    unique_sets = [[f["name"]] for f in table.fields if f.get("constraints", {}).get("unique")]
    if key and _as_list(key) not in unique_sets:
        unique_sets.append(_as_list(key))
    for columns in unique_sets:
        first_seen: dict[tuple, int] = {}
        for row, number in zip(table.rows, table.row_numbers):
            value = tuple(row[c] for c in columns)
            if any(v is None for v in value):
                continue
            if value in first_seen:
                shown = value[0] if len(value) == 1 else value
                problems.append(Problem(table.file, number, ", ".join(columns),
                                        f"duplicate id {shown!r} (already used in row {first_seen[value]})"))
            else:
                first_seen[value] = number
    return problems


def foreign_key_problems(table: Table, resource: dict,
                         lookup: Callable[[str], Table]) -> list[Problem]:
    """Check every foreign key; ``lookup(name)`` returns the referenced, already validated table."""
    problems = []
    for foreign_key in resource["schema"].get("foreignKeys", []):
        column = foreign_key["fields"]
        target_name = foreign_key["reference"]["resource"]
        target_column = foreign_key["reference"]["fields"]
        target = lookup(target_name)
        known = target.key_values(target_column)
        for row, number in zip(table.rows, table.row_numbers):
            value = row[column]
            for item in value if isinstance(value, list) else ([] if value is None else [value]):
                if item not in known:
                    problems.append(Problem(
                        table.file, number, column,
                        f"{item!r} does not exist in {target.file} (column '{target_column}')"))
    return problems


# --- the project's own rules ----------------------------------------------------------------------

RuleFn = Callable[[Table, Callable[[str], Table]], Iterable[Problem]]


def _dates_in_order(table: Table, _lookup) -> Iterable[Problem]:
    for row, number in zip(table.rows, table.row_numbers):
        start, end = row.get("date_start"), row.get("date_end")
        if start and end and end < start:
            yield Problem(table.file, number, "date_end",
                          f"ends ({end.isoformat()}) before it starts ({start.isoformat()})")


def _precision_matches_date(table: Table, _lookup) -> Iterable[Problem]:
    for row, number in zip(table.rows, table.row_numbers):
        start, precision = row.get("date_start"), row.get("date_precision")
        if start is None:
            continue
        if precision == "month" and start.day != 1:
            yield Problem(table.file, number, "date_start",
                          "date_precision is 'month', so the date should be the 1st of the month")
        if precision == "year" and (start.month, start.day) != (1, 1):
            yield Problem(table.file, number, "date_start",
                          "date_precision is 'year', so the date should be 1 January")


def _dyadic_coding_complete(table: Table, lookup) -> Iterable[Problem]:
    triangle = {row["code"] for row in lookup("actors").rows if row["in_triangle_chart"]}
    columns = ("source_actor", "target_actor", "cameo_code")
    for row, number in zip(table.rows, table.row_numbers):
        filled = [c for c in columns if row[c] is not None]
        if filled and len(filled) < 3:
            missing = ", ".join(c for c in columns if c not in filled)
            yield Problem(table.file, number, missing,
                          "a dyadic coding needs source_actor, target_actor and cameo_code together")
            continue
        if not filled:
            continue
        if row["source_actor"] == row["target_actor"]:
            yield Problem(table.file, number, "target_actor", "a state cannot act toward itself")
        for column in ("source_actor", "target_actor"):
            if row[column] not in triangle:
                yield Problem(table.file, number, column,
                              f"{row[column]!r} is not one of the states the triangle chart scores "
                              f"({', '.join(sorted(triangle))})")
            elif row[column] not in row["actors"]:
                yield Problem(table.file, number, column,
                              f"{row[column]!r} is coded as a dyad actor but is not listed in 'actors'")


def _has_scholarly_or_primary_source(table: Table, lookup) -> Iterable[Problem]:
    kinds = {row["id"]: row["type"] for row in lookup("sources").rows}
    for row, number in zip(table.rows, table.row_numbers):
        types = {kinds.get(source) for source in row["source_ids"]}
        if row["source_ids"] and not types & {"primary", "secondary"}:
            yield Problem(table.file, number, "source_ids",
                          "needs at least one primary or secondary source, not only an encyclopedia")


def _evidence_names_a_cited_source(table: Table, _lookup) -> Iterable[Problem]:
    for row, number in zip(table.rows, table.row_numbers):
        evidence = row.get("evidence")
        if not evidence:
            continue
        source = evidence.split(":", 1)[0].strip()
        if source not in row["source_ids"]:
            yield Problem(table.file, number, "evidence",
                          f"starts with {source!r}, which is not one of this row's source_ids")


def _event_within_its_lesson(table: Table, lookup) -> Iterable[Problem]:
    lessons = {row["id"]: row for row in lookup("lessons").rows}
    for row, number in zip(table.rows, table.row_numbers):
        lesson, start = lessons.get(row["lesson"]), row["date_start"]
        if lesson and start and not lesson["year_start"] <= start.year <= lesson["year_end"]:
            yield Problem(table.file, number, "lesson",
                          f"the event starts in {start.year}, outside lesson {row['lesson']} "
                          f"({lesson['year_start']}-{lesson['year_end']})")


def _born_before_death(table: Table, _lookup) -> Iterable[Problem]:
    for row, number in zip(table.rows, table.row_numbers):
        if row["birth_date"] and row["death_date"] and row["death_date"] < row["birth_date"]:
            yield Problem(table.file, number, "death_date", "dies before being born")


def _stops_in_date_order(table: Table, _lookup) -> Iterable[Problem]:
    ordered = sorted(zip(table.rows, table.row_numbers), key=lambda pair: pair[0]["stop"] or 0)
    for (previous, _), (row, number) in zip(ordered, ordered[1:]):
        if previous["date_start"] and row["date_start"] and row["date_start"] < previous["date_start"]:
            yield Problem(table.file, number, "date_start",
                          f"stop {row['stop']} starts before stop {previous['stop']}")


RULES: dict[str, list[RuleFn]] = {
    "events": [_dates_in_order, _precision_matches_date, _dyadic_coding_complete,
               _has_scholarly_or_primary_source, _evidence_names_a_cited_source, _event_within_its_lesson],
    "people": [_born_before_death, _evidence_names_a_cited_source],
    "itinerary_1963": [_dates_in_order, _precision_matches_date, _stops_in_date_order,
                       _evidence_names_a_cited_source],
}


class Validator:
    """Validate the tables of one data folder, each once, referenced tables first."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.descriptor = read_descriptor(self.data_dir)
        self._tables: dict[str, Table] = {}
        self._busy: set[str] = set()

    def table(self, name: str) -> Table:
        """Return the validated table ``name``; raise :class:`DataError` if it has problems."""
        if name in self._tables:
            return self._tables[name]
        if name in self._busy:
            raise RuntimeError(f"datapackage.json has a cycle of foreign keys through {name!r}")
        self._busy.add(name)
        try:
            resource = resource_of(self.descriptor, name)
            display = f"data/{resource['path']}"
            table, problems = parse_table(self.data_dir / resource["path"], resource, display)
            if not problems:
                problems += foreign_key_problems(table, resource, self.table)
            if not problems:
                for rule in RULES.get(name, []):
                    problems += list(rule(table, self.table))
            if problems:
                raise DataError(problems)
            self._tables[name] = table
            return table
        finally:
            self._busy.discard(name)

    def all_problems(self) -> list[Problem]:
        """Validate every table and return all problems found (empty when the data is clean)."""
        problems: list[Problem] = []
        for resource in self.descriptor["resources"]:
            try:
                self.table(resource["name"])
            except DataError as error:
                problems += [p for p in error.problems if p not in problems]
        return problems
