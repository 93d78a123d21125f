"""The records that leave the extract stage: entities and facts of one article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kg.ingest.article import Article


@dataclass(frozen=True)
class Entity:
    """A real-world thing, however the article named it.

    ``key`` is the canonical name (``rdfs:label``); the entity IRI is minted
    from it, so the same key always gives the same IRI across runs.
    """

    key: str
    type: str  # an ontology class local name: Person, Country, Organization, ArmedGroup, Group, Location
    alt_labels: tuple[str, ...] = ()  # other surface forms seen (never pronouns)
    country_code: str | None = None  # ISO 3166-1 alpha-3, for countries
    wikidata: str | None = None  # Wikidata Q-id, e.g. "Q159"
    country: str | None = None  # for a Group: the key of the Country its people belong to (kg:nationality)


@dataclass(frozen=True)
class Fact:
    """One extracted fact with its evidence; becomes a ``kg:Statement``."""

    subject: str  # Entity.key
    relation: str  # a local name from kg.vocab.RELATIONS
    object: str  # Entity.key
    evidence: str  # the sentence
    confidence: float  # in [0, 1]
    negated: bool = False
    speaker: str | None = None  # Entity.key of who said it, for reported speech
    rule: str = ""  # which rule fired
    start: int | None = None  # character offsets of the evidence in the article text
    end: int | None = None
    modality: str | None = None  # e.g. "asserted", "future", "continuing"
    event_date: str | None = None  # ISO date, when the sentence dates the event


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Mention:
    """One mention of a canonical entity in a spaCy Doc (token span ``[start, end)``).

    ``kind`` says how the text names the entity: ``name`` (its canonical name),
    ``alias`` (another known name), ``demonym`` ("Russian" in "Russian forces"),
    ``standin`` (Moscow, the Kremlin, the Syrian government acting for the
    country), ``title`` (a title resolved to a person), ``pronoun`` and
    ``description`` (resolved by coreference; never become alt labels).
    """

    start: int
    end: int
    key: str  # Entity.key
    type: str  # Person, Country, Organization, ArmedGroup, Group, Location
    text: str
    kind: str = "name"
    country: str | None = None  # a Group's country (its national adjective or place)


class Title(NamedTuple):
    """A title a person holds, read from the text ("Russian Foreign Minister Sergey Lavrov").

    A named tuple, so it unpacks as ``(person, title, holder, kind)``.
    ``holder`` is the country or organisation key the title belongs to (None when
    the text does not say); ``kind`` is ``leader`` or ``official``.
    """

    person: str  # Entity.key of the person
    title: str  # the title words as written, e.g. "Foreign Minister"
    holder: str | None  # Entity.key of the country/organisation
    kind: str  # "leader" | "official"
