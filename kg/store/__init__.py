"""Store: the embedded, persistent RDF store (Oxigraph) holding the graph."""

from kg.store.store import KGStore

__all__ = ["KGStore"]
