"""Ingest: decoding, normalisation, HTML extraction and the file/folder readers."""
from __future__ import annotations

import codecs
import json
import unicodedata
from datetime import date

import pytest

from kg.errors import InputError
from kg.ingest import decode_bytes, normalize_text, read_articles, read_text
from kg.ingest.html import parse_html

# --- normalize_text -----------------------------------------------------------------------

NORMALIZE_CASES = [
    # (case id, input, expected)
    ("nfd-hangul", unicodedata.normalize("NFD", "가나다 모델"), "가나다 모델"),
    ("zero-width-in-name", "누리\u200b랩스가 공개", "누리랩스가 공개"),
    ("word-joiner-and-bom", "\ufeffHelio\u2060Chip", "HelioChip"),
    ("soft-hyphen", "Quanti\u00adfy", "Quantify"),
    ("bidi-controls", "\u202aAlpha\u202c \u2066Beta\u2069", "Alpha Beta"),
    ("zero-width-between-jamo", "\u1112\u200b\u1161\u11ab", "한"),
    ("stray-jamo", "\u110f\u110f", "ㅋㅋ"),
    ("nbsp", "10\u00a0억 달러", "10 억 달러"),
    ("ideographic-and-thin-space", "가\u3000나\u2009다", "가 나 다"),
    ("crlf", "첫째 줄\r\n둘째 줄\r\n", "첫째 줄\n둘째 줄"),
    ("lone-cr", "one\rtwo", "one\ntwo"),
    ("line-separator", "one\u2028two", "one\ntwo"),
    ("trailing-spaces", "line one   \nline two\t\n", "line one\nline two"),
    ("full-width-quotes-kept", "‘모델’ “발표” （주）", "‘모델’ “발표” （주）"),
    ("leading-indent-kept", "  indented", "  indented"),
    ("control-chars-dropped", "a\x07b", "ab"),
]


@pytest.mark.parametrize("raw, expected", [c[1:] for c in NORMALIZE_CASES], ids=[c[0] for c in NORMALIZE_CASES])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_is_idempotent():
    raw = "\ufeff" + unicodedata.normalize("NFD", "한국어\u00a0text\u200b ") + "\r\n"
    once = normalize_text(raw)
    assert normalize_text(once) == once


# --- decode_bytes -------------------------------------------------------------------------

DECODE_CASES = [
    ("utf8", "모델 출시".encode("utf-8"), "모델 출시"),
    ("utf8-bom", codecs.BOM_UTF8 + "모델 출시".encode("utf-8"), "모델 출시"),
    ("utf16-bom", "모델 출시".encode("utf-16"), "모델 출시"),
    ("cp949", "정부는 새 정책을 발표했다.".encode("cp949"), "정부는 새 정책을 발표했다."),
    ("euc-kr", "반도체 공장".encode("euc-kr"), "반도체 공장"),
    ("cp949-only-syllable", "똠방각하".encode("cp949"), "똠방각하"),
]


@pytest.mark.parametrize("data, expected", [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_decode_bytes(data, expected):
    assert decode_bytes(data, source="x.txt") == expected


def test_decode_bytes_rejects_binary_naming_source():
    with pytest.raises(InputError, match="blob.txt.*binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source="blob.txt")


# --- HTML ---------------------------------------------------------------------------------

BROKEN_HTML_CASES = [
    ("unclosed-tags", "<html><body><div><p>First para<p>Second para<div>", ["First para", "Second para"]),
    ("script-with-p-end-tag", "<body><script>var s = '</p><p>evil';</script><p>Real text</p></body>",
     ["Real text"]),
    ("no-body", "<p>Just a paragraph</p><p>And another", ["Just a paragraph", "And another"]),
    ("stray-end-tags", "</div></p><p>Kept</p></span></html>", ["Kept"]),
    ("only-text", "plain words without tags", ["plain words without tags"]),
]


@pytest.mark.parametrize("markup, paragraphs", [c[1:] for c in BROKEN_HTML_CASES],
                         ids=[c[0] for c in BROKEN_HTML_CASES])
def test_broken_html_does_not_crash(markup, paragraphs):
    page = parse_html(markup)
    assert page.text.split("\n\n") == paragraphs
    assert "evil" not in page.text


PAGE = """<!doctype html>
<html lang="ko-KR"><head>
<title>Page title | Example News</title>
<meta property="og:title" content="Zentra unveils Orbit-7">
<meta property="article:published_time" content="2031-04-05T09:30:00+09:00">
<link rel="canonical" href="https://news.example/a/1">
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/tech">Tech</a></nav></header>
<h1>Zentra unveils Orbit-7</h1>
<article>
  <p>Zentra said on Monday it released
     Orbit-7, its new model.</p>
  <p>The model was trained<br>on Kestrel chips.</p>
  <aside>Related: other stories</aside>
</article>
<form>Subscribe</form>
<footer>© Example News</footer>
</body></html>"""


def test_html_metadata_and_body():
    page = parse_html(PAGE)
    assert page.title == "Zentra unveils Orbit-7"
    assert page.date == "2031-04-05T09:30:00+09:00"
    assert page.url == "https://news.example/a/1"
    assert page.lang == "ko"
    assert page.text == (
        "Zentra unveils Orbit-7\n\n"
        "Zentra said on Monday it released Orbit-7, its new model.\n\n"
        "The model was trained\non Kestrel chips."
    )
    for noise in ("Home", "Related", "Subscribe", "©", "color"):
        assert noise not in page.text


META_CASES = [
    ("title-tag", "<title>Plain title</title><p>x</p>", "title", "Plain title"),
    ("h1-title", "<h1>Only heading</h1><p>x</p>", "title", "Only heading"),
    ("time-element", '<p>x</p><time datetime="2030-02-03">Feb 3</time>', "date", "2030-02-03"),
    ("json-ld-date", '<script type="application/ld+json">[{"@type":"NewsArticle",'
                     '"datePublished":"2030-06-07T10:00:00Z"}]</script><p>x</p>', "date", "2030-06-07T10:00:00Z"),
    ("json-ld-broken", '<script type="application/ld+json">{broken</script><p>x</p>', "date", None),
    ("og-url", '<meta property="og:url" content="https://e.example/2"><p>x</p>', "url", "https://e.example/2"),
    ("no-lang", "<p>x</p>", "lang", None),
]


@pytest.mark.parametrize("markup, field, expected", [c[1:] for c in META_CASES], ids=[c[0] for c in META_CASES])
def test_html_metadata_sources(markup, field, expected):
    assert getattr(parse_html(markup), field) == expected


def test_html_largest_block_without_article():
    markup = ("<body><div id='menu'><p>Short</p></div>"
              "<div id='story'><p>A long paragraph of the story itself.</p><p>Its second paragraph.</p></div>"
              "</body>")
    assert parse_html(markup).text == "A long paragraph of the story itself.\n\nIts second paragraph."


# --- readers ------------------------------------------------------------------------------

def _write(path, content: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_read_txt_cp949_file(tmp_path):
    f = _write(tmp_path / "ko-note.txt", "한빛전자, 새 칩 공개\n\n한빛전자는 오늘 새 칩을 공개했다.\r\n".encode("cp949"))
    (article,) = read_articles(f)
    assert article.id == "ko-note"
    assert article.lang == "ko"
    assert article.title == "한빛전자, 새 칩 공개"
    # the headline line stays part of the text
    assert article.text == "한빛전자, 새 칩 공개\n\n한빛전자는 오늘 새 칩을 공개했다."
    assert article.source == str(f)


def test_read_txt_bom_and_zero_width(tmp_path):
    f = _write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Nori\u200bLabs released Tide-2.".encode())
    (article,) = read_articles(f)
    assert article.text == "NoriLabs released Tide-2."
    assert article.lang == "en"


def test_read_txt_long_first_line_is_not_a_title(tmp_path):
    f = _write(tmp_path / "long.txt", "word " * 60 + "\nsecond line")
    (article,) = read_articles(f)
    assert article.title is None
    assert article.text.startswith("word word")


def test_read_html_file(tmp_path):
    f = _write(tmp_path / "page.html", PAGE)
    (article,) = read_articles(f)
    assert article.id == "page"
    assert article.date == date(2031, 4, 5)
    assert article.url == "https://news.example/a/1"
    assert article.title == "Zentra unveils Orbit-7"
    assert article.lang == "ko"  # as the page declares, though the text is English


def test_read_html_bad_date_only_drops_the_date(tmp_path):
    f = _write(tmp_path / "p.htm", '<meta property="article:published_time" content="yesterday"><p>Text here</p>')
    (article,) = read_articles(f)
    assert article.date is None
    assert article.text == "Text here"


def test_read_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": "Corvid AI released Wren-3.", "date": "2031-01-02"}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "정부가 계획을 발표했다.", "date": "someday"}),
        json.dumps({"text": "정부가 계획을 발표했다.", "date": "2031-03-04T05:06:07+09:00", "title": "계획"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "x", "lang": "fr"}),
    ]
    f = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    errors: list[InputError] = []
    articles = list(read_articles(f, on_error=errors.append))

    assert [a.id for a in articles] == ["n1", "batch-7"]
    assert articles[0].date == date(2031, 1, 2)
    assert articles[0].lang == "en"
    assert articles[1].date == date(2031, 3, 4)
    assert articles[1].lang == "ko"
    assert articles[1].title == "계획"
    assert articles[1].source == f"{f}:7"
    bad_lines = [int(e.source.rsplit(":", 1)[1]) for e in errors]
    assert bad_lines == [3, 4, 5, 6, 8, 9, 10]
    assert all(str(f) in str(e) for e in errors)
    assert "text" in str(errors[1]) and "date" in str(errors[3])


def test_read_jsonl_without_handler_raises_at_first_bad_line(tmp_path):
    f = _write(tmp_path / "b.jsonl", json.dumps({"text": "fine"}) + "\n{oops\n")
    it = read_articles(f)
    assert next(it).text == "fine"
    with pytest.raises(InputError, match=r"b\.jsonl:2"):
        next(it)


def test_folder_walk_is_sorted_and_ignores_other_files(tmp_path):
    _write(tmp_path / "b.txt", "second")
    _write(tmp_path / "a.txt", "first")
    _write(tmp_path / "sub" / "c.htm", "<p>third</p>")
    _write(tmp_path / "sub" / "d.jsonl", json.dumps({"text": "fourth"}))
    _write(tmp_path / "notes.md", "ignored")
    _write(tmp_path / "image.png", b"\x89PNG\x00")
    _write(tmp_path / ".hidden" / "e.txt", "hidden")
    _write(tmp_path / ".f.txt", "hidden too")
    texts = [a.text for a in read_articles(tmp_path)]
    assert texts == ["first", "second", "third", "fourth"]
    assert [a.text for a in read_articles(tmp_path)] == texts


def test_binary_file_with_text_suffix_is_an_error_naming_it(tmp_path):
    good = _write(tmp_path / "a.txt", "fine")
    bad = _write(tmp_path / "b.txt", b"\x00\x01\x02binary\x00")
    errors: list[InputError] = []
    articles = list(read_articles([bad, good], on_error=errors.append))
    assert [a.id for a in articles] == ["a"]
    assert len(errors) == 1 and str(bad) in str(errors[0]) and errors[0].source == str(bad)
    with pytest.raises(InputError, match="b.txt"):
        list(read_articles(bad))


@pytest.mark.parametrize("name, content", [
    ("empty.txt", ""),
    ("blank.txt", " \n\u200b\n  "),
    ("empty.jsonl", "\n\n"),
    ("empty.html", "<html><body><script>x()</script></body></html>"),
])
def test_empty_input_is_an_error(tmp_path, name, content):
    f = _write(tmp_path / name, content)
    with pytest.raises(InputError, match="empty") as info:
        list(read_articles(f))
    assert str(f) in str(info.value)


@pytest.mark.parametrize("name", ["missing.txt", "notes.md"])
def test_explicit_bad_paths_are_errors(tmp_path, name):
    path = tmp_path / name
    if name.endswith(".md"):
        _write(path, "text")
    with pytest.raises(InputError, match=name):
        list(read_articles(path))


# --- read_text ----------------------------------------------------------------------------

def test_read_text_defaults_and_overrides():
    a = read_text("Headline here\n\nBody\u00a0text.")
    assert a.text == "Headline here\n\nBody text."
    assert a.title == "Headline here"
    assert a.lang == "en"
    assert read_text("Headline here\n\nBody text.").id == a.id  # id from content: deterministic
    b = read_text("본문", id="x1", lang="ko-KR", title="제목", date="2031-05-06", url="https://e.example")
    assert (b.id, b.lang, b.title, b.date, b.url) == ("x1", "ko", "제목", date(2031, 5, 6), "https://e.example")


@pytest.mark.parametrize("kwargs, message", [
    ({"text": ""}, "empty"),
    ({"text": "\u200b \n"}, "empty"),
    ({"text": "ok", "date": "31/12/2030"}, "date"),
    ({"text": "ok", "lang": "de"}, "language"),
])
def test_read_text_errors(kwargs, message):
    text = kwargs.pop("text")
    with pytest.raises(InputError, match=message):
        read_text(text, **kwargs)


@pytest.mark.parametrize("text, lang", [
    ("Mixed 텍스트 with mostly English words", "en"),
    ("대부분 한국어로 된 문장 with English", "ko"),
    ("12345 !!!", "en"),
])
def test_language_detection(text, lang):
    assert read_text(text).lang == lang


def test_html_declared_charset_is_used(tmp_path):
    page = '<meta charset="windows-1252"><p>Café déjà vu: the naïve résumé of a “model”.</p>'
    f = _write(tmp_path / "latin.html", page.encode("cp1252"))
    (article,) = read_articles(f)
    assert article.text == "Café déjà vu: the naïve résumé of a “model”."


def test_euc_kr_html_with_http_equiv(tmp_path):
    page = '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><p>정부가 계획을 발표했다.</p>'
    (article,) = read_articles(_write(tmp_path / "k.html", page.encode("euc-kr")))
    assert article.text == "정부가 계획을 발표했다." and article.lang == "ko"
