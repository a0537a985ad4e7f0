"""kg — knowledge graphs from Korean and English news about the AI industry.

The public API is loaded lazily so that ``import kg`` stays cheap: no model is loaded and
no heavy library is imported until a function that needs it is called.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS = {
    "build": "kg.api",
    "from_texts": "kg.api",
    "load": "kg.api",
    "extract_facts": "kg.api",
    "literal": "kg.api",
    "KnowledgeGraph": "kg.api",
    "KGError": "kg.errors",
    "InputError": "kg.errors",
    "QueryError": "kg.errors",
    "OntologyError": "kg.errors",
    "ExportError": "kg.errors",
    "StoreError": "kg.errors",
    "Article": "kg.model",
    "Entity": "kg.model",
    "Fact": "kg.model",
    "Amount": "kg.model",
    "Extraction": "kg.model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


if TYPE_CHECKING:  # pragma: no cover
    from kg.api import KnowledgeGraph, build, extract_facts, from_texts, literal, load  # noqa: F401
    from kg.errors import *  # noqa: F403
    from kg.model import *  # noqa: F403
