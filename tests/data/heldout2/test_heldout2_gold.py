"""The blind held-out set is well-formed: it parses, its evidence is in its articles, its types fit.

Only the format is tested here; extraction quality on this set is measured, not asserted.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.eval.scoring import GoldAmount, load_gold
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, ENTITY_TYPES

GOLD = Path(__file__).with_name("gold.jsonl")
ARTICLES = load_gold(GOLD)


def _text(article) -> str:
    return article.text_file.read_text(encoding="utf-8")


def test_ten_articles_five_per_language():
    ids = sorted(a.id for a in ARTICLES)
    assert ids == sorted([f"ko-g0{i}" for i in range(1, 6)] + [f"en-g0{i}" for i in range(1, 6)])
    assert all(a.lang == a.id[:2] and a.source == "heldout2" for a in ARTICLES)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_article_file_has_headline_and_body(article):
    text = _text(article)
    headline, blank, body = text.split("\n", 2)
    assert headline == article.title and blank == "" and body.strip()
    assert 200 <= len(text.split()) <= 450


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_every_evidence_is_in_its_article(article):
    text = _text(article)
    missing = [t.evidence for t in article.triples if not t.evidence or t.evidence not in text]
    assert missing == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_every_entity_has_a_known_type_and_a_name_in_the_text(article):
    text = _text(article)
    assert all(e.type in ENTITY_TYPES for e in article.entities)
    assert [e.id for e in article.entities if not any(n in text for n in e.names)] == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_subject_and_object_types_fit_the_relation(article):
    types = {e.id: e.type for e in article.entities}
    misfits = []
    for t in article.triples:
        for p in t.predicates:
            if isinstance(t.o, GoldAmount):
                ok = p in AMOUNT_RELATIONS and types[t.s] in AMOUNT_RELATIONS[p]
            else:
                subjects, objects = ENTITY_RELATIONS.get(p, (frozenset(), frozenset()))
                ok = types[t.s] in subjects and types[t.o] in objects
            if not ok:
                misfits.append((t.s, p, t.o))
    assert misfits == []


def test_amounts_are_positive_with_iso_currencies():
    amounts = [t.o for a in ARTICLES for t in a.triples if isinstance(t.o, GoldAmount)]
    assert amounts
    assert all(x.amount > 0 and len(x.currency) == 3 and x.currency.isupper() for x in amounts)
