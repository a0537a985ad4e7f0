"""Mint every IRI of the graph, so that a strict parser (pyoxigraph) accepts all of them.

Keys come from names seen in news text and may hold Hangul, spaces or any odd character.
Each key is NFC-normalised (a Hangul name typed in decomposed form is the same name) and
then every character outside ``[A-Za-z0-9._~-]`` is percent-encoded as UTF-8; ``%`` itself
is encoded too, so two different NFC keys never share an IRI.

>>> entity_iri("deepseek-v3")
rdflib.term.URIRef('https://w3id.org/aikg/id/deepseek-v3')
>>> entity_iri("딥시크")
rdflib.term.URIRef('https://w3id.org/aikg/id/%EB%94%A5%EC%8B%9C%ED%81%AC')
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from decimal import Decimal
from urllib.parse import quote

from rdflib import URIRef

from kg.errors import InputError
from kg.graph.vocab import AGENT, AMT, ART, ENT, EVID, FACT, GRAPH, WIKIDATA
from kg.model import Amount

_QID = re.compile(r"Q[1-9][0-9]*")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_SEP = "\x1f"  # unit separator: cannot occur in a key, so joined parts stay unambiguous


def encode_segment(text: str) -> str:
    """Percent-encode ``text`` (after NFC) so it is a safe IRI path segment."""
    if not text:
        raise InputError("cannot mint an IRI from an empty key")
    return quote(unicodedata.normalize("NFC", text), safe="")


def _digest(*parts: str) -> str:
    joined = _SEP.join(unicodedata.normalize("NFC", p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def decimal_lexical(value: Decimal) -> str:
    """Plain decimal notation without exponent or trailing zeros (``5.576E+6`` → ``5576000``)."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def amount_key(amount: Amount) -> str:
    """``Amount(5576000, "USD")`` → ``"USD-5576000"``."""
    if not _CURRENCY.fullmatch(amount.currency):
        raise InputError(f"currency {amount.currency!r} is not an ISO 4217 code")
    if not amount.value.is_finite():
        raise InputError(f"amount value {amount.value!r} is not a finite number")
    return f"{amount.currency}-{decimal_lexical(amount.value)}"


def object_key(obj: str | Amount) -> str:
    """The key a fact's object is hashed under: the entity key, or ``amount:`` + amount key."""
    return "amount:" + amount_key(obj) if isinstance(obj, Amount) else obj


def entity_iri(key: str) -> URIRef:
    return ENT[encode_segment(key)]


def amount_iri(amount: Amount) -> URIRef:
    return AMT[encode_segment(amount_key(amount))]


def object_iri(obj: str | Amount) -> URIRef:
    return amount_iri(obj) if isinstance(obj, Amount) else entity_iri(obj)


def _check_sha(sha: str) -> str:
    if not _SHA256.fullmatch(sha):
        raise InputError(f"{sha!r} is not a lowercase sha256 hex digest")
    return sha


def article_iri(sha: str) -> URIRef:
    return ART[_check_sha(sha)]


def graph_iri(sha: str) -> URIRef:
    """The named graph that holds everything one article contributes."""
    return GRAPH[_check_sha(sha)]


def fact_hash(subject: str, predicate: str, obj: str | Amount) -> str:
    """Stable hash of a triple: the same fact from two articles is the same node."""
    return _digest(subject, predicate, object_key(obj))


def fact_iri(subject: str, predicate: str, obj: str | Amount) -> URIRef:
    return FACT[fact_hash(subject, predicate, obj)]


def evidence_iri(sha: str, fact_digest: str, start: int) -> URIRef:
    """One evidence node per (article, fact, sentence start)."""
    return EVID[_digest(_check_sha(sha), fact_digest, str(int(start)))]


def agent_iri(extractor: str) -> URIRef:
    return AGENT[encode_segment(extractor)]


def wikidata_iri(qid: str) -> URIRef:
    """``"Q42"`` → ``wd:Q42``; anything that is not a QID is an :class:`InputError`."""
    if not _QID.fullmatch(qid):
        raise InputError(f"{qid!r} is not a Wikidata QID")
    return WIKIDATA[qid]
