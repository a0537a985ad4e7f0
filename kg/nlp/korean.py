"""Korean tokenizer for spaCy on top of Kiwi morphology.

The only module that imports kiwipiepy. Modelled on ``spacy/lang/ko/__init__.py``: the
analyser is created lazily and once per process (it takes ~3 s and ~0.5 GB), the tokenizer
pickles by reference, and tokens are aligned to the original text by Kiwi's character
offsets — ``Token.form`` is a lemma (출시하+ㄴ) and must never be used to rebuild text.

Morphemes that share characters (출시한 = 출시/NNG + 하/XSV + ㄴ/ETM) become one spaCy
token spanning those characters; its ``tag_`` keeps every Kiwi tag joined by ``+`` so
rules can still see that the token ends in an adnominal ending.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

_lock = threading.Lock()


@lru_cache(maxsize=1)
def kiwi():
    """The process-wide Kiwi analyser, created on first use."""
    with _lock:
        from kiwipiepy import Kiwi

        return Kiwi()


def _merge_overlaps(text: str, morphs):
    """Group Kiwi morphemes into non-overlapping spans of the original text."""
    groups: list[list] = []  # [start, end, [forms], [tags]]
    for m in morphs:
        start, end = m.start, m.start + m.len
        if end <= start:
            continue
        if groups and start < groups[-1][1]:
            g = groups[-1]
            g[1] = max(g[1], end)
            g[2].append(m.form)
            g[3].append(m.tag)
        else:
            groups.append([start, end, [m.form], [m.tag]])
    return groups


class KiwiTokenizer:
    """A spaCy tokenizer: ``KiwiTokenizer(vocab)(text) -> Doc``."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __reduce__(self):
        return KiwiTokenizer, (self.vocab,)

    def __call__(self, text: str) -> Doc:
        groups = _merge_overlaps(text, kiwi().tokenize(text)) if text.strip() else []
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        lemmas: list[str] = []
        pos = 0
        for start, end, forms, ktags in groups:
            if start > pos:
                gap = text[pos:start]
                # a single space becomes spaCy's trailing space; anything else Kiwi
                # skipped (line breaks, rare symbols) becomes a token of its own.
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    tags.append("SW" if gap.strip() else "_SP")
                    lemmas.append(gap)
            words.append(text[start:end])
            spaces.append(False)
            tags.append("+".join(ktags))
            lemmas.append("".join(forms))
            pos = end
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
            tags.append("_SP" if not text[pos:].strip() else "SW")
            lemmas.append(text[pos:])
        words, spaces, tags, lemmas = _split_scripts(words, spaces, tags, lemmas)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, tag, lemma in zip(doc, tags, lemmas):
            token.tag_ = tag
            token.lemma_ = lemma
        return doc


_SCRIPT_RUN = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]+|[A-Za-z]+|[0-9]+(?:[.,][0-9]+)*|.", re.S)
_PARTICLE = re.compile(r"^(?:의|은|는|이|가|을|를|와|과|도|에|에서|로|으로|만|까지|부터|보다|처럼|이나|나|이라는|라는|이자|인)$")


def _split_scripts(words, spaces, tags, lemmas):
    """Split tokens Kiwi left mixed (오픈AI의 as one proper noun) at script changes.

    Names are matched on token boundaries, so 오픈AI must end where 의 begins. A trailing
    Hangul piece that is a particle gets a particle tag, so rules still see it.
    """
    out_w, out_s, out_t, out_l = [], [], [], []
    for w, sp, t, lm in zip(words, spaces, tags, lemmas):
        pieces = _SCRIPT_RUN.findall(w) if len(w) > 1 and not t.startswith(("SL", "SN", "SH", "_SP", "SW")) else [w]
        scripts = {("h" if "가" <= p[0] <= "힣" else "l" if p[0].isascii() and p[0].isalpha() else "o") for p in pieces}
        if len(pieces) == 1 or len(scripts) == 1:
            out_w.append(w); out_s.append(sp); out_t.append(t); out_l.append(lm)
            continue
        for k, p in enumerate(pieces):
            last = k == len(pieces) - 1
            out_w.append(p)
            out_s.append(sp if last else False)
            out_t.append("JX" if last and k > 0 and _PARTICLE.match(p) else t)
            out_l.append(p)
    return out_w, out_s, out_t, out_l


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text`` by Kiwi's sentence splitter."""
    spans = []
    for s in kiwi().split_into_sents(text):
        spans.append((s.start, s.end))
    return spans
