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
