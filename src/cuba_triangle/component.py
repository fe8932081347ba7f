"""The base of the three interactive components.

A component is displayed as a short sequence of outputs (controls, figure, details) rather than one box
of widgets: a plotly ``FigureWidget`` nested inside an ipywidgets box renders empty in Voilà 0.5 (seen in
the browser tests), while a top-level ``FigureWidget`` renders in both JupyterLab and Voilà.
"""

from __future__ import annotations

from IPython.display import display


class Component:
    """Holds its widgets as attributes; ``parts`` is what a notebook cell shows, in order."""

    parts: list

    def _ipython_display_(self) -> None:
        for part in self.parts:
            display(part)
