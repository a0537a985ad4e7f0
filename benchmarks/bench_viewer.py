"""How long the HTML viewer takes to draw 1,000 and 10,000 entities in headless Chromium.

    python benchmarks/bench_viewer.py [--sizes 1000 10000] [--out out/bench-viewer]

For each size it writes a deterministic invented graph as TriG, reads it back the way
``kg view`` does (rdflib Dataset, format "trig"), writes the HTML, opens it in Chromium with
every non-file request aborted, and prints: Python time to build the page, the time from
navigation start until the network is first drawn (the page sets ``window.__kgDrawn`` from
vis's first ``afterDrawing``), and whether search reaches the least important node.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def launch(playwright):
    """Debian's Chromium, headless, as the tests use it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_offline(browser, html: Path, *, viewport=(1400, 850)):
    """A page showing ``html`` with the network cut; returns (page, attempted non-file URLs)."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(html.resolve().as_uri())
    return page, blocked


def time_drawn(browser, html: Path, *, timeout_ms: int = 60_000) -> dict:
    """Milliseconds from navigation start until the network is drawn, and a search check."""
    page, blocked = open_offline(browser, html)
    page.wait_for_function("() => window.__kgDrawn !== undefined", timeout=timeout_ms)
    drawn_ms = page.evaluate("() => window.__kgDrawn")
    first_view = page.evaluate("() => kg.visibleNodes().length")
    last = page.evaluate("() => kg.size.nodes - 1")
    name = page.evaluate("(i) => kg.nodeId(i)", last) if last >= 0 else None
    reached = False
    t0 = time.perf_counter()
    if last >= 0:
        # search by name through the search box, as a person would
        page.fill("#kg-search", page.evaluate("(i) => kg.names(i)[0]", last))
        page.press("#kg-search", "Enter")
        reached = page.evaluate(
            "(i) => kg.visibleNodes().includes(i) && network.getSelectedNodes()[0] === i", last
        )
    search_ms = (time.perf_counter() - t0) * 1000
    # everything at once, for the record: what "Show every node" costs
    all_ms = page.evaluate(
        """() => new Promise((done) => {
            const t0 = performance.now();
            network.once("afterDrawing", () => done(performance.now() - t0));
            kg.reveal(Array.from({length: kg.size.nodes}, (_, i) => i));
        })"""
    )
    result = {
        "drawn_ms": round(drawn_ms),
        "first_view_nodes": first_view,
        "reached_last_node": bool(reached),
        "last_node": name,
        "search_and_focus_ms": round(search_ms),
        "show_all_drawn_ms": round(all_ms),
        "blocked_requests": blocked,
    }
    page.close()
    return result


def build(n: int, out: Path) -> tuple[Path, dict]:
    from rdflib import Dataset

    from kg.export.html import write_html
    from test_viewer_support import synthetic_dataset

    figures: dict = {}
    trig = out / f"synthetic-{n}.trig"
    if not trig.exists():
        t = time.perf_counter()
        synthetic_dataset(n).serialize(trig, format="trig")
        figures["generate_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    ds = Dataset()
    ds.parse(trig, format="trig")
    figures["parse_trig_s"] = round(time.perf_counter() - t, 2)
    figures["quads"] = len(ds)
    html = out / f"synthetic-{n}.html"
    t = time.perf_counter()
    write_html(ds, html, title=f"Synthetic graph, {n} entities")
    figures["write_html_s"] = round(time.perf_counter() - t, 2)
    figures["html_bytes"] = html.stat().st_size
    return html, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "bench-viewer")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        for n in args.sizes:
            html, figures = build(n, args.out)
            figures.update(time_drawn(browser, html))
            print(f"{n} entities: " + ", ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
