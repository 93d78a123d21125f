"""Helpers for the tests that run the real extractor over a dict of sentences written for them.

Each such module parses all its sentences in one batch (a module fixture calling :func:`extract_all`)
and asserts on the facts with :func:`triples` and friends.
"""

from __future__ import annotations


def extract_all(nlp, sentences: dict[str, str]) -> dict:
    """Run the extractor over every sentence at once: id -> ArticleFacts."""
    from kg.extract import Extractor
    from kg.ingest.article import Article

    ex = Extractor(nlp)
    arts = [Article(id=k, text=v, date="2024-03-13") for k, v in sentences.items()]
    return {af.article.id: af for af in ex.pipe(arts)}


def triples(af, *, negated=False) -> set[tuple[str, str, str]]:
    """(subject, relation, object) of the facts, asserted ones by default."""
    return {(f.subject, f.relation, f.object) for f in af.facts if f.negated == negated}


def relations(af) -> set[str]:
    return {r for _, r, _ in triples(af)}


def rels(af, relation: str) -> set[tuple[str, str]]:
    """(subject, object) pairs of one relation."""
    return {(s, o) for s, r, o in triples(af) if r == relation}


def entity(af, key: str):
    return next((e for e in af.entities if e.key == key), None)
