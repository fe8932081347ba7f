"""Where the project's data folder is, wherever a notebook or script runs from."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV_VAR = "CUBA_TRIANGLE_DATA"


def _looks_like_data_dir(path: Path) -> bool:
    return (path / "datapackage.json").is_file()


def data_dir() -> Path:
    """Return the folder that holds ``datapackage.json``.

    Looked for, in order: the folder named by the ``CUBA_TRIANGLE_DATA`` environment variable;
    ``data/`` beside the package's source tree (the package is installed in editable mode by
    ``make``); ``data/`` in the current folder or any folder above it (so a notebook in
    ``notebooks/``, ``exercises/`` or ``solutions/`` finds it).
    """
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        path = Path(override).expanduser().resolve()
        if not _looks_like_data_dir(path):
            raise FileNotFoundError(
                f"{DATA_ENV_VAR} is set to {override!r}, but there is no datapackage.json in that folder.")
        return path
    candidates = [Path(__file__).resolve().parents[2] / "data"]
    here = Path.cwd().resolve()
    candidates += [folder / "data" for folder in (here, *here.parents)]
    for candidate in candidates:
        if _looks_like_data_dir(candidate):
            return candidate
    raise FileNotFoundError(
        "Could not find the course's data folder (a 'data' folder with datapackage.json). "
        "Open the notebooks from inside the project folder, or set "
        f"{DATA_ENV_VAR} to the path of its 'data' folder.")
