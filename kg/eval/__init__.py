"""eval stage: scoring extracted triples against gold annotations."""
from __future__ import annotations

from kg.eval.scoring import GoldArticle, Report, load_gold, load_system, score

__all__ = ["GoldArticle", "Report", "load_gold", "load_system", "score"]
