"""Write data/datapackage.json, the machine-readable description of every table in data/.

The descriptor follows the Frictionless Data Package / Table Schema specifications
(https://specs.frictionlessdata.io/). Semicolon-separated lists use the Table Schema v2
``list`` type with ``delimiter`` and ``itemType``; a foreign key on a list field means
"every item of the list must exist in the referenced table" (that is how the project's
validator reads it).

Run: python tools/make_datapackage.py   (the test suite checks the file is up to date)
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

ISO_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PRECISION = ["day", "month", "year"]
THEMES = ["diplomacy", "economy", "military", "ideology", "people", "domestic"]
SOURCE_TYPES = ["primary", "secondary", "tertiary", "dataset"]
REUSE = ["public domain", "educational reuse", "copyrighted: short quotation only", "CC BY-SA", "CC0",
         "MIT", "attribution", "CC BY-NC-SA 4.0"]


def field(name: str, type_: str = "string", description: str = "", **extra) -> dict:
    """One Table Schema field; ``required=True`` etc. go into constraints."""
    constraints = {k: extra.pop(k) for k in ("required", "enum", "pattern", "minimum", "maximum", "unique")
                   if k in extra}
    out = {"name": name, "type": type_, "description": description}
    out.update(extra)
    if constraints:
        out["constraints"] = constraints
    return out


def list_field(name: str, description: str, item_enum: list[str] | None = None, **extra) -> dict:
    out = field(name, "list", description, delimiter=";", itemType="string", **extra)
    if item_enum:
        out.setdefault("constraints", {})["enum"] = item_enum  # applies to each item
    return out


def fk(fields: str, resource: str, ref: str) -> dict:
    return {"fields": fields, "reference": {"resource": resource, "fields": ref}}


RESOURCES = [
    {
        "name": "lessons", "path": "lessons.csv",
        "description": "The lessons (notebooks) of the course, in order.",
        "schema": {"fields": [
            field("id", description="Two-digit lesson number, as in the notebook file name.",
                  required=True, unique=True, pattern=r"^\d{2}$"),
            field("title_en", required=True), field("title_fr", required=True),
            field("year_start", "integer", "First year the lesson covers.", required=True,
                  minimum=1900, maximum=2000),
            field("year_end", "integer", "Last year the lesson covers.", required=True,
                  minimum=1900, maximum=2000),
        ], "primaryKey": "id"},
    },
    {
        "name": "actors", "path": "actors.csv",
        "description": "States and organisations that act in the chronology.",
        "schema": {"fields": [
            field("code", description="Short stable code used in events.csv.", required=True, unique=True,
                  pattern=r"^[A-Z]{2,5}$"),
            field("name_en", required=True), field("name_fr", required=True),
            field("kind", required=True, enum=["state", "organisation", "group of states"]),
            field("in_triangle_chart", "boolean",
                  "True for the four states whose dyads the triangle chart scores.", required=True),
        ], "primaryKey": "code"},
    },
    {
        "name": "sources", "path": "sources.csv",
        "description": "Every page or document the data cites, one row per page.",
        "schema": {"fields": [
            field("id", description="Stable slug.", required=True, unique=True, pattern=SLUG),
            field("type", required=True, enum=SOURCE_TYPES,
                  description="primary: a document of the time (letter, speech, memo, contemporary press, "
                              "official chronology); secondary: historians' and later journalists' work; "
                              "tertiary: encyclopedias; dataset: a published dataset."),
            field("author", required=True), field("title", required=True),
            field("date", description="Date of the document: YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown.",
                  pattern=ISO_PARTIAL_DATE),
            field("publisher", description="Publisher or archive.", required=True),
            field("url", required=True, pattern=r"^https?://\S+$"),
            field("reuse", description="Reuse terms.", required=True, enum=REUSE),
        ], "primaryKey": "id"},
    },
    {
        "name": "cameo", "path": "cameo/cameo_goldstein.csv",
        "description": "CAMEO event codes with Goldstein weights (see cameo/README.md).",
        "schema": {"fields": [
            field("cameo_code", description="CAMEO code, text: leading zeros matter.", required=True,
                  unique=True, pattern=r"^\d{2,4}$"),
            field("root_code", required=True, pattern=r"^\d{2}$"),
            field("description", required=True),
            field("goldstein", "number", "Goldstein conflict-cooperation weight.", required=True,
                  minimum=-10, maximum=10),
            field("quad_class", "integer", required=True, minimum=1, maximum=4),
            field("quad_label", required=True),
        ], "primaryKey": "cameo_code"},
    },
    {
        "name": "events", "path": "events.csv",
        "description": "The curated chronology, 1952-1991.",
        "schema": {"fields": [
            field("id", description="Stable slug starting with the year.", required=True, unique=True,
                  pattern=r"^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$"),
            field("date_start", "date", "First day (1st of the month / 1 January for coarser precision).",
                  required=True),
            field("date_end", "date", "Last day for a span; empty for a point event."),
            field("date_precision", required=True, enum=PRECISION),
            field("title_en", required=True), field("title_fr", required=True),
            field("summary_en", required=True), field("summary_fr", required=True),
            list_field("actors", "Actor codes (actors.csv).", required=True),
            field("theme", required=True, enum=THEMES),
            field("lesson", description="Lesson that treats the event (lessons.csv).", required=True),
            list_field("source_ids", "Sources (sources.csv) that support the event.", required=True),
            field("disputed", description="Empty, or a note naming the sources that disagree and how."),
            field("source_actor", description="Dyadic coding: the state that acts."),
            field("target_actor", description="Dyadic coding: the state acted upon."),
            field("cameo_code", description="Dyadic coding: CAMEO event code (cameo table).",
                  pattern=r"^\d{2,4}$"),
            field("coding_note", description="Why that code, where the choice is not obvious."),
            field("evidence", description="Short verbatim excerpt of a cited source that supports the "
                                          "event, prefixed by that source's id.", required=True),
        ], "primaryKey": "id", "foreignKeys": [
            fk("actors", "actors", "code"), fk("lesson", "lessons", "id"),
            fk("source_ids", "sources", "id"), fk("source_actor", "actors", "code"),
            fk("target_actor", "actors", "code"), fk("cameo_code", "cameo", "cameo_code"),
        ]},
    },
    {
        "name": "people", "path": "people.csv",
        "description": "Key figures.",
        "schema": {"fields": [
            field("id", required=True, unique=True, pattern=SLUG),
            field("name", required=True), field("name_fr", required=True),
            field("birth_date", "date", "Empty when no source gives the full date (see disputed)."),
            field("death_date", "date"),
            field("nationality", description="Actor code.", required=True),
            list_field("roles", "Role (years) entries.", required=True),
            list_field("source_ids", "Sources (sources.csv).", required=True),
            field("evidence", required=True),
            field("disputed"),
        ], "primaryKey": "id", "foreignKeys": [
            fk("nationality", "actors", "code"), fk("source_ids", "sources", "id")]},
    },
    {
        "name": "itinerary_1963", "path": "itinerary_1963.csv",
        "description": "Castro's journey in the USSR, April-June 1963, stop by stop.",
        "schema": {"fields": [
            field("stop", "integer", "Order of the stop, from 1.", required=True, unique=True, minimum=1),
            field("place", required=True), field("place_fr", required=True),
            field("country_today", required=True),
            field("date_start", "date", required=True), field("date_end", "date"),
            field("date_precision", required=True, enum=PRECISION + ["window"],
                  description="day, month, year; or window: the stop happened on a day not known, "
                              "somewhere between date_start and date_end."),
            field("latitude", "number", required=True, minimum=-90, maximum=90),
            field("longitude", "number", required=True, minimum=-180, maximum=180),
            field("coord_source_id", description="Gazetteer page for the coordinates.", required=True),
            field("what_happened_en", required=True), field("what_happened_fr", required=True),
            list_field("source_ids", "Sources (sources.csv).", required=True),
            field("evidence", required=True),
            field("disputed"),
        ], "primaryKey": "stop", "foreignKeys": [
            fk("coord_source_id", "sources", "id"), fk("source_ids", "sources", "id")]},
    },
    {
        "name": "excerpts", "path": "excerpts.csv",
        "description": "Primary-source excerpts shown in the lessons, quoted exactly from the page in sources.csv, "
                       "with their sourcing note.",
        "schema": {"fields": [
            field("id", required=True, unique=True, pattern=r"^x-[a-z0-9]+(-[a-z0-9]+)*$"),
            field("lesson", description="Lesson that uses it (lessons.csv).", required=True),
            field("source_id", description="The page the excerpt was copied from (sources.csv).", required=True),
            field("speaker", description="Who wrote or spoke.", required=True),
            field("date", description="Date of the document: YYYY, YYYY-MM or YYYY-MM-DD.", required=True,
                  pattern=ISO_PARTIAL_DATE),
            field("audience", description="For whom the document was made.", required=True),
            field("original_language", required=True),
            field("translation", description="Who translated the text we quote ('none' if quoted in the "
                                             "original language), as far as the page says.", required=True),
            field("archive", description="Where the original is kept, as the page says.", required=True),
            field("excerpt", description="The quoted text, exactly as on the page; cuts marked [...].",
                  required=True),
            field("excerpt_language", required=True),
            field("note", description="Context for the learner, and other renderings of the same passage."),
        ], "primaryKey": "id", "foreignKeys": [
            fk("lesson", "lessons", "id"), fk("source_id", "sources", "id")]},
    },
    {
        "name": "un_agreement", "path": "un/un_agreement_by_year.csv",
        "description": "Yearly UN General Assembly voting agreement for six pairs (see un/README.md).",
        "schema": {"fields": [
            field("year", "integer", required=True, minimum=1946, maximum=2030),
            field("pair", required=True, enum=["Cuba-USSR", "Cuba-USA", "USSR-USA", "Cuba-ChinaSeat",
                                               "USSR-ChinaSeat", "USA-ChinaSeat"]),
            field("country_a", required=True), field("country_b", required=True),
            field("china_seat_holder", enum=["ROC", "PRC", "PRC+ROC"]),
            field("n_rollcalls_year", "integer", required=True, minimum=0),
            field("n_both_voted", "integer", required=True, minimum=0),
            field("n_same_vote", "integer", required=True, minimum=0),
            field("agreement", "number", minimum=0, maximum=1),
            field("agreement_weighted", "number", minimum=0, maximum=1),
            field("n_opposite", "integer", required=True, minimum=0),
        ], "primaryKey": ["year", "pair"]},
    },
    {
        "name": "ideal_points", "path": "un/un_ideal_points.csv",
        "description": "Voeten UN General Assembly ideal points, all countries (see un/README.md).",
        "schema": {"fields": [
            field("ccode", "integer", required=True), field("iso3c"), field("countryname"),
            field("year", "integer", required=True, minimum=1946, maximum=2030),
            field("idealpointall", "number"), field("idealpointfp", "number"),
            field("idealpointlegacy", "number"),
            field("nvotesall", "integer"), field("nvotesfp", "integer"), field("nvoteslegacy", "integer"),
            field("q5all", "number"), field("q95all", "number"),
        ], "primaryKey": ["ccode", "year"]},
    },
]


def descriptor() -> dict:
    return {
        "name": "castro-khrushchev-triangle",
        "title": "Castro and Khrushchev in the Cuba-USSR-China triangle: curated teaching data",
        "description": "Chronology, sources, people, the 1963 itinerary and published datasets used by "
                       "the lessons. Every curated row cites sources.csv.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Curated tables (events, sources, people, itinerary, "
                      "lessons, actors); datasets keep their own terms, see their README files"}],
        "resources": [dict(r, profile="tabular-data-resource", format="csv", encoding="utf-8")
                      for r in RESOURCES],
    }


def render() -> str:
    return json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys
    if "--print" in sys.argv:
        sys.stdout.write(render())
        raise SystemExit(0)
    (DATA / "datapackage.json").write_text(render(), encoding="utf-8")
    print("wrote", DATA / "datapackage.json")
