"""The main job end to end: the bundled sample builds into a store and Turtle."""

import subprocess
import sys

import pyoxigraph as ox
import pytest


def test_sample_build_writes_store_and_turtle(sample_build, sample_store):
    ttl = (sample_build / "graph.ttl").read_bytes()
    parsed = list(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    assert len(parsed) > 100
    assert len(sample_store.article_ids()) == 5


def test_rebuild_skips_unchanged_articles(built_copy):
    from kg.build import build

    report = build(None, built_copy, progress=False, pages=False)
    assert report.built == [] and len(report.unchanged) == 5


@pytest.mark.slow
def test_cli_build_reports_bad_paths_and_still_builds(tmp_path):
    from kg.settings import sample_corpus

    src = sample_corpus() / "001_f99d47caf96a5657.txt"
    r = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(tmp_path / "missing.txt"), str(src), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "missing.txt" in r.stderr and "Traceback" not in r.stderr


def test_cli_build_fails_when_nothing_builds(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True, text=True,
    )
    assert r.returncode == 1
    assert "E002" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.model
def test_same_input_gives_byte_identical_turtle(sample_build, tmp_path):
    """Stable IRIs and sorted output: a second, independent build is byte-identical."""
    from kg.build import build

    build(None, tmp_path / "again", progress=False, pages=False)
    first = (sample_build / "graph.ttl").read_bytes()
    second = (tmp_path / "again" / "graph.ttl").read_bytes()
    if first != second:
        import difflib

        diff = difflib.unified_diff(first.decode().splitlines(), second.decode().splitlines(), lineterm="")
        pytest.fail("graph.ttl differs between two builds:\n" + "\n".join(list(diff)[:40]))
