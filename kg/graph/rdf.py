"""Turn :class:`~kg.model.Extraction` objects into RDF: one self-contained named graph per article.

Layout (documented with example SPARQL in ``docs/rdf-model.md``):

* ``GRAPH[sha]`` holds everything one article contributes, so removing an article is
  dropping its graph: the ``schema:NewsArticle`` description of ``ART[sha]``; ``rdf:type``,
  ``rdfs:label``, ``skos:altLabel`` and ``owl:sameAs`` of every entity its facts mention; the
  plain triple ``ENT[s] kg:<p> ENT[o]`` of each *stated* fact (asserted or claimed); and the
  provenance nodes below. Entity descriptions are repeated in every graph that needs them;
  being identical triples, they collapse in the union.
* Provenance is reification with PROV-O. ``FACT[h]`` (``kg:Fact``, ``rdf:Statement``) carries
  ``rdf:subject``/``rdf:predicate``/``rdf:object``; ``h`` hashes (s, p, o) only, so the same fact
  from two articles is one node. ``EVID[h2]`` (``kg:Evidence``, ``prov:Entity``) with
  ``h2 = hash(sha, h, start)`` says which sentence of which article supports it, with offsets,
  confidence, modality, extractor (``prov:wasGeneratedBy``), claimant and event date.
* Facts that are only planned, reported or negated get Fact/Evidence nodes but no plain
  triple: a plain triple is a claim the graph makes, and the text did not make it.
* Amounts are ``AMT["USD-5576000"]`` nodes (``kg:MonetaryAmount``, ``schema:MonetaryAmount``).
* The merged view (:func:`merged_graph`) is the union of the article graphs plus
  ``kg:supportCount`` on each fact: the number of distinct articles with evidence for it.

A fact that would break the shapes (unknown entity or predicate, wrong types, bad offsets or
confidence) is skipped with a warning naming the article, so one bad fact never loses an
article, and the built graph always conforms to ``ontologies/shapes.ttl``.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from math import isfinite
from urllib.parse import urlsplit

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef

from kg.errors import InputError
from kg.graph import iri
from kg.graph.vocab import KG, PROV, SCHEMA, bind_prefixes
from kg.model import (
    AMOUNT_RELATIONS,
    ENTITY_RELATIONS,
    ENTITY_TYPES,
    MODALITIES,
    Amount,
    Article,
    Entity,
    Extraction,
    Fact,
)

log = logging.getLogger(__name__)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")
_URL_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f]")


def _lang(tag: str | None) -> str | None:
    return tag if tag and _LANG_TAG.fullmatch(tag) else None


def _text(value: str, lang: str | None) -> Literal:
    return Literal(value, lang=_lang(lang))


def _decimal(value: Decimal | float) -> Literal:
    # repr() of a float is its shortest round-tripping form, so 0.1 stays "0.1".
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    lexical = iri.decimal_lexical(number)
    # XSD's canonical decimal always has a point; serializers write 5.0, so build it that way.
    return Literal(lexical if "." in lexical else lexical + ".0", datatype=XSD.decimal)


def _valid_url(url: str | None) -> bool:
    if not url or _URL_FORBIDDEN.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _article_triples(article: Article, sha: str) -> Iterator[Triple]:
    node = iri.article_iri(sha)
    lang = _lang(article.lang)
    yield node, RDF.type, SCHEMA.NewsArticle
    yield node, KG.contentHash, Literal(sha)
    yield node, KG.articleId, Literal(article.id)
    if lang:
        yield node, SCHEMA.inLanguage, Literal(lang)
    if article.title:
        yield node, SCHEMA.headline, _text(article.title, lang)
    if article.date:
        yield node, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date)
    if _valid_url(article.url):
        yield node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    elif article.url:
        log.warning("%s: url %r is not an absolute http(s) URL; left out", _where(article), article.url)
    if article.source:
        yield node, KG.sourceFile, Literal(article.source)


def _entity_triples(entity: Entity, where: str) -> Iterator[Triple]:
    node = iri.entity_iri(entity.key)
    yield node, RDF.type, KG[entity.type]
    names = {name for _, name in entity.names if name}
    for lang, name in entity.names:
        if name:
            yield node, RDFS.label, _text(name, lang)
    if not names:  # the shapes require a label; the key is the only name we have
        yield node, RDFS.label, Literal(entity.key)
    for alias in entity.aliases:
        if alias and alias not in names:
            yield node, SKOS.altLabel, Literal(alias, lang="ko" if _HANGUL.search(alias) else "en")
    if entity.wikidata:
        try:
            yield node, OWL.sameAs, iri.wikidata_iri(entity.wikidata)
        except InputError as exc:
            log.warning("%s: entity %r: %s; owl:sameAs left out", where, entity.key, exc)


def _amount_triples(amount: Amount) -> Iterator[Triple]:
    node = iri.amount_iri(amount)
    yield node, RDF.type, KG.MonetaryAmount
    yield node, RDF.type, SCHEMA.MonetaryAmount
    yield node, SCHEMA.value, _decimal(amount.value)
    yield node, SCHEMA.currency, Literal(amount.currency)


def _fact_problem(fact: Fact, entities: dict[str, Entity]) -> str | None:
    """Why ``fact`` cannot go into the graph, or None when it can."""
    subject = entities.get(fact.subject)
    if subject is None:
        return f"subject {fact.subject!r} is not among the article's entities"
    if fact.modality not in MODALITIES:
        return f"unknown modality {fact.modality!r}"
    if fact.predicate in ENTITY_RELATIONS:
        subject_types, object_types = ENTITY_RELATIONS[fact.predicate]
        if isinstance(fact.object, Amount):
            return f"{fact.predicate} needs an entity object, got an amount"
        obj = entities.get(fact.object)
        if obj is None:
            return f"object {fact.object!r} is not among the article's entities"
        if obj.type not in object_types:
            return f"{fact.predicate} cannot have a {obj.type} object"
    elif fact.predicate in AMOUNT_RELATIONS:
        subject_types = AMOUNT_RELATIONS[fact.predicate]
        if not isinstance(fact.object, Amount):
            return f"{fact.predicate} needs an amount object, got {fact.object!r}"
        try:
            iri.amount_key(fact.object)
        except InputError as exc:
            return str(exc)
    else:
        return f"unknown predicate {fact.predicate!r}"
    if subject.type not in subject_types:
        return f"{fact.predicate} cannot have a {subject.type} subject"
    if not 0 <= fact.start < fact.end:
        return f"offsets {fact.start}..{fact.end} are not 0 <= start < end"
    if not (isfinite(fact.confidence) and 0 <= fact.confidence <= 1):
        return f"confidence {fact.confidence!r} is not in [0, 1]"
    if not fact.extractor:
        return "no extractor named"
    return None


def _preference(fact: Fact) -> tuple:
    """Sort key choosing one fact among duplicates of the same evidence node, whatever their order."""
    return (
        -fact.confidence,
        MODALITIES.index(fact.modality),
        fact.extractor,
        fact.end,
        fact.sentence,
        fact.claimant or "",
        fact.event_date.isoformat() if fact.event_date else "",
    )


def _where(article: Article) -> str:
    return article.source or article.id


def _fact_triples(fact: Fact, sha: str, lang: str | None, claimant_ok: bool) -> Iterator[Triple]:
    digest = iri.fact_hash(fact.subject, fact.predicate, fact.object)
    fact_node = iri.fact_iri(fact.subject, fact.predicate, fact.object)
    evidence = iri.evidence_iri(sha, digest, fact.start)
    subject, predicate, obj = iri.entity_iri(fact.subject), KG[fact.predicate], iri.object_iri(fact.object)
    agent = iri.agent_iri(fact.extractor)

    if fact.stated:
        yield subject, predicate, obj
    if isinstance(fact.object, Amount):
        yield from _amount_triples(fact.object)
    yield fact_node, RDF.type, KG.Fact
    yield fact_node, RDF.type, RDF.Statement
    yield fact_node, RDF.subject, subject
    yield fact_node, RDF.predicate, predicate
    yield fact_node, RDF.object, obj

    yield evidence, RDF.type, KG.Evidence
    yield evidence, RDF.type, PROV.Entity
    yield evidence, KG.supports, fact_node
    yield evidence, PROV.wasDerivedFrom, iri.article_iri(sha)
    yield evidence, KG.sentence, _text(fact.sentence, lang)
    yield evidence, KG.startOffset, Literal(int(fact.start))
    yield evidence, KG.endOffset, Literal(int(fact.end))
    yield evidence, KG.confidence, _decimal(fact.confidence)
    yield evidence, KG.modality, KG[fact.modality.capitalize()]
    yield evidence, PROV.wasGeneratedBy, agent
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal(fact.extractor)
    if fact.claimant and claimant_ok:
        yield evidence, KG.claimant, iri.entity_iri(fact.claimant)
    if fact.event_date:
        yield evidence, KG.eventDate, Literal(fact.event_date, datatype=XSD.date)


def _triples(extraction: Extraction) -> Iterator[Triple]:
    article = extraction.article
    where = _where(article)
    sha = article.sha256
    lang = _lang(article.lang)
    entities: dict[str, Entity] = {}
    for entity in extraction.entities:
        if entity.type not in ENTITY_TYPES:
            log.warning("%s: entity %r has unknown type %r; left out", where, entity.key, entity.type)
        elif not entity.key:
            log.warning("%s: an entity has an empty key; left out", where)
        else:
            entities.setdefault(entity.key, entity)

    yield from _article_triples(article, sha)

    # One evidence node per (fact, start): among duplicates keep one, chosen by content.
    chosen: dict[URIRef, Fact] = {}
    for fact in extraction.facts:
        problem = _fact_problem(fact, entities)
        if problem:
            log.warning("%s: fact %s %s %s skipped: %s", where, fact.subject, fact.predicate, fact.object, problem)
            continue
        digest = iri.fact_hash(fact.subject, fact.predicate, fact.object)
        node = iri.evidence_iri(sha, digest, fact.start)
        if node not in chosen or _preference(fact) < _preference(chosen[node]):
            chosen[node] = fact

    mentioned: set[str] = set()
    for fact in chosen.values():
        claimant_ok = fact.claimant is None or fact.claimant in entities
        if not claimant_ok:
            log.warning("%s: claimant %r is not among the article's entities; left out", where, fact.claimant)
        mentioned.update(k for k in (fact.subject, fact.object, fact.claimant if claimant_ok else None) if isinstance(k, str))
        yield from _fact_triples(fact, sha, lang, claimant_ok)
    for key in sorted(mentioned):
        yield from _entity_triples(entities[key], where)


def article_graph(extraction: Extraction) -> Graph:
    """All triples one article contributes (the content of its named graph ``GRAPH[sha]``)."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in _triples(extraction):
        graph.add(triple)
    return graph


def to_dataset(extractions: Iterable[Extraction], *, dataset: Dataset | None = None) -> Dataset:
    """One named graph ``GRAPH[sha]`` per article, added to ``dataset`` (a new one by default).

    An article already in ``dataset`` has its graph replaced. Extractions of the same text
    (same sha256) are merged into one graph, so the result does not depend on input order.
    """
    if dataset is None:
        dataset = Dataset()
    bind_prefixes(dataset)
    by_sha: dict[str, list[Extraction]] = defaultdict(list)
    for extraction in extractions:
        by_sha[extraction.article.sha256].append(extraction)
    for sha in sorted(by_sha):
        name = iri.graph_iri(sha)
        if len(by_sha[sha]) > 1:
            ids = sorted(e.article.id for e in by_sha[sha])
            log.warning("articles %s have the same text; their facts share one graph", ", ".join(ids))
        dataset.remove_graph(name)
        context = dataset.graph(name)
        triples = {t for e in by_sha[sha] for t in _triples(e)}
        dataset.addN((s, p, o, context) for s, p, o in triples)
    return dataset


def merged_graph(dataset: Dataset) -> Graph:
    """The union of all graphs of ``dataset`` plus ``kg:supportCount`` on every fact."""
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        if p != KG.supportCount:  # recomputed below, so a merged input is not counted twice
            graph.add((s, p, o))
    for fact in sorted(set(graph.subjects(RDF.type, KG.Fact))):
        articles = {
            article
            for evidence in graph.subjects(KG.supports, fact)
            for article in graph.objects(evidence, PROV.wasDerivedFrom)
        }
        if articles:
            graph.add((fact, KG.supportCount, Literal(len(articles))))
    return graph
