"""The three interactive components, tested on their figure objects and computed tables.

Expected values are recomputed here from the raw CSV files with the csv module, independently of the
package's pandas code.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import pytest

from cuba_triangle import journey_widget as journey, timeline_widget as tl, triangle_widget as tr

DATA = Path(__file__).resolve().parents[1] / "data"


def raw(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- timeline ---------------------------------------------------------------------------------------

def expected_ids(start: int, end: int, actors: set[str]) -> set[str]:
    ids = set()
    for row in raw("events.csv"):
        first = int(row["date_start"][:4])
        last = int((row["date_end"] or row["date_start"])[:4])
        if last >= start and first <= end and actors & set(row["actors"].split(";")):
            ids.add(row["id"])
    return ids


def test_filter_1962_1963_cuba_ussr_gives_exactly_the_matching_events():
    widget = tl.timeline(start=1962, end=1963, actors=["CUB", "USSR"])
    assert set(widget.selected_ids) == expected_ids(1962, 1963, {"CUB", "USSR"})
    plotted = {i for trace in widget.figure.data[1::2] for i in trace.customdata}
    assert plotted == expected_ids(1962, 1963, {"CUB", "USSR"})


def test_pure_filter_agrees_with_the_widget():
    events = tl.load_events()
    chosen = tl.filter_events(events, 1962, 1963, ["CUB", "USSR"])
    assert set(chosen["id"]) == expected_ids(1962, 1963, {"CUB", "USSR"})


def test_controls_update_the_same_figure_in_place():
    widget = tl.timeline()
    figure, traces = widget.figure, list(widget.figure.data)
    widget.years.value = (1963, 1963)
    assert widget.figure is figure and list(widget.figure.data) == traces
    shown = sum(len(t.x) for t in widget.figure.data[1::2])
    assert shown == len(expected_ids(1963, 1963, {"CUB", "USSR", "PRC", "USA", "ROC", "OAS", "UN", "BOL", "CSK",
                                                   "VNM", "DZA", "AGO", "ETH", "NIC", "CMEA", "WP", "RUS"}))
    assert widget.figure.layout.title.text.startswith(f"{len(widget.selected)} events")


def test_theme_toggle_search_and_language():
    widget = tl.timeline(start=1959, end=1968)
    before = len(widget.selected)
    widget.theme_toggles["economy"].value = False
    assert all(r["theme"] != "economy" for r in widget.selected) and len(widget.selected) < before
    widget.theme_toggles["economy"].value = True
    widget.search.value = "sugar"
    assert widget.selected and all("sugar" in r["text_en"] for r in widget.selected)
    widget.search.value = ""
    widget.language.value = "fr"
    first = widget.selected[0]
    assert widget.event_list.options[0][0].endswith(first["title_fr"])


def test_selecting_an_event_shows_its_sources_and_dispute():
    widget = tl.timeline(start=1963, end=1963)
    widget.event_list.value = "1963-04-castro-first-visit-ussr"
    assert "Sources disagree" in widget.details.value
    assert "href='http" in widget.details.value


class _Points:
    def __init__(self, indexes):
        self.point_inds = indexes


def test_clicking_a_point_selects_that_event():
    widget = tl.timeline(start=1963, end=1963)
    trace = next(t for t in widget.figure.data[1::2] if len(t.customdata))
    widget._clicked(trace, _Points([0]), None)
    assert widget.event_list.value == trace.customdata[0]


def test_actor_lanes_put_an_event_on_each_of_its_actors_lanes():
    widget = tl.timeline(start=1960, end=1960, lanes="actor")
    lanes = [(i, y) for t in widget.figure.data[1::2] for i, y in zip(t.customdata, t.y)]
    theresa = {y for i, y in lanes if i == "1960-09-castro-khrushchev-hotel-theresa"}
    assert theresa >= {"CUB", "USSR"}


def test_static_fallback_is_a_plain_figure_with_the_same_points():
    figure = tl.timeline_figure(start=1962, end=1963, actors=["CUB", "USSR"])
    assert type(figure).__name__ == "Figure"
    assert {i for t in figure.data[1::2] for i in t.customdata} == expected_ids(1962, 1963, {"CUB", "USSR"})


def test_show_as_table_lists_the_selected_events():
    widget = tl.timeline(start=1963, end=1963)
    widget.show_table.value = True
    assert widget.table.layout.display == "block"
    assert widget.table.value.count("<tr>") == len(widget.selected) + 1


# --- triangle ---------------------------------------------------------------------------------------

def independent_score(year: int, pair: set[str], recoded: dict[str, str] | None = None) -> float | None:
    weights = {row["cameo_code"]: float(row["goldstein"]) for row in raw("cameo/cameo_goldstein.csv")}
    recoded = recoded or {}
    total, found = 0.0, False
    for row in raw("events.csv"):
        if row["cameo_code"] and int(row["date_start"][:4]) == year and {row["source_actor"], row["target_actor"]} == pair:
            total += weights[recoded.get(row["id"], row["cameo_code"])]
            found = True
    return total if found else None


@pytest.mark.parametrize("year, pair", [(1960, {"CUB", "USSR"}), (1962, {"CUB", "USSR"}), (1963, {"CUB", "USSR"}),
                                        (1960, {"USSR", "PRC"}), (1966, {"CUB", "PRC"})])
def test_dyad_score_is_the_sum_of_goldstein_weights(year, pair):
    scores = tr.dyad_scores()
    name = next(n for d, n in tr.DYAD_NAMES.items() if set(d) == pair)
    assert scores.loc[year, name] == pytest.approx(independent_score(year, pair))


def test_years_without_coded_acts_have_no_score():
    assert math.isnan(tr.dyad_scores().loc[1970, "CUB–PRC"]) == (independent_score(1970, {"CUB", "PRC"}) is None)


def test_mean_method_divides_by_the_number_of_acts():
    acts = tr.coded_acts()
    part = acts[(acts["year"] == 1962) & (acts["dyad"] == ("CUB", "USSR"))]
    assert tr.dyad_scores(method="mean").loc[1962, "CUB–USSR"] == pytest.approx(part["weight"].sum() / len(part))


def test_recoding_an_event_changes_that_years_score_by_the_weight_difference():
    widget = tr.triangle(year=1963)
    acts = tr.coded_acts()
    event = acts[(acts["year"] == 1963) & (acts["dyad"] == ("CUB", "USSR"))].iloc[0]
    before = widget.values_for(1963)["CUB–USSR"]
    widget.recode_and_redraw(event["id"], "111")  # criticize or denounce, -2.0
    after = widget.values_for(1963)["CUB–USSR"]
    assert after - before == pytest.approx(-2.0 - event["weight"])
    assert after == pytest.approx(independent_score(1963, {"CUB", "USSR"}, {event["id"]: "111"}))
    assert widget.figure.data[3].text[0] == f"{after:+.1f}"


def test_recoding_rejects_an_unknown_code():
    with pytest.raises(ValueError, match="not a CAMEO code"):
        tr.recode(tr.coded_acts(), tr.coded_acts()["id"].iloc[0], "9999")


def test_year_slider_restyles_the_edges_in_place():
    widget = tr.triangle(year=1962)
    figure = widget.figure
    widget.year.value = 1966
    assert widget.figure is figure
    styles = {trace.name: trace.line.dash for trace in widget.figure.data[:3]}
    assert styles["CUB–USSR"] == "dot"  # no coded act in 1966
    assert styles["CUB–PRC"] == "dash"  # the rice dispute: hostile


def test_un_mode_has_no_china_edges_before_1972():
    un = {(int(r["year"]), r["pair"]): r for r in raw("un/un_agreement_by_year.csv")}
    assert tr.un_values(1965)["CUB–PRC"] is None and tr.un_values(1965)["USSR–PRC"] is None
    assert tr.un_values(1965)["CUB–USSR"] == pytest.approx(float(un[(1965, "Cuba-USSR")]["agreement"]))
    assert tr.un_values(1975)["CUB–PRC"] == pytest.approx(float(un[(1975, "Cuba-ChinaSeat")]["agreement"]))
    widget = tr.triangle(year=1965, mode="un")
    assert "Republic of China (Taiwan) until October 1971" in widget.note.value
    assert widget.figure.data[1].line.dash == "dot"


# --- journey ----------------------------------------------------------------------------------------

def test_haversine_matches_hand_checked_values():
    # One degree of longitude on the equator: 2 * pi * 6371 / 360 = 111.19 km.
    assert journey.haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.001)
    # Pole to equator: a quarter of the circumference, 10,007.5 km.
    assert journey.haversine_km(90, 0, 0, 0) == pytest.approx(10007.543, abs=0.01)


def test_journey_distance_is_the_sum_of_the_legs():
    stops = raw("itinerary_1963.csv")
    total = 0.0
    for a, b in zip(stops, stops[1:]):  # spherical law of cosines, a different formula
        p1, p2 = math.radians(float(a["latitude"])), math.radians(float(b["latitude"]))
        dl = math.radians(float(b["longitude"]) - float(a["longitude"]))
        total += 6371.0 * math.acos(min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))
    assert journey.journey_distance_km() == pytest.approx(total, abs=0.5)


def test_day_slider_moves_the_marker_along_the_route():
    widget = journey.journey_map()
    assert widget.figure.data[3].x[0] == pytest.approx(33.075)  # Murmansk
    widget.slider.value = dt.date(1963, 5, 13)
    stops = raw("itinerary_1963.csv")
    reached = [s for s in stops if s["date_start"] <= "1963-05-13"][-1]
    assert widget.figure.data[3].x[0] == pytest.approx(float(reached["longitude"]))
    assert len(widget.figure.data[4].x) == len([s for s in stops if s["date_start"] <= "1963-05-13"])
    assert reached["place"] in widget.today.value


def test_journey_days_span_the_visit():
    days = journey.journey_days()
    assert days[0] == dt.date(1963, 4, 27) and days[-1] == dt.date(1963, 6, 3) and len(days) == 38


@pytest.mark.parametrize("make", [lambda: tl.timeline(start=1963, end=1963), lambda: tr.triangle(year=1966),
                                  lambda: journey.journey_map(dt.date(1963, 5, 13))], ids=["timeline", "triangle", "journey"])
def test_every_component_has_a_static_fallback_matching_its_current_state(make):
    component = make()
    statics = component.static_figures()
    widgets_ = [p for p in component.parts if type(p).__name__ == "FigureWidget"]
    assert statics and len(statics) == len(widgets_)
    for static, live in zip(statics, widgets_):
        assert type(static).__name__ == "Figure"
        assert static.layout.title.text == live.layout.title.text
        assert [list(t.x or []) for t in static.data] == [list(t.x or []) for t in live.data]
        assert "uid" not in static.to_dict()["data"][0]
