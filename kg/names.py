"""The one rule by which two names are the same name.

NFKC, case-folded, without spaces, hyphens and dashes, dots, underscores, middle dots,
apostrophes and quotes — the rule of the evaluation's scorer, so that the gazetteer, the
knowledge base and our own scorer agree on what "the same name" means:
"GPT-4o mini" = "gpt 4o-MINI", "미스트랄 AI" = "미스트랄AI".

>>> name_key("Qwen 2.5-Max") == name_key("qwen2.5 max")
True
"""
from __future__ import annotations

import re
import unicodedata

#: Characters that carry no identity in a name (U+2010–U+2015 are the Unicode dashes).
IGNORED = " \t\n\r\x0b\x0c\u00a0-_.·\u2010\u2011\u2012\u2013\u2014\u2015'’‘\"“”"
_IGNORED_RUN = re.compile(r"[\s\-_.·\u2010-\u2015'’‘\"“”]+")


def name_key(name: object) -> str:
    """The matching form of a name."""
    return _IGNORED_RUN.sub("", unicodedata.normalize("NFKC", str(name)).casefold())
