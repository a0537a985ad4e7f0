"""Extraction → RDF: layout, determinism, self-contained article graphs, hostile keys."""
from __future__ import annotations

import logging
import random
import unicodedata
from dataclasses import replace
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal
from rdflib.compare import isomorphic

from graph_samples import ENTITIES, corpus, make_extraction, usd
from kg.graph import iri
from kg.graph.rdf import article_graph, merged_graph, to_dataset
from kg.graph.vocab import ART, GRAPH, KG, PROV, SCHEMA, WIKIDATA
from kg.model import Amount, Entity


def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _same_dataset(a: Dataset, b: Dataset) -> bool:
    ga, gb = _graphs(a), _graphs(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


def test_one_named_graph_per_article():
    extractions = corpus()
    ds = to_dataset(extractions)
    expected = {str(GRAPH[e.article.sha256]) for e in extractions}
    assert set(_graphs(ds)) == expected
    assert len(ds.default_graph) == 0


def test_dataset_is_the_same_over_runs_and_input_orders():
    first = to_dataset(corpus())
    for seed in range(3):
        shuffled = corpus()
        random.Random(seed).shuffle(shuffled)
        shuffled = [replace(e, facts=tuple(reversed(e.facts)), entities=tuple(reversed(e.entities))) for e in shuffled]
        assert _same_dataset(first, to_dataset(shuffled))


def test_article_graph_is_self_contained():
    extraction = corpus()[0]
    g = article_graph(extraction)
    sha = extraction.article.sha256
    art = ART[sha]
    assert (art, RDF.type, SCHEMA.NewsArticle) in g
    assert g.value(art, KG.contentHash) == Literal(sha)
    assert g.value(art, SCHEMA.datePublished) == Literal("2025-03-01", datatype=XSD.date)
    assert g.value(art, SCHEMA.url).datatype == XSD.anyURI
    assert g.value(art, SCHEMA.headline).language == "en"
    # every IRI used as subject or object of a fact node is described in the same graph
    for fact in g.subjects(RDF.type, KG.Fact):
        for end in (g.value(fact, RDF.subject), g.value(fact, RDF.object)):
            assert g.value(end, RDF.type) is not None, end
            assert g.value(end, RDFS.label) is not None or g.value(end, SCHEMA.value) is not None


def test_entity_description_labels_aliases_and_sameas():
    g = article_graph(corpus()[0])
    node = iri.entity_iri("nimbus-forge")
    assert (node, RDF.type, KG.Company) in g
    assert set(g.objects(node, RDFS.label)) == {Literal("Nimbus Forge", lang="en"), Literal("님버스포지", lang="ko")}
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("NimbusForge", lang="en")}
    assert g.value(node, OWL.sameAs) == WIKIDATA["Q999999001"]
    # a Hangul alias is tagged @ko
    g3 = article_graph(corpus()[2])
    assert Literal("코르비드", lang="ko") in set(g3.objects(iri.entity_iri("corvid"), SKOS.altLabel))


def test_only_stated_facts_get_plain_triples():
    g = article_graph(corpus()[2])
    mia, sda = iri.entity_iri("mia"), iri.entity_iri("sda")
    assert (mia, KG.repealed, sda) not in g  # planned
    fact = iri.fact_iri("mia", "repealed", "sda")
    assert (fact, RDF.type, KG.Fact) in g
    evidence = next(g.subjects(KG.supports, fact))
    assert g.value(evidence, KG.modality) == KG.Planned
    assert (iri.entity_iri("corvid"), KG.manufactures, iri.entity_iri("tern-t1")) in g


def test_evidence_node_fields():
    extraction = corpus()[0]
    g = article_graph(extraction)
    fact = iri.fact_iri("lumen-7", "developmentCost", usd("12000000"))
    (evidence,) = list(g.subjects(KG.supports, fact))
    f = extraction.facts[2]
    assert g.value(evidence, KG.sentence) == Literal(f.sentence, lang="en")
    assert extraction.article.text[f.start : f.end] == f.sentence
    assert g.value(evidence, KG.startOffset) == Literal(f.start)
    assert g.value(evidence, KG.endOffset) == Literal(f.end)
    assert g.value(evidence, KG.confidence) == Literal("0.75", datatype=XSD.decimal)
    assert g.value(evidence, KG.modality) == KG.Claimed
    assert g.value(evidence, KG.claimant) == iri.entity_iri("nimbus-forge")
    assert g.value(evidence, PROV.wasDerivedFrom) == ART[extraction.article.sha256]
    assert g.value(evidence, PROV.wasGeneratedBy) == iri.agent_iri("rules")


def test_amount_node():
    g = article_graph(corpus()[2])
    amount = iri.amount_iri(usd("2500000000"))
    assert str(amount).endswith("/amount/USD-2500000000")
    assert (amount, RDF.type, KG.MonetaryAmount) in g
    assert (amount, RDF.type, SCHEMA.MonetaryAmount) in g
    assert g.value(amount, SCHEMA.value).toPython() == Decimal("2500000000")
    assert g.value(amount, SCHEMA.currency) == Literal("USD")
    # equal values written differently are the same node
    assert iri.amount_iri(Amount(Decimal("2.5E+9"), "USD")) == amount


def test_same_fact_from_two_articles_is_one_node_with_support_count():
    ds = to_dataset(corpus())
    merged = merged_graph(ds)
    released = iri.fact_iri("nimbus-forge", "released", "lumen-7")
    assert len(list(merged.subjects(KG.supports, released))) == 2
    assert merged.value(released, KG.supportCount) == Literal(2)
    assert merged.value(iri.fact_iri("corvid", "manufactures", "tern-t1"), KG.supportCount) == Literal(1)
    # merging a merged view again does not double the counts
    again = Dataset()
    again.default_graph.addN((s, p, o, again.default_graph) for s, p, o in merged)
    assert merged_graph(again).value(released, KG.supportCount) == Literal(2)


def test_removing_an_article_is_dropping_its_graph():
    extractions = corpus()
    ds = to_dataset(extractions)
    ds.remove_graph(GRAPH[extractions[1].article.sha256])
    assert _same_dataset(ds, to_dataset([extractions[0], extractions[2]]))


def test_re_adding_an_article_replaces_its_graph():
    extractions = corpus()
    ds = to_dataset(extractions)
    fewer = replace(extractions[0], facts=extractions[0].facts[:1])
    to_dataset([fewer], dataset=ds)
    assert _same_dataset(ds, to_dataset([fewer, *extractions[1:]]))


def test_bad_facts_are_skipped_with_a_warning(caplog):
    good = corpus()[0]
    bad_facts = (
        replace(good.facts[0], subject="nobody"),
        replace(good.facts[0], predicate="owns"),
        replace(good.facts[0], object="tern-t1"),  # released needs an AIModel
        replace(good.facts[0], start=10, end=5),
        replace(good.facts[0], confidence=1.5),
        replace(good.facts[0], modality="rumoured"),
        replace(good.facts[2], object="lumen-7"),  # developmentCost needs an amount
    )
    broken = replace(good, facts=good.facts + bad_facts)
    with caplog.at_level(logging.WARNING, logger="kg.graph.rdf"):
        g = article_graph(broken)
    assert isomorphic(g, article_graph(good))
    assert len([r for r in caplog.records if "skipped" in r.message]) == len(bad_facts)
    assert all("en-1.txt" in r.message for r in caplog.records)


def test_duplicate_evidence_keeps_one_choice_whatever_the_order():
    base = corpus()[0]
    twin = replace(base.facts[0], confidence=0.4, extractor="other")
    a = article_graph(replace(base, facts=base.facts + (twin,)))
    b = article_graph(replace(base, facts=(twin,) + base.facts))
    assert isomorphic(a, b)
    assert isomorphic(a, article_graph(base))  # the more confident one wins


def test_invalid_url_and_wikidata_are_left_out():
    e = make_extraction(
        "odd", "en", None, "t", [("corvid", "manufactures", "tern-t1", "Corvid makes chips.", {})],
        entities={**ENTITIES, "corvid": replace(ENTITIES["corvid"], wikidata="not-a-qid")},
        url="javascript:alert(1)",
    )
    g = article_graph(e)
    assert g.value(ART[e.article.sha256], SCHEMA.url) is None
    assert g.value(iri.entity_iri("corvid"), OWL.sameAs) is None


HOSTILE_KEYS = [
    "has space",
    'angle<>quote"brace{}pipe|back\\caret^tick`',
    "new\nline\ttab",
    "emoji-🤖-key",
    "percent%20already",
    unicodedata.normalize("NFD", "한글키"),
    "#fragment?query&x=1",
    "../../etc/passwd",
]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_hostile_keys_make_strictly_valid_iris(key):
    company = Entity(key, "Company", (("en", f"Name {key}"),), aliases=(key,))
    model = Entity(key + "-model", "AIModel", (("ko", "모델"),))
    e = make_extraction(
        "hostile", "en", None, "t", [(key, "released", key + "-model", "It released a model.", {})],
        entities={key: company, key + "-model": model},
    )
    ds = to_dataset([e])
    for fmt in ("nquads", "trig"):
        data = ds.serialize(format=fmt, encoding="utf-8")
        quads = list(ox.parse(input=data, format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG))
        assert len(quads) == len(list(ds.quads((None, None, None, None))))
    node = iri.entity_iri(key)
    assert node.startswith("https://w3id.org/aikg/id/")
    assert all(c.isascii() and (c.isalnum() or c in "%._~-") for c in node.rsplit("/", 1)[1])


def test_nfd_and_nfc_keys_mint_the_same_iri_and_distinct_keys_do_not_collide():
    nfc = "한글키"
    assert iri.entity_iri(unicodedata.normalize("NFD", nfc)) == iri.entity_iri(nfc)
    keys = ["a b", "a%20b", "a+b", "a_b", "a-b", "A b"]
    assert len({iri.entity_iri(k) for k in keys}) == len(keys)
