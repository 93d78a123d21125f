"""A stand-in for the entity component, used only while ``kg_entities`` is not installed.

It maps spaCy's named entities through the gazetteer (or keeps their text), so
relations can run on any checkout; the real entity and coref components
replace it as soon as they are importable.
"""

from __future__ import annotations

_TYPES = {"PERSON": "Person", "GPE": "Country", "ORG": "Organization", "LOC": "Location", "FAC": "Location",
          "NORP": "Country"}


def fallback_entities(doc):
    from kg.extract import docext
    from kg.extract.types import Entity, Mention

    docext.ensure(doc)
    try:
        from kg.extract.gazetteer import Gazetteer

        gaz = Gazetteer.load()
    except ImportError:  # pragma: no cover - the gazetteer ships with kg
        gaz = None
    for ent in doc.ents:
        etype = _TYPES.get(ent.label_)
        if etype is None:
            continue
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        entry = None
        kind = "name"
        if gaz is not None:
            entry = gaz.lookup(text)
            if entry is None and ent.label_ == "NORP":
                entry = gaz.demonym(text)
                kind = "demonym"
        if entry is not None:
            key, etype = entry.key, entry.type
            if entry.type == "Location" and entry.country and entry.kind in ("capital", "standin"):
                key, etype = entry.country, "Country"
                kind = "standin"
        elif ent.label_ == "NORP":
            continue
        else:
            key = text
        doc._.kg_mentions.append(Mention(ent.start, ent.end, key, etype, ent.text, kind))
        for i in range(ent.start, ent.end):
            doc._.kg_token_entity[i] = key
        old = doc._.kg_entities.get(key)
        labels = tuple(sorted({*(old.alt_labels if old else ()), text} - {key}))
        doc._.kg_entities[key] = Entity(key, etype, labels, getattr(entry, "country_code", None) or None,
                                        getattr(entry, "wikidata", None) or None)
    return doc


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory("kg_fallback_entities"):
        Language.factory("kg_fallback_entities")(lambda nlp, name: fallback_entities)
