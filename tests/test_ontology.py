"""The ontology file, its sync with kg/graph/vocab.py, and SHACL validation of built graphs."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph_samples import corpus
from kg.errors import OntologyError
from kg.graph import iri
from kg.graph._ontology import ontology_file
from kg.graph.rdf import article_graph, merged_graph, to_dataset
from kg.graph.validate import ValidationReport, validate
from kg.graph.vocab import KG, ONTOLOGY, SCHEMA
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, ENTITY_TYPES, Amount

KG_NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_file("kg.ttl"), format="turtle")


def _defined_terms(g: Graph) -> set[str]:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    return {str(s)[len(KG_NS):] for s, _, k in g.triples((None, RDF.type, None)) if k in kinds and str(s).startswith(KG_NS)}


def _vocab_terms() -> set[str]:
    return set(KG.__annotations__)


def test_ontology_files_are_found_in_the_repository_folder():
    repo = Path(__file__).resolve().parents[1] / "ontologies"
    assert ontology_file("kg.ttl") == repo / "kg.ttl"
    assert ontology_file("shapes.ttl") == repo / "shapes.ttl"
    with pytest.raises(OntologyError, match="not found"):
        ontology_file("nope.ttl")


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_ontology_files_parse_strictly(name):
    assert len(list(ox.parse(path=str(ontology_file(name))))) > 100


def test_vocab_and_ontology_define_the_same_terms(ontology):
    assert _vocab_terms() == _defined_terms(ontology)
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology


def test_every_term_has_english_and_korean_label_and_comment(ontology):
    for term in sorted(_defined_terms(ontology)):
        node = KG[term]
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(node, prop)}
            assert {"en", "ko"} <= langs, (term, prop)


def _classes(g: Graph, node) -> set[str]:
    members = g.value(node, OWL.unionOf)
    nodes = list(Collection(g, members)) if members is not None else [node]
    return {str(n)[len(KG_NS):] for n in nodes}


def test_relation_domains_and_ranges_follow_the_schema(ontology):
    for name, (subjects, objects) in ENTITY_RELATIONS.items():
        prop = KG[name]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        assert _classes(ontology, ontology.value(prop, RDFS.domain)) == set(subjects), name
        assert _classes(ontology, ontology.value(prop, RDFS.range)) == set(objects), name
    for name, subjects in AMOUNT_RELATIONS.items():
        prop = KG[name]
        assert _classes(ontology, ontology.value(prop, RDFS.domain)) == set(subjects), name
        assert ontology.value(prop, RDFS.range) == KG.MonetaryAmount
    for name in ENTITY_TYPES:
        assert (KG[name], RDF.type, OWL.Class) in ontology


def test_built_graphs_conform():
    ds = to_dataset(corpus())
    for g in [article_graph(e) for e in corpus()] + [merged_graph(ds)]:
        report = validate(g)
        assert report.conforms, report.text
        assert report.violations == ()
    assert validate(ds).conforms


def _broken(change) -> ValidationReport:
    g = article_graph(corpus()[0])
    change(g)
    return validate(g)


def _evidence(g: Graph):
    return sorted(g.subjects(RDF.type, KG.Evidence))[0]


CASES = {
    "start not before end": lambda g: g.set((_evidence(g), KG.startOffset, Literal(10_000))),
    "confidence above one": lambda g: g.set((_evidence(g), KG.confidence, Literal(Decimal("1.5")))),
    "confidence not decimal": lambda g: g.set((_evidence(g), KG.confidence, Literal("high"))),
    "two sentences": lambda g: g.add((_evidence(g), KG.sentence, Literal("another", lang="en"))),
    "no sentence": lambda g: g.remove((_evidence(g), KG.sentence, None)),
    "unknown modality": lambda g: g.set((_evidence(g), KG.modality, KG.Company)),
    "supports no fact": lambda g: g.set((_evidence(g), KG.supports, iri.entity_iri("lumen-7"))),
    "article without hash": lambda g: g.remove((None, KG.contentHash, None)),
    "entity without label": lambda g: g.remove((iri.entity_iri("quill-2"), RDFS.label, None)),
    "bad currency": lambda g: g.set((iri.amount_iri(Amount(Decimal("12000000"), "USD")), SCHEMA.currency, Literal("usd"))),
    "two amount values": lambda g: g.add((iri.amount_iri(Amount(Decimal("12000000"), "USD")), SCHEMA.value, Literal(Decimal("1.0")))),
    "wrong subject class": lambda g: g.add((iri.entity_iri("lumen-7"), KG.released, iri.entity_iri("quill-2"))),
    "wrong object class": lambda g: g.add((iri.entity_iri("nimbus-forge"), KG.released, iri.entity_iri("tern-t1"))),
    "amount relation to an entity": lambda g: g.add((iri.entity_iri("lumen-7"), KG.developmentCost, iri.entity_iri("quill-2"))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_graphs_are_reported(case):
    report = _broken(CASES[case])
    assert not report.conforms
    assert report.violations
    assert all(v.severity == "Violation" and v.focus for v in report.violations)
    with pytest.raises(OntologyError, match="does not conform"):
        report.raise_for_violations()


def test_violation_names_focus_and_path():
    report = _broken(CASES["confidence above one"])
    (violation,) = report.violations
    assert violation.focus.startswith("ev:")
    assert violation.path == "kg:confidence"
    assert "confidence" in violation.message
