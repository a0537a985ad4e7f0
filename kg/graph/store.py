"""The persistent store: an on-disk Oxigraph database seen through rdflib.

Every article is one self-contained named graph (see :mod:`kg.graph.vocab`), so adding an
article is adding its graph and removing it is dropping that graph. The merged view is the
union of the named graphs (``default_union=True``).

Writes go straight to the underlying :class:`pyoxigraph.Store`, not through oxrdflib's
``addN``: ``Store.extend`` runs in one RocksDB transaction, so a batch either lands whole or
not at all, even when the process is killed half-way. oxrdflib stays the read view
(:attr:`KGStore.dataset`), as STYLE.md asks (storage through rdflib's store plugins).

>>> import tempfile
>>> from rdflib import Dataset, Literal, URIRef
>>> from kg.graph.vocab import ART, GRAPH, KG
>>> ds = Dataset()
>>> g = ds.graph(GRAPH["ab12"])
>>> _ = g.add((ART["ab12"], KG.articleId, Literal("a1")))
>>> with tempfile.TemporaryDirectory() as tmp, KGStore(tmp) as store:
...     store.add(ds).added == (str(GRAPH["ab12"]),), store.add(ds).skipped, store.count()
(True, ('https://w3id.org/aikg/graph/ab12',), 1)
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Iterable

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import StoreError
from kg.graph.vocab import KG

log = logging.getLogger(__name__)

#: RocksDB writes this file into every database folder; its absence means "not a store".
_STORE_MARKER = "CURRENT"

_ARTICLES_QUERY = """
PREFIX kg: <https://w3id.org/aikg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?g (MIN(?sha0) AS ?sha) (MIN(?id0) AS ?id) (MIN(STR(?h0)) AS ?headline) (MIN(STR(?d0)) AS ?date)
WHERE {
  GRAPH ?g {
    ?a a schema:NewsArticle .
    OPTIONAL { ?a kg:contentHash ?sha0 }
    OPTIONAL { ?a kg:articleId ?id0 }
    OPTIONAL { ?a schema:headline ?h0 }
    OPTIONAL { ?a schema:datePublished ?d0 }
  }
}
GROUP BY ?g
"""


@dataclass(frozen=True, slots=True)
class AddReport:
    """What :meth:`KGStore.add` did: graph IRIs written, and those already in the store."""

    added: tuple[str, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article graph in the store, as described by its ``schema:NewsArticle`` node."""

    graph: str
    sha: str | None
    article_id: str | None
    headline: str | None
    date: date | None


def _open_oxigraph(path: str | os.PathLike[str], *, read_only: bool, create: bool) -> ox.Store:
    """Open the Oxigraph database in ``path`` or raise a StoreError that says why not."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not a store folder")
    is_store = (folder / _STORE_MARKER).is_file()
    if not is_store:
        if folder.is_dir() and any(folder.iterdir()):
            # Never let RocksDB scatter its files into somebody's unrelated folder.
            raise StoreError(f"{folder}: folder is not a kg store (no Oxigraph database in it)")
        if read_only or not create:
            raise StoreError(f"{folder}: no store here (create it first with `kg build --store`)")
    try:
        if read_only:
            return ox.Store.read_only(str(folder))
        return ox.Store(str(folder))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(f"{folder}: store is in use by another process (locked): {e}") from e
        raise StoreError(f"{folder}: cannot open store: {e}") from e


class _MergedOxigraphStore(OxigraphStore):
    """oxrdflib's store, with the union of all graphs read as a set.

    Each article graph repeats the descriptions of the entities it mentions; pyoxigraph 0.5
    returns one match per graph when no graph is named, so rdflib's SPARQL over the union
    would count every label once per article. Here a triple is returned once.
    """

    def triples(self, triple_pattern, context=None):
        matches = super().triples(triple_pattern, context)
        if context is not None and not getattr(context, "identifier", None) in (None, DATASET_DEFAULT_GRAPH_ID):
            return matches
        return self._distinct(matches)

    @staticmethod
    def _distinct(matches):
        seen = set()
        for triple, contexts in matches:
            if triple not in seen:
                seen.add(triple)
                yield triple, contexts


def open_store(path: str | os.PathLike[str], *, read_only: bool = False, create: bool = True) -> Dataset:
    """The store in ``path`` as an rdflib Dataset whose default graph is the merged view.

    Close it with ``dataset.close()`` to release the lock on the folder.
    """
    inner = _open_oxigraph(path, read_only=read_only, create=create)
    return Dataset(store=_MergedOxigraphStore(store=inner), default_union=True)


def _to_ox(term: Node, where: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    try:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
    except ValueError as e:
        raise StoreError(f"graph {where}: term {term!r} is not valid RDF: {e}") from e
    raise StoreError(f"graph {where}: unsupported term {term!r}")


def _graph_quads(graph_name: str, triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Quad]:
    g = ox.NamedNode(graph_name)
    return [ox.Quad(_to_ox(s, graph_name), _to_ox(p, graph_name), _to_ox(o, graph_name), g) for s, p, o in triples]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class KGStore:
    """A folder holding the knowledge graph, one named graph per article.

    ``KGStore(path)`` creates the store when the folder is missing or empty. Use it as a
    context manager, or call :meth:`close`, to release the folder's lock.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, create: bool = True):
        self.path = Path(path)
        self.read_only = read_only
        self._ox: ox.Store | None = _open_oxigraph(path, read_only=read_only, create=create)
        self._view: Dataset | None = None
        # One writer at a time inside this process; RocksDB's lock keeps other processes out.
        self._lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the database. The :attr:`dataset` view is unusable afterwards."""
        if self._view is not None:
            self._view.close()
            self._view = None
        if self._ox is not None:
            if not self.read_only:
                self._ox.flush()
            self._ox = None

    @property
    def _store(self) -> ox.Store:
        if self._ox is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._ox

    # -- reading ----------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset; its default graph is the union of all graphs."""
        if self._view is None:
            self._view = Dataset(store=_MergedOxigraphStore(store=self._store), default_union=True)
        return self._view

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph Store, for fast SPARQL (``use_default_graph_as_union=True``)."""
        return self._store

    def count(self) -> int:
        """Number of quads in the store."""
        return len(self._store)

    def graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __contains__(self, graph: object) -> bool:
        """Whether a named graph with this IRI is stored."""
        if not isinstance(graph, str):
            return False
        try:
            return self._store.contains_named_graph(ox.NamedNode(graph))
        except ValueError:  # not an IRI
            return False

    def articles(self) -> list[StoredArticle]:
        """Every article graph, sorted by article id then content hash."""
        out = []
        for row in self._store.query(_ARTICLES_QUERY):
            def value(name: str) -> str | None:
                term = row[name]
                return None if term is None else term.value

            out.append(
                StoredArticle(
                    graph=row["g"].value,
                    sha=value("sha"),
                    article_id=value("id"),
                    headline=value("headline"),
                    date=_parse_date(value("date")),
                )
            )
        return sorted(out, key=lambda a: (a.article_id or "", a.sha or "", a.graph))

    # -- writing ----------------------------------------------------------------------------
    def add(self, dataset: Dataset) -> AddReport:
        """Add each named graph of ``dataset`` that the store does not hold yet.

        The whole batch is one transaction. Triples in the default graph are refused: an
        article's triples belong in its own graph, or they could never be removed.
        """
        self._check_writable()
        batch: dict[str, list[ox.Quad]] = {}
        for graph in dataset.graphs():
            name = graph.identifier
            if name == DATASET_DEFAULT_GRAPH_ID:
                if len(graph):
                    raise StoreError(f"{len(graph)} triples are in the default graph; put them in a named graph")
                continue
            if not isinstance(name, URIRef):
                raise StoreError(f"graph name {name!r} is not an IRI")
            if len(graph):
                batch[str(name)] = _graph_quads(str(name), graph.triples((None, None, None)))
        with self._lock:
            store = self._store
            skipped = tuple(sorted(n for n in batch if store.contains_named_graph(ox.NamedNode(n))))
            added = tuple(sorted(n for n in batch if n not in skipped))
            self._write([q for n in added for q in batch[n]])
        log.info("store %s: added %d graphs, skipped %d already stored", self.path, len(added), len(skipped))
        return AddReport(added=added, skipped=skipped)

    def _write(self, quads: list[ox.Quad]) -> None:
        # extend (not bulk_extend) because it is the transactional one: all or nothing.
        try:
            self._store.extend(quads)
        except OSError as e:
            raise StoreError(f"{self.path}: write failed, nothing was added: {e}") from e

    def remove(self, article: str) -> bool:
        """Drop the graph of one article, named by article id, content hash or graph IRI.

        Returns False when no such article is stored. An article id shared by several
        graphs is ambiguous and raises StoreError; name the content hash instead.
        """
        self._check_writable()
        with self._lock:
            graphs = self._find_graphs(article)
            if not graphs:
                return False
            if len(graphs) > 1:
                raise StoreError(f"{article!r} names {len(graphs)} stored articles: {', '.join(graphs)}")
            try:
                self._store.remove_graph(ox.NamedNode(graphs[0]))
            except OSError as e:
                raise StoreError(f"{self.path}: could not remove {graphs[0]}: {e}") from e
        log.info("store %s: removed %s", self.path, graphs[0])
        return True

    def _find_graphs(self, article: str) -> list[str]:
        store = self._store
        found: set[str] = set()
        try:
            if store.contains_named_graph(ox.NamedNode(article)):
                found.add(article)
        except ValueError:
            pass  # not an IRI: it is an id or a hash
        for predicate in (KG.articleId, KG.contentHash):
            for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), ox.Literal(article), None):
                if isinstance(q.graph_name, ox.NamedNode):
                    found.add(q.graph_name.value)
        return sorted(found)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")


__all__ = ["AddReport", "KGStore", "StoredArticle", "open_store"]
