"""The viewer on the real example graph, in headless Chromium with the network cut off (issue 5)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

import kg  # noqa: E402
from kg.export.viewmodel import build_view  # noqa: E402
from kg.graph.vocab import ENT  # noqa: E402
from test_viewer_browser import Opened, browser, node_index  # noqa: E402,F401

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def example_graph():
    return kg.build(EXAMPLES)


@pytest.fixture(scope="module")
def example_html(example_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer-examples") / "graph.html"
    example_graph.to_html(path)
    return path


@pytest.fixture
def page(browser, example_html):
    opened = Opened(browser, example_html)
    yield opened
    assert opened.blocked == [], "the page tried to reach the network"
    assert opened.errors == []
    opened.close()


def test_every_node_of_the_example_graph_is_drawn(page, example_graph):
    view = build_view(example_graph.dataset)
    assert len(view.nodes) > 20
    assert len(page.js("() => network.getPositions()")) == len(view.nodes)
    assert page.js("() => kg.visibleNodes().length") == len(view.nodes)


def test_search_finds_deepseek_by_its_korean_and_english_names(page):
    target = node_index(page, str(ENT["deepseek"]))
    for query in ("딥시크", "DeepSeek"):
        page.page.fill("#kg-search", query)
        first = page.page.locator("#kg-results button").first
        assert int(first.get_attribute("data-node")) == target, query
    page.page.press("#kg-search", "Enter")
    assert page.js("() => network.getSelectedNodes()") == [target]
    panel = page.page.locator("#kg-panel").inner_text()
    assert "H800" in panel or "DeepSeek-V3" in panel  # its facts, with evidence, are shown
