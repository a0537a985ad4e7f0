"""Extractions as JSON Lines in the format the evaluation scorer reads.

One line per article::

    {"id": "a1", "triples": [
        {"s": "Zentra", "s_labels": ["Zentra", "젠트라"], "s_type": "Company",
         "p": "released", "o": "Orbit-7", "o_labels": ["Orbit-7"], "o_type": "AIModel"},
        {"s": "Orbit-7", "s_labels": [...], "s_type": "AIModel",
         "p": "developmentCost", "o": {"amount": 1000000, "currency": "USD"}}]}

Only stated facts (asserted or claimed) are written: planned, reported and negated facts are
not facts the article states, so the scorer must not see them.
"""
from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from kg.atomic import atomic_write
from kg.errors import ExportError
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, Amount, Entity, Extraction


def extraction_to_score_line(extraction: Extraction) -> dict:
    """The scorer line of one article: its stated facts, deduplicated and sorted."""
    article_id = extraction.article.id
    unique: dict[str, dict] = {}
    for fact in extraction.facts:
        if not fact.stated:
            continue
        subject = _entity(extraction, fact.subject)
        triple = {"s": subject.name("en"), "s_labels": list(subject.labels), "s_type": subject.type,
                  "p": fact.predicate}
        if fact.predicate in AMOUNT_RELATIONS:
            if not isinstance(fact.object, Amount):
                raise ExportError(f"{article_id}: {fact.predicate} needs an amount, got {fact.object!r}")
            triple["o"] = fact.object.as_json()
        elif fact.predicate in ENTITY_RELATIONS:
            if isinstance(fact.object, Amount):
                raise ExportError(f"{article_id}: {fact.predicate} needs an entity, got an amount")
            obj = _entity(extraction, fact.object)
            triple.update({"o": obj.name("en"), "o_labels": list(obj.labels), "o_type": obj.type})
        else:
            raise ExportError(f"{article_id}: unknown predicate {fact.predicate!r}")
        # Several sentences often state one fact; the scorer wants it once.
        unique.setdefault(json.dumps(triple, sort_keys=True, ensure_ascii=False), triple)
    triples = sorted(unique.items(), key=lambda kv: (kv[1]["p"], kv[1]["s"], _object_key(kv[1]["o"]), kv[0]))
    return {"id": article_id, "triples": [t for _, t in triples]}


def write_jsonl(lines: Iterable[dict], stream: TextIO) -> int:
    """Write one JSON object per line (UTF-8 text, not ASCII-escaped); return how many."""
    count = 0
    for line in lines:
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


def save_jsonl(lines: Iterable[dict], path: str | os.PathLike) -> int:
    """Write ``lines`` to ``path`` without ever leaving a truncated file behind.

    The lines go to a temporary file in the same folder, which is read back and parsed
    before it replaces ``path``.
    """
    buffer = io.StringIO()
    count = write_jsonl(lines, buffer)

    def check(tmp: Path) -> None:
        with open(tmp, encoding="utf-8") as f:
            if sum(1 for line in f if isinstance(json.loads(line), dict)) != count:
                raise ExportError(f"{path}: written file does not read back")

    atomic_write(path, buffer.getvalue().encode("utf-8"), check=check)
    return count


def _entity(extraction: Extraction, key: str) -> Entity:
    entity = extraction.entity(key)
    if entity is None:
        raise ExportError(f"{extraction.article.id}: fact refers to unknown entity {key!r}")
    return entity


def _object_key(o: str | dict) -> str:
    return json.dumps(o, sort_keys=True, ensure_ascii=False) if isinstance(o, dict) else o
