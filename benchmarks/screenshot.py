"""A PNG of the viewer, taken in headless Chromium with the network cut off.

    python benchmarks/screenshot.py GRAPH_OR_HTML OUT.png [--select NAME] [--lang ko]

GRAPH_OR_HTML is a viewer page (.html) or an RDF file (TriG, N-Quads, Turtle, ...) that is
drawn first. The most important node is selected so the side panel shows its facts, unless
``--select`` names another (any of its names, as in the search box); ``--select ''`` selects
nothing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_viewer import launch, open_offline  # noqa: E402

FORMATS = {".trig": "trig", ".nq": "nquads", ".nt": "nt", ".ttl": "turtle", ".jsonld": "json-ld", ".rdf": "xml"}


def to_html(source: Path, folder: Path, *, title: str | None) -> Path:
    if source.suffix.lower() in (".html", ".htm"):
        return source
    from rdflib import Dataset

    from kg.export.html import write_html

    fmt = FORMATS.get(source.suffix.lower())
    if fmt is None:
        raise SystemExit(f"{source}: unknown RDF format (use one of {', '.join(FORMATS)} or .html)")
    ds = Dataset()
    ds.parse(source, format=fmt)
    return write_html(ds, folder / "view.html", title=title or source.stem)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--select", default=None, help="name of the node to select (default: the most important)")
    ap.add_argument("--lang", choices=("en", "ko"), default="en")
    ap.add_argument("--title", default=None)
    ap.add_argument("--size", default="1400x850", help="viewport WIDTHxHEIGHT")
    args = ap.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        html = to_html(args.source, Path(tmp), title=args.title)
        browser = launch(pw)
        page, blocked = open_offline(browser, html, viewport=(width, height))
        page.wait_for_function("() => window.__kgDrawn !== undefined", timeout=60_000)
        page.evaluate("(lang) => kg.setLang(lang)", args.lang)
        if args.select is None:
            if page.evaluate("() => kg.size.nodes") > 0:
                page.evaluate("() => { network.selectNodes([0]); kg.showNode(0); }")
        elif args.select:
            page.fill("#kg-search", args.select)
            page.press("#kg-search", "Enter")
            page.fill("#kg-search", "")
            page.evaluate("() => network.fit()")
        # let physics (small graphs) settle before the picture
        page.wait_for_timeout(1500)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    if blocked:
        print(f"warning: the page tried to reach {blocked}", file=sys.stderr)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
