"""Scorer-format JSONL export from hand-built extractions."""
from __future__ import annotations

import io
import json
import os
from decimal import Decimal

import pytest

from kg.errors import ExportError
from kg.eval import score
from kg.eval.scoring import load_gold
from kg.export.jsonl import extraction_to_score_line, save_jsonl, write_jsonl
from kg.model import Amount, Article, Entity, Extraction, Fact

ZEN = Entity(key="zentra", type="Company", names=(("en", "Zentra"), ("ko", "젠트라")), aliases=("Zentra Labs",))
ORB = Entity(key="orbit-7", type="AIModel", names=(("en", "Orbit-7"),))
KOONLY = Entity(key="한빛전자", type="Company", names=(("ko", "한빛전자"),))
CHIP = Entity(key="kestrel", type="Hardware", names=(("en", "Kestrel"), ("ko", "케스트럴")))
ARTICLE = Article(id="t1", text="invented", lang="en")


def fact(s, p, o, modality="asserted", sentence="s", start=0):
    return Fact(subject=s, predicate=p, object=o, sentence=sentence, start=start, end=start + 1,
                confidence=0.9, modality=modality)


def extraction(*facts, entities=(ZEN, ORB, KOONLY, CHIP)):
    return Extraction(article=ARTICLE, entities=tuple(entities), facts=tuple(facts))


def test_entity_triple_fields():
    line = extraction_to_score_line(extraction(fact("zentra", "released", "orbit-7")))
    assert line == {"id": "t1", "triples": [{
        "s": "Zentra", "s_labels": ["Zentra", "젠트라", "Zentra Labs"], "s_type": "Company",
        "p": "released",
        "o": "Orbit-7", "o_labels": ["Orbit-7"], "o_type": "AIModel",
    }]}


def test_korean_only_entity_uses_its_korean_name():
    (t,) = extraction_to_score_line(extraction(fact("한빛전자", "manufactures", "kestrel")))["triples"]
    assert (t["s"], t["s_labels"], t["o"]) == ("한빛전자", ["한빛전자"], "Kestrel")


@pytest.mark.parametrize("value, expected", [
    (Decimal("5000000"), 5000000),
    (Decimal("5000000.00"), 5000000),
    (Decimal("1.5"), 1.5),
])
def test_amount_triple(value, expected):
    (t,) = extraction_to_score_line(extraction(fact("orbit-7", "developmentCost", Amount(value, "USD"))))["triples"]
    assert t["o"] == {"amount": expected, "currency": "USD"}
    assert "o_labels" not in t and "o_type" not in t
    assert t["s"] == "Orbit-7" and t["s_type"] == "AIModel"


@pytest.mark.parametrize("modality, exported", [
    ("asserted", True), ("claimed", True), ("planned", False), ("reported", False), ("negated", False),
])
def test_only_stated_facts(modality, exported):
    line = extraction_to_score_line(extraction(fact("zentra", "released", "orbit-7", modality=modality)))
    assert len(line["triples"]) == (1 if exported else 0)


def test_duplicates_removed_and_order_deterministic():
    facts = [
        fact("zentra", "released", "orbit-7", sentence="one", start=0),
        fact("orbit-7", "trainedOn", "kestrel"),
        fact("zentra", "released", "orbit-7", sentence="two", start=50),
        fact("zentra", "released", "orbit-7", modality="claimed", start=90),
        fact("orbit-7", "developmentCost", Amount(Decimal("100"), "EUR")),
        fact("orbit-7", "developmentCost", Amount(Decimal("100.0"), "EUR")),
        fact("한빛전자", "manufactures", "kestrel"),
    ]
    line = extraction_to_score_line(extraction(*facts))
    assert [(t["p"], t["s"]) for t in line["triples"]] == [
        ("developmentCost", "Orbit-7"), ("manufactures", "한빛전자"), ("released", "Zentra"),
        ("trainedOn", "Orbit-7"),
    ]
    assert extraction_to_score_line(extraction(*reversed(facts))) == line


@pytest.mark.parametrize("bad_fact, message", [
    (fact("ghost", "released", "orbit-7"), "ghost"),
    (fact("zentra", "released", "ghost"), "ghost"),
    (fact("zentra", "inventedRelation", "orbit-7"), "inventedRelation"),
    (fact("orbit-7", "developmentCost", "zentra"), "amount"),
    (fact("zentra", "released", Amount(Decimal(1), "USD")), "entity"),
])
def test_inconsistent_extraction_is_an_export_error(bad_fact, message):
    with pytest.raises(ExportError, match=message):
        extraction_to_score_line(extraction(bad_fact))


def test_write_jsonl_round_trips_unescaped():
    lines = [extraction_to_score_line(extraction(fact("zentra", "released", "orbit-7"))),
             {"id": "t2", "triples": []}]
    out = io.StringIO()
    assert write_jsonl(lines, out) == 2
    text = out.getvalue()
    assert "젠트라" in text  # not \uXXXX-escaped
    assert [json.loads(x) for x in text.splitlines()] == lines


def test_save_jsonl_replaces_atomically(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    assert save_jsonl([{"id": "a", "triples": []}], path) == 1
    assert json.loads(path.read_text(encoding="utf-8")) == {"id": "a", "triples": []}

    def failing():
        yield {"id": "b", "triples": []}
        raise RuntimeError("extraction crashed half-way")

    with pytest.raises(RuntimeError):
        save_jsonl(failing(), path)
    assert json.loads(path.read_text(encoding="utf-8"))["id"] == "a"  # old output intact
    assert os.listdir(tmp_path) == ["out.jsonl"]  # no temp file left


def test_save_jsonl_into_missing_folder_is_an_export_error(tmp_path):
    with pytest.raises(ExportError, match="nope"):
        save_jsonl([], tmp_path / "nope" / "out.jsonl")


def test_exported_line_scores_against_matching_gold(tmp_path):
    gold = {"id": "t1", "entities": [
        {"id": "z", "type": "Company", "names": ["젠트라"]},
        {"id": "o", "type": "AIModel", "names": ["Orbit 7"]},
    ], "triples": [
        {"s": "z", "p": "released", "o": "o"},
        {"s": "o", "p": "developmentCost", "o": {"amount": 2000000, "currency": "USD"}},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    line = extraction_to_score_line(extraction(
        fact("zentra", "released", "orbit-7"),
        fact("orbit-7", "developmentCost", Amount(Decimal("2010000"), "USD")),
        fact("zentra", "operates", "orbit-7", modality="planned"),  # would be a false positive
    ))
    report = score(load_gold(path), [line])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 0, 0)
