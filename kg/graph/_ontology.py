"""Find the files of ``ontologies/`` from a source checkout or an installed wheel.

The canonical files live in the top-level ``ontologies/`` folder of the repository. A wheel
installs them as data files under ``<prefix>/share/kg/ontologies`` (see
``[tool.setuptools.data-files]`` in pyproject.toml), so both places are searched.
"""
from __future__ import annotations

import site
import sys
import sysconfig
from pathlib import Path

from kg.errors import OntologyError

_DATA_SUBDIR = Path("share", "kg", "ontologies")


def _candidates() -> list[Path]:
    bases = [sysconfig.get_path("data"), sys.prefix, getattr(site, "USER_BASE", None)]
    found = [Path(__file__).resolve().parents[2] / "ontologies"]
    found += [Path(b) / _DATA_SUBDIR for b in bases if b]
    return found


def ontology_file(name: str) -> Path:
    """Path of ``ontologies/<name>`` (``"kg.ttl"`` or ``"shapes.ttl"``)."""
    for folder in _candidates():
        path = folder / name
        if path.is_file():
            return path
    searched = ", ".join(str(c) for c in _candidates())
    raise OntologyError(f"ontology file {name!r} not found (searched {searched})")
