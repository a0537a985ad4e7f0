"""Money amounts in Korean and English text, normalised to a number and an ISO currency.

>>> [(str(a.value), a.currency) for _, _, a in find_amounts("557만6000달러(한화 약 78억8000만원)", "ko")]
[('5576000', 'USD'), ('7880000000', 'KRW')]
>>> [(str(a.value), a.currency) for _, _, a in find_amounts("raised €1.7bn, then US$500m and 4bn dollars", "en")]
[('1700000000', 'EUR'), ('500000000', 'USD'), ('4000000000', 'USD')]
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.model import Amount

_KO_UNITS = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4, "천": Decimal(1000)}
_KO_CURRENCY = {
    "달러": "USD", "불": "USD", "원": "KRW", "유로": "EUR", "엔": "JPY", "위안": "CNY",
    "파운드": "GBP", "루피": "INR", "프랑": "CHF", "헤알": "BRL", "디르함": "AED", "리얄": "SAR",
}
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_KO_AMOUNT = re.compile(
    rf"(?P<num>(?:{_NUM}\s?[조억만천]\s?)*(?:{_NUM}\s?[조억만천]?))\s?"
    rf"(?P<cur>{'|'.join(sorted(map(re.escape, _KO_CURRENCY), key=len, reverse=True))})"
    r"(?![가-힣]*(?:장|회|짜리의))"
)
_KO_PART = re.compile(rf"({_NUM})\s?([조억만천]?)")

_EN_SCALE = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
}
_EN_SYMBOL = {"R$": "BRL", "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "S$": "SGD"}
_EN_WORD = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds": "GBP", "pound": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "cny": "CNY", "rmb": "CNY", "won": "KRW", "krw": "KRW", "rupees": "INR",
    "reais": "BRL", "real": "BRL", "brl": "BRL", "rupee": "INR", "inr": "INR", "francs": "CHF", "chf": "CHF",
    "dirhams": "AED", "aed": "AED", "riyals": "SAR", "sar": "SAR", "cad": "CAD", "aud": "AUD", "sgd": "SGD",
    "hkd": "HKD", "twd": "TWD", "rubles": "RUB", "lira": "TRY",
}
_SCALE_RE = r"(?:thousand|million|billion|trillion|mln|bln|trn|mn|bn|tn|k|m|b)"
_SYM_RE = "|".join(re.escape(s) for s in sorted(_EN_SYMBOL, key=len, reverse=True))
_EN_SYMBOL_AMOUNT = re.compile(
    rf"(?P<sym>{_SYM_RE})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE_RE})\b)?", re.IGNORECASE
)
_EN_WORD_AMOUNT = re.compile(
    rf"(?<![\w$€£¥₩])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE_RE}))?\s(?:US\s)?(?P<cur>{'|'.join(_EN_WORD)})\b",
    re.IGNORECASE,
)


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _ko_value(num: str) -> Decimal | None:
    total = Decimal(0)
    for digits, unit in _KO_PART.findall(num):
        d = _dec(digits)
        if d is None:
            return None
        total += d * _KO_UNITS.get(unit, Decimal(1))
    return total


def _normal(v: Decimal) -> Decimal:
    v = v.normalize()
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v


def find_amounts(text: str, lang: str) -> list[tuple[int, int, Amount]]:
    """Every money amount in ``text`` as (start, end, Amount), in text order."""
    out: list[tuple[int, int, Amount]] = []
    if lang == "ko":
        for m in _KO_AMOUNT.finditer(text):
            v = _ko_value(m.group("num"))
            if v is not None and v > 0:
                out.append((m.start(), m.end(), Amount(_normal(v), _KO_CURRENCY[m.group("cur")])))
    # English forms also appear in Korean articles ("$5.6 million"), so always look for them.
    taken = [(s, e) for s, e, _ in out]
    for m in _EN_SYMBOL_AMOUNT.finditer(text):
        cur = _EN_SYMBOL.get(m.group("sym")) or _EN_SYMBOL.get(m.group("sym").upper())
        _add_en(out, taken, m, cur)
    for m in _EN_WORD_AMOUNT.finditer(text):
        _add_en(out, taken, m, _EN_WORD[m.group("cur").lower()])
    out.sort(key=lambda t: t[0])
    return out


def _add_en(out, taken, m, currency) -> None:
    if currency is None or any(s < m.end() and m.start() < e for s, e in taken):
        return
    v = _dec(m.group("num"))
    if v is None:
        return
    scale = (m.group("scale") or "").lower()
    v = v * _EN_SCALE.get(scale, Decimal(1))
    if v > 0:
        out.append((m.start(), m.end(), Amount(_normal(v), currency)))
        taken.append((m.start(), m.end()))
