"""Show the course material in a notebook: the founding text, events with their sources, source cards.

Each function returns an object that Jupyter displays as HTML and that has a readable plain-text form
(for screen readers, terminals and nbval).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from .data import load_events, load_founding_text, load_sources


class Card:
    """HTML for the notebook, plain text for everything else."""

    def __init__(self, html_text: str, plain_text: str):
        self.html_text, self.plain_text = html_text, plain_text

    def _repr_html_(self) -> str:
        return self.html_text

    def __repr__(self) -> str:
        return self.plain_text


def founding_text() -> Card:
    """The founding French text beside our English translation, paragraph by paragraph."""
    french, english = load_founding_text("fr"), load_founding_text("en")
    rows = "".join(
        f"<tr><td style='vertical-align:top'>{n}</td><td lang='fr' style='vertical-align:top'>{html.escape(fr)}</td>"
        f"<td lang='en' style='vertical-align:top'>{html.escape(en)}</td></tr>"
        for n, (fr, en) in enumerate(zip(french, english), start=1))
    table = ("<table><caption>The founding text (French original, as found) and our English translation"
             "</caption><thead><tr><th scope='col'>§</th><th scope='col'>Français</th>"
             f"<th scope='col'>English</th></tr></thead><tbody>{rows}</tbody></table>")
    plain = "\n\n".join(f"§{n} FR: {fr}\n§{n} EN: {en}"
                        for n, (fr, en) in enumerate(zip(french, english), start=1))
    return Card(table, plain)


def _date_label(row: pd.Series) -> str:
    fmt = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}[str(row["date_precision"])]
    text = row["date_start"].strftime(fmt)
    if pd.notna(row["date_end"]):
        text += " – " + row["date_end"].strftime(fmt)
    return text


def events_table(ids: Iterable[str] | None = None, *, start: int | None = None, end: int | None = None,
                 language: str = "en") -> Card:
    """Events (chosen by id, or by year range) with dates, summary, sources and any dispute."""
    events = load_events()
    if ids is not None:
        wanted = list(ids)
        events = events[events["id"].isin(wanted)]
    if start is not None:
        events = events[events["year"] >= start]
    if end is not None:
        events = events[events["year"] <= end]
    title, summary = f"title_{language}", f"summary_{language}"
    rows, plain = [], []
    for _, row in events.iterrows():
        disputed = "" if pd.isna(row["disputed"]) else (
            f"<br><em>Sources disagree:</em> {html.escape(row['disputed'])}")
        rows.append(f"<tr><td style='white-space:nowrap;vertical-align:top'>{_date_label(row)}</td>"
                    f"<td style='vertical-align:top'><strong>{html.escape(row[title])}</strong><br>"
                    f"{html.escape(row[summary])}{disputed}<br><small>id: <code>{row['id']}</code> · sources: "
                    f"{', '.join(f'<code>{s}</code>' for s in row['source_ids'])}</small></td></tr>")
        plain.append(f"{_date_label(row)} | {row[title]} [{row['id']}]")
    table = ("<table><thead><tr><th scope='col'>Date</th><th scope='col'>Event</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>")
    return Card(table, "\n".join(plain) or "(no events)")


def source_card(source_id: str) -> Card:
    """Who made a source, when, where it is kept, its link and its reuse terms."""
    sources = load_sources()
    match = sources[sources["id"] == source_id]
    if match.empty:
        return Card(f"<p>No source with id <code>{html.escape(source_id)}</code>.</p>",
                    f"No source with id {source_id!r}.")
    row = match.iloc[0]
    date = row["date"] if isinstance(row["date"], str) and row["date"] else "date unknown"
    fields = [("Author", row["author"]), ("Title", row["title"]), ("Date", date),
              ("Type", row["type"]), ("Publisher or archive", row["publisher"]), ("Reuse", row["reuse"])]
    items = "".join(f"<dt>{k}</dt><dd>{html.escape(str(v))}</dd>" for k, v in fields)
    link = f"<a href='{html.escape(row['url'])}' target='_blank' rel='noopener'>{html.escape(row['url'])}</a>"
    plain = "\n".join(f"{k}: {v}" for k, v in fields) + f"\nLink: {row['url']}"
    return Card(f"<dl>{items}<dt>Link</dt><dd>{link}</dd></dl>", plain)


def event_titles(ids: Iterable[str], language: str = "en") -> Card:
    """Titles of the given events, in the order given, without their dates (for ordering exercises)."""
    events = load_events().set_index("id")
    wanted = [i for i in ids if i in events.index]
    lines = [f"{events.loc[i, f'title_{language}']}  (id: {i})" for i in wanted]
    items = "".join(f"<li>{html.escape(events.loc[i, f'title_{language}'])} <small>(id: <code>{i}</code>)</small></li>"
                    for i in wanted)
    return Card(f"<ul>{items}</ul>", "\n".join(lines))


def excerpt(excerpt_id: str) -> Card:
    """A primary-source excerpt with its sourcing note: who, when, for whom, original language, who
    translated it, where the original is kept, the page it was copied from and its reuse terms."""
    from .data import load_table

    table = load_table("excerpts")
    match = table[table["id"] == excerpt_id]
    if match.empty:
        return Card(f"<p>No excerpt with id <code>{html.escape(excerpt_id)}</code>.</p>",
                    f"No excerpt with id {excerpt_id!r}.")
    row = match.iloc[0]
    source = load_sources().set_index("id").loc[row["source_id"]]
    facts = [("Who", row["speaker"]), ("When", row["date"]), ("For whom", row["audience"]),
             ("Original language", row["original_language"]), ("Translation", row["translation"]),
             ("Original kept at", row["archive"]), ("Copied from", f"{source['title']} ({source['publisher']})"),
             ("Reuse", source["reuse"])]
    items = "".join(f"<dt>{k}</dt><dd>{html.escape(str(v))}</dd>" for k, v in facts)
    note = "" if not isinstance(row["note"], str) else f"<p><em>Context:</em> {html.escape(row['note'])}</p>"
    link = f"<a href='{html.escape(source['url'])}' target='_blank' rel='noopener'>{html.escape(source['url'])}</a>"
    body = (f"<blockquote lang='{html.escape(str(row['excerpt_language'])[:2].lower())}'>{html.escape(row['excerpt'])}"
            f"</blockquote><details open><summary>Sourcing note</summary><dl>{items}<dt>Link</dt><dd>{link}</dd></dl>"
            f"</details>{note}")
    plain = (f"“{row['excerpt']}”\n— " + "; ".join(f"{k}: {v}" for k, v in facts) + f"\nLink: {source['url']}")
    return Card(body, plain)
