"""Pins, environment.yml and datapackage.json must not drift from their sources."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pins(text: str, pattern: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        match = re.match(pattern, line)
        if match:
            found[match["name"].lower().replace("_", "-")] = match["version"]
    return found


def requirement_pins(text: str) -> dict[str, str]:
    return pins(text, r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[^\s#]+)")


def conda_pins(text: str) -> dict[str, str]:
    return pins(text, r"^\s*-\s+(?P<name>[A-Za-z0-9_.-]+)=(?P<version>[^=\s#]+)\s*$")


def test_environment_yml_matches_requirements():
    requirements = requirement_pins((ROOT / "requirements.txt").read_text())
    conda = conda_pins((ROOT / "environment.yml").read_text())
    conda.pop("python", None)
    assert requirements, "no pins found in requirements.txt"
    assert conda == requirements


def test_drift_would_be_caught():
    """The comparison above fails when one version differs (shown on an edited copy)."""
    requirements = requirement_pins((ROOT / "requirements.txt").read_text())
    edited = (ROOT / "environment.yml").read_text().replace("plotly=7.1.0", "plotly=7.0.0")
    conda = conda_pins(edited)
    conda.pop("python", None)
    assert conda != requirements and conda["plotly"] == "7.0.0"


def test_every_direct_pin_is_in_the_lock_file():
    requirements = requirement_pins((ROOT / "requirements.txt").read_text())
    lock = requirement_pins((ROOT / "requirements-lock.txt").read_text())
    for name, version in requirements.items():
        assert lock.get(name) == version, f"{name}: requirements {version}, lock {lock.get(name)}"


def test_installed_versions_match_the_lock():
    from importlib.metadata import version
    lock = requirement_pins((ROOT / "requirements-lock.txt").read_text())
    for name in ("pandas", "plotly", "ipywidgets", "jupyterlab", "nbval"):
        assert version(name) == lock[name], name


def test_datapackage_json_is_generated_from_the_tool():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_datapackage.py"), "--print"],
                            capture_output=True, text=True, check=True)
    assert result.stdout == (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"), \
        "data/datapackage.json is out of date: run python tools/make_datapackage.py"
