"""Mentions → canonical entities: one key per real-world thing, whatever the language.

Known names carry their knowledge-base key from the gazetteer. A country that acts as a
government (미국은 … 시행했다) becomes that country's government entry. An unseen name
gets a key minted from its name — the English gloss when the article gives one
(뉴로웨이브(Neurowave) → ``company-neurowave``) — so the same name in another article, in
either language when glossed, lands on the same entity.
"""
from __future__ import annotations

import re
import unicodedata

from kg.extract.extractor import Arg, ArticleAnalysis
from kg.names import name_key
from kg.model import Article, Entity, Extraction, Fact
from kg.resolve.kb import KnowledgeBase

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_QUOTES = "‘’'\"“”「」『』《》〈〉"


def _clean(name: str) -> str:
    return name.strip().strip(_QUOTES).strip()


def slug(name: str) -> str:
    """A readable key from a name: lower case, ASCII letters, digits, Hangul, '-' and '.'."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = re.sub(r"[\s_/·]+", "-", s)
    s = re.sub(r"[^0-9a-z가-힣.\-]+", "", s)
    s = re.sub(r"-{2,}", "-", s).strip("-.")
    return s or "x"


class Linker:
    """Turns an :class:`ArticleAnalysis` into an :class:`Extraction` of canonical entities."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._gov_of_country: dict[str, str] = {}
        for e in kb.entities:
            if e.type == "Government" and e.country and not e.parent:
                self._gov_of_country.setdefault(e.country, e.key)

    def government_of(self, country_key: str) -> str | None:
        return self._gov_of_country.get(country_key)

    def link(self, article: Article, analysis: ArticleAnalysis, *, extractor: str) -> Extraction:
        entities: dict[str, Entity] = {}
        surfaces: dict[str, dict[str, None]] = {}
        self._models = [m for m in analysis.mentions if "AIModel" in m.types and not m.anaphor]

        def key_of(arg: Arg) -> str | None:
            found = self._entity(arg)
            if found is None:
                return None
            key, entity = found
            if key not in entities:
                entities[key] = entity
            surfaces.setdefault(key, {})
            for n in (arg.mention.text, *arg.mention.names):
                n = _clean(n)
                if n:
                    surfaces[key].setdefault(n, None)
            return key

        facts: dict[tuple, Fact] = {}
        for af in analysis.facts:
            s = key_of(af.subject)
            o = key_of(af.object) if isinstance(af.object, Arg) else af.object
            if s is None or o is None or s == o:
                continue
            claimant = key_of(af.claimant) if af.claimant is not None else None
            fact = Fact(
                subject=s, predicate=af.predicate, object=o, sentence=af.sentence, start=af.start, end=af.end,
                confidence=af.confidence, modality=af.modality, extractor=extractor,
                claimant=claimant if claimant not in (s, o) or af.modality == "claimed" else None,
                event_date=af.event_date,
            )
            k = (s, af.predicate, o if isinstance(o, str) else (str(o.value), o.currency), af.start)
            old = facts.get(k)
            if old is None or _better(fact, old):
                facts[k] = fact
        out = []
        for key, e in entities.items():
            extra = tuple(n for n in surfaces.get(key, {}) if n not in e.labels)
            out.append(Entity(e.key, e.type, e.names, e.aliases + extra, e.wikidata, e.known) if extra else e)
        ordered = sorted(facts.values(), key=lambda f: (f.start, f.subject, f.predicate, str(f.object)))
        return Extraction(article, tuple(sorted(out, key=lambda e: e.key)), tuple(ordered))

    def _entity(self, arg: Arg) -> tuple[str, Entity] | None:
        m, t = arg.mention, arg.type
        key = m.key_for(t) if m.keys else None
        if key:
            entry = self.kb.by_key(key)
            if entry is not None:
                return key, entry.to_entity()
        if t == "Government" and m.keys:
            country = m.key_for("Country")
            if country:
                entry = self.kb.by_key(country)
                named = entry is not None and name_key(m.text) in {name_key(n) for n in entry.names}
                gov = self.government_of(country)
                if named and gov and self.kb.by_key(gov):
                    return gov, self.kb.by_key(gov).to_entity()
                # a region (Europe), a city (Brussels) or a state (California) is not the
                # national government: no fact rather than a wrong one
                return None
        names = [n for n in dict.fromkeys(_clean(x) for x in (*m.names, m.text)) if n]
        if t == "AIModel":
            full = self._full_model_name(m)
            if full is not None:
                return self._entity(Arg(full, t))
        for n in names:
            for entry in self.kb.lookup(n):
                if entry.type == t:
                    return entry.key, entry.to_entity()
        en = next((n for n in names if _LATIN.search(n) and not _HANGUL.search(n)), None)
        ko = next((n for n in names if _HANGUL.search(n)), None)
        base = en or ko or names[0]
        key = f"{t.lower()}-{slug(base)}"
        labels = tuple((lang, n) for lang, n in (("en", en), ("ko", ko)) if n)
        aliases = tuple(n for n in names if n not in (en, ko))
        return key, Entity(key, t, labels or (("en", base),), aliases)


    def _full_model_name(self, m) -> object:
        """'V3' in an article about DeepSeek-V3 is DeepSeek-V3: a version named on its own."""
        short = name_key(m.text)
        if not any(c.isdigit() for c in short) or len(short) > 6:
            return None
        found = {}
        for other in getattr(self, "_models", ()):
            k = name_key(other.text)
            if k != short and k.endswith(short) and (other.keys or len(k) > len(short) + 2):
                found.setdefault(other.key_for("AIModel") or k, other)
        return next(iter(found.values())) if len(found) == 1 else None


def _better(a: Fact, b: Fact) -> bool:
    rank = {"asserted": 0, "claimed": 1, "reported": 2, "planned": 3, "negated": 4}
    return (rank[a.modality], -a.confidence) < (rank[b.modality], -b.confidence)
