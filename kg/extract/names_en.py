"""Unseen names in English text, found by capitalisation, shape and context.

A candidate is a run of capitalised or alphanumeric tokens ("Neurowave Technologies",
"Halcyon-7", "Ministry of Digital Affairs"). It becomes a mention only when something
types it: a suffix (Inc, Labs, Act, Ministry), a head noun around it (the startup X,
X chips, X, its reasoning model), a title (chief executive X) or its shape (NX-900).
"""
from __future__ import annotations

import re

from kg.extract.mentions import Mention, lexicon

_JOINERS = {"of", "for", "and", "the", "&", "de", "on", "in", "to"}
_SKIP_START = {
    "The", "A", "An", "In", "On", "But", "And", "Its", "It", "This", "That", "These", "Those", "He", "She",
    "They", "We", "I", "As", "At", "By", "For", "From", "If", "When", "While", "After", "Before", "Under",
    "Over", "With", "Without", "Even", "Earlier", "Also", "Not", "Most", "Some", "Many", "All", "Each",
    "Every", "Both", "Under", "Since", "Until", "According", "Last", "Next", "Such", "Other", "Another",
    "Our", "Their", "His", "Her", "Mr", "Mr.", "Ms", "Ms.", "Dr", "Dr.", "Why", "How", "What", "Who",
    "Where", "Which", "Whether", "Meanwhile", "However", "Still", "Yet", "So", "Then", "There", "Here",
}
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}
_HW_SHAPE = re.compile(r"^[A-Z]{1,4}-?\d{2,4}[A-Z]{0,2}$")
_MODEL_SHAPE = re.compile(r"[A-Za-z]{2,}[-\s]?\d+(?:\.\d+)?(?:[-\s]?[A-Za-z]+)?$|^[A-Z][a-z]+[A-Z]\w*-\w+$")
_PERSON_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ]+)?$")
_SAY = {"said", "says", "told", "wrote", "added", "argued", "noted", "explained", "stated", "announced"}


def _name_like(tok) -> bool:
    t = tok.text
    if not t or t in _CALENDAR:
        return False
    if t[0].isupper() or (any(c.isdigit() for c in t) and any(c.isalpha() for c in t)):
        return True
    return t[0].isdigit() and tok.i > 0 and tok.nbor(-1).text[:1].isupper()  # Llama 3.1


def _runs(sent):
    """Runs of name-like tokens, allowing joiners inside (Ministry of Digital Affairs)."""
    toks = list(sent)
    i = 0
    while i < len(toks):
        if not _name_like(toks[i]) or toks[i].text in _SKIP_START and (i + 1 >= len(toks) or not _name_like(toks[i + 1])):
            i += 1
            continue
        if toks[i].text in _SKIP_START:
            i += 1
        j = i
        while j + 1 < len(toks):
            nxt = toks[j + 1]
            if _name_like(nxt) or nxt.text in ("-", "–") and not toks[j].whitespace_:
                j += 1
                continue
            if (nxt.text.lower() in _JOINERS and nxt.text.islower() and j + 2 < len(toks)
                    and _name_like(toks[j + 2]) and toks[j + 2].text not in _SKIP_START):
                j += 2
                continue
            break
        yield toks[i:j + 1]
        i = j + 1


def _ends_with_word(name: str, words) -> bool:
    last = name.split()[-1] if name.split() else ""
    return last in words or last.rstrip(".") in words


def _type(span_toks, lex, doc) -> str | None:
    name = doc.text[span_toks[0].idx:span_toks[-1].idx + len(span_toks[-1].text)]
    words = name.split()
    before = doc[max(0, span_toks[0].i - 4):span_toks[0].i]
    after = doc[span_toks[-1].i + 1:span_toks[-1].i + 5]
    prev = [t.text.lower() for t in before]
    nxt = [t.text.lower() for t in after]
    nxt_text = " ".join(nxt)
    if re.fullmatch(r"Executive Order \d+", name):
        return "Policy"
    if _ends_with_word(name, lex["policy_heads"]) and len(words) > 1:
        return "Policy"
    if words[0] in ("Ministry", "Department", "Office", "Bureau", "Agency") or (
        _ends_with_word(name, lex["government_heads"]) and len(words) > 1
    ):
        return "Government"
    if words[0] == "Project" or (_ends_with_word(name, lex["project_heads"]) and len(words) > 1):
        return "Project"
    if _ends_with_word(name, lex["company_suffixes"]) and len(words) > 1:
        return "Company"
    # head nouns right after: "NX-900 chips", "Halcyon-7 model"
    for t, key in (("Hardware", "hardware_nouns"), ("AIModel", "model_nouns")):
        nouns = {w.lower() for w in lex[key]}
        if nxt and (nxt[0] in nouns or " ".join(nxt[:2]) in nouns):
            return t
    # apposition: "X, the Busan-based startup" / "X, its first reasoning model"
    if nxt[:1] == [","] and len(nxt) > 2:
        appo = " ".join(nxt[1:4])
        for t, key in (("Company", "company_nouns"), ("AIModel", "model_nouns"), ("Hardware", "hardware_nouns")):
            if any(re.search(rf"\b{re.escape(w.lower())}\b", appo) for w in lex[key]) and nxt[1] in ("a", "an", "the", "its", "their"):
                return t
        if any(w in appo for w in ("chief executive", "ceo", "president", "founder", "minister", "director", "chairman", "secretary")):
            if all(_PERSON_WORD.match(w) for w in words) and 2 <= len(words) <= 3:
                return "Person"
    # head nouns right before: "startup Neurowave", "chipmaker X", "model X"
    if prev:
        p = prev[-1]
        for t, key in (("Company", "company_nouns"), ("AIModel", "model_nouns"), ("Hardware", "hardware_nouns")):
            if p in {w.lower() for w in lex[key]}:
                if t == "Company" and all(_PERSON_WORD.match(w) for w in words) and len(words) >= 2 and p in ("founder",):
                    return "Person"
                return t
    if all(_PERSON_WORD.match(w) for w in words) and 2 <= len(words) <= 3:
        titles = {w.lower() for w in lex["titles_lead"] + lex["titles_not_lead"]}
        if any(" ".join(prev[k:]) in titles for k in range(len(prev))) or (prev and prev[-1] in ("by", "mr.", "ms.", "dr.")):
            return "Person"
        if nxt and nxt[0] in _SAY:
            return "Person"
    if _HW_SHAPE.match(name):
        return "Hardware"
    if _MODEL_SHAPE.search(name) and not name.isupper():
        return "AIModel"
    return None


def find(doc, known: list[Mention], finder) -> list[Mention]:
    """Typed mentions of names the knowledge base does not hold."""
    lex = lexicon("en")
    out: list[Mention] = []
    for sent in doc.sents:
        for run in _runs(sent):
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            if any(m.start < end and start < m.end for m in known):
                # trim the run around a known name: "Meta Platforms Inc" is already known
                continue
            t = _type(run, lex, doc)
            if t:
                text = doc.text[start:end]
                out.append(Mention(start, end, text, (t,), (), (text,), source="pattern"))
        out.extend(_quoted_titles(sent, doc, known + out))
    return out


_TITLED = re.compile(r"(?:titled|called|named|dubbed|known as)\s*[\"“]([^\"”]{3,120})[\"”]|[\"“]([^\"”]{3,120})[,.]?[\"”]")


def _quoted_titles(sent, doc, known) -> list[Mention]:
    """Quoted titles of orders, plans and products: 'orders, titled "A," "B" and "C"'."""
    out = []
    text = sent.text
    ctx_policy = re.search(r"\b(order|orders|act|bill|law|plan|strategy|rule|regulation|directive|blueprint|framework)s?\b", text, re.I)
    for m in _TITLED.finditer(text):
        g = 1 if m.group(1) else 2
        inner = m.group(g).rstrip(",.")
        s = sent.start_char + m.start(g)
        e = s + len(inner)
        if any(k.start < e and s < k.end for k in known):
            continue
        words = inner.split()
        capitalised = sum(1 for w in words if w[:1].isupper()) >= max(1, len(words) // 2)
        if not capitalised or not ctx_policy:
            continue
        out.append(Mention(s, e, inner, ("Policy",), (), (inner,), source="quote"))
    return out


def short_forms(m: Mention) -> list[str]:
    words = m.text.split()
    if m.type == "Person" and len(words) >= 2 and len(words[-1]) >= 3:
        return [words[-1]]
    lex = lexicon("en")
    if m.type == "Company" and len(words) >= 2 and words[-1] in lex["company_suffixes"] and len(words[0]) >= 4:
        return [" ".join(words[:-1])]
    return []


def anaphors(doc, mentions: list[Mention]) -> list[Mention]:
    """'the company', 'it', 'the Busan-based firm', 'the Dutch group': resolved later."""
    lex = lexicon("en")
    out: list[Mention] = []
    text = doc.text

    def free(s, e):
        return not any(x.start < e and s < x.end for x in mentions + out)

    nouns = "|".join(map(re.escape, sorted(lex["company_nouns"], key=len, reverse=True)))
    # the Dutch chip-equipment maker / the Paris-based developer / the French startup
    for m in re.finditer(rf"\b[Tt]he ((?:[A-Z][\w.]*(?:-based)?|[\w]+-based) (?:[\w-]+ ){{0,2}}?(?:{nouns}))\b", text):
        if free(m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), m.group(0), ("Company",), (), (m.group(1),), anaphor=True, source="anaphor"))
    for t, phrases in lex["anaphora"].items():
        for p in phrases:
            for m in re.finditer(rf"\b{re.escape(p)}\b", text, re.I):
                if free(m.start(), m.end()):
                    out.append(Mention(m.start(), m.end(), m.group(0), (t,), (), (), anaphor=True, source="anaphor"))
    for p, types in lex["pronouns"].items():
        for m in re.finditer(rf"\b{p}\b", text, re.I):
            if free(m.start(), m.end()):
                out.append(Mention(m.start(), m.end(), m.group(0), tuple(types), (), (), anaphor=True, source="anaphor"))
    return sorted(out, key=lambda m: m.start)


def glosses(doc, known: list[Mention], finder) -> list[Mention]:
    return []


def quotes(doc, finder) -> list[Mention]:
    return []


__all__ = ["find", "anaphors", "short_forms", "glosses"]
