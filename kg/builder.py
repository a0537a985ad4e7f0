"""Build a knowledge graph from article files: ingest → extract → graph, with a report.

Bad input never stops a batch: each failing file or line is recorded with its name and
the problem, the rest is built, and the caller (the CLI) exits non-zero at the end.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, KGError
from kg.model import Article, Extraction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be used: where, and why."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.message and not self.message.startswith(self.source) else self.message


@dataclass(frozen=True)
class BuildReport:
    """What a build read, found and could not use."""

    articles: int
    entities_by_type: dict[str, int]
    facts_by_relation: dict[str, int]
    failures: tuple[Failure, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        lines = [f"articles: {self.articles}"]
        ents = sum(self.entities_by_type.values())
        lines.append(f"entities: {ents}" + (" (" + ", ".join(f"{t} {n}" for t, n in sorted(self.entities_by_type.items())) + ")" if ents else ""))
        facts = sum(self.facts_by_relation.values())
        lines.append(f"facts: {facts}" + (" (" + ", ".join(f"{r} {n}" for r, n in sorted(self.facts_by_relation.items())) + ")" if facts else ""))
        for w in self.warnings:
            lines.append(f"warning: {w}")
        for f in self.failures:
            lines.append(f"failed: {f}")
        return "\n".join(lines)


def extract_all(
    articles: Iterable[Article],
    *,
    pipeline=None,
    on_error: Callable[[Failure], None] | None = None,
    progress: Callable[[Article], None] | None = None,
) -> list[Extraction]:
    """Extract every article; an article that fails is reported and skipped."""
    from kg.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    out = []
    for article in articles:
        try:
            out.append(pipeline.extract(article))
        except KGError as exc:
            if on_error is None:
                raise
            on_error(Failure(article.source or article.id, str(exc)))
        if progress is not None:
            progress(article)
    return out


def read_all(inputs: Iterable[str | Path], failures: list[Failure]) -> list[Article]:
    """Read every article from files and folders; bad ones are added to ``failures``."""
    from kg.ingest import read_articles

    def record(exc: InputError) -> None:
        failures.append(Failure(exc.source or "input", str(exc)))

    return list(read_articles([Path(p) for p in inputs], on_error=record))


def report_for(extractions: list[Extraction], failures: list[Failure], warnings: list[str]) -> BuildReport:
    types: Counter = Counter()
    seen: set[str] = set()
    rels: Counter = Counter()
    for ex in extractions:
        for e in ex.entities:
            if e.key not in seen:
                seen.add(e.key)
                types[e.type] += 1
        for f in ex.facts:
            if f.stated:
                rels[f.predicate] += 1
        warnings.extend(f"{ex.article.id}: {w}" for w in ex.warnings)
    return BuildReport(len(extractions), dict(types), dict(rels), tuple(failures), tuple(warnings))
