"""The Python API: build, load, query and export a knowledge graph.

>>> import kg
>>> g = kg.from_texts(["Nvidia chief executive Jensen Huang unveiled the B200 chip."], lang="en")
>>> rows = g.query(
...     "SELECT ?person WHERE { ?p kg:leads ?org . ?org rdfs:label ?name . ?p rdfs:label ?person "
...     "FILTER(lang(?person) = 'en') }", name=kg.literal("Nvidia", lang="en"))
>>> [str(r["person"]) for r in rows.to_python()]
['Jensen Huang']
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kg.builder import BuildReport, Failure, extract_all, read_all, report_for
from kg.model import Article, Extraction


class KnowledgeGraph:
    """An RDF dataset (one named graph per article) with the operations users need.

    Build one with :func:`build`, :func:`from_texts` or :func:`load`. ``dataset`` is the
    underlying ``rdflib.Dataset``; ``extractions`` what was extracted (empty when loaded).
    """

    def __init__(self, dataset, extractions: tuple[Extraction, ...] = (), report: BuildReport | None = None):
        self.dataset = dataset
        self.extractions = extractions
        self.report = report

    def __len__(self) -> int:
        return len(self.dataset)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {len(self.dataset)} quads, {len(self.extractions)} articles extracted>"

    def query(self, sparql: str, **bindings):
        """Run SPARQL; keyword arguments are bound as values (never pasted into the text).

        Returns a ``SelectResult`` (``.rows``, ``.to_python()``), ``AskResult`` or ``GraphResult``.
        """
        from kg.query.sparql import query

        return query(self.dataset, sparql, bindings=bindings or None)

    def merged(self):
        """The union of all article graphs, with a support count on every fact."""
        from kg.graph.rdf import merged_graph

        return merged_graph(self.dataset)

    def write(self, path: str | os.PathLike, *, format=None) -> Path:
        """Write Turtle, TriG, JSON-LD, N-Triples or N-Quads (by suffix), atomically."""
        from kg.graph.io import Format, write_graph

        fmt = format or Format.from_path(Path(path))
        data = self.dataset if fmt in (Format.TRIG, Format.NQUADS) else self.merged()
        return write_graph(data, path, format=fmt)

    def to_html(self, path: str | os.PathLike, *, title: str | None = None, lang: str = "en") -> Path:
        """Write the interactive viewer: one self-contained HTML file."""
        from kg.export.html import write_html

        return write_html(self.dataset, path, title=title, lang=lang)

    def to_networkx(self):
        """A ``networkx.MultiDiGraph`` of entities (nodes) and relations (edges)."""
        from kg.export.viewmodel import to_networkx

        return to_networkx(self.dataset)

    def validate(self):
        """SHACL validation against ``ontologies/shapes.ttl``; a ``ValidationReport``."""
        from kg.graph.validate import validate

        return validate(self.dataset)


def literal(value, *, lang: str | None = None):
    """An RDF literal to pass as a query binding (``name=kg.literal("딥시크", lang="ko")``)."""
    from rdflib import Literal

    return Literal(value, lang=lang)


def extract_facts(article: Article | str, *, lang: str | None = None, pipeline=None) -> Extraction:
    """Entities and facts of one article (an :class:`Article` or a text).

    >>> ex = extract_facts("Nvidia chief executive Jensen Huang spoke in Taipei.", lang="en")
    >>> [(f.subject, f.predicate, f.object) for f in ex.facts]
    [('jensen-huang', 'leads', 'nvidia')]
    """
    from kg.ingest import read_text

    if isinstance(article, str):
        article = read_text(article, lang=lang)
    return (pipeline or _pipeline()).extract(article)


_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from kg.pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def from_extractions(extractions: Iterable[Extraction], *, report: BuildReport | None = None) -> KnowledgeGraph:
    from kg.graph.rdf import to_dataset

    extractions = tuple(extractions)
    return KnowledgeGraph(to_dataset(extractions), extractions, report)


def from_texts(texts: Iterable[str], *, lang: str | None = None) -> KnowledgeGraph:
    """Build a graph from article texts (ids are derived from the content)."""
    from kg.ingest import read_text

    articles = [read_text(t, lang=lang) for t in texts]
    extractions = extract_all(articles, pipeline=_pipeline())
    return from_extractions(extractions, report=report_for(extractions, [], []))


def build(inputs: Iterable[str | os.PathLike] | str | os.PathLike, *, progress=None) -> KnowledgeGraph:
    """Build a graph from files and folders (.txt, .html, .jsonl).

    Inputs that cannot be read are listed in ``graph.report.failures``; the rest is built.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    failures: list[Failure] = []
    articles = read_all(inputs, failures)
    extractions = extract_all(articles, pipeline=_pipeline(), on_error=failures.append, progress=progress)
    return from_extractions(extractions, report=report_for(extractions, failures, []))


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Open a graph file (.trig, .ttl, .nq, .nt, .jsonld) or an Oxigraph store folder."""
    from kg.graph.io import load as load_graph

    return KnowledgeGraph(load_graph(path))
