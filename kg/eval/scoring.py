"""Micro precision / recall / F1 of extracted triples against a gold file.

The rules are those of the evaluation schema (``SCHEMA.md`` of the evaluation data) and
give the same numbers as its reference scorer ``score.py``:

* names match after normalisation: NFKC, case-folded, with spaces, hyphens, dots,
  underscores, middle dots and quotes removed; a system entity matches a gold entity when
  any of its labels equals any gold name;
* an entity-valued triple matches when predicate (or one of the gold ``p_alt``), subject
  and object all match; an amount matches when the currency is equal and the amounts are
  within 1% of the larger one;
* scoring is per article; each gold triple is matched at most once, greedily in file order;
  identical system triples count once;
* a true positive and a false negative are counted under the gold predicate, a false
  positive under the system's predicate.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.names import name_key

def normalize_name(name: object) -> str:
    """The form in which two names are compared (:func:`kg.names.name_key`).

    >>> normalize_name("Qwen 2.5-Max") == normalize_name("qwen2.5 max")
    True
    """
    return name_key(name)


# --- gold ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldAmount:
    amount: int | float  # as written in the gold file
    currency: str


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    type: str
    names: tuple[str, ...]
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class GoldTriple:
    s: str
    p: str
    o: str | GoldAmount  # an entity id of the same article, or an amount
    p_alt: tuple[str, ...] = ()
    evidence: str | None = None

    @property
    def predicates(self) -> frozenset[str]:
        return frozenset((self.p, *self.p_alt))

    def as_json(self) -> dict:
        o = {"amount": self.o.amount, "currency": self.o.currency} if isinstance(self.o, GoldAmount) else self.o
        return {"s": self.s, "p": self.p, "o": o}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    entities: tuple[GoldEntity, ...]
    triples: tuple[GoldTriple, ...]
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    text_file: Path | None = None  # resolved against the gold file's folder

    def entity(self, entity_id: str) -> GoldEntity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)


def _json_lines(path: Path, kind: str):
    """(source "file:line", record) for every non-blank line; unreadable or invalid JSON is an InputError."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {kind} file: {e}", source=str(path)) from None
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield source, json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON: {e.msg} (column {e.colno})", source=source) from None


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold JSONL file; any malformed line is an :class:`InputError` with its number."""
    path = Path(path)
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for source, record in _json_lines(path, "gold"):
        article = _gold_article(record, base=path.parent, source=source)
        if article.id in seen:
            raise InputError(f"duplicate article id {article.id!r}", source=source)
        seen.add(article.id)
        articles.append(article)
    return articles


def _require(record: Mapping, key: str, kind: type | tuple[type, ...], *, source: str, where: str = ""):
    value = record.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise InputError(f'{where}"{key}" must be {names}, got {value!r}', source=source)
    return value


def _optional_str(record: Mapping, key: str, *, source: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f'"{key}" must be a string', source=source)
    return value


def _gold_article(record: object, *, base: Path, source: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise InputError("expected a JSON object", source=source)
    article_id = _require(record, "id", str, source=source)
    entities = []
    for i, e in enumerate(_require(record, "entities", list, source=source)):
        where = f"entities[{i}]."
        if not isinstance(e, dict):
            raise InputError(f"entities[{i}] must be an object", source=source)
        names = _require(e, "names", list, source=source, where=where)
        if not names or not all(isinstance(n, str) for n in names):
            raise InputError(f'{where}"names" must be a non-empty list of strings', source=source)
        entities.append(GoldEntity(
            id=_require(e, "id", str, source=source, where=where),
            type=_require(e, "type", str, source=source, where=where),
            names=tuple(names),
            wikidata=_optional_str(e, "wikidata", source=source),
        ))
    ids = [e.id for e in entities]
    if len(set(ids)) != len(ids):
        raise InputError("duplicate entity id", source=source)
    triples = []
    for i, t in enumerate(_require(record, "triples", list, source=source)):
        where = f"triples[{i}]."
        if not isinstance(t, dict):
            raise InputError(f"triples[{i}] must be an object", source=source)
        s = _require(t, "s", str, source=source, where=where)
        p = _require(t, "p", str, source=source, where=where)
        o = t.get("o")
        if isinstance(o, dict):
            o = GoldAmount(amount=_require(o, "amount", (int, float), source=source, where=where + "o."),
                           currency=_require(o, "currency", str, source=source, where=where + "o."))
        elif not isinstance(o, str):
            raise InputError(f'{where}"o" must be an entity id or an amount object', source=source)
        for ref in (s, o):
            if isinstance(ref, str) and ref not in ids:
                raise InputError(f"{where} refers to unknown entity {ref!r}", source=source)
        p_alt = t.get("p_alt") or []
        if not isinstance(p_alt, list) or not all(isinstance(x, str) for x in p_alt):
            raise InputError(f'{where}"p_alt" must be a list of strings', source=source)
        triples.append(GoldTriple(s=s, p=p, o=o, p_alt=tuple(p_alt),
                                  evidence=_optional_str(t, "evidence", source=source)))
    text_file = _optional_str(record, "text_file", source=source)
    return GoldArticle(
        id=article_id,
        entities=tuple(entities),
        triples=tuple(triples),
        lang=_optional_str(record, "lang", source=source),
        title=_optional_str(record, "title", source=source),
        date=_optional_str(record, "date", source=source),
        source=_optional_str(record, "source", source=source),
        text_file=(base / text_file) if text_file else None,
    )


def load_system(path: str | Path) -> list[dict]:
    """Read a system output JSONL file (the scorer format); bad lines raise InputError."""
    return [record for _, record in _json_lines(Path(path), "system")]


# --- report -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class ArticleErrors:
    """The gold triples an article's system output missed and the system triples that matched nothing."""

    id: str
    missed: tuple[dict, ...]
    wrong: tuple[dict, ...]


@dataclass(frozen=True, slots=True)
class Report:
    per_relation: dict[str, Counts]  # sorted by relation name
    micro: Counts
    errors: tuple[ArticleErrors, ...] = ()  # articles with a miss or a wrong triple, gold order
    unknown_ids: tuple[str, ...] = field(default=())  # system lines for articles not in the gold

    def format_table(self) -> str:
        """The table the reference scorer prints: one row per relation, then the micro line."""
        rows = [f"{'relation':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for r, c in self.per_relation.items():
            rows.append(f"{r:16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}")
        m = self.micro
        rows.append(f"micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}")
        return "\n".join(rows)

    def as_dict(self, *, details: bool = False) -> dict:
        """The reference scorer's ``--json`` structure (with ``--details`` when asked)."""
        out: dict = {
            "micro": {"p": self.micro.precision, "r": self.micro.recall, "f": self.micro.f1},
            "per_relation": {
                r: {"p": c.precision, "r": c.recall, "f": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}
                for r, c in self.per_relation.items()
            },
        }
        if details:
            out["details"] = {a.id: {"missed": list(a.missed), "wrong": list(a.wrong)} for a in self.errors}
        return out

    def to_json(self, *, details: bool = False) -> str:
        return json.dumps(self.as_dict(details=details), ensure_ascii=False, indent=1)


# --- matching -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _SystemTriple:
    p: str
    s: frozenset[str]
    o: frozenset[str] | dict  # normalised names, or the amount object as given
    raw: dict


def _labels(t: Mapping, key: str, *, source: str) -> frozenset[str]:
    extra = t.get(f"{key}_labels") or []
    if not isinstance(extra, list):
        raise InputError(f'"{key}_labels" must be a list', source=source)
    return frozenset(normalize_name(x) for x in (t[key], *extra))


def _system_triples(line: Mapping, *, article_id: str) -> list[_SystemTriple]:
    triples = line.get("triples", [])
    if not isinstance(triples, list):
        raise InputError('"triples" must be a list', source=f"system output for {article_id}")
    seen: set = set()
    out = []
    for i, t in enumerate(triples):
        source = f"system output for {article_id}, triple {i}"
        if not isinstance(t, dict) or not all(k in t for k in ("s", "p", "o")):
            raise InputError('a triple must be an object with "s", "p" and "o"', source=source)
        s = _labels(t, "s", source=source)
        if isinstance(t["o"], dict):
            o = t["o"]
            # Amounts are deduplicated as written, as the reference scorer does.
            key = (t["p"], s, json.dumps(o, sort_keys=True))
        else:
            o = _labels(t, "o", source=source)
            key = (t["p"], s, o)
        if key in seen:
            continue
        seen.add(key)
        out.append(_SystemTriple(p=t["p"], s=s, o=o, raw=t))
    return out


def _amount_matches(system: Mapping, gold: GoldAmount) -> bool:
    try:
        if str(system.get("currency", "")).upper() != gold.currency.upper():
            return False
        x, y = float(system["amount"]), float(gold.amount)
    except (KeyError, TypeError, ValueError):
        return False
    return abs(x - y) <= 0.01 * max(abs(x), abs(y))


def _matches(st: _SystemTriple, gt: GoldTriple, names: Mapping[str, frozenset[str]]) -> bool:
    if st.p not in gt.predicates or not (st.s & names[gt.s]):
        return False
    if isinstance(gt.o, GoldAmount):
        return isinstance(st.o, dict) and _amount_matches(st.o, gt.o)
    return not isinstance(st.o, dict) and bool(st.o & names[gt.o])


def score(gold_articles: Iterable[GoldArticle], system_lines: Iterable[Mapping]) -> Report:
    """Score system output lines (``{"id": ..., "triples": [...]}``) against the gold.

    An article of the gold with no system line counts as extracting nothing; when two lines
    share an id the last one counts, as in the reference scorer.
    """
    by_id: dict[str, Mapping] = {}
    for line in system_lines:
        if not isinstance(line, Mapping) or not isinstance(line.get("id"), str):
            raise InputError('every system line must be an object with a string "id"', source="system output")
        by_id[line["id"]] = line
    gold_articles = list(gold_articles)
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for article in gold_articles:
        names = {e.id: frozenset(normalize_name(n) for n in e.names) for e in article.entities}
        used = [False] * len(article.triples)
        wrong = []
        for st in _system_triples(by_id.get(article.id, {}), article_id=article.id):
            hit = next((i for i, gt in enumerate(article.triples)
                        if not used[i] and _matches(st, gt, names)), None)
            if hit is None:
                fp[st.p] += 1
                wrong.append({k: st.raw.get(k) for k in ("s", "p", "o")})
            else:
                used[hit] = True
                tp[article.triples[hit].p] += 1
        missed = []
        for gt, was_used in zip(article.triples, used):
            if not was_used:
                fn[gt.p] += 1
                missed.append(gt.as_json())
        if missed or wrong:
            errors.append(ArticleErrors(id=article.id, missed=tuple(missed), wrong=tuple(wrong)))
    relations = sorted(set(tp) | set(fp) | set(fn))
    gold_ids = {a.id for a in gold_articles}
    return Report(
        per_relation={r: Counts(tp[r], fp[r], fn[r]) for r in relations},
        micro=Counts(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        errors=tuple(errors),
        unknown_ids=tuple(sorted(set(by_id) - gold_ids)),
    )
