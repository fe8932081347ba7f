"""Load the course's tables as typed pandas DataFrames, validated and cached.

Every loader checks its table (and the tables it refers to) against ``data/datapackage.json`` the
first time it is called, then serves a fresh copy from a cache, so a notebook can call it as often as
it likes and never pays twice. Types: dates are ``datetime64`` columns, semicolon lists are Python
lists, fields with a fixed list of values are ``category`` columns, whole numbers are ``Int64``.

Bad data raises :class:`~cuba_triangle.validation.DataError`, whose message names the file, the row
and the column of every problem.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import data_dir
from .validation import DataError, Table, Validator

__all__ = [
    "DataError", "load_table", "load_events", "load_sources", "load_people", "load_itinerary",
    "load_lessons", "load_actors", "load_cameo", "load_un_agreement", "load_ideal_points",
    "load_founding_text", "check_data", "clear_cache",
]


@lru_cache(maxsize=4)
def _validator(folder: Path) -> Validator:
    return Validator(folder)


@lru_cache(maxsize=64)
def _frame(folder: Path, name: str) -> pd.DataFrame:
    return _to_frame(_validator(folder).table(name))


def _to_frame(table: Table) -> pd.DataFrame:
    frame = pd.DataFrame(table.rows, columns=[f["name"] for f in table.fields])
    for field in table.fields:
        name, type_ = field["name"], field["type"]
        enum = field.get("constraints", {}).get("enum")
        if type_ == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif type_ == "integer":
            frame[name] = frame[name].astype("Int64")
        elif type_ == "number":
            frame[name] = frame[name].astype("float64")
        elif type_ == "boolean":
            frame[name] = frame[name].astype("bool")
        elif type_ == "string" and enum:
            frame[name] = pd.Categorical(frame[name], categories=enum)
        elif type_ == "list":
            frame[name] = frame[name].astype("object")
    return frame


def load_table(name: str, folder: Path | str | None = None) -> pd.DataFrame:
    """Return the validated table ``name`` of datapackage.json as a typed DataFrame (a copy)."""
    resolved = Path(folder).resolve() if folder is not None else data_dir()
    frame = _frame(resolved, name).copy()
    fields = _validator(resolved).table(name).fields
    for field in fields:  # lists are mutable: give each caller its own
        if field["type"] == "list":
            frame[field["name"]] = frame[field["name"]].map(list)
    return frame


def clear_cache() -> None:
    """Forget every loaded table (after editing a CSV file while a notebook runs)."""
    _validator.cache_clear()
    _frame.cache_clear()
    from . import checks  # its answer lookups are derived from the tables

    checks._facts.cache_clear()
    checks._computed.cache_clear()
    checks._keys.cache_clear()


def check_data(folder: Path | str | None = None) -> None:
    """Validate every table; raise one DataError listing every problem found."""
    resolved = Path(folder).resolve() if folder is not None else data_dir()
    problems = Validator(resolved).all_problems()
    if problems:
        raise DataError(problems)


def load_events(folder: Path | str | None = None) -> pd.DataFrame:
    """The curated chronology, sorted by start date, with a ``year`` column added."""
    events = load_table("events", folder).sort_values(["date_start", "id"], kind="stable")
    events["year"] = events["date_start"].dt.year.astype("int64")
    events["lesson"] = pd.Categorical(events["lesson"],
                                      categories=list(load_lessons(folder)["id"]), ordered=True)
    return events.reset_index(drop=True)


def load_sources(folder: Path | str | None = None) -> pd.DataFrame:
    """Every cited page or document."""
    return load_table("sources", folder)


def load_people(folder: Path | str | None = None) -> pd.DataFrame:
    """Key figures with birth and death dates and roles."""
    return load_table("people", folder)


def load_itinerary(folder: Path | str | None = None) -> pd.DataFrame:
    """Castro's 1963 journey in the USSR, stop by stop, in order."""
    return load_table("itinerary_1963", folder).sort_values("stop").reset_index(drop=True)


def load_lessons(folder: Path | str | None = None) -> pd.DataFrame:
    """The lessons of the course."""
    return load_table("lessons", folder)


def load_actors(folder: Path | str | None = None) -> pd.DataFrame:
    """Actor codes used in the chronology."""
    return load_table("actors", folder)


def load_cameo(folder: Path | str | None = None) -> pd.DataFrame:
    """CAMEO event codes (text) with their Goldstein weights."""
    return load_table("cameo", folder)


def load_un_agreement(folder: Path | str | None = None) -> pd.DataFrame:
    """Yearly UN General Assembly voting agreement for six pairs of countries."""
    return load_table("un_agreement", folder)


def load_ideal_points(folder: Path | str | None = None) -> pd.DataFrame:
    """Voeten's UN General Assembly ideal points, every country and year."""
    return load_table("ideal_points", folder)


def load_founding_text(language: str = "fr", folder: Path | str | None = None) -> list[str]:
    """The founding text as a list of paragraphs: ``"fr"`` (the original) or ``"en"`` (our translation)."""
    files = {"fr": "fr_machine_translation.txt", "en": "en_translation.txt"}
    if language not in files:
        raise ValueError(f"language must be 'fr' or 'en', not {language!r}")
    root = Path(folder).resolve() if folder is not None else data_dir()
    text = (root / "founding_text" / files[language]).read_text(encoding="utf-8")
    return [paragraph.strip() for paragraph in text.splitlines() if paragraph.strip()]
