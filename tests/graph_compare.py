"""Comparing two built stores quad by quad (for the parallel and Dask builds)."""

from __future__ import annotations

import difflib

import pytest


def store_nquads(out) -> list[str]:
    """Every quad of the store in the build folder ``out``, as sorted N-Quads lines."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store


def assert_same_quads(a: list[str], b: list[str], names=("a", "b")) -> None:
    if a != b:
        diff = "\n".join(difflib.unified_diff(a, b, *names, lineterm="", n=0))
        pytest.fail(f"graphs differ ({len(a)} vs {len(b)} quads):\n{diff[:5000]}")
