"""Unseen names in English text, found by capitalisation, shape and context.

A candidate is a run of capitalised or alphanumeric tokens ("Neurowave Technologies",
"Halcyon-7", "Ministry of Digital Affairs"). It becomes a mention only when something
types it: a suffix (Inc, Labs, Act, Ministry), a head noun around it (the startup X,
X chips, X, its reasoning model), a title (chief executive X) or its shape (NX-900).
"""
from __future__ import annotations

import re

from dataclasses import replace

from kg.extract.mentions import text_of, Mention, lexicon, with_type

_JOINERS = {"of", "for", "and", "the", "&", "de", "on", "in", "to"}
_SKIP_START = {
    "The", "A", "An", "In", "On", "But", "And", "Its", "It", "This", "That", "These", "Those", "He", "She",
    "They", "We", "I", "As", "At", "By", "For", "From", "If", "When", "While", "After", "Before", "Under",
    "Over", "With", "Without", "Even", "Earlier", "Also", "Not", "Most", "Some", "Many", "All", "Each",
    "Every", "Both", "Under", "Since", "Until", "According", "Last", "Next", "Such", "Other", "Another",
    "Our", "Their", "His", "Her", "Mr", "Mr.", "Ms", "Ms.", "Dr", "Dr.", "Why", "How", "What", "Who",
    "Where", "Which", "Whether", "Meanwhile", "However", "Still", "Yet", "So", "Then", "There", "Here",
}
_LANGUAGES = {
    "Arabic", "English", "Korean", "Chinese", "Mandarin", "Cantonese", "Japanese", "French", "German", "Spanish",
    "Portuguese", "Italian", "Hindi", "Russian", "Hebrew", "Turkish", "Dutch", "Thai", "Vietnamese", "Indonesian",
    "Malay", "Swahili", "Persian", "Urdu", "Bengali", "Polish", "Swedish", "Norwegian", "Danish", "Finnish", "Greek",
}
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}
_HW_SHAPE = re.compile(r"^[A-Z]{1,4}-?\d{2,4}[A-Z]{0,2}$")
_MODEL_SHAPE = re.compile(r"[A-Za-z]{2,}[-\s]?\d+(?:\.\d+)?(?:[-\s]?[A-Za-z]+)?$|^[A-Z][a-z]+[A-Z]\w*-\w+$")
_PERSON_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ]+)?|de|van|von|der|den|da|di|du|le|la|bin|al|el)$")
_MAKER_VERB = re.compile(
    r"\s*(?:on \w+day\s+|this week\s+|last week\s+|today\s+|yesterday\s+|also\s+|has\s+|had\s+)?"
    r"(?:released|launched|unveiled|debuted|open-sourced|rolled out|shipped|raised|secured)\s"
)
_SAY = {"said", "says", "told", "wrote", "added", "argued", "noted", "explained", "stated", "announced"}


_AMOUNT_TOKEN = re.compile(r"\d[\d.,]*(?:bn|mn|m|k|tn|trn|st|nd|rd|th|s|pc|%)", re.I)
_NUMBER = re.compile(r"\d[\d.,]*")


def _name_like(tok) -> bool:
    t = tok.text
    # "1.7bn", "30th", "1990s" are amounts and ordinals, never part of a name
    if t in _LANGUAGES and tok.i + 1 < len(tok.doc) and tok.nbor(1).text[:1].islower():
        return False  # "an Arabic speech model": a language, not a name
    if not t or t in _CALENDAR or _AMOUNT_TOKEN.fullmatch(t):
        return False
    if _NUMBER.fullmatch(t):  # a version after a name: Llama 3.1, but not "in 2024"
        return tok.i > 0 and tok.nbor(-1).text[:1].isupper() and tok.nbor(-1).text not in _SKIP_START and len(t) < 4 or "." in t and tok.i > 0 and tok.nbor(-1).text[:1].isupper()
    if t[0].isupper() or (any(c.isdigit() for c in t) and any(c.isalpha() for c in t)):
        return True
    return False


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
            if _name_like(nxt):
                j += 1
                continue
            if nxt.text in ("-", "–") and not toks[j].whitespace_ and not nxt.whitespace_ and j + 2 < len(toks):
                after = toks[j + 2]
                if _name_like(after) or after.text[:1].isdigit():
                    j += 2
                    continue
                # "Kim Min-su": a hyphenated given name; "Busan-based", "Portuguese-language" end the name
                if after.text.isalpha() and after.text.islower() and len(after.text) <= 4 and j - i >= 1 and all(
                        _PERSON_WORD.match(t.text) for t in toks[i:j + 1]):
                    j += 2
                break
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


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _head_after(text: str, lex) -> str | None:
    """The type named by a head noun right after a name: "NX-900 chips", "Wren coding assistant"."""
    mods = _alt(lex["noun_modifiers"])
    for t, key in (("Hardware", "hardware_nouns"), ("AIModel", "model_nouns")):
        if re.match(rf"\s+(?:(?:{mods})\s+)?(?:{_alt(lex[key])})\b", text, re.I):
            return t
    return None


def _apposition(text: str, lex) -> str | None:
    """The type an apposition gives: "X, the Busan-based startup", "X, a data centre project"."""
    m = re.match(r",\s+(?:a|an|the|its|their|[A-Z][\w.]*['’]s?)\s+((?:[\w.’'-]+\s+){0,4}?)"
                 rf"({_alt(lex['company_nouns'] + lex['model_nouns'] + lex['hardware_nouns'] + lex['project_nouns'])})\b"
                 r"(?!\s+(?:said|says|told|added|announced|noted|stated|confirmed|reported|wrote|explained)\b)", text)
    if not m:
        return None
    noun = m.group(2).lower()
    for t, key in (("Company", "company_nouns"), ("AIModel", "model_nouns"), ("Hardware", "hardware_nouns"), ("Project", "project_nouns")):
        if noun in {w.lower() for w in lex[key]}:
            return t
    return None


def _person_apposition(text: str, lex) -> bool:
    """ "X, Veridian's chief executive", "X, chair of the board", "X, the office's director"."""
    titles = _alt(lex["titles_lead"] + lex["titles_not_lead"] + lex["person_nouns"])
    return bool(re.match(rf",\s+(?:(?:a|an|the)\s+)?(?:[\w.&’'-]+\s+){{0,3}}?(?:{titles})\b", text, re.I))


def _type(span_toks, lex, doc) -> str | None:
    name = text_of(doc)[span_toks[0].idx:span_toks[-1].idx + len(span_toks[-1].text)]
    words = name.split()
    end = span_toks[-1].idx + len(span_toks[-1].text)
    before = doc[max(0, span_toks[0].i - 4):span_toks[0].i]
    prev = [t.text.lower() for t in before]
    after_text = text_of(doc)[end:end + 80]
    person_shape = all(_PERSON_WORD.match(w) for w in words) and 2 <= len(words) <= 3
    gov_heads = set(lex["government_heads"])
    if re.fullmatch(r"Executive Order \d+", name):
        return "Policy"
    # events (the GTC 2024 conference, at VivaTech) are none of the schema's types
    events = {w.lower() for w in lex["event_nouns"]}
    if (after_text.strip().split(" ")[0].lower().strip(",.") in events
            or (prev and prev[-1] in events)):
        return None
    # "Office of Science and Technology Policy", "National Council for Digital Sovereignty"
    gov_of = any(w in gov_heads and words[k + 1] in ("of", "for", "on") for k, w in enumerate(words[:-1]))
    if _ends_with_word(name, lex["policy_heads"]) and len(words) > 1 and not (gov_of and words[-1] == "Policy"):
        return "Policy"
    if words[0] in ("Ministry", "Department", "Office", "Bureau", "Agency") or gov_of or (
        _ends_with_word(name, lex["government_heads"]) and len(words) > 1
    ):
        return "Government"
    if words[0] != "Project" and _apposition(after_text, lex) == "Company":
        return "Company"  # "Najd Compute, a Saudi start-up": the apposition outranks the name's last word
    if words[0] == "Project" or (_ends_with_word(name, lex["project_heads"]) and len(words) > 1):
        return "Project"
    if _ends_with_word(name, lex["company_suffixes"]) and len(words) > 1:
        return "Company"
    titles = {w.lower() for w in lex["titles_lead"] + lex["titles_not_lead"] + lex["person_nouns"]}
    lead_in = [w for w in prev if w not in (",", "the", "a", "an")]
    titled = any(" ".join(lead_in[k:]) in titles for k in range(len(lead_in)))
    if person_shape and (titled or (prev and prev[-1] in ("by", "mr.", "ms.", "dr.", "mr", "ms", "dr"))
                         or re.match(r",\s+who\b", after_text)):
        return "Person"  # "led by Kim Min-su, a chip designer": the person, not the apposition's noun
    head = _head_after(after_text, lex)
    if head:
        return head
    # "Priya Raman, the company's chief executive": a title in the apposition makes a person,
    # even when the apposition also names a company noun
    if person_shape and _person_apposition(after_text, lex):
        return "Person"
    appo = _apposition(after_text, lex)
    if appo:
        return appo
    # "Nuvaro's Portuguese-language model Ipanem-2": whoever owns a named model or chip is a company
    owned = _alt(lex["model_nouns"] + lex["hardware_nouns"])
    if len(words) <= 3 and re.match(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{owned})\s+[A-Z]", after_text):
        return "Company"
    # "Daeyang's data centre arm, Daeyang DC,": a name set off after a unit noun
    if len(prev) >= 2 and prev[-1] == "," and prev[-2] in ("unit", "arm", "subsidiary", "division", "affiliate", "spin-off", "spinoff"):
        return "Company"
    # head nouns right before: "startup Neurowave", "chipmaker X", "model X"
    if prev:
        p = prev[-1]
        for t, key in (("Company", "company_nouns"), ("AIModel", "model_nouns"), ("Hardware", "hardware_nouns")):
            if p in {w.lower() for w in lex[key]}:
                if t == "Company" and person_shape and p in ("founder",):
                    return "Person"
                return t
    if person_shape:
        nxt = re.match(r"\s*(\w+)", after_text)
        if nxt and nxt.group(1) in _SAY or prev and prev[-1] in _SAY:
            return "Person"
    if _HW_SHAPE.match(name):
        return "Hardware"
    # a name that releases or raises something is a company: "Nimbus Forge on Tuesday released Lumen-7"
    if not _MODEL_SHAPE.search(name) and _MAKER_VERB.match(after_text):
        return "Company"
    if _MODEL_SHAPE.search(name) and not name.isupper() and not re.search(r"\s(?:19|20)\d\d$", name):
        # "Orion 2" is a model; "Summit 2024" is a year, not a version
        return "AIModel"
    return None


def _trim(run, lex):
    """Drop joiners at the edges and a trailing "AI" that belongs to the noun after it (NX-900 AI accelerator)."""
    while run and (run[0].text.lower() in _JOINERS or run[0].text in ("-", "–")):
        run = run[1:]
    while run and (run[-1].text.lower() in _JOINERS or run[-1].text in ("-", "–")):
        run = run[:-1]
    # "Prime Minister Alva Rensdottir": the title is context, not part of the name
    titles = {w.lower() for w in lex["titles_lead"] + lex["titles_not_lead"]}
    for k in (2, 1):
        if len(run) - k >= 2 and " ".join(t.text.lower() for t in run[:k]) in titles:
            run = run[k:]
            break
    if len(run) > 1 and run[-1].text == "AI":
        nxt = text_of(run[-1].doc)[run[-1].idx + 2:run[-1].idx + 40]
        if _head_after(nxt, lex):
            run = run[:-1]
    return run


def _pieces(run, known):
    """A run split around known names; a piece touching a known name without a joiner is part of a
    longer name (handled by :func:`glosses`), not a name of its own."""
    out: list = []
    cur: list = []
    attached = False  # inside the words glued to a known name
    for t in run:
        if any(m.start < t.idx + len(t.text) and t.idx < m.end for m in known):
            if cur and cur[-1].text.lower() in _JOINERS:
                out.append(cur)
            cur, attached = [], True
            continue
        if attached and t.text.lower() not in _JOINERS:
            continue
        attached = False
        cur.append(t)
    if cur and not attached:
        out.append(cur)
    return out


def find(doc, known: list[Mention], finder) -> list[Mention]:
    """Typed mentions of names the knowledge base does not hold."""
    lex = lexicon("en")
    out: list[Mention] = []
    out.extend(_dotted_abbreviations(doc, known, finder))
    for sent in doc.sents:
        for run in _runs(sent):
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            pieces = [run]
            if any(m.start < end and start < m.end for m in known):
                pieces = _pieces(run, known)
            for piece in pieces:
                piece = _trim(piece, lex)
                if not piece:
                    continue
                m = _typed(piece, lex, doc, known)
                if m is not None:
                    out.append(m)
        out.extend(_quoted_titles(sent, doc, known + out))
    return out


def _dotted_abbreviations(doc, known: list[Mention], finder) -> list[Mention]:
    """ "U.S.", "U.K.": known names whose last dot ends the token, so the gazetteer's token
    boundaries miss them."""
    out = []
    for tok in doc:
        if not re.fullmatch(r"(?:[A-Z]\.){2,4}", tok.text):
            continue
        if any(m.start < tok.idx + len(tok.text) and tok.idx < m.end for m in known):
            continue
        hits = [h for h in finder.index.scan(tok.text[:-1], boundaries=None) if h.end == len(tok.text) - 1 and h.start == 0]
        if hits:
            payloads = hits[0].payloads
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, tuple(t for _, t in payloads),
                               tuple(k for k, _ in payloads), (tok.text,), source="pattern"))
    return out


def _typed(piece, lex, doc, known) -> Mention | None:
    start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
    text = text_of(doc)[start:end]
    # "the 405B model" after "Llama 3.1 405B": the tail of a model or chip named before
    if len(piece) == 1 and any(c.isdigit() for c in text):
        earlier = [m for m in known if m.end <= start and not m.anaphor and m.keys
                   and m.type in ("AIModel", "Hardware") and m.text.endswith(" " + text)]
        if earlier:
            m = earlier[-1]
            return Mention(start, end, text, m.types, m.keys, m.names, source="pattern")
    t = _type(piece, lex, doc)
    if t:
        return Mention(start, end, text, (t,), (), (text,), source="pattern")
    return None


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
    """'the company', 'it', 'the Busan-based firm', 'the Danish group': resolved later."""
    lex = lexicon("en")
    out: list[Mention] = []
    text = text_of(doc)

    def free(s, e):
        return not any(x.start < e and s < x.end for x in mentions + out)

    nouns = "|".join(map(re.escape, sorted(lex["company_nouns"], key=len, reverse=True)))
    # the Danish chip-equipment maker / the Oslo-based developer / the Danish startup
    for m in re.finditer(rf"\b[Tt]he ((?:[A-Z][\w.]*(?:-based)?|[\w]+-based) (?:[\w-]+ ){{0,2}}?(?:{nouns}))\b", text):
        if free(m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), m.group(0), ("Company",), (), (m.group(1),), anaphor=True, source="anaphor"))
            continue
        inside = [x for x in mentions if x.start < m.end() and m.start() < x.end]
        if not inside or any(x.types != ("Country",) for x in inside):
            continue
        # only as the subject of a clause: an apposition ("X, the Danish group,") or a title before a name
        # ("the Danish startup Norvik AI") keeps its country for basedIn
        after_comma = re.search(r",\s*$", text[max(0, m.start() - 3):m.start()])
        verb = r"has|have|had|is|was|will|would|became|becomes|said|says|also|now|recently" + ("" if after_comma else r"|\w+ed")
        if not re.match(rf"\s+(?:{verb})\b", text[m.end():m.end() + 20]):
            continue  # "Nvidia, the U.S. company led by …" is an apposition
        named = _country_np_antecedent(text, mentions, m.start(), inside[0].text)
        if named is not None:
            # "The Danish group has been run by …" after "Veltrix, … the Danish chip-equipment maker"
            out.append(replace(named, start=m.start(), end=m.end(), source="article"))
    for t, phrases in lex["anaphora"].items():
        for p in phrases:
            for m in re.finditer(rf"\b{re.escape(p)}\b", text, re.I):
                if free(m.start(), m.end()):
                    named = _named_antecedent(mentions, m.start(), t, p.split()[-1])
                    if named is None and t == "Company":
                        named = _company_antecedent(doc, mentions, m)
                    if named is not None:
                        # "the Commission" after "the European Commission": the same name, shortened
                        out.append(replace(named, start=m.start(), end=m.end(), source="article"))
                    else:
                        names = (m.group(0),) if t == "Company" else ()
                        out.append(Mention(m.start(), m.end(), m.group(0), (t,), (), names, anaphor=True, source="anaphor"))
    for p, types in lex["pronouns"].items():
        for m in re.finditer(rf"\b{p}\b", text, re.I):
            if free(m.start(), m.end()):
                subject = _clause_subject(doc, mentions, m) if types[0] == "Company" else None
                if subject is not None:
                    # the source keeps the pronoun's word: rules tell "its X" (owner) from "it" (actor)
                    out.append(replace(subject, start=m.start(), end=m.end(), source=f"pronoun:{m.group(0).lower()}"))
                    continue
                # a company pronoun refers to the company the passage is about, not merely the last one named
                names = (m.group(0),) if types[0] == "Company" else ()
                out.append(Mention(m.start(), m.end(), m.group(0), tuple(types), (), names, anaphor=True, source="anaphor"))
    return sorted(out, key=lambda m: m.start)


def _country_np_antecedent(text: str, mentions: list[Mention], before: int, adjective: str) -> Mention | None:
    """The company a "the Danish group" refers to: the one called Danish earlier in the article,
    else the company the article has named most so far."""
    companies = [m for m in mentions if not m.anaphor and m.end <= before and "Company" in m.types]
    if not companies:
        return None
    for q in reversed([x.start() for x in re.finditer(rf"\b{re.escape(adjective)}\b", text[:before])]):
        near = [c for c in companies if c.end <= q and q - c.end < 60 and "." not in text[c.end:q]]
        if near:
            return with_type(near[-1], "Company")
    counts: dict[str, int] = {}
    for c in companies:
        counts[c.keys[0] if c.keys and c.keys[0] else c.text] = counts.get(c.keys[0] if c.keys and c.keys[0] else c.text, 0) + 1
    best = max(reversed(companies), key=lambda c: counts[c.keys[0] if c.keys and c.keys[0] else c.text])
    return with_type(best, "Company")


def _clause_subject(doc, mentions: list[Mention], m) -> Mention | None:
    """ "its" and "said it": the company that opens the sentence, not merely the nearest one
    ("Microsoft, which backs OpenAI, uses GPT-4 in its Copilot")."""
    word = m.group(0).lower()
    text = text_of(doc)
    said = r"\b(?:said|says|added|announced|confirmed|told \w+)(?:\s+(?:on|last|this|late|early)\s+\w+)?\s*$"
    if word != "its" and not re.search(said, text[max(0, m.start() - 40):m.start()]):
        return None
    start = m.start()
    sents = [s.start_char for s in doc.sents if s.start_char <= start]
    sent_start = max(sents, default=0)
    first = [c for c in mentions if not c.anaphor and sent_start <= c.start and c.end <= start]
    if first and "Company" in first[0].types and first[0].start - sent_start < 40:
        return with_type(first[0], "Company")
    if not first and word == "its" and start - sent_start < 3 and len(sents) > 1:
        # "Its chief executive, …": the company that opened the sentence before
        prev_start = sorted(sents)[-2]
        opener = [c for c in mentions if not c.anaphor and prev_start <= c.start < sent_start]
        if opener and "Company" in opener[0].types and opener[0].start - prev_start < 40:
            return with_type(opener[0], "Company")
    return None


def _company_antecedent(doc, mentions: list[Mention], m) -> Mention | None:
    """ "the company": a company named just before in the same sentence, else the article's main one.
    In "X, the company's unit" the company is not X."""
    start = m.start()
    sent_start = max((s.start_char for s in doc.sents if s.start_char <= start), default=0)
    possessive = re.match(r"['’]s?\b", text_of(doc)[m.end():m.end() + 2])
    near = [c for c in mentions if not c.anaphor and "Company" in c.types and sent_start <= c.start and c.end <= start
            and start - c.end < 80 and not (possessive and re.fullmatch(r",\s*", text_of(doc)[c.end:start]))]
    if near:
        return with_type(near[-1], "Company")
    return _main_company(mentions, start)


def _main_company(mentions: list[Mention], before: int) -> Mention | None:
    """The company the article has named most often before ``before`` (on a tie the one named first:
    news introduces its subject first)."""
    companies = [m for m in mentions if not m.anaphor and m.end <= before and "Company" in m.types]
    if not companies:
        return None
    ident = [c.keys[0] if c.keys and c.keys[0] else c.text for c in companies]
    counts = {k: ident.count(k) for k in ident}
    first = {k: ident.index(k) for k in ident}
    best = max(range(len(companies)), key=lambda i: (counts[ident[i]], -first[ident[i]]))
    return with_type(companies[best], "Company")


def _named_antecedent(mentions: list[Mention], before: int, type_: str, head: str) -> Mention | None:
    """The last entity of ``type_`` named before ``before`` whose name has the word ``head``."""
    head = head.lower()
    for m in reversed(mentions):
        if m.anaphor or m.end > before or type_ not in m.types:
            continue
        words = {w.lower() for n in (m.text, *m.names) for w in re.findall(r"[\w-]+", n)}
        if head in words:
            return with_type(m, type_)
    return None


def glosses(doc, known: list[Mention], finder) -> list[Mention]:
    """Longer names built on a place name: "European AI Oversight Board", "Orison Labs India".

    Returned with the rank of a glossed name so they win over the place name inside them.
    """
    lex = lexicon("en")
    out = []
    heads = set(lex["government_heads"]) | set(lex["policy_heads"]) | set(lex["project_heads"]) | set(lex["company_suffixes"])
    for sent in doc.sents:
        for run in _runs(sent):
            run = _trim(run, lex)
            if len(run) == 2:
                # "Mistral Compute": a company's own project or initiative, named after it
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                inside = [m for m in known if m.start < end and start < m.end]
                if (len(inside) == 1 and inside[0].start == start and inside[0].end <= run[1].idx
                        and "Company" in inside[0].types and run[1].text in lex["project_heads"]):
                    text = text_of(doc)[start:end]
                    out.append(Mention(start, end, text, ("Project",), (), (text,), source="gloss"))
                continue
            if len(run) < 3:
                continue
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            inside = [m for m in known if m.start < end and start < m.end]
            if not inside or any(m.types != ("Country",) or m.start < start or m.end > end for m in inside):
                continue
            if any(m.start == start and m.end == end for m in inside):
                continue
            rest = [t for t in run if not any(m.start <= t.idx < m.end for m in inside)]
            if not any(t.text[:1].isupper() and t.text not in heads for t in rest):
                continue  # "South Korean Government" is the country's own name for a known body
            t = _compound_type(run, inside, lex)
            if t:
                text = text_of(doc)[start:end]
                out.append(Mention(start, end, text, (t,), (), (text,), source="gloss"))
    return out


def _compound_type(run, inside, lex) -> str | None:
    words = [t.text for t in run]
    last_is_place = any(m.start <= run[-1].idx < m.end for m in inside)
    if last_is_place:
        # "Orison Labs India": a company suffix before a trailing country
        core = [t.text for t in run if not any(m.start <= t.idx < m.end for m in inside)]
        return "Company" if core and core[-1] in lex["company_suffixes"] and len(core) >= 2 else None
    if words[-1] in lex["policy_heads"]:
        return "Policy"
    if words[-1] in lex["government_heads"]:
        return "Government"
    if words[-1] in lex["project_heads"]:
        return "Project"
    if words[-1] in lex["company_suffixes"] and words[-1] != "AI":
        return "Company"
    return None


def quotes(doc, finder) -> list[Mention]:
    return []


__all__ = ["find", "anaphors", "short_forms", "glosses"]
