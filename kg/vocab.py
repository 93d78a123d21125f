"""The graph's vocabulary: every ontology term the code may write.

Terms are used through this module only, so a misspelt term fails loudly
instead of writing a wrong triple::

    >>> from kg.vocab import KG
    >>> str(KG.supplies)
    'https://w3id.org/kg-news/ontology#supplies'
    >>> KG.suplies
    Traceback (most recent call last):
    ...
    AttributeError: term 'suplies' not in namespace 'https://w3id.org/kg-news/ontology#'

``tests/test_vocab.py`` checks that this list and ``ontology/kg.ttl`` agree.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

NS = "https://w3id.org/kg-news/ontology#"
BASE = "https://w3id.org/kg-news/id/"

#: PLOVER event relations (Actor -> Actor), in the order of ONTOLOGY.md.
EVENT_RELATIONS: tuple[str, ...] = (
    "agreesWith",
    "consultsWith",
    "supports",
    "concedesTo",
    "cooperatesWith",
    "supplies",
    "withdrawsFrom",
    "requests",
    "accuses",
    "rejects",
    "threatens",
    "protestsAgainst",
    "mobilizesAgainst",
    "sanctions",
    "coerces",
    "attacks",
)
#: Standing relations.
STANDING_RELATIONS: tuple[str, ...] = (
    "leaderOf",
    "officialOf",
    "memberOf",
    "affiliatedWith",
    "locatedIn",
    "controls",
)
RELATIONS: tuple[str, ...] = EVENT_RELATIONS + STANDING_RELATIONS
#: Relations that hold in both directions.
SYMMETRIC: frozenset[str] = frozenset({"consultsWith", "cooperatesWith", "agreesWith"})

#: Entity classes (subclasses of Actor, plus Location).
ENTITY_CLASSES: tuple[str, ...] = ("Person", "Country", "Organization", "ArmedGroup", "Group", "Location")
CLASSES: tuple[str, ...] = ("Actor",) + ENTITY_CLASSES + ("Article", "Statement")

#: Datatype and other properties.
PROPERTIES: tuple[str, ...] = (
    "evidence",
    "confidence",
    "negated",
    "attributedTo",
    "countryCode",
    "nationality",
    "contentHash",
    "rule",
    "sentenceStart",
    "sentenceEnd",
    "eventDate",
    "modality",
    "quadClass",
    "ploverType",
    "extractorVersion",
    "mentions",
)


class KG(DefinedNamespace):
    """The kg ontology namespace; unknown names raise ``AttributeError``."""

    _NS = Namespace(NS)
    _fail = True

    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    ArmedGroup: URIRef
    Group: URIRef
    Location: URIRef
    Article: URIRef
    Statement: URIRef

    agreesWith: URIRef
    consultsWith: URIRef
    supports: URIRef
    concedesTo: URIRef
    cooperatesWith: URIRef
    supplies: URIRef
    withdrawsFrom: URIRef
    requests: URIRef
    accuses: URIRef
    rejects: URIRef
    threatens: URIRef
    protestsAgainst: URIRef
    mobilizesAgainst: URIRef
    sanctions: URIRef
    coerces: URIRef
    attacks: URIRef

    leaderOf: URIRef
    officialOf: URIRef
    memberOf: URIRef
    affiliatedWith: URIRef
    locatedIn: URIRef
    controls: URIRef

    evidence: URIRef
    confidence: URIRef
    negated: URIRef
    attributedTo: URIRef
    countryCode: URIRef
    nationality: URIRef
    contentHash: URIRef
    rule: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    eventDate: URIRef
    modality: URIRef
    quadClass: URIRef
    ploverType: URIRef
    extractorVersion: URIRef
    mentions: URIRef


def term(name: str) -> str:
    """Return the full IRI of an ontology term, failing on unknown names.

    >>> term("leaderOf")
    'https://w3id.org/kg-news/ontology#leaderOf'
    """
    return str(getattr(KG, name))
