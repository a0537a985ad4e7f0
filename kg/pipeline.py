"""Article → Extraction: nlp, extract and resolve wired together, once per process.

The spaCy pipelines, Kiwi, the gazetteers and the knowledge base are built on first use
and reused for every article; ``Pipeline`` holds them so a batch of thousands of
articles pays the loading cost once.
"""
from __future__ import annotations

import logging
from functools import cached_property

from kg.model import Article, Extraction

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "1"


class Pipeline:
    """Extracts canonical facts from articles in Korean and English.

    >>> from kg.ingest import read_text
    >>> p = Pipeline()
    >>> ex = p.extract(read_text("Nvidia chief executive Jensen Huang spoke.", id="t1"))
    >>> [(f.subject, f.predicate, f.object) for f in ex.facts]
    [('jensen-huang', 'leads', 'nvidia')]
    """

    def __init__(self, kb=None):
        self._kb = kb
        self._extractors: dict = {}

    @cached_property
    def kb(self):
        if self._kb is not None:
            return self._kb
        from kg.resolve.kb import load_kb

        return load_kb()

    @cached_property
    def linker(self):
        from kg.resolve.linker import Linker

        return Linker(self.kb)

    def extractor(self, lang: str):
        ex = self._extractors.get(lang)
        if ex is None:
            from kg.extract.extractor import Extractor

            names = [(n, (e.key, e.type)) for e in self.kb.entities for n in e.names]
            places = dict(self.kb.places())
            for surface, country in places.items():
                names.append((surface, (country, "Country")))
            home = self.kb.government_of("south-korea") if lang == "ko" else None
            ex = self._extractors[lang] = Extractor(
                lang, names, places=places, default_government=home.key if home is not None else None
            )
        return ex

    def extract(self, article: Article) -> Extraction:
        from kg.nlp.pipeline import analyze

        doc = analyze(article.text, article.lang)
        analysis = self.extractor(article.lang)(doc, published=article.date)
        return self.linker.link(article, analysis, extractor=f"kg-rules-{article.lang}")
