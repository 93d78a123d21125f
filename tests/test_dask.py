"""The Dask backend: a LocalCluster of two worker processes builds the same graph.

One cluster start and one model load per worker is the expensive part, so
one test covers the whole flow: a first build (shards bulk-loaded into the
store), an unchanged rebuild (nothing sent to the cluster), and a changed
article (its old graph replaced, not duplicated).
"""

from __future__ import annotations

import shutil

import pytest
from graph_compare import assert_same_quads, store_nquads


@pytest.mark.model
@pytest.mark.slow
def test_dask_local_cluster_builds_the_same_graph(sample_build, tmp_path):
    from kg.build import build
    from kg.settings import sample_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    out = tmp_path / "dask"

    report = build([corpus], out, dask="local", pages=False)
    assert len(report.built) == 5, report.summary()
    assert not (out / "shards").exists()  # loaded, then removed
    assert not (out / ".kg-journal").exists()
    assert_same_quads(store_nquads(sample_build), store_nquads(out), ("single process", "dask local"))
    assert (out / "graph.ttl").read_bytes() == (sample_build / "graph.ttl").read_bytes()

    # Content hashes are in the store, so an unchanged rebuild sends nothing.
    again = build([corpus], out, dask="local", pages=False)
    assert again.built == [] and len(again.unchanged) == 5

    # A changed article replaces its own graph only.
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nRussia supports Syria.\n", encoding="utf-8")
    third = build([corpus], out, dask="local", pages=False)
    assert third.built == [changed.stem]
    reference = tmp_path / "single"
    build([corpus], reference, workers=1, pages=False)
    assert_same_quads(store_nquads(reference), store_nquads(out), ("single process", "dask local"))


def test_bad_scheduler_address_is_one_line(tmp_path):
    import subprocess
    import sys

    from kg.settings import sample_corpus

    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(sample_corpus()), "--out", str(tmp_path / "o"),
                           "--dask", "no-port-here", "--quiet"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "E093" in proc.stderr and "Traceback" not in proc.stderr
