"""What the HTML viewer shows, read from a graph in the project's layout.

The graph is read in one pass over its triples (SPARQL joins are far slower at 10,000
entities), into plain frozen value objects: :class:`ViewNode` per entity, :class:`ViewEdge`
per (subject, relation, object) with every evidence sentence behind it, and
:class:`ViewAmount` for money-valued facts. Importance comes from PageRank and positions from
a deterministic layout, both computed with networkx so the browser never runs physics on a
large graph.
"""
from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

import networkx as nx
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import ExportError
from kg.graph.vocab import ART, GRAPH, KG, PROV, SCHEMA
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, ENTITY_TYPES, STATED_MODALITIES

log = logging.getLogger(__name__)

#: Type given to a node that appears in a fact but has no known entity type.
UNKNOWN_TYPE = "Unknown"

#: Graphs up to this many nodes get a full spring layout; larger ones a core + rings layout.
SPRING_LIMIT = 500

_KG_NS = str(KG._NS)
_TYPE_BY_IRI = {KG[t]: t for t in ENTITY_TYPES}
_RELATION_BY_IRI = {KG[r]: r for r in (*ENTITY_RELATIONS, *AMOUNT_RELATIONS)}
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True, slots=True)
class ViewEvidence:
    """One sentence that supports a fact, with the article it came from."""

    sentence: str
    headline: str
    date: str | None  # ISO date of the article
    confidence: float | None
    modality: str
    article: str  # article IRI

    def as_json(self) -> dict:
        return {
            "sentence": self.sentence,
            "headline": self.headline,
            "date": self.date,
            "confidence": self.confidence,
            "modality": self.modality,
            "article": self.article,
        }


@dataclass(frozen=True, slots=True)
class ViewNode:
    """One entity as the viewer draws it. ``x``/``y`` are pixels, ``importance`` in [0, 1]."""

    id: str
    type: str
    label_en: str
    label_ko: str
    names: tuple[str, ...]
    importance: float
    x: float
    y: float
    dates: tuple[str, ...] = ()  # ISO dates of the articles that mention it


@dataclass(frozen=True, slots=True)
class ViewEdge:
    """A relation between two entities and every piece of evidence for it."""

    source: str
    target: str
    relation: str
    facts: tuple[ViewEvidence, ...]
    stated: bool  # True when the graph holds the plain triple or a stated (asserted/claimed) fact


@dataclass(frozen=True, slots=True)
class ViewAmount:
    """A money-valued fact (``developmentCost``, ``investment``) of one entity."""

    subject: str
    relation: str
    value: str
    currency: str
    facts: tuple[ViewEvidence, ...]


@dataclass(frozen=True, slots=True)
class ViewModel:
    """Everything the page needs. ``nodes`` are ordered by importance, most important first."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    amounts: tuple[ViewAmount, ...] = field(default=())


# ---------------------------------------------------------------- reading the graph


@dataclass
class _Read:
    """Mutable scratch state of the single pass over the triples."""

    types: dict[URIRef, str] = field(default_factory=dict)
    labels: dict[URIRef, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    names: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    mentioned_in: dict[URIRef, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    plain: set[tuple[URIRef, str, object]] = field(default_factory=set)
    fact_parts: dict[object, dict[str, object]] = field(default_factory=lambda: defaultdict(dict))
    evidence: dict[object, dict[str, object]] = field(default_factory=lambda: defaultdict(dict))
    headline: dict[URIRef, str] = field(default_factory=dict)
    published: dict[URIRef, str] = field(default_factory=dict)
    amount_value: dict[object, str] = field(default_factory=dict)
    amount_currency: dict[object, str] = field(default_factory=dict)
    amounts: set[object] = field(default_factory=set)


def _quads(graph: Graph) -> Iterator[tuple[object, object, object, object]]:
    if not isinstance(graph, Graph):
        raise ExportError(f"expected an rdflib Graph or Dataset, got {type(graph).__name__}")
    if graph.context_aware:
        for s, p, o, c in graph.quads((None, None, None, None)):
            yield s, p, o, (c.identifier if isinstance(c, Graph) else c)
    else:
        for s, p, o in graph:
            yield s, p, o, None


def _article_of_graph(context: object) -> URIRef | None:
    name = str(context) if context is not None else ""
    if name.startswith(str(GRAPH)) and name != str(GRAPH) + "entities":
        return ART[name[len(str(GRAPH)):]]
    return None


def _read(graph: Graph) -> _Read:
    r = _Read()
    for s, p, o, c in _quads(graph):
        if p == RDF.type:
            t = _TYPE_BY_IRI.get(o)
            if t is not None:
                # several types: keep the first in schema order, so the result does not
                # depend on triple order
                old = r.types.get(s)
                if old is None or ENTITY_TYPES.index(t) < ENTITY_TYPES.index(old):
                    r.types[s] = t
            elif o == KG.MonetaryAmount:
                r.amounts.add(s)
            art = _article_of_graph(c)
            if art is not None:
                r.mentioned_in[s].add(art)
        elif p == RDFS.label and isinstance(o, Literal):
            text = str(o).strip()
            if text:
                lang = (o.language or "").lower()[:2]
                if lang in ("en", "ko"):
                    old = r.labels[s].get(lang)
                    r.labels[s][lang] = text if old is None else min(old, text)
                r.names[s].add(text)
        elif p == SKOS.altLabel and isinstance(o, Literal):
            text = str(o).strip()
            if text:
                r.names[s].add(text)
        elif p in _RELATION_BY_IRI:
            r.plain.add((s, _RELATION_BY_IRI[p], o))
        elif p in (RDF.subject, RDF.predicate, RDF.object):
            r.fact_parts[s][p.fragment or str(p).rsplit("#", 1)[-1]] = o
        elif p == KG.supports:
            r.evidence[s]["fact"] = o
            art = _article_of_graph(c)
            if art is not None:
                r.evidence[s].setdefault("context_article", art)
        elif p == PROV.wasDerivedFrom:
            r.evidence[s]["article"] = o
        elif p == KG.sentence:
            r.evidence[s]["sentence"] = str(o)
        elif p == KG.confidence:
            r.evidence[s]["confidence"] = o
        elif p == KG.modality:
            r.evidence[s]["modality"] = o
        elif p == SCHEMA.headline:
            r.headline[s] = str(o)
        elif p == SCHEMA.datePublished:
            r.published[s] = str(o)[:10]
        elif p == SCHEMA.value:
            r.amount_value[s] = str(o)
        elif p == SCHEMA.currency:
            r.amount_currency[s] = str(o)
    return r


def _modality(term: object) -> str:
    text = str(term) if term is not None else ""
    if text.startswith(_KG_NS):
        return text[len(_KG_NS):].lower()
    return text.lower() or "asserted"


def _confidence(term: object) -> float | None:
    if term is None:
        return None
    try:
        return round(float(str(term)), 4)
    except ValueError:
        return None


def _evidence_by_fact(r: _Read) -> dict[object, list[ViewEvidence]]:
    out: dict[object, list[ViewEvidence]] = defaultdict(list)
    for ev in r.evidence.values():
        fact = ev.get("fact")
        if fact is None:
            continue
        art = ev.get("article") or ev.get("context_article")
        out[fact].append(
            ViewEvidence(
                sentence=str(ev.get("sentence", "")),
                headline=r.headline.get(art, "") if art is not None else "",
                date=r.published.get(art) if art is not None else None,
                confidence=_confidence(ev.get("confidence")),
                modality=_modality(ev.get("modality")),
                article=str(art) if art is not None else "",
            )
        )
    return out


def _sort_evidence(items: list[ViewEvidence]) -> tuple[ViewEvidence, ...]:
    return tuple(sorted(set(items), key=lambda e: (e.date or "", e.article, e.sentence, e.modality)))


def _is_node(term: object) -> bool:
    return isinstance(term, (URIRef, BNode))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entities and relations of ``graph`` as a networkx multigraph.

    Nodes are entity IRIs (strings) with ``type``, ``label_en``, ``label_ko``, ``names``
    and ``dates``; edges are keyed by relation and carry ``relation``, ``stated`` and
    ``evidence`` (a tuple of :class:`ViewEvidence`). Money-valued facts are kept on the
    subject node under ``amounts``. Nodes and edges are added in sorted order so the result
    is the same for the same graph.
    """
    r = _read(graph)
    evidence = _evidence_by_fact(r)

    edges: dict[tuple[str, str, str], dict] = {}
    amounts: dict[tuple[str, str, str, str], list[ViewEvidence]] = {}

    def amount_key(s: object, rel: str, o: object) -> tuple[str, str, str, str]:
        return (str(s), rel, r.amount_value.get(o, str(o)), r.amount_currency.get(o, ""))

    for s, rel, o in r.plain:
        if rel in AMOUNT_RELATIONS or o in r.amounts or isinstance(o, Literal):
            amounts.setdefault(amount_key(s, rel, o), [])
        elif _is_node(s) and _is_node(o):
            e = edges.setdefault((str(s), rel, str(o)), {"stated": False, "evidence": []})
            e["stated"] = True
    for fact, parts in r.fact_parts.items():
        s, p, o = parts.get("subject"), parts.get("predicate"), parts.get("object")
        rel = _RELATION_BY_IRI.get(p)
        if rel is None or s is None or o is None:
            continue
        evs = evidence.get(fact, [])
        if rel in AMOUNT_RELATIONS or o in r.amounts or isinstance(o, Literal):
            amounts.setdefault(amount_key(s, rel, o), []).extend(evs)
        elif _is_node(s) and _is_node(o):
            e = edges.setdefault((str(s), rel, str(o)), {"stated": False, "evidence": []})
            e["evidence"].extend(evs)
            if any(ev.modality in STATED_MODALITIES for ev in evs):
                e["stated"] = True

    g = nx.MultiDiGraph()
    node_terms = {t for t in r.types}
    node_terms.update(URIRef(s) for s, _, _ in edges)
    node_terms.update(URIRef(o) for _, _, o in edges)
    for term in sorted(node_terms, key=str):
        labels = r.labels.get(term, {})
        fallback = str(term).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or str(term)
        en = labels.get("en") or labels.get("ko") or fallback
        ko = labels.get("ko") or labels.get("en") or fallback
        names = set(r.names.get(term, ())) | {en, ko}
        dates = {r.published[a] for a in r.mentioned_in.get(term, ()) if a in r.published}
        g.add_node(
            str(term),
            type=r.types.get(term, UNKNOWN_TYPE),
            label_en=en,
            label_ko=ko,
            names=tuple(sorted(names)),
            dates=dates,
            amounts=[],
        )
    for (s, rel, o) in sorted(edges):
        e = edges[(s, rel, o)]
        evs = _sort_evidence(e["evidence"])
        g.add_edge(s, o, key=rel, relation=rel, stated=e["stated"], evidence=evs)
        for node in (s, o):
            g.nodes[node]["dates"].update(ev.date for ev in evs if ev.date)
    for key in sorted(amounts):
        s, rel, value, currency = key
        if s not in g:
            continue
        g.nodes[s]["amounts"].append(
            ViewAmount(s, rel, value, currency, _sort_evidence(amounts[key]))
        )
    for _, data in g.nodes(data=True):
        data["dates"] = tuple(sorted(data["dates"]))
        data["amounts"] = tuple(data["amounts"])
    return g


# ---------------------------------------------------------------- importance and layout


def importance(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the undirected graph, scaled so the top node is 1.0.

    Undirected because a company that releases many models matters as much as the models;
    directed PageRank would leave every pure subject at the floor.
    """
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    for s, o, data in g.edges(data=True):
        w = 1 + len(data.get("evidence", ()))
        if simple.has_edge(s, o):
            simple[s][o]["weight"] += w
        else:
            simple.add_edge(s, o, weight=w)
    try:
        rank = nx.pagerank(simple, weight="weight", max_iter=200, tol=1e-8)
    except (nx.PowerIterationFailedConvergence, ImportError) as exc:
        log.warning("PageRank failed (%s); using degree for importance", exc)
        rank = {n: float(d) for n, d in simple.degree(weight="weight")}
    top = max(rank.values()) or 1.0
    return {n: round(v / top, 6) for n, v in rank.items()}


def ranked(scores: dict[str, float]) -> list[str]:
    """Node ids, most important first, ties broken by id."""
    return sorted(scores, key=lambda n: (-scores[n], n))


def layout(
    g: nx.MultiDiGraph, order: list[str], *, core_size: int = 300, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node, the same for the same graph.

    Small graphs get a spring layout of everything. Large ones get a spring layout of the
    ``core_size`` most important nodes (what the first view shows) and every other node is
    placed on a small spiral around its most important already-placed neighbour, so a
    neighbourhood revealed on demand appears next to the node it belongs to; nodes not
    connected to the core go on a grid to the right. That part is O(nodes + edges).
    """
    n = len(order)
    if n == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(order)
    simple.add_edges_from((s, o) for s, o in g.edges() if s != o)
    if n <= SPRING_LIMIT:
        core = order
    else:
        core = order[:core_size]
    # about what vis physics settles to, so the first frames do not jump
    scale = 45.0 * math.sqrt(len(core)) + 150.0
    sub = simple.subgraph(core)
    linked = [node for node in core if sub.degree(node) > 0]
    lonely = [node for node in core if sub.degree(node) == 0]
    pos: dict[str, tuple[float, float]] = {}
    if linked:
        start = nx.circular_layout(linked, scale=1.0)
        pos_core = nx.spring_layout(
            sub.subgraph(linked), pos=start, seed=seed,
            iterations=50 if len(linked) <= 200 else 30, scale=1.0,
        )
        pos = {node: (float(xy[0]) * scale, float(xy[1]) * scale) for node, xy in pos_core.items()}
    # spring layouts push unlinked nodes to the far corners, which makes the fitted first
    # view tiny; a ring just outside the linked part keeps them in sight
    ring = scale * (1.15 if linked else 0.5)
    for k, node in enumerate(lonely):
        angle = 2 * math.pi * k / len(lonely)
        pos[node] = (ring * math.cos(angle), ring * math.sin(angle))
    if n == len(core):
        return _rounded(pos)

    rank = {node: i for i, node in enumerate(order)}
    children: dict[str, int] = defaultdict(int)
    # breadth-first from the core, most important parents first, so positions do not
    # depend on dict order
    frontier = list(core)
    step = 60.0
    while frontier:
        nxt: list[str] = []
        for parent in frontier:
            px, py = pos[parent]
            for child in sorted(simple.neighbors(parent), key=rank.__getitem__):
                if child in pos:
                    continue
                k = children[parent]
                children[parent] = k + 1
                radius = step * (1.0 + 0.35 * math.sqrt(k))
                angle = k * _GOLDEN_ANGLE
                pos[child] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
                nxt.append(child)
        frontier = nxt

    rest = [node for node in order if node not in pos]
    if rest:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        left, top = max(xs) + 4 * step, min(ys)
        cols = max(1, int(math.sqrt(len(rest))))
        for i, node in enumerate(rest):
            pos[node] = (left + (i % cols) * step, top + (i // cols) * step)
    return _rounded(pos)


def _rounded(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in pos.items()}


def build_view(graph: Graph | nx.MultiDiGraph, *, core_size: int = 300) -> ViewModel:
    """Read ``graph`` (or a multigraph from :func:`to_networkx`) into a :class:`ViewModel`."""
    g = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)
    scores = importance(g)
    order = ranked(scores)
    pos = layout(g, order, core_size=core_size)
    nodes = []
    amounts: list[ViewAmount] = []
    for node in order:
        d = g.nodes[node]
        x, y = pos[node]
        nodes.append(
            ViewNode(
                id=node,
                type=d["type"],
                label_en=d["label_en"],
                label_ko=d["label_ko"],
                names=d["names"],
                importance=scores[node],
                x=x,
                y=y,
                dates=d["dates"],
            )
        )
        amounts.extend(d["amounts"])
    edges = tuple(
        ViewEdge(s, o, data["relation"], data["evidence"], data["stated"])
        for s, o, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[2]["relation"], e[1]))
    )
    return ViewModel(tuple(nodes), edges, tuple(amounts))
