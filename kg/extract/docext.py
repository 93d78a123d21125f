"""The ``doc._.*`` extensions the extraction components read and write.

This module is the contract between the entity components (``kg_entities``,
``kg_coref``) and the relation component (``kg_relations``):

``doc._.kg_mentions``      list[Mention], sorted by start: every canonical entity
                           mention (names, aliases, demonyms, stand-ins, and the
                           pronouns/descriptions coref resolved).
``doc._.kg_token_entity``  dict[int, str]: token index -> entity key, for every
                           token inside a mention (coref mentions included).
``doc._.kg_entities``      dict[str, Entity]: key -> Entity seen in the doc.
``doc._.kg_titles``        list[Title]: (person_key, title_text, holder_key, kind)
                           where kind is "leader" or "official", read from
                           "Russian Foreign Minister Sergey Lavrov" and the like.
``doc._.kg_facts``         list[Fact], written by ``kg_relations``.
``doc._.kg_dateline``      list[tuple[int, int]]: token spans of dateline prefixes
                           ("Moscow, SANA -") that are not actors.
``doc._.kg_located_in``    dict[str, str]: Location key -> the country it lies in, as the
                           gazetteer knows it (Dushanbe -> Tajikistan).

Call :func:`register` before using them (the components do it themselves);
it is idempotent and cheap.

    >>> register()
    >>> import spacy
    >>> doc = spacy.blank("en")("Russia")
    >>> doc._.kg_mentions is None
    True
"""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = (
    "kg_mentions",
    "kg_token_entity",
    "kg_entities",
    "kg_titles",
    "kg_facts",
    "kg_dateline",
    "kg_located_in",
)

_done = False


def register() -> None:
    """Declare every ``doc._.kg_*`` extension (default None)."""
    global _done
    if _done:
        return
    from spacy.tokens import Doc

    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None, force=True)
    _done = True


def ensure(doc) -> None:
    """Give ``doc`` empty containers for the entity extensions if unset."""
    register()
    if doc._.kg_mentions is None:
        doc._.kg_mentions = []
    if doc._.kg_token_entity is None:
        doc._.kg_token_entity = {}
    if doc._.kg_entities is None:
        doc._.kg_entities = {}
    if doc._.kg_titles is None:
        doc._.kg_titles = []
    if doc._.kg_dateline is None:
        doc._.kg_dateline = []
    if doc._.kg_located_in is None:
        doc._.kg_located_in = {}
