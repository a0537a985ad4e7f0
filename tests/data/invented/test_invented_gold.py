"""The invented test set is well formed: articles, gold format, schema types, coverage, traps.

These tests guard the data, not the extractor: a gold file with a typo in an evidence
string or a triple of the wrong type would silently lower every score measured on it.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kg.eval import load_gold, score
from kg.eval.scoring import normalize_name
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, ENTITY_TYPES, RELATIONS

HERE = Path(__file__).parent
GOLD_PATH = HERE / "gold.jsonl"
ARTICLES = HERE / "articles"

RECORDS = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
BY_ID = {r["id"]: r for r in RECORDS}
CURRENCIES = {"USD", "KRW", "EUR", "BRL"}
# What ingest would strip or fold; evidence offsets must survive normalisation unchanged.
_INVISIBLE_OR_ODD = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00a0\u3000\r\t]")


def _text(record: dict) -> str:
    return (HERE / record["text_file"]).read_text(encoding="utf-8")


def _entity_types(record: dict) -> dict[str, str]:
    return {e["id"]: e["type"] for e in record["entities"]}


def test_twelve_articles_six_per_language():
    files = sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert files == [f"{lang}-i{n:02d}.txt" for lang in ("en", "ko") for n in range(1, 7)]
    assert sorted(r["id"] for r in RECORDS) == [f.removesuffix(".txt") for f in files]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_article_shape(record):
    text = _text(record)
    headline, blank, *body = text.split("\n")
    assert headline.strip() and blank == "" and body and body[0].strip()
    assert 250 <= len(text.split()) <= 500
    assert unicodedata.normalize("NFC", text) == text
    assert not _INVISIBLE_OR_ODD.search(text)
    if record["lang"] == "ko":
        assert sum("\uac00" <= c <= "\ud7a3" for c in text) > len(text) / 3
    else:
        assert not any("\uac00" <= c <= "\ud7a3" for c in text)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_record_fields(record):
    assert record["lang"] == record["id"][:2]
    assert record["source"] == "invented"
    assert record["text_file"] == f"articles/{record['id']}.txt"
    assert record["title"] == _text(record).split("\n", 1)[0]
    date.fromisoformat(record["date"])


def test_gold_loads_with_the_project_loader():
    loaded = load_gold(GOLD_PATH)
    assert [a.id for a in loaded] == [r["id"] for r in RECORDS]
    assert all(a.text_file is not None and a.text_file.is_file() for a in loaded)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_evidence_is_an_exact_substring(record):
    text = _text(record)
    missing = [t["evidence"] for t in record["triples"] if t["evidence"] not in text]
    assert missing == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_triples_follow_the_schema_types(record):
    types = _entity_types(record)
    assert set(types.values()) <= set(ENTITY_TYPES)
    bad = []
    for t in record["triples"]:
        for p in (t["p"], *t.get("p_alt", [])):
            if p in ENTITY_RELATIONS:
                subjects, objects = ENTITY_RELATIONS[p]
                ok = types[t["s"]] in subjects and isinstance(t["o"], str) and types[t["o"]] in objects
            elif p in AMOUNT_RELATIONS:
                ok = types[t["s"]] in AMOUNT_RELATIONS[p] and isinstance(t["o"], dict)
            else:
                ok = False
            if not ok:
                bad.append((t["s"], p, t["o"]))
    assert bad == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_amounts_are_normalised(record):
    for t in record["triples"]:
        if isinstance(t["o"], dict):
            assert set(t["o"]) == {"amount", "currency"}
            assert t["o"]["currency"] in CURRENCIES
            assert isinstance(t["o"]["amount"], int) and t["o"]["amount"] > 0


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_no_duplicate_triples(record):
    keys = Counter((t["s"], t["p"], json.dumps(t["o"], sort_keys=True)) for t in record["triples"])
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_every_entity_is_named_in_its_article(record):
    text = _text(record).casefold()
    unnamed = [e["id"] for e in record["entities"] if not any(n.casefold() in text for n in e["names"])]
    assert unnamed == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["id"])
def test_names_do_not_collide_within_an_article(record):
    # Two gold entities sharing a normalised name would let one system label match both.
    owner: dict[str, str] = {}
    clashes = []
    for e in record["entities"]:
        for n in {normalize_name(x) for x in e["names"]}:
            if owner.setdefault(n, e["id"]) != e["id"]:
                clashes.append((n, owner[n], e["id"]))
    assert clashes == []


def test_entity_ids_keep_one_type_across_articles():
    seen: dict[str, set[str]] = {}
    for r in RECORDS:
        for e in r["entities"]:
            seen.setdefault(e["id"], set()).add(e["type"])
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_relation_appears_at_least_twice_per_language(lang):
    counts = Counter(t["p"] for r in RECORDS if r["lang"] == lang for t in r["triples"])
    assert {p: counts[p] for p in RELATIONS if counts[p] < 2} == {}


# One row per amount construction: the surface form in the text and its normalised value.
AMOUNTS = [
    ("ko-i01", "557만6000달러", 5_576_000, "USD"),
    ("ko-i01", "300억원", 30_000_000_000, "KRW"),
    ("ko-i02", "1조2000억 원", 1_200_000_000_000, "KRW"),
    ("ko-i03", "210억원", 21_000_000_000, "KRW"),
    ("ko-i04", "5000억 달러", 500_000_000_000, "USD"),
    ("ko-i05", "1200만 달러", 12_000_000, "USD"),
    ("en-i01", "$5.6 million", 5_600_000, "USD"),
    ("en-i02", "€1.7bn", 1_700_000_000, "EUR"),
    ("en-i03", "US$500m", 500_000_000, "USD"),
    ("en-i03", "30 billion won", 30_000_000_000, "KRW"),
    ("en-i04", "4bn dollars", 4_000_000_000, "USD"),
    ("en-i04", "90 million reais", 90_000_000, "BRL"),
    ("en-i05", "1.2 billion euros", 1_200_000_000, "EUR"),
    ("en-i06", "US$320m", 320_000_000, "USD"),
]


@pytest.mark.parametrize(("article", "surface", "value", "currency"), AMOUNTS)
def test_amount_surface_forms_are_gold(article, surface, value, currency):
    hits = [t for t in BY_ID[article]["triples"]
            if t["o"] == {"amount": value, "currency": currency} and surface in t["evidence"]]
    assert len(hits) == 1


# Traps: the text mentions the pair, but negated, planned, rumoured or stalled, so it is
# not a stated fact. Each row names the cue that must be in the article.
DISTRACTORS = [
    ("ko-i01", "neurowave", "released", "halcyon-8", "출시할 예정"),
    ("ko-i01", "halcyon-7", "outperforms", "gpt-4o", "뒤처진"),
    ("ko-i02", "national-assembly", "enacted", "copyright-compensation-act", "통과하지 못했다"),
    ("ko-i02", "msit", "announced", "power-supply-measures", "관측이 나오지만"),
    ("ko-i03", "chungwoon-cloud", "released", "ara-2-mini", "출시하지 않았다"),
    ("ko-i04", "sejin-semiconductor", "manufactures", "sj-80", "생산하지 않았다"),
    ("ko-i04", "openai", "participatesIn", "atlas-initiative", "알려졌다"),
    ("ko-i06", "mof", "announced", "marine-ai-master-plan", "검토 중인 단계"),
    ("en-i01", "veridian-labs", "released", "corvid-4", "is expected to launch"),
    ("en-i02", "european-parliament", "enacted", "digital-fairness-act", "has not been enacted"),
    ("en-i02", "european-commission", "enacted", "algorithmic-accountability-framework", "still needs the approval"),
    ("en-i03", "neurowave", "released", "halcyon-8", "plans to release"),
    ("en-i05", "kestrel-semiconductor", "manufactures", "kx-9", "is expected to announce"),
    ("en-i06", "orison-ai", "released", "meridian-2-mini", "is expected next month"),
]


@pytest.mark.parametrize(("article", "s", "p", "o", "cue"), DISTRACTORS)
def test_distractors_are_not_gold(article, s, p, o, cue):
    record = BY_ID[article]
    assert cue in _text(record)
    assert {s, o} <= set(_entity_types(record))
    assert not any((t["s"], t["p"], t["o"]) == (s, p, o) for t in record["triples"])


def test_gold_rendered_as_system_output_scores_perfectly():
    # Each triple named by its entities' first names: proves names, ids and p/p_alt agree
    # with the scorer's matching rules (a clash or stray id would cost precision or recall).
    lines = []
    for r in RECORDS:
        first = {e["id"]: e["names"][0] for e in r["entities"]}
        triples = [{"s": first[t["s"]], "p": t["p"], "o": t["o"] if isinstance(t["o"], dict) else first[t["o"]]}
                   for t in r["triples"]]
        lines.append({"id": r["id"], "triples": triples})
    report = score(load_gold(GOLD_PATH), lines)
    total = sum(len(r["triples"]) for r in RECORDS)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (total, 0, 0)
