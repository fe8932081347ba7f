"""Castro's 1963 journey through the USSR on a map, with a day slider that moves along the route.

The map is drawn on plain longitude/latitude axes over country borders shipped in ``data/map/`` (Natural
Earth, 1:110m, today's borders), so it needs no map tiles and works offline. Distances are great-circle
distances between the stops' coordinates (haversine formula, Earth radius 6371 km): the real route by plane
and train was longer.
"""

from __future__ import annotations

import html
import math
from datetime import date, timedelta
from functools import lru_cache

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from .component import Component
from .data import load_events, load_itinerary
from .palette import OKABE_ITO
from .paths import data_dir

EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def journey_legs(itinerary: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per leg between consecutive stops: from, to, distance (km) and cumulative distance."""
    stops = load_itinerary() if itinerary is None else itinerary
    rows = []
    for a, b in zip(stops.itertuples(), stops.iloc[1:].itertuples()):
        rows.append({"from_stop": a.stop, "to_stop": b.stop, "from": a.place, "to": b.place,
                     "km": haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)})
    legs = pd.DataFrame(rows)
    legs["cumulative_km"] = legs["km"].cumsum()
    return legs


def journey_distance_km(itinerary: pd.DataFrame | None = None) -> float:
    """Total great-circle distance along the stops, in order (km)."""
    return float(journey_legs(itinerary)["km"].sum())


@lru_cache(maxsize=2)
def _borders(folder: str) -> tuple[list, list]:
    table = pd.read_csv(f"{folder}/map/borders_110m.csv")
    xs, ys = [], []
    for _, part in table.groupby(["country", "part"], sort=False):
        xs += list(part["lon"]) + [None]
        ys += list(part["lat"]) + [None]
    return xs, ys


VISIT_EVENT_ID = "1963-04-castro-first-visit-ussr"


def journey_days(itinerary: pd.DataFrame | None = None) -> list[date]:
    """Every calendar day of the visit, inclusive: from the first stop to the end date of the visit event
    in the chronology (or the last day the itinerary records, if that is later)."""
    stops = load_itinerary() if itinerary is None else itinerary
    first = stops["date_start"].min().date()
    last = stops["date_end"].fillna(stops["date_start"]).max().date()
    events = load_events()
    visit = events.loc[events["id"] == VISIT_EVENT_ID, "date_end"]
    if not visit.empty and pd.notna(visit.iloc[0]):
        last = max(last, visit.iloc[0].date())
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _stop_dates(row) -> str:
    start = row.date_start.strftime("%d %b")
    end = row.date_end.strftime("%d %b") if pd.notna(row.date_end) else None
    if row.date_precision == "window":
        return f"one day between {start} and {end} (exact day not known)"
    return start if not end or end == start else f"{start} – {end}"


class JourneyMap(Component):
    """The map widget: route, numbered stops with hover text, a day slider, the day's stop and the
    distance covered so far, a text description and a table view."""

    def __init__(self, day: date | None = None):
        self.stops = load_itinerary()
        self.legs = journey_legs(self.stops)
        self.days = journey_days(self.stops)
        self.cumulative = [0.0] + list(self.legs["cumulative_km"])  # by stop index
        self.slider = widgets.SelectionSlider(options=[(d.strftime("%d %b %Y"), d) for d in self.days],
                                              value=day or self.days[0], description="Day",
                                              continuous_update=False, layout=widgets.Layout(width="620px"))
        self.play = widgets.Play(min=0, max=len(self.days) - 1, interval=600, description="Play")
        self.play.observe(lambda change: setattr(self.slider, "value", self.days[change["new"]]), names="value")
        self.today = widgets.HTML()
        self.description = widgets.HTML(f"<p class='ct-description'>{html.escape(self.describe())}</p>")
        self.show_table = widgets.ToggleButton(value=False, description="Show as table")
        self.table = widgets.HTML(self.table_html(), layout=widgets.Layout(display="none"))
        self.figure = self._figure()
        self.slider.observe(self.update, names="value")
        self.show_table.observe(lambda change: setattr(self.table.layout, "display",
                                                       "block" if change["new"] else "none"), names="value")
        note = widgets.HTML("<p class='ct-note'>Borders are today's (Natural Earth, 1:110m); in 1963 all the "
                            "places on the route were in the Soviet Union. Distances are straight-line "
                            "(great-circle) distances between stops.</p>")
        self.figure.layout.meta = "ct-journey"
        top = widgets.VBox([self.description, widgets.HBox([self.play, self.slider])])
        top.add_class("ct-journey")
        bottom = widgets.VBox([self.today, note, self.show_table, self.table])
        bottom.add_class("ct-journey-details")
        self.parts = [top, self.figure, bottom]
        self.update()

    def _figure(self) -> go.FigureWidget:
        xs, ys = _borders(str(data_dir()))
        stops = self.stops
        figure = go.FigureWidget()
        figure.add_scatter(x=xs, y=ys, mode="lines", line=dict(color="#BBBBBB", width=1), hoverinfo="skip",
                           showlegend=False, name="borders")
        figure.add_scatter(x=list(stops["longitude"]), y=list(stops["latitude"]), mode="lines",
                           line=dict(color=OKABE_ITO["blue"], width=2, dash="dot"), name="route", hoverinfo="skip")
        hover = [f"{row.stop}. {row.place}<br>{_stop_dates(row)}" for row in stops.itertuples()]
        figure.add_scatter(x=list(stops["longitude"]), y=list(stops["latitude"]), mode="markers+text",
                           text=[str(s) for s in stops["stop"]], textposition="top right", name="stops",
                           hovertext=hover, hoverinfo="text",
                           marker=dict(size=9, color=OKABE_ITO["blue"], line=dict(color="white", width=1)))
        figure.add_scatter(x=[], y=[], mode="markers", name="Castro on this day",
                           marker=dict(size=20, symbol="star", color=OKABE_ITO["vermillion"],
                                       line=dict(color="black", width=1)))
        figure.add_scatter(x=[], y=[], mode="lines", line=dict(color=OKABE_ITO["vermillion"], width=3),
                           name="route so far", hoverinfo="skip")
        figure.update_layout(height=520, template="simple_white", margin=dict(l=40, r=10, t=40, b=40),
                             xaxis=dict(range=[20, 112], title="longitude (°E)"),
                             yaxis=dict(range=[36, 72], title="latitude (°N)", scaleanchor="x", scaleratio=1.7),
                             legend=dict(orientation="h", y=-0.12))
        return figure

    def describe(self) -> str:
        """One-sentence text alternative for the map."""
        places = ", ".join(dict.fromkeys(self.stops["place"]))
        return (f"Map of Castro's journey in the USSR from {self.days[0]:%d %B} to {self.days[-1]:%d %B %Y}: "
                f"{len(self.stops)} stops ({places}), about {journey_distance_km(self.stops):,.0f} km "
                "in straight lines between stops.")

    def table_html(self) -> str:
        rows = "".join(f"<tr><td>{row.stop}</td><td>{html.escape(row.place)}</td><td>{_stop_dates(row)}</td>"
                       f"<td>{row.latitude:.2f}, {row.longitude:.2f}</td><td>{html.escape(row.what_happened_en)}</td></tr>"
                       for row in self.stops.itertuples())
        return ("<table class='ct-table'><thead><tr><th scope='col'>Stop</th><th scope='col'>Place</th>"
                "<th scope='col'>Dates</th><th scope='col'>Lat, lon</th><th scope='col'>What happened</th></tr>"
                f"</thead><tbody>{rows}</tbody></table>")

    def update(self, change=None) -> None:
        day = self.slider.value
        index = int((self.stops["date_start"].dt.date <= day).sum()) - 1
        index = max(index, 0)
        row = self.stops.iloc[index]
        with self.figure.batch_update():
            self.figure.data[3].x, self.figure.data[3].y = [row["longitude"]], [row["latitude"]]
            self.figure.data[4].x = list(self.stops["longitude"].iloc[:index + 1])
            self.figure.data[4].y = list(self.stops["latitude"].iloc[:index + 1])
            self.figure.layout.title.text = f"{day:%d %B %Y}: {row['place']}"
        number = self.days.index(day) + 1
        last_known = row["date_end"] if pd.notna(row["date_end"]) else row["date_start"]
        beyond = "" if day <= last_known.date() or index < len(self.stops) - 1 else (
            f" The itinerary records no later stop: this is the last place recorded before Castro flew home "
            f"on {self.days[-1]:%d %B}.")
        self.today.value = (f"<p><strong>Day {number} of {len(self.days)} ({day:%d %B %Y}): {html.escape(row['place'])}"
                            f"</strong> ({_stop_dates(row)}). {html.escape(row['what_happened_en'])}{beyond} "
                            f"<em>About {self.cumulative[index]:,.0f} km covered since Murmansk.</em></p>")


def journey_map(day: date | None = None) -> JourneyMap:
    """The 1963 journey map widget, opened on ``day`` (default: the first day)."""
    return JourneyMap(day)
