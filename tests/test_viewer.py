"""The viewer's data, escaping and determinism, without a browser."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import time

import pytest
from rdflib import Graph

import kg.export.html as viewer_html
from kg.errors import ExportError
from kg.export.html import json_for_script, render_html, write_html
from kg.export.viewmodel import build_view, to_networkx
from kg.graph.vocab import ENT
from test_viewer_support import ARTICLES, ENTITIES, FACTS, A, E, F, make_dataset, small_dataset, synthetic_dataset

DEEPSEEK = str(ENT["deepseek"])


def island(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def small():
    return small_dataset()


def test_entities_keep_both_names_on_one_node(small):
    g = to_networkx(small)
    node = g.nodes[DEEPSEEK]
    assert node["type"] == "Company"
    assert (node["label_en"], node["label_ko"]) == ("DeepSeek", "딥시크")
    assert {"DeepSeek", "딥시크"} <= set(node["names"])
    assert set(g.nodes) == {str(ENT[e.key]) for e in ENTITIES}


def test_edges_carry_evidence_with_article_metadata(small):
    g = to_networkx(small)
    entity_facts = [f for f in FACTS if isinstance(f.o, str)]
    assert g.number_of_edges() == len(entity_facts)
    articles = {a.id: a for a in ARTICLES}
    for f in entity_facts:
        data = g.get_edge_data(str(ENT[f.s]), str(ENT[f.o]), key=f.p)
        (ev,) = data["evidence"]
        assert ev.sentence == f.sentence
        assert ev.headline == articles[f.article].headline
        assert ev.date == articles[f.article].date
        assert ev.confidence == pytest.approx(f.confidence)
        assert ev.modality == f.modality
        assert data["stated"] == (f.modality in {"asserted", "claimed"})


def test_amounts_stay_on_their_subject(small):
    g = to_networkx(small)
    (fact,) = [f for f in FACTS if isinstance(f.o, tuple)]
    (amount,) = g.nodes[str(ENT[fact.s])]["amounts"]
    assert (amount.relation, amount.currency) == (fact.p, fact.o[1])
    assert float(amount.value) == fact.o[0]
    assert amount.facts[0].sentence == fact.sentence


def test_plain_graph_reads_like_the_dataset(small):
    flat = Graph()
    for s, p, o, _ in small.quads((None, None, None, None)):
        flat.add((s, p, o))
    a, b = to_networkx(small), to_networkx(flat)
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    for s, o, k, data in a.edges(keys=True, data=True):
        assert b.get_edge_data(s, o, key=k)["evidence"] == data["evidence"]


def test_most_connected_entity_ranks_first(small):
    view = build_view(small)
    g = to_networkx(small)
    degree = {n: g.degree(n) for n in g}
    assert degree[view.nodes[0].id] == max(degree.values())
    assert view.nodes[0].importance == 1.0
    assert all(0 < n.importance <= 1 for n in view.nodes)
    assert [n.importance for n in view.nodes] == sorted((n.importance for n in view.nodes), reverse=True)


def test_same_graph_same_page_whatever_the_input_order():
    forward = make_dataset(ENTITIES, ARTICLES, FACTS)
    backward = make_dataset(ENTITIES[::-1], ARTICLES[::-1], FACTS[::-1])
    assert render_html(forward, title="t") == render_html(backward, title="t")


def test_json_for_script_escapes_everything_that_could_end_the_script():
    nasty = "</script><script>alert(1)</script><!-- & \u2028\u2029"
    out = json_for_script({"x": nasty})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out
    assert json.loads(out) == {"x": nasty}


def test_names_and_sentences_cannot_break_out_of_the_page():
    payload = '</script><script>window.__xss=1</script><img src=x onerror="alert(1)">'
    ds = make_dataset(
        [E("evil", "Company", payload, payload + "ko", (payload + "alt",)), E("m", "AIModel", "Model M")],
        [A("x", payload, "2025-05-05")],
        [F("evil", "released", "m", payload, "x")],
    )
    page = render_html(ds, title=payload)
    assert payload not in page
    assert "<img" not in page
    assert page.count("</script>") == 3  # data island, vis-network, viewer
    data = island(page)
    assert data["nodes"][0][2] == payload or data["nodes"][1][2] == payload
    assert payload in [row[0] for row in data["evidence"]]
    assert payload in [row[1] for row in data["articles"]]


def test_page_allows_only_its_own_scripts_and_no_network(small):
    page = render_html(small)
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)


def test_data_island_holds_every_node_and_edge(small):
    view = build_view(small)
    data = island(render_html(small, max_initial_nodes=4))
    assert [row[0] for row in data["nodes"]] == [n.id for n in view.nodes]
    assert len(data["edges"]) == len(view.edges)
    assert data["config"]["initial"] == 4
    names = {name for row in data["nodes"] for name in row[4]}
    assert {"DeepSeek", "딥시크"} <= names


def test_pyvis_network_is_kept_for_scripts(small):
    render_html(small)
    net = viewer_html.network
    assert type(net).__name__ == "Network" and type(net).__module__.startswith("pyvis")
    assert {n["id"] for n in net.nodes} == set(to_networkx(small).nodes)
    assert len(net.edges) == len(build_view(small).edges)


def test_write_html_replaces_only_on_success(tmp_path, small):
    out = tmp_path / "view.html"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(ExportError):
        write_html("not a graph", out)
    assert out.read_text(encoding="utf-8") == "previous"
    write_html(small, out, title="Small")
    assert "DeepSeek" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_bad_arguments_are_export_errors(tmp_path, small):
    with pytest.raises(ExportError, match="does not exist"):
        write_html(small, tmp_path / "missing" / "view.html")
    with pytest.raises(ExportError, match="max_initial_nodes"):
        render_html(small, max_initial_nodes=0)
    with pytest.raises(ExportError, match="language"):
        render_html(small, lang="fr")


def test_ten_thousand_entities_build_quickly_with_a_readable_first_view():
    ds = synthetic_dataset(10_000, facts_per_entity=1.0)
    t = time.perf_counter()
    view = build_view(ds, core_size=300)
    page = render_html(view, max_initial_nodes=300)
    elapsed = time.perf_counter() - t
    assert len(view.nodes) == 10_000
    assert elapsed < 20, f"building the 10k page took {elapsed:.1f} s"
    assert all(math.isfinite(n.x) and math.isfinite(n.y) for n in view.nodes)
    # the first view is spread out: no two of its nodes on the same spot
    first = {(n.x, n.y) for n in view.nodes[:300]}
    assert len(first) == 300
    data = island(page)
    assert len(data["nodes"]) == 10_000
    assert data["config"]["options"]["physics"]["enabled"] is True  # 300 nodes: small enough


def test_large_first_view_turns_physics_off():
    ds = synthetic_dataset(800, facts_per_entity=1.0)
    data = island(render_html(ds, max_initial_nodes=700))
    assert data["config"]["options"]["physics"]["enabled"] is False


def test_hidden_nodes_are_placed_next_to_a_neighbour():
    ds = synthetic_dataset(800, facts_per_entity=1.0)
    g = to_networkx(ds)
    view = build_view(g, core_size=100)
    pos = {n.id: (n.x, n.y) for n in view.nodes}
    core = {n.id for n in view.nodes[:100]}
    near = 0
    outside = [n.id for n in view.nodes[100:]]
    for node in outside:
        others = [m for m in g.successors(node)] + [m for m in g.predecessors(node)]
        if others:
            d = min(math.dist(pos[node], pos[m]) for m in others)
            near += d < 200
    assert near >= 0.9 * sum(1 for n in outside if g.degree(n))
    assert len(core) == 100
