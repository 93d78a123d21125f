"""ontology/kg.ttl and ontology/shapes.ttl: complete, aligned to PLOVER/CAMEO, loadable anywhere."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kg import vocab
from kg.evaluate import PLOVER_TYPE

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY, SHAPES = ROOT / "ontology" / "kg.ttl", ROOT / "ontology" / "shapes.ttl"
PLOVER = "https://github.com/openeventdata/PLOVER#"
CAMEO = "https://w3id.org/kg-news/cameo/"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

#: CAMEO roots per relation, as ONTOLOGY.md lists them.
CAMEO_ROOTS = {
    "agreesWith": {"03"}, "consultsWith": {"04"}, "supports": {"05"}, "concedesTo": {"08"},
    "cooperatesWith": {"06"}, "supplies": {"07"}, "withdrawsFrom": {"08"}, "requests": {"02", "10"},
    "accuses": {"09", "11"}, "rejects": {"12"}, "threatens": {"13"}, "protestsAgainst": {"14"},
    "mobilizesAgainst": {"15"}, "sanctions": {"16"}, "coerces": {"17"}, "attacks": {"18", "19", "20"},
}
QUADS = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ONTOLOGY)


def T(name: str) -> URIRef:
    return URIRef(vocab.term(name))


def test_every_term_is_labelled_and_commented(onto):
    for name in vocab.CLASSES + vocab.RELATIONS + vocab.PROPERTIES:
        assert onto.value(T(name), RDFS.label) is not None, f"{name} has no rdfs:label"
        assert len(str(onto.value(T(name), RDFS.comment) or "")) > 15, f"{name} has no rdfs:comment"


def test_every_property_has_domain_and_range(onto):
    for name in vocab.RELATIONS + vocab.PROPERTIES:
        assert onto.value(T(name), RDFS.domain) is not None, f"{name} has no rdfs:domain"
        assert onto.value(T(name), RDFS.range) is not None, f"{name} has no rdfs:range"


def test_event_relations_map_to_plover_and_cameo(onto):
    assert set(PLOVER_TYPE) == set(vocab.EVENT_RELATIONS)
    for rel in vocab.EVENT_RELATIONS:
        assert set(onto.objects(T(rel), SKOS.exactMatch)) == {URIRef(PLOVER + PLOVER_TYPE[rel])}, rel
        assert str(onto.value(T(rel), T("ploverType"))) == PLOVER_TYPE[rel]
        roots = {str(c)[len(CAMEO):] for c in onto.objects(T(rel), SKOS.closeMatch) if str(c).startswith(CAMEO)}
        assert roots == CAMEO_ROOTS[rel], rel
        for code in roots:  # each CAMEO concept is described
            assert str(onto.value(URIRef(CAMEO + code), SKOS.notation)) == code
        assert str(onto.value(T(rel), T("quadClass"))) in QUADS, rel
    for rel in vocab.STANDING_RELATIONS:
        assert onto.value(T(rel), T("quadClass")) is None and onto.value(T(rel), SKOS.exactMatch) is None


def test_quad_classes_agree_with_the_graph_views(onto):
    style = pytest.importorskip("kg.viz.style")
    for rel in vocab.EVENT_RELATIONS:
        assert str(onto.value(T(rel), T("quadClass"))) == style.QUAD_LABELS[style.QUAD_CLASS[rel]], rel


def test_leader_is_an_official_and_symmetric_relations(onto):
    assert (T("leaderOf"), RDFS.subPropertyOf, T("officialOf")) in onto
    for rel in vocab.SYMMETRIC:
        assert (T(rel), RDF.type, OWL.SymmetricProperty) in onto


def test_ontology_and_shapes_load_in_pyoxigraph_too():
    """Other triple stores must be able to load the files (pyoxigraph is a strict parser)."""
    for path in (ONTOLOGY, SHAPES):
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        assert len(triples) > 50


def test_shapes_accept_exactly_the_kg_relations_as_predicates():
    shapes = rdflib.Graph().parse(SHAPES)
    prop = next(p for p in shapes.subjects(SH.path, RDF.predicate))
    allowed = rdflib.collection.Collection(shapes, shapes.value(prop, SH["in"]))
    assert [str(t)[len(vocab.NS):] for t in allowed] == list(vocab.RELATIONS)
    targets = {str(t)[len(vocab.NS):] for t in shapes.objects(None, SH.targetClass)}
    assert {"Statement", "Article", *vocab.ENTITY_CLASSES} <= targets


def test_ontology_is_shipped_with_the_package():
    from kg.settings import ontology_dir

    assert (ontology_dir() / "kg.ttl").read_bytes() == ONTOLOGY.read_bytes()
    assert (ontology_dir() / "shapes.ttl").read_bytes() == SHAPES.read_bytes()
