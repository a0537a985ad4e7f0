"""spaCy pipelines per language: blank pipelines, our tokenizers, sentence boundaries.

Loaded once per process and language (``nlp_for``); nothing is loaded at import.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from kg.errors import KGError

LANGS = ("ko", "en")
_lock = threading.Lock()


@lru_cache(maxsize=None)
def nlp_for(lang: str):
    """The spaCy ``Language`` for ``lang`` ("ko" or "en")."""
    if lang not in LANGS:
        raise KGError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")
    with _lock:
        import spacy
        from spacy.language import Language

        if not Language.has_factory("kg_line_breaks"):
            Language.component("kg_line_breaks", func=_line_breaks)
        if not Language.has_factory("kg_kiwi_sentences"):
            Language.component("kg_kiwi_sentences", func=_kiwi_sentences)
        if lang == "en":
            nlp = spacy.blank("en")
            nlp.add_pipe("kg_line_breaks")
            nlp.add_pipe("sentencizer")
        else:
            from kg.nlp.korean import KiwiTokenizer

            # "xx" avoids spaCy's Korean tokenizer, which needs mecab; ours replaces it.
            nlp = spacy.blank("xx")
            nlp.tokenizer = KiwiTokenizer(nlp.vocab)
            nlp.add_pipe("kg_kiwi_sentences")
        return nlp


def _line_breaks(doc):
    """A line break always ends a sentence (headlines, captions, paragraphs)."""
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
        elif "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


def _kiwi_sentences(doc):
    from kg.nlp.korean import split_sentences

    starts = set()
    for line_start, line in _lines(doc.text):
        for s, _ in split_sentences(line):
            starts.add(line_start + s)
    for tok in doc:
        if tok.is_space:
            tok.is_sent_start = False if tok.i else True
            continue
        tok.is_sent_start = tok.idx in starts or tok.i == 0 or doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text
    return doc


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def analyze(text: str, lang: str):
    """Tokenise and sentence-split ``text``; returns a spaCy ``Doc``."""
    return nlp_for(lang)(text)
