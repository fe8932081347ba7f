"""Lesson kit for the course "Castro and Khrushchev in the Cuba-USSR-China triangle".

The notebooks call this package in one line per step; everything they need ships in ``data/``.
"""

from . import checks, computations, display, overview
from .journey_widget import journey_map
from .timeline_widget import timeline
from .triangle_widget import triangle
from .data import (DataError, check_data, clear_cache, load_actors, load_cameo, load_events,
                   load_founding_text, load_ideal_points, load_itinerary, load_lessons, load_people,
                   load_sources, load_table, load_un_agreement)

__version__ = "0.1.0"

__all__ = [
    "DataError", "check_data", "clear_cache", "load_actors", "load_cameo", "load_events",
    "load_founding_text", "load_ideal_points", "load_itinerary", "load_lessons", "load_people",
    "load_sources", "load_table", "load_un_agreement", "__version__",
    "checks", "computations", "display", "overview", "journey_map", "timeline", "triangle",
]
