"""From a tokenised article to candidate triples with their evidence sentences.

``Extractor(lang, names, places)(doc)`` finds mentions and amounts, turns every sentence
into a template (:mod:`kg.extract.frame`), runs the language's rules over it, resolves
anaphors ("it", "the company", 이 회사는) to earlier mentions, settles argument types
against the schema and marks modality (negated, planned, reported). It never touches
the graph: it returns :class:`ArgFact` objects whose arguments are still mentions; the
resolve stage turns those into canonical entities.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from kg.extract.amounts import find_amounts
from kg.extract.candidates import Candidate, Rule
from kg.extract.frame import Frame, build_frame
from kg.extract.mentions import text_of, Mention, MentionFinder
from kg.model import AMOUNT_RELATIONS, ENTITY_RELATIONS, Amount

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Arg:
    """A resolved argument: the mention that names the entity and the type it plays."""

    mention: Mention
    type: str


@dataclass(frozen=True, slots=True)
class ArgFact:
    subject: Arg
    predicate: str
    object: Arg | Amount
    start: int
    end: int
    sentence: str
    confidence: float
    modality: str
    rule: str
    claimant: Arg | None = None
    event_date: object = None  # datetime.date of the event the sentence reports


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    mentions: tuple[Mention, ...]
    facts: tuple[ArgFact, ...]


_NEG = {
    "en": re.compile(r"\b(?:not|never|no longer|refused to|refuses to|declined to|declines to|failed to|fails to|denied|denies|without|yet to|has yet|have yet)\b|n['’]t\b", re.I),
    "ko": re.compile(r"(?:않|못했|못한|못하|못 |(?<![가-힣])안 |없었|없다|없는|아니|무산|불발|거부|부인|철회하지|미뤄|연기|보류|지연)"),
}
_PLAN = {
    # "may" the verb, never "May" the month (OpenAI on May 13 introduced …)
    "en": re.compile(r"\b(?:will|would|plans? to|planned to|planning to|expected to|expects to|aims? to|intends? to|set to|going to|could|(?-i:may)|might|should|is to|are to|seeking|seeks|considering|mulling|weighing|upcoming|hopes? to|wants? to|preparing to|prepares to|in talks)\b", re.I),
    "ko": re.compile(r"(?:할 예정|될 예정|할 계획|할 방침|할 전망|것으로 보인|것으로 예상|것으로 전망|검토|예정이|예정인|계획이|추진할|출시할|공개할|내놓을|선보일|준비 중|준비하고|준비중|목표로|하겠다|겠다고|겠다며|을 전망|ㄹ 것)"),
}
_REPORTED = {
    "en": re.compile(r"\b(?:reportedly|rumou?r(?:ed|s)?|according to (?:people|sources|reports|a person|media)|is said to|was said to|were said to|allegedly|speculat\w*|sources said|people familiar)\b", re.I),
    "ko": re.compile(r"(?:설이|설도|소문|관측|추정|루머|가능성)"),
}
# Korean news states sourced facts as "…한 것으로 알려졌다": stated, attributed, not a rumour
_ATTRIBUTED = {"en": re.compile(r"(?!)"), "ko": re.compile(r"(?:것으로 알려|로 알려졌|알려진다|알려졌다|전해졌다|밝혀졌다)")}


def modality_of(text: str, lang: str, predicate: str) -> str:
    """How the window of text around a cue presents the fact."""
    if _NEG[lang].search(text):
        return "negated"
    if predicate != "announced" and _PLAN[lang].search(text):
        return "planned"
    if _REPORTED[lang].search(text):
        return "reported"
    if _ATTRIBUTED[lang].search(text):
        return "claimed"
    return "asserted"


class Extractor:
    """Candidate triples for articles of one language; build once, call per article."""

    def __init__(self, lang: str, names, *, places: dict[str, str] | None = None, default_government: str | None = None):
        self.lang = lang
        self.finder = MentionFinder(lang, names, places=places)
        if lang == "ko":
            from kg.extract.rules_ko import RULES
        else:
            from kg.extract.rules_en import RULES
        self.rules: list[Rule] = RULES
        self.default_government = default_government

    def __call__(self, doc, *, published=None) -> ArticleAnalysis:
        text = text_of(doc)
        mentions = _one_type_per_name(self.finder(doc))
        amounts = find_amounts(text, self.lang)
        frames = [build_frame(s.start_char, s.end_char, s.text, mentions, amounts, i) for i, s in enumerate(doc.sents)]
        resolver = _Anaphora(mentions, frames, self.lang, self.default_government, published)
        facts: dict[tuple, ArgFact] = {}
        for fr in frames:
            cands = list(self._candidates(fr))
            # a fallback rule speaks only where no other rule found the same subject and relation
            firm = [c for c in cands if not c[1].fallback]
            weak = [c for c in cands if c[1].fallback]
            settled = [f for c in firm for f in self._settle(c, resolver)]
            taken = {(f.subject.mention.start, f.predicate) for f in settled}
            for c in weak:
                for f in self._settle(c, resolver):
                    if (f.subject.mention.start, f.predicate) not in taken:
                        settled.append(f)
            for fact in settled:
                key = (fact.subject.mention.start, fact.subject.type, fact.predicate, _obj_key(fact.object), fr.index)
                old = facts.get(key)
                if old is None or old.confidence < fact.confidence:
                    facts[key] = fact
        return ArticleAnalysis(tuple(m for m in mentions if not m.anaphor), tuple(facts.values()))

    # -- rules ---------------------------------------------------------------------------
    def _candidates(self, fr: Frame):
        for rule in self.rules:
            pat = rule.compiled()
            pos = 0
            while True:
                m = pat.search(fr.template, pos)
                if m is None:
                    break
                pos = m.start() + 1
                if rule.check is not None and not rule.check(fr, m):
                    continue
                yield from self._expand(rule, fr, m)

    def _expand(self, rule: Rule, fr: Frame, m: re.Match):
        groups = m.groupdict()
        if self.lang == "ko" and groups.get("s") and groups.get("o") and m.start("s") < m.start("o"):
            # Korean: the subject of a verb is the nearest topic before its object; another
            # topic in between (EU는 … 집행위원회는 … 내놓고) takes the verb for itself
            between = fr.template[m.end("s"):m.start("o")]
            if _TOPIC.search(between):
                return
        subs = [i for g in sorted(groups) if re.fullmatch(r"s\d*", g) and groups[g] for i in fr.indices(groups[g])]
        objs = fr.indices(groups.get("o")) if groups.get("o") else []
        if rule.quoted_only:
            objs = [i for i in objs if _quoted(fr, fr.item(i))]
        amounts = fr.indices(groups.get("a")) if groups.get("a") else []
        cue = _absolute(fr, m.start(), m.end())
        role, itype, hint = (*(rule.implicit or ("", "")), "")[:3]
        if subs:
            subs_m = [fr.item(i) for i in subs]
        else:
            # the sentence names no subject ("the Danish group", "해당 모델"): it is whoever
            # the phrase refers to, found like an anaphor
            subs_m = [Mention(cue[0], cue[0], "", (itype if role == "s" else "Company",), (), (hint,) if hint and role == "s" else (), anaphor=True, source="implicit")]
        if amounts:
            targets = [fr.item(i)[2] for i in amounts]
        elif objs:
            targets = [fr.item(i) for i in objs]
        elif role == "o":
            targets = [Mention(cue[0], cue[0], "", (itype,), (), (hint,) if hint else (), anaphor=True, source="implicit")]
        else:
            return
        for s in subs_m:
            for o in targets:
                if isinstance(o, Mention) and o is s:
                    continue
                yield Candidate(
                    predicate=rule.pred if isinstance(rule.pred, str) else "",
                    subject=s, object=o, frame=fr, confidence=rule.confidence, rule=rule.name,
                    cue=cue, modality=rule.modality,
                ), rule

    def _settle(self, pair, resolver: "_Anaphora"):
        cand, rule = pair
        fr = cand.frame
        subj = cand.subject
        obj = cand.object
        combos = []
        if isinstance(obj, Amount):
            pred = cand.predicate
            for st in subj.types:
                if st in AMOUNT_RELATIONS.get(pred, ()):
                    combos.append((pred, st, None))
        else:
            for st in _role_types(subj):
                for ot in _role_types(obj):
                    pred = cand.predicate if isinstance(rule.pred, str) else rule.pred(st, ot)
                    if not pred or pred not in ENTITY_RELATIONS:
                        continue
                    dom, rng = ENTITY_RELATIONS[pred]
                    if st in dom and ot in rng:
                        combos.append((pred, st, ot))
        for pred, st, ot in combos[:1]:
            wanted = subj.type if subj.source == "implicit" else st
            s_m = resolver.resolve(subj, wanted, before=cand.cue[0], exclude=obj) if subj.anaphor else subj
            if s_m is None:
                continue
            if isinstance(obj, Amount):
                o_arg: Arg | Amount = obj
            else:
                # an implicit argument is looked up as what the rule declared (a Country for
                # "X 대통령"), then plays its role (that country's government)
                wanted = obj.type if obj.source == "implicit" else ot
                o_m = resolver.resolve(obj, wanted, before=obj.start, exclude=s_m) if obj.anaphor else obj
                if o_m is None or _same(o_m, s_m):
                    continue
                o_arg = Arg(o_m, ot)
            lo = max(fr.start, cand.cue[0] - (40 if self.lang == "en" else 25))
            hi = min(fr.end, cand.cue[1] + (3 if self.lang == "en" else 30))
            if rule.presupposed:
                lo, hi = max(fr.start, cand.cue[0] - 12), cand.cue[1]
            window = fr.text[lo - fr.start:hi - fr.start]
            modality = cand.modality or modality_of(window, self.lang, pred)
            if cand.modality == "claimed" and modality_of(window, self.lang, pred) == "negated":
                modality = "negated"
            conf = cand.confidence * (0.85 if subj.anaphor else 1.0)
            rel = (max(0, cand.cue[0] - fr.start), max(0, cand.cue[1] - fr.start))
            yield ArgFact(
                Arg(s_m, st), pred, o_arg, fr.start, fr.end, fr.text, round(conf, 3), modality, cand.rule,
                claimant=self._claimant(fr, rel, resolver),
                event_date=self._event_date(fr, rel, resolver.published),
            )

    def _event_date(self, fr: Frame, rel: tuple[int, int], published):
        from kg.extract.dates import event_date

        found = event_date(fr.text, lang=self.lang, published=published, span=rel)
        # only a day is an xsd:date; "in June" is kept out rather than pinned to June 1st
        return found.date if found is not None and found.precision == "day" else None

    def _claimant(self, fr: Frame, rel: tuple[int, int], resolver: "_Anaphora") -> Arg | None:
        """Who the sentence says is the source of the fact ("X said", "X는 …고 밝혔다")."""
        from kg.extract.claims import claimant_span

        span = claimant_span(fr.text, lang=self.lang, span=rel)
        if span is None:
            return None
        lo, hi = fr.start + span[0], fr.start + span[1]
        inside = [m for m in fr.items if isinstance(m, Mention) and lo <= m.start and m.end <= hi]
        for m in reversed(inside):  # the head of "Acme CEO Jane Roe" is the last name
            for t in ("Person", "Company", "Government"):
                if t in m.types or (t == "Government" and "Country" in m.types):
                    found = resolver.resolve(m, t, before=m.start) if m.anaphor else m
                    if found is not None:
                        return Arg(found, t)
        return None


_TOPIC = re.compile(r"⟨[A-Za-z|]*(?:Company|Government|Country|Person)[A-Za-z|]*:\d+⟩(?:\s?[가-힣]{1,4})?(?:은|는|이|가)\s")


def _one_type_per_name(mentions: list[Mention]) -> list[Mention]:
    """An unseen name keeps one type in an article: the one most of its contexts gave it.

    ‘NX-900’ next to "언어모델" in a headline and "NX-900 칩" three times in the body is a chip.
    """
    from collections import Counter

    from kg.names import name_key

    # a name typed by its context outvotes one typed only by its shape (헤일시온-7 looks like a model)
    weight = {"quote": 3, "list": 3, "pattern": 2, "shape": 1, "article": 1}
    votes: dict[str, Counter] = {}
    for m in mentions:
        if not m.keys and not m.anaphor:
            votes.setdefault(name_key(m.text), Counter())[m.type] += weight.get(m.source, 1)
    out = []
    for m in mentions:
        if not m.keys and not m.anaphor:
            best = max(sorted(votes[name_key(m.text)].items()), key=lambda kv: kv[1])[0]
            if best != m.type:
                m = replace(m, types=(best,))
        out.append(m)
    return out


def _role_types(m: Mention) -> list[str]:
    types = list(m.types)
    # a country named where a government acts: 미국은 … 시행했다, "the US repealed …"
    if "Country" in types and "Government" not in types:
        types.append("Government")
    return types


def _quoted(fr: Frame, m) -> bool:
    if not isinstance(m, Mention):
        return False
    before = fr.text[max(0, m.start - fr.start - 1):m.start - fr.start]
    return before in ("‘", "'", "\"", "“", "「", "『", "《", "〈")


def _same(a: Mention, b: Mention) -> bool:
    if a.keys and b.keys:
        return bool(set(a.keys) & set(b.keys))
    return a.start == b.start and a.end == b.end


def _obj_key(o) -> tuple:
    if isinstance(o, Amount):
        return ("amount", str(o.value), o.currency)
    return (o.mention.start, o.type)


def _absolute(fr: Frame, t_start: int, t_end: int) -> tuple[int, int]:
    """Map template offsets back to article offsets (placeholders differ in length)."""
    pos_t, pos_a = 0, fr.start
    start_abs = end_abs = None
    for m in re.finditer(r"⟨[A-Za-z|]+:(\d+)⟩", fr.template):
        item = fr.items[int(m.group(1))]
        i_start = item.start if isinstance(item, Mention) else item[0]
        i_end = item.end if isinstance(item, Mention) else item[1]
        if start_abs is None and t_start < m.end():
            start_abs = pos_a + (t_start - pos_t) if t_start < m.start() else i_start
        if end_abs is None and t_end <= m.end():
            end_abs = pos_a + (t_end - pos_t) if t_end <= m.start() else i_end
        pos_t, pos_a = m.end(), i_end
    if start_abs is None:
        start_abs = pos_a + (t_start - pos_t)
    if end_abs is None:
        end_abs = pos_a + (t_end - pos_t)
    return start_abs, end_abs


class _Anaphora:
    """Finds the antecedent of "it", "the company", 이 회사는, 황 CEO, and implicit subjects."""

    def __init__(self, mentions: list[Mention], frames: list[Frame], lang: str,
                 default_government: str | None = None, published=None):
        self.published = published  # the article's date, for event dates
        # pronouns already resolved by the language's finder are copies of their antecedent,
        # not new antecedents
        self.named = [m for m in mentions if not m.anaphor and not m.source.startswith("pronoun:")]
        self.lang = lang
        self.default_government = default_government
        self.sentence_starts = [fr.start for fr in frames]

    def _sentence(self, pos: int) -> int:
        n = 0
        for i, s in enumerate(self.sentence_starts):
            if s <= pos:
                n = i
        return n

    def resolve(self, m: Mention, type_: str, *, before: int, exclude=None) -> Mention | None:
        here = self._sentence(m.start)
        reach = 1 if m.text.lower() in ("it", "its", "he", "she", "his", "her", "they", "their") else 3
        if m.text.startswith(("이 ", "해당 ", "this ", "This ", "the same ")):
            reach = 6  # a demonstrative points back further: 이 프로젝트는, this initiative
        if m.source == "head":
            reach = 1000  # constrained by name instead: 연구원은 → the one 한결 AI연구원
        elif m.source == "implicit" and type_ in ("Project", "Policy"):
            reach = 6  # "3개 컨소시엄이 선정돼": the project the passage is about, named a few sentences back
        pool = [
            c for c in self.named
            if c.end <= max(before, m.start) and here - self._sentence(c.start) <= reach
            and (type_ in c.types or (type_ == "Government" and "Country" in c.types))
            and c is not exclude
        ]
        if m.text in ("정부", "당국"):
            # a bare 정부 names a government or a country, never a place (울산, 판교) it was near
            pool = [c for c in pool if c.source != "place"]
        if not pool:
            if type_ == "Government" and m.text in ("정부", "당국") and self.default_government:
                # a Korean article's bare 정부 is the Korean government unless another was named
                return Mention(m.start, m.end, m.text, ("Government",), (self.default_government,), (m.text,))
            return None
        if m.source == "head":
            hinted = [c for c in pool if any(n.endswith(m.names[0]) for n in (*c.names, c.text))]
            return hinted[-1] if hinted else None
        if m.source == "implicit" and m.names and m.names[0]:
            # a hint names the kind of antecedent: "그룹 계열사" refers to a group
            hinted = [c for c in pool if any(m.names[0] in n for n in (*c.names, c.text))]
            if hinted:
                return hinted[-1]
        if m.type == "Person" and m.names:  # 황 CEO → the person whose name has 황
            pool = [c for c in pool if any(m.names[0] in n for n in c.names or (c.text,))] or []
            return pool[-1] if pool else None
        if m.source == "implicit" and type_ == "Government":
            # a body that acts (EU, 국회) before a country merely named as a place (브뤼셀에서)
            acting = [c for c in pool if "Government" in c.types]
            if acting:
                pool = acting
        if m.source == "implicit" and type_ == "AIModel":
            # "개발비는 약 8억엔이 들었다": the model the passage is about, not the rival named last
            recent = [c for c in pool if here - self._sentence(c.start) <= 2]
            if recent:
                counts: dict[str, int] = {}
                for c in recent:
                    counts[_ident(c)] = counts.get(_ident(c), 0) + 1
                return max(reversed(recent), key=lambda c: counts[_ident(c)])
        if type_ == "Company" and (m.source == "implicit" or (m.names and m.source == "anaphor")):
            same = [c for c in pool if self._sentence(c.start) == here and m.start - c.end < 80]
            if same:
                return same[-1]
            counts: dict[str, int] = {}
            for c in self.named:
                if c.end <= m.start and type_ in c.types:
                    counts[_ident(c)] = counts.get(_ident(c), 0) + 1
            return max(reversed(pool), key=lambda c: counts.get(_ident(c), 0))
        return pool[-1]


def _ident(m: Mention) -> str:
    return m.keys[0] if m.keys and m.keys[0] else m.text
