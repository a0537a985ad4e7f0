"""Articles from files (.txt, .html/.htm, .jsonl), folders and strings.

Every article's text is normalised here, once; offsets later in the pipeline refer to
``Article.text`` as produced by this module. A bad file or JSONL line is reported as an
:class:`~kg.errors.InputError` naming it, and a batch goes on with the rest when the caller
passes ``on_error``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from kg.errors import InputError
from kg.ingest.normalize import decode_bytes, normalize_text
from kg.model import Article

log = logging.getLogger(__name__)

PathLike = str | os.PathLike
ErrorHandler = Callable[[InputError], None]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 200
#: Share of Hangul among all letters above which an article is Korean.
HANGUL_SHARE_KO = 0.3

_JSONL_OPTIONAL = ("id", "title", "date", "url", "lang")
# <meta charset="euc-kr"> or <meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
_META_CHARSET = re.compile(rb"<meta[^>]*charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_articles(
    paths: PathLike | Iterable[PathLike], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files or folders), in a deterministic order.

    Folders are walked recursively in sorted order; inside them only .txt, .html/.htm and
    .jsonl files are read and hidden entries are skipped. A file named explicitly must have
    one of those extensions. Each bad file or JSONL line raises :class:`InputError`, or is
    passed to ``on_error`` and skipped when a handler is given.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen_ids: dict[str, str] = {}
    for path in paths:
        for file in _expand(Path(path), on_error):
            for article in _guarded(_read_file, file, on_error):
                previous = seen_ids.setdefault(article.id, article.source or "")
                if previous != article.source:
                    log.warning("article id %r of %s was already used by %s", article.id, article.source, previous)
                yield article


def read_text(
    text: str,
    *,
    id: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    date: date | str | None = None,
    url: str | None = None,
) -> Article:
    """Make an :class:`Article` from a string (the Python API's way in).

    >>> a = read_text("오픈AI가 새 모델을 공개했다.\\u200b")
    >>> a.lang, a.text, a.id.startswith("text-")
    ('ko', '오픈AI가 새 모델을 공개했다.', True)
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}", source=id)
    norm = normalize_text(text)
    if not norm.strip():
        raise InputError("empty article", source=id)
    article_id = id if id is not None else "text-" + _sha(norm)[:12]
    return Article(
        id=article_id,
        text=norm,
        lang=_parse_lang(lang, source=article_id) if lang is not None else detect_lang(norm),
        title=(normalize_text(title).strip() or None) if title is not None else guess_title(norm),
        date=_parse_date(date, source=article_id) if date is not None else None,
        url=url,
    )


def detect_lang(text: str) -> str:
    """``"ko"`` when Hangul makes up more than 30% of the letters, else ``"en"``.

    >>> detect_lang("Naver의 HyperCLOVA X"), detect_lang("네이버의 하이퍼클로바X")
    ('en', 'ko')
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    hangul = sum(1 for c in letters if _is_hangul(c))
    return "ko" if hangul / len(letters) > HANGUL_SHARE_KO else "en"


def guess_title(text: str) -> str | None:
    """The first non-empty line, when it is short enough to be a headline."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) < MAX_TITLE_CHARS else None
    return None


def _is_hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _guarded(fn, file: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    try:
        yield from fn(file, on_error)
    except InputError as e:
        if on_error is None:
            raise
        on_error(e)


def _expand(path: Path, on_error: ErrorHandler | None) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                file = Path(root, name)
                if name.startswith("."):
                    continue
                if file.suffix.lower() in SUFFIXES:
                    yield file
                else:
                    log.debug("skipping %s: not .txt, .html, .htm or .jsonl", file)
        return
    if not path.exists():
        error = InputError("no such file or folder", source=str(path))
    elif path.suffix.lower() not in SUFFIXES:
        error = InputError("unsupported file type (expected .txt, .html, .htm or .jsonl)", source=str(path))
    else:
        yield path
        return
    if on_error is None:
        raise error
    on_error(error)


def _read_decoded(file: Path, *, html: bool = False) -> str:
    try:
        data = file.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", source=str(file)) from None
    declared = None
    if html:
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii") if found else None
    return decode_bytes(data, source=str(file), declared=declared)


def _read_file(file: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(file, on_error)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(file)
    else:
        yield _read_txt(file)


def _read_txt(file: Path) -> Article:
    text = normalize_text(_read_decoded(file))
    if not text.strip():
        raise InputError("empty article", source=str(file))
    meta = _sidecar(file)
    meta_source = str(file.with_name(file.stem + ".meta.json"))
    return Article(
        id=meta.get("id") or file.stem,
        text=text,
        lang=_parse_lang(meta["lang"], source=meta_source) if meta.get("lang") else detect_lang(text),
        title=meta.get("title") or guess_title(text),
        date=_parse_date(meta["date"], source=meta_source) if meta.get("date") else None,
        url=meta.get("url") or None,
        source=str(file),
    )


def _sidecar(file: Path) -> dict:
    """Metadata a plain-text article cannot carry, from ``<name>.meta.json`` beside it:
    ``{"title": …, "date": "YYYY-MM-DD", "url": …, "lang": "ko"|"en", "id": …}``."""
    meta_file = file.with_name(file.stem + ".meta.json")
    if not meta_file.is_file():
        return {}
    source = str(meta_file)
    try:
        record = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read metadata: {e}", source=source) from None
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})", source=source) from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object", source=source)
    for key in ("id", *_JSONL_OPTIONAL):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, not {type(value).__name__}', source=source)
    return record


def _read_html(file: Path) -> Article:
    from kg.ingest.html import parse_html

    page = parse_html(_read_decoded(file, html=True))
    text = normalize_text(page.text)
    if not text.strip():
        raise InputError("empty article (no text found in the page)", source=str(file))
    lang = page.lang if page.lang in ("ko", "en") else detect_lang(text)
    article_date = None
    if page.date:
        try:
            article_date = _parse_date(page.date, source=str(file))
        except InputError:
            # A page's own metadata is not the user's input: a bad date costs the date only.
            log.warning("%s: ignoring unparseable date %r", file, page.date)
    title = (normalize_text(page.title).strip() or None) if page.title else None
    return Article(id=file.stem, text=text, lang=lang, title=title, date=article_date,
                   url=page.url, source=str(file))


def _read_jsonl(file: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    content = _read_decoded(file)
    # Split on "\n" only: U+2028 and friends may legally appear inside JSON strings.
    lines = content.split("\n")
    if not any(line.strip() for line in lines):
        raise InputError("empty file", source=str(file))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        source = f"{file}:{number}"
        try:
            yield _jsonl_article(line, file=file, number=number, source=source)
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)


def _jsonl_article(line: str, *, file: Path, number: int, source: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} (column {e.colno})", source=source) from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=source)
    text = record.get("text")
    if text is None:
        raise InputError('missing "text"', source=source)
    if not isinstance(text, str):
        raise InputError(f'"text" must be a string, not {type(text).__name__}', source=source)
    for key in _JSONL_OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string, not {type(value).__name__}', source=source)
    norm = normalize_text(text)
    if not norm.strip():
        raise InputError("empty article", source=source)
    lang = record.get("lang")
    title = record.get("title")
    return Article(
        id=record.get("id") or f"{file.stem}-{number}",
        text=norm,
        lang=_parse_lang(lang, source=source) if lang else detect_lang(norm),
        title=(normalize_text(title).strip() or None) if title else None,
        date=_parse_date(record["date"], source=source) if record.get("date") else None,
        url=record.get("url") or None,
        source=source,
    )


def _parse_lang(value: str, *, source: str | None) -> str:
    code = value.strip().replace("_", "-").split("-")[0].lower()
    if code not in ("ko", "en"):
        raise InputError(f'unsupported language {value!r} (expected "ko" or "en")', source=source)
    return code


def _parse_date(value: date | str, *, source: str | None) -> date:
    """ISO date or date-time (``2025-01-30``, ``2025-01-30T09:00:00+09:00``) → date.

    The calendar date as written is kept; time zones are not converted, so an article
    dated by its own newsroom keeps that newsroom's day.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"date must be an ISO string, not {type(value).__name__}", source=source)
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(f"bad date {value!r} (expected ISO YYYY-MM-DD or a date-time)", source=source) from None
