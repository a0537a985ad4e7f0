"""The knowledge base: its data files are well-formed and its loader behaves.

The data checks read the raw files as well as the loader, so a mistake is reported with
the line it is on.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources

import pytest

from kg.errors import KGError
from kg.model import ENTITY_TYPES, Entity
from kg.resolve.kb import KBEntry, KnowledgeBase, load_kb, normalise_name

DATA = resources.files("kg.resolve").joinpath("data")
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")
QID = re.compile(r"Q[1-9][0-9]*")

#: Names that two entries of the same type may honestly share: (type, normalised name).
#: Keep this small; every line needs a reason.
ALLOWED_SHARED_NAMES: set[tuple[str, str]] = set()


def kb_lines() -> list[str]:
    return DATA.joinpath("kb.jsonl").read_text(encoding="utf-8").splitlines()


def kb_records() -> list[dict]:
    return [json.loads(line) for line in kb_lines()]


def place_rows() -> list[list[str]]:
    lines = DATA.joinpath("places.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines]


# --- the data -------------------------------------------------------------------------


def test_every_line_is_a_json_object():
    for lineno, line in enumerate(kb_lines(), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - reported as a failure
            pytest.fail(f"kb.jsonl:{lineno}: {exc}")
        assert isinstance(record, dict), f"kb.jsonl:{lineno}"


def test_keys_are_unique_slugs_in_sorted_order():
    keys = [r["key"] for r in kb_records()]
    bad = [k for k in keys if not SLUG.fullmatch(k)]
    assert not bad, f"keys that are not slugs: {bad}"
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"duplicate keys: {dupes}"
    assert keys == sorted(keys), "kb.jsonl must be sorted by key"


def test_types_are_schema_types():
    bad = [(r["key"], r.get("type")) for r in kb_records() if r.get("type") not in ENTITY_TYPES]
    assert not bad


def test_every_type_is_covered():
    counts = defaultdict(int)
    for r in kb_records():
        counts[r["type"]] += 1
    assert set(counts) == set(ENTITY_TYPES), counts


def test_wikidata_ids_are_qids():
    bad = [(r["key"], r["wikidata"]) for r in kb_records() if "wikidata" in r and not QID.fullmatch(r["wikidata"])]
    assert not bad


def test_wikidata_ids_are_not_shared():
    owners = defaultdict(list)
    for r in kb_records():
        if "wikidata" in r:
            owners[r["wikidata"]].append(r["key"])
    shared = {q: keys for q, keys in owners.items() if len(keys) > 1}
    assert not shared


def test_names_are_clean_strings():
    for r in kb_records():
        names = [r.get("en"), r.get("ko"), *r.get("aliases", [])]
        for name in filter(None, names):
            assert name == name.strip() and "  " not in name, (r["key"], name)
            assert normalise_name(name), (r["key"], name)


def test_no_entry_repeats_a_name_under_normalisation():
    # en and ko may be the same string (GPT-4o is written so in Korean too); aliases add new forms.
    for r in kb_records():
        preferred = {normalise_name(n) for n in (r.get("en"), r.get("ko")) if n}
        aliases = [normalise_name(a) for a in r.get("aliases", [])]
        assert len(aliases) == len(set(aliases)), (r["key"], aliases)
        assert not preferred & set(aliases), (r["key"], sorted(preferred & set(aliases)))


def test_no_name_is_shared_by_two_entries_of_one_type():
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in kb_records():
        for name in filter(None, [r.get("en"), r.get("ko"), *r.get("aliases", [])]):
            owners[(r["type"], normalise_name(name))].add(r["key"])
    clashes = {
        name: sorted(keys)
        for name, keys in owners.items()
        if len(keys) > 1 and name not in ALLOWED_SHARED_NAMES
    }
    for (etype, name), keys in sorted(clashes.items()):
        print(f"clash: {etype} {name!r}: {keys}")
    assert not clashes


def test_country_and_parent_point_at_existing_entries():
    types = {r["key"]: r["type"] for r in kb_records()}
    for r in kb_records():
        if "country" in r:
            assert types.get(r["country"]) == "Country", (r["key"], r["country"])
        if "parent" in r:
            assert types.get(r["parent"]) == "Government", (r["key"], r["parent"])
            assert r["parent"] != r["key"]


def test_parents_form_no_cycle():
    parent = {r["key"]: r.get("parent") for r in kb_records()}
    for key in parent:
        seen = set()
        while key is not None:
            assert key not in seen, f"parent cycle through {key}"
            seen.add(key)
            key = parent.get(key)


def test_english_and_korean_names_for_nine_in_ten():
    records = kb_records()
    both = sum(1 for r in records if r.get("en") and r.get("ko"))
    assert all(r.get("en") or r.get("ko") for r in records)
    assert both / len(records) >= 0.9, f"{both}/{len(records)} have both names"


def test_keys_make_iris_a_strict_parser_accepts():
    pyoxigraph = pytest.importorskip("pyoxigraph")
    from kg.graph.vocab import ENT

    for r in kb_records():
        pyoxigraph.NamedNode(str(ENT[r["key"]]))


def test_places_file_has_header_and_known_countries():
    rows = place_rows()
    assert rows[0] == ["surface", "country_key"]
    types = {r["key"]: r["type"] for r in kb_records()}
    for lineno, row in enumerate(rows[1:], 2):
        assert len(row) == 2 and all(row), f"places.tsv:{lineno}: {row}"
        assert types.get(row[1]) == "Country", f"places.tsv:{lineno}: {row[1]} is not a Country"


def test_place_surfaces_point_one_way():
    seen: dict[str, str] = {}
    for surface, country in place_rows()[1:]:
        norm = normalise_name(surface)
        assert seen.setdefault(norm, country) == country, surface


# --- spot checks on distinctions the extractors rely on -------------------------------


@pytest.mark.parametrize(
    ("name", "etype", "key"),
    [
        ("오픈AI", "Company", "openai"),
        ("앤트로픽", "Company", "anthropic"),
        ("앤스로픽", "Company", "anthropic"),
        ("미스트랄 AI", "Company", "mistral-ai"),
        ("미스트랄AI", "Company", "mistral-ai"),
        ("챗GPT", "AIModel", "chatgpt"),
        ("GPT-4o", "AIModel", "gpt-4o"),
        ("GPT-4o mini", "AIModel", "gpt-4o-mini"),
        ("Llama 3.1", "AIModel", "llama-3.1"),
        ("Llama 3.1 405B", "AIModel", "llama-3.1-405b"),
        ("Meta AI", "AIModel", "meta-ai"),
        ("H800", "Hardware", "nvidia-h800"),
        ("과기정통부", "Government", "korea-msit"),
        ("미국", "Country", "united-states"),
        ("U.S.", "Country", "united-states"),
        ("대한민국", "Country", "south-korea"),
    ],
)
def test_lookup_finds_the_entity_of_a_name(name, etype, key):
    found = [e.key for e in load_kb().lookup(name) if e.type == etype]
    assert found == [key]


@pytest.mark.parametrize(
    ("name", "not_key"),
    [
        ("GPT-4o", "gpt-4o-mini"),
        ("Llama 3.1", "llama-3.1-405b"),
        ("Meta", "meta-ai"),
        ("Meta AI", "meta"),
        ("DeepSeek", "deepseek-v3"),
    ],
)
def test_lookup_keeps_related_entities_apart(name, not_key):
    assert not_key not in [e.key for e in load_kb().lookup(name)]


# --- the loader -----------------------------------------------------------------------


def test_load_kb_is_cached_and_complete():
    kb = load_kb()
    assert load_kb() is kb
    assert len(kb.entities) == len(kb_lines())
    assert [e.key for e in kb.entities] == sorted(e.key for e in kb.entities)


def test_every_name_of_every_entry_finds_it():
    kb = load_kb()
    for entry in kb.entities:
        for name in entry.names:
            assert entry in kb.lookup(name), (entry.key, name)
            assert entry in kb.lookup(f"  {name.upper()} "), (entry.key, name)


def test_by_key_round_trips_and_misses_cleanly():
    kb = load_kb()
    for entry in kb.entities:
        assert kb.by_key(entry.key) is entry
    assert kb.by_key("no-such-entity") is None


def test_lookup_of_an_unknown_name_is_empty():
    assert load_kb().lookup("Zzyzx Quantum Llamas Incorporated") == ()


def test_place_country_reads_places_and_country_names():
    kb = load_kb()
    for surface, country in place_rows()[1:]:
        assert kb.place_country(surface) == country
    for entry in kb.entities:
        if entry.type == "Country" and entry.en and not kb.lookup(entry.en)[1:]:
            assert kb.place_country(entry.en) == entry.key
    assert kb.place_country("Atlantis-under-the-sea") is None


def test_to_entity_carries_names_and_is_known():
    entry = KBEntry(key="acme-ai", type="Company", en="Acme AI", ko="애크미AI", aliases=("Acme",), wikidata="Q1")
    entity = entry.to_entity()
    assert isinstance(entity, Entity)
    assert entity.known is True
    assert entity.names == (("en", "Acme AI"), ("ko", "애크미AI"))
    assert entity.aliases == ("Acme",)
    assert entity.wikidata == "Q1"
    assert entity.labels == ("Acme AI", "애크미AI", "Acme")


def test_to_entity_omits_a_missing_language():
    entity = KBEntry(key="acme-ai", type="Company", ko="애크미AI").to_entity()
    assert entity.names == (("ko", "애크미AI"),)
    assert entity.name("en") == "애크미AI"


def test_real_entries_convert_to_entities():
    for entry in load_kb().entities:
        entity = entry.to_entity()
        assert entity.key == entry.key and entity.type == entry.type
        assert set(entity.labels) == set(entry.names)


def test_normalise_name_follows_the_scoring_rule():
    assert normalise_name("GPT-4o mini") == "gpt4omini"
    assert normalise_name("Ｇｐｔ－４") == normalise_name("gpt-4")  # NFKC: full-width forms
    assert normalise_name("o'neil_ \"x\".") == "oneilx"
    assert normalise_name("‘Claude’") == "claude"
    assert normalise_name("DALL·E") == normalise_name("DALL–E") == "dalle"  # middle dot, en dash


# --- malformed data is reported with its line -----------------------------------------

GOOD = '{"key": "acme", "type": "Company", "en": "Acme", "ko": "애크미"}'


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "JSON object"),
        ('{"key": "Acme Corp", "type": "Company", "en": "Acme"}', "slug"),
        ('{"key": "acme2", "type": "Startup", "en": "Acme"}', "type"),
        ('{"key": "acme2", "type": "Company"}', "'en' or a 'ko'"),
        ('{"key": "acme2", "type": "Company", "en": "A", "wikidata": "12"}', "QID"),
        ('{"key": "acme2", "type": "Company", "en": "A", "aliases": "B"}', "aliases"),
        ('{"key": "acme2", "type": "Company", "en": "A", "colour": "red"}', "unknown field"),
        (GOOD, "duplicate key"),
    ],
)
def test_malformed_kb_line_names_file_and_line(tmp_path, bad_line, message):
    path = tmp_path / "kb.jsonl"
    path.write_text(GOOD + "\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(KGError, match=re.escape(f"{path}:2")) as info:
        KnowledgeBase.from_files(path)
    assert message in str(info.value)


def test_dangling_country_reference_is_an_error(tmp_path):
    path = tmp_path / "kb.jsonl"
    path.write_text('{"key": "x-gov", "type": "Government", "en": "X", "country": "nowhere"}\n', encoding="utf-8")
    with pytest.raises(KGError, match="nowhere"):
        KnowledgeBase.from_files(path)


def test_place_pointing_at_a_non_country_is_an_error(tmp_path):
    kb_path = tmp_path / "kb.jsonl"
    kb_path.write_text(GOOD + "\n", encoding="utf-8")
    places = tmp_path / "places.tsv"
    places.write_text("surface\tcountry_key\nAcmeville\tacme\n", encoding="utf-8")
    with pytest.raises(KGError, match="Acmeville"):
        KnowledgeBase.from_files(kb_path, places)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("place\tcountry\nParis\tfrance\n", "header"),
        ("surface\tcountry_key\nParis\n", "places.tsv:2"),
        ("surface\tcountry_key\nParis\tacme\nparis\tother\n", "already points"),
    ],
)
def test_malformed_places_are_reported(tmp_path, text, message):
    kb_path = tmp_path / "kb.jsonl"
    kb_path.write_text(GOOD + "\n", encoding="utf-8")
    places = tmp_path / "places.tsv"
    places.write_text(text, encoding="utf-8")
    with pytest.raises(KGError, match=re.escape(message)):
        KnowledgeBase.from_files(kb_path, places)


def test_small_knowledge_base_from_files(tmp_path):
    kb_path = tmp_path / "kb.jsonl"
    kb_path.write_text(
        '{"key": "acme", "type": "Company", "en": "Acme", "ko": "애크미", "aliases": ["Acme Corp."]}\n'
        '{"key": "ruritania", "type": "Country", "en": "Ruritania", "ko": "루리타니아"}\n',
        encoding="utf-8",
    )
    places = tmp_path / "places.tsv"
    places.write_text("surface\tcountry_key\nRuritanian\truritania\n", encoding="utf-8")
    kb = KnowledgeBase.from_files(kb_path, places)
    assert [e.key for e in kb.lookup("acme corp")] == ["acme"]
    assert kb.place_country("ruritanian") == "ruritania"
    assert kb.place_country("루리타니아") == "ruritania"
    assert kb.place_country("Acme") is None


# --- governments of countries ---------------------------------------------------------


def test_each_country_has_at_most_one_national_government():
    national = defaultdict(list)
    for r in kb_records():
        if r["type"] == "Government" and "country" in r and "parent" not in r:
            national[r["country"]].append(r["key"])
    several = {c: keys for c, keys in national.items() if len(keys) > 1}
    assert not several, f"give the other bodies a parent: {several}"
    assert all(keys[0].endswith("-government") for keys in national.values()), national


def test_government_of_follows_country_and_parent():
    kb = load_kb()
    found = 0
    for entry in kb.entities:
        if entry.type == "Government" and entry.country and not entry.parent:
            assert kb.government_of(entry.country) is entry
            found += 1
    assert found >= 10
    assert kb.government_of("no-such-country") is None


def test_places_returns_the_rows_of_the_file():
    rows = [tuple(r) for r in place_rows()[1:]]
    assert list(load_kb().places()) == rows
