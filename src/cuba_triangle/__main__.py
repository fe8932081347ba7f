"""``python -m cuba_triangle check``: validate the course data and print a summary."""

from __future__ import annotations

import sys

from .data import check_data, load_events, load_sources
from .validation import DataError


def main(argv: list[str]) -> int:
    if argv[:1] != ["check"]:
        print("usage: python -m cuba_triangle check")
        return 2
    try:
        check_data()
    except DataError as error:
        print(error)
        return 1
    events, sources = load_events(), load_sources()
    print(f"data OK: {len(events)} events, {len(sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
