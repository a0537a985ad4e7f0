"""The annotated corpus: reading, checking and converting ``corpus/src/*.txt``.

The source format (``corpus/FORMAT.md``) is written by hand: names are marked inline as
``[surface]{Type:id}`` and triples are listed after the text by entity id. Reading it gives
:class:`Article` objects with plain text, character-offset spans and triples, the same
shape as the evaluation gold (``SCHEMA.md``). Standard library only, so the checker runs
before the project is installed.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("Company", "Government", "Person", "AIModel", "Hardware", "Policy", "Project", "Country")
RELATIONS = {
    "released": ({"Company"}, {"AIModel"}),
    "enacted": ({"Government"}, {"Policy"}),
    "announced": ({"Government"}, {"Policy"}),
    "repealed": ({"Government", "Person"}, {"Policy"}),
    "trainedOn": ({"AIModel"}, {"Hardware"}),
    "manufactures": ({"Company"}, {"Hardware"}),
    "outperforms": ({"AIModel"}, {"AIModel"}),
    "participatesIn": ({"Company", "Government"}, {"Project"}),
    "leads": ({"Person"}, {"Government", "Company"}),
    "basedIn": ({"Company"}, {"Country"}),
    "subsidiaryOf": ({"Company"}, {"Company"}),
    "operates": ({"Company"}, {"AIModel", "Company", "Project"}),
    "developmentCost": ({"AIModel"}, None),
    "investment": ({"Project", "Company"}, None),
}
CURRENCIES = {"USD", "KRW", "EUR", "CNY", "JPY", "GBP", "INR", "CAD", "AUD", "CHF", "SGD", "HKD",
              "TWD", "BRL", "SAR", "AED", "SEK", "ILS", "VND", "IDR"}

_MARK = re.compile(r"\[([^\[\]\n]+?)\]\{([A-Za-z]+)(?::([^{}\s]+))?\}")
_HEADER = re.compile(r"^### ARTICLE\s+(\S+)\s*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class CorpusError(ValueError):
    """A problem in a corpus source file, with its file and line."""


@dataclass
class Span:
    start: int
    end: int
    type: str
    entity: str


@dataclass
class Article:
    id: str
    lang: str
    date: str
    style: str
    text: str
    spans: list[Span]
    entities: dict[str, dict]  # id -> {"type", "names"}
    triples: list[dict]
    source: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.text.split("\n", 1)[0]

    def gold(self) -> dict:
        """The article as one line of a gold file (``SCHEMA.md``), text inline."""
        return {
            "id": self.id, "lang": self.lang, "date": self.date, "source": "corpus", "title": self.title,
            "text": self.text,
            "entities": [{"id": k, "type": v["type"], "names": v["names"]} for k, v in self.entities.items()],
            "triples": self.triples,
        }


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"[^\w]+", "-", s).strip("-")
    return s or "x"


def strip_marks(text: str) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    """Plain text and (start, end, surface, type, id) for every ``[surface]{Type:id}``."""
    out: list[str] = []
    marks = []
    pos = 0
    length = 0
    for m in _MARK.finditer(text):
        before = text[pos:m.start()]
        out.append(before)
        length += len(before)
        surface, type_, ident = m.group(1), m.group(2), m.group(3)
        marks.append((length, length + len(surface), surface, type_, ident or slug(surface)))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), marks


def _parse_object(raw: str):
    parts = raw.split()
    if len(parts) == 2 and parts[1].upper() in CURRENCIES:
        try:
            amount = float(parts[0].replace(",", "").replace("_", ""))
        except ValueError:
            return raw
        return {"amount": int(amount) if amount.is_integer() else amount, "currency": parts[1].upper()}
    return raw


def _article(path: str, line_no: int, ident: str, lines: list[str]) -> Article:
    where = f"{path}:{line_no} ({ident})"
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].startswith("text:"):
        if lines[i].strip():
            key, sep, value = lines[i].partition(":")
            if not sep:
                raise CorpusError(f"{where}: expected 'key: value' or 'text:', got {lines[i]!r}")
            meta[key.strip()] = value.strip()
        i += 1
    if i == len(lines):
        raise CorpusError(f"{where}: no 'text:' line")
    j = i + 1
    while j < len(lines) and not lines[j].startswith("triples:"):
        j += 1
    body = "\n".join(lines[i + 1:j]).strip("\n")
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    for key in ("lang", "date"):
        if key not in meta:
            raise CorpusError(f"{where}: missing '{key}:'")
    if meta["lang"] not in ("ko", "en"):
        raise CorpusError(f"{where}: lang must be ko or en")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        raise CorpusError(f"{where}: date must be YYYY-MM-DD")
    leftover = re.search(r"\]\{|\{[A-Z][A-Za-z]+(?::[^{}]*)?\}", _MARK.sub("", body))
    if leftover:
        raise CorpusError(f"{where}: malformed mark near {_MARK.sub('', body)[max(0, leftover.start() - 30):leftover.end() + 10]!r}")
    text, marks = strip_marks(body)
    text = unicodedata.normalize("NFC", text)
    if "\n" not in text:
        raise CorpusError(f"{where}: the first line is the headline, then a blank line, then the body")
    entities: dict[str, dict] = {}
    spans = []
    for start, end, surface, type_, ent in marks:
        if type_ not in TYPES:
            raise CorpusError(f"{where}: unknown type {type_!r} on {surface!r}; one of {', '.join(TYPES)}")
        if not _ID.match(ent):
            raise CorpusError(f"{where}: bad entity id {ent!r} (lower case, digits, - . _)")
        if surface != surface.strip():
            raise CorpusError(f"{where}: span {surface!r} has spaces at its edge")
        e = entities.setdefault(ent, {"type": type_, "names": []})
        if e["type"] != type_:
            raise CorpusError(f"{where}: entity {ent!r} is {e['type']} and {type_}; one id, one type")
        if surface not in e["names"]:
            e["names"].append(surface)
        spans.append(Span(start, end, type_, ent))
    triples = []
    for k, line in enumerate(lines[j + 1:], start=j + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            raise CorpusError(f"{path}:{line_no + k + 1}: a triple is 's | p | o | evidence', got {line!r}")
        s, p, o, evidence = parts
        p_alt = []
        if "/" in p:
            p, *p_alt = p.split("/")
        evidence, _ = strip_marks(evidence)
        evidence = unicodedata.normalize("NFC", evidence)
        tw = f"{path}:{line_no + k + 1}"
        if p not in RELATIONS or any(a not in RELATIONS for a in p_alt):
            raise CorpusError(f"{tw}: unknown relation {p!r}")
        if s not in entities:
            raise CorpusError(f"{tw}: subject {s!r} is not a marked entity of the article")
        subj_types, obj_types = RELATIONS[p]
        if entities[s]["type"] not in subj_types:
            raise CorpusError(f"{tw}: {p} needs a subject of type {'/'.join(sorted(subj_types))}, {s!r} is {entities[s]['type']}")
        obj = _parse_object(o)
        if obj_types is None:
            if not isinstance(obj, dict):
                raise CorpusError(f"{tw}: {p} needs 'AMOUNT CURRENCY' (e.g. 12000000 USD), got {o!r}")
        else:
            if obj not in entities:
                raise CorpusError(f"{tw}: object {o!r} is not a marked entity of the article")
            if entities[obj]["type"] not in obj_types:
                raise CorpusError(f"{tw}: {p} needs an object of type {'/'.join(sorted(obj_types))}, {o!r} is {entities[obj]['type']}")
        if not evidence or evidence not in text:
            raise CorpusError(f"{tw}: the evidence is not a sentence of the text: {evidence[:80]!r}")
        triple = {"s": s, "p": p, "o": obj, "evidence": evidence}
        if p_alt:
            triple["p_alt"] = p_alt
        triples.append(triple)
    return Article(ident, meta["lang"], meta["date"], meta.get("style", ""), text, spans, entities, triples,
                   source=path, meta=meta)


def read_source(path: str | Path) -> list[Article]:
    """Every article of one source file; raises :class:`CorpusError` on the first problem."""
    path = str(path)
    raw = Path(path).read_text(encoding="utf-8")
    lines = raw.split("\n")
    articles = []
    current: tuple[int, str] | None = None
    chunk: list[str] = []
    for n, line in enumerate(lines, start=1):
        h = _HEADER.match(line)
        if h or line.strip() == "### END":
            if current is not None:
                articles.append(_article(path, current[0], current[1], chunk))
                current = None
            if h:
                current = (n, h.group(1))
                chunk = []
            continue
        if current is not None:
            chunk.append(line)
        elif line.strip() and not line.startswith("#"):
            raise CorpusError(f"{path}:{n}: text outside an article (start one with '### ARTICLE id')")
    if current is not None:
        articles.append(_article(path, current[0], current[1], chunk))
    return articles


def read_corpus(folder: str | Path, pattern: str = "*.txt") -> list[Article]:
    """All articles under ``folder``, sorted by file and position; ids must be unique."""
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for p in sorted(Path(folder).glob(pattern)):
        for a in read_source(p):
            if a.id in seen:
                raise CorpusError(f"{p}: article id {a.id!r} also in {seen[a.id]}")
            seen[a.id] = str(p)
            articles.append(a)
    return articles


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.train.corpus check FILE...``: report problems, count what is there."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        args = args[1:]
    if not args:
        print("usage: python -m kg.train.corpus check FILE_OR_FOLDER...", file=sys.stderr)
        return 2
    bad = 0
    counts: dict[str, int] = {}
    n_art = n_trip = 0
    for a in args:
        files = sorted(Path(a).glob("*.txt")) if Path(a).is_dir() else [Path(a)]
        for f in files:
            try:
                arts = read_source(f)
            except (CorpusError, OSError, UnicodeDecodeError) as e:
                print(f"error: {e}", file=sys.stderr)
                bad += 1
                continue
            for art in arts:
                n_art += 1
                n_trip += len(art.triples)
                for s in art.spans:
                    counts[s.type] = counts.get(s.type, 0) + 1
    print(json.dumps({"articles": n_art, "triples": n_trip, "spans": counts}, ensure_ascii=False))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
