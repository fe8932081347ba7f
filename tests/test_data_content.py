"""What the shipped data must contain, and how the loaders must type it."""

from __future__ import annotations

import pandas as pd
import pytest

import cuba_triangle as ct

TRIANGLE = {"CUB", "USSR", "PRC", "USA"}


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return ct.load_events()


def test_events_cover_1952_to_1991_densely_in_the_core(events):
    assert len(events) >= 120
    assert events["year"].min() == 1952 and events["year"].max() == 1991
    core = events["year"].between(1959, 1968).sum()
    assert core / len(events) >= 0.6, f"only {core} of {len(events)} events in 1959-1968"
    for year in range(1959, 1969):
        assert (events["year"] == year).sum() >= 3, f"too few events in {year}"


def test_every_lesson_of_the_series_has_events(events):
    counts = events["lesson"].value_counts()
    for lesson in ct.load_lessons()["id"]:
        if lesson != "00":
            assert counts.get(lesson, 0) >= 5, f"lesson {lesson} has {counts.get(lesson, 0)} events"


def test_loaders_return_typed_frames(events):
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert pd.api.types.is_datetime64_any_dtype(events["date_end"])
    assert isinstance(events["theme"].dtype, pd.CategoricalDtype)
    assert all(isinstance(a, list) and a for a in events["actors"])
    assert all(isinstance(s, list) and s for s in events["source_ids"])
    cameo = ct.load_cameo()
    assert cameo.loc[cameo["cameo_code"] == "057", "goldstein"].item() == 8.0  # text code keeps its zero
    assert str(ct.load_itinerary()["stop"].dtype) == "Int64"


def test_loaded_frames_are_copies(events):
    events.loc[0, "title_en"] = "changed by a learner"
    events.loc[0, "actors"].append("XXX")
    again = ct.load_events()
    assert again.loc[0, "title_en"] != "changed by a learner"
    assert "XXX" not in again.loc[0, "actors"]


def test_events_are_sorted_by_date(events):
    assert events["date_start"].is_monotonic_increasing


def test_dyadic_events_are_coded_among_the_four_states(events):
    coded = events.dropna(subset=["cameo_code"])
    assert len(coded) >= 60, f"only {len(coded)} coded events"
    assert set(coded["source_actor"]) <= TRIANGLE and set(coded["target_actor"]) <= TRIANGLE
    pairs = {frozenset(p) for p in zip(coded["source_actor"], coded["target_actor"])}
    for pair in ({"CUB", "USSR"}, {"CUB", "PRC"}, {"USSR", "PRC"}):
        assert frozenset(pair) in pairs, f"no coded event for {pair}"


def test_some_facts_are_marked_disputed(events):
    assert events["disputed"].notna().sum() >= 5


def test_people_and_itinerary_are_present():
    people = ct.load_people()
    assert {"fidel-castro", "nikita-khrushchev", "che-guevara", "anastas-mikoyan"} <= set(people["id"])
    itinerary = ct.load_itinerary()
    assert len(itinerary) >= 8
    assert itinerary["date_start"].min() >= pd.Timestamp("1963-04-26")
    assert itinerary["date_start"].max() <= pd.Timestamp("1963-06-04")


def test_founding_text_has_four_paragraphs_in_both_languages():
    french, english = ct.load_founding_text("fr"), ct.load_founding_text("en")
    assert len(french) == len(english) == 4
    assert "quarante jours" in french[1] and "forty days" in english[1]
    with pytest.raises(ValueError):
        ct.load_founding_text("de")


def test_data_folder_is_found_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ct.clear_cache()
    assert len(ct.load_lessons()) == 10


def test_environment_variable_must_point_at_a_data_folder(tmp_path, monkeypatch):
    from cuba_triangle.paths import data_dir
    monkeypatch.setenv("CUBA_TRIANGLE_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="no datapackage.json"):
        data_dir()


def test_every_lesson_01_to_05_has_three_to_five_or_more_excerpts_from_several_voices():
    excerpts = ct.load_table("excerpts")
    for lesson in ("01", "02", "03", "04", "05"):
        part = excerpts[excerpts["lesson"] == lesson]
        assert len(part) >= 3, f"lesson {lesson}: {len(part)} excerpts"
        assert part["speaker"].nunique() >= 2, f"lesson {lesson}: one voice only"


def test_public_domain_excerpts_may_be_longer_than_copyrighted_ones():
    excerpts = ct.load_table("excerpts").merge(ct.load_sources()[["id", "reuse"]], left_on="source_id",
                                                right_on="id", suffixes=("", "_source"))
    words = excerpts["excerpt"].str.split().str.len()
    limited = excerpts["reuse"] != "public domain"
    assert (words[limited] <= 60).all(), excerpts.loc[limited & (words > 60), "id"].tolist()
    assert (words <= 150).all()
