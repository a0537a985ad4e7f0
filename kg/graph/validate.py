"""Check graphs against ``ontologies/shapes.ttl`` (SHACL) and written files against a strict parser."""
from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass

from rdflib import Dataset, Graph, Namespace
from rdflib.term import Node

from kg.errors import InputError, OntologyError
from kg.graph._ontology import ontology_file
from kg.graph.io import Format, parse_strict

log = logging.getLogger(__name__)

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node that failed, the property path, the message, the severity."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    text: str

    def raise_for_violations(self) -> None:
        """Raise :class:`OntologyError` listing the first violations when the graph does not conform."""
        if not self.conforms:
            shown = "\n".join(str(v) for v in self.violations[:20])
            more = len(self.violations) - 20
            tail = f"\n… and {more} more" if more > 0 else ""
            raise OntologyError(f"graph does not conform to the shapes ({len(self.violations)} results):\n{shown}{tail}")


@functools.lru_cache(maxsize=1)
def _shapes() -> Graph:
    path = ontology_file("shapes.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for a bad file
        raise OntologyError(f"{path}: cannot read the shapes: {exc}") from exc


def _n3(node: Node | None, graph: Graph) -> str | None:
    if node is None:
        return None
    try:
        return node.n3(graph.namespace_manager)
    except Exception:  # a SHACL path can be a blank-node structure without a short form
        return str(node)


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def validate(graph: Graph | Dataset) -> ValidationReport:
    """Validate ``graph`` (a Dataset is validated as the union of its graphs) with the kg shapes."""
    import pyshacl  # heavy: only when validating

    data = _union(graph) if isinstance(graph, Dataset) else graph
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=_shapes(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
    )
    from kg.graph.vocab import bind_prefixes

    bind_prefixes(results)
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        violations.append(
            Violation(
                focus=_n3(results.value(result, SH.focusNode), results) or "",
                path=_n3(results.value(result, SH.resultPath), results),
                message=str(message) if message is not None else "",
                severity=str(severity).rsplit("#", 1)[-1],
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.severity))
    return ValidationReport(conforms=bool(conforms), violations=tuple(violations), text=str(text))


def check_strict(path: str | os.PathLike[str], *, format: Format | None = None) -> int:
    """Parse a written file with pyoxigraph's strict parser; return the number of quads.

    Raises :class:`InputError` naming the file, line and column of the first error.
    """
    try:
        return parse_strict(path, format=format)
    except InputError:
        log.debug("strict parse failed for %s", path)
        raise
