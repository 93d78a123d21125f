"""Extract: spaCy Docs in; canonical entities and facts with evidence out."""

from kg.extract.types import ArticleFacts, Entity, Fact

__all__ = ["ArticleFacts", "Entity", "Fact", "Extractor"]


def __getattr__(name: str):
    if name == "Extractor":
        from kg.extract.pipeline import Extractor

        return Extractor
    raise AttributeError(name)
