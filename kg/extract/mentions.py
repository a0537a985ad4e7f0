"""Entity mentions: known names from the knowledge base, unseen names from patterns.

A :class:`Mention` is a span of the article text with candidate types. Known names come
from the gazetteer (:mod:`kg.extract.gazetteer`); unseen names are proposed by the
language's pattern finder (:mod:`kg.extract.names_ko`, :mod:`kg.extract.names_en`) only
where the context types them (a title after a person, a head noun like 모델/chip/Act, a
company suffix). A name typed once is recognised everywhere else in the article.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from kg.extract.gazetteer import NameIndex
from kg.names import name_key


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names (or, if ``anaphor``, refers back to) an entity."""

    start: int
    end: int
    text: str
    types: tuple[str, ...]
    keys: tuple[str, ...] = ()  # knowledge-base keys, parallel to ``types``
    names: tuple[str, ...] = ()  # names of an unseen entity: surface form and glosses
    anaphor: bool = False
    source: str = "kb"

    @property
    def type(self) -> str:
        return self.types[0]

    def key_for(self, type_: str) -> str | None:
        for t, k in zip(self.types, self.keys):
            if t == type_:
                return k
        return None


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict:
    """Cue words of ``patterns/lexicon_<lang>.json``."""
    with resources.files("kg.extract").joinpath(f"patterns/lexicon_{lang}.json").open(encoding="utf-8") as f:
        return json.load(f)


def text_of(doc) -> str:
    """The text of a Doc, read once: spaCy's ``Doc.text`` rebuilds the string on every access."""
    cached = doc.user_data.get("kg_text")
    if cached is None:
        cached = doc.user_data["kg_text"] = doc.text
    return cached


def token_boundaries(doc) -> tuple[set[int], set[int]]:
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    return starts, ends


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def select(candidates: list[Mention]) -> list[Mention]:
    """Drop overlapping mentions: known names first, then longer spans, then earlier."""
    # a quoted or glossed name beats the shorter known names inside it
    # (‘AI 기가 팩토리 구축법’ is a law even if "AI 기가 팩토리" is a known project)
    rank = {"quote": 0, "gloss": 0, "kb": 1, "place": 1, "list": 2, "pattern": 3, "shape": 3, "article": 4, "anaphor": 5}
    chosen: list[Mention] = []
    for m in sorted(candidates, key=lambda m: (rank.get(m.source, 9), -(m.end - m.start), m.start)):
        if not any(overlaps(m, c) for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


class MentionFinder:
    """Finds mentions in a spaCy ``Doc`` of one language.

    ``names`` yields (surface, (kb key, type)) pairs; the finder is built once per
    process and language and reused for every article.
    """

    def __init__(self, lang: str, names, *, places: dict[str, str] | None = None):
        self.lang = lang
        self.index = NameIndex(names)
        self.places = places or {}
        if lang == "ko":
            from kg.extract import names_ko as patterns
        else:
            from kg.extract import names_en as patterns
        self.patterns = patterns

    def __call__(self, doc) -> list[Mention]:
        text = text_of(doc)
        bounds = token_boundaries(doc)
        found: list[Mention] = []
        for m in self.index.scan(text, boundaries=bounds):
            keys = tuple(k for k, _ in m.payloads)
            types = tuple(t for _, t in m.payloads)
            # a city, state or demonym (울산, California, French) points at a country but is not one
            source = "place" if types == ("Country",) and name_key(m.text) in self.places else "kb"
            found.extend(self._split_maker(Mention(m.start, m.end, m.text, types, keys, (m.text,), source=source)))
        found = self.patterns.glosses(doc, found, self) + self.patterns.quotes(doc, self) + found
        known = select(found)
        unseen = self.patterns.find(doc, known, self)
        mentions = select(known + unseen)
        mentions = self._propagate(doc, mentions, bounds)
        return mentions + self.patterns.anaphors(doc, mentions)

    def _split_maker(self, m: Mention) -> list[Mention]:
        """"Nvidia H100", "엔비디아 H100": the maker's name and the product, as two mentions.

        The knowledge base knows such names whole; split, the maker stays visible to the
        rules (Nvidia manufactures H100) and the product keeps its own entity.
        """
        if " " not in m.text or not {"Hardware", "AIModel"} & set(m.types):
            return [m]
        for k, ch in enumerate(m.text):
            if ch != " ":
                continue
            head, tail = m.text[:k], m.text[k + 1:]
            maker = self._whole(head, "Company")
            product = self._whole(tail, m.type)
            if maker and product and product[0] in m.keys:
                return [
                    Mention(m.start, m.start + k, head, ("Company",), (maker[0],), (head,), source="kb"),
                    Mention(m.start + k + 1, m.end, tail, m.types, m.keys, (m.text, tail), source="kb"),
                ]
        return [m]

    def _whole(self, name: str, type_: str) -> tuple[str, ...] | None:
        hits = self.index.scan(name, boundaries=None)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(name):
            keys = tuple(k for k, t in hits[0].payloads if t == type_)
            return keys or None
        return None

    def _propagate(self, doc, mentions: list[Mention], bounds) -> list[Mention]:
        """Recognise every other occurrence of an unseen name typed somewhere in the article."""
        typed = [m for m in mentions if not m.keys and not m.anaphor]
        if not typed:
            return mentions
        names = []
        for m in typed:
            for n in {m.text, *m.names, *self.patterns.short_forms(m)}:
                names.append((n, (m.type, m.names or (m.text,))))
        index = NameIndex(names)
        extra = []
        for hit in index.scan(text_of(doc), boundaries=bounds):
            t, ns = hit.payloads[0]
            extra.append(Mention(hit.start, hit.end, hit.text, (t,), (), tuple(ns), source="article"))
        return select(mentions + extra)


def with_type(m: Mention, type_: str) -> Mention:
    """``m`` with ``type_`` moved to the front of its candidate types."""
    if m.type == type_:
        return m
    key = m.key_for(type_) or ""
    types = (type_, *[t for t in m.types if t != type_])
    keys = (key, *[k for t, k in zip(m.types, m.keys) if t != type_]) if m.keys else ()
    return replace(m, types=types, keys=keys)


__all__ = ["Mention", "MentionFinder", "lexicon", "name_key", "select", "with_type", "overlaps"]
