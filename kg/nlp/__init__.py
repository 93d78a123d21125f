"""The spaCy model: found, loaded and trimmed to what the extractor reads."""

from kg.nlp.model import load_model

__all__ = ["load_model"]
