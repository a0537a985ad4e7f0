"""SPARQL: the example queries on a hand-built graph, safe bindings, errors, result formats."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from graph_samples import corpus
from kg.errors import QueryError
from kg.graph.io import write_graph
from kg.graph.rdf import merged_graph, to_dataset
from kg.query.sparql import AskResult, GraphResult, SelectResult, format_result, query

QUERIES = Path(__file__).resolve().parents[1] / "examples" / "queries"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return to_dataset(corpus())


def _run(source, query_file: str, **bindings) -> list[dict]:
    result = query(source, (QUERIES / query_file).read_text(encoding="utf-8"), bindings=bindings)
    assert isinstance(result, SelectResult)
    return result.to_python()


def test_every_example_query_says_what_it_asks_and_runs(dataset):
    files = sorted(QUERIES.glob("*.rq"))
    assert {f.name for f in files} >= {
        "models-by-company.rq", "policies-by-government.rq", "trained-on.rq", "who-leads-what.rq",
        "evidence-for-entity.rq", "support-counts.rq", "facts-in-date-range.rq", "claims.rq", "amounts.rq",
    }
    bindings = {"name": "Lumen-7", "from": date(2025, 1, 1), "to": date(2025, 12, 31)}
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# "), f.name
        result = query(dataset, text, bindings=bindings)
        assert isinstance(result, SelectResult) and len(result) > 0, f.name


@pytest.mark.parametrize("source", ["dataset", "merged"])
def test_models_by_company(dataset, source):
    data = dataset if source == "dataset" else merged_graph(dataset)
    rows = _run(data, "models-by-company.rq")
    assert [(r["company"], r["model"]) for r in rows] == [("Nimbus Forge", "Lumen-7")] * 2
    assert {r["sentence"] for r in rows} == {"Nimbus Forge released Lumen-7 on Monday.", "님버스포지가 루멘-7을 공개했다."}


def test_policies_by_government_keeps_the_modality(dataset):
    rows = _run(dataset, "policies-by-government.rq")
    assert [(r["actor"], r["action"], r["policy"], r["modality"]) for r in rows] == [
        ("Ministry of Imaginary Affairs", "enacted", "Synthetic Data Act", "asserted"),
        ("Ministry of Imaginary Affairs", "repealed", "Synthetic Data Act", "planned"),
    ]


def test_trained_on_and_who_leads_what(dataset):
    assert [(r["model"], r["hardware"]) for r in _run(dataset, "trained-on.rq")] == [("Lumen-7", "Tern T1")]
    leads = _run(dataset, "who-leads-what.rq")
    assert [(r["person"], r["organisation"], r["type"]) for r in leads] == [("Ada Brightwater", "Nimbus Forge", "Company")]


@pytest.mark.parametrize("name", ["Nimbus Forge", "nimbus forge", "님버스포지", "NIMBUSFORGE"])
def test_evidence_for_entity_matches_labels_and_aliases_any_case(dataset, name):
    rows = _run(dataset, "evidence-for-entity.rq", name=name)
    facts = {(r["subject"], r["predicate"], r["object"]) for r in rows}
    assert facts == {
        ("Nimbus Forge", "released", "Lumen-7"),
        ("Ada Brightwater", "leads", "Nimbus Forge"),  # the entity as object
        ("Nimbus Forge", "basedIn", "Freedonia"),
    }
    assert len(rows) == 4  # the released fact has evidence in two articles
    by_headline = {r["headline"]: r for r in rows if r["predicate"] == "released"}
    assert by_headline["Nimbus Forge unveils Lumen-7"]["date"] == date(2025, 3, 1)
    assert by_headline["Nimbus Forge unveils Lumen-7"]["confidence"] == Decimal("0.9")


def test_evidence_for_entity_with_amount_objects(dataset):
    rows = _run(dataset, "evidence-for-entity.rq", name="lumen-7")
    assert ("Lumen-7", "developmentCost", "12000000.0 USD") in {(r["subject"], r["predicate"], r["object"]) for r in rows}


def test_support_counts_on_dataset_and_merged_view(dataset):
    expected = [{"subject": "Nimbus Forge", "predicate": "released", "object": "Lumen-7", "articles": 2}]
    assert _run(dataset, "support-counts.rq") == expected
    assert _run(merged_graph(dataset), "support-counts.rq") == expected


def test_facts_in_date_range(dataset):
    rows = _run(dataset, "facts-in-date-range.rq", **{"from": date(2025, 3, 2), "to": date(2025, 3, 31)})
    assert {r["date"] for r in rows} == {date(2025, 3, 5)}
    assert len(rows) == 4
    assert _run(dataset, "facts-in-date-range.rq", **{"from": date(2024, 1, 1), "to": date(2024, 12, 31)}) == []


def test_claims_with_claimant(dataset):
    rows = _run(dataset, "claims.rq")
    assert {(r["claimant"], r["predicate"], r["object"]) for r in rows} == {
        ("Nimbus Forge", "developmentCost", "12000000.0 USD"),
        ("Nimbus Forge", "outperforms", "Quill-2"),
    }


def test_amounts(dataset):
    rows = _run(dataset, "amounts.rq")
    assert [(r["subject"], r["kind"], r["amount"], r["currency"]) for r in rows] == [
        ("Skyward", "investment", Decimal("2500000000"), "USD"),
        ("Lumen-7", "developmentCost", Decimal("12000000"), "USD"),
    ]


@pytest.mark.parametrize(
    "hostile",
    ['"} ; DROP ALL #', '") } UNION { ?e ?p ?o } #', "Nimbus Forge' || true || '", "\\u0022 . }"],
)
def test_bindings_cannot_inject(dataset, hostile):
    before = len(list(dataset.quads((None, None, None, None))))
    assert _run(dataset, "evidence-for-entity.rq", name=hostile) == []
    assert len(list(dataset.quads((None, None, None, None)))) == before


def test_binding_a_label_that_exists_only_as_hostile_text_matches_it_literally():
    g = Graph()
    odd = '"} ; DROP ALL #'
    g.add((URIRef("http://example.org/x"), URIRef("http://example.org/name"), Literal(odd)))
    result = query(g, "SELECT ?x WHERE { ?x <http://example.org/name> ?n }", bindings={"?n": odd})
    assert result.to_python() == [{"x": "http://example.org/x"}]


def test_bindings_convert_python_values():
    g = Graph()
    s = URIRef("http://example.org/s")
    for p, o in [("i", Literal(3)), ("f", Literal(2.5)), ("d", Literal(date(2025, 1, 2))), ("b", Literal(True))]:
        g.add((s, URIRef("http://example.org/" + p), o))
    q = "ASK { ?s <http://example.org/i> ?i ; <http://example.org/f> ?f ; <http://example.org/d> ?d ; <http://example.org/b> ?b }"
    assert query(g, q, bindings={"i": 3, "f": 2.5, "d": date(2025, 1, 2), "b": True}) == AskResult(True)
    assert query(g, q, bindings={"i": 4}) == AskResult(False)
    with pytest.raises(QueryError, match="cannot bind"):
        query(g, q, bindings={"i": object()})
    with pytest.raises(QueryError, match="variable name"):
        query(g, q, bindings={"i }": 1})


def test_parse_errors_carry_line_and_column():
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        query(Graph(), "SELECT ?x\nWHERE { ?x ?y }")


def test_updates_are_not_queries(dataset):
    with pytest.raises(QueryError):
        query(dataset, "DROP ALL")


def test_construct_gives_a_graph_result(dataset):
    result = query(dataset, "CONSTRUCT { ?s kg:released ?o } WHERE { ?s kg:released ?o }")
    assert isinstance(result, GraphResult)
    assert len(result.graph) == 1


def test_query_accepts_a_file_path(dataset, tmp_path):
    path = write_graph(dataset, tmp_path / "kg.trig")
    assert _run(path, "support-counts.rq")[0]["articles"] == 2


# ---------------------------------------------------------------- formatting

SAMPLE = SelectResult(
    ("name", "node", "when"),
    (
        (Literal("딥러닝 모델", lang="ko"), URIRef("https://w3id.org/aikg/id/%EB%AA%A8%EB%8D%B8"), Literal(date(2025, 1, 2))),
        (Literal("plain"), URIRef("http://example.org/other"), None),
    ),
)


def test_table_aligns_by_display_width_and_hides_datatypes():
    text = format_result(SAMPLE, "table")
    lines = text.splitlines()
    assert lines[0].split() == ["name", "node", "when"]
    assert "^^" not in text and "@ko" not in text
    assert "ent:모델" in lines[2] and "2025-01-02" in lines[2]
    # columns start at the same display column in every line, Hangul counting double
    from kg.query.sparql import _width

    node_col = {_width(line[: line.index(marker)]) for line, marker in zip(lines[2:], ("ent:", "http"))}
    assert len(node_col) == 1


def test_csv_output():
    rows = list(csv.reader(io.StringIO(format_result(SAMPLE, "csv"))))
    assert rows[0] == ["name", "node", "when"]
    assert rows[1] == ["딥러닝 모델", "https://w3id.org/aikg/id/%EB%AA%A8%EB%8D%B8", "2025-01-02"]
    assert rows[2] == ["plain", "http://example.org/other", ""]


def test_json_output_is_sparql_results_json():
    data = json.loads(format_result(SAMPLE, "json"))
    assert data["head"]["vars"] == ["name", "node", "when"]
    first, second = data["results"]["bindings"]
    assert first["name"] == {"type": "literal", "value": "딥러닝 모델", "xml:lang": "ko"}
    assert first["node"]["type"] == "uri"
    assert first["when"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert "when" not in second
    assert json.loads(format_result(AskResult(True), "json")) == {"head": {}, "boolean": True}


def test_ask_and_graph_results_format(dataset):
    assert format_result(AskResult(False), "table") == "false\n"
    graph = query(dataset, "CONSTRUCT { ?s kg:released ?o } WHERE { ?s kg:released ?o }")
    table = format_result(graph, "table")
    assert table.splitlines()[0].split() == ["subject", "predicate", "object"]
    assert "kg:released" in table
    with pytest.raises(QueryError, match="unknown result format"):
        format_result(SAMPLE, "xml")


def test_the_query_in_the_docs_runs(dataset):
    import re

    doc = (QUERIES.parents[1] / "docs" / "rdf-model.md").read_text(encoding="utf-8")
    (sparql,) = re.findall(r"```sparql\n(.*?)```", doc, re.S)
    rows = query(dataset, sparql, bindings={"name": "lumen-7"}).to_python()
    assert len(rows) == len(_run(dataset, "evidence-for-entity.rq", name="lumen-7")) == 5
