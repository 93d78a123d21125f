"""Load the English spaCy model without ever downloading anything."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from kg.errors import Errors, KGError
from kg.settings import DEFAULT_MODELS

#: Components the extractor never reads, excluded when the model loads.
UNUSED_COMPONENTS: tuple[str, ...] = ("senter",)


def resolve_model_name(name: str | None = None) -> str:
    """The model package to load: ``name`` if given, else ``KG_SPACY_MODEL``, else the
    first installed of ``DEFAULT_MODELS`` (the official package, then its re-upload)."""
    from kg.settings import Settings

    name = name or Settings().model
    if name:
        if importlib.util.find_spec(name) is None:
            raise KGError(Errors.E004.format(name=name))
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise KGError(Errors.E004.format(name=DEFAULT_MODELS[0]))


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load the spaCy pipeline (cached per process)."""
    import spacy

    return spacy.load(resolve_model_name(name), exclude=list(UNUSED_COMPONENTS))
