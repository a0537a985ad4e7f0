"""End to end on the bundled examples: build once, then ask the graph what the articles say.

The example articles (examples/articles) are built once per module with the Python API and
written to a temporary folder as ``kg build`` writes them. The checks: facts the articles
state can be found by SPARQL together with their evidence sentence; every written file
parses strictly and conforms to the shapes; the example queries run; the build is
deterministic.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.graph.io import load
from kg.graph.validate import validate
from kg.graph.vocab import ART, KG
from kg.query.sparql import query

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/articles is missing")


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """(KnowledgeGraph, output folder with graph.trig, graph.ttl, graph.html)."""
    graph = kg.build(EXAMPLES)
    assert graph.report.ok, [str(f) for f in graph.report.failures]
    out = tmp_path_factory.mktemp("examples-out")
    graph.write(out / "graph.trig")
    graph.write(out / "graph.ttl")
    graph.to_html(out / "graph.html")
    return graph, out


@pytest.fixture(scope="module")
def texts(example) -> dict[str, str]:
    """Article IRI → normalised article text, from what the build read."""
    graph, _ = example
    return {str(ART[e.article.sha256]): e.article.text for e in graph.extractions}


# ------------------------------------------------------------------ (a) facts with evidence

# A name matches an entity's rdfs:label or skos:altLabel in any language, ignoring case and
# spaces ("Qwen 2.5-Max" = "Qwen2.5-Max"); the names are bound, never pasted into the query.
FACT_WITH_EVIDENCE = """
SELECT DISTINCT ?s ?o ?sentence ?start ?end ?article WHERE {
  { ?s rdfs:label|skos:altLabel ?sl FILTER(REPLACE(LCASE(STR(?sl)), " ", "") = ?subjectName) }
  { ?o rdfs:label|skos:altLabel ?ol FILTER(REPLACE(LCASE(STR(?ol)), " ", "") = ?objectName) }
  ?s ?relation ?o .
  ?fact a kg:Fact ; rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o .
  ?ev a kg:Evidence ; kg:supports ?fact ; kg:sentence ?sentence ; kg:startOffset ?start ;
      kg:endOffset ?end ; prov:wasDerivedFrom ?article .
}
"""


def find_fact(graph, subject: str, relation: str, obj: str) -> list[dict]:
    def key(name: str) -> Literal:
        return Literal(name.lower().replace(" ", ""))

    result = graph.query(
        FACT_WITH_EVIDENCE,
        subjectName=key(subject),
        objectName=key(obj),
        relation=KG[relation],
    )
    return result.to_python()


def assert_stated_with_evidence(graph, texts, subject, relation, obj):
    rows = find_fact(graph, subject, relation, obj)
    assert rows, f"no {subject} --{relation}--> {obj} fact with evidence in the example graph"
    for row in rows:
        text = texts[row["article"]]
        sentence = row["sentence"]
        assert sentence and sentence in text, f"evidence sentence is not in its article: {sentence!r}"
        assert text[row["start"]:row["end"]] == sentence


def test_alibaba_released_qwen_2_5_max(example, texts):
    assert_stated_with_evidence(example[0], texts, "Alibaba", "released", "Qwen 2.5-Max")


def test_deepseek_v3_trained_on_h800(example, texts):
    assert_stated_with_evidence(example[0], texts, "DeepSeek-V3", "trainedOn", "H800")


def test_trump_repealed_executive_order_14110(example, texts):
    assert_stated_with_evidence(example[0], texts, "Trump", "repealed", "Executive Order 14110")


def test_fact_query_does_not_match_other_names(example):
    # the same query with a relation the articles do not state for this pair finds nothing
    assert find_fact(example[0], "Alibaba", "trainedOn", "Qwen 2.5-Max") == []
    assert find_fact(example[0], '"} ; DROP ALL #', "released", "Qwen 2.5-Max") == []


def test_every_evidence_sentence_is_in_its_article_at_its_offsets(example, texts):
    rows = example[0].query(
        "SELECT ?sentence ?start ?end ?article WHERE { ?ev a kg:Evidence ; kg:sentence ?sentence ; "
        "kg:startOffset ?start ; kg:endOffset ?end ; prov:wasDerivedFrom ?article }"
    ).to_python()
    assert rows
    bad = [r for r in rows if texts[r["article"]][r["start"]:r["end"]] != r["sentence"]]
    assert bad == []


# ------------------------------------------------------------------ (b) files


@pytest.mark.parametrize("name, fmt", [("graph.trig", ox.RdfFormat.TRIG), ("graph.ttl", ox.RdfFormat.TURTLE)])
def test_written_files_parse_strictly_and_conform(example, name, fmt):
    _, out = example
    quads = list(ox.parse(path=str(out / name), format=fmt))
    assert quads
    if fmt is ox.RdfFormat.TRIG:
        assert all(isinstance(q.graph_name, ox.NamedNode) for q in quads), "triples outside article graphs"
    report = validate(load(out / name))
    assert report.conforms, "\n".join(str(v) for v in report.violations[:10])


def test_html_is_offline(example):
    _, out = example
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert len(page) > 1000
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, flags=re.I), "external script in the viewer"
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']?(https?:)?//", page, flags=re.I)
    assert "Qwen2.5-Max" in page or "Qwen 2.5-Max" in page


# ------------------------------------------------------------------ (c) example queries

MUST_HAVE_ROWS = {"models-by-company", "trained-on", "who-leads-what"}
BINDINGS = {
    "evidence-for-entity": {"name": "DeepSeek"},
    "facts-in-date-range": {"from": Literal("2024-01-01", datatype="http://www.w3.org/2001/XMLSchema#date"),
                            "to": Literal("2025-12-31", datatype="http://www.w3.org/2001/XMLSchema#date")},
}


def test_there_are_example_queries():
    assert MUST_HAVE_ROWS <= {q.stem for q in QUERIES}


@pytest.mark.parametrize("path", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_query_runs(example, path):
    graph, _ = example
    result = query(graph.dataset, path.read_text(encoding="utf-8"), bindings=BINDINGS.get(path.stem))
    if path.stem in MUST_HAVE_ROWS:
        assert len(result) >= 1
        for row in result.to_python():
            assert all(v not in (None, "") for v in row.values())


def test_example_query_runs_from_the_command_line(example):
    _, out = example
    result = CliRunner().invoke(main, ["query", str(out / "graph.trig"),
                                       str(ROOT / "examples" / "queries" / "evidence-for-entity.rq"),
                                       "--bind", "name=DeepSeek", "--format", "json"])
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ (d) determinism


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    """A second build of the examples, through the command line."""
    out = tmp_path_factory.mktemp("examples-again")
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_build_is_deterministic(example, second_build):
    _, out = example
    assert (out / "graph.ttl").read_bytes() == (second_build / "graph.ttl").read_bytes()
    first, again = load(out / "graph.trig"), load(second_build / "graph.trig")
    names = sorted(str(g.identifier) for g in first.graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in again.graphs() if len(g))
    for name in names:
        assert isomorphic(first.graph(name), again.graph(name)), name
    assert isomorphic(example[0].merged(), load(second_build / "graph.ttl").default_graph)


def _rewrite(source: Path, target: Path, seed: int) -> bytes:
    code = "import sys; from kg.graph.io import load, write_graph; write_graph(load(sys.argv[1]), sys.argv[2])"
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    subprocess.run([sys.executable, "-c", code, str(source), str(target)], check=True, env=env, timeout=120)
    return target.read_bytes()


def test_turtle_bytes_do_not_depend_on_hash_seed(example, tmp_path):
    _, out = example
    outputs = {_rewrite(out / "graph.ttl", tmp_path / f"s{seed}.ttl", seed) for seed in (1, 2, 3)}
    assert len(outputs) == 1


def test_trig_bytes_do_not_depend_on_hash_seed(example, tmp_path):
    _, out = example
    outputs = {_rewrite(out / "graph.trig", tmp_path / f"s{seed}.trig", seed) for seed in (1, 2, 3)}
    assert len(outputs) == 1
