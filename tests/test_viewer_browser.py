"""The viewer in a real browser: Debian's Chromium, headless, with the network cut off."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.export.html import write_html
from kg.export.viewmodel import build_view
from kg.graph.vocab import ENT
from test_viewer_support import ARTICLES, A, E, F, make_dataset, small_dataset, synthetic_dataset

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

DEEPSEEK = str(ENT["deepseek"])


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page with every non-file request aborted and recorded, dialogs and errors recorded."""

    def __init__(self, browser, html: Path, *, bypass_csp: bool = False):
        self.context = browser.new_context(viewport={"width": 1400, "height": 850}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(html.resolve().as_uri())
        self.page.wait_for_function("() => window.__kgDrawn !== undefined", timeout=20_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def small_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "small.html"
    write_html(small_dataset(), path, title="Invented AI news")
    return path


@pytest.fixture
def small_page(browser, small_html):
    opened = Opened(browser, small_html)
    yield opened
    assert opened.blocked == [], "the page tried to reach the network"
    assert opened.errors == []
    opened.close()


def node_index(p: Opened, iri: str) -> int:
    i = p.js("(id) => kg.nodeIndex(id)", iri)
    assert i >= 0
    return i


def test_every_node_is_drawn_offline(small_page):
    p = small_page
    view = build_view(small_dataset())
    assert p.js("() => network instanceof vis.Network")
    positions = p.js("() => network.getPositions()")
    assert len(positions) == len(view.nodes)
    assert p.js("() => kg.visibleNodes().length") == len(view.nodes)
    assert p.js("() => kg.visibleEdges().length") == len(view.edges)
    # the canvas really has something painted on it
    painted = p.js(
        """() => { const c = document.querySelector('#kg-canvas canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""
    )
    assert painted > 1000


def test_search_finds_deepseek_by_either_name(small_page):
    p = small_page
    target = node_index(p, DEEPSEEK)
    for query in ("딥시크", "DeepSeek", "deep seek", "DEEPSEEK"):
        p.page.fill("#kg-search", query)
        first = p.page.locator("#kg-results button").first
        assert int(first.get_attribute("data-node")) == target, query
    p.page.fill("#kg-search", "딥시크")
    p.page.press("#kg-search", "Enter")
    assert p.js("() => network.getSelectedNodes()") == [target]
    panel = p.page.locator("#kg-panel").inner_text()
    assert "DeepSeek / 딥시크" in panel
    assert "딥시크가 퀼 2를 공개했다." in panel
    assert "딥시크, 퀼 2 공개" in panel  # headline
    assert "2025-02-03" in panel


def _click_canvas_at(p: Opened, x: float, y: float):
    dom = p.js("([x, y]) => network.canvasToDOM({x: x, y: y})", [x, y])
    box = p.page.locator("#kg-canvas").bounding_box()
    p.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])


def test_clicking_a_node_and_an_edge_shows_the_evidence(small_page):
    p = small_page
    p.js("() => network.fit()")
    deepseek = node_index(p, DEEPSEEK)
    quill = node_index(p, str(ENT["quill-2"]))
    pos = p.js("() => network.getPositions()")
    a, b = pos[str(deepseek)], pos[str(quill)]
    _click_canvas_at(p, a["x"], a["y"])
    panel = p.page.locator("#kg-panel")
    assert panel.get_attribute("data-node") == str(deepseek)
    assert "released →" in panel.inner_text()
    # the edge between them, clicked a third of the way along (the label sits in the middle)
    _click_canvas_at(p, a["x"] + (b["x"] - a["x"]) / 3, a["y"] + (b["y"] - a["y"]) / 3)
    edge = int(panel.get_attribute("data-edge"))
    text = panel.inner_text()
    assert p.js("(k) => network.body.data.edges.get(k).label", edge) == "released"
    assert "딥시크가 퀼 2를 공개했다." in text
    assert "confidence 0.95" in text and "asserted" in text


def test_type_relation_and_date_filters(small_page):
    p = small_page
    view = build_view(small_dataset())
    types = {i: n.type for i, n in enumerate(view.nodes)}
    all_edges = p.js("() => kg.visibleEdges().length")

    p.page.locator("input[data-type='AIModel']").uncheck()
    shown = p.js("() => kg.visibleNodes()")
    assert shown and all(types[i] != "AIModel" for i in shown)
    assert len(shown) == sum(1 for t in types.values() if t != "AIModel")
    assert p.js("() => kg.visibleEdges().every(k => !network.body.data.edges.get(k).hidden)")
    p.page.locator("input[data-type='AIModel']").check()
    assert len(p.js("() => kg.visibleNodes()")) == len(view.nodes)

    p.page.locator("input[data-relation='released']").uncheck()
    labels = p.js("() => kg.visibleEdges().map(k => network.body.data.edges.get(k).label)")
    assert "released" not in labels and len(labels) == all_edges - 2
    p.page.locator("input[data-relation='released']").check()

    cut = sorted(a.date for a in ARTICLES)[-1]
    p.page.fill("#kg-date-from", cut)
    expected = sorted(i for i, n in enumerate(view.nodes) if any(d >= cut for d in n.dates))
    assert p.js("() => kg.visibleNodes()") == expected
    assert 0 < len(expected) < len(view.nodes)
    p.page.click("#kg-date-clear")
    assert len(p.js("() => kg.visibleNodes()")) == len(view.nodes)


def test_label_language_toggle(small_page):
    p = small_page
    i = node_index(p, DEEPSEEK)
    assert p.js("(i) => network.body.data.nodes.get(i).label", i) == "DeepSeek"
    p.page.check("#kg-lang-ko")
    assert p.js("(i) => network.body.data.nodes.get(i).label", i) == "딥시크"
    p.page.check("#kg-lang-en")
    assert p.js("(i) => network.body.data.nodes.get(i).label", i) == "DeepSeek"


# ---------------------------------------------------------------- untrusted text

XSS = [
    "<script>window.__xss = 1</script>",
    "</script><script>window.__xss = 2</script>",
    '<img src=x onerror="window.__xss = 3">',
    "<img src=x onerror=alert(4)>",
    "<svg onload=alert(5)>",
    '<svg><script>window.__xss = 6</script></svg>',
    '"><img src=x onerror=window.__xss=7>',
    "'><script>alert(8)</script>",
    '<iframe src="javascript:alert(9)"></iframe>',
    '<body onload="window.__xss = 10">',
    "<details open ontoggle=alert(11)>",
    '<a href="javascript:window.__xss=12">click</a>',
    "<math><mtext><img src=x onerror=alert(13)></mtext></math>",
    "<!--<script>alert(14)//-->",
    "\u2028window.__xss = 15;\u2029",
    '<object data="javascript:alert(16)"></object>',
    "<input autofocus onfocus=alert(17)>",
    '<video><source onerror="window.__xss = 18"></video>',
    "${alert(19)}{{constructor.constructor('window.__xss=20')()}}",
    '<style>@import "http://example.invalid/x.css";</style><b onmouseover=alert(20)>x</b>',
]


@pytest.fixture(scope="module")
def xss_html(tmp_path_factory):
    entities, articles, facts = [], [], []
    for k, payload in enumerate(XSS):
        entities.append(E(f"bad-{k:02d}", "Company", payload, payload + " 한국", (payload + " alt",)))
        entities.append(E(f"model-{k:02d}", "AIModel", f"Model {k}"))
        articles.append(A(f"x{k}", payload, f"2025-04-{1 + k:02d}"))
        facts.append(F(f"bad-{k:02d}", "released", f"model-{k:02d}", payload, f"x{k}"))
    path = tmp_path_factory.mktemp("viewer") / "xss.html"
    write_html(make_dataset(entities, articles, facts), path, title=XSS[0])
    return path


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_payloads_in_names_evidence_and_headlines_never_run(browser, xss_html, bypass_csp):
    p = Opened(browser, xss_html, bypass_csp=bypass_csp)
    try:
        n_nodes, n_edges = p.js("() => [kg.size.nodes, kg.size.edges]")
        shown = []
        for i in range(n_nodes):
            p.js("(i) => kg.showNode(i)", i)
            shown.append(p.page.locator("#kg-panel").inner_text())
        for k in range(n_edges):
            p.js("(k) => kg.showEdge(k)", k)
        for payload in XSS[:5]:
            p.page.fill("#kg-search", payload)
        p.page.check("#kg-lang-ko")
        p.page.mouse.move(700, 400)
        p.page.wait_for_timeout(300)
        assert p.dialogs == []
        assert p.js("() => window.__xss") is None
        assert p.js("() => document.scripts.length") == 3
        assert p.js("() => document.querySelectorAll('img, iframe, object, embed, video, math, details, a').length") == 0
        on_attrs = p.js(
            """() => Array.from(document.querySelectorAll('*')).flatMap(
                 e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => a.name))"""
        )
        assert on_attrs == []
        # the payloads are on the page, as text
        everything = "\n".join(shown)
        for payload in XSS:
            assert payload.strip("\u2028\u2029") in everything.replace("\u2028", "").replace("\u2029", "")
        assert p.js("() => document.title") == XSS[0]
        assert p.blocked == []
        assert p.errors == []
    finally:
        p.close()


# ---------------------------------------------------------------- a large graph


@pytest.fixture(scope="module")
def large_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "large.html"
    write_html(synthetic_dataset(10_000, facts_per_entity=1.0), path, title="10,000 invented entities")
    return path


def test_ten_thousand_entities_draw_within_ten_seconds_and_search_reaches_all(browser, large_html):
    t = time.perf_counter()
    p = Opened(browser, large_html)
    wall = time.perf_counter() - t
    try:
        drawn_ms = p.js("() => window.__kgDrawn")
        assert drawn_ms < 10_000 and wall < 10, (drawn_ms, wall)
        assert p.js("() => kg.size.nodes") == 10_000
        first = p.js("() => kg.visibleNodes().length")
        assert 0 < first <= 300
        # a node far outside the first view, found through the search box by its Korean name
        last = 9_999
        name = p.js("(i) => kg.names(i)[1]", last)
        assert not p.js("(i) => kg.visibleNodes().includes(i)", last)
        p.page.fill("#kg-search", name)
        p.page.press("#kg-search", "Enter")
        assert p.js("() => network.getSelectedNodes()") == [last]
        assert p.js("(i) => kg.visibleNodes().includes(i)", last)
        # neighbourhoods on demand: a node just outside the first view has hidden neighbours
        p.js("(i) => kg.pick(i)", first + 100)
        before = p.js("() => kg.visibleNodes().length")
        hidden = int(p.page.locator("#kg-expand").inner_text().split("(")[1].split()[0])
        assert hidden > 0
        p.page.click("#kg-expand")
        assert p.js("() => kg.visibleNodes().length") == before + hidden
        assert p.blocked == [] and p.errors == [] and p.dialogs == []
    finally:
        p.close()
