"""Run SPARQL over a graph or dataset, with values bound safely, and format the results.

Values reach a query only through rdflib's ``initBindings``: a name typed by a user is a
literal, never query text, so it cannot change what the query does.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/name"), Literal("Ada")))
>>> r = query(g, "SELECT ?s WHERE { ?s <http://example.org/name> ?n }", bindings={"n": "Ada"})
>>> r.to_python()
[{'s': 'http://example.org/a'}]
"""
from __future__ import annotations

import csv
import decimal
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal as Choice
from urllib.parse import unquote

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import KGError, QueryError
from kg.graph.vocab import PREFIXES, bind_prefixes

Term = Node

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class SelectResult:
    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def to_python(self) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (str, int, Decimal, date, …; None when unbound)."""
        return [{v: _python(t) for v, t in zip(self.variables, row)} for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class AskResult:
    value: bool

    def __bool__(self) -> bool:
        return self.value


@dataclass(frozen=True, slots=True)
class GraphResult:
    graph: Graph


Result = SelectResult | AskResult | GraphResult


def _python(term: Term | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)


def to_term(value: object) -> Term:
    """A Python value as an rdflib term: str → plain literal, int/float/Decimal/bool/date typed."""
    if isinstance(value, Node):
        return value
    if isinstance(value, (str, bool, int, float, Decimal, datetime, date)):
        return Literal(value)
    raise QueryError(f"cannot bind a value of type {type(value).__name__}: {value!r}")


def _init_bindings(bindings: dict[str, object] | None) -> dict[str, Term]:
    converted = {}
    for name, value in (bindings or {}).items():
        bare = name[1:] if name[:1] in "?$" else name
        if not _VARIABLE.fullmatch(bare):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        converted[bare] = to_term(value)
    return converted


def _position(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    return f"line {line}, column {col}: " if line is not None and col is not None else ""


def query(
    source: Graph | Dataset | str | os.PathLike[str],
    sparql: str,
    *,
    bindings: dict[str, object] | None = None,
) -> Result:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``source``.

    ``source`` is an rdflib Graph or Dataset (its default graph is then the union of all
    graphs), or a path that :func:`kg.graph.io.load` reads. The usual kg prefixes (``kg:``,
    ``ent:``, ``schema:`` …) are predeclared. ``bindings`` maps variable names to values,
    bound via ``initBindings``. Raises :class:`QueryError` with line and column when the
    query does not parse.
    """
    from rdflib.plugins.sparql import prepareQuery
    from pyparsing import ParseBaseException as ParseException  # what rdflib's parser raises

    if isinstance(source, (str, os.PathLike)):
        from kg.graph.io import load

        source = load(source)
    init = _init_bindings(bindings)
    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except ParseException as exc:
        raise QueryError(f"{_position(exc)}{exc.msg}") from exc
    except Exception as exc:  # rdflib reports some malformed queries with other types
        raise QueryError(f"cannot parse the query: {exc}") from exc

    view = Dataset(store=source.store, default_union=True) if isinstance(source, Dataset) else source
    try:
        result = view.query(prepared, initBindings=init)
        if result.type == "SELECT":
            variables = tuple(str(v) for v in result.vars)
            return SelectResult(variables, tuple(tuple(row) for row in result))
        if result.type == "ASK":
            return AskResult(bool(result.askAnswer))
        graph = Graph()
        bind_prefixes(graph)
        for triple in result.graph:
            graph.add(triple)
        return GraphResult(graph)
    except KGError:
        raise
    except Exception as exc:  # evaluation errors come in many types; the caller needs one
        raise QueryError(f"query failed: {type(exc).__name__}: {exc}") from exc


# ---------------------------------------------------------------- formatting


def _compact(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    # percent-decoding makes Hangul keys readable; the table is for people, not parsers
    return f"{prefix}:{unquote(iri[len(best):])}"


def _plain_number(term: Term) -> str:
    """xsd:decimal in one spelling (5576000, not 5576000.0), whichever store it came from."""
    try:
        return format(decimal.Decimal(str(term)).normalize(), "f")
    except decimal.InvalidOperation:
        return str(term)


def _display(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = _compact(str(term))
    elif isinstance(term, BNode):
        text = f"_:{term}"
    elif isinstance(term, Literal) and term.datatype == XSD.decimal:
        text = _plain_number(term)
    else:
        text = str(term)
    return " ".join(text.split())  # one line per row, whatever the sentence held


def _width(text: str) -> int:
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        return _plain_number(term)
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _triples_as_select(graph: Graph) -> SelectResult:
    return SelectResult(("subject", "predicate", "object"), tuple(sorted(graph)))


def format_result(result: Result, fmt: Choice["table", "csv", "json"] = "table") -> str:
    """Render a result as an aligned text table, SPARQL CSV or SPARQL 1.1 JSON results.

    A graph result is rendered as subject/predicate/object rows (table, csv) or JSON-LD (json).
    """
    if fmt not in ("table", "csv", "json"):
        raise QueryError(f"unknown result format {fmt!r} (use table, csv or json)")
    if isinstance(result, AskResult):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.value}) + "\n"
        return ("true" if result.value else "false") + "\n"
    if isinstance(result, GraphResult):
        if fmt == "json":
            return result.graph.serialize(format="json-ld")
        result = _triples_as_select(result.graph)
    if fmt == "table":
        return _table(result.variables, [tuple(_display(t) for t in row) for row in result.rows])
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)  # SPARQL 1.1 CSV results: CRLF line ends, as csv writes them
        writer.writerow(result.variables)
        writer.writerows([_csv_value(t) for t in row] for row in result.rows)
        return buffer.getvalue()
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    payload = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
