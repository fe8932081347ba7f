"""A first picture of the whole period: how many events of the chronology fall in each year."""

from __future__ import annotations

import plotly.graph_objects as go

from .data import load_events
from .palette import THEME_COLOURS


def events_per_year_table():
    """Counts of events per year and theme (the chart's data, as a table)."""
    events = load_events()
    table = events.groupby(["year", "theme"], observed=True).size().unstack(fill_value=0)
    return table.reindex(range(events["year"].min(), events["year"].max() + 1), fill_value=0)


def events_per_year() -> go.Figure:
    """Stacked bars: events of the chronology per year, coloured by theme (colour-blind-safe)."""
    table = events_per_year_table()
    figure = go.Figure()
    for theme in table.columns:
        figure.add_bar(x=list(table.index), y=list(table[theme]), name=str(theme),
                       marker_color=THEME_COLOURS[str(theme)])
    figure.update_layout(barmode="stack", height=360, title="Events of the chronology per year, by theme",
                         xaxis_title="Year", yaxis_title="Number of events", legend_title="Theme",
                         template="simple_white")
    return figure


def describe_events_per_year() -> str:
    """One-sentence text alternative for :func:`events_per_year`, computed from the data."""
    table = events_per_year_table()
    totals = table.sum(axis=1)
    core = int(totals.loc[1959:1968].sum())
    busiest = int(totals.idxmax())
    return (f"Bar chart of the {int(totals.sum())} events of the chronology from {totals.index.min()} to "
            f"{totals.index.max()}: {core} of them fall in the core years 1959–1968, and the busiest year is "
            f"{busiest} with {int(totals.max())} events.")


PAIR_STYLES = {"Cuba-USA": ("#0072B2", "solid"), "Cuba-USSR": ("#D55E00", "dash"), "USSR-USA": ("#009E73", "dot"),
               "Cuba-ChinaSeat": ("#CC79A7", "dashdot"), "USSR-ChinaSeat": ("#E69F00", "longdash"),
               "USA-ChinaSeat": ("#56B4E9", "longdashdot")}


def un_agreement_chart(pairs: tuple[str, ...] = ("Cuba-USA", "Cuba-USSR"), start: int = 1950,
                       end: int = 1968) -> go.Figure:
    """Lines of yearly UN General Assembly voting agreement (0-1) for the chosen pairs of countries."""
    from .data import load_un_agreement

    table = load_un_agreement()
    table = table[table["pair"].isin(pairs) & table["year"].between(start, end)]
    figure = go.Figure()
    for pair in pairs:
        part = table[table["pair"] == pair]
        colour, dash = PAIR_STYLES[pair]
        figure.add_scatter(x=list(part["year"]), y=[None if v != v else v for v in part["agreement"]],
                           mode="lines+markers", name=pair, line=dict(color=colour, dash=dash))
    figure.update_layout(height=340, template="simple_white", yaxis=dict(range=[0, 1], title="share of votes alike"),
                         xaxis_title="Year", title=f"UN General Assembly: how often two countries voted alike, {start}–{end}")
    return figure


def describe_un_agreement(pairs: tuple[str, ...] = ("Cuba-USA", "Cuba-USSR"), start: int = 1950,
                          end: int = 1968) -> str:
    """Text alternative for :func:`un_agreement_chart`, computed from the data."""
    from .data import load_un_agreement

    table = load_un_agreement().set_index(["pair", "year"])["agreement"]
    parts = []
    for pair in pairs:
        first, last = table.get((pair, start)), table.get((pair, end))
        known = first is not None and last is not None and first == first and last == last  # not missing, not NaN
        parts.append(f"{pair}: {first:.0%} in {start}, {last:.0%} in {end}" if known
                     else f"{pair}: no value for {start} or {end}")
    return "Line chart of UN voting agreement. " + "; ".join(parts) + ". (1964 has no recorded votes.)"


def un_agreement_table(pair: str = "Cuba-USSR", start: int = 1956, end: int = 1963):
    """The yearly UN agreement of one pair as a small table (year, agreement, roll calls both voted on)."""
    from .data import load_un_agreement

    table = load_un_agreement()
    rows = table[(table["pair"] == pair) & table["year"].between(start, end)]
    return rows[["year", "agreement", "n_both_voted"]].reset_index(drop=True)
