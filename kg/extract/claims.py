"""Who says so: the source a sentence attributes its reported content to.

A claim such as "outperforms" is only as good as whoever makes it, so the graph records
the claimant. This module finds, inside one sentence, the noun phrase the text names as the
source of the content around a given span — "Acme said …", "…, said Jane Roe", "according
to Acme", "Acme, which said …", "X claimed/argued/insisted/announced that …"; in Korean
"X는 …고 밝혔다/설명했다/주장했다/강조했다/전했다", "…고 X는 말했다", "X에 따르면",
"X 측은 …라고". It returns character offsets only; matching them to an entity mention is
the caller's job (a span can hold more than one mention — "Acme CEO Jane Roe", "량원펑
딥시크 대표" — and the last one is the head in both languages). Pronouns ("it", "he", "그는")
come back as they are, for the caller's anaphora resolution; anonymous sources ("sources",
"people familiar", "업계 관계자") come back as nothing.

>>> s = "Acme said its Bolt-2 model outperforms Zephyr-9 on coding tasks."
>>> i = s.index("outperforms")
>>> s[slice(*claimant_span(s, lang="en", span=(i, i + 11)))]
'Acme'
>>> s = "비전랩스는 자사 모델이 경쟁 모델을 능가한다고 밝혔다."
>>> i = s.index("능가")
>>> s[slice(*claimant_span(s, lang="ko", span=(i, i + 2)))]
'비전랩스'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import InputError

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution in a sentence: who (``source``), the cue words, and the stretch of
    the sentence whose content it attributes (``content``)."""

    source: Span
    cue: Span
    content: Span


def claimant_span(sentence: str, *, lang: str, span: Span) -> Span | None:
    """The span of the source the sentence credits with the content at ``span``, or None.

    Only attributions whose content covers ``span`` count; among them the one whose cue is
    nearest to ``span`` wins, so in "A said B claimed X" the claim X belongs to B.
    """
    lo, hi = span
    best: tuple[int, Span] | None = None
    for a in attributions(sentence, lang=lang):
        if not (a.content[0] <= lo and hi <= a.content[1]):
            continue
        if a.source[0] < hi and lo < a.source[1]:
            continue
        distance = max(a.cue[0] - hi, lo - a.cue[1], 0)
        if best is None or (distance, a.source) < best:
            best = (distance, a.source)
    return best[1] if best else None


def attributions(sentence: str, *, lang: str) -> list[Attribution]:
    """Every attribution to a named (or pronoun) source in ``sentence``, in text order.

    >>> s = "X beats Y, said Jane Roe."
    >>> [(s[slice(*a.source)], s[slice(*a.content)]) for a in attributions(s, lang="en")]
    [('Jane Roe', 'X beats Y')]
    """
    if lang == "en":
        found = _english(sentence)
    elif lang == "ko":
        found = _korean(sentence)
    else:
        raise InputError(f"claims: unsupported language {lang!r} (expected 'ko' or 'en')")
    return sorted(set(found), key=lambda a: (a.cue, a.source))


# ---------------------------------------------------------------- English

_EN_VERBS = (
    "said|says|told|tells|claimed|claims|argued|argues|insisted|insists|stated|states|noted|notes|"
    "added|adds|wrote|writes|explained|explains|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    "maintained|maintains|asserted|asserts|contended|contends|boasted|boasts|believes|believed|"
    "estimated|estimates|predicted|predicts|acknowledged|acknowledges|countered|counters"
)
# these verbs also report actions ("Acme announced a model"), so only a following "that" makes them a claim
_EN_THAT_VERBS = "announced|announces|reported|reports|revealed|reveals|disclosed|discloses|confirmed|confirms|showed|shows"
_EN_CUE = re.compile(rf"\b(?:(?:{_EN_VERBS})\b|(?:{_EN_THAT_VERBS})\s+that\b)")
_EN_INVERTED = re.compile(rf"(?:[,\"”]|^)\s*(?P<cue>(?:{_EN_VERBS}))\s+(?=\S)")
_EN_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_EN_AFTER_INVERTED = re.compile(
    r"\s*(?:[,.;:!?\"”)]|$|(?:in|on|at|during|when|while|after|before|last|this|earlier|later|to)\b)"
)
_EN_TOKEN = re.compile(r"[A-Za-z0-9][\w'’&.\-]*|[^\w\s]")

_EN_NP_WORDS = frozenset(
    "the a an its their his her our chief executive officer spokesperson spokesman spokeswoman "
    "company firm startup start-up lab labs group maker developer developers ministry government "
    "department agency commission regulator regulators official officials researchers researcher "
    "scientists team engineers founder co-founder cofounder president vice director head minister "
    "secretary chairman chairwoman chair ceo cto cfo senior general manager partner analyst analysts "
    "executives executive spokespeople of for at".split()
)
_EN_EDGE_WORDS = frozenset("of for at".split())
_EN_DETERMINERS = frozenset("the a an its their his her our".split()) | _EN_EDGE_WORDS
_EN_PRONOUNS = frozenset("it he she they we i".split())
_EN_SKIP_BEFORE_VERB = frozenset(
    "also has have had previously recently later further then separately publicly repeatedly once "
    "already earlier again since".split()
)
_EN_NOT_NP = frozenset(
    "In On At But And However Meanwhile Also Separately Earlier Later Yesterday Today Tomorrow Last "
    "Next Then Still Now So Yet Moreover Previously Instead Indeed If When While After Before As "
    "Since Although Though Because Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December".split()
)
_EN_DOC_NOUNS = frozenset(
    "statement report reports filing filings blog post posts paper papers release announcement memo "
    "letter document documents data survey study research estimates figures benchmark benchmarks "
    "results tests website note analysis".split()
)
_EN_ANONYMOUS = frozenset("source sources people person insiders insider reports report media outlets".split())
_EN_ABBREVIATIONS = frozenset("inc. corp. co. ltd. jr. sr. plc. llc.".split())


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _EN_TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group(0)
        if w.endswith(".") and w.lower() not in _EN_ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", w):
            e, w = e - 1, w[:-1]
        if w:
            out.append((s, e, w))
    return out


def _np_word(w: str, extra: frozenset[str] = frozenset()) -> bool:
    if w in _EN_NOT_NP:
        return False
    low = w.lower()
    return w[0].isupper() or w[0].isdigit() or low in _EN_NP_WORDS or low in extra or re.sub(r"['’]s$", "", low) in _EN_NP_WORDS


def _trimmed(toks: list[tuple[int, int, str]]) -> Span | None:
    while toks and toks[0][2].lower() in _EN_EDGE_WORDS:
        toks = toks[1:]
    while toks and toks[-1][2].lower() in _EN_DETERMINERS:
        toks = toks[:-1]
    if not toks or all(t[2].lower() in _EN_DETERMINERS for t in toks):
        return None
    if re.sub(r"['’]s$", "", toks[-1][2].lower()) in _EN_ANONYMOUS:
        return None
    return toks[0][0], toks[-1][1]


def _np_before(text: str, end: int) -> Span | None:
    """The noun phrase that ends just before ``end`` (the subject of a reporting verb)."""
    toks = _tokens(text, 0, end)
    while toks and toks[-1][2].lower() in _EN_SKIP_BEFORE_VERB:
        toks.pop()
    if toks and toks[-1][2].lower() in ("which", "who", "that"):
        toks.pop()
        if not toks or toks[-1][2] != ",":
            return None
        toks.pop()
    elif toks and toks[-1][2] == ",":
        # an appositive closes here ("Jane Roe, Acme's chief, said"): the subject precedes it
        toks.pop()
        commas = [i for i, t in enumerate(toks) if t[2] == ","]
        if not commas:
            return None
        toks = toks[: commas[-1]]
    if toks and toks[-1][2].lower() in _EN_PRONOUNS:
        return toks[-1][0], toks[-1][1]
    np: list[tuple[int, int, str]] = []
    for t in reversed(toks):
        if len(t[2]) == 1 and not t[2].isalnum() or not _np_word(t[2]):
            break
        np.insert(0, t)
    return _trimmed(np)


def _np_after(text: str, start: int, extra: frozenset[str] = frozenset()) -> Span | None:
    """The noun phrase that starts at ``start`` (after "said" or "according to")."""
    np: list[tuple[int, int, str]] = []
    for t in _tokens(text, start, len(text)):
        if len(t[2]) == 1 and not t[2].isalnum() or not _np_word(t[2], extra):
            break
        np.append(t)
    if np and np[0][2].lower() in _EN_PRONOUNS:
        return np[0][0], np[0][1]
    return _trimmed(np)


def _source_of_document(text: str, np: Span) -> Span | None:
    """"a statement from Acme" → Acme; "Acme's blog post" → Acme; a bare "the report" → None."""
    toks = _tokens(text, *np)
    for i, t in enumerate(toks):
        if t[2].lower() in _EN_DOC_NOUNS:
            after = [j for j in range(i + 1, len(toks)) if toks[j][2].lower() in ("from", "by", "of")]
            if after:
                return _trimmed(toks[after[0] + 1:])
            owner = [u for u in toks[:i] if re.search(r"['’]s$", u[2])]
            if owner:
                head = owner[-1]
                owned = toks[: toks.index(head) + 1]
                span = _trimmed(owned)
                return (span[0], head[1] - 2) if span else None
            return None
    return np


def _english(text: str) -> list[Attribution]:
    out: list[Attribution] = []
    n = len(text.rstrip(" .!?\"”"))
    for m in _EN_CUE.finditer(text):
        src = _np_before(text, m.start())
        if src is None:
            continue
        # "Acme said, …" closes a report that came before; only "Acme said X" reports what follows
        if not re.match(r"\s*(?:[,.;:!?]|$)", text[m.end():]):
            out.append(Attribution(src, (m.start(), m.end()), (m.end(), n)))
        # "X beats Y, Acme said": the content precedes the source
        if re.search(r"[,\"”]\s*$", text[: src[0]]):
            out.append(Attribution(src, (m.start(), m.end()), (0, len(text[: src[0]].rstrip(" ,\"”")))))
    for m in _EN_INVERTED.finditer(text):
        src = _np_after(text, m.end())
        # the inverted order closes the sentence: ", said Jane Roe." / ", said the firm in a note";
        # ", said the new model was …" is "said" with an elided subject, not an inversion
        if src is not None and m.start("cue") > 0 and _EN_AFTER_INVERTED.match(text, src[1]):
            out.append(Attribution(src, (m.start("cue"), m.end("cue")), (0, m.start())))
    for m in _EN_ACCORDING.finditer(text):
        np = _np_after(text, m.end(), extra=_EN_DOC_NOUNS | {"from", "by"})
        src = _source_of_document(text, np) if np else None
        if src is not None:
            out.append(Attribution(src, (m.start(), m.end()), (0, n)))
    return out


# ---------------------------------------------------------------- Korean

_KO_VERBS = (
    "밝혔|밝히|밝힌|설명했|설명하|주장했|주장하|강조했|강조하|전했|전하|말했|말하|덧붙였|발표했|언급했|"
    "지적했|자평했|자신했|내다봤|평가했|예상했|전망했|보도했|알렸|소개했|반박했|역설했|답했|꼽았|분석했"
)
# a quotative ending: …한다고 / …라고 / …이라며 / …다면서, or a closing quote before 라고/고
_KO_QUOTATIVE = re.compile(r"(?:(?:[다라냐자])(?:고|며|면서)|[\"”’']\s?(?:이?라고|고|며|라며))(?=[\s,]|$)")
_KO_TOPIC = re.compile(r"(?<!\S)(?P<np>[^\s,.\"“”'‘’()]+?)(?:\s?측)?(?:은|는)(?=[\s,]|$)")
_KO_SUBJECT = re.compile(r"(?<!\S)(?P<np>[^\s,.\"“”'‘’()]+?)(?:\s?측)?(?:은|는|이|가)(?=[\s,]|$)")
_KO_ACCORDING = re.compile(r"(?P<np>[^\s,.\"“”'‘’()]+?)(?:\s?측)?에\s?따르면")
# eojeols ending like this are verbs, places, times or pronouns of content, not speakers
_KO_NOT_TOPIC = re.compile(
    r"(?:하는|되는|있는|없는|않는|라는|다는|이는|오는|가는|주는|받는|보는|내는|지는|기는|리는|드는|르는|치는|키는|우는|추는|쓰는|끄는|"
    r"에서는|에는|로는|와는|과는|에게는|까지는|부터는|받은|같은|많은|높은|낮은|좋은|작은|적은|않은|"
    r"남은|넘은|얻은|이날은|올해는|지난해는|현재는|한편은|이번은)$"
)
# an adnominal verb, not a topic, comes before these ("뒤흔드는 가운데", "있는 것")
_KO_BOUND_NOUN_NEXT = re.compile(r"\s+(?:가운데|것|데|중|등|만큼|동안|사이|반면|바|점|경우|때|상황|모습|한편|이유|탓)(?![가-힣]{2})")
_KO_ANONYMOUS = frozenset(
    "업계 관계자 소식통 외신 언론 매체 보도 관측 소식 통계 자료 조사 분석 업계관계자 전문가 전문가들".split()
)
_KO_DOC_NOUNS = frozenset("발표 보도 자료 보고서 논문 조사 분석 설명 공시 성명 블로그 기술보고서 보도자료 발표문".split())
_KO_PARTICLE_END = re.compile(r"(?:은|는|이|가|을|를|에|에서|로|으로|와|과|도|고|며|서|다|만|까지|부터|께서|했고|하고)$")
# words that open a clause rather than belong to the speaker's name: times, connectives, adverbs
_KO_NOT_NP_WORD = re.compile(
    r"^(?:이날|한편|또|또한|특히|이에|앞서|지난|올해|지난해|현재|최근|당시|이어|다만|그러나|하지만|이번에|전날|오늘|어제|"
    r"실제로|이와|관련|대해|관련해|따라|통해|위해|가운데|반면|동안|사이|이후|이어서)$|(?:해|게|히|\d+[일월년])$"
)
_KO_MAX_EXTRA_WORDS = 3


def _ko_speaker(text: str, m: re.Match) -> bool:
    """Whether a word marked 은/는/이/가 can name a speaker rather than be a verb form or a
    word that merely ends in a particle's syllable (추가, 평가)."""
    if _KO_NOT_TOPIC.search(m.group(0)) or _KO_BOUND_NOUN_NEXT.match(text, m.end()):
        return False
    stem = m.group("np")
    return len(stem) >= 2 or m.group(0).endswith(("은", "는")) and len(stem) >= 1


def _ko_np(text: str, start: int, end: int) -> Span:
    """Extend the stem text[start:end] back over the words of the same noun phrase."""
    pos = start
    for _ in range(_KO_MAX_EXTRA_WORDS):
        m = re.search(r"([^\s,.\"“”'‘’()]+)\s+$", text[:pos])
        if not m or _KO_PARTICLE_END.search(m.group(1)) or _KO_NOT_NP_WORD.search(m.group(1)):
            break
        pos = m.start(1)
    return pos, end


def _ko_first_topic(text: str, start: int, limit: int) -> Span | None:
    """The first topic of the clause: the speaker comes before any topic of the quoted content."""
    for m in _KO_TOPIC.finditer(text, start, limit):
        if _ko_speaker(text, m):
            return _ko_np(text, m.start("np"), m.end("np")) if m.start() > start else (m.start("np"), m.end("np"))
    return None


def _korean(text: str) -> list[Attribution]:
    out: list[Attribution] = []
    clause_start = 0
    for q in _KO_QUOTATIVE.finditer(text):
        verb_m = re.match(rf"\s*(?:[^\s]+\s+){{0,3}}?(?P<v>{_KO_VERBS})", text[q.end():])
        if verb_m is None and not q.group(0).endswith(("며", "면서")):
            continue
        cue = (q.start(), q.end() + (verb_m.end() if verb_m else 0))
        inverted = None
        if verb_m:
            # "…능가한다고 비전랩스 측은 밝혔다": the speaker sits between the quote and the verb
            gap_end = q.end() + verb_m.start("v")
            inverted = next(
                (m for m in _KO_SUBJECT.finditer(text, q.end(), gap_end) if _ko_speaker(text, m)),
                None,
            )
        if inverted is not None:
            lead = len(text[q.end():]) - len(text[q.end():].lstrip())
            out.append(Attribution((q.end() + lead, inverted.end("np")), cue, (clause_start, q.start())))
        else:
            src = _ko_first_topic(text, clause_start, q.start())
            if src is not None:
                out.append(Attribution(src, cue, (src[1], q.start())))
        clause_start = cue[1]
    for m in _KO_ACCORDING.finditer(text):
        stem = m.group("np")
        np_start, np_end = m.start("np"), m.end("np")
        if stem in _KO_DOC_NOUNS:
            owner = re.search(r"([^\s,.\"“”'‘’()]+)의\s+$", text[:np_start])
            if not owner:
                continue
            np_start, np_end = owner.start(1), owner.end(1)
        elif stem in _KO_ANONYMOUS or re.search(r"(?:관계자|소식통|전문가)들?$", stem):
            continue
        src = _ko_np(text, np_start, np_end)
        if text[src[0]:src[1]].split()[0] in _KO_ANONYMOUS:
            continue
        out.append(Attribution(src, (m.end("np"), m.end()), (0, len(text))))
    return out
