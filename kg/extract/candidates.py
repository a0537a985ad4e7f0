"""What a relation rule proposes, before anaphora and types are settled."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.frame import Frame
from kg.extract.mentions import Mention
from kg.model import Amount


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed triple: argument mentions (maybe anaphors), the rule, where the cue is."""

    predicate: str
    subject: Mention
    object: Mention | Amount
    frame: Frame
    confidence: float
    rule: str
    cue: tuple[int, int]  # absolute character span of the trigger, for modality
    modality: str | None = None  # set by the rule when the construction decides it
    claimant: Mention | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A regular expression over a sentence template and what its groups mean.

    ``pred`` is a relation name, or a callable choosing one from the (subject type,
    object type) pair — so one rule for "X unveiled Y" serves released (a model),
    manufactures (a chip), announced (a policy) and participatesIn (a project).
    """

    name: str
    pattern: str
    pred: object
    confidence: float = 0.8
    flags: int = re.IGNORECASE
    modality: str | None = None
    check: object = None  # optional callable(frame, match) -> bool
    #: (role, type) of an argument the sentence leaves implicit: ("s", "Company") for
    #: "the Danish group", ("o", "Project") for "3개 컨소시엄이 선정돼" after a project was named.
    implicit: tuple[str, ...] | None = None  # (role, type[, name hint])
    #: only used when no other rule found the same subject and relation in the sentence
    fallback: bool = False
    #: objects are only the quoted names inside the ``o`` group (‘X’과 ‘Y’를 선보였다)
    quoted_only: bool = False
    #: a relative clause or possessive presupposes its fact ("엔비디아가 출시한 H800", "OpenAI's
    #: GPT-4o"): the main verb's mood (것으로 알려졌다, plans to) is not the fact's own
    presupposed: bool = False

    def compiled(self):
        return _compile(self.pattern, self.flags)


_cache: dict = {}


def _compile(pattern: str, flags: int):
    key = (pattern, flags)
    if key not in _cache:
        _cache[key] = re.compile(pattern, flags)
    return _cache[key]


def by_types(table: dict[tuple[str, str], str]):
    """A predicate chooser from a (subject type, object type) → relation table."""

    def choose(stype: str, otype: str) -> str | None:
        return table.get((stype, otype))

    return choose
