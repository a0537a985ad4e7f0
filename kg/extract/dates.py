"""When did it happen: event dates in a sentence, resolved against the publication date.

An article's publication date and the date of the event a sentence reports are kept apart:
news writes "29일(현지시간)", "지난달 30일", "last Tuesday" or "in June" and leaves the year
and month to the reader, who knows when the piece appeared. This module does that reading.

Every date carries a precision: ``"day"``, ``"month"`` or ``"year"`` (the date is then the
first of the month or of the year). Without a publication date only absolute dates resolve.
Expressions that name a time too vaguely to place ("지난주", "last week") are recognised so
that they are not mistaken for something else, but they resolve to nothing.

Years are only taken where the text marks them as years — "2024년" in Korean, "in/since/by/
from 2024" in English — and not inside a quoted title, so numbers such as "557만6000달러",
"405B" or "128,000 tokens" never become dates.

>>> from datetime import date
>>> pub = date(2025, 1, 5)
>>> [(text, d.iso) for text, d in spans("딥시크는 29일(현지시간) 모델을, 지난해 12월 26일 V3를 공개했다", lang="ko", published=pub)]
[('29일(현지시간)', '2024-12-29'), ('지난해 12월 26일', '2024-12-26')]
>>> event_date("Acme said on Tuesday it released the model in December", lang="en",
...            published=pub, span=(24, 32))
EventDate(date=datetime.date(2024, 12, 31), precision='day')
>>> event_date("in June 2024 and 2025 경제정책방향", lang="en", published=None).iso
'2024-06'
>>> event_date("128,000 tokens and 405B parameters", lang="en", published=pub) is None
True
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.errors import InputError

PRECISIONS: tuple[str, ...] = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A calendar date and how much of it the text gives (the rest is the first day/month)."""

    date: dt.date
    precision: str  # one of PRECISIONS

    @property
    def iso(self) -> str:
        """``2024-12-26``, ``2024-12`` or ``2024``: only the part the text states."""
        full = self.date.isoformat()
        return {"day": full, "month": full[:7], "year": full[:4]}[self.precision]


def find_dates(text: str, *, lang: str, published: dt.date | None) -> list[tuple[int, int, EventDate]]:
    """Every date expression in ``text`` that resolves, as (start, end, EventDate) in text order.

    >>> find_dates("지난 15일 발표했다", lang="ko", published=dt.date(2025, 3, 10))
    [(0, 6, EventDate(date=datetime.date(2025, 2, 15), precision='day'))]
    """
    return [(s, e, d) for s, e, d in _scan(text, lang, published) if d is not None]


def spans(text: str, *, lang: str, published: dt.date | None) -> list[tuple[str, EventDate]]:
    """Like :func:`find_dates`, with the matched text instead of offsets (handy in logs and docs)."""
    return [(text[s:e], d) for s, e, d in find_dates(text, lang=lang, published=published)]


def event_date(
    text: str,
    *,
    lang: str,
    published: dt.date | None,
    span: tuple[int, int] | None = None,
) -> EventDate | None:
    """The date of the event ``text`` reports, or None.

    ``span`` is the character range of the fact's trigger in ``text``. The date expression
    nearest to it wins: in Korean one before it (the verb comes last, its date precedes it),
    one after it only if there is none before; in English either side. Crossing a comma costs
    extra, so a date in an inserted clause loses to one in the trigger's own clause. When the
    nearest expression is one that cannot be placed ("last week"), the answer is None rather
    than a date further away that belongs to something else. Without ``span`` the first date
    that resolves is returned.

    >>> s = "오픈AI는 지난해 12월 o1을, 지난주 o3를 공개했다"
    >>> event_date(s, lang="ko", published=dt.date(2025, 1, 20), span=(s.index("공개"), len(s))) is None
    True
    >>> event_date(s, lang="ko", published=dt.date(2025, 1, 20), span=(s.index("o1"), s.index("o1") + 2))
    EventDate(date=datetime.date(2024, 12, 1), precision='month')
    """
    found = _scan(text, lang, published)
    if span is None:
        return next((d for _, _, d in found if d is not None), None)
    if not found:
        return None
    best = min(found, key=lambda f: (_cost(text, f[0], f[1], span, lang), f[0]))
    return best[2]


# ---------------------------------------------------------------- choosing among expressions

_COMMA_COST = 40
_AFTER_COST_KO = 1000


def _cost(text: str, start: int, end: int, span: tuple[int, int], lang: str) -> int:
    lo, hi = span
    if start < hi and lo < end:
        return 0
    if end <= lo:
        between = text[end:lo]
        cost = lo - end
    else:
        between = text[hi:start]
        cost = start - hi + (_AFTER_COST_KO if lang == "ko" else 0)
    return cost + _COMMA_COST * len(re.findall(r"[,;:]", between))


# ---------------------------------------------------------------- calendar arithmetic


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _past_day_of_month(pub: dt.date, d: int, strict: bool) -> dt.date | None:
    """Day ``d`` of the publication month, or of the latest earlier month that has it."""
    for k in range(0, -13, -1):
        y, m = _shift_month(pub.year, pub.month, k)
        cand = _day(y, m, d)
        if cand and (cand < pub or (not strict and cand == pub)):
            return cand
    return None


def _future_day_of_month(pub: dt.date, d: int, strict: bool) -> dt.date | None:
    for k in range(0, 13):
        y, m = _shift_month(pub.year, pub.month, k)
        cand = _day(y, m, d)
        if cand and (cand > pub or (not strict and cand == pub)):
            return cand
    return None


def _past_month_day(pub: dt.date, m: int, d: int, strict: bool) -> dt.date | None:
    for y in range(pub.year, pub.year - 5, -1):  # five years back reaches a 29 February
        cand = _day(y, m, d)
        if cand and (cand < pub or (not strict and cand == pub)):
            return cand
    return None


def _future_month_day(pub: dt.date, m: int, d: int, strict: bool) -> dt.date | None:
    for y in range(pub.year, pub.year + 5):
        cand = _day(y, m, d)
        if cand and (cand > pub or (not strict and cand == pub)):
            return cand
    return None


def _past_month(pub: dt.date, m: int, strict: bool) -> dt.date:
    same_year = m < pub.month or (not strict and m == pub.month)
    return dt.date(pub.year if same_year else pub.year - 1, m, 1)


def _future_month(pub: dt.date, m: int, strict: bool) -> dt.date:
    same_year = m > pub.month or (not strict and m == pub.month)
    return dt.date(pub.year if same_year else pub.year + 1, m, 1)


def _weekday(pub: dt.date, wd: int, direction: str) -> dt.date:
    """The weekday ``wd`` (Monday 0) on or before ``pub`` ("on"), strictly before ("last")
    or strictly after ("next")."""
    if direction == "next":
        return pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    back = (pub.weekday() - wd) % 7
    if direction == "last" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def _day_date(d: dt.date | None) -> EventDate | None:
    return EventDate(d, "day") if d else None


def _month_date(y: int, m: int) -> EventDate:
    return EventDate(dt.date(y, m, 1), "month")


def _year_date(y: int) -> EventDate | None:
    return EventDate(dt.date(y, 1, 1), "year") if dt.MINYEAR <= y <= dt.MAXYEAR else None


# ---------------------------------------------------------------- quoted titles

_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉"), ("<", ">"))


def _inside_quotes(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] sits inside a quoted title or name."""
    before, after = text[:start], text[end:]
    for open_, close in _QUOTE_PAIRS:
        if before.rfind(open_) > before.rfind(close) and close in after:
            return True
    # straight quotes pair with themselves; in English "'" is mostly an apostrophe
    for q in ('"', "'") if lang == "ko" else ('"',):
        if before.count(q) % 2 == 1 and q in after:
            return True
    return False


# ---------------------------------------------------------------- scanning

Resolver = Callable[[re.Match, dt.date | None], EventDate | None]


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern
    resolve: Resolver
    year_only: bool = False  # subject to the quoted-title test


def _scan(text: str, lang: str, published: dt.date | None) -> list[tuple[int, int, EventDate | None]]:
    """All time expressions, longest first where they overlap, in text order.

    A None date marks an expression that is a time but cannot be placed (vague, or relative
    with no publication date, or an impossible day such as 2월 30일).
    """
    patterns = _PATTERNS.get(lang)
    if patterns is None:
        raise InputError(f"dates: unsupported language {lang!r} (expected 'ko' or 'en')")
    found: list[tuple[int, int, EventDate | None]] = []
    for p in patterns:
        for m in p.regex.finditer(text):
            if m.end() == m.start():
                continue
            if p.year_only and _inside_quotes(text, m.start(), m.end(), lang):
                continue
            try:
                d = p.resolve(m, published)
            except _NotADate:
                continue
            end = m.start() + len(m.group(0).rstrip())
            found.append((m.start(), end, d))
    chosen: list[tuple[int, int, EventDate | None]] = []
    for s, e, d in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(e <= cs or ce <= s for cs, ce, _ in chosen):
            chosen.append((s, e, d))
    return sorted(chosen, key=lambda f: f[0])


class _NotADate(Exception):
    """Raised by a resolver when the match turns out not to be a time expression at all."""


# ---------------------------------------------------------------- Korean

_KO_YEAR_WORDS = {"재작년": -2, "지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1, "명년": 1}
_KO_MONTH_WORDS = {"지난달": -1, "이달": 0, "이번달": 0, "이번 달": 0, "다음달": 1, "다음 달": 1, "내달": 1}
_KO_REL = "|".join(sorted([*_KO_YEAR_WORDS, *_KO_MONTH_WORDS, "지난", "오는"], key=len, reverse=True))
# after a day number: durations and counts, not dates ("3일간", "7일 만에", "2일차")
_KO_NOT_DAY = r"(?!간|째|치|당|씩|차|\s?(?:동안|만에|만의|이내|안에|내에|이상|이하|마다|가량|정도|평균|전에|전부터|후에|뒤에|연속))"
_KO_DATE = re.compile(
    rf"(?:(?<![가-힣])(?P<rel>{_KO_REL})\s*)?"
    r"(?:(?<![\d.,])(?P<y>(?:19|20)\d{2})\s?년(?!대|간|째|치|\s?(?:동안|만에|만의|이상|이내|연속))\s*)?"
    r"(?:(?<![\d.,])(?P<m>1[0-2]|0?[1-9])\s?월\s*)?"
    rf"(?:(?<![\d.,])(?P<d>3[01]|[12]\d|0?[1-9])\s?일{_KO_NOT_DAY}"
    r"(?:\s*\([^()]{0,12}현지\s*시간\))?)?"
)
# a year that names a plan or report ("2025년 경제정책방향") dates the document, not an event
_KO_TITLE_AFTER_YEAR = re.compile(
    r"\s*(?:[A-Za-z0-9]+\s)?[가-힣A-Za-z]*(?:방향|계획|전략|예산|대책|로드맵|보고서|백서|지침|업무보고|예산안)"
)


def _ko_date(m: re.Match, pub: dt.date | None) -> EventDate | None:
    rel = (m.group("rel") or "").replace(" ", "") or None
    rel = "이번 달" if rel == "이번달" else rel
    y = int(m.group("y")) if m.group("y") else None
    mo = int(m.group("m")) if m.group("m") else None
    d = int(m.group("d")) if m.group("d") else None
    if y is None and mo is None and d is None:
        if rel in _KO_YEAR_WORDS:
            return _year_date(pub.year + _KO_YEAR_WORDS[rel]) if pub else None
        if rel in _KO_MONTH_WORDS and rel != "내달":  # 내달 alone is also a verb stem (내달리다)
            return _month_date(*_shift_month(pub.year, pub.month, _KO_MONTH_WORDS[rel])) if pub else None
        raise _NotADate
    if y is None and rel in _KO_YEAR_WORDS:
        if pub is None:
            return None
        y = pub.year + _KO_YEAR_WORDS[rel]
    if y is not None:
        if mo is None:
            if d is None and _KO_TITLE_AFTER_YEAR.match(m.string, m.end("y") + 1):
                raise _NotADate
            return _year_date(y)
        if d is None:
            return _month_date(y, mo)
        return _day_date(_day(y, mo, d))
    if pub is None:
        return None
    past, strict = rel != "오는", rel in ("지난", "오는")
    if mo is not None and d is not None:
        return _day_date((_past_month_day if past else _future_month_day)(pub, mo, d, strict))
    if mo is not None:
        return EventDate((_past_month if past else _future_month)(pub, mo, strict), "month")
    if rel in _KO_MONTH_WORDS:
        yy, mm = _shift_month(pub.year, pub.month, _KO_MONTH_WORDS[rel])
        return _day_date(_day(yy, mm, d))
    return _day_date((_past_day_of_month if past else _future_day_of_month)(pub, d, strict))


_KO_DAY_WORDS = {"이날": 0, "오늘": 0, "금일": 0, "전날": -1, "어제": -1, "그저께": -2, "내일": 1}
_KO_DAY_WORD = re.compile(rf"(?<![가-힣])(?:{'|'.join(sorted(_KO_DAY_WORDS, key=len, reverse=True))})(?!날)")
_KO_WEEKDAYS = "월화수목금토일"
_KO_WEEKDAY = re.compile(r"(?:(?<![가-힣])(?P<rel>지난|오는|이번)\s*)?(?<![가-힣])(?P<wd>[월화수목금토일])요일")
_KO_LAST_WEEK_DAY = re.compile(r"(?<![가-힣])지난\s?주\s*(?P<wd>[월화수목금토일])요일")
_KO_VAGUE = re.compile(r"(?<![가-힣])(?:지난\s?주(?:말)?|이번\s?주(?:말)?|다음\s?주(?:말)?|주말|최근 며칠)")


def _ko_day_word(m: re.Match, pub: dt.date | None) -> EventDate | None:
    return EventDate(pub + dt.timedelta(days=_KO_DAY_WORDS[m.group(0)]), "day") if pub else None


def _ko_weekday(m: re.Match, pub: dt.date | None) -> EventDate | None:
    if pub is None:
        return None
    direction = {"지난": "last", "오는": "next"}.get(m.group("rel") or "", "on")
    return EventDate(_weekday(pub, _KO_WEEKDAYS.index(m.group("wd")), direction), "day")


def _ko_last_week_day(m: re.Match, pub: dt.date | None) -> EventDate | None:
    if pub is None:
        return None
    monday = pub - dt.timedelta(days=pub.weekday() + 7)
    return EventDate(monday + dt.timedelta(days=_KO_WEEKDAYS.index(m.group("wd"))), "day")


def _vague(m: re.Match, pub: dt.date | None) -> None:
    return None


# ---------------------------------------------------------------- English

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MON = rf"(?:{_FULL}|{_ABBR})"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_NO_NUMBER_AFTER = r"(?![\d%]|[,.]\d)"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_EN_MDY = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}(?:,\s*|\s+)(?P<y>{_YEAR})\b{_NO_NUMBER_AFTER}")
_EN_DMY = re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})\b{_NO_NUMBER_AFTER}")
# 2024-12-26, and the dotted 2024.12.26 / 2024. 12. 26. of Korean press releases
_EN_ISO = re.compile(
    rf"(?<![\d.])(?P<y>{_YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d|\.\d)"
    rf"|(?<![\d.])(?P<y2>{_YEAR})\.\s?(?P<m2>\d{{1,2}})\.\s?(?P<d2>\d{{1,2}})\b(?!\.?\d)"
)
_EN_MD = re.compile(
    rf"(?:\b(?P<mod>(?i:last|this|next|by|until|till|before))\s+)?"
    rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}\b{_NO_NUMBER_AFTER}"
)
_EN_DM = re.compile(rf"(?<![\d.,])\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_FULL})\b(?!,?\s+\d)")
_EN_MY = re.compile(rf"\b(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})\b{_NO_NUMBER_AFTER}")
# a bare month name must be introduced, or "May" the verb and "March" the noun would be dates
_EN_M = re.compile(
    r"\b(?P<mod>(?i:in|since|from|during|through|throughout|after|before|by|until|till|last|this|next"
    r"|early|late|mid|end of|the end of|start of|the start of|beginning of|the beginning of))"
    rf"(?:\s+|-)(?:(?i:early|late|mid)(?:\s+|-))?(?P<mon>{_FULL})\b(?!\s+\d)"
)
_EN_Y = re.compile(
    r"\b(?i:in|since|by|from|until|till|through|during|before|after|early|late|mid|end of|the end of)"
    rf"(?:\s+|-)(?:(?i:early|late|mid)(?:\s+|-))?(?P<y>{_YEAR})\b"
    r"(?![\d%]|[,.]\d|s\b|\s*(?i:tokens?|parameters?|GPUs?|chips?|units?|percent|people|users|employees|copies|times)\b)"
)
_EN_DAY_WORD = re.compile(r"(?<!USA )\b(?i:today|yesterday|tomorrow)\b")
_EN_REL = re.compile(r"\b(?i:(?:earlier|later)\s+)?(?i:(?P<which>last|this|next)\s+(?P<unit>year|month))\b")
_EN_WEEKDAY = re.compile(rf"(?:\b(?P<mod>(?i:last|this|next|on|past|this past|this coming))\s+)?\b(?P<wd>{'|'.join(_WEEKDAYS)})\b")
_EN_VAGUE = re.compile(r"\b(?i:(?:earlier|later)\s+)?(?i:(?:last|this|next|past)\s+week(?:end)?|the\s+past\s+week|a\s+week\s+ago)\b")


def _month_of(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _en_absolute(m: re.Match, pub: dt.date | None) -> EventDate | None:
    g = m.groupdict()
    if "mon" in g:
        return _day_date(_day(int(g["y"]), _month_of(g["mon"]), int(g["d"])))
    y, mo, d = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
    return _day_date(_day(int(y), int(mo), int(d)))


def _en_month_day(m: re.Match, pub: dt.date | None) -> EventDate | None:
    d, mo = int(m.group("d")), _month_of(m.group("mon"))
    if not 1 <= d <= 31:
        raise _NotADate
    if pub is None:
        return None
    mod = (m.groupdict().get("mod") or "").lower()
    if mod == "this":
        return _day_date(_day(pub.year, mo, d))
    if mod in ("next", "by", "until", "till", "before"):
        return _day_date(_future_month_day(pub, mo, d, strict=mod == "next"))
    return _day_date(_past_month_day(pub, mo, d, strict=mod == "last"))


def _en_month_year(m: re.Match, pub: dt.date | None) -> EventDate | None:
    return _month_date(int(m.group("y")), _month_of(m.group("mon")))


def _en_month(m: re.Match, pub: dt.date | None) -> EventDate | None:
    if pub is None:
        return None
    mo, mod = _month_of(m.group("mon")), m.group("mod").lower()
    if mod == "this":
        return _month_date(pub.year, mo)
    if mod in ("next", "by", "until", "till"):
        return EventDate(_future_month(pub, mo, strict=mod == "next"), "month")
    return EventDate(_past_month(pub, mo, strict=mod == "last"), "month")


def _en_year(m: re.Match, pub: dt.date | None) -> EventDate | None:
    return _year_date(int(m.group("y")))


def _en_day_word(m: re.Match, pub: dt.date | None) -> EventDate | None:
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(0).lower()]
    return EventDate(pub + dt.timedelta(days=shift), "day") if pub else None


def _en_rel(m: re.Match, pub: dt.date | None) -> EventDate | None:
    if pub is None:
        return None
    k = {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
    if m.group("unit").lower() == "year":
        return _year_date(pub.year + k)
    return _month_date(*_shift_month(pub.year, pub.month, k))


def _en_weekday(m: re.Match, pub: dt.date | None) -> EventDate | None:
    if pub is None:
        return None
    mod = (m.group("mod") or "").lower()
    direction = {"last": "last", "past": "last", "this past": "last", "next": "next", "this coming": "next"}.get(mod, "on")
    return EventDate(_weekday(pub, _WEEKDAYS.index(m.group("wd")), direction), "day")


_PATTERNS: dict[str, tuple[_Pattern, ...]] = {
    "ko": (
        _Pattern(_KO_DATE, _ko_date, year_only=True),
        _Pattern(_KO_DAY_WORD, _ko_day_word),
        _Pattern(_KO_WEEKDAY, _ko_weekday),
        _Pattern(_KO_LAST_WEEK_DAY, _ko_last_week_day),
        _Pattern(_KO_VAGUE, _vague),
        # English dates also appear in Korean articles ("Jan. 20, 2025")
        _Pattern(_EN_MDY, _en_absolute),
        _Pattern(_EN_DMY, _en_absolute),
        _Pattern(_EN_ISO, _en_absolute),
    ),
    "en": (
        _Pattern(_EN_MDY, _en_absolute),
        _Pattern(_EN_DMY, _en_absolute),
        _Pattern(_EN_ISO, _en_absolute),
        _Pattern(_EN_MD, _en_month_day),
        _Pattern(_EN_DM, _en_month_day),
        _Pattern(_EN_MY, _en_month_year),
        _Pattern(_EN_M, _en_month),
        _Pattern(_EN_Y, _en_year, year_only=True),
        _Pattern(_EN_DAY_WORD, _en_day_word),
        _Pattern(_EN_REL, _en_rel),
        _Pattern(_EN_WEEKDAY, _en_weekday),
        _Pattern(_EN_VAGUE, _vague),
    ),
}
