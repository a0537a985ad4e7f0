"""Hand-built graphs in the project's layout for the viewer tests and benchmarks.

Every entity, article and sentence here is invented. The layout follows
``kg/graph/vocab.py``: one named graph per article holding the article node, the entities it
mentions, the plain triples of stated facts and the reified facts with their evidence.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.vocab import AMT, ART, ENT, EVID, FACT, GRAPH, KG, PROV, SCHEMA
from kg.model import ENTITY_RELATIONS, ENTITY_TYPES, STATED_MODALITIES


@dataclass(frozen=True)
class E:
    """An entity row: key, type, English name, Korean name, other names."""

    key: str
    type: str
    en: str
    ko: str | None = None
    alts: tuple[str, ...] = ()


@dataclass(frozen=True)
class A:
    """An article row: an id (hashed into the sha), headline, ISO date, language."""

    id: str
    headline: str
    date: str
    lang: str = "en"

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.id.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class F:
    """A fact row: subject key, relation, object key or (amount, currency), sentence, article id."""

    s: str
    p: str
    o: str | tuple[int, str]
    sentence: str
    article: str
    confidence: float = 0.9
    modality: str = "asserted"


def _h(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _describe(g, e: E) -> None:
    s = ENT[e.key]
    g.add((s, RDF.type, KG[e.type]))
    g.add((s, RDFS.label, Literal(e.en, lang="en")))
    if e.ko:
        g.add((s, RDFS.label, Literal(e.ko, lang="ko")))
    for alt in e.alts:
        g.add((s, SKOS.altLabel, Literal(alt)))


def make_dataset(entities: list[E], articles: list[A], facts: list[F]) -> Dataset:
    """A Dataset in the project layout built from simple rows."""
    ds = Dataset()
    ds.bind("kg", str(KG._NS))
    ents = {e.key: e for e in entities}
    arts = {a.id: a for a in articles}
    mentioned: set[str] = set()
    for a in articles:
        g = ds.graph(GRAPH[a.sha])
        art = ART[a.sha]
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.headline, Literal(a.headline, lang=a.lang)))
        g.add((art, SCHEMA.datePublished, Literal(a.date, datatype=XSD.date)))
        g.add((art, SCHEMA.inLanguage, Literal(a.lang)))
    for f in facts:
        a = arts[f.article]
        g = ds.graph(GRAPH[a.sha])
        for key in (f.s, f.o):
            if isinstance(key, str):
                _describe(g, ents[key])
                mentioned.add(key)
        s = ENT[f.s]
        p = KG[f.p]
        if isinstance(f.o, tuple):
            value, currency = f.o
            o = AMT[f"{currency}-{value}"]
            g.add((o, RDF.type, KG.MonetaryAmount))
            g.add((o, SCHEMA.value, Literal(Decimal(value))))
            g.add((o, SCHEMA.currency, Literal(currency)))
        else:
            o = ENT[f.o]
        if f.modality in STATED_MODALITIES:
            g.add((s, p, o))
        fact = FACT[_h(str(s), str(p), str(o))]
        g.add((fact, RDF.type, KG.Fact))
        g.add((fact, RDF.subject, s))
        g.add((fact, RDF.predicate, p))
        g.add((fact, RDF.object, o))
        ev = EVID[_h(str(fact), a.sha, f.sentence)]
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.supports, fact))
        g.add((ev, PROV.wasDerivedFrom, ART[a.sha]))
        g.add((ev, KG.sentence, Literal(f.sentence, lang=a.lang)))
        g.add((ev, KG.confidence, Literal(Decimal(str(f.confidence)), datatype=XSD.decimal)))
        g.add((ev, KG.modality, KG[f.modality.capitalize()]))
    # an entity no fact mentions has no article graph; keep it in the default graph
    shared = ds.default_graph
    for e in entities:
        if e.key not in mentioned:
            _describe(shared, e)
    return ds


#: A small invented world, with the one real pair the viewer must unify: DeepSeek / 딥시크.
ENTITIES = [
    E("deepseek", "Company", "DeepSeek", "딥시크"),
    E("orbital-labs", "Company", "Orbital Labs", "오비탈랩스", ("Orbital",)),
    E("nimbus-7", "AIModel", "Nimbus-7", "님버스-7"),
    E("quill-2", "AIModel", "Quill 2", "퀼 2"),
    E("tachyon-x1", "Hardware", "Tachyon X1", "타키온 X1"),
    E("ministry-of-clouds", "Government", "Ministry of Clouds", "구름부"),
    E("cloud-act", "Policy", "Cloud Fairness Act", "구름공정법"),
    E("skyline", "Project", "Skyline Initiative", "스카이라인 사업"),
    E("freedonia", "Country", "Freedonia", "프리도니아"),
    E("ada-park", "Person", "Ada Park", "박에이다"),
]
ARTICLES = [
    A("a1", "Orbital Labs unveils Nimbus-7", "2025-01-10"),
    A("a2", "딥시크, 퀼 2 공개", "2025-02-03", "ko"),
    A("a3", "Ministry of Clouds passes fairness act", "2025-03-15"),
]
FACTS = [
    F("orbital-labs", "released", "nimbus-7", "Orbital Labs released Nimbus-7 on Friday.", "a1", 0.93),
    F("nimbus-7", "trainedOn", "tachyon-x1", "Nimbus-7 was trained on Tachyon X1 chips.", "a1", 0.81),
    F("orbital-labs", "basedIn", "freedonia", "The Freedonia-based lab said so.", "a1", 0.7),
    F("nimbus-7", "developmentCost", (4200000, "USD"), "Training cost $4.2 million.", "a1", 0.66),
    F("deepseek", "released", "quill-2", "딥시크가 퀼 2를 공개했다.", "a2", 0.95),
    F("quill-2", "outperforms", "nimbus-7", "퀼 2가 님버스-7을 능가했다고 밝혔다.", "a2", 0.6, "claimed"),
    F("ministry-of-clouds", "enacted", "cloud-act", "The Ministry of Clouds enacted the act.", "a3", 0.88),
    F("ada-park", "leads", "ministry-of-clouds", "Minister Ada Park leads the ministry.", "a3", 0.9),
    F("orbital-labs", "participatesIn", "skyline", "Orbital Labs joins the Skyline Initiative.", "a3", 0.75,
      "planned"),
]


def small_dataset() -> Dataset:
    return make_dataset(ENTITIES, ARTICLES, FACTS)


def synthetic_dataset(n_entities: int, *, seed: int = 1, facts_per_entity: float = 1.5) -> Dataset:
    """A deterministic invented graph: ``n_entities`` entities, a few hubs, dated articles."""
    rng = random.Random(seed)
    entities = [
        E(f"e{i:05d}", ENTITY_TYPES[i % len(ENTITY_TYPES)], f"Entity {i}", f"개체 {i}", (f"E{i}",))
        for i in range(n_entities)
    ]
    n_articles = max(1, n_entities // 20)
    articles = [
        A(f"art{k}", f"Synthetic report {k}", f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}")
        for k in range(n_articles)
    ]
    relations = list(ENTITY_RELATIONS)
    facts = []
    n_facts = int(n_entities * facts_per_entity)
    for j in range(n_facts):
        child = 1 + j % max(1, n_entities - 1) if n_entities > 1 else 0
        # squaring the uniform draw favours low indexes: a few hubs, many leaves
        parent = int(child * rng.random() ** 2)
        rel = relations[rng.randrange(len(relations))]
        facts.append(
            F(f"e{child:05d}", rel, f"e{parent:05d}", f"Synthetic sentence {j}.",
              f"art{rng.randrange(n_articles)}", round(0.5 + rng.random() / 2, 2))
        )
    return make_dataset(entities, articles, facts)
