"""Issue 4, proved on the real example graph: provenance, time, claims, the store and the endpoint.

Each "Done when" of issue 4 is one block below. The examples (examples/articles) are built
once per module with the Python API and once with ``kg build --store``; everything else is
checked against those two builds. Expected values are computed from the graph with rdflib's
triple API (or from what ingest read), never written down, so the tests keep meaning the same
thing when extraction improves.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import kg
from kg.cli import main
from kg.graph.store import KGStore
from kg.graph.vocab import ART, ENT, KG, PROV, SCHEMA
from kg.query.serve import make_server
from kg.query.sparql import query

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
QUERIES = ROOT / "examples" / "queries"
DOCS = ROOT / "docs" / "rdf-model.md"
STATED = (KG.Asserted, KG.Claimed)

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/articles is missing")

def run_query(source, query_name: str, /, **bindings) -> list[dict]:
    return query(source, (QUERIES / f"{query_name}.rq").read_text(encoding="utf-8"), bindings=bindings).to_python()


def cli(*args) -> object:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def xsd_date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def store_quads(path: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(path))
    try:
        return set(store)
    finally:
        del store


def to_rdflib_graph(quads: set[ox.Quad]):
    """The union of ``quads`` as an rdflib Graph (for isomorphism)."""
    from rdflib import BNode, Graph, URIRef

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        return Literal(t.value, lang=t.language) if t.language else Literal(t.value, datatype=URIRef(t.datatype.value))

    graph = Graph()
    for q in quads:
        graph.add((term(q.subject), term(q.predicate), term(q.object)))
    return graph


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The examples built with the Python API and written as TriG, plus what ingest read."""
    graph = kg.build(EXAMPLES)
    assert graph.report.ok, [str(f) for f in graph.report.failures]
    trig = graph.write(tmp_path_factory.mktemp("issue4") / "graph.trig")
    articles = {str(ART[e.article.sha256]): e.article for e in graph.extractions}
    return graph, trig, articles


def union(graph) -> Dataset:
    """All article graphs of a KnowledgeGraph as one, for walking triples without SPARQL."""
    return Dataset(store=graph.dataset.store, default_union=True)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    """The examples built into a fresh store with ``kg build --store``."""
    base = tmp_path_factory.mktemp("issue4-store")
    result = cli("build", EXAMPLES, "-o", base / "out", "--store", base / "store", "--no-html")
    count = len(list(EXAMPLES.glob("*.txt"))) + len(list(EXAMPLES.glob("*.html"))) + 2  # feed.jsonl holds two
    assert f"{count} articles added, 0 already there" in result.stdout
    return base / "store"


@pytest.fixture()
def store_copy(built_store, tmp_path) -> Path:
    """A private copy of the built store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


# ----------------------------------------------------- 1. the evidence for every fact about X


def facts_about(dataset, name: str) -> dict[tuple[str, str], set]:
    """(sentence, headline) → facts, for every evidence of a fact about the entity named ``name``.

    Walks the triples directly (no SPARQL), so it checks the example query independently.
    """
    entities = {s for s, _, o in dataset.triples((None, RDFS.label, None)) if str(o).lower() == name.lower()}
    entities |= {s for s, _, o in dataset.triples((None, SKOS.altLabel, None)) if str(o).lower() == name.lower()}
    found: dict[tuple[str, str], set] = defaultdict(set)
    for fact in set(dataset.subjects(RDF.type, KG.Fact)):
        if {dataset.value(fact, RDF.subject), dataset.value(fact, RDF.object)} & entities:
            for evidence in set(dataset.subjects(KG.supports, fact)):
                article = dataset.value(evidence, PROV.wasDerivedFrom)
                key = (str(dataset.value(evidence, KG.sentence)), str(dataset.value(article, SCHEMA.headline)))
                found[key].add(fact)
    return found


def row_key(row: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in row.items()))


def test_one_query_lists_every_deepseek_fact_with_headline_date_sentence_and_confidence(example):
    graph, _, articles = example
    by_headline = {a.title: a for a in articles.values()}
    rows = run_query(graph.dataset, "evidence-for-entity", name="DeepSeek")
    assert rows, "no fact about DeepSeek in the example graph"

    # every evidence of every fact about DeepSeek, and nothing else
    assert {(r["sentence"], r["headline"]) for r in rows} == set(facts_about(union(graph), "DeepSeek"))
    for row in rows:
        article = by_headline[row["headline"]]
        assert row["sentence"] and row["sentence"] in article.text
        assert isinstance(row["confidence"], Decimal) and 0 < row["confidence"] <= 1
        assert row["date"] == article.date  # the publication date, where the article has one
        if row["eventDate"] is not None:
            assert isinstance(row["eventDate"], date)
    dated = [r for r in rows if by_headline[r["headline"]].date]
    assert dated, "no DeepSeek fact comes from a dated article"
    assert all(r["headline"] and r["date"] and r["sentence"] and r["confidence"] is not None for r in dated)
    # one entity whatever the language: evidence from Korean and English articles
    assert {by_headline[r["headline"]].lang for r in rows} == {"ko", "en"}


def test_korean_and_english_names_give_the_same_rows(example):
    dataset = example[0].dataset
    english = run_query(dataset, "evidence-for-entity", name="DeepSeek")
    korean = run_query(dataset, "evidence-for-entity", name="딥시크")
    assert sorted(map(row_key, korean)) == sorted(map(row_key, english))
    assert english


# ----------------------------------------------------- 2. build twice, remove and add back


def test_building_the_examples_twice_into_one_store_changes_nothing(store_copy, tmp_path):
    before = store_quads(store_copy)
    again = cli("build", EXAMPLES, "-o", tmp_path / "out", "--store", store_copy, "--no-html")
    assert re.search(r"store .*: 0 articles added, \d+ already there", again.stdout)
    after = store_quads(store_copy)
    assert len(after) == len(before)
    assert after == before


def test_removing_an_example_and_adding_it_back_gives_an_isomorphic_graph(store_copy, tmp_path):
    before = store_quads(store_copy)
    with KGStore(store_copy, read_only=True) as store:
        victim = next(a for a in store.articles() if a.article_id == "en-deepseek-v3")
    in_victim = {q for q in before if q.graph_name.value == victim.graph}
    assert in_victim

    assert "removed: en-deepseek-v3" in cli("remove", store_copy, "en-deepseek-v3").stdout
    rest = store_quads(store_copy)
    assert rest == before - in_victim  # its facts and nothing else
    # DeepSeek is still described by the other articles that mention it
    deepseek = ox.NamedNode(str(ENT["deepseek"]))
    assert any(q.subject == deepseek and q.predicate.value == str(RDFS.label) for q in rest)

    added = cli("build", EXAMPLES / "en-deepseek-v3.txt", "-o", tmp_path / "out", "--store", store_copy, "--no-html")
    assert "1 articles added" in added.stdout
    restored = store_quads(store_copy)
    assert {q.graph_name for q in restored} == {q.graph_name for q in before}
    assert isomorphic(to_rdflib_graph(restored), to_rdflib_graph(before))
    assert restored == before


# ----------------------------------------------------- 3. SIGKILL in the middle of a batch

BATCH = 200  # invented articles: the build runs ~5 s on this machine, so every kill lands before its end


def invented_article(n: int) -> str:
    return (
        f"Brightmoor Labs releases Aster-{n}\n\n"
        f"Brightmoor Labs, the Lisbon-based artificial intelligence startup, on Tuesday released Aster-{n}, "
        f"a language model. The company said Aster-{n} was trained on 512 Kestrel K{n} accelerators made by "
        f"Halvern Semiconductor. Brightmoor Labs chief executive Mira Osei said Aster-{n} outperforms "
        f"Corvane-{n + 1} on coding tasks.\n"
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for n in range(BATCH):
        (folder / f"en-batch-{n:03d}.txt").write_text(invented_article(n), encoding="utf-8")
    return folder


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    state = {}
    for entry in os.scandir(folder):
        try:
            info = entry.stat()
        except FileNotFoundError:  # RocksDB removed it between listing and stat
            continue
        state[entry.name] = (info.st_size, info.st_mtime_ns)
    return state


@pytest.mark.parametrize("kill_at", [0.5, 1.5, 3.0, "store-opened"])
def test_sigkill_during_a_batch_leaves_the_store_as_it_was(store_copy, batch, tmp_path, kill_at, record_property):
    before = store_quads(store_copy)
    untouched = folder_state(store_copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "kg.cli", "build", str(batch), "-o", str(tmp_path / "out"), "--store", str(store_copy)]
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = start + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if kill_at == "store-opened":
                # opening the store rewrites RocksDB's files; the batch is written right after
                if folder_state(store_copy) != untouched:
                    break
            elif time.monotonic() - start >= kill_at:
                break
            time.sleep(0.001)
        assert proc.poll() is None, f"the build finished before the kill ({kill_at}); make the batch bigger"
        proc.send_signal(signal.SIGKILL)
        killed_after = time.monotonic() - start
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    record_property("killed_after_s", round(killed_after, 3))
    assert proc.returncode == -signal.SIGKILL
    assert b"articles added" not in out
    with KGStore(store_copy) as store:  # it opens, writable, and holds exactly what it held
        assert len(store.articles()) == len({q.graph_name for q in before})
    assert store_quads(store_copy) == before


# ----------------------------------------------------- 4. kg serve with a standard client

ALIBABA_MODELS = """
PREFIX kg: <https://w3id.org/aikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?model ?label WHERE {
  ?company rdfs:label|skos:altLabel ?name FILTER(LCASE(STR(?name)) = "alibaba")
  ?company kg:released ?model .
  ?model rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
}
"""


@pytest.fixture(scope="module")
def endpoint(example):
    server, url = make_server(example[1], port=0, timeout=10, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()
    thread.join(5)


def ask(url: str, sparql: str, fmt: str):
    client = SPARQLWrapper(url)
    client.setQuery(sparql)
    client.setReturnFormat(fmt)
    client.setTimeout(30)
    return client.query().convert()


def test_serve_answers_a_sparqlwrapper_select_in_json_and_csv(example, endpoint):
    expected = {(r["model"], r["label"]) for r in example[0].query(ALIBABA_MODELS).to_python()}
    assert expected, "the example graph has no model released by Alibaba"
    as_json = ask(endpoint, ALIBABA_MODELS, JSON)
    assert as_json["head"]["vars"] == ["model", "label"]
    assert {(b["model"]["value"], b["label"]["value"]) for b in as_json["results"]["bindings"]} == expected
    body = ask(endpoint, ALIBABA_MODELS, CSV)
    lines = (body.decode("utf-8") if isinstance(body, bytes) else body).splitlines()
    assert lines[0] == "model,label"
    import csv

    assert {tuple(r) for r in csv.reader(lines[1:])} == expected


def test_serve_refuses_service_and_update_and_changes_nothing(endpoint):
    with pytest.raises(QueryBadFormed):
        ask(endpoint, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", JSON)
    triple = "<https://example.org/x> <https://example.org/y> <https://example.org/z>"
    client = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    client.setMethod(POST)
    client.setQuery(f"INSERT DATA {{ {triple} }}")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert ask(endpoint, f"ASK {{ {triple} }}", JSON)["boolean"] is False


def test_serve_gives_each_row_once_for_a_non_distinct_query(example, endpoint):
    sparql = (QUERIES / "trained-on.rq").read_text(encoding="utf-8")
    expected = sorted((r["model"], r["hardware"], r["sentence"]) for r in example[0].query(sparql).to_python())
    assert expected
    rows = ask(endpoint, sparql, JSON)["results"]["bindings"]
    assert sorted((b["model"]["value"], b["hardware"]["value"], b["sentence"]["value"]) for b in rows) == expected


# ----------------------------------------------------- 5. the example queries on the examples


def label(dataset, node) -> str:
    """English label, else Korean, else the IRI, as the example queries choose it."""
    labels = {o.language: str(o) for o in dataset.objects(node, RDFS.label)}
    amount = dataset.value(node, SCHEMA.value)
    if amount is not None:
        return f"{amount} {dataset.value(node, SCHEMA.currency)}"
    return labels.get("en") or labels.get("ko") or str(node)


def stated_support(dataset) -> dict[tuple[str, str, str], set]:
    """(subject, predicate, object) labels → articles with asserted or claimed evidence."""
    support: dict[tuple[str, str, str], set] = defaultdict(set)
    for fact in set(dataset.subjects(RDF.type, KG.Fact)):
        key = (
            label(dataset, dataset.value(fact, RDF.subject)),
            str(dataset.value(fact, RDF.predicate)).rpartition("#")[2],
            label(dataset, dataset.value(fact, RDF.object)),
        )
        for evidence in dataset.subjects(KG.supports, fact):
            if dataset.value(evidence, KG.modality) in STATED:
                support[key].add(dataset.value(evidence, PROV.wasDerivedFrom))
    return support


def test_support_counts_find_facts_stated_by_several_articles(example):
    graph, _, articles = example
    rows = run_query(graph.dataset, "support-counts")
    support = stated_support(union(graph))
    expected = {key: len(arts) for key, arts in support.items() if len(arts) > 1}
    assert {(r["subject"], r["predicate"], r["object"]): r["articles"] for r in rows} == expected
    assert len(rows) == len(expected) >= 1
    # a release stated in both languages (the seed and an English example) is one fact
    bilingual = [k for k, arts in support.items()
                 if k[1] == "released" and len(arts) >= 2 and {articles[str(a)].lang for a in arts} == {"ko", "en"}]
    assert bilingual, "no release is stated by a Korean and an English example"
    # the merged view counts every modality, so it is never below the stated count
    merged = graph.merged()
    for fact in merged.subjects(KG.supportCount, None):
        key = (label(merged, merged.value(fact, RDF.subject)), str(merged.value(fact, RDF.predicate)).rpartition("#")[2],
               label(merged, merged.value(fact, RDF.object)))
        assert merged.value(fact, KG.supportCount).toPython() >= len(support.get(key, ()))


def test_facts_in_date_range_come_only_from_articles_published_in_it(example):
    graph, _, articles = example
    low, high = date(2024, 1, 1), date(2024, 12, 31)
    dated = [a for a in articles.values() if a.date]
    assert any(low <= a.date <= high for a in dated) and any(not low <= a.date <= high for a in dated)
    rows = run_query(graph.dataset, "facts-in-date-range", **{"from": xsd_date(str(low)), "to": xsd_date(str(high))})
    assert rows
    assert all(low <= r["date"] <= high for r in rows)
    inside = {iri for iri, a in articles.items() if a.date and low <= a.date <= high}
    dataset = union(graph)
    evidence = [e for e in dataset.subjects(RDF.type, KG.Evidence) if str(dataset.value(e, PROV.wasDerivedFrom)) in inside]
    assert len(rows) == len(evidence)
    assert {r["article"] for r in rows} == {articles[str(dataset.value(e, PROV.wasDerivedFrom))].id for e in evidence}
    for row in rows:
        article = next(a for a in articles.values() if a.id == row["article"])
        assert row["date"] == article.date and row["sentence"] in article.text


def test_events_in_date_range_filter_on_the_event_date_not_the_publication_date(example):
    graph, _, articles = example
    by_id = {a.id: a for a in articles.values()}
    rows = run_query(graph.dataset, "events-in-date-range", **{"from": xsd_date("1900-01-01"), "to": xsd_date("2100-12-31")})
    with_event = list(union(graph).subjects(KG.eventDate, None))
    assert rows and len(rows) == len(with_event)
    # kept apart: some events are dated before the article that reports them
    assert any(r["published"] and r["eventDate"] < r["published"] for r in rows)
    for row in rows:
        assert row["published"] == by_id[row["article"]].date
    # a narrow range keeps only events inside it, whatever the publication date
    first = min(r["eventDate"] for r in rows)
    narrow = run_query(graph.dataset, "events-in-date-range", **{"from": xsd_date(str(first)), "to": xsd_date(str(first))})
    assert narrow and {r["eventDate"] for r in narrow} == {first}
    assert len(narrow) == sum(r["eventDate"] == first for r in rows)


def test_claims_give_the_claimant(example):
    graph, _, articles = example
    rows = run_query(graph.dataset, "claims")
    assert any(r["modality"] == "claimed" and r["claimant"] for r in rows), "no claimed fact with a claimant"
    dataset = union(graph)
    attributed = {e for e in dataset.subjects(RDF.type, KG.Evidence)
                  if dataset.value(e, KG.modality) == KG.Claimed or dataset.value(e, KG.claimant) is not None}
    assert len(rows) == len(attributed)
    claimants = {label(dataset, dataset.value(e, KG.claimant)) for e in attributed if dataset.value(e, KG.claimant)}
    assert {r["claimant"] for r in rows} - {""} == claimants
    texts = [a.text for a in articles.values()]
    assert all(any(r["sentence"] in t for t in texts) for r in rows)


# ----------------------------------------------------- 6. a store and a file read alike


def cli_rows(source, name: str, *binds: str) -> tuple[str, list[str]]:
    args = ["query", source, QUERIES / f"{name}.rq", "--format", "csv"]
    for b in binds:
        args += ["--bind", b]
    lines = cli(*args).stdout.splitlines()
    return lines[0], sorted(lines[1:])


def test_kg_query_reads_a_store_and_a_file_alike(example, built_store):
    from_file = cli_rows(example[1], "evidence-for-entity", "name=DeepSeek")
    assert from_file[1], "no DeepSeek rows on the examples"
    assert cli_rows(built_store, "evidence-for-entity", "name=DeepSeek") == from_file


@pytest.mark.parametrize("name", ["amounts", "trained-on"])
def test_kg_query_gives_the_same_rows_on_a_store_for_non_distinct_queries(example, built_store, name):
    from_file = cli_rows(example[1], name)
    assert from_file[1]
    assert cli_rows(built_store, name) == from_file


def api_rows(path, sparql: str, **bindings) -> list[tuple]:
    graph = kg.load(path)
    try:
        return sorted(map(row_key, graph.query(sparql, **bindings).to_python()))
    finally:
        graph.dataset.close()


def test_python_api_reads_a_store_and_a_file_alike(example, built_store):
    sparql = (QUERIES / "evidence-for-entity.rq").read_text(encoding="utf-8")
    from_file = api_rows(example[1], sparql, name="딥시크")
    assert from_file
    assert api_rows(built_store, sparql, name="딥시크") == from_file


def test_python_api_gives_the_same_rows_on_a_store_for_non_distinct_queries(example, built_store):
    sparql = (QUERIES / "who-leads-what.rq").read_text(encoding="utf-8")
    from_file = api_rows(example[1], sparql)
    assert from_file
    assert api_rows(built_store, sparql) == from_file


# ----------------------------------------------------- 7. the SPARQL of docs/rdf-model.md runs


def doc_sparql(heading: str) -> str:
    """The first SPARQL block after ``heading`` in docs/rdf-model.md.

    These blocks are fenced as ```SPARQL: tests/test_sparql.py expects the page's only
    lower-case ```sparql block to be the evidence query.
    """
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index(f"\n{heading}\n"):]
    return re.search(r"```(?:sparql|SPARQL)\n(.*?)```", section, flags=re.S).group(1)


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    """Two invented dated articles: a day named relative to the publication date, and a claim."""
    folder = tmp_path_factory.mktemp("invented-dated")
    (folder / "ko-vision.txt").write_text(
        "비전랩스, 새 AI 모델 공개\n\nAI 스타트업 비전랩스는 4일(현지시간) 대규모 언어모델 ‘볼트-2’를 공개했다.\n", encoding="utf-8")
    (folder / "ko-vision.meta.json").write_text('{"date": "2025-03-05"}', encoding="utf-8")
    (folder / "en-brightmoor.txt").write_text(invented_article(1), encoding="utf-8")
    (folder / "en-brightmoor.meta.json").write_text('{"date": "2025-03-06"}', encoding="utf-8")  # a Thursday
    return kg.build(folder)


def test_doc_event_date_query(example, invented):
    sparql = doc_sparql("## Time: publication date and event date")
    rows = {(r["article"], r["published"], r["eventDate"]) for r in invented.query(sparql).to_python()}
    # "4일(현지시간)" and "on Tuesday" both resolve against their own article's date
    assert ("ko-vision", date(2025, 3, 5), date(2025, 3, 4)) in rows
    assert ("en-brightmoor", date(2025, 3, 6), date(2025, 3, 4)) in rows
    on_examples = example[0].query(sparql).to_python()
    assert len(on_examples) == len(set(union(example[0]).subjects(KG.eventDate, None)))


def test_doc_claimant_query(example, invented):
    sparql = doc_sparql("## Claims and claimants")
    rows = invented.query(sparql).to_python()
    assert ("Mira Osei", "outperforms", "claimed") in {(r["claimant"], r["predicate"], r["modality"]) for r in rows}
    on_examples = example[0].query(sparql).to_python()
    assert any(r["modality"] == "claimed" for r in on_examples)
    assert all(r["claimant"] and r["sentence"] for r in on_examples)
