"""Text and metadata of a news page.

Uses BeautifulSoup with the standard library's ``html.parser`` so that no compiled parser
is needed and broken markup (unclosed tags, stray end tags, no ``<body>``) still parses.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Elements whose text is never part of the story.
_NOISE = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript",
          "template", "iframe", "svg", "button", "select")
# Elements that start a new paragraph in the extracted text.
_BLOCKS = ("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
           "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr",
           "figure", "figcaption", "hr", "address")
# Private-use markers for paragraph and line breaks while the text is flattened; any in
# the page itself are removed first so they cannot fake a break.
_PARA, _LINE = "\ue000", "\ue001"
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What a news page yields: body text and whatever metadata the page declares."""

    text: str
    title: str | None = None
    date: str | None = None  # as written on the page; parsed by the reader
    url: str | None = None
    lang: str | None = None


def parse_html(markup: str) -> HtmlPage:
    """Extract the article text and metadata from an HTML page.

    >>> page = parse_html("<html lang='ko'><title>T</title><article><p>가</p><p>나</p></article>")
    >>> page.text, page.title, page.lang
    ('가\\n\\n나', 'T', 'ko')
    """
    from bs4 import BeautifulSoup  # heavy; only needed when a page is read

    markup = markup.replace(_PARA, "").replace(_LINE, "")
    soup = BeautifulSoup(markup, "html.parser")
    title = _title(soup)
    date = _date(soup)  # before the noise is dropped: JSON-LD lives in <script>
    url = _first_attr(soup, [("link", {"rel": "canonical"}, "href"),
                             ("meta", {"property": "og:url"}, "content")])
    lang = _lang(soup)
    headline = soup.find("h1")
    headline_text = _clean(headline.get_text(" ")) if headline else ""

    for tag in soup.find_all(_NOISE):
        tag.decompose()
    body = _main_block(soup)
    text = _paragraphs(body)
    # The on-page headline is part of the story (as the first line of a .txt article is),
    # but it often sits outside <article> or inside a dropped <header>.
    if headline_text and headline_text not in text:
        text = f"{headline_text}\n\n{text}" if text else headline_text
    return HtmlPage(text=text, title=title, date=date, url=url, lang=lang)


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _meta(soup, key: str) -> str | None:
    for attr in ("property", "name", "itemprop"):
        tag = soup.find("meta", attrs={attr: key})
        if tag is not None and _clean(tag.get("content") or ""):
            return _clean(tag["content"])
    return None


def _first_attr(soup, candidates) -> str | None:
    for name, attrs, attr in candidates:
        tag = soup.find(name, attrs=attrs)
        if tag is not None and _clean(tag.get(attr) or ""):
            return _clean(tag[attr])
    return None


def _title(soup) -> str | None:
    og = _meta(soup, "og:title")
    if og:
        return og
    for name in ("title", "h1"):
        tag = soup.find(name)
        if tag is not None and _clean(tag.get_text(" ")):
            return _clean(tag.get_text(" "))
    return None


def _date(soup) -> str | None:
    meta = _meta(soup, "article:published_time") or _meta(soup, "datePublished")
    if meta:
        return meta
    time = soup.find("time", attrs={"datetime": True})
    if time is not None and _clean(time["datetime"]):
        return _clean(time["datetime"])
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        found = _json_ld_date(script.string or script.get_text())
        if found:
            return found
    return None


def _json_ld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except ValueError:
        log.debug("ignoring JSON-LD block that is not valid JSON")
        return None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack.extend(v for v in node.values() if isinstance(v, (list, dict)))
    return None


def _lang(soup) -> str | None:
    html = soup.find("html")
    value = html.get("lang") if html is not None else None
    if not value:
        return None
    return value.strip().split("-")[0].split("_")[0].lower() or None


def _main_block(soup):
    """The <article> with the most text, else the element holding the most paragraph text."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda t: len(t.get_text(strip=True)))
    best, best_len = None, 0
    for tag in soup.find_all(True):
        own = sum(len(p.get_text(strip=True)) for p in tag.find_all("p", recursive=False))
        if own > best_len:
            best, best_len = tag, own
    total = sum(len(p.get_text(strip=True)) for p in soup.find_all("p"))
    # Paragraphs spread over several containers: one of them would lose the rest.
    if best is not None and best_len * 2 >= total:
        return best
    return soup.find("body") or soup


def _paragraphs(root) -> str:
    for br in root.find_all("br"):
        br.replace_with(_LINE)
    for tag in root.find_all(_BLOCKS):
        tag.insert_before(_PARA)
        tag.insert_after(_PARA)
    flat = _WS.sub(" ", root.get_text())
    paragraphs = []
    for part in flat.split(_PARA):
        lines = [line.strip() for line in part.split(_LINE)]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)
