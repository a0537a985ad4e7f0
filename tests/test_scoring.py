"""The scorer on small invented gold and system data."""
from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.eval import load_gold, load_system, score
from kg.eval.scoring import normalize_name

GOLD = [
    {
        "id": "a1", "lang": "en", "text_file": "articles/a1.txt",
        "entities": [
            {"id": "zen", "type": "Company", "names": ["Zentra", "젠트라"]},
            {"id": "orb", "type": "AIModel", "names": ["Orbit-7", "오르빗-7"]},
            {"id": "kes", "type": "Hardware", "names": ["Kestrel K2"]},
            {"id": "gov", "type": "Government", "names": ["Ministry of Widgets", "위젯부"]},
            {"id": "pol", "type": "Policy", "names": ["Widget Safety Act"]},
            {"id": "lh", "type": "Project", "names": ["Lighthouse"]},
        ],
        "triples": [
            {"s": "zen", "p": "released", "o": "orb"},
            {"s": "orb", "p": "trainedOn", "o": "kes"},
            {"s": "orb", "p": "developmentCost", "o": {"amount": 1000000, "currency": "USD"}},
            {"s": "gov", "p": "announced", "o": "pol", "p_alt": ["enacted"]},
            {"s": "lh", "p": "investment", "o": {"amount": 500000000, "currency": "KRW"}},
        ],
    },
    {
        "id": "a2", "lang": "ko", "text_file": "articles/a2.txt",
        "entities": [
            {"id": "zen", "type": "Company", "names": ["Zentra"]},
            {"id": "orb", "type": "AIModel", "names": ["Orbit-7"]},
            {"id": "fr", "type": "Country", "names": ["Freedonia", "프리도니아"]},
        ],
        "triples": [
            {"s": "zen", "p": "basedIn", "o": "fr"},
            {"s": "zen", "p": "released", "o": "orb"},
            {"s": "orb", "p": "developmentCost", "o": {"amount": 200, "currency": "EUR"}},
        ],
    },
    {"id": "a3", "entities": [], "triples": []},
]

SYSTEM = [
    {"id": "a1", "triples": [
        # case and underscore differences are normalised away
        {"s": "ZENTRA", "p": "released", "o": "orbit_7"},
        # the same triple again, written differently: counted once
        {"s": "Zentra", "p": "released", "o": "Orbit-7"},
        # the object matches through one of its labels
        {"s": "Orbit 7", "p": "trainedOn", "o": "K-2 chip", "o_labels": ["kestrel k2"]},
        # 0.9% off and lower-case currency: a match
        {"s": "오르빗-7", "p": "developmentCost", "o": {"amount": 1009000, "currency": "usd"}},
        # an alternative predicate of the gold triple: counted under the gold predicate
        {"s": "위젯부", "p": "enacted", "o": "Widget Safety Act"},
        # wrong currency: no match
        {"s": "Lighthouse", "p": "investment", "o": {"amount": 500000000, "currency": "USD"}},
        # true in another article only: scoring is per article
        {"s": "Zentra", "p": "basedIn", "o": "Freedonia"},
    ]},
    {"id": "a2", "triples": [
        {"s": "zentra", "p": "released", "o": "orbit-7", "s_type": "Company", "o_type": "AIModel"},
        # 2.5% off: no match
        {"s": "Orbit-7", "p": "developmentCost", "o": {"amount": 205, "currency": "EUR"}},
    ]},
    {"id": "not-in-gold", "triples": [{"s": "X", "p": "released", "o": "Y"}]},
]

# (relation, tp, fp, fn) worked out by hand from the comments above
EXPECTED = [
    ("announced", 1, 0, 0),
    ("basedIn", 0, 1, 1),
    ("developmentCost", 1, 1, 1),
    ("investment", 0, 1, 1),
    ("released", 2, 0, 0),
    ("trainedOn", 1, 0, 0),
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in GOLD) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def system_file(tmp_path):
    path = tmp_path / "system.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in SYSTEM) + "\n", encoding="utf-8")
    return path


def test_per_relation_counts(gold_file):
    report = score(load_gold(gold_file), SYSTEM)
    got = [(r, c.tp, c.fp, c.fn) for r, c in report.per_relation.items()]
    assert got == EXPECTED
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (5, 3, 3)
    assert report.micro.precision == pytest.approx(5 / 8)
    assert report.micro.recall == pytest.approx(5 / 8)
    assert report.micro.f1 == pytest.approx(5 / 8)
    assert report.unknown_ids == ("not-in-gold",)


def test_error_details_name_the_article(gold_file):
    report = score(load_gold(gold_file), SYSTEM)
    by_id = {a.id: a for a in report.errors}
    assert sorted(by_id) == ["a1", "a2"]
    assert {"s": "Zentra", "p": "basedIn", "o": "Freedonia"} in by_id["a1"].wrong
    assert {"s": "zen", "p": "basedIn", "o": "fr"} in by_id["a2"].missed
    assert {"s": "lh", "p": "investment", "o": {"amount": 500000000, "currency": "KRW"}} in by_id["a1"].missed


def test_missing_system_line_counts_as_nothing_extracted(gold_file):
    report = score(load_gold(gold_file), [])
    assert report.micro.tp == 0 and report.micro.fp == 0
    assert report.micro.fn == sum(len(a["triples"]) for a in GOLD)
    assert report.micro.f1 == 0.0


def _one_article(triples, entities=None):
    entities = entities or [
        {"id": "c", "type": "Company", "names": ["Corvid"]},
        {"id": "m", "type": "AIModel", "names": ["Wren-3"]},
        {"id": "n", "type": "AIModel", "names": ["Finch"]},
    ]
    return {"id": "x", "entities": entities, "triples": triples}


AMOUNT = {"amount": 1000, "currency": "JPY"}
MATCH_CASES = [
    # (case id, gold triple, system triple, matches?)
    ("exact", {"s": "c", "p": "released", "o": "m"}, {"s": "Corvid", "p": "released", "o": "Wren-3"}, True),
    ("wrong-predicate", {"s": "c", "p": "released", "o": "m"}, {"s": "Corvid", "p": "operates", "o": "Wren-3"},
     False),
    ("p-alt", {"s": "c", "p": "released", "o": "m", "p_alt": ["operates"]},
     {"s": "Corvid", "p": "operates", "o": "Wren-3"}, True),
    ("wrong-object", {"s": "c", "p": "released", "o": "m"}, {"s": "Corvid", "p": "released", "o": "Finch"}, False),
    ("swapped", {"s": "m", "p": "outperforms", "o": "n"}, {"s": "Finch", "p": "outperforms", "o": "Wren-3"}, False),
    ("subject-label", {"s": "c", "p": "released", "o": "m"},
     {"s": "Corvid Inc", "s_labels": ["corvid"], "p": "released", "o": "Wren-3"}, True),
    ("amount-within-1pct", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": {"amount": 990, "currency": "JPY"}}, True),
    ("amount-just-outside", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": {"amount": 989, "currency": "JPY"}}, False),
    ("amount-as-string", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": {"amount": "1000", "currency": "JPY"}}, True),
    ("amount-no-currency", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": {"amount": 1000}}, False),
    ("amount-not-a-number", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": {"amount": "a lot", "currency": "JPY"}}, False),
    ("entity-for-amount", {"s": "m", "p": "developmentCost", "o": AMOUNT},
     {"s": "Wren-3", "p": "developmentCost", "o": "1000 JPY"}, False),
    ("amount-for-entity", {"s": "c", "p": "released", "o": "m"},
     {"s": "Corvid", "p": "released", "o": {"amount": 1, "currency": "USD"}}, False),
]


@pytest.mark.parametrize("gold_triple, system_triple, hit", [c[1:] for c in MATCH_CASES],
                         ids=[c[0] for c in MATCH_CASES])
def test_matching_rules(tmp_path, gold_triple, system_triple, hit):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_one_article([gold_triple])), encoding="utf-8")
    report = score(load_gold(path), [{"id": "x", "triples": [system_triple]}])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == ((1, 0, 0) if hit else (0, 1, 1))


def test_each_gold_triple_matches_once(tmp_path):
    path = tmp_path / "g.jsonl"
    gold = _one_article([{"s": "c", "p": "released", "o": "m"}, {"s": "c", "p": "released", "o": "n"}])
    path.write_text(json.dumps(gold), encoding="utf-8")
    system = [{"id": "x", "triples": [
        # two different system entities that both carry a label of the same gold pair
        {"s": "Corvid", "p": "released", "o": "Wren-3"},
        {"s": "Corvid", "p": "released", "o": "W3", "o_labels": ["wren 3"]},
    ]}]
    report = score(load_gold(path), system)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 1, 1)


def test_last_system_line_of_an_id_counts(gold_file):
    first = {"id": "a3", "triples": [{"s": "A", "p": "leads", "o": "B"}]}
    second = {"id": "a3", "triples": []}
    assert score(load_gold(gold_file), [first, second]).micro.fp == 0
    assert score(load_gold(gold_file), [second, first]).micro.fp == 1


NAME_CASES = [
    ("Qwen 2.5-Max", "qwen2.5max", True),
    ("Llama·3", "llama 3", True),
    ("“Orbit”", "orbit", True),
    ("ＧＰＴ－５", "gpt-5", True),  # full-width forms fold under NFKC
    ("A.I. Corp", "ai_corp", True),
    ("딥 시크", "딥시크", True),
    ("Orbit-7", "Orbit-8", False),
    ("젠트라", "Zentra", False),
]


@pytest.mark.parametrize("a, b, same", NAME_CASES)
def test_name_normalisation(a, b, same):
    assert (normalize_name(a) == normalize_name(b)) is same


def test_load_gold_resolves_text_file(gold_file):
    gold = load_gold(gold_file)
    assert [a.id for a in gold] == ["a1", "a2", "a3"]
    assert gold[0].text_file == gold_file.parent / "articles" / "a1.txt"
    assert gold[2].text_file is None
    assert gold[0].triples[3].predicates == {"announced", "enacted"}
    assert gold[0].entity("orb").names == ("Orbit-7", "오르빗-7")


@pytest.mark.parametrize("line, message", [
    ("{broken", "invalid JSON"),
    (json.dumps({"entities": [], "triples": []}), '"id"'),
    (json.dumps(_one_article([{"s": "c", "p": "released", "o": "ghost"}])), "unknown entity 'ghost'"),
    (json.dumps(_one_article([{"s": "c", "p": "released", "o": 5}])), '"o"'),
    (json.dumps(_one_article([], [{"id": "c", "type": "Company", "names": []}])), "names"),
])
def test_load_gold_errors_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOLD[2]) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_gold(path)
    assert info.value.source == f"{path}:3"


def test_bad_system_triple_is_an_input_error(gold_file):
    with pytest.raises(InputError, match="a1, triple 0"):
        score(load_gold(gold_file), [{"id": "a1", "triples": [{"s": "Zentra", "p": "released"}]}])


def test_load_system_reports_line(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "triples": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.jsonl:2"):
        load_system(path)


def test_table_and_json(gold_file):
    report = score(load_gold(gold_file), SYSTEM)
    lines = report.format_table().splitlines()
    assert lines[0].split() == ["relation", "P", "R", "F1", "tp", "fp", "fn"]
    assert [row.split()[0] for row in lines[1:-1]] == [r for r, *_ in EXPECTED]
    assert lines[-1] == "micro P=0.625 R=0.625 F1=0.625"
    data = json.loads(report.to_json(details=True))
    assert data["per_relation"]["released"]["tp"] == 2
    assert data["micro"]["p"] == pytest.approx(0.625)
    assert set(data["details"]) == {"a1", "a2"}
    assert "details" not in json.loads(report.to_json())


# --- agreement with the reference scorer, when the evaluation data is present ---------------

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.fixture
def reference():
    if not REFERENCE.exists():
        pytest.skip("reference scorer not available (../shared/eval/score.py)")
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_numbers_as_reference(reference, gold_file, system_file):
    ours = score(load_gold(gold_file), load_system(system_file))
    for flags in ([], ["--json"], ["--json", "--details"]):
        out = io.StringIO()
        with redirect_stdout(out):
            reference.main([str(gold_file), str(system_file), *flags])
        if not flags:
            assert ours.format_table() == out.getvalue().rstrip("\n")
        else:
            assert json.loads(ours.to_json(details="--details" in flags)) == json.loads(out.getvalue())


@pytest.mark.parametrize("case", [c[0] for c in MATCH_CASES])
def test_matching_rules_agree_with_reference(reference, tmp_path, case):
    _, gold_triple, system_triple, _ = next(c for c in MATCH_CASES if c[0] == case)
    gold = [_one_article([gold_triple])]
    system = [{"id": "x", "triples": [system_triple]}]
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(gold[0]), encoding="utf-8")
    tp, fp, fn, _ = reference.score(gold, system)
    ours = score(load_gold(path), system)
    assert {r: (c.tp, c.fp, c.fn) for r, c in ours.per_relation.items()} == {
        r: (tp[r], fp[r], fn[r]) for r in set(tp) | set(fp) | set(fn)
    }
