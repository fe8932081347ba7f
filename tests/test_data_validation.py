"""The data layer must reject broken data with a message naming file, row and column.

Each case breaks one cell of a private copy of data/ and checks the DataError message. The clean
data must pass (test_clean_data_passes), so every failure below is caused by the one broken cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cuba_triangle import DataError, check_data, load_table
from cuba_triangle.validation import read_descriptor, resource_of

from conftest import read_rows, set_cell, write_rows


def first_row(path: Path, predicate) -> int:
    _, rows = read_rows(path)
    for index, row in enumerate(rows):
        if predicate(row):
            return index
    raise AssertionError(f"no row of {path.name} fits this test")


def expect_problem(folder: Path, table: str, row: int | None, column: str | None, *fragments: str) -> None:
    with pytest.raises(DataError) as caught:
        load_table(table, folder)
    message = str(caught.value)
    where = f"data/{_path_of(folder, table)}"
    assert where in message, message
    if row is not None:
        assert f"row {row}" in message, message
    if column is not None:
        assert f"column '{column}'" in message, message
    for fragment in fragments:
        assert fragment in message, message


def _path_of(folder: Path, table: str) -> str:
    return resource_of(read_descriptor(folder), table)["path"]


def test_clean_data_passes():
    check_data()  # raises DataError listing every problem if the shipped data is broken


# (table, csv path, which row to break, column, new value, words the message must contain)
EVENTS = "events.csv"
CASES = [
    ("bad-date", "events", EVENTS, lambda r: True, "date_start", "1963-02-30", "not a real calendar date"),
    ("unparsable-date", "events", EVENTS, lambda r: True, "date_start", "27/04/1963", "YYYY-MM-DD"),
    ("end-before-start", "events", EVENTS, lambda r: r["date_precision"] == "day" and r["date_start"] > "1952-01-10",
     "date_end", "1952-01-01", "before it starts"),
    ("unknown-actor", "events", EVENTS, lambda r: True, "actors", "CUB;ATLANTIS", "'ATLANTIS' does not exist"),
    ("unknown-theme", "events", EVENTS, lambda r: True, "theme", "romance", "'romance' is not one of"),
    ("no-source", "events", EVENTS, lambda r: True, "source_ids", "", "a value is required"),
    ("unknown-source", "events", EVENTS, lambda r: True, "source_ids", "no-such-source",
     "'no-such-source' does not exist in data/sources.csv"),
    ("unknown-cameo", "events", EVENTS, lambda r: r["cameo_code"] != "", "cameo_code", "0999",
     "'0999' does not exist in data/cameo/cameo_goldstein.csv"),
    ("cameo-lost-leading-zero", "events", EVENTS, lambda r: r["cameo_code"].startswith("0"), "cameo_code", "42",
     "does not exist in data/cameo"),
    ("french-title-missing", "events", EVENTS, lambda r: True, "title_fr", "", "a value is required"),
    ("half-coded-dyad", "events", EVENTS, lambda r: r["cameo_code"] != "", "target_actor", "",
     "needs source_actor, target_actor and cameo_code together"),
    ("unknown-lesson", "events", EVENTS, lambda r: True, "lesson", "42", "'42' does not exist in data/lessons.csv"),
    ("month-precision-not-first", "events", EVENTS, lambda r: r["date_precision"] == "month" and not r["date_end"],
     "date_start", lambda r: r["date_start"][:8] + "15", "date_precision is 'month', so the date should be the 1st"),
    ("bad-source-type", "sources", "sources.csv", lambda r: True, "type", "rumour", "'rumour' is not one of"),
    ("bad-url", "sources", "sources.csv", lambda r: True, "url", "see the library", "expected form"),
    ("person-bad-birth", "people", "people.csv", lambda r: True, "birth_date", "1926-13-13", "not a real calendar date"),
    ("person-unknown-nationality", "people", "people.csv", lambda r: True, "nationality", "XX",
     "'XX' does not exist in data/actors.csv"),
    ("stop-latitude-out-of-range", "itinerary_1963", "itinerary_1963.csv", lambda r: True, "latitude", "168.7",
     "above the maximum 90"),
    ("stop-latitude-not-number", "itinerary_1963", "itinerary_1963.csv", lambda r: True, "latitude", "68,97",
     "is not a number"),
    ("lesson-year-not-number", "lessons", "lessons.csv", lambda r: True, "year_start", "nineteen", "not a whole number"),
    ("actor-flag-not-boolean", "actors", "actors.csv", lambda r: True, "in_triangle_chart", "yes", "not true or false"),
    ("goldstein-out-of-scale", "cameo", "cameo/cameo_goldstein.csv", lambda r: True, "goldstein", "11", "above the maximum 10"),
    ("un-agreement-above-one", "un_agreement", "un/un_agreement_by_year.csv", lambda r: r["agreement"] != "",
     "agreement", "1.5", "above the maximum 1"),
    ("excerpt-unknown-source", "excerpts", "excerpts.csv", lambda r: True, "source_id", "no-such-page",
     "'no-such-page' does not exist in data/sources.csv"),
    ("excerpt-empty-quote", "excerpts", "excerpts.csv", lambda r: True, "excerpt", "", "a value is required"),
    ("ideal-point-not-number", "ideal_points", "un/un_ideal_points.csv", lambda r: True, "idealpointall", "left",
     "is not a number"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_cell_is_reported_with_file_row_column(data_copy: Path, case):
    _, table, path, predicate, column, value, reason = case
    csv_path = data_copy / path
    index = first_row(csv_path, predicate)
    if callable(value):
        value = value(read_rows(csv_path)[1][index])
    row = set_cell(csv_path, index, column, value)
    expect_problem(data_copy, table, row, column, reason)


@pytest.mark.parametrize("table, path", [("events", "events.csv"), ("sources", "sources.csv"),
                                         ("people", "people.csv"), ("actors", "actors.csv")])
def test_duplicate_id_is_reported(data_copy: Path, table: str, path: str):
    header, rows = read_rows(data_copy / path)
    write_rows(data_copy / path, header, rows + [rows[0]])
    expect_problem(data_copy, table, len(rows) + 2, None, "duplicate id", "already used in row 2")


def test_missing_column_is_reported(data_copy: Path):
    header, rows = read_rows(data_copy / EVENTS)
    header.remove("theme")
    for row in rows:
        row.pop("theme")
    write_rows(data_copy / EVENTS, header, rows)
    expect_problem(data_copy, "events", 1, "theme", "missing from the header")


def test_row_with_unquoted_comma_is_reported(data_copy: Path):
    path = data_copy / "lessons.csv"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("10,Too many, cells,Trop,1990,1991\n")
    _, rows = read_rows(data_copy / "lessons.csv")
    expect_problem(data_copy, "lessons", len(rows) + 1, None, "cells but the header has 5 columns")


def test_event_citing_only_an_encyclopedia_is_reported(data_copy: Path):
    _, sources = read_rows(data_copy / "sources.csv")
    tertiary = [s["id"] for s in sources if s["type"] == "tertiary"]
    if not tertiary:
        pytest.skip("the data cites no encyclopedia")
    path = data_copy / EVENTS
    header, rows = read_rows(path)
    rows[0]["source_ids"] = tertiary[0]
    rows[0]["evidence"] = f"{tertiary[0]}: \"...\""
    write_rows(path, header, rows)
    expect_problem(data_copy, "events", 2, "source_ids", "at least one primary or secondary source")


def test_evidence_must_quote_a_cited_source(data_copy: Path):
    row = set_cell(data_copy / EVENTS, 0, "evidence", 'somewhere-else: "a quote"')
    expect_problem(data_copy, "events", row, "evidence", "'somewhere-else'", "not one of this row's source_ids")


def test_event_outside_its_lesson_years_is_reported(data_copy: Path):
    index = first_row(data_copy / EVENTS, lambda r: r["lesson"] == "09")
    row = set_cell(data_copy / EVENTS, index, "lesson", "01")
    expect_problem(data_copy, "events", row, "lesson", "outside lesson 01")


def test_all_problems_are_listed_together(data_copy: Path):
    set_cell(data_copy / EVENTS, 0, "theme", "romance")
    set_cell(data_copy / EVENTS, 1, "title_fr", "")
    with pytest.raises(DataError) as caught:
        check_data(data_copy)
    assert len(caught.value.problems) == 2
    assert str(caught.value).startswith("2 problems in the course data:")


def test_broken_source_table_stops_events_from_loading(data_copy: Path):
    row = set_cell(data_copy / "sources.csv", 0, "reuse", "whatever")
    expect_problem(data_copy, "sources", row, "reuse", "'whatever' is not one of")
    with pytest.raises(DataError, match="data/sources.csv"):
        load_table("events", data_copy)
