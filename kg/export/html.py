"""One self-contained HTML file to explore the graph in any browser, offline.

pyvis is the only module that knows about pyvis, and only this one imports it. We keep
pyvis's ``Network`` as the holder of the drawing (nodes, edges, vis options) and expose the
last one built as :data:`network`, as pyvis users expect, but we write the page from our own
template because pyvis's template fetches Bootstrap from a CDN, does not escape names, and
adds nodes one by one (quadratic at 10,000 edges).

The page gets the graph as a JSON data island (``<script type="application/json">``) with
``<``, ``>``, ``&`` and the JS line separators escaped, inserts every text with
``textContent``, and carries a Content-Security-Policy that allows only its own two scripts
(by hash) and no network access at all.
"""
from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import logging
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.atomic import atomic_write
from kg.errors import ExportError
from kg.export.viewmodel import UNKNOWN_TYPE, ViewModel, build_view
from kg.model import ENTITY_TYPES, MODALITIES, RELATIONS

log = logging.getLogger(__name__)

#: The last pyvis ``Network`` built by :func:`render_html` (pyvis pages expose ``network``).
network: Any = None

#: Above this many nodes in the first view the browser runs no physics at all.
PHYSICS_LIMIT = 500

#: Colour, border and vis shape per entity type; shapes draw the label below the node.
TYPE_STYLE: dict[str, dict[str, Any]] = {
    "Company": {"color": "#4e79a7", "border": "#2f4b6b", "shape": "dot"},
    "Government": {"color": "#e15759", "border": "#8f2f31", "shape": "square"},
    "Person": {"color": "#59a14f", "border": "#346030", "shape": "triangle"},
    "AIModel": {"color": "#b07aa1", "border": "#6c4663", "shape": "diamond"},
    "Hardware": {"color": "#9c755f", "border": "#5e4537", "shape": "hexagon"},
    "Policy": {"color": "#f28e2b", "border": "#9a5512", "shape": "star"},
    "Project": {"color": "#76b7b2", "border": "#3f6f6b", "shape": "triangleDown"},
    "Country": {"color": "#edc948", "border": "#8a7320", "shape": "dot", "dashes": True},
    UNKNOWN_TYPE: {"color": "#cccccc", "border": "#888888", "shape": "dot"},
}
_TYPES = (*ENTITY_TYPES, UNKNOWN_TYPE)

_VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")
_SLOT_RE = re.compile(r"\{\{(\w+)\}\}")


def json_for_script(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``</script>``, no ``<!--``.

    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _asset(*parts: str) -> str:
    return resources.files("kg.export").joinpath(*parts).read_text(encoding="utf-8")


def _vis_js() -> str:
    try:
        return resources.files("pyvis").joinpath(*_VIS_JS).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError(f"vis-network is missing from the pyvis package ({exc})") from exc


def _script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _vis_options(physics: bool, many: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            # vis defaults, but stronger pull to the centre so nodes whose links are not in
            # the first view do not drift off and shrink everything else when fitted
            "barnesHut": {"gravitationalConstant": -2500, "centralGravity": 0.6, "springLength": 110,
                          "avoidOverlap": 0.1},
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
        },
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
        "nodes": {"font": {"face": "system-ui, 'Noto Sans KR', sans-serif"}},
        "interaction": {
            "hover": not many,
            "hideEdgesOnDrag": many,
            "hideEdgesOnZoom": many,
            "tooltipDelay": 300,
        },
    }


def _pyvis_network(view: ViewModel, options: dict[str, Any]):
    """A pyvis Network holding the drawing, filled in bulk (its add_edge is quadratic)."""
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.nodes = [
        {
            "id": n.id,
            "label": n.label_en,
            "group": n.type,
            "shape": TYPE_STYLE[n.type]["shape"],
            "color": TYPE_STYLE[n.type]["color"],
            "size": round(8 + 26 * n.importance ** 0.5, 2),
            "x": n.x,
            "y": n.y,
        }
        for n in view.nodes
    ]
    net.node_ids = [n.id for n in view.nodes]
    net.node_map = {d["id"]: d for d in net.nodes}
    net.edges = [
        {"from": e.source, "to": e.target, "label": e.relation, "arrows": "to", "dashes": not e.stated}
        for e in view.edges
    ]
    net.options = options
    return net


def page_data(view: ViewModel, *, title: str, max_initial_nodes: int, lang: str, options: dict) -> dict:
    """The data island: compact rows (indexes instead of repeated strings) for 10k nodes."""
    type_index = {t: i for i, t in enumerate(_TYPES)}
    rel_index = {r: i for i, r in enumerate(RELATIONS)}
    modality_list = list(MODALITIES)
    node_index = {n.id: i for i, n in enumerate(view.nodes)}
    articles: dict[str, int] = {}
    article_rows: list[list] = []
    evidence_index: dict[Any, int] = {}
    evidence_rows: list[list] = []

    def ev_ref(ev) -> int:
        key = ev
        if key not in evidence_index:
            if ev.article not in articles:
                articles[ev.article] = len(article_rows)
                article_rows.append([ev.article, ev.headline, ev.date])
            if ev.modality not in modality_list:
                modality_list.append(ev.modality)
            evidence_index[key] = len(evidence_rows)
            evidence_rows.append(
                [ev.sentence, articles[ev.article], ev.confidence, modality_list.index(ev.modality)]
            )
        return evidence_index[key]

    nodes = [
        [n.id, type_index.get(n.type, type_index[UNKNOWN_TYPE]), n.label_en, n.label_ko,
         list(n.names), n.importance, n.x, n.y, list(n.dates)]
        for n in view.nodes
    ]
    edges = [
        [node_index[e.source], node_index[e.target], rel_index[e.relation], e.stated,
         [ev_ref(ev) for ev in e.facts]]
        for e in view.edges
    ]
    amounts = [
        [node_index[a.subject], rel_index[a.relation], a.value, a.currency, [ev_ref(ev) for ev in a.facts]]
        for a in view.amounts
        if a.subject in node_index
    ]
    return {
        "title": title,
        "config": {"initial": max_initial_nodes, "lang": lang, "options": options},
        "types": [{"name": t, **TYPE_STYLE[t]} for t in _TYPES],
        "relations": list(RELATIONS),
        "modalities": modality_list,
        "nodes": nodes,
        "edges": edges,
        "amounts": amounts,
        "articles": article_rows,
        "evidence": evidence_rows,
    }


def _view_of(graph: Graph | nx.MultiDiGraph | ViewModel, core_size: int) -> ViewModel:
    if isinstance(graph, ViewModel):
        return graph
    if isinstance(graph, (Graph, nx.MultiDiGraph)):
        return build_view(graph, core_size=core_size)
    raise ExportError(f"cannot draw a {type(graph).__name__}; give an rdflib Graph or Dataset")


def render_html(
    graph: Graph | nx.MultiDiGraph | ViewModel,
    *,
    title: str | None = None,
    max_initial_nodes: int = 300,
    lang: str = "en",
) -> str:
    """The viewer page for ``graph`` as one HTML string with everything in-line."""
    global network
    if max_initial_nodes < 1:
        raise ExportError(f"max_initial_nodes must be at least 1, got {max_initial_nodes}")
    if lang not in ("en", "ko"):
        raise ExportError(f"label language must be 'en' or 'ko', got {lang!r}")
    view = _view_of(graph, max_initial_nodes)
    title = title or "Knowledge graph"
    first_view = min(len(view.nodes), max_initial_nodes)
    options = _vis_options(physics=first_view <= PHYSICS_LIMIT, many=first_view > PHYSICS_LIMIT)
    network = _pyvis_network(view, options)
    data = page_data(view, title=title, max_initial_nodes=max_initial_nodes, lang=lang, options=network.options)

    vis_js = _vis_js()
    app_js = _asset("static", "viewer.js")
    for name, code in (("vis-network", vis_js), ("viewer", app_js)):
        if "</script" in code.lower():
            raise ExportError(f"the {name} script contains '</script' and cannot be in-lined")
    csp = (
        "default-src 'none'; "
        f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    from importlib.metadata import PackageNotFoundError, version

    try:
        kg_version = version("kg")
    except PackageNotFoundError:
        kg_version = "dev"
    slots = {
        "csp": html_lib.escape(csp),
        "version": html_lib.escape(kg_version),
        "vis_version": "9.1.2",
        "title": html_lib.escape(title),
        "css": _asset("static", "viewer.css"),
        "data": json_for_script(data),
        "vis_js": vis_js,
        "app_js": app_js,
    }
    template = _asset("templates", "viewer.html")
    # one pass, so text put into a slot is never read as another slot
    return _SLOT_RE.sub(lambda m: slots[m.group(1)], template)


def write_html(
    graph: Graph | nx.MultiDiGraph | ViewModel,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    max_initial_nodes: int = 300,
    lang: str = "en",
) -> Path:
    """Write the viewer page to ``path`` atomically; an existing file is replaced only on success."""
    target = Path(path)
    page = render_html(graph, title=title, max_initial_nodes=max_initial_nodes, lang=lang)
    _check_page(page)
    data = page.encode("utf-8", errors="replace")

    def check(tmp: Path) -> None:
        if tmp.stat().st_size != len(data):
            raise ExportError(f"{target}: short write")

    atomic_write(target, data, check=check)
    log.info("wrote %s (%d bytes)", target, len(data))
    return target


def _check_page(page: str) -> None:
    """Refuse to write a page whose data island does not read back."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    if m is None:
        raise ExportError("rendered page has no data island")
    try:
        json.loads(m.group(1))
    except ValueError as exc:
        raise ExportError(f"rendered data island is not valid JSON: {exc}") from exc
