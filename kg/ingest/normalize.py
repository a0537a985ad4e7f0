"""Text normalisation and byte decoding, done once when an article enters the pipeline.

Every later stage stores character offsets into the normalised text as evidence, so the
rules here must be conservative: they only remove what no reader can see and fold what no
reader can tell apart. NFKC is deliberately *not* applied, because it would rewrite the
full-width quotes and brackets that Korean news uses (‘ ’ “ ” 「 」).
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from kg.errors import InputError

log = logging.getLogger(__name__)

# Zero-width characters, word joiners and invisible operators, soft hyphen and the bidi
# controls: they split names (딥\u200b시크) without being visible.
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Every Unicode space separator except the plain space, including NBSP and the
# ideographic space: they only make tokenisers and string matching disagree.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# All line-break conventions, including the ones str.splitlines() knows about.
_LINE_BREAK = re.compile("\r\n|[\r\u0085\u2028\u2029\x0b\x0c]")
# Other C0/C1 control characters (tab and newline are kept).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_TRAILING_SPACE = re.compile("[ \t]+$", re.MULTILINE)

# Conjoining jamo that NFC could not fold into a syllable (a lone initial, vowel or final)
# are shown as broken glyphs; their compatibility letters (ㄱ, ㅏ …) display and match.
_LEADING = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TRAILING = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_STRAY_JAMO = {
    **{0x1100 + i: c for i, c in enumerate(_LEADING)},
    **{0x1161 + i: c for i, c in enumerate(_VOWELS)},
    **{0x11A8 + i: c for i, c in enumerate(_TRAILING)},
}


def normalize_text(s: str) -> str:
    """Return ``s`` in the one form every later stage sees.

    >>> normalize_text("딥\\u200b시크\\u00a0R1\\r\\n")
    '딥시크 R1'
    >>> normalize_text(unicodedata.normalize("NFD", "한국")) == "한국"
    True
    """
    s = _INVISIBLE.sub("", s)  # first, so jamo split by a zero-width space still compose
    s = _LINE_BREAK.sub("\n", s)
    s = _CONTROL.sub("", s)
    s = _ODD_SPACE.sub(" ", s)
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_STRAY_JAMO)
    s = _TRAILING_SPACE.sub("", s)
    return s.strip("\n")


# Byte-order marks that make the encoding certain; checked longest first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode a file's bytes: UTF-8 (BOM-aware), then CP949/EUC-KR, then a best guess.

    ``declared`` is an encoding the file names itself (an HTML ``<meta charset>``); it is
    tried right after UTF-8 and ignored when Python does not know it.

    Raises :class:`InputError` naming ``source`` when the bytes look binary or no
    encoding decodes them cleanly.

    >>> decode_bytes("인공지능".encode("cp949"), source="a.txt")
    '인공지능'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(f"invalid {encoding} after byte-order mark: {e.reason}", source=source) from None
    if b"\x00" in data:
        raise InputError("looks like a binary file (contains NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared encoding %r does not decode it", source, declared)
    text = _decode_korean_legacy(data)
    if text is not None:
        log.debug("%s: decoded as CP949", source)
        return text
    return _decode_best_guess(data, source=source)


def _decode_korean_legacy(data: bytes) -> str | None:
    # CP949 (a superset of EUC-KR) accepts many non-Korean byte strings too, so the
    # result is only trusted when most of its non-ASCII characters are Hangul.
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 0x7F]
    hangul = sum(1 for c in wide if "\uac00" <= c <= "\ud7a3")
    return text if wide and hangul / len(wide) >= 0.5 else None


def _decode_best_guess(data: bytes, *, source: str) -> str:
    from charset_normalizer import from_bytes  # only needed for the rare odd file

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot decode: not UTF-8, CP949 or any recognisable encoding", source=source)
    text = str(best)
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r")
    if controls > max(2, len(text) // 100):
        raise InputError("looks like a binary file (control characters), not text", source=source)
    log.info("%s: decoded as %s (guessed)", source, best.encoding)
    return text
