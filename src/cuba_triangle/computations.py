"""Small computations on the course data that lessons and answer keys share.

Answer keys name these functions instead of writing numbers down, so a corrected CSV row corrects
the expected answer too.
"""

from __future__ import annotations

import pandas as pd

from .data import load_events, load_itinerary, load_un_agreement


def un_agreement(pair: str, year: int) -> float:
    """Share of UN General Assembly roll calls in ``year`` on which the ``pair`` voted alike (0-1)."""
    table = load_un_agreement()
    row = table[(table["pair"] == pair) & (table["year"] == year)]
    if row.empty or pd.isna(row["agreement"].iloc[0]):
        raise LookupError(f"no UN agreement value for {pair} in {year}")
    return float(row["agreement"].iloc[0])


def un_agreement_change(pair: str, year_from: int, year_to: int) -> float:
    """Change in UN voting agreement of ``pair`` between two years, rounded to two decimals."""
    return round(un_agreement(pair, year_to) - un_agreement(pair, year_from), 2)


def journey_days_inclusive() -> int:
    """Days of Castro's 1963 journey in the USSR recorded in the itinerary, counting the first and the last."""
    from .journey_widget import journey_days

    return len(journey_days(load_itinerary()))


def event_date(event_id: str) -> pd.Timestamp:
    """Start date of one event of the chronology."""
    events = load_events()
    match = events.loc[events["id"] == event_id, "date_start"]
    if match.empty:
        raise LookupError(f"no event with id {event_id!r}")
    return match.iloc[0]


def chronological(event_ids: list[str]) -> list[str]:
    """The given event ids sorted by start date."""
    return sorted(event_ids, key=event_date)


COMPUTATIONS = {
    "un_agreement": un_agreement,
    "un_agreement_change": un_agreement_change,
    "journey_days_inclusive": journey_days_inclusive,
}
