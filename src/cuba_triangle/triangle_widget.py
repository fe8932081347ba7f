"""The Cuba–USSR–China triangle: how warm or hostile each relationship was, year by year.

**How the score is computed.** Every event of the chronology that is an act of one of the three states
toward another carries one CAMEO event code; the code's Goldstein weight (−10 most hostile, +10 most
cooperative) turns the act into a number. A dyad's score for a year is the **sum** of the weights of all
coded acts between the two states that year, in both directions. We sum rather than average because the
number of acts matters: a year with five agreements is a closer year than a year with one. The sum
therefore also grows with how much our chronology records, which is a choice of the authors: the chart's
note says so, and ``method="mean"`` gives the average tone instead. Years with no coded act have no score
(shown as a dotted grey edge), not a score of zero.

A learner can recode an event (give it another CAMEO code) and redraw: the point of the exercise is that
quantifying history is a judgement.

**UN mode.** A second mode draws what real UN General Assembly votes say: the share of roll calls on which
two states voted alike. The "China" seat was held by the Republic of China (Taiwan) until October 1971,
so the Cuba–PRC and USSR–PRC edges exist only from 1972: the Sino-Soviet split of the 1960s cannot be
read from UN votes.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from .component import Component
from .data import load_cameo, load_events, load_un_agreement
from .palette import OKABE_ITO

DYADS = (("CUB", "USSR"), ("CUB", "PRC"), ("USSR", "PRC"))
DYAD_NAMES = {d: f"{d[0]}–{d[1]}" for d in DYADS}
NODES = {"USSR": (0.0, 1.0), "PRC": (2.0, 1.0), "CUB": (1.0, -0.6)}
NODE_NAMES = {"CUB": "Cuba", "USSR": "USSR", "PRC": "PRC"}
UN_PAIRS = {("CUB", "USSR"): "Cuba-USSR", ("CUB", "PRC"): "Cuba-ChinaSeat", ("USSR", "PRC"): "USSR-ChinaSeat"}
COOPERATION, CONFLICT, NO_DATA = OKABE_ITO["blue"], OKABE_ITO["vermillion"], "#999999"
FIRST_YEAR, LAST_YEAR = 1959, 1991


def dyad_of(source: str, target: str) -> tuple[str, str] | None:
    """The undirected dyad of an act between two states, or None if it is not one of the three."""
    for dyad in DYADS:
        if {source, target} == set(dyad):
            return dyad
    return None


def coded_acts(events: pd.DataFrame | None = None) -> pd.DataFrame:
    """The coded acts among the three states, with their dyad, year and Goldstein weight."""
    events = load_events() if events is None else events
    weights = load_cameo().set_index("cameo_code")["goldstein"]
    coded = events.dropna(subset=["cameo_code"]).copy()
    coded["dyad"] = [dyad_of(s, t) for s, t in zip(coded["source_actor"], coded["target_actor"])]
    coded = coded[coded["dyad"].notna()]
    coded["weight"] = coded["cameo_code"].map(weights).astype(float)
    return coded[["id", "year", "date_start", "title_en", "source_actor", "target_actor", "cameo_code",
                  "weight", "dyad"]].reset_index(drop=True)


def dyad_scores(acts: pd.DataFrame | None = None, method: str = "sum") -> pd.DataFrame:
    """Scores per year (rows, 1959–1991) and dyad (columns 'CUB–USSR', 'CUB–PRC', 'USSR–PRC').
    ``method``: "sum" (default) or "mean" of the Goldstein weights; NaN where no act is coded."""
    if method not in ("sum", "mean"):
        raise ValueError("method must be 'sum' or 'mean'")
    acts = coded_acts() if acts is None else acts
    grouped = acts.groupby([acts["year"], acts["dyad"].map(DYAD_NAMES)])["weight"].agg(method)
    table = grouped.unstack()
    return table.reindex(index=range(FIRST_YEAR, LAST_YEAR + 1),
                         columns=[DYAD_NAMES[d] for d in DYADS]).astype(float)


def recode(acts: pd.DataFrame, event_id: str, cameo_code: str) -> pd.DataFrame:
    """A copy of ``acts`` where one event carries another CAMEO code (and so another weight)."""
    weights = load_cameo().set_index("cameo_code")["goldstein"]
    if cameo_code not in weights.index:
        raise ValueError(f"{cameo_code!r} is not a CAMEO code (see data/cameo/cameo_goldstein.csv)")
    if event_id not in set(acts["id"]):
        raise ValueError(f"{event_id!r} is not a coded act among Cuba, the USSR and the PRC")
    changed = acts.copy()
    where = changed["id"] == event_id
    changed.loc[where, "cameo_code"] = cameo_code
    changed.loc[where, "weight"] = float(weights[cameo_code])
    return changed


def un_values(year: int) -> dict[str, float | None]:
    """UN General Assembly agreement (0–1) for each dyad in ``year``; None where there is no usable value
    (no votes recorded, or the China seat was not the PRC's)."""
    table = load_un_agreement().set_index(["year", "pair"])
    values: dict[str, float | None] = {}
    for dyad, pair in UN_PAIRS.items():
        value = None
        if (year, pair) in table.index:
            row = table.loc[(year, pair)]
            holder = row["china_seat_holder"]
            usable = "ChinaSeat" not in pair or holder == "PRC"
            if usable and pd.notna(row["agreement"]):
                value = float(row["agreement"])
        values[DYAD_NAMES[dyad]] = value
    return values


def _edge_style(value: float | None, mode: str) -> tuple[str, float, str]:
    """(colour, width, dash) for an edge: colour and dash both carry the meaning (colour-blind safe)."""
    if value is None or pd.isna(value):
        return NO_DATA, 2.0, "dot"
    if mode == "un":
        return (COOPERATION if value >= 0.5 else CONFLICT), 2 + 12 * value, ("solid" if value >= 0.5 else "dash")
    colour, dash = (COOPERATION, "solid") if value >= 0 else (CONFLICT, "dash")
    return colour, min(2 + 0.6 * abs(value), 16.0), dash


def _label(value: float | None, mode: str) -> str:
    if value is None or pd.isna(value):
        return "no data"
    return f"{value:.0%} alike" if mode == "un" else f"{value:+.1f}"


class TriangleExplorer(Component):
    """The triangle widget: nodes and edges for one year, a year slider with play, the year's key events,
    a line chart of the three scores over time, recoding, UN mode, text description and table view."""

    def __init__(self, year: int = 1963, method: str = "sum", mode: str = "events"):
        self.original_acts = coded_acts()
        self.acts = self.original_acts
        self.method = method
        self.scores = dyad_scores(self.acts, method)
        self.year = widgets.IntSlider(value=year, min=FIRST_YEAR, max=LAST_YEAR, description="Year",
                                      continuous_update=False, layout=widgets.Layout(width="480px"))
        self.play = widgets.Play(value=year, min=FIRST_YEAR, max=LAST_YEAR, interval=900, description="Play")
        widgets.jslink((self.play, "value"), (self.year, "value"))
        self.mode = widgets.ToggleButtons(options=[("Coded events", "events"), ("UN votes", "un")], value=mode,
                                          description="Data")
        self.figure = self._triangle_figure()
        self.history = self._history_figure()
        self.key_events = widgets.HTML()
        self.description = widgets.HTML()
        self.note = widgets.HTML()
        codes = load_cameo()
        self.code_labels = {c: f"{c} {d} ({g:+.1f})" for c, d, g in
                            zip(codes["cameo_code"], codes["description"], codes["goldstein"])}
        self.recode_event = widgets.Dropdown(description="Event", layout=widgets.Layout(width="520px"))
        self.recode_code = widgets.Dropdown(options=[(label, code) for code, label in self.code_labels.items()],
                                            description="New code", layout=widgets.Layout(width="520px"))
        self.recode_button = widgets.Button(description="Recode and redraw", button_style="primary")
        self.reset_button = widgets.Button(description="Undo all recoding")
        self.recode_message = widgets.HTML()
        self.show_table = widgets.ToggleButton(value=False, description="Show as table")
        self.table = widgets.HTML(layout=widgets.Layout(display="none", max_height="300px", overflow="auto"))

        self.year.observe(self.update, names="value")
        self.mode.observe(self.update, names="value")
        self.recode_event.observe(self._select_recode_event, names="value")
        self.recode_button.on_click(self._recode)
        self.reset_button.on_click(self._reset)
        self.show_table.observe(self._toggle_table, names="value")

        recoding = widgets.VBox([widgets.HTML("<strong>Recode an event</strong> (quantifying history is a "
                                              "judgement: try another code and watch the scores move)"),
                                 self.recode_event, self.recode_code,
                                 widgets.HBox([self.recode_button, self.reset_button]), self.recode_message])
        self.figure.layout.meta, self.history.layout.meta = "ct-triangle", "ct-triangle-history"
        top = widgets.VBox([widgets.HBox([self.play, self.year, self.mode]), self.description])
        top.add_class("ct-triangle")
        middle = widgets.VBox([self.key_events, self.note])
        middle.add_class("ct-triangle-events")
        bottom = widgets.VBox([recoding, self.show_table, self.table])
        bottom.add_class("ct-triangle-recode")
        self.parts = [top, self.figure, middle, self.history, bottom]
        self._refresh_recode_options()
        self.update()

    # -- figures -------------------------------------------------------------------------------
    def _triangle_figure(self) -> go.FigureWidget:
        figure = go.FigureWidget()
        for dyad in DYADS:
            (x0, y0), (x1, y1) = NODES[dyad[0]], NODES[dyad[1]]
            figure.add_scatter(x=[x0, x1], y=[y0, y1], mode="lines", name=DYAD_NAMES[dyad], hoverinfo="skip",
                               showlegend=False)
        figure.add_scatter(x=[(NODES[a][0] + NODES[b][0]) / 2 for a, b in DYADS],
                           y=[(NODES[a][1] + NODES[b][1]) / 2 for a, b in DYADS], mode="text",
                           textfont=dict(size=15, color="black"), showlegend=False, hoverinfo="skip", name="scores")
        figure.add_scatter(x=[p[0] for p in NODES.values()], y=[p[1] for p in NODES.values()],
                           mode="markers+text", text=[NODE_NAMES[n] for n in NODES], textposition="middle center",
                           marker=dict(size=62, color="white", line=dict(color="black", width=2)),
                           textfont=dict(size=14), showlegend=False, hoverinfo="skip", name="states")
        figure.update_layout(width=460, height=380, template="simple_white", margin=dict(l=10, r=10, t=40, b=10),
                             xaxis=dict(visible=False, range=[-0.5, 2.5]),
                             yaxis=dict(visible=False, range=[-1.0, 1.4]))
        return figure

    def _history_figure(self) -> go.FigureWidget:
        figure = go.FigureWidget()
        colours = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["reddish_purple"]]
        dashes = ["solid", "dash", "dot"]
        for dyad, colour, dash in zip(DYADS, colours, dashes):
            figure.add_scatter(mode="lines+markers", name=DYAD_NAMES[dyad], line=dict(color=colour, dash=dash),
                               connectgaps=False)
        figure.add_scatter(mode="markers", name="biggest moves", marker=dict(symbol="star", size=13, color="black"),
                           hovertemplate="%{text}<extra></extra>")
        figure.update_layout(height=320, template="simple_white", margin=dict(l=50, r=20, t=40, b=40),
                             xaxis_title="Year", hovermode="closest")
        return figure

    # -- updates -------------------------------------------------------------------------------
    def values_for(self, year: int) -> dict[str, float | None]:
        """The three edge values drawn for ``year`` in the current mode."""
        series = self._series
        return {name: (None if pd.isna(series[name][year]) else float(series[name][year])) for name in series}

    def update(self, change=None) -> None:
        """Redraw in place. A year change only restyles the three edges, moves the marker on the line chart
        and swaps in the year's (precomputed) event list; a mode change or a recoding redraws the line chart."""
        year_only = change is not None and change.get("owner") is self.year
        if not year_only:
            self._key_events_cache: dict[int, str] = {}
            self._update_history()
        year, mode = self.year.value, self.mode.value
        values = self.values_for(year)
        names = [DYAD_NAMES[d] for d in DYADS]
        with self.figure.batch_update():
            for index, name in enumerate(names):
                colour, width, dash = _edge_style(values[name], mode)
                self.figure.data[index].line = dict(color=colour, width=width, dash=dash)
            self.figure.data[3].text = [_label(values[n], mode) for n in names]
            self.figure.layout.title.text = f"{year}: " + ("UN General Assembly agreement" if mode == "un"
                                                            else f"coded events ({self.method} of Goldstein weights)")
        with self.history.batch_update():
            self.history.layout.shapes[0].x0 = self.history.layout.shapes[0].x1 = year
        if year not in self._key_events_cache:
            self._key_events_cache[year] = self._key_events_html(year)
        self.key_events.value = self._key_events_cache[year]
        self.description.value = f"<p class='ct-description'>{html.escape(self.describe(year))}</p>"
        if not year_only:
            self.note.value = self._note_html()
        if self.show_table.value and not year_only:
            self.table.value = self._table_html()

    def _history_series(self) -> pd.DataFrame:
        if self.mode.value == "un":
            return pd.DataFrame([un_values(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)],
                                index=range(FIRST_YEAR, LAST_YEAR + 1), dtype=float)
        return self.scores

    def _update_history(self) -> None:
        series = self._history_series()
        self._series = {name: series[name].to_dict() for name in series.columns}
        moves = series.diff().abs().stack().nlargest(5) if self.mode.value == "events" else pd.Series(dtype=float)
        with self.history.batch_update():
            for index, dyad in enumerate(DYADS):
                column = series[DYAD_NAMES[dyad]]
                self.history.data[index].x = list(column.index)
                self.history.data[index].y = [None if pd.isna(v) else v for v in column]
            self.history.data[3].x = [year for year, _ in moves.index]
            self.history.data[3].y = [series.loc[year, name] for year, name in moves.index]
            self.history.data[3].text = [self._driver(year, name) for year, name in moves.index]
            if not self.history.layout.shapes:
                self.history.layout.shapes = [dict(type="line", x0=self.year.value, x1=self.year.value, yref="paper",
                                                   y0=0, y1=1, line=dict(color="black", width=1, dash="dot"))]
            self.history.layout.yaxis.title.text = ("share of UN votes alike" if self.mode.value == "un"
                                                    else f"{self.method} of Goldstein weights")
            self.history.layout.title.text = "The three relationships over time (stars: the biggest year-to-year moves)"

    def _driver(self, year: int, dyad_name: str) -> str:
        acts = self.acts[(self.acts["year"] == year) & (self.acts["dyad"].map(DYAD_NAMES) == dyad_name)]
        if acts.empty:
            return f"{year} {dyad_name}: no coded act (the score drops out)"
        top = acts.loc[acts["weight"].abs().idxmax()]
        return f"{year} {dyad_name}: {top['title_en']} ({top['weight']:+.1f})"

    def _key_events_html(self, year: int) -> str:
        if self.mode.value == "un":
            return ("<div style='max-width:360px'><p><strong>UN votes.</strong> Share of General Assembly roll "
                    "calls on which both states voted the same way.</p></div>")
        acts = self.acts[self.acts["year"] == year].sort_values("date_start")
        if acts.empty:
            return f"<div style='max-width:360px'><p>No coded act among the three states in {year}.</p></div>"
        items = "".join(f"<li>{row.date_start:%d %b}: {html.escape(row.title_en)} "
                        f"<small>({row.source_actor}→{row.target_actor}, code {row.cameo_code}, {row.weight:+.1f})</small></li>"
                        for row in acts.itertuples())
        return f"<div style='max-width:380px'><p><strong>Coded acts in {year}</strong></p><ul>{items}</ul></div>"

    def describe(self, year: int) -> str:
        """One-sentence text alternative for the triangle in ``year``."""
        values = self.values_for(year)
        parts = [f"{name} {_label(value, self.mode.value)}" for name, value in values.items()]
        what = "UN voting agreement" if self.mode.value == "un" else f"{self.method} of Goldstein weights of coded acts"
        return f"Triangle for {year} ({what}): " + "; ".join(parts) + "."

    def _note_html(self) -> str:
        if self.mode.value == "un":
            return ("<p class='ct-note'><strong>Read with care:</strong> the UN \"China\" seat was held by the "
                    "Republic of China (Taiwan) until October 1971, so the Cuba–PRC and USSR–PRC edges have no UN "
                    "data before 1972: the Sino-Soviet split of the 1960s cannot be read from UN votes. "
                    "1964 has no recorded votes.</p>")
        return ("<p class='ct-note'><strong>How to read it:</strong> each edge is the " + self.method + " of the "
                "Goldstein weights (−10 hostile … +10 cooperative) of the acts between the two states that our "
                "chronology codes for that year. Solid blue = cooperative, dashed vermillion = hostile, dotted grey "
                "= no coded act. The score depends on which events the authors recorded and how they coded them.</p>")

    def _table_html(self) -> str:
        series = self._history_series()
        header = "".join(f"<th scope='col'>{c}</th>" for c in series.columns)
        rows = "".join("<tr><td>" + str(year) + "</td>" + "".join(
            f"<td>{'' if pd.isna(v) else (f'{v:.2f}' if self.mode.value == 'un' else f'{v:+.1f}')}</td>" for v in row)
            + "</tr>" for year, row in series.iterrows())
        return f"<table class='ct-table'><thead><tr><th scope='col'>Year</th>{header}</tr></thead><tbody>{rows}</tbody></table>"

    # -- recoding ------------------------------------------------------------------------------
    def _refresh_recode_options(self) -> None:
        self.recode_event.options = [(f"{row.date_start:%Y-%m-%d} {row.title_en} [{row.cameo_code}]", row.id)
                                     for row in self.acts.sort_values("date_start").itertuples()]

    def _select_recode_event(self, change=None) -> None:
        match = self.acts[self.acts["id"] == self.recode_event.value]
        if not match.empty:
            self.recode_code.value = match["cameo_code"].iloc[0]

    def recode_and_redraw(self, event_id: str, cameo_code: str) -> str:
        """Give ``event_id`` another CAMEO code, recompute the scores and redraw; return a message."""
        before = self.acts[self.acts["id"] == event_id].iloc[0]
        self.acts = recode(self.acts, event_id, cameo_code)
        self.scores = dyad_scores(self.acts, self.method)
        dyad_name = DYAD_NAMES[before["dyad"]]
        year = int(before["year"])
        old = dyad_scores(recode(self.acts, event_id, before["cameo_code"]), self.method).loc[year, dyad_name]
        new = self.scores.loc[year, dyad_name]
        self._refresh_recode_options()
        self.recode_event.value = event_id
        self.year.value = year  # (a light redraw if the year changed)
        self.update()  # the full redraw: new scores, line chart, event lists
        return (f"Recoded {event_id} from {before['cameo_code']} to {cameo_code}: the {dyad_name} score for {year} "
                f"went from {old:+.1f} to {new:+.1f}.")

    def _recode(self, button=None) -> None:
        if self.recode_event.value is None or self.recode_code.value is None:
            self.recode_message.value = "<p>Choose an event and a code first.</p>"
            return
        self.recode_message.value = f"<p>{html.escape(self.recode_and_redraw(self.recode_event.value, self.recode_code.value))}</p>"

    def _reset(self, button=None) -> None:
        self.acts = self.original_acts
        self.scores = dyad_scores(self.acts, self.method)
        self._refresh_recode_options()
        self.recode_message.value = "<p>Back to the authors' coding.</p>"
        self.update()

    def _toggle_table(self, change=None) -> None:
        self.table.layout.display = "block" if self.show_table.value else "none"
        if self.show_table.value:
            self.table.value = self._table_html()


def triangle(year: int = 1963, method: str = "sum", mode: str = "events") -> TriangleExplorer:
    """The triangle widget, opened on ``year`` (``mode`` "events" or "un"; ``method`` "sum" or "mean")."""
    return TriangleExplorer(year, method, mode)
