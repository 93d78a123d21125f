"""Turn one article's facts into RDF quads, following the provenance contract.

Each article's quads live in its own named graph (``kg.graph.iris.article_graph``):
the Article node, the entities as that article names them, every Statement and
the direct triples it asserts. Queries read the union of all graphs, so
removing an article is dropping its graph, and a direct triple disappears
exactly when no remaining article asserts it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.types import ArticleFacts
from kg.extract.version import extractor_version
from kg.graph.iris import article_graph, article_iri, entity_iri, publisher_iri, statement_iri
from kg.vocab import KG, RELATIONS

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
WD = "http://www.wikidata.org/entity/"

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_ALT = NamedNode(SKOS + "altLabel")
_SAME = NamedNode(OWL + "sameAs")
_DERIVED = NamedNode(PROV + "wasDerivedFrom")
_SUBJ, _PRED, _OBJ = (NamedNode(RDF + n) for n in ("subject", "predicate", "object"))
_DECIMAL = NamedNode(XSD + "decimal")
_BOOLEAN = NamedNode(XSD + "boolean")
_INTEGER = NamedNode(XSD + "integer")
_DATE = NamedNode(XSD + "date")
_DATETIME = NamedNode(XSD + "dateTime")


# Characters no XML 1.0 document can hold (so no RDF/XML export, and several
# triple stores refuse them); they are noise in news text, dropped from literals.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(o):
    if isinstance(o, Literal) and _NOT_XML.search(o.value):
        value = _NOT_XML.sub("", o.value)
        return Literal(value, language=o.language) if o.language else Literal(value, datatype=o.datatype)
    return o


def _k(name: str) -> NamedNode:
    return NamedNode(str(getattr(KG, name)))


def date_literal(value: str) -> Literal:
    """``xsd:date`` for ``YYYY-MM-DD``, ``xsd:gYearMonth`` for ``YYYY-MM``, ``xsd:gYear`` for ``YYYY``
    (the precisions ``kg.dates`` resolves "in September 2015" to), else ``xsd:dateTime``.

    >>> date_literal("2015-09").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    datatype = {10: _DATE, 7: NamedNode(XSD + "gYearMonth"), 4: NamedNode(XSD + "gYear")}.get(len(value), _DATETIME)
    return Literal(value, datatype=datatype)


def confidence_literal(value: float) -> Literal:
    value = min(1.0, max(0.0, float(value)))
    return Literal(str(Decimal(str(round(value, 3))).normalize() if value else Decimal("0")), datatype=_DECIMAL)


def article_quads(af: ArticleFacts) -> list[Quad]:
    """All quads of one article, in its own named graph."""
    a = af.article
    g = NamedNode(article_graph(a.id))
    art = NamedNode(article_iri(a.id))
    out: list[Quad] = []

    def add(s, p, o):
        out.append(Quad(s, p, _clean(o), g))

    add(art, _TYPE, _k("Article"))
    add(art, NamedNode(DCT + "identifier"), Literal(a.id))
    add(art, _k("contentHash"), Literal(a.content_hash))
    add(art, _k("extractorVersion"), Literal(extractor_version()))
    if a.title:
        add(art, NamedNode(DCT + "title"), Literal(a.title))
    if a.date:
        add(art, NamedNode(DCT + "date"), date_literal(a.date))
    if a.url:
        add(art, NamedNode(DCT + "source"), NamedNode(a.url) if _is_iri(a.url) else Literal(a.url))
    if a.language:
        add(art, NamedNode(DCT + "language"), Literal(a.language))
    if a.author:
        add(art, NamedNode(DCT + "creator"), Literal(a.author))
    if a.publisher:
        pub = NamedNode(publisher_iri(a.publisher))
        add(art, NamedNode(DCT + "publisher"), pub)
        add(pub, _TYPE, _k("Organization"))
        add(pub, _LABEL, Literal(a.publisher))

    for e in af.entities:
        node = NamedNode(entity_iri(e.key))
        add(node, _TYPE, _k(e.type))
        add(node, _LABEL, Literal(e.key))
        for alt in sorted(set(e.alt_labels) - {e.key}):
            add(node, _ALT, Literal(alt))
        if e.country_code:
            add(node, _k("countryCode"), Literal(e.country_code))
        if e.country:
            add(node, _k("nationality"), NamedNode(entity_iri(e.country)))
        if e.wikidata:
            add(node, _SAME, NamedNode(WD + e.wikidata))
        add(art, _k("mentions"), node)

    for f in af.facts:
        if f.relation not in RELATIONS:
            raise ValueError(f"unknown relation {f.relation!r} from rule {f.rule!r}")
        s, p, o = NamedNode(entity_iri(f.subject)), _k(f.relation), NamedNode(entity_iri(f.object))
        st = NamedNode(statement_iri(a.id, f.subject, f.relation, f.object, f.start, f.negated, f.speaker, f.evidence))
        add(st, _TYPE, _k("Statement"))
        add(st, _SUBJ, s)
        add(st, _PRED, p)
        add(st, _OBJ, o)
        add(st, _DERIVED, art)
        add(st, _k("evidence"), Literal(f.evidence))
        add(st, _k("confidence"), confidence_literal(f.confidence))
        add(st, _k("negated"), Literal("true" if f.negated else "false", datatype=_BOOLEAN))
        if f.speaker:
            add(st, _k("attributedTo"), NamedNode(entity_iri(f.speaker)))
        if f.rule:
            add(st, _k("rule"), Literal(f.rule))
        if f.start is not None:
            add(st, _k("sentenceStart"), Literal(str(f.start), datatype=_INTEGER))
            add(st, _k("sentenceEnd"), Literal(str(f.end), datatype=_INTEGER))
        if f.modality:
            add(st, _k("modality"), Literal(f.modality))
        event_date = f.event_date or a.date
        if event_date:
            add(st, _k("eventDate"), date_literal(event_date))
        if not f.negated:
            add(s, p, o)
    return out


def _is_iri(value: str) -> bool:
    return value.startswith(("http://", "https://")) and not any(c in value for c in ' <>"{}|\\^`')
