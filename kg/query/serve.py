"""A read-only SPARQL 1.1 Protocol endpoint over a store folder or an RDF file.

``serve(source)`` answers ``GET/POST /sparql`` and serves a small query page at ``/``.
Queries are evaluated by pyoxigraph in worker *processes*: a query that runs past the
timeout is stopped by killing its worker (a thread could not be stopped), and a fresh worker
takes its place, so one bad query never wedges the server.

Nothing here writes: updates are refused with 403, and queries that would make the server
fetch from elsewhere (``SERVICE``, ``LOAD``) are refused with 400 before they are evaluated.

>>> sorted(forbidden_keywords('SELECT * { ?s ?p "SERVICE" } # service'))
[]
>>> sorted(forbidden_keywords('select * { service <http://x/> { ?s ?p ?o } }'))
['SERVICE']
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import logging
import multiprocessing
import os
import queue
import re
import signal
import socket
import threading
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from kg.errors import InputError, StoreError

log = logging.getLogger(__name__)

#: Largest request body accepted (a query, not a data upload).
MAX_BODY = 1 << 20
#: How long a worker may take to open the store or load the file.
STARTUP_TIMEOUT = 120.0
#: Suffixes of RDF files the endpoint can load (pyoxigraph guesses the syntax from them).
RDF_SUFFIXES = (".trig", ".ttl", ".nq", ".nt", ".nquads", ".ntriples", ".turtle")

# --------------------------------------------------------------------------------------------
# Which queries are allowed
# --------------------------------------------------------------------------------------------

#: Keywords that would make the server reach out to other services or load documents.
FORBIDDEN = frozenset({"SERVICE", "LOAD"})

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[^\W\d][\w-]*")
_PNAME_LOCAL = re.compile(r"(?:[\w\-.:%]|\\.)*")
_VAR_OR_LANG = re.compile(r"[\w-]*")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _keywords(text: str, *, iris: bool = True) -> set[str]:
    """Upper-cased bare words of a SPARQL text, skipping strings, comments and names.

    With ``iris=False`` a ``<`` never starts an IRI, so words inside ``<...>`` are seen too.
    """
    found: set[str] = set()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            long = text.startswith(c * 3, i)
            quote = c * 3 if long else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if text[j] == "\\":
                    j += 1
                elif text[j] == "\n" and not long:
                    break
                j += 1
            i = j + len(quote)
        elif c == "<" and iris and (m := _IRI.match(text, i)):
            i = m.end()
        elif c in "?$@":  # variables and language tags
            i = _VAR_OR_LANG.match(text, i + 1).end()
        elif c == ":":  # prefixed name with the empty prefix
            i = _PNAME_LOCAL.match(text, i + 1).end()
        elif m := _WORD.match(text, i):
            i = m.end()
            if i < n and text[i] == ":":  # a prefix, not a keyword
                i = _PNAME_LOCAL.match(text, i + 1).end()
            else:
                found.add(m.group().upper())
        else:
            i += 1
    return found


def _grammar_uses_service(query: str) -> bool | None:
    """Whether a full SPARQL grammar finds a SERVICE pattern; None when it cannot parse."""
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(query)
    except Exception:  # noqa: BLE001 -- any parse failure means "cannot tell"
        return None
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(node)
    return False


def forbidden_keywords(query: str) -> set[str]:
    """The keywords of :data:`FORBIDDEN` that ``query`` uses, in any letter case.

    The text is also checked after decoding ``\\uXXXX`` escapes, which SPARQL allows anywhere.
    ``<`` is ambiguous (IRI or less-than: ``FILTER(?a<?b)SERVICE?s#>``), so a keyword seen
    only inside something IRI-like is settled by a full grammar (rdflib's parser); when
    that cannot parse the query either, the keyword counts.
    """
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    texts = (query, decoded)
    sure = set().union(*(_keywords(t) for t in texts)) & FORBIDDEN
    if sure:
        return sure
    maybe = set().union(*(_keywords(t, iris=False) for t in texts)) & FORBIDDEN
    if not maybe:
        return set()
    uses_service = _grammar_uses_service(query)
    if uses_service is None:
        return maybe
    # LOAD cannot occur in a query that parses as one; SERVICE is what the grammar says.
    return {"SERVICE"} if uses_service else set()


# --------------------------------------------------------------------------------------------
# Result formats and content negotiation
# --------------------------------------------------------------------------------------------

_SOLUTION_TYPES = {  # media type -> pyoxigraph QueryResultsFormat attribute
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat attribute
    "text/turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}
_FORMAT_NAMES = {  # the ``format=`` parameter: short name -> media types, best first
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "turtle": ("text/turtle",),
    "ttl": ("text/turtle",),
    "n3": ("text/turtle",),
    "nt": ("application/n-triples",),
    "ntriples": ("application/n-triples",),
    "n-triples": ("application/n-triples",),
    "rdfxml": ("application/rdf+xml",),
    "rdf": ("application/rdf+xml",),
    "jsonld": ("application/ld+json",),
    "json-ld": ("application/ld+json",),
}
_TEXT_TYPES = frozenset({"text/csv", "text/tab-separated-values", "text/turtle"})


class _HttpError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)


def media_preferences(accept: str | None, format_param: str | None = None) -> tuple[str, ...]:
    """Media types the client wants, best first; ``format=`` overrides the Accept header.

    >>> media_preferences("text/csv;q=0.5, application/sparql-results+json")
    ('application/sparql-results+json', 'text/csv')
    >>> media_preferences("*/*", "turtle")
    ('text/turtle',)
    """
    if format_param:
        name = format_param.strip().lower()
        if name in _FORMAT_NAMES:
            return _FORMAT_NAMES[name]
        media = name.split(";")[0].strip()
        if media in _SOLUTION_TYPES or media in _GRAPH_TYPES:
            return (media,)
        raise _HttpError(400, f"unknown format {format_param!r}; use one of {', '.join(sorted(_FORMAT_NAMES))}")
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for p in params:
            if p.lower().startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, position, media.lower()))
    return tuple(media for _, _, media in sorted(ranked))


def _pick(preferences: tuple[str, ...], table: dict[str, str], default: str) -> str | None:
    """The first preferred media type ``table`` offers; None when the client accepts none."""
    if not preferences:
        return default
    for media in preferences:
        if media in table:
            return media
        if media == "*/*" or (media.endswith("/*") and default.startswith(media[:-1])):
            return default
    return None


# --------------------------------------------------------------------------------------------
# The worker process: owns a pyoxigraph Store, answers one query at a time
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    path: str
    kind: str  # "store" or "file"


@dataclass(frozen=True, slots=True)
class _Request:
    query: str
    preferences: tuple[str, ...]
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    max_rows: int


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    content_type: str
    body: bytes
    truncated: bool | None = None

    @classmethod
    def text(cls, status: int, message: str) -> _Response:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def _load(source: _Source) -> Any:
    """An in-memory store: the named graphs as they are, and their merge as the default graph.

    pyoxigraph 0.5 evaluates ``use_default_graph_as_union`` as a bag, so a triple stated in
    two article graphs (every entity's label) would match twice; the merged default graph is
    a set, and queries run on it instead.
    """
    import pyoxigraph as ox

    if source.kind == "store":
        quads = list(ox.Store.read_only(source.path))
    else:
        quads = list(ox.parse(path=source.path, format=ox.RdfFormat.from_extension(Path(source.path).suffix.lstrip("."))))
    store = ox.Store()
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return store


def _term_json(term: Any) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term_json(getattr(term, p)) for p in parts}}
    raise TypeError(f"unexpected term {term!r}")


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media in _TEXT_TYPES else media


def _answer(store: Any, req: _Request) -> _Response:
    """Evaluate one query and serialise its (capped) result in the negotiated format."""
    import pyoxigraph as ox

    try:
        kwargs: dict[str, Any] = {}  # the default graph already is the merge (see _load)
        if req.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs]
        if req.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs]
        result = store.query(req.query, **kwargs)

        if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
            media = _pick(req.preferences, _SOLUTION_TYPES, "application/sparql-results+json")
            if media is None:
                return _Response.text(406, f"cannot give query results as {', '.join(req.preferences)}; "
                                      f"available: {', '.join(_SOLUTION_TYPES)}")
            fmt = getattr(ox.QueryResultsFormat, _SOLUTION_TYPES[media])
            if isinstance(result, ox.QueryBoolean):
                return _Response(200, _content_type(media), result.serialize(format=fmt))
            names = [v.value for v in result.variables]
            bindings, truncated = [], False
            for solution in result:
                if len(bindings) >= req.max_rows:
                    truncated = True
                    break
                bindings.append({n: _term_json(t) for n in names if (t := solution[n]) is not None})
            capped = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)
            # Round-trip through pyoxigraph so every format comes from its serialisers.
            body = ox.parse_query_results(capped, ox.QueryResultsFormat.JSON).serialize(format=fmt)
            return _Response(200, _content_type(media), body, truncated)

        media = _pick(req.preferences, _GRAPH_TYPES, "text/turtle")
        if media is None:
            return _Response.text(406, f"cannot give a graph as {', '.join(req.preferences)}; "
                                  f"available: {', '.join(_GRAPH_TYPES)}")
        triples, truncated = [], False
        for triple in result:
            if len(triples) >= req.max_rows:
                truncated = True
                break
            triples.append(triple)
        body = ox.serialize(triples, format=getattr(ox.RdfFormat, _GRAPH_TYPES[media]))
        return _Response(200, _content_type(media), body, truncated)
    except (SyntaxError, ValueError) as e:
        return _Response.text(400, f"query error: {e}")
    except OSError as e:
        return _Response.text(500, f"query failed: {e}")


def _worker_main(source: _Source, conn: Any) -> None:
    # Ctrl-C in a terminal reaches the whole process group; the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = _load(source)
    except (OSError, SyntaxError, ValueError) as e:
        conn.send(("error", f"{source.path}: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if req is None:
            return
        try:
            conn.send(_answer(store, req))
        except Exception as e:  # noqa: BLE001 -- a worker must outlive any one query
            conn.send(_Response.text(500, f"internal error: {type(e).__name__}: {e}"))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, source: _Source):
        ctx = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded server
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(source, child), daemon=True, name="kg-sparql-worker")
        self.process.start()
        child.close()
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.kill()
            raise StoreError(f"{source.path}: worker did not start within {STARTUP_TIMEOUT:.0f} s")
        try:
            status, message = self.conn.recv()
        except EOFError as e:
            self.kill()
            raise StoreError(f"{source.path}: worker died while loading") from e
        if status != "ready":
            self.kill()
            raise (StoreError if source.kind == "store" else InputError)(message)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class _WorkerPool:
    """Hands each query to an idle worker; replaces workers killed on timeout."""

    def __init__(self, source: _Source, size: int):
        self.source = source
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._guard = threading.Lock()
        self._closed = False
        self._add(_Worker(source))  # the first one in the foreground: load errors surface here
        for _ in range(size - 1):
            self._replace()

    def _add(self, worker: _Worker) -> None:
        with self._guard:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self) -> None:
        def start() -> None:
            try:
                self._add(_Worker(self.source))
            except Exception:  # noqa: BLE001 -- logged; the pool goes on with fewer workers
                log.exception("could not start a SPARQL worker")

        threading.Thread(target=start, daemon=True, name="kg-sparql-respawn").start()

    def _discard(self, worker: _Worker) -> None:
        with self._guard:
            self._all.discard(worker)
        worker.kill()

    def run(self, req: _Request, timeout: float) -> _Response:
        try:
            # Waiting covers a replacement worker still starting after a timeout.
            worker = self._idle.get(timeout=timeout + 30.0)
        except queue.Empty:
            return _Response.text(503, "all query workers are busy; try again later")
        try:
            worker.conn.send(req)
            if worker.conn.poll(timeout):
                response = worker.conn.recv()
                self._idle.put(worker)
                return response
            message = f"query stopped after the {timeout:g} s time limit"
        except (EOFError, OSError) as e:
            message = f"query worker failed: {e}"
        log.warning("%s; restarting the worker", message)
        self._discard(worker)
        self._replace()
        return _Response.text(503, message)

    def close(self) -> None:
        with self._guard:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()


# --------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------

_PAGE_SCRIPT = """
const form = document.getElementById("form");
const query = document.getElementById("query");
const status = document.getElementById("status");
const table = document.getElementById("results");
const raw = document.getElementById("raw");
function show(term) {
  if (term === undefined) return "";
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  if (term.type === "triple") return "<< " + ["subject", "predicate", "object"].map(k => show(term.value[k])).join(" ") + " >>";
  return term.value;
}
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  table.replaceChildren();
  raw.textContent = "";
  status.textContent = "running...";
  const started = performance.now();
  try {
    const response = await fetch("sparql", {
      method: "POST",
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: query.value}),
    });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      status.textContent = "Error " + response.status + ": " + await response.text();
      return;
    }
    let note = "";
    if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        note = "answer: " + data.boolean;
      } else {
        const vars = data.head.vars;
        const head = table.createTHead().insertRow();
        for (const v of vars) head.appendChild(document.createElement("th")).textContent = "?" + v;
        const body = table.createTBody();
        for (const binding of data.results.bindings) {
          const row = body.insertRow();
          for (const v of vars) row.insertCell().textContent = show(binding[v]);
        }
        note = data.results.bindings.length + " rows";
      }
    } else {
      raw.textContent = await response.text();
    }
    if (response.headers.get("X-KG-Truncated") === "true") note += " (truncated by the row limit)";
    status.textContent = note + " in " + Math.round(performance.now() - started) + " ms";
  } catch (error) {
    status.textContent = "Request failed: " + error;
  }
});
"""

_PAGE_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
textarea { width: 100%; height: 12rem; font-family: monospace; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; }
"""

_DEFAULT_QUERY = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX kg: <https://w3id.org/aikg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?subject ?predicate ?object WHERE {
  ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?predicate ; rdf:object ?o .
  OPTIONAL { ?s rdfs:label ?subject }
  OPTIONAL { ?o rdfs:label ?object }
}
LIMIT 100"""


@cache
def _page() -> tuple[bytes, str]:
    """The query page and the Content-Security-Policy that allows only its own code."""
    import html

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    page = (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>kg SPARQL endpoint</title>"
        f"<style>{_PAGE_STYLE}</style></head><body>"
        "<h1>kg SPARQL endpoint</h1>"
        "<p>Read-only. POST or GET <code>/sparql?query=</code>; the default graph is the union of all article graphs.</p>"
        "<form id=\"form\"><textarea id=\"query\" name=\"query\" spellcheck=\"false\">"
        f"{html.escape(_DEFAULT_QUERY)}</textarea><br><button type=\"submit\" id=\"run\">Run</button></form>"
        "<p id=\"status\" role=\"status\"></p><table id=\"results\"></table><pre id=\"raw\"></pre>"
        f"<script>{_PAGE_SCRIPT}</script></body></html>\n"
    )
    csp = (
        f"default-src 'none'; script-src {digest(_PAGE_SCRIPT)}; style-src {digest(_PAGE_STYLE)}; "
        "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    return page.encode("utf-8"), csp


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``server_close()`` also stops the query workers."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: _WorkerPool, *, timeout: float, max_rows: int):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.pool = pool
        self.query_timeout = timeout
        self.max_rows = max_rows
        super().__init__(address, _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise _HttpError(400, f"give the {name!r} parameter once, not {len(values)} times")
    return values[0] if values else None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 -- stdlib signature
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, response: _Response, extra: dict[str, str] | None = None) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if response.truncated is not None:
            self.send_header("X-KG-Truncated", "true" if response.truncated else "false")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def _params(self, text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
        except UnicodeDecodeError as e:
            raise _HttpError(400, f"parameters are not valid UTF-8: {e}") from e

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _HttpError(411, "Content-Length is required")
        try:
            size = int(length)
        except ValueError as e:
            raise _HttpError(400, "bad Content-Length") from e
        if size < 0 or size > MAX_BODY:
            raise _HttpError(413, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(size)

    def do_GET(self) -> None:  # noqa: N802 -- stdlib naming
        self._handle(post=False)

    def do_POST(self) -> None:  # noqa: N802
        self._handle(post=True)

    def _handle(self, *, post: bool) -> None:
        try:
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html") and not post:
                page, csp = _page()
                self._send(_Response(200, "text/html; charset=utf-8", page), {"Content-Security-Policy": csp})
                return
            if url.path != "/sparql":
                raise _HttpError(404, f"no such page: {url.path}; the endpoint is /sparql")
            params = self._params(url.query)
            query = None
            if post:
                media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                if media == "application/sparql-update":
                    raise _HttpError(403, "this endpoint is read-only: SPARQL updates are refused")
                body = self._body()
                if media == "application/x-www-form-urlencoded":
                    try:
                        form = self._params(body.decode("ascii"))
                    except UnicodeDecodeError as e:
                        raise _HttpError(400, "form body is not URL-encoded") from e
                    for name, values in form.items():
                        params.setdefault(name, []).extend(values)
                elif media == "application/sparql-query":
                    try:
                        query = body.decode("utf-8")
                    except UnicodeDecodeError as e:
                        raise _HttpError(400, f"query is not valid UTF-8: {e}") from e
                else:
                    raise _HttpError(415, f"unsupported Content-Type {media or '(none)'!r}")
            if "update" in params:
                raise _HttpError(403, "this endpoint is read-only: SPARQL updates are refused")
            if query is None:
                query = _one(params, "query")
            elif "query" in params:
                raise _HttpError(400, "give the query either in the body or as a parameter, not both")
            if not query or not query.strip():
                raise _HttpError(400, "missing 'query' parameter")
            refused = forbidden_keywords(query)
            if refused:
                raise _HttpError(400, f"{' and '.join(sorted(refused))} not allowed: this endpoint only queries its own data")
            request = _Request(
                query=query,
                preferences=media_preferences(self.headers.get("Accept"), _one(params, "format")),
                default_graphs=tuple(params.get("default-graph-uri", [])),
                named_graphs=tuple(params.get("named-graph-uri", [])),
                max_rows=self.server.max_rows,
            )
            self._send(self.server.pool.run(request, self.server.query_timeout))
        except _HttpError as e:
            self._send(_Response.text(e.status, str(e)))


def _source(source: str | os.PathLike[str]) -> _Source:
    path = Path(source)
    if path.is_dir():
        if not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: folder is not a kg store (no Oxigraph database in it)")
        return _Source(str(path), "store")
    if not path.exists():
        raise InputError("no such file or folder", source=str(path))
    if path.suffix.lower() not in RDF_SUFFIXES:
        raise InputError(f"not an RDF file I can load; use one of {', '.join(RDF_SUFFIXES)}", source=str(path))
    return _Source(str(path), "file")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(
    source: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    workers: int = 2,
) -> tuple[SparqlServer, str]:
    """Build the endpoint without starting it; returns the server and the ``/sparql`` URL.

    ``port=0`` picks a free port. Call ``server.serve_forever()`` (e.g. in a thread), then
    ``server.shutdown()`` and ``server.server_close()``.
    """
    if timeout <= 0 or max_rows < 1 or workers < 1:
        raise ValueError("timeout must be > 0, max_rows and workers >= 1")
    pool = _WorkerPool(_source(source), workers)
    try:
        server = SparqlServer((host, port), pool, timeout=timeout, max_rows=max_rows)
    except OSError as e:
        pool.close()
        raise StoreError(f"cannot listen on {host}:{port}: {e}") from e
    if not _is_loopback(host):
        log.warning("the SPARQL endpoint listens on %s, reachable from other machines", host)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    return server, f"http://{shown}:{bound_port}/sparql"


def serve(
    source: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    workers: int = 2,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``source`` (a store folder or an RDF file) until interrupted.

    ``on_ready`` gets the endpoint URL once the server listens (the CLI prints it).
    """
    server, url = make_server(source, host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers)
    log.info("SPARQL endpoint at %s", url)
    try:
        if on_ready is not None:
            on_ready(url)
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping the SPARQL endpoint")
    finally:
        server.server_close()


__all__ = ["FORBIDDEN", "SparqlServer", "forbidden_keywords", "make_server", "media_preferences", "serve"]
