"""The ``kg`` command line: commands, help, exit codes, outputs and the store round trip.

Everything runs in-process through click's CliRunner (the pipeline then loads once per test
session), except one smoke test that starts the real ``kg`` entry point. The articles are
small texts about invented companies, written here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.model import RELATIONS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
INVENTED_GOLD = Path(__file__).resolve().parent / "data" / "invented" / "gold.jsonl"

EN_TEXT = (
    "Zentrix Labs releases Quorra-3\n\n"
    "Zentrix Labs released the Quorra-3 model on Monday. "
    "Zentrix Labs chief executive Mara Voss said the Quorra-3 model was trained on the Fenwick F9 chip.\n"
)
KO_TEXT = "펄사랩은 새 AI 모델 누리온-2를 공개했다. 펄사랩 대표 한지호는 누리온-2가 케스트럴 K7 칩으로 훈련됐다고 말했다.\n"
FEED_LINE = {"id": "feed-1", "lang": "en", "text": "Brightloom Systems released the Vantor-5 model on Tuesday."}

HOSTILE = '"} ; DROP ALL #'


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """A folder with one English and one Korean article."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "en-zentrix.txt").write_text(EN_TEXT, encoding="utf-8")
    (folder / "ko-pulsar.txt").write_text(KO_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(articles, tmp_path_factory) -> Path:
    """``kg build`` of the two articles; returns the output folder."""
    out = tmp_path_factory.mktemp("built")
    result = run("build", articles, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def readme_commands() -> list[str]:
    """Command names of the README's command table (rows that start with | `kg NAME)."""
    return re.findall(r"^\| `kg ([a-z-]+)", README.read_text(encoding="utf-8"), flags=re.M)


# ------------------------------------------------------------------ commands and help


def test_readme_table_lists_commands():
    assert len(readme_commands()) >= 8


@pytest.mark.parametrize("name", readme_commands())
def test_every_readme_command_exists_and_has_help(name):
    assert name in main.commands, f"README documents `kg {name}` but the CLI has no such command"
    result = run(name, "--help")
    assert result.exit_code == 0
    assert f"Usage: main {name}" in result.output or f"Usage: kg {name}" in result.output
    assert main.commands[name].help, f"`kg {name}` has no help text"


def test_every_command_is_documented_in_readme():
    documented = set(readme_commands())
    undocumented = sorted(set(main.commands) - documented)
    assert not undocumented, f"commands missing from the README table: {undocumented}"


def test_group_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for name in main.commands:
        assert name in result.output


def test_real_entry_point_runs(articles):
    exe = shutil.which("kg")
    if exe is None:
        pytest.skip("the `kg` script is not on PATH (package not installed)")
    proc = subprocess.run(
        [exe, "extract", str(articles / "en-zentrix.txt")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    line = json.loads(proc.stdout)
    assert line["id"] == "en-zentrix"
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and re.search(r"\d+\.\d+", version.stdout)


# ------------------------------------------------------------------ exit codes


def test_build_exit_0_and_outputs(built):
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (built / name).stat().st_size > 0
    assert not list(built.glob(".*.tmp")), "temporary files left behind"


def test_build_exit_1_names_bad_inputs_and_builds_the_rest(articles, tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(articles, inputs)
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 40)
    (inputs / "feed.jsonl").write_text(
        json.dumps(FEED_LINE) + "\n{this is not json\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("build", inputs, "-o", out)
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    assert re.search(r"feed\.jsonl:2\b", result.stderr), result.stderr
    assert "en-zentrix" not in result.stderr and "ko-pulsar" not in result.stderr

    ids = run("query", out / "graph.trig",
              "SELECT ?id WHERE { ?a kg:articleId ?id } ORDER BY ?id", "--format", "csv")
    assert ids.exit_code == 0
    assert ids.stdout.split() == ["id", "en-zentrix", "feed-1", "ko-pulsar"]


def test_extract_exit_1_with_a_bad_jsonl_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("[1, 2]\n" + json.dumps(FEED_LINE) + "\n", encoding="utf-8")
    result = run("extract", feed)
    assert result.exit_code == 1
    assert "feed.jsonl:1" in result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["feed-1"]


@pytest.mark.parametrize(
    "args",
    [
        ["build"],  # no input
        ["nosuchcommand"],
        ["query"],
        ["query", "{graph}", "SELECT * WHERE { ?s ?p ?o }", "--format", "xml"],
        ["query", "{graph}", "SELECT * WHERE { ?s ?p ?o }", "--bind", "no-equals-sign"],
        ["query", "{graph}", "SELECT * WHERE { ?s ?p "],  # does not parse
        ["view", "{graph}"],  # -o is required
        ["build", "{missing}"],
        ["extract", "{missing}"],
        ["validate", "{missing}"],
        ["remove", "{missing}", "some-id"],
    ],
)
def test_usage_errors_exit_2(args, built, tmp_path):
    where = {"{graph}": str(built / "graph.trig"), "{missing}": str(tmp_path / "missing")}
    filled = [where.get(a, a) for a in args]
    result = run(*filled)
    assert result.exit_code == 2, result.output


def test_build_of_only_unreadable_input_exits_2_and_names_it(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)))
    result = run("build", binary, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "image.txt" in result.stderr
    assert not (tmp_path / "out" / "graph.trig").exists()


def test_bad_query_error_names_the_position(built):
    result = run("query", built / "graph.trig", "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert result.exit_code == 2
    assert "line" in result.stderr.lower()


# ------------------------------------------------------------------ never truncate


@pytest.fixture
def previous_build(articles, tmp_path) -> tuple[Path, dict[str, str]]:
    out = tmp_path / "out"
    assert run("build", articles / "en-zentrix.txt", "-o", out).exit_code == 0
    return out, {p.name: sha(p) for p in out.iterdir()}


def test_failed_rdf_write_keeps_old_files(previous_build, articles, monkeypatch):
    out, before = previous_build
    import kg.graph.io

    def corrupt(path, *, format=None):  # as if the written bytes did not parse back
        raise InputError("line 1: simulated corrupt output", source=os.fspath(path))

    monkeypatch.setattr(kg.graph.io, "parse_strict", corrupt)
    result = run("build", articles, "-o", out)  # more articles: the output would differ
    assert result.exit_code == 2
    assert "graph.trig" in result.stderr
    assert {p.name: sha(p) for p in out.iterdir()} == before
    assert not list(out.glob(".*.tmp"))


def test_disk_full_keeps_old_files(previous_build, articles, monkeypatch):
    out, before = previous_build
    import errno

    import kg.graph.io

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.graph.io.os, "fsync", no_space)
    result = run("build", articles, "-o", out)
    assert result.exit_code == 2
    assert "space" in result.stderr.lower()
    assert {p.name: sha(p) for p in out.iterdir()} == before


def test_failed_html_write_keeps_old_html(previous_build, articles, monkeypatch):
    out, before = previous_build
    import kg.export.html
    from kg.errors import ExportError

    def broken(page):
        raise ExportError("simulated: data island does not read back")

    monkeypatch.setattr(kg.export.html, "_check_page", broken)
    result = run("build", articles, "-o", out)
    assert result.exit_code == 2
    assert sha(out / "graph.html") == before["graph.html"]
    assert not list(out.glob(".*.tmp"))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_keeps_old_files(previous_build, articles):
    out, before = previous_build
    out.chmod(0o555)
    try:
        result = run("build", articles, "-o", out)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert {p.name: sha(p) for p in out.iterdir()} == before


def test_html_gets_the_same_permissions_as_the_rdf_files(built):
    assert stat.S_IMODE((built / "graph.html").stat().st_mode) == stat.S_IMODE((built / "graph.ttl").stat().st_mode)


# ------------------------------------------------------------------ extract


def test_extract_prints_one_line_per_article_with_file_stem_ids(articles):
    result = run("extract", articles / "en-zentrix.txt", articles / "ko-pulsar.txt", "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["en-zentrix", "ko-pulsar"]
    for line in lines:
        assert set(line) == {"id", "triples"}
        for t in line["triples"]:
            assert t["p"] in RELATIONS
            assert {"s", "s_labels", "s_type", "p", "o"} <= set(t)
    en = {(t["s"], t["p"], t["o"]) for t in lines[0]["triples"]}
    assert ("Zentrix Labs", "released", "Quorra-3") in en


def test_extract_reads_folders_and_jsonl_ids(articles, tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps(FEED_LINE) + "\n", encoding="utf-8")
    result = run("extract", articles, tmp_path / "feed.jsonl")
    assert result.exit_code == 0
    assert sorted(json.loads(x)["id"] for x in result.stdout.splitlines()) == ["en-zentrix", "feed-1", "ko-pulsar"]


@pytest.mark.parametrize("name", ["en-zentrix.txt", "ko-pulsar.txt"])
def test_extract_never_relates_an_entity_to_itself(articles, name):
    # '펄사랩 대표 한지호' once made the company a Person that leads itself
    result = run("extract", articles / name)
    triples = json.loads(result.stdout)["triples"]
    assert triples
    assert [t for t in triples if t["s"] == t["o"]] == []
    types: dict[str, set[str]] = {}
    for t in triples:
        types.setdefault(t["s"], set()).add(t["s_type"])
        if isinstance(t["o"], str):  # amounts have no type
            types.setdefault(t["o"], set()).add(t["o_type"])
    assert {n: ts for n, ts in types.items() if len(ts) > 1} == {}


# ------------------------------------------------------------------ query


LABEL_QUERY = (
    "SELECT ?e WHERE { ?e rdfs:label ?label FILTER(STR(?label) = ?name) }"
)


def test_query_formats(built):
    graph = built / "graph.trig"
    q = "SELECT ?id WHERE { ?a kg:articleId ?id } ORDER BY ?id"

    table = run("query", graph, q)
    assert table.exit_code == 0
    header, rule, *rows = table.stdout.rstrip("\n").splitlines()
    assert header.split()[0] == "id" and set(rule.replace(" ", "")) == {"-"}
    assert [r.split()[0] for r in rows] == ["en-zentrix", "ko-pulsar"]

    csv_out = run("query", graph, q, "--format", "csv")
    assert csv_out.exit_code == 0
    assert csv_out.stdout.split() == ["id", "en-zentrix", "ko-pulsar"]

    js = run("query", graph, q, "--format", "json")
    assert js.exit_code == 0
    payload = json.loads(js.stdout)
    assert payload["head"]["vars"][0] == "id"
    assert [b["id"]["value"] for b in payload["results"]["bindings"]] == ["en-zentrix", "ko-pulsar"]


def test_query_csv_has_no_empty_trailing_record(built):
    import csv
    import io

    result = run("query", built / "graph.trig", "SELECT ?id WHERE { ?a kg:articleId ?id }", "--format", "csv")
    records = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert records[-1] != [] and len(records) == 3


def test_query_from_rq_file(built, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("# count the articles\nSELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }\n", encoding="utf-8")
    result = run("query", built / "graph.trig", rq, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "2"


def test_bind_matches_a_value(built):
    result = run("query", built / "graph.trig", LABEL_QUERY, "--bind", "name=Zentrix Labs", "--format", "csv")
    assert result.exit_code == 0
    header, *rows = result.stdout.split()
    assert header == "e" and len(rows) == 1  # one entity has that name
    assert rows[0].startswith("https://w3id.org/aikg/id/")


def test_hostile_bind_is_only_a_value(built):
    graph = built / "graph.trig"
    before = sha(graph)
    result = run("query", graph, LABEL_QUERY, "--bind", f"name={HOSTILE}", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["e"]  # no rows, and the query still ran as written
    echoed = run("query", graph, "SELECT ?name WHERE {}", "--bind", f"name={HOSTILE}", "--format", "json")
    assert echoed.exit_code == 0
    assert json.loads(echoed.stdout)["results"]["bindings"] == [{"name": {"type": "literal", "value": HOSTILE}}]
    assert sha(graph) == before
    total = run("query", graph, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert int(total.stdout.split()[1]) > 0


def test_update_queries_are_refused(built):
    graph = built / "graph.trig"
    before = sha(graph)
    result = run("query", graph, "DROP ALL")
    assert result.exit_code == 2
    assert sha(graph) == before


# ------------------------------------------------------------------ validate, view, eval


def test_validate_good_graph(built):
    for name in ("graph.trig", "graph.ttl"):
        result = run("validate", built / name)
        assert result.exit_code == 0, result.output
        assert "conforms" in result.stdout


def test_validate_reports_violations_with_exit_1(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://w3id.org/aikg/ontology#> .\n"
        "<https://w3id.org/aikg/id/acme> a kg:Company ; kg:released <https://w3id.org/aikg/id/other> .\n"
        "<https://w3id.org/aikg/id/other> a kg:Company .\n",
        encoding="utf-8",
    )
    result = run("validate", bad)
    assert result.exit_code == 1
    assert "acme" in result.stdout and "violation" in result.stdout.lower()


def test_view_writes_html(built, tmp_path):
    target = tmp_path / "view.html"
    result = run("view", built / "graph.trig", "-o", target, "--lang", "ko", "--title", "<b>Invented</b>")
    assert result.exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "누리온-2" in page and "Quorra-3" in page
    assert "<b>Invented</b>" not in page  # the title is text, escaped
    assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", page, flags=re.I)


def test_eval_prints_a_table_with_micro_average():
    result = run("eval", INVENTED_GOLD)
    assert result.exit_code == 0, result.output
    micro = [line for line in result.stdout.splitlines() if line.lower().lstrip().startswith("micro")]
    assert len(micro) == 1
    numbers = [float(x) for x in re.findall(r"\d+\.\d+", micro[0])]
    assert numbers and all(0.0 <= x <= 1.0 or 0.0 <= x <= 100.0 for x in numbers)
    js = run("eval", INVENTED_GOLD, "--json")
    assert js.exit_code == 0
    assert json.loads(js.stdout)


# ------------------------------------------------------------------ store


def store_quads(path: Path) -> set:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    try:
        return set(store)
    finally:
        del store


def union_graph(quads: set):
    from rdflib import BNode, Graph, Literal, URIRef

    def term(t):
        import pyoxigraph as ox

        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    g = Graph()
    for q in quads:
        g.add((term(q.subject), term(q.predicate), term(q.object)))
    return g


def test_store_build_twice_and_remove_round_trip(articles, tmp_path):
    from rdflib.compare import isomorphic

    store = tmp_path / "store"
    first = run("build", articles, "-o", tmp_path / "out1", "--store", store, "--no-html")
    assert first.exit_code == 0, first.output
    assert "2 articles added" in first.stdout
    quads = store_quads(store)
    assert quads

    second = run("build", articles, "-o", tmp_path / "out2", "--store", store, "--no-html")
    assert second.exit_code == 0
    assert "0 articles added, 2 already there" in second.stdout
    assert store_quads(store) == quads

    removed = run("remove", store, "en-zentrix")
    assert removed.exit_code == 0
    assert "removed: en-zentrix" in removed.stdout
    rest = store_quads(store)
    assert 0 < len(rest) < len(quads)
    assert not any(q.object.value == "en-zentrix" for q in rest)
    left = run("query", store, "SELECT ?id WHERE { ?a kg:articleId ?id }", "--format", "csv")
    assert left.stdout.split() == ["id", "ko-pulsar"]

    again = run("build", articles / "en-zentrix.txt", "-o", tmp_path / "out3", "--store", store, "--no-html")
    assert again.exit_code == 0
    assert "1 articles added" in again.stdout
    restored = store_quads(store)
    assert {q.graph_name for q in restored} == {q.graph_name for q in quads}
    assert isomorphic(union_graph(restored), union_graph(quads))


def test_remove_unknown_article_exits_1(articles, tmp_path):
    store = tmp_path / "store"
    assert run("build", articles / "ko-pulsar.txt", "-o", tmp_path / "out", "--store", store, "--no-html").exit_code == 0
    result = run("remove", store, "no-such-article")
    assert result.exit_code == 1
    assert "no-such-article" in result.stderr
    assert len(store_quads(store)) > 0


def test_store_folder_is_queryable_and_validates(articles, tmp_path):
    store = tmp_path / "store"
    assert run("build", articles, "-o", tmp_path / "out", "--store", store, "--no-html").exit_code == 0
    assert run("validate", store).exit_code == 0
    q = run("query", store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }", "--format", "csv")
    assert q.stdout.split() == ["n", "2"]
