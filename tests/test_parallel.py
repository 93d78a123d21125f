"""Parallel extraction: the graph does not depend on the number of workers.

The corpus is the bundled sample plus a few short synthetic articles; it is
built once with one worker (in-process) and once with ``kg build --workers 2``
through the real command line, and the two stores must hold exactly the same
quads (statement nodes are IRIs, so equal sorted N-Quads is stronger than
isomorphism).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from graph_compare import assert_same_quads, store_nquads

from kg.errors import KGUsageError
from kg.parallel import chunked, extract_articles
from kg.synthetic import synthetic_articles, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from kg.settings import sample_corpus

    d = tmp_path_factory.mktemp("par-corpus")
    for f in sample_corpus().glob("*.txt"):
        shutil.copy(f, d / f.name)
    write_corpus(d, 7, seed=11, max_words=160)
    return d


@pytest.fixture(scope="module")
def one_worker_build(corpus, tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("par-w1")
    report = build([corpus], out, workers=1, pages=False)
    assert len(report.built) == 12, report.summary()
    return out


def test_chunked_is_lazy():
    def endless():
        i = 0
        while True:
            yield i
            i += 1

    first = next(chunked(endless(), 3))
    assert first == [0, 1, 2]


def test_workers_must_be_positive():
    with pytest.raises(KGUsageError, match="E090"):
        list(extract_articles([], workers=0))


def test_synthetic_corpus_is_deterministic_and_random_access():
    a = list(synthetic_articles(6, seed=3))
    assert len({x.text for x in a}) == 6
    assert list(synthetic_articles(6, seed=3)) == a
    assert next(synthetic_articles(1, seed=3, start=4)) == a[4]
    assert list(synthetic_articles(2, seed=4))[0].text != a[0].text


def test_synthetic_corpus_substitutes_gazetteer_entities():
    from kg.extract.gazetteer import Gazetteer
    from kg.synthetic import _templates

    gaz = Gazetteer.load()
    template = _templates()[0].text
    texts = [a.text for a in synthetic_articles(20, seed=5) if a.id.endswith(("0", "5"))]  # template 0
    countries = {e.key for e in gaz.entries.values() if e.type == "Country"}
    named = set()
    for t in texts:
        named |= {c for c in countries if f" {c} " in t or f"\n{c} " in t}
    assert len(named) > 10  # many different countries across copies of one template
    assert all(t != template for t in texts)


@pytest.mark.model
def test_memory_zones_do_not_change_the_facts(nlp):
    from kg.extract import Extractor
    from kg.parallel import extract_local

    articles = list(synthetic_articles(5, seed=2, max_words=120))
    ex = Extractor(nlp)
    plain = list(ex.pipe(articles))
    zoned = list(extract_local(ex, iter(articles), chunk_size=2))
    assert zoned == plain


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_keep_input_order():
    articles = list(synthetic_articles(6, seed=9, max_words=80))
    facts = list(extract_articles(iter(articles), workers=2, chunk_size=1))
    assert [f.article.id for f in facts] == [a.id for a in articles]
    assert all(f.entities for f in facts)


@pytest.mark.model
@pytest.mark.slow
def test_cli_two_workers_gives_the_same_graph(corpus, one_worker_build, tmp_path):
    out = tmp_path / "w2"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--workers", "2",
         "--no-pages", "--quiet"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert_same_quads(store_nquads(one_worker_build), store_nquads(out), ("workers=1", "workers=2"))
    assert (out / "graph.ttl").read_bytes() == (one_worker_build / "graph.ttl").read_bytes()


@pytest.mark.model
def test_turtle_written_in_sorted_runs_is_the_same(sample_build):
    """Big graphs are sorted in runs spilled to disk: the bytes must not change."""
    import io

    from kg.export.turtle import write_turtle
    from kg.store import KGStore

    store = KGStore(sample_build, create=False, read_only=True)
    whole, runs = io.StringIO(), io.StringIO()
    n = write_turtle(store.triples(), whole)
    assert write_turtle(store.triples(), runs, run_size=50) == n > 100
    assert runs.getvalue() == whole.getvalue()
    assert whole.getvalue() == (sample_build / "graph.ttl").read_text(encoding="utf-8")
