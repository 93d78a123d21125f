"""Graph: facts in, RDF quads against the ontology out (one named graph per article)."""

from kg.graph.build import article_quads
from kg.graph.iris import article_graph, article_iri, entity_iri, statement_iri

__all__ = ["article_quads", "article_graph", "article_iri", "entity_iri", "statement_iri"]
