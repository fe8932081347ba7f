"""The base of the three interactive components.

A component is displayed as a short sequence of outputs (controls, figure, details) rather than one box
of widgets: a plotly ``FigureWidget`` nested inside an ipywidgets box renders empty in Voilà 0.5 (seen in
the browser tests), while a top-level ``FigureWidget`` renders in both JupyterLab and Voilà.
"""

from __future__ import annotations

import plotly.graph_objects as go
from IPython.display import display


class Component:
    """Holds its widgets as attributes; ``parts`` is what a notebook cell shows, in order."""

    parts: list

    def _ipython_display_(self) -> None:
        for part in self.parts:
            display(part)

    def static_figures(self) -> list[go.Figure]:
        """The component's charts, as they are now, as plain plotly figures: no kernel needed, so they
        survive an HTML export (``fig.show()`` or ``fig.write_html(..., include_plotlyjs=True)``)."""
        figures = [part for part in self.parts if isinstance(part, go.FigureWidget)]
        return [go.Figure(figure).update_traces(uid=None) for figure in figures]
