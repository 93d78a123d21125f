"""A build killed (SIGKILL) or interrupted (SIGINT, i.e. Ctrl-C) partway leaves only whole
articles in the store, each exactly as a clean build writes it, and the next build completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from kg.graph import article_graph
from kg.store import KGStore
from kg.store.store import JOURNAL, STORE_DIR

pytestmark = [pytest.mark.slow, pytest.mark.model]
N = 120


def graphs(store: KGStore) -> dict[str, set[ox.Quad]]:
    return {a: set(store.store.quads_for_pattern(None, None, None, ox.NamedNode(article_graph(a))))
            for a in store.article_ids()}


@pytest.fixture(scope="module")
def corpus_and_clean(tmp_path_factory):
    from kg.build import build
    from kg.synthetic import write_corpus

    d = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(d / "corpus", N, seed=11, max_words=60)
    report = build([corpus], d / "clean", progress=False, pages=False)
    assert len(report.built) == N
    with KGStore(d / "clean", create=False, read_only=True) as store:
        clean = graphs(store)
    return corpus, clean


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    import psutil

    alive = []
    for p in psutil.process_iter(["pid", "status"]):
        try:
            if os.getpgid(p.info["pid"]) == pgid and p.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(p.info["pid"])
        except (ProcessLookupError, psutil.Error):
            pass
    return alive


def visible_articles(out) -> int:
    """Articles visible in a store another process is writing (0 while it cannot be read yet)."""
    try:
        store = ox.Store.read_only(str(out / STORE_DIR))
    except (OSError, RuntimeError):  # not fully created yet
        return 0
    try:
        return sum(1 for g in store.named_graphs() if "/graph/" in g.value)
    except (OSError, RuntimeError):  # a file the writer compacted away while we read
        return 0
    finally:
        del store


@pytest.mark.parametrize("sig,workers,when", [(signal.SIGKILL, 2, 20), (signal.SIGINT, 2, 20)],
                         ids=["SIGKILL-2-workers", "SIGINT-2-workers"])
def test_killed_build_leaves_whole_articles_and_rerun_completes(sig, workers, when, corpus_and_clean, tmp_path):
    """With 2 workers articles arrive in chunks of 16, so the signal lands amid the writes. (With one
    worker the whole corpus is one extraction chunk written in a burst at the end, so whether a signal
    sent after the first visible article still finds the build running depends on the machine's speed.)"""
    corpus, clean = corpus_and_clean
    out = tmp_path / "out"
    # small bulk batches, so the journaled bulk path is exercised too
    env = {**os.environ, "KG_BULK_QUADS": "1000"}
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-q", "--no-pages", "--workers", str(workers)]
    errfile = tmp_path / "stderr.txt"
    with open(errfile, "w") as errf:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errf, start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if (out / STORE_DIR).exists() and visible_articles(out) >= when:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be interrupted: make the corpus bigger"
    proc.send_signal(sig)
    try:
        proc.wait(60)
        if sig == signal.SIGKILL:  # the workers notice their parent is gone and exit by themselves
            deadline = time.monotonic() + 30
            while group_members(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not group_members(proc.pid), "worker processes outlived their killed parent"
    finally:
        try:  # worker processes orphaned by a SIGKILL of their parent: ours to clean up
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    err = errfile.read_text()
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err

    with KGStore(out, create=False) as store:  # a writable open also rolls back an unfinished bulk batch
        assert not (out / JOURNAL).exists()
        partial = graphs(store)
    # A reader may have counted articles of a bulk batch that was still loading: the journal rolls such a
    # batch back, so fewer may be left than were seen, but with `when` above one batch's size the first
    # batch was whole before the signal.
    assert 1 <= len(partial) < N
    for article_id, quads in partial.items():
        assert quads == clean[article_id], f"article {article_id} is not as a clean build writes it"

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with KGStore(out, create=False, read_only=True) as store:
        assert graphs(store) == clean
    assert (out / "graph.ttl").read_bytes() == (corpus.parent / "clean" / "graph.ttl").read_bytes()
