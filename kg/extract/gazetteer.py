"""Find known names in text, in both languages, on normalised characters.

Why not match tokens: Korean names carry particles (엔비디아의), spacing varies
(AI 기본법 / AI기본법, 딥시크-V3 / 딥시크 V3) and Kiwi may split an unknown word
differently in and out of context. So names are matched on a normalised character
stream (case-folded; spaces, hyphens, dots, quotes dropped — the scorer's rule) through
a character trie, and a match is kept only where it starts and ends on token boundaries
of the spaCy ``Doc``. The cost is a few dictionary look-ups per character.

>>> idx = NameIndex([("OpenAI", "openai"), ("GPT-4o", "gpt-4o"), ("GPT-4o mini", "gpt-4o-mini")])
>>> [(m.text, m.payloads) for m in idx.scan("OpenAI's GPT-4o mini and GPT 4o.", boundaries=None)]
[('OpenAI', ('openai',)), ('GPT-4o mini', ('gpt-4o-mini',)), ('GPT 4o', ('gpt-4o',))]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kg.names import IGNORED, name_key

_DROP = re.compile(r"[\s\-_.·\u2010-\u2015'’‘\"“”]+")
_DROP_CHARS = frozenset(IGNORED)


def _is_short_ascii(key: str) -> bool:
    return len(key) <= 3 and key.isascii()


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    text: str
    payloads: tuple


class NameIndex:
    """A character trie of names → payloads (any hashable, e.g. knowledge-base keys)."""

    __slots__ = ("_root", "_case")

    def __init__(self, names):
        self._root: dict = {}
        # Short ASCII names (KT, LG, SK, US, IT) must match with their own case, or
        # every "it" and "us" in English text would become an entity.
        self._case: dict[str, set[str]] = {}
        for surface, payload in names:
            key = name_key(surface)
            if not key:
                continue
            node = self._root
            for ch in key:
                node = node.setdefault(ch, {})
            bucket = node.setdefault("", [])
            if payload not in bucket:
                bucket.append(payload)
            if _is_short_ascii(key):
                self._case.setdefault(key, set()).add(_DROP.sub("", unicodedata.normalize("NFKC", surface)))

    def scan(self, text: str, *, boundaries: tuple[set[int], set[int]] | None, offset: int = 0) -> list[NameMatch]:
        """Longest matches left to right; ``boundaries`` = (token starts, token ends)."""
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(text):
            if ch in _DROP_CHARS:
                continue
            for c in unicodedata.normalize("NFKC", ch).casefold():
                chars.append(c)
                where.append(i)
        out: list[NameMatch] = []
        n = len(chars)
        i = 0
        while i < n:
            node = self._root
            best = None
            j = i
            while j < n:
                node = node.get(chars[j])
                if node is None:
                    break
                j += 1
                if "" in node:
                    s, e = where[i], where[j - 1] + 1
                    if self._accept(text, s, e, "".join(chars[i:j]), boundaries, offset):
                        best = (s, e, j, tuple(node[""]))
            if best:
                s, e, j, payloads = best
                out.append(NameMatch(s + offset, e + offset, text[s:e], payloads))
                i = j
            else:
                i += 1
        return out

    def _accept(self, text, s, e, key, boundaries, offset) -> bool:
        if "\n" in text[s:e]:
            return False
        if key in self._case and _DROP.sub("", text[s:e]) not in self._case[key]:
            return False
        if boundaries is None:
            before = text[s - 1] if s else " "
            after = text[e] if e < len(text) else " "
            return not (before.isalnum() and text[s].isalnum()) and not (after.isalnum() and text[e - 1].isascii() and after.isascii())
        starts, ends = boundaries
        return (s + offset) in starts and (e + offset) in ends
