"""The one place where IRIs are minted.

Every IRI is a pure function of a stable key, so the same input always gives
the same IRIs, across runs and machines:

    >>> entity_iri("Vladimir Putin")
    'https://w3id.org/kg-news/id/entity/Vladimir_Putin'
    >>> entity_iri('Da\\'esh "central" / الدولة')
    'https://w3id.org/kg-news/id/entity/Da%27esh_%22central%22_%2F_%D8%A7%D9%84%D8%AF%D9%88%D9%84%D8%A9'
    >>> entity_iri("..")
    'https://w3id.org/kg-news/id/entity/%2E%2E'
    >>> article_graph("001_f99d47caf96a5657")
    'https://w3id.org/kg-news/id/graph/001_f99d47caf96a5657'
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from kg.vocab import BASE


def _segment(key: str) -> str:
    # Percent-encode everything outside the unreserved set: safe in every
    # RDF syntax and every triple store, whatever the name holds.
    seg = quote(" ".join(key.split()).replace(" ", "_"), safe="-._~")
    # "." and ".." are dot-segments that IRI normalisation would remove.
    return seg.replace(".", "%2E") if seg in (".", "..") else seg


def entity_iri(key: str) -> str:
    return f"{BASE}entity/{_segment(key)}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{_segment(article_id)}"


def article_graph(article_id: str) -> str:
    """The named graph holding one article's facts."""
    return f"{BASE}graph/{_segment(article_id)}"


def publisher_iri(name: str) -> str:
    return entity_iri(name)


def statement_iri(article_id: str, *parts: object) -> str:
    digest = hashlib.sha256("\x1f".join([article_id, *map(str, parts)]).encode("utf-8")).hexdigest()[:20]
    return f"{BASE}statement/{_segment(article_id)}-{digest}"


def key_of(iri: str) -> str:
    """Inverse of the minting functions: the key an IRI was made from.

    >>> key_of(entity_iri("Vladimir Putin"))
    'Vladimir Putin'
    """
    return unquote(iri.rsplit("/", 1)[-1]).replace("_", " ")


def article_id_of_graph(iri: str) -> str:
    return unquote(iri.rsplit("/", 1)[-1])
