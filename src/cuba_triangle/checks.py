"""Automatic feedback on exercise answers: ``check("00.2", answer)``.

The expected answers live in one file that instructors can read, ``data/exercise_keys.toml``. Keys
point at the data (event ids, named computations) instead of copying dates or numbers, so a corrected
CSV row corrects the expected answer too.

``check`` prints a friendly message and never raises: a placeholder (``...``) gets "not answered
yet", an answer of the wrong shape gets a plain-language explanation of the expected shape, a wrong
answer gets a hint that points back to a source or a chart, a right answer gets a short explanation.
``evaluate`` returns the same verdict as a :class:`Feedback` object (for tests and hidden checks).

Kinds of exercise: ``order`` (put events in order), ``date`` (date an event, with a tolerance that
matches the date's precision), ``number`` (compute something from the data), ``choice`` (multiple
choice plus the id of the supporting evidence), ``match`` (quotations to authors, documents to
archives), ``claim`` (supported / contradicted / unverifiable plus the deciding source), ``open``
(written answers: recorded, never graded; the solution has a model answer and a rubric).
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .computations import COMPUTATIONS
from .data import load_events, load_sources, load_table
from .paths import data_dir

KEYS_FILE = "exercise_keys.toml"
VERDICTS = ("supported", "contradicted", "unverifiable")


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer. ``status`` is one of: correct, incorrect, unanswered, invalid,
    recorded (open questions), unknown (no such exercise)."""

    exercise: str
    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message


class _Invalid(Exception):
    """The answer does not have the shape the exercise expects (a message for the learner)."""


# --- the answer keys ------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _keys(folder: Path) -> dict[str, dict]:
    with open(folder / KEYS_FILE, "rb") as handle:
        return tomllib.load(handle)["exercises"]


def exercise_keys() -> dict[str, dict]:
    """All answer keys, by exercise id (e.g. ``"00.2"``)."""
    return _keys(data_dir())


# --- helpers that read answers --------------------------------------------------------------------

def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"True/False ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item(s)"
    if isinstance(value, dict):
        return f"a dictionary with {len(value)} entr{'y' if len(value) == 1 else 'ies'}"
    return f"something of type {type(value).__name__}"


def _as_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{what} should be written as text in quotes, e.g. \"...\"; you gave {_describe(value)}.")
    return value.strip()


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Invalid("Write the date as text in the form \"YYYY-MM-DD\", for example \"1960-02-13\"; "
                   f"you gave {_describe(value)}.")


def _as_number(value: Any) -> float:
    if isinstance(value, bool):
        raise _Invalid("This answer is a number, not True or False.")
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise _Invalid(f"This answer is a number, for example 12 or 0.25; you gave {_describe(value)}.") from None
    if isinstance(value, int):
        if abs(value) > 10**12:
            raise _Invalid("That number is far too large to be the answer.")
        return float(value)
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise _Invalid(f"This answer is a number, for example 12 or 0.25; you gave {_describe(value)}.")


def _pair(value: Any, first: str, second: str, example: str) -> tuple[Any, Any]:
    """Read ("X", "evidence-id") from a list/tuple of two items or a dict with two keys."""
    if isinstance(value, dict) and set(value) == {first, second}:
        return value[first], value[second]
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    raise _Invalid(f"This answer has two parts: the {first} and the id of the {second} that supports it, "
                   f"for example {example}; you gave {_describe(value)}.")


@lru_cache(maxsize=4)
def _facts(folder: Path) -> dict:
    """What the checkers read from the data, computed once per data folder (``clear_cache`` forgets it)."""
    events = load_events()
    return {
        "evidence_ids": frozenset(events["id"]) | frozenset(load_sources()["id"])
        | frozenset(load_table("excerpts")["id"]),
        "event_dates": {e: (d.date(), str(p)) for e, d, p in
                        zip(events["id"], events["date_start"], events["date_precision"])},
    }


@lru_cache(maxsize=256)
def _computed(name: str, args: tuple) -> float:
    """A named computation's result (cached: the data do not change while a notebook runs)."""
    return COMPUTATIONS[name](*args)


def _known_evidence_ids() -> frozenset[str]:
    return _facts(data_dir())["evidence_ids"]


def _evidence_feedback(evidence: Any, accepted: list[str]) -> str | None:
    """None when the evidence id is acceptable, else a message."""
    evidence_id = _as_text(evidence, "The evidence")
    if evidence_id in accepted:
        return None
    if evidence_id not in _known_evidence_ids():
        return (f"The evidence {evidence_id!r} is not an id from the events, sources or excerpts: copy an id "
                "exactly from the timeline, a source card or an excerpt.")
    return (f"{evidence_id!r} exists, but it does not settle this question. Look for the document or "
            "event that does.")


# --- one function per kind of exercise: return (status, message) ----------------------------------

def _order(key: dict, answer: Any) -> tuple[str, str]:
    expected = [str(e) for e in key["events"]]
    if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
        raise _Invalid(f"Give a list of event ids in quotes, e.g. [\"{expected[0]}\", ...]; "
                       f"you gave {_describe(answer)}.")
    if sorted(answer) != sorted(expected):
        listed = ", ".join(f'"{e}"' for e in sorted(expected))
        return "incorrect", f"Use each of these ids exactly once, in the order you think is right: {listed}."
    dates = _facts(data_dir())["event_dates"]
    right_order = sorted(expected, key=lambda event_id: dates[event_id][0])
    if list(answer) == right_order:
        return "correct", ""
    in_place = sum(a == b for a, b in zip(answer, right_order))
    return "incorrect", f"{in_place} of {len(expected)} are in the right place."


def _date(key: dict, answer: Any) -> tuple[str, str]:
    given = _as_date(answer)
    expected, precision = _facts(data_dir())["event_dates"][key["event"]]
    also = {dt.date.fromisoformat(d): note for d, note in key.get("also_accept", {}).items()}
    if precision == "year":
        right = given.year == expected.year
    elif precision == "month":
        right = (given.year, given.month) == (expected.year, expected.month)
    else:
        right = abs((given - expected).days) <= int(key.get("tolerance_days", 0))
    if right:
        return "correct", ""
    if given in also:
        return "correct", f"Accepted: {also[given]}"
    gap = abs((given - expected).days)
    scale = "days" if gap < 62 else "months" if gap < 730 else "years"
    return "incorrect", f"You are {'a few' if scale == 'days' else 'some'} {scale} out."


def _number(key: dict, answer: Any) -> tuple[str, str]:
    given = _as_number(answer)
    expected = _computed(key["compute"], tuple(key.get("args", [])))
    tolerance = float(key.get("tolerance", 0))
    if abs(given - expected) <= tolerance + 1e-9:
        return "correct", ""
    for value, note in key.get("also_accept", {}).items():
        if abs(given - float(value)) <= tolerance + 1e-9:
            return "correct", f"Accepted: {note}"
    return "incorrect", f"Not {answer!r}."


def _with_evidence(answer: Any, part: str, allowed: list[str], expected: str, evidence_ids: list[str],
                   example: str, wrong: str) -> tuple[str, str]:
    """Shared by ``choice`` and ``claim``: an answer in two parts, a value from ``allowed`` and an evidence id."""
    value, evidence = _pair(answer, part, "evidence", example)
    value = _as_text(value, f"The {part}")
    value = value.upper() if part == "choice" else value.lower()
    if value not in allowed:
        return "incorrect", f"The {part} is one of: {', '.join(allowed)}."
    if value != expected:
        return "incorrect", wrong.format(value=value)
    problem = _evidence_feedback(evidence, evidence_ids)
    return ("correct", "") if problem is None else ("incorrect", f"Right {part}. {problem}")


def _choice(key: dict, answer: Any) -> tuple[str, str]:
    letters = sorted(key["options"])
    return _with_evidence(answer, "choice", letters, key["correct"], key["evidence"],
                          f'("{letters[0]}", "an-event-or-source-id")', "{value} is not the best answer.")


def _match(key: dict, answer: Any) -> tuple[str, str]:
    expected: dict[str, str] = key["pairs"]
    example = "{" + ", ".join(f'"{item}": "..."' for item in list(expected)[:2]) + ", ...}"
    if not isinstance(answer, dict):
        raise _Invalid(f"Give a dictionary that matches each item to an answer, e.g. {example}; "
                       f"you gave {_describe(answer)}.")
    missing = [item for item in expected if item not in answer]
    if missing:
        return "incorrect", f"Match every item: missing {', '.join(repr(m) for m in missing)}."
    right = sum(str(answer[item]).strip().lower() == value.lower() for item, value in expected.items())
    if right == len(expected):
        return "correct", ""
    return "incorrect", f"{right} of {len(expected)} matches are right."


def _claim(key: dict, answer: Any) -> tuple[str, str]:
    return _with_evidence(answer, "verdict", list(VERDICTS), key["verdict"], key["evidence"],
                          '("supported", "a-source-id")', "The evidence does not make this claim {value}.")


def _open(key: dict, answer: Any) -> tuple[str, str]:
    text = _as_text(answer, "Your answer")
    words = len(text.split())
    if words < int(key.get("min_words", 30)):
        return "incorrect", (f"Your answer has {words} words: develop it (claim, evidence, reasoning) to at "
                             f"least {key.get('min_words', 30)} words.")
    return "recorded", ("Answer recorded (not graded automatically). Compare it with the model answer and "
                        "the rubric in the solution notebook, or discuss it with your teacher.")


KINDS = {"order": _order, "date": _date, "number": _number, "choice": _choice, "match": _match,
         "claim": _claim, "open": _open}


# --- the public API -------------------------------------------------------------------------------

def evaluate(exercise: str, answer: Any) -> Feedback:
    """Judge ``answer`` to ``exercise`` and return a :class:`Feedback`; never raises."""
    try:
        keys = exercise_keys()
    except Exception as error:  # a broken key file is the author's problem: say so, don't crash
        return Feedback(str(exercise), "invalid", f"The answer keys could not be read ({error}). "
                                                  "Please tell your teacher.")
    if not isinstance(exercise, str) or exercise not in keys:
        prefix = str(exercise).split(".")[0] if isinstance(exercise, str) else ""
        nearby = sorted(k for k in keys if k.startswith(prefix + ".")) or sorted(keys)
        return Feedback(str(exercise)[:20], "unknown", f"There is no exercise {str(exercise)[:20]!r}. "
                                                       f"Exercises: {', '.join(nearby)}.")
    key = keys[exercise]
    if answer is ... or answer is None:
        return Feedback(exercise, "unanswered",
                        f"{exercise}: not answered yet. Replace the ... with your answer and run the cell again.")
    try:
        status, detail = KINDS[key["kind"]](key, answer)
    except _Invalid as reason:
        return Feedback(exercise, "invalid", f"{exercise}: {reason}")
    except Exception as error:  # noqa: BLE001 - learners must never see a traceback
        return Feedback(exercise, "invalid", f"{exercise}: this answer could not be checked "
                                             f"({type(error).__name__}). Check its form against the example.")
    if status == "correct":
        text = f"{exercise}: correct. {detail} {key.get('explanation', '')}".replace("  ", " ").strip()
    elif status == "recorded":
        text = f"{exercise}: {detail}"
    else:
        text = f"{exercise}: not yet. {detail} Hint: {key.get('hint', 'look again at the sources.')}"
    return Feedback(exercise, status, text)


def check(exercise: str, answer: Any) -> None:
    """Print feedback on ``answer`` to ``exercise`` (e.g. ``check("00.2", "1963-04-27")``)."""
    print(evaluate(exercise, answer).message)


def validate_keys() -> list[str]:
    """Problems in the answer keys (unknown kinds, ids that do not exist...); empty when all is well."""
    problems = []
    events = set(load_events()["id"])
    known = _known_evidence_ids()
    for exercise, key in exercise_keys().items():
        kind = key.get("kind")
        if kind not in KINDS:
            problems.append(f"{exercise}: unknown kind {kind!r}")
            continue
        for field in ("hint", "explanation") if kind != "open" else ():
            if not key.get(field):
                problems.append(f"{exercise}: needs a {field}")
        ids = list(key.get("events", [])) + ([key["event"]] if "event" in key else [])
        problems += [f"{exercise}: event {e!r} is not in events.csv" for e in ids if e not in events]
        problems += [f"{exercise}: evidence {e!r} is not an event or source id"
                     for e in key.get("evidence", []) if e not in known]
        if kind == "number" and key.get("compute") not in COMPUTATIONS:
            problems.append(f"{exercise}: unknown computation {key.get('compute')!r}")
        if kind == "choice" and key.get("correct") not in key.get("options", {}):
            problems.append(f"{exercise}: the correct option is not among the options")
        if kind == "claim" and key.get("verdict") not in VERDICTS:
            problems.append(f"{exercise}: verdict must be one of {VERDICTS}")
    return problems


__all__ = ["Feedback", "check", "evaluate", "exercise_keys", "validate_keys"]
