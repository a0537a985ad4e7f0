"""Shared helpers of the per-language extraction tables (test_extract_en.py, test_extract_ko.py)."""
from __future__ import annotations

from decimal import Decimal

from kg.ingest import read_text
from kg.model import Amount
from kg.pipeline import Pipeline


def labels(ex, key: str) -> set[str]:
    """Every name of entity ``key`` in an extraction, case-folded (and the key itself)."""
    e = ex.entity(key)
    return {n.casefold() for n in (e.labels if e else ())} | {key.casefold()}


def facts(pipeline: Pipeline, text: str, *, lang: str, stated: bool = True):
    """(subject labels, predicate, object labels or (amount, currency), modality) per fact."""
    ex = pipeline.extract(read_text(text, id="t", lang=lang))
    out = []
    for f in ex.facts:
        if stated and not f.stated:
            continue
        obj = (f.object.value, f.object.currency) if isinstance(f.object, Amount) else labels(ex, f.object)
        out.append((labels(ex, f.subject), f.predicate, obj, f.modality))
    return out


def has(found, s: str, p: str, o) -> bool:
    """Is (s, p, o) among ``found``? Names by any label; amounts within 1%, same currency."""
    for fs, fp, fo, _ in found:
        if fp != p or s.casefold() not in fs:
            continue
        if isinstance(o, tuple):
            if isinstance(fo, tuple) and fo[1] == o[1] and abs(fo[0] - Decimal(str(o[0]))) <= Decimal(str(o[0])) / 100:
                return True
        elif isinstance(fo, set) and o.casefold() in fo:
            return True
    return False
