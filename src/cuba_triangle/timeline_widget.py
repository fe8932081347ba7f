"""The timeline explorer: every event of the chronology on lanes, driven by ipywidgets controls.

``timeline(start=1962, end=1963, actors=["CUB", "USSR"])`` returns a widget: a year-range slider, actor and
theme toggles, a text search, an EN/FR switch, lanes by theme or by actor, a keyboard-usable event list
(clicking a point selects it too), a details panel with the event's summary, dates, dispute note and sources
as links, a one-sentence description of what is shown, and a "show as table" view.

Callbacks filter the already loaded events (nothing is read again) and update the existing plotly
``FigureWidget`` in place inside ``batch_update``. :func:`timeline_figure` gives the same picture as a plain
figure, for exported HTML with no kernel.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from .component import Component
from .data import load_actors, load_events, load_sources
from .palette import THEME_COLOURS

MAIN_ACTORS = ("CUB", "USSR", "PRC", "USA")
OTHER = "other"
THEMES = tuple(THEME_COLOURS)
SYMBOLS = {"diplomacy": "circle", "economy": "square", "military": "diamond", "ideology": "triangle-up",
           "people": "star", "domestic": "cross"}  # shape as well as colour, for colour-blind readers
LABELS = {
    "en": {"years": "Years", "search": "Search", "lanes": "Lanes", "event": "Event", "table": "Show as table",
           "none": "(no event matches)", "sources": "Sources", "disputed": "Sources disagree",
           "theme": "theme", "actor": "actor", "other": "other"},
    "fr": {"years": "Années", "search": "Rechercher", "lanes": "Lignes", "event": "Événement",
           "table": "Voir le tableau", "none": "(aucun événement)", "sources": "Sources",
           "disputed": "Les sources divergent", "theme": "thème", "actor": "acteur", "other": "autres"},
}


def event_records(events: pd.DataFrame) -> list[dict]:
    """The events as plain dicts with everything filtering and drawing need, computed once."""
    records = []
    for row in events.itertuples(index=False):
        end = row.date_end if pd.notna(row.date_end) else None
        records.append({
            "id": row.id, "year": row.date_start.year, "last_year": (end or row.date_start).year,
            "actors": set(row.actors), "theme": str(row.theme),
            "start": row.date_start.strftime("%Y-%m-%d"), "end": end.strftime("%Y-%m-%d") if end else None,
            "title_en": row.title_en, "title_fr": row.title_fr,
            "text_en": f"{row.title_en} {row.summary_en}".lower(), "text_fr": f"{row.title_fr} {row.summary_fr}".lower(),
        })
    return records


def matches(record: dict, start: int | None = None, end: int | None = None, actors: Iterable[str] | None = None,
            themes: Iterable[str] | None = None, query: str = "", language: str = "en") -> bool:
    """Does one event (an :func:`event_records` item) pass the filters? See :func:`filter_events`."""
    if start is not None and record["last_year"] < start:
        return False
    if end is not None and record["year"] > end:
        return False
    if actors is not None:
        wanted = set(actors)
        if not (wanted & record["actors"] or (OTHER in wanted and record["actors"] - set(MAIN_ACTORS))):
            return False
    if themes is not None and record["theme"] not in set(themes):
        return False
    return not query.strip() or query.strip().lower() in record[f"text_{language}"]


def filter_events(events: pd.DataFrame, start: int | None = None, end: int | None = None,
                  actors: Iterable[str] | None = None, themes: Iterable[str] | None = None,
                  query: str = "", language: str = "en") -> pd.DataFrame:
    """Events that overlap [start, end], involve at least one of ``actors`` (``"other"`` = any actor
    outside Cuba, the USSR, the PRC and the USA), have one of ``themes``, and whose title or summary in
    ``language`` contains ``query`` (case-insensitive). ``None`` means no filter."""
    keep = [matches(r, start, end, actors, themes, query, language) for r in event_records(events)]
    return events[keep]


def _trace_arrays(records: list[dict], lanes: str, language: str) -> dict[str, dict]:
    """x/y/text/ids for each theme's marker trace and span trace. By theme an event sits on one lane; by
    actor it sits on the lane of each of its actors (actors outside the four main states share 'other')."""
    arrays = {theme: {"x": [], "y": [], "text": [], "ids": [], "span_x": [], "span_y": []} for theme in THEMES}
    for record in records:
        if lanes == "theme":
            lane_list = [record["theme"]]
        else:
            lane_list = [a for a in MAIN_ACTORS if a in record["actors"]]
            if record["actors"] - set(MAIN_ACTORS):
                lane_list.append(OTHER)
        target = arrays[record["theme"]]
        for lane in lane_list:
            target["x"].append(record["start"])
            target["y"].append(lane)
            target["text"].append(record[f"title_{language}"])
            target["ids"].append(record["id"])
            if record["end"]:
                target["span_x"] += [record["start"], record["end"], None]
                target["span_y"] += [lane, lane, None]
    return arrays


def _lane_order(lanes: str) -> list[str]:
    return list(THEMES) if lanes == "theme" else [*MAIN_ACTORS, OTHER]


def timeline_figure(start: int | None = None, end: int | None = None, actors: Iterable[str] | None = None,
                    themes: Iterable[str] | None = None, query: str = "", language: str = "en",
                    lanes: str = "theme", figure: go.Figure | None = None,
                    _records: list[dict] | None = None) -> go.Figure:
    """The timeline as a plotly figure (a plain ``go.Figure`` unless an existing ``figure`` is given, which is
    then updated in place)."""
    records = event_records(load_events()) if _records is None else _records
    selected = [r for r in records if matches(r, start, end, actors, themes, query, language)]
    arrays = _trace_arrays(selected, lanes, language)
    figure = figure if figure is not None else go.Figure()
    if not figure.data:
        for theme in THEMES:
            figure.add_scatter(name=f"{theme} (span)", mode="lines", showlegend=False, hoverinfo="skip",
                               line=dict(color=THEME_COLOURS[theme], width=6), legendgroup=theme)
            figure.add_scatter(name=theme, mode="markers", legendgroup=theme, hovertemplate="%{text}<extra></extra>",
                               marker=dict(color=THEME_COLOURS[theme], symbol=SYMBOLS[theme], size=11,
                                           line=dict(color="white", width=1)))
        figure.update_layout(height=420, template="simple_white", margin=dict(l=90, r=20, t=50, b=40),
                             legend_title="Theme", xaxis_title=None, hovermode="closest")
    drawn = getattr(figure, "_ct_drawn", {})  # what each trace shows now: unchanged traces are not re-sent
    with figure.batch_update():
        for index, theme in enumerate(THEMES):
            wanted = (arrays[theme]["ids"], arrays[theme]["y"], arrays[theme]["text"])
            if drawn.get(theme) == wanted:
                continue
            span, marker = figure.data[2 * index], figure.data[2 * index + 1]
            span.x, span.y = arrays[theme]["span_x"], arrays[theme]["span_y"]
            marker.x, marker.y = arrays[theme]["x"], arrays[theme]["y"]
            marker.text, marker.customdata = arrays[theme]["text"], arrays[theme]["ids"]
            drawn[theme] = wanted
        lo = start if start is not None else min(r["year"] for r in records)
        hi = end if end is not None else max(r["last_year"] for r in records)
        figure.layout.xaxis.range = [f"{lo}-01-01", f"{hi}-12-31"]
        figure.layout.yaxis.categoryorder = "array"
        figure.layout.yaxis.categoryarray = _lane_order(lanes)[::-1]
        figure.layout.title.text = f"{len(selected)} events, {lo}–{hi}"
    figure._ct_drawn = drawn
    return figure


def describe(selected: list[dict], start: int, end: int, language: str = "en") -> str:
    """One-sentence text alternative for the chart (``selected``: :func:`event_records` items, in date order)."""
    if not selected:
        return f"No event of the chronology matches these filters between {start} and {end}."
    counts: dict[str, int] = {}
    for record in selected:
        counts[record["theme"]] = counts.get(record["theme"], 0) + 1
    parts = ", ".join(f"{n} {theme}" for theme, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    first, last = selected[0], selected[-1]
    return (f"Timeline of {len(selected)} events between {start} and {end} ({parts}), from "
            f"“{first[f'title_{language}']}” ({first['start']}) to “{last[f'title_{language}']}” ({last['start']}).")


def event_details_html(event: pd.Series, sources: pd.DataFrame, language: str = "en") -> str:
    """The details panel for one event: dates, summary, dispute note, sources as links."""
    words = LABELS[language]
    dates = event["date_start"].strftime("%d %b %Y")
    if pd.notna(event["date_end"]):
        dates += " – " + event["date_end"].strftime("%d %b %Y")
    dates += f" (precision: {event['date_precision']})"
    links = []
    for source_id in event["source_ids"]:
        row = sources.loc[source_id] if source_id in sources.index else None
        label = html.escape(row["title"] if row is not None else source_id)
        if row is not None:
            links.append(f"<li><a href='{html.escape(row['url'])}' target='_blank' rel='noopener'>{label}</a>"
                         f" <small>({html.escape(str(row['type']))}; {html.escape(str(row['author']))})</small></li>")
    disputed = "" if pd.isna(event["disputed"]) else (
        f"<p><strong>{words['disputed']}:</strong> {html.escape(event['disputed'])}</p>")
    return (f"<div class='ct-details'><h4>{html.escape(event[f'title_{language}'])}</h4><p>{dates}</p>"
            f"<p>{html.escape(event[f'summary_{language}'])}</p>{disputed}"
            f"<p><strong>{words['sources']}:</strong></p><ul>{''.join(links)}</ul></div>")


def events_table_html(selected: list[dict], language: str = "en") -> str:
    """The selected events as an HTML table (the chart's "show as table" view)."""
    rows = "".join(f"<tr><td>{r['start']}</td><td>{html.escape(r[f'title_{language}'])}</td>"
                   f"<td>{r['theme']}</td><td>{', '.join(sorted(r['actors']))}</td></tr>" for r in selected)
    return ("<table class='ct-table'><thead><tr><th scope='col'>Date</th><th scope='col'>Event</th>"
            f"<th scope='col'>Theme</th><th scope='col'>Actors</th></tr></thead><tbody>{rows}</tbody></table>")


class TimelineExplorer(Component):
    """The timeline widget. Its controls are attributes (``years``, ``actor_toggles``, ``theme_toggles``,
    ``search``, ``language``, ``lanes``, ``event_list``) so that lessons and tests can drive it."""

    def __init__(self, start: int | None = None, end: int | None = None, actors: Iterable[str] | None = None,
                 themes: Iterable[str] | None = None, query: str = "", language: str = "en", lanes: str = "theme"):
        self.events = load_events()
        self.records = event_records(self.events)
        self.by_id = {record["id"]: index for index, record in enumerate(self.records)}
        self._details_cache: dict[tuple[str, str], str] = {}
        self.sources = load_sources().set_index("id")
        low, high = int(self.events["year"].min()), int(self.events["year"].max())
        self.years = widgets.IntRangeSlider(value=(start or low, end or high), min=low, max=high, step=1,
                                            description="Years", continuous_update=False,
                                            layout=widgets.Layout(width="520px"))
        names = load_actors().set_index("code")["name_en"]
        chosen_actors = set(actors) if actors is not None else {*MAIN_ACTORS, OTHER}
        self.actor_toggles = {code: widgets.ToggleButton(value=code in chosen_actors, description=code,
                                                         tooltip=names.get(code, "other actors"),
                                                         layout=widgets.Layout(width="70px"))
                              for code in (*MAIN_ACTORS, OTHER)}
        chosen_themes = set(themes) if themes is not None else set(THEMES)
        self.theme_toggles = {theme: widgets.ToggleButton(value=theme in chosen_themes, description=theme,
                                                          tooltip=f"show {theme} events",
                                                          layout=widgets.Layout(width="90px"))
                              for theme in THEMES}
        self.search = widgets.Text(value=query, description="Search", placeholder="e.g. sugar",
                                   continuous_update=False)
        self.language = widgets.ToggleButtons(options=[("EN", "en"), ("FR", "fr")], value=language,
                                              description="Language", style={"button_width": "48px"})
        self.lanes = widgets.ToggleButtons(options=[("theme", "theme"), ("actor", "actor")], value=lanes,
                                           description="Lanes", style={"button_width": "64px"})
        self.event_list = widgets.Dropdown(description="Event", layout=widgets.Layout(width="620px"))
        self.details = widgets.HTML()
        self.description = widgets.HTML()
        self.show_table = widgets.ToggleButton(value=False, description="Show as table")
        self.table = widgets.HTML(layout=widgets.Layout(display="none", max_height="320px", overflow="auto"))
        self.figure = go.FigureWidget()
        self.selected: list[dict] = []
        timeline_figure(*self.years.value, figure=self.figure, language=language, lanes=lanes,
                        _records=self.records)

        for control in (self.years, self.search, self.language, self.lanes,
                        *self.actor_toggles.values(), *self.theme_toggles.values()):
            control.observe(self.update, names="value")
        self.event_list.observe(self._show_details, names="value")
        self.show_table.observe(self._toggle_table, names="value")
        for trace in self.figure.data[1::2]:
            trace.on_click(self._clicked)

        controls = widgets.VBox([
            widgets.HBox([self.years, self.search]),
            widgets.HBox([widgets.Label("Actors"), *self.actor_toggles.values()]),
            widgets.HBox([widgets.Label("Themes"), *self.theme_toggles.values()]),
            widgets.HBox([self.lanes, self.language]),
        ])
        self.figure.layout.meta = "ct-timeline"  # lets browser tests find this figure
        top = widgets.VBox([controls, self.description])
        top.add_class("ct-timeline")
        bottom = widgets.VBox([self.event_list, self.details, self.show_table, self.table])
        bottom.add_class("ct-timeline-details")
        self.parts = [top, self.figure, bottom]
        self.update()

    # -- state ---------------------------------------------------------------------------------
    @property
    def selected_ids(self) -> list[str]:
        """Ids of the events currently shown, in date order."""
        return [record["id"] for record in self.selected]

    def current_filters(self) -> dict:
        return {"start": self.years.value[0], "end": self.years.value[1],
                "actors": [c for c, t in self.actor_toggles.items() if t.value],
                "themes": [t for t, b in self.theme_toggles.items() if b.value],
                "query": self.search.value, "language": self.language.value}

    def update(self, change=None) -> None:
        """Filter the loaded events and redraw the existing figure in place."""
        filters = self.current_filters()
        self.selected = [r for r in self.records if matches(r, **filters)]
        language = filters["language"]
        timeline_figure(figure=self.figure, lanes=self.lanes.value, _records=self.records, **filters)
        self.description.value = f"<p class='ct-description'>{html.escape(describe(self.selected, filters['start'], filters['end'], language))}</p>"
        options = [(f"{r['start']} · {r[f'title_{language}']}", r["id"]) for r in self.selected]
        current = self.event_list.value
        self.event_list.options = options or [(LABELS[language]["none"], None)]
        ids = [value for _, value in options]
        self.event_list.value = current if current in ids else (ids[0] if ids else None)
        self._show_details()
        if self.show_table.value:
            self.table.value = events_table_html(self.selected, language)

    def _show_details(self, change=None) -> None:
        event_id = self.event_list.value
        if event_id is None:
            self.details.value = ""
            return
        key = (event_id, self.language.value)
        if key not in self._details_cache:  # built once per event and language
            event = self.events.iloc[self.by_id[event_id]]
            self._details_cache[key] = event_details_html(event, self.sources, self.language.value)
        self.details.value = self._details_cache[key]

    def _clicked(self, trace, points, selector) -> None:
        if points.point_inds:
            self.event_list.value = trace.customdata[points.point_inds[0]]

    def _toggle_table(self, change=None) -> None:
        self.table.layout.display = "block" if self.show_table.value else "none"
        if self.show_table.value:
            self.table.value = events_table_html(self.selected, self.language.value)


def timeline(start: int | None = None, end: int | None = None, actors: Iterable[str] | None = None,
             themes: Iterable[str] | None = None, query: str = "", language: str = "en",
             lanes: str = "theme") -> TimelineExplorer:
    """The timeline explorer widget, optionally pre-filtered: ``timeline(start=1962, end=1963, actors=["CUB", "USSR"])``."""
    return TimelineExplorer(start, end, actors, themes, query, language, lanes)
