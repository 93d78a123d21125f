"""Shared fixtures: the bundled sample is built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model (loaded once)."""
    from kg.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample built once into a session folder; returns the out dir.

    Tests must not modify it: copy it (``built_copy``) to change things.
    """
    from kg.build import build

    out = tmp_path_factory.mktemp("sample-build")
    report = build(None, out, progress=False)
    assert report.built, report.summary()
    return out


@pytest.fixture()
def built_copy(sample_build, tmp_path):
    """A private, writable copy of the sample build."""
    import pyoxigraph as ox

    dst = tmp_path / "out"
    shutil.copytree(sample_build, dst, ignore=shutil.ignore_patterns("store"))
    # A consistent snapshot of the (possibly open) RocksDB store.
    ox.Store.read_only(str(sample_build / "store")).backup(str(dst / "store"))
    return dst


@pytest.fixture(scope="session")
def sample_store(sample_build):
    from kg.store import KGStore

    return KGStore(sample_build, create=False, read_only=True)
