"""kg/vocab.py and ontology/kg.ttl name exactly the same terms, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg import vocab

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ONTOLOGY)


def _declared(g, *types):
    return {str(s)[len(vocab.NS):] for t in types for s in g.subjects(RDF.type, t) if str(s).startswith(vocab.NS)}


def test_defined_namespace_lists_every_term_of_the_tuples():
    annotated = set(vocab.KG.__annotations__)
    assert annotated == set(vocab.CLASSES) | set(vocab.RELATIONS) | set(vocab.PROPERTIES)
    assert len(vocab.RELATIONS) == len(set(vocab.RELATIONS)) == 22
    assert vocab.SYMMETRIC <= set(vocab.EVENT_RELATIONS)


def test_every_ontology_term_is_in_vocab_and_back(onto):
    classes = _declared(onto, OWL.Class)
    props = _declared(onto, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    assert classes == set(vocab.CLASSES)
    assert props == set(vocab.RELATIONS) | set(vocab.PROPERTIES)
    # nothing else in the kg namespace is used as a subject, predicate or object
    used = {str(t)[len(vocab.NS):] for triple in onto for t in triple
            if isinstance(t, rdflib.URIRef) and str(t).startswith(vocab.NS)}
    assert used <= set(vocab.KG.__annotations__), used - set(vocab.KG.__annotations__)


def test_relations_are_object_properties_and_symmetry_matches(onto):
    objprops = _declared(onto, OWL.ObjectProperty)
    assert set(vocab.RELATIONS) <= objprops
    assert _declared(onto, OWL.SymmetricProperty) == set(vocab.SYMMETRIC)


def test_entity_classes_and_actor_hierarchy(onto):
    for c in vocab.ENTITY_CLASSES:
        sup = set(onto.objects(rdflib.URIRef(vocab.term(c)), RDFS.subClassOf))
        if c == "Location":
            assert rdflib.URIRef(vocab.term("Actor")) not in sup
        else:
            assert rdflib.URIRef(vocab.term("Actor")) in sup, c
