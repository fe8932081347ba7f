"""The checking API: right answers pass, wrong ones get hints, nothing ever raises."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cuba_triangle import checks
from cuba_triangle.checks import check, evaluate, exercise_keys, validate_keys
from cuba_triangle.computations import chronological, event_date

KEYS = exercise_keys()


def test_answer_keys_are_consistent_with_the_data():
    assert validate_keys() == []


def test_validate_keys_catches_a_missing_event(monkeypatch):
    broken = {k: dict(v) for k, v in KEYS.items()}
    order = next(k for k, v in broken.items() if v["kind"] == "order")
    broken[order]["events"] = list(broken[order]["events"]) + ["1999-no-such-event"]
    monkeypatch.setattr(checks, "exercise_keys", lambda: broken)
    assert any("1999-no-such-event" in p for p in validate_keys())


def right_answer(exercise: str):
    """The correct answer, worked out from the key and the data (not copied from it)."""
    key = KEYS[exercise]
    kind = key["kind"]
    if kind == "order":
        return chronological(list(key["events"]))
    if kind == "date":
        return event_date(key["event"]).date().isoformat()
    if kind == "number":
        return checks.COMPUTATIONS[key["compute"]](*key.get("args", []))
    if kind == "choice":
        return (key["correct"], key["evidence"][0])
    if kind == "match":
        return dict(key["pairs"])
    if kind == "claim":
        return (key["verdict"], key["evidence"][0])
    return "word " * (int(key.get("min_words", 30)) + 1)


@pytest.mark.parametrize("exercise", sorted(KEYS))
def test_right_answer_is_accepted(exercise):
    feedback = evaluate(exercise, right_answer(exercise))
    assert feedback.status in ("correct", "recorded"), feedback.message


@pytest.mark.parametrize("exercise", sorted(KEYS))
def test_placeholder_is_not_answered_yet(exercise):
    assert evaluate(exercise, ...).status == "unanswered"
    assert "not answered yet" in evaluate(exercise, ...).message


def wrong_answer(exercise: str):
    key, right = KEYS[exercise], right_answer(exercise)
    kind = key["kind"]
    if kind == "order":
        return list(reversed(right))
    if kind == "date":
        return (dt.date.fromisoformat(right) + dt.timedelta(days=800)).isoformat()
    if kind == "number":
        return right + 1000
    if kind in ("choice",):
        return (next(o for o in key["options"] if o != key["correct"]), right[1])
    if kind == "match":
        values = list(right.values())
        return dict(zip(right, values[1:] + values[:1]))
    if kind == "claim":
        return (next(v for v in checks.VERDICTS if v != key["verdict"]), right[1])
    return "too short"


@pytest.mark.parametrize("exercise", sorted(KEYS))
def test_wrong_answer_gets_a_hint(exercise):
    feedback = evaluate(exercise, wrong_answer(exercise))
    assert feedback.status == "incorrect", feedback.message
    assert "not yet" in feedback.message


def test_choice_needs_the_right_evidence():
    exercise = next(k for k, v in KEYS.items() if v["kind"] in ("choice", "claim"))
    right = right_answer(exercise)
    feedback = evaluate(exercise, (right[0], "no-such-id"))
    assert feedback.status == "incorrect" and "is not an id" in feedback.message


def test_unknown_exercise_is_explained():
    feedback = evaluate("99.9", "x")
    assert feedback.status == "unknown" and "There is no exercise" in feedback.message


def test_check_prints_and_returns_nothing(capsys):
    assert check(sorted(KEYS)[0], ...) is None
    assert "not answered yet" in capsys.readouterr().out


def test_a_crashing_checker_does_not_raise(monkeypatch):
    exercise = sorted(KEYS)[0]
    monkeypatch.setitem(checks.KINDS, KEYS[exercise]["kind"], lambda key, answer: 1 / 0)
    feedback = evaluate(exercise, "anything")
    assert feedback.status == "invalid" and "could not be checked" in feedback.message


# Anything a learner could type: None, text, numbers (huge, NaN, inf), dates, lists, dicts, tuples...
ANY_ANSWER = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**20, max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=60) | st.binary(max_size=10)
    | st.dates().map(lambda d: d) | st.dates().map(dt.date.isoformat) | st.just(...) | st.sampled_from(
        ["A", "B", "supported", "contradicted", "unverifiable", "1963-04-27", "0.59", "1e400", "nan"]),
    lambda inner: st.lists(inner, max_size=6) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=8) | st.sampled_from(["choice", "evidence", "verdict"]), inner, max_size=5),
    max_leaves=12)


# One exercise per kind of checker (each kind is one function), plus ids that do not exist.
ONE_PER_KIND = sorted({key["kind"]: exercise for exercise, key in sorted(KEYS.items())}.values())


def test_every_kind_of_checker_is_fuzzed():
    assert {KEYS[e]["kind"] for e in ONE_PER_KIND} == set(checks.KINDS)


@pytest.mark.parametrize("exercise", ONE_PER_KIND + ["00.99", "nonsense"])
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=ANY_ANSWER)
def test_any_input_gets_a_message_never_an_exception(exercise, answer):
    feedback = evaluate(exercise, answer)
    assert isinstance(feedback.message, str) and feedback.message.strip()
    assert feedback.status in ("correct", "incorrect", "unanswered", "invalid", "recorded", "unknown")
    assert "Traceback" not in feedback.message


@settings(max_examples=1000, deadline=None)
@given(exercise=st.none() | st.integers() | st.text(max_size=10) | st.lists(st.integers(), max_size=3),
       answer=ANY_ANSWER)
def test_malformed_exercise_ids_never_raise(exercise, answer):
    assert evaluate(exercise, answer).status in ("unknown", "unanswered", "invalid", "incorrect", "correct",
                                                 "recorded")


def test_nan_is_not_a_number_answer():
    exercise = next((k for k, v in KEYS.items() if v["kind"] == "number"), None)
    if exercise is None:
        pytest.skip("no number exercise")
    assert evaluate(exercise, math.nan).status == "invalid"
