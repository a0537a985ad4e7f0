"""ingest stage: articles from files, folders and strings, text normalised once at the door."""
from __future__ import annotations

from kg.ingest.normalize import decode_bytes, normalize_text
from kg.ingest.readers import read_articles, read_text

__all__ = ["decode_bytes", "normalize_text", "read_articles", "read_text"]
