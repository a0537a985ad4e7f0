"""Write graphs to files safely and read them back.

Writing never truncates an existing output: the data goes to a temporary file in the same
folder, is parsed back with pyoxigraph's strict parser, and only then replaces the target
with :func:`os.replace` (atomic on one file system). Reading uses pyoxigraph too, because it
is fast and its syntax errors carry line and column; the quads are then handed to rdflib.
"""
from __future__ import annotations

import enum
import logging
import os
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

from kg.atomic import atomic_write
from kg.errors import ExportError, InputError
from kg.graph.vocab import PREFIXES, bind_prefixes

log = logging.getLogger(__name__)


class Format(enum.Enum):
    """RDF serialisations kg reads and writes. The value is rdflib's format name."""

    TURTLE = "turtle"
    TRIG = "trig"
    JSONLD = "json-ld"
    NTRIPLES = "nt"
    NQUADS = "nquads"

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Format:
        """Guess the format from the file suffix (``.ttl .trig .jsonld .json .nt .nq``)."""
        suffix = Path(path).suffix.lower()
        try:
            return _BY_SUFFIX[suffix]
        except KeyError:
            known = " ".join(sorted(_BY_SUFFIX))
            raise InputError(f"cannot tell the RDF format from suffix {suffix!r} (known: {known})", source=str(path)) from None

    @property
    def holds_datasets(self) -> bool:
        """True for formats with named graphs (TriG, N-Quads, JSON-LD)."""
        return self in (Format.TRIG, Format.NQUADS, Format.JSONLD)

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return _OXIGRAPH[self]


_BY_SUFFIX = {
    ".ttl": Format.TURTLE,
    ".turtle": Format.TURTLE,
    ".trig": Format.TRIG,
    ".jsonld": Format.JSONLD,
    ".json-ld": Format.JSONLD,
    ".json": Format.JSONLD,
    ".nt": Format.NTRIPLES,
    ".nq": Format.NQUADS,
}
_OXIGRAPH = {
    Format.TURTLE: ox.RdfFormat.TURTLE,
    Format.TRIG: ox.RdfFormat.TRIG,
    Format.JSONLD: ox.RdfFormat.JSON_LD,
    Format.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    Format.NQUADS: ox.RdfFormat.N_QUADS,
}


def _syntax_message(exc: SyntaxError) -> str:
    # pyoxigraph puts "line L between columns A and B" in the message already when it knows it.
    return exc.msg or str(exc)


def parse_strict(path: str | os.PathLike[str], *, format: Format | None = None) -> int:
    """Parse ``path`` with pyoxigraph (strict IRIs and syntax); return the number of quads.

    Raises :class:`InputError` naming the file, line and column of the first error.
    """
    fmt = format or Format.from_path(path)
    count = 0
    try:
        for _ in ox.parse(path=os.fspath(path), format=fmt.oxigraph):
            count += 1
    except SyntaxError as exc:
        raise InputError(_syntax_message(exc), source=os.fspath(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=os.fspath(path)) from exc
    return count


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _as_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    bind_prefixes(dataset)
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=False)
    dataset.default_graph.addN((s, p, o, dataset.default_graph) for s, p, o in graph)
    return dataset


def _serialize(data: Graph | Dataset, fmt: Format) -> tuple[bytes, int]:
    """The bytes to write and the number of quads a faithful parse must read back."""
    is_dataset = isinstance(data, Dataset)
    if is_dataset and not fmt.holds_datasets:
        log.info("writing the union of all graphs: %s has no named graphs", fmt.name)
        data = _union(data)
    elif not is_dataset and fmt.holds_datasets:
        data = _as_dataset(data)
    if isinstance(data, Dataset):
        expected = sum(len(g) for g in data.graphs())
    else:
        expected = len(data)
    if fmt is Format.TRIG:
        return _trig(data), expected
    return data.serialize(format=fmt.value, encoding="utf-8"), expected


def _trig(dataset: Dataset) -> bytes:
    """TriG with graphs in IRI order: rdflib's own writer follows set order, so the same
    dataset would give different bytes from run to run."""
    prefixes = sorted(PREFIXES.items())
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes)
    parts = [head]
    graphs = sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        body = Graph()
        for p, ns in prefixes:
            body.bind(p, ns, override=True)
        for t in g:
            body.add(t)
        text = body.serialize(format="turtle")
        # split on "\n" only: a literal may hold U+2028, which str.splitlines() would break on
        text = "\n".join(line for line in text.split("\n") if not line.startswith("@prefix")).strip()
        default = g.identifier == DATASET_DEFAULT_GRAPH_ID
        parts.append(("{\n" if default else f"<{g.identifier}> {{\n") + text + "\n}\n")
    return "\n".join(parts).encode("utf-8")


def write_graph(graph_or_dataset: Graph | Dataset, path: str | os.PathLike[str], *, format: Format | None = None) -> Path:
    """Write a Graph or Dataset to ``path``, replacing it only once the new file parses strictly.

    The format is guessed from the suffix when not given. A Dataset written to a format
    without named graphs (Turtle, N-Triples) is written as the union of its graphs.
    Raises :class:`ExportError`; on any failure an existing ``path`` is left as it was.
    """
    target = Path(path)
    try:
        fmt = format or Format.from_path(target)
    except InputError as exc:
        raise ExportError(str(exc)) from None
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    try:
        data, expected = _serialize(graph_or_dataset, fmt)
    except Exception as exc:  # rdflib's serializers raise bare Exception for unwritable IRIs
        raise ExportError(f"{target}: cannot serialise as {fmt.name}: {exc}") from exc

    def check(tmp: Path) -> None:
        try:
            found = parse_strict(tmp, format=fmt)
        except InputError as exc:
            raise ExportError(f"{target}: written {fmt.name} does not parse strictly: {exc.__cause__ or exc}") from exc
        if found != expected:
            # JSON-LD processors drop statements with malformed IRIs instead of failing
            raise ExportError(f"{target}: wrote {expected} statements but a strict parser reads back {found}")

    atomic_write(target, data, check=check)
    log.debug("wrote %s (%s, %d bytes)", target, fmt.name, len(data))
    return target


def _term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)  # rdflib's plain literal, as the Turtle parser makes it
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"unsupported RDF term {term!r}")


def load(path: str | os.PathLike[str]) -> Dataset:
    """Read an RDF file (.trig .ttl .nq .nt .jsonld) or an Oxigraph store folder into a Dataset.

    Triples of Turtle/N-Triples files go to the default graph. Raises :class:`InputError`
    naming the file (and line and column for syntax errors); a folder that is not a store
    raises :class:`~kg.errors.StoreError`. A store is opened read-only; close it when done.
    """
    source = Path(path)
    if source.is_dir():
        from kg.graph.store import open_store  # the store needs oxrdflib; only load it when used

        return open_store(source, read_only=True)
    fmt = Format.from_path(source)
    if not source.is_file():
        raise InputError("no such file", source=str(source))
    dataset = Dataset()
    bind_prefixes(dataset)
    graphs: dict[str, Graph] = {}
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    batch = []
    try:
        for quad in ox.parse(path=os.fspath(source), format=fmt.oxigraph):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                context = default
            else:
                name = quad.graph_name.value
                context = graphs.get(name) or graphs.setdefault(name, dataset.graph(_term(quad.graph_name)))
            batch.append((_term(quad.subject), _term(quad.predicate), _term(quad.object), context))
    except SyntaxError as exc:
        raise InputError(_syntax_message(exc), source=str(source)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(source)) from exc
    except ValueError as exc:
        raise InputError(str(exc), source=str(source)) from exc
    dataset.addN(batch)
    return dataset
