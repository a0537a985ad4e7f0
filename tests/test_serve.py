"""The SPARQL endpoint: protocol, formats, read-only guard, timeout, row cap and the query page."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import InputError, StoreError
from kg.graph.vocab import ART, ENT, GRAPH, KG, SCHEMA
from kg.query.serve import forbidden_keywords, make_server, media_preferences

TIMEOUT = 1.0
MAX_ROWS = 50
FILLER = 200  # triples in a filler graph: enough rows to hit the cap, a 4-way join never ends
ODD_LABEL = '<b id="x">bold</b> & <script>alert(1)</script>'


def build_dataset() -> Dataset:
    """Two small article graphs in the layout of kg/graph/rdf.py, plus a filler graph."""
    ds = Dataset()
    for n, (company, model) in enumerate([("acme", "acme-one"), ("globex", "globex-two")]):
        sha = f"{n:064x}"
        g = ds.graph(GRAPH[sha])
        g.add((ART[sha], RDF.type, SCHEMA.NewsArticle))
        g.add((ART[sha], KG.contentHash, Literal(sha)))
        g.add((ART[sha], KG.articleId, Literal(f"doc-{n}")))
        g.add((ENT[company], RDF.type, KG.Company))
        g.add((ENT[model], RDF.type, KG.AIModel))
        g.add((ENT[company], RDFS.label, Literal(company.title(), lang="en")))
        g.add((ENT[company], KG.released, ENT[model]))
    g = ds.graph(GRAPH["filler"])
    g.add((ENT["acme"], RDFS.comment, Literal(ODD_LABEL)))
    for i in range(FILLER - 1):
        g.add((URIRef(f"https://example.org/n{i}"), RDF.value, Literal(i, datatype=XSD.integer)))
    return ds


RELEASED = {(str(ENT["acme"]), str(ENT["acme-one"])), (str(ENT["globex"]), str(ENT["globex-two"]))}
Q_RELEASED = f"SELECT ?c ?m WHERE {{ ?c <{KG.released}> ?m }}"


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "kg.trig"
    build_dataset().serialize(path, format="trig")
    return path


@pytest.fixture(scope="module")
def endpoint(data_file: Path):
    # One worker, so the timeout test also proves that a killed worker is replaced.
    server, url = make_server(data_file, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()
    thread.join(5)


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, **params: str):
    if params:
        url += "?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setTimeout(30)
    return sparql


# -- the guard against SERVICE / LOAD ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", {"SERVICE"}),
        ("select * { service silent <http://x/> { ?s ?p ?o } }", {"SERVICE"}),
        ("SELECT * {SeRvIcE<http://x/>{?s ?p ?o}}", {"SERVICE"}),
        ("SELECT * { ?s ?p ?o }.SERVICE <http://x/> {}", {"SERVICE"}),
        ("LOAD <http://x/data.ttl>", {"LOAD"}),
        ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", {"SERVICE"}),
        ('SELECT * { ?s ?p "SERVICE <http://x/>" }', set()),
        ("SELECT * { ?s ?p '''\nservice\n''' }", set()),
        ("SELECT * { ?s ?p ?o } # SERVICE in a comment", set()),
        ("SELECT ?service { ?service <http://x/service> ?load }", set()),
        ("PREFIX service: <http://x/> SELECT * { ?s service:load ?o }", set()),
        ('SELECT * { ?s ?p "x"@load }', set()),
        ("SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) SERVICE <http://x/> {} }", {"SERVICE"}),
        # "<" as less-than: the span up to ">" looks like an IRI but is not one
        ("SELECT * { ?a ?p ?b FILTER(?b<?b)SERVICE?v#>\n { ?x ?y ?z } }", {"SERVICE"}),
        ("SELECT * { ?a ?p ?b FILTER(?b<?b)sErViCe?v#>\n { ?x ?y ?z } }", {"SERVICE"}),
        # IRIs that merely contain the words stay allowed
        ("SELECT * { ?s <https://example.org/service/load> ?o }", set()),
        ("SELECT * { ?s <https://example.org/load> ?o FILTER(?o < 3) }", set()),
    ],
)
def test_forbidden_keywords_see_through_strings_iris_and_names(query: str, expected: set[str]) -> None:
    assert forbidden_keywords(query) == expected


def test_media_preferences_rank_by_quality_and_format_overrides() -> None:
    assert media_preferences("text/csv;q=0.2, text/turtle, */*;q=0.1") == ("text/turtle", "text/csv", "*/*")
    assert media_preferences("application/sparql-results+xml", "csv") == ("text/csv",)
    assert media_preferences(None) == ()


# -- the protocol through SPARQLWrapper ---------------------------------------------------------


def test_select_json_returns_the_rows(endpoint: str) -> None:
    result = wrapper(endpoint, Q_RELEASED, JSON).query().convert()
    assert result["head"]["vars"] == ["c", "m"]
    assert {(b["c"]["value"], b["m"]["value"]) for b in result["results"]["bindings"]} == RELEASED


def test_select_csv_returns_the_rows(endpoint: str) -> None:
    body = wrapper(endpoint, Q_RELEASED, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(body.decode() if isinstance(body, bytes) else body)))
    assert rows[0] == ["c", "m"]
    assert {tuple(r) for r in rows[1:]} == RELEASED


def test_ask(endpoint: str) -> None:
    yes = wrapper(endpoint, f"ASK {{ <{ENT['acme']}> <{KG.released}> ?m }}", JSON).query().convert()
    no = wrapper(endpoint, f"ASK {{ <{ENT['acme']}> <{KG.released}> <{ENT['globex-two']}> }}", JSON).query().convert()
    assert yes["boolean"] is True and no["boolean"] is False


def test_construct_turtle_is_the_expected_graph(endpoint: str) -> None:
    query = f"CONSTRUCT {{ ?c <{KG.released}> ?m }} WHERE {{ ?c <{KG.released}> ?m }}"
    body = wrapper(endpoint, query, TURTLE).query().convert()
    got = Graph().parse(data=body, format="turtle")
    expected = Graph()
    for c, m in RELEASED:
        expected.add((URIRef(c), KG.released, URIRef(m)))
    assert isomorphic(got, expected)


def test_default_graph_is_the_union_of_article_graphs(endpoint: str) -> None:
    status, _, body = http(endpoint, query=f"SELECT (COUNT(*) AS ?n) {{ ?a a <{SCHEMA.NewsArticle}> }}")
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"


def test_post_form_and_direct_post(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": Q_RELEASED}).encode()
    status, headers, body = http(endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert len(json.loads(body)["results"]["bindings"]) == 2
    status, headers, body = http(
        endpoint,
        data=Q_RELEASED.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?c\t?m"


def test_xml_results_by_accept_header(endpoint: str) -> None:
    status, headers, body = http(endpoint, headers={"Accept": "application/sparql-results+xml"}, query=Q_RELEASED)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    assert body.count(b"<result>") == 2


# -- refusals and errors ------------------------------------------------------------------------


def test_service_is_refused_but_the_word_in_a_string_is_fine(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(endpoint, "SELECT * { service <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", JSON).query()
    status, _, body = http(endpoint, query="SELECT * { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE" in body
    status, _, body = http(endpoint, query='SELECT ?s { ?s ?p "SERVICE <http://x/>" }')
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_updates_are_refused_and_change_nothing(endpoint: str) -> None:
    triple = "<https://example.org/x> <https://example.org/y> <https://example.org/z>"
    sparql = SPARQLWrapper(endpoint, updateEndpoint=endpoint)
    sparql.setMethod(POST)
    sparql.setQuery(f"INSERT DATA {{ {triple} }}")
    with pytest.raises(urllib.error.HTTPError) as raised:
        sparql.query()
    assert raised.value.code == 403
    form = urllib.parse.urlencode({"update": f"INSERT DATA {{ {triple} }}"}).encode()
    status, _, body = http(endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and b"read-only" in body
    status, _, _ = http(endpoint, data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = http(endpoint, query=f"INSERT DATA {{ {triple} }}")  # an update is no query
    assert status == 400
    status, _, body = http(endpoint, query=f"ASK {{ {triple} }}")
    assert json.loads(body)["boolean"] is False


def test_syntax_error_is_400_with_the_parser_position(endpoint: str) -> None:
    status, headers, body = http(endpoint, query="SELECT * WHERE { ?s ?p }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert b"1:" in body  # line:column from the parser


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({}, {}, 400),  # no query
        ({"query": "ASK {}", "format": "yaml"}, {}, 400),
        ({"query": "ASK {}"}, {"Accept": "image/png"}, 406),
        ({"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, {"Accept": "text/csv"}, 406),
    ],
)
def test_bad_requests(endpoint: str, params: dict, headers: dict, status: int) -> None:
    assert http(endpoint, headers=headers, **params)[0] == status


def test_other_paths_and_content_types(endpoint: str) -> None:
    base = endpoint.rsplit("/", 1)[0]
    assert http(base + "/nope")[0] == 404
    assert http(endpoint, data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_slow_query_times_out_and_the_server_still_answers(endpoint: str) -> None:
    slow = f"SELECT (COUNT(*) AS ?n) {{ ?a <{RDF.value}> ?b . ?c <{RDF.value}> ?d . ?e <{RDF.value}> ?f . ?g <{RDF.value}> ?h }}"
    started = time.monotonic()
    status, _, body = http(endpoint, query=slow)
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 5
    status, _, body = http(endpoint, query=f"ASK {{ <{ENT['acme']}> <{KG.released}> ?m }}")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_row_cap_truncates_and_says_so(endpoint: str) -> None:
    status, headers, body = http(endpoint, query=f"SELECT ?s ?v {{ ?s <{RDF.value}> ?v }}")
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, headers, body = http(endpoint, query=f"CONSTRUCT WHERE {{ ?s <{RDF.value}> ?v }}")
    assert headers["X-KG-Truncated"] == "true"
    assert len(Graph().parse(data=body, format="turtle")) == MAX_ROWS
    status, headers, _ = http(endpoint, query=Q_RELEASED)
    assert headers["X-KG-Truncated"] == "false"


# -- the query page -----------------------------------------------------------------------------


def test_query_page_is_self_contained(endpoint: str) -> None:
    base = endpoint.rsplit("/", 1)[0] + "/"
    status, headers, body = http(base)
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page and "<button" in page and "fetch(" in page
    assert "innerHTML" not in page
    assert "src=" not in page and "href=" not in page and "@import" not in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_query_page_runs_a_query_and_shows_markup_as_text(endpoint: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    base = endpoint.rsplit("/", 1)[0] + "/"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(base)
            page.fill("#query", f"SELECT ?c {{ ?s <{RDFS.comment}> ?c }}")
            page.click("#run")
            page.wait_for_selector("#results td", timeout=10_000)
            assert page.inner_text("#results td") == ODD_LABEL
            assert page.locator("#results b").count() == 0
            assert page.locator("#results script").count() == 0
            assert all(u.startswith(base) for u in requested)
            assert errors == []
        finally:
            browser.close()


# -- sources --------------------------------------------------------------------------------------


def test_serves_a_store_folder(tmp_path: Path) -> None:
    from kg.graph.store import KGStore

    with KGStore(tmp_path / "store") as store:
        store.add(build_dataset())
    before = set(multiprocessing.active_children())
    server, url = make_server(tmp_path / "store", port=0, timeout=5, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = wrapper(url, Q_RELEASED, JSON).query().convert()
        assert {(b["c"]["value"], b["m"]["value"]) for b in result["results"]["bindings"]} == RELEASED
    finally:
        server.shutdown()
        server.server_close()
    assert set(multiprocessing.active_children()) <= before  # its workers are gone


def test_bad_sources_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        make_server(tmp_path / "missing.trig", port=0)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="not an RDF file"):
        make_server(tmp_path / "notes.txt", port=0)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/a> <https://example.org/b> .\n")
    with pytest.raises(InputError, match="broken.ttl"):
        make_server(broken, port=0, workers=1)
    (tmp_path / "folder").mkdir()
    with pytest.raises(StoreError, match="not a kg store"):
        make_server(tmp_path / "folder", port=0)
