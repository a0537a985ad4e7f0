"""A sentence seen as a template: mentions and amounts replaced by typed placeholders.

Relation rules are regular expressions over the template, so one rule reads like the
construction it covers::

    ⟨Company:0⟩, the Busan-based startup, released ⟨AIModel:1⟩ on Tuesday.

``E("Company")`` matches a placeholder whose candidate types include Company and captures
its index; ``frame.item(i)`` gives the mention or amount back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Amount

OPEN, CLOSE = "⟨", "⟩"


def E(*types: str, name: str | None = None) -> str:
    """A placeholder of one of ``types`` (``"*"`` for any entity), capturing its index."""
    if "Government" in types and "Country" not in types:
        # a country named where a government acts (미국은 … 시행했다); the extractor
        # settles it as that country's government
        types = (*types, "Country")
    if types == ("*",):
        alt = r"[A-Za-z|]+"
    else:
        alt = r"[A-Za-z|]*(?<![A-Za-z])(?:" + "|".join(types) + r")(?![A-Za-z])[A-Za-z|]*"
    cap = f"(?P<{name}>\\d+)" if name else r"(\d+)"
    return f"{OPEN}(?!Amount){alt}:{cap}{CLOSE}"


def LIST(*types: str, name: str | None = None, sep: str = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*(?:와|과|및|,|·|ㆍ)\s*)") -> str:
    """One or more placeholders of ``types`` joined by commas, and, 와/과, 및."""
    one = E(*types)
    body = f"{one}(?:{sep}{one})*"
    return f"(?P<{name}>{body})" if name else f"({body})"


AMOUNT = f"{OPEN}Amount:(\\d+){CLOSE}"
_INDEX = re.compile(f"{OPEN}[A-Za-z|]+:(\\d+){CLOSE}")


@dataclass(slots=True)
class Frame:
    """One sentence: its text span, the items in it and the template string."""

    start: int
    end: int
    text: str
    items: list  # Mention | (start, end, Amount)
    template: str
    index: int  # sentence number in the article

    def item(self, i: int | str):
        return self.items[int(i)]

    def indices(self, group_text: str) -> list[int]:
        """Indices of every placeholder inside a matched group (or the captured index)."""
        if group_text and group_text.isdigit():
            return [int(group_text)]
        return [int(x) for x in _INDEX.findall(group_text or "")]

    def is_amount(self, i) -> bool:
        return isinstance(self.items[int(i)], tuple)


def build_frame(start: int, end: int, text: str, mentions, amounts, index: int) -> Frame:
    items: list = []
    spans = []
    for m in mentions:
        if start <= m.start and m.end <= end:
            spans.append((m.start, m.end, m))
    for s, e, a in amounts:
        if start <= s and e <= end and not any(x < e and s < y for x, y, _ in spans):
            spans.append((s, e, (s, e, a)))
    spans.sort(key=lambda x: x[0])
    out = []
    pos = start
    for s, e, obj in spans:
        if s < pos:
            continue
        out.append(_plain(text[pos - start:s - start]))
        if isinstance(obj, tuple) and isinstance(obj[2], Amount):
            out.append(f"{OPEN}Amount:{len(items)}{CLOSE}")
        else:
            out.append(f"{OPEN}{'|'.join(obj.types)}:{len(items)}{CLOSE}")
        items.append(obj)
        pos = e
    out.append(_plain(text[pos - start:]))
    return Frame(start, end, text, items, "".join(out), index)


def _plain(chunk: str) -> str:
    """Article text between placeholders, unable to pose as one (same length, so offsets hold)."""
    return chunk.replace(OPEN, "‹").replace(CLOSE, "›")
