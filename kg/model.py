"""Value objects that flow between the stages: ingest → nlp → extract → resolve → graph.

They are frozen so a stage can never change what an earlier stage produced; every
stage returns new objects instead.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

#: The entity types of the schema, in a fixed order (used for colours, legends, tests).
ENTITY_TYPES: tuple[str, ...] = (
    "Company",
    "Government",
    "Person",
    "AIModel",
    "Hardware",
    "Policy",
    "Project",
    "Country",
)

#: Relations whose object is another entity, with allowed (subject types, object types).
ENTITY_RELATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "released": (frozenset({"Company"}), frozenset({"AIModel"})),
    "enacted": (frozenset({"Government"}), frozenset({"Policy"})),
    "announced": (frozenset({"Government"}), frozenset({"Policy"})),
    "repealed": (frozenset({"Government", "Person"}), frozenset({"Policy"})),
    "trainedOn": (frozenset({"AIModel"}), frozenset({"Hardware"})),
    "manufactures": (frozenset({"Company"}), frozenset({"Hardware"})),
    "outperforms": (frozenset({"AIModel"}), frozenset({"AIModel"})),
    "participatesIn": (frozenset({"Company", "Government"}), frozenset({"Project"})),
    "leads": (frozenset({"Person"}), frozenset({"Government", "Company"})),
    "basedIn": (frozenset({"Company"}), frozenset({"Country"})),
    "subsidiaryOf": (frozenset({"Company"}), frozenset({"Company"})),
    "operates": (frozenset({"Company"}), frozenset({"AIModel", "Company", "Project"})),
}

#: Relations whose object is a monetary amount, with allowed subject types.
AMOUNT_RELATIONS: dict[str, frozenset[str]] = {
    "developmentCost": frozenset({"AIModel"}),
    "investment": frozenset({"Project", "Company"}),
}

RELATIONS: tuple[str, ...] = (*ENTITY_RELATIONS, *AMOUNT_RELATIONS)

#: How sure the text is of a fact. Only ``asserted`` and ``claimed`` facts are stated facts;
#: the others are kept in the graph, marked, and never exported as plain facts.
MODALITIES: tuple[str, ...] = ("asserted", "claimed", "planned", "reported", "negated")
STATED_MODALITIES: frozenset[str] = frozenset({"asserted", "claimed"})


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest: text normalised once, metadata attached."""

    id: str
    text: str
    lang: str  # "ko" or "en"
    title: str | None = None
    date: date | None = None
    url: str | None = None
    source: str | None = None  # file path it came from, for messages

    @property
    def sha256(self) -> str:
        """Content hash of the normalised text: the article's identity in the graph."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money, normalised to a number and an ISO 4217 currency code."""

    value: Decimal
    currency: str

    def as_json(self) -> dict:
        v = self.value
        return {"amount": int(v) if v == v.to_integral_value() else float(v), "currency": self.currency}


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one per real-world thing, whatever the language of its name.

    ``key`` is a stable slug (ASCII letters, digits, Hangul, ``-`` and ``.``) that the graph
    stage turns into an IRI. ``names`` holds the preferred label per language code.
    """

    key: str
    type: str
    names: tuple[tuple[str, str], ...]  # (("en", "DeepSeek"), ("ko", "딥시크"))
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    known: bool = False  # True when it came from the knowledge base

    def name(self, lang: str = "en") -> str:
        d = dict(self.names)
        return d.get(lang) or d.get("en") or d.get("ko") or next(iter(d.values()), self.key)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every name and alias, without repeats, preferred names first."""
        seen: dict[str, None] = {}
        for _, n in self.names:
            seen.setdefault(n, None)
        for a in self.aliases:
            seen.setdefault(a, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted triple with the sentence that states it.

    ``start``/``end`` are character offsets of the evidence sentence in ``Article.text``.
    ``object`` is an entity key or an :class:`Amount`.
    """

    subject: str
    predicate: str
    object: str | Amount
    sentence: str
    start: int
    end: int
    confidence: float
    modality: str = "asserted"
    extractor: str = "rules"
    claimant: str | None = None  # entity key of who made a reported claim
    event_date: date | None = None

    @property
    def stated(self) -> bool:
        return self.modality in STATED_MODALITIES


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article, entities already resolved to canonical keys."""

    article: Article
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    warnings: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity | None:
        for e in self.entities:
            if e.key == key:
                return e
        return None
