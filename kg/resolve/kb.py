"""The knowledge base of well-known entities: canonical keys, names in English and Korean.

The data lives next to this module and is reviewed like code:

* ``data/kb.jsonl`` — one entity per line, sorted by key::

    {"key": "deepseek", "type": "Company", "en": "DeepSeek", "ko": "딥시크",
     "aliases": ["DeepSeek AI"], "wikidata": "Q..."}

  ``country`` (a Country key) and ``parent`` (a Government key) are optional classification
  data for Government entries, not facts to extract.
* ``data/places.tsv`` — ``surface<TAB>country_key``: demonyms, cities and regions that
  point at a Country entry.

Names are matched after :func:`normalise_name`, the same rule the scorer uses, so that
"GPT-4o mini", "GPT 4o-mini" and "gpt4omini" are one name.
"""
from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import KGError
from kg.names import name_key
from kg.model import ENTITY_TYPES, Entity

log = logging.getLogger(__name__)

KEY_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")
WIKIDATA_PATTERN = re.compile(r"Q[1-9][0-9]*")
PLACES_HEADER = ("surface", "country_key")


_FIELDS = {"key", "type", "en", "ko", "aliases", "wikidata", "country", "parent"}


def normalise_name(name: str) -> str:
    """The matching form of a name (:func:`kg.names.name_key`).

    >>> normalise_name("GPT-4o mini") == normalise_name("gpt 4o-MINI")
    True
    >>> normalise_name("미스트랄 AI") == normalise_name("미스트랄AI")
    True
    """
    return name_key(name)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One well-known entity as written in ``kb.jsonl``."""

    key: str
    type: str
    en: str | None = None
    ko: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    parent: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """English name, Korean name, then aliases, without repeats."""
        seen: dict[str, None] = {}
        for name in (self.en, self.ko, *self.aliases):
            if name:
                seen.setdefault(name, None)
        return tuple(seen)

    def to_entity(self) -> Entity:
        """The canonical :class:`kg.model.Entity` for this entry (``known=True``)."""
        names = tuple((lang, name) for lang, name in (("en", self.en), ("ko", self.ko)) if name)
        return Entity(
            key=self.key,
            type=self.type,
            names=names,
            aliases=self.aliases,
            wikidata=self.wikidata,
            known=True,
        )


class KnowledgeBase:
    """Entries with indexes by key, by normalised name and by place name.

    Build it with :func:`load_kb` (the packaged data) or :meth:`from_files`.
    """

    __slots__ = ("_entities", "_by_key", "_by_name", "_places", "_place_rows", "_governments")

    def __init__(self, entities: Iterable[KBEntry], places: Iterable[tuple[str, str]] = ()):
        self._entities = tuple(sorted(entities, key=lambda e: e.key))
        self._by_key = {e.key: e for e in self._entities}
        if len(self._by_key) != len(self._entities):
            raise KGError("knowledge base: duplicate entity keys")
        by_name: dict[str, list[KBEntry]] = {}
        for entry in self._entities:
            for norm in dict.fromkeys(normalise_name(n) for n in entry.names):
                if norm:
                    by_name.setdefault(norm, []).append(entry)
        self._by_name = {k: tuple(v) for k, v in by_name.items()}
        self._place_rows = tuple(places)
        self._places = {normalise_name(surface): country for surface, country in self._place_rows}
        # A country's own government is the Government entry of that country with no parent;
        # ministries, legislatures and agencies all name a parent.
        self._governments: dict[str, KBEntry] = {}
        for entry in self._entities:
            if entry.type == "Government" and entry.country and not entry.parent:
                self._governments.setdefault(entry.country, entry)

    @classmethod
    def from_files(cls, kb_path: str | Path, places_path: str | Path | None = None) -> KnowledgeBase:
        """Read and check a ``kb.jsonl`` (and optionally a ``places.tsv``) from disk."""
        kb_path = Path(kb_path)
        entities = parse_kb_lines(_read_lines(kb_path), source=str(kb_path))
        places: list[tuple[str, str]] = []
        if places_path is not None:
            places_path = Path(places_path)
            places = parse_places_lines(_read_lines(places_path), source=str(places_path))
        return cls.checked(entities, places, source=str(kb_path))

    @classmethod
    def checked(
        cls, entities: Iterable[KBEntry], places: Iterable[tuple[str, str]] = (), *, source: str = "kb"
    ) -> KnowledgeBase:
        """Build a knowledge base after checking that every key it refers to exists."""
        entities = tuple(entities)
        places = tuple(places)
        types = {e.key: e.type for e in entities}
        for e in entities:
            if e.country is not None and types.get(e.country) != "Country":
                raise KGError(f"{source}: {e.key}: country {e.country!r} is not a Country entry")
            if e.parent is not None and types.get(e.parent) != "Government":
                raise KGError(f"{source}: {e.key}: parent {e.parent!r} is not a Government entry")
        for surface, country in places:
            if types.get(country) != "Country":
                raise KGError(f"{source}: place {surface!r}: {country!r} is not a Country entry")
        return cls(entities, places)

    @property
    def entities(self) -> tuple[KBEntry, ...]:
        """Every entry, sorted by key."""
        return self._entities

    def by_key(self, key: str) -> KBEntry | None:
        """The entry with this key, or None."""
        return self._by_key.get(key)

    def lookup(self, name: str) -> tuple[KBEntry, ...]:
        """Entries that have ``name`` (normalised) as a name or alias, sorted by key.

        Several entries can share a name across types (a company and its product);
        the caller chooses by type.
        """
        return self._by_name.get(normalise_name(name), ())

    def place_country(self, surface: str) -> str | None:
        """The Country key a place, demonym or country name points at, or None.

        ``places.tsv`` is consulted first, then the names of Country entries.
        """
        norm = normalise_name(surface)
        country = self._places.get(norm)
        if country is not None:
            return country
        for entry in self._by_name.get(norm, ()):
            if entry.type == "Country":
                return entry.key
        return None

    def places(self) -> tuple[tuple[str, str], ...]:
        """The rows of ``places.tsv`` as ``(surface, country_key)``, in file order."""
        return self._place_rows

    def government_of(self, country_key: str) -> KBEntry | None:
        """The national government of a Country entry (``"united-states"`` → ``us-government``)."""
        return self._governments.get(country_key)

    def __len__(self) -> int:
        return len(self._entities)

    def __repr__(self) -> str:
        return f"<KnowledgeBase {len(self._entities)} entities, {len(self._places)} places>"


def parse_kb_lines(lines: Iterable[str], *, source: str = "kb.jsonl") -> list[KBEntry]:
    """Parse ``kb.jsonl`` lines; raise :class:`KGError` naming the line of the first bad one."""
    entries: list[KBEntry] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KGError(f"{where}: not valid JSON ({exc.msg})") from exc
        entry = _entry_from_record(record, where)
        if entry.key in seen:
            raise KGError(f"{where}: duplicate key {entry.key!r}")
        seen.add(entry.key)
        entries.append(entry)
    return entries


def parse_places_lines(lines: Iterable[str], *, source: str = "places.tsv") -> list[tuple[str, str]]:
    """Parse ``places.tsv`` lines (header ``surface<TAB>country_key``)."""
    rows: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    header_seen = False
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        cells = tuple(line.split("\t"))
        if not header_seen:
            if cells != PLACES_HEADER:
                raise KGError(f"{where}: expected header {'<TAB>'.join(PLACES_HEADER)!r}")
            header_seen = True
            continue
        if len(cells) != 2 or not all(c.strip() for c in cells):
            raise KGError(f"{where}: expected 'surface<TAB>country_key', got {line!r}")
        surface, country = (c.strip() for c in cells)
        norm = normalise_name(surface)
        if norm in seen and seen[norm] != country:
            raise KGError(f"{where}: {surface!r} already points at {seen[norm]!r}")
        seen[norm] = country
        rows.append((surface, country))
    return rows


@functools.lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, read once per process."""
    data = resources.files("kg.resolve").joinpath("data")
    kb_file = data.joinpath("kb.jsonl")
    places_file = data.joinpath("places.tsv")
    entities = parse_kb_lines(kb_file.read_text(encoding="utf-8").splitlines(), source="kb.jsonl")
    places = parse_places_lines(places_file.read_text(encoding="utf-8").splitlines(), source="places.tsv")
    kb = KnowledgeBase.checked(entities, places, source="kb.jsonl")
    log.debug("loaded %r", kb)
    return kb


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot read ({exc})") from exc


def _entry_from_record(record: object, where: str) -> KBEntry:
    if not isinstance(record, dict):
        raise KGError(f"{where}: expected a JSON object")
    unknown = set(record) - _FIELDS
    if unknown:
        raise KGError(f"{where}: unknown field(s) {sorted(unknown)}")
    key = record.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise KGError(f"{where}: key {key!r} is not a lowercase ASCII slug")
    etype = record.get("type")
    if etype not in ENTITY_TYPES:
        raise KGError(f"{where}: {key}: type {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
    texts = {}
    for field in ("en", "ko", "wikidata", "country", "parent"):
        value = record.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise KGError(f"{where}: {key}: {field} must be a non-empty string")
        texts[field] = value
    if not texts["en"] and not texts["ko"]:
        raise KGError(f"{where}: {key}: needs an 'en' or a 'ko' name")
    if texts["wikidata"] is not None and not WIKIDATA_PATTERN.fullmatch(texts["wikidata"]):
        raise KGError(f"{where}: {key}: wikidata {texts['wikidata']!r} is not a QID")
    aliases = record.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise KGError(f"{where}: {key}: aliases must be a list of non-empty strings")
    return KBEntry(
        key=key,
        type=etype,
        en=texts["en"],
        ko=texts["ko"],
        aliases=tuple(aliases),
        wikidata=texts["wikidata"],
        country=texts["country"],
        parent=texts["parent"],
    )
