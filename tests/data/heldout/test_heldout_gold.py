"""Format checks of the held-out gold file: it loads, it points at its articles, it fits the schema.

These tests say nothing about extraction quality; they keep the annotation honest to the
rules of the evaluation schema (types per relation, evidence quoted verbatim from the text).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.eval.scoring import GoldAmount, GoldArticle, load_gold
from kg.ingest.normalize import normalize_text
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, ENTITY_TYPES, RELATIONS

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold.jsonl"
ARTICLES = load_gold(GOLD)
IDS = [a.id for a in ARTICLES]


def _text(article: GoldArticle) -> str:
    return article.text_file.read_text(encoding="utf-8")


def test_ten_articles_five_per_language():
    assert len(ARTICLES) == 10
    langs = sorted(a.lang for a in ARTICLES)
    assert langs == ["en"] * 5 + ["ko"] * 5


def test_every_line_is_a_json_object_with_the_schema_keys():
    keys = {"id", "lang", "date", "source", "title", "text_file", "entities", "triples"}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert keys <= record.keys()
        assert record["source"] == "heldout"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_article_file_matches_its_record(article: GoldArticle):
    assert article.text_file.is_file()
    assert article.text_file.stem == article.id
    assert re.fullmatch(rf"{article.lang}-h\d\d", article.id)
    text = _text(article)
    headline, blank, body = text.split("\n", 2)
    assert headline == article.title
    assert blank == ""
    assert 200 <= len(body.split()) <= 450


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_sidecar_agrees_with_gold(article: GoldArticle):
    meta = json.loads(article.text_file.with_name(f"{article.id}.meta.json").read_text(encoding="utf-8"))
    assert (meta["id"], meta["lang"], meta["date"], meta["title"]) == (
        article.id, article.lang, article.date, article.title)


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_evidence_is_quoted_from_the_article(article: GoldArticle):
    text = _text(article)
    normalized = normalize_text(text)
    for t in article.triples:
        assert t.evidence, t
        # The extractor sees the ingest-normalised text, so the quote must survive that too.
        assert t.evidence in text, t.evidence
        assert t.evidence in normalized, t.evidence


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_triples_fit_the_relation_types(article: GoldArticle):
    types = {e.id: e.type for e in article.entities}
    for t in article.triples:
        assert t.p in RELATIONS, t
        assert set(t.p_alt) <= set(RELATIONS) - {t.p}, t
        if t.p in AMOUNT_RELATIONS:
            assert isinstance(t.o, GoldAmount), t
            assert types[t.s] in AMOUNT_RELATIONS[t.p], t
            assert t.o.amount > 0
            assert re.fullmatch(r"[A-Z]{3}", t.o.currency), t
        else:
            subject_types, object_types = ENTITY_RELATIONS[t.p]
            assert isinstance(t.o, str), t
            assert types[t.s] in subject_types, t
            assert types[t.o] in object_types, t
            for alt in t.p_alt:
                alt_subjects, alt_objects = ENTITY_RELATIONS[alt]
                assert types[t.s] in alt_subjects and types[t.o] in alt_objects, (alt, t)


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_entities_are_typed_named_and_not_repeated(article: GoldArticle):
    for e in article.entities:
        assert e.type in ENTITY_TYPES, e
        assert all(n.strip() == n and n for n in e.names), e
        assert len(set(e.names)) == len(e.names), e
        assert e.wikidata is None or re.fullmatch(r"Q\d+", e.wikidata), e
    keys = [(t.s, t.p, t.o) for t in article.triples]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_every_triple_entity_is_named_in_the_article(article: GoldArticle):
    """A gold entity that takes part in a triple must appear in the text under one of its names."""
    text = _text(article)
    used = {t.s for t in article.triples} | {t.o for t in article.triples if isinstance(t.o, str)}
    for e in article.entities:
        if e.id in used:
            assert any(n in text for n in e.names), e
