"""The ``kg`` command: a thin shell over the Python API.

Exit codes (the only place they are defined):

* 0 — everything worked;
* 1 — some inputs failed (named on stderr) or the graph has SHACL violations; the rest
  was built and written;
* 2 — usage error or unusable input (no articles, unreadable graph, bad query).
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from kg.errors import KGError

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

log = logging.getLogger("kg")


def _fail(message: str, code: int = EXIT_USAGE):
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            _fail(str(exc))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Knowledge graphs from Korean and English news about the AI industry."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _progress(total: int):
    """A progress bar on stderr for long runs; silent when stderr is not a terminal."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", file=sys.stderr, disable=None if total > 20 else True, leave=False)
    return bar


def _extract(inputs):
    from kg.builder import extract_all, read_all
    from kg.pipeline import Pipeline

    failures = []
    articles = read_all(inputs, failures)
    bar = _progress(len(articles))
    try:
        extractions = extract_all(articles, pipeline=Pipeline(), on_error=failures.append, progress=lambda a: bar.update(1))
    finally:
        bar.close()
    return articles, extractions, failures


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True,
              help="Folder for graph.trig, graph.ttl and graph.html.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), help="Also add the articles to this Oxigraph store (created if missing).")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
def build(inputs, out: Path, store: Path | None, no_html: bool, no_validate: bool) -> None:
    """Read articles (files or folders of .txt, .html, .jsonl), extract, merge and write the graph."""
    from kg.api import from_extractions
    from kg.builder import report_for

    articles, extractions, failures = _extract(inputs)
    if not extractions:
        for f in failures:
            click.echo(f"failed: {f}", err=True)
        _fail("no article could be read", EXIT_USAGE)
    report = report_for(extractions, failures, [])
    graph = from_extractions(extractions, report=report)
    out.mkdir(parents=True, exist_ok=True)
    written = [str(graph.write(out / "graph.trig")), str(graph.write(out / "graph.ttl"))]
    if not no_html:
        written.append(str(graph.to_html(out / "graph.html")))
    violations = 0
    if not no_validate:
        result = graph.validate()
        violations = len(result.violations)
        for v in result.violations[:20]:
            click.echo(f"shacl: {v}", err=True)
    if store is not None:
        from kg.graph.store import KGStore

        with KGStore(store) as s:
            added = s.add(graph.dataset)
        click.echo(f"store {store}: {len(added.added)} articles added, {len(added.skipped)} already there")
    click.echo(report.summary())
    for w in written:
        click.echo(f"wrote: {w}")
    if violations:
        click.echo(f"shacl: {violations} violations", err=True)
    for f in failures:
        click.echo(f"failed: {f}", err=True)
    sys.exit(EXIT_PARTIAL if failures or violations else EXIT_OK)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="jsonl: one line per article in the format of the reference scorer.")
def extract(inputs, fmt: str) -> None:
    """Print the facts of each article as JSON Lines (id = file name without extension)."""
    from kg.export.jsonl import extraction_to_score_line, write_jsonl

    _, extractions, failures = _extract(inputs)
    write_jsonl((extraction_to_score_line(e) for e in extractions), sys.stdout)
    for f in failures:
        click.echo(f"failed: {f}", err=True)
    if not extractions and failures:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_PARTIAL if failures else EXIT_OK)


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a literal VALUE (repeatable); the value is never pasted into the query.")
def query(graph: Path, query: str, fmt: str, binds) -> None:
    """Run a SPARQL query (text or a .rq file) on a graph file or store folder."""
    from kg.query.sparql import format_result
    from kg.query.sparql import query as run

    text = Path(query).read_text(encoding="utf-8") if query.endswith((".rq", ".sparql")) and Path(query).is_file() else query
    bindings = {}
    for b in binds:
        name, sep, value = b.partition("=")
        if not sep or not name:
            _fail(f"--bind expects NAME=VALUE, got {b!r}")
        bindings[name.lstrip("?")] = value
    result = run(graph, text, bindings=bindings or None)
    out = format_result(result, fmt)
    click.echo(out, nl=not out.endswith("\n"))


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="HTML file to write.")
@click.option("--lang", type=click.Choice(["en", "ko"]), default="en", show_default=True, help="Language of the labels shown first.")
@click.option("--title", help="Page title.")
def view(graph: Path, out: Path, lang: str, title: str | None) -> None:
    """Write the interactive HTML viewer of a graph file or store."""
    from kg.api import load

    written = load(graph).to_html(out, title=title, lang=lang)
    click.echo(f"wrote: {written}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--details", is_flag=True, help="List missed and wrong triples per article.")
def evaluate(gold: Path, as_json: bool, details: bool) -> None:
    """Extract the gold file's articles and print P/R/F1 per relation (rules of SCHEMA.md)."""
    from kg.eval.scoring import load_gold, score
    from kg.export.jsonl import extraction_to_score_line

    articles = load_gold(gold)
    _, extractions, failures = _extract([a.text_file for a in articles])
    lines = [extraction_to_score_line(e) for e in extractions]
    report = score(articles, lines)
    if as_json:
        click.echo(report.to_json(details=details))
    else:
        click.echo(report.format_table())
        if details:
            for err in report.errors:
                click.echo(f"== {err.id}")
                for m in err.missed:
                    click.echo(f"  missed {json.dumps(m, ensure_ascii=False)}")
                for w in err.wrong:
                    click.echo(f"  wrong  {json.dumps(w, ensure_ascii=False)}")
    for f in failures:
        click.echo(f"failed: {f}", err=True)
    sys.exit(EXIT_PARTIAL if failures else EXIT_OK)


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
def validate(graph: Path) -> None:
    """Check a graph file or store against the SHACL shapes of ontologies/shapes.ttl."""
    from kg.api import load

    report = load(graph).validate()
    for v in report.violations:
        click.echo(str(v))
    click.echo("conforms" if report.conforms else f"{len(report.violations)} violations")
    sys.exit(EXIT_OK if report.conforms else EXIT_PARTIAL)


@main.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--max-rows", default=10000, show_default=True, type=int, help="Rows returned at most.")
def serve(source: Path, host: str, port: int, timeout: float, max_rows: int) -> None:
    """Serve a graph file or store read-only as a SPARQL 1.1 endpoint at /sparql."""
    from kg.query.serve import serve as run

    run(source, host=host, port=port, timeout=timeout, max_rows=max_rows,
        on_ready=lambda url: click.echo(f"SPARQL endpoint: {url}  (Ctrl-C to stop)"))


@main.command()
@click.argument("store", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("articles", nargs=-1, required=True)
def remove(store: Path, articles) -> None:
    """Remove articles (by id, content hash or graph IRI) and their facts from a store."""
    from kg.graph.store import KGStore

    missing = []
    with KGStore(store) as s:
        for a in articles:
            if s.remove(a):
                click.echo(f"removed: {a}")
            else:
                missing.append(a)
    for a in missing:
        click.echo(f"not found: {a}", err=True)
    sys.exit(EXIT_PARTIAL if missing else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
