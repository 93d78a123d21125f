"""Incremental builds: unchanged articles skipped, a changed one replaces exactly its own facts,
removed ones retract what only they supported, IRIs stable across runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.graph import article_graph
from kg.settings import sample_corpus
from kg.store import KGStore
from kg.vocab import NS, RELATIONS

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def graph_of(store: KGStore, article_id: str) -> set[ox.Quad]:
    return set(store.store.quads_for_pattern(None, None, None, ox.NamedNode(article_graph(article_id))))


def direct_and_supported(store: KGStore) -> tuple[set, set]:
    rels = {f"{NS}{r}" for r in RELATIONS}
    direct = {(t.subject, t.predicate, t.object) for t in store.triples() if t.predicate.value in rels}
    q = f"""SELECT ?s ?p ?o WHERE {{ ?st a <{NS}Statement> ; <{RDF}subject> ?s ; <{RDF}predicate> ?p ;
            <{RDF}object> ?o ; <{NS}negated> false }}"""
    return direct, {(r["s"], r["p"], r["o"]) for r in store.query(q)}


@pytest.mark.slow
@pytest.mark.model
def test_unchanged_rebuild_is_a_tenth_of_the_first_and_loads_no_model(tmp_path):
    """Measured the way a user meets it: two fresh processes, first build then rebuild."""
    out = tmp_path / "out"
    script = (
        "import sys, json; from kg.build import build\n"
        f"r = build(None, {str(out)!r}, progress=False)\n"
        "print(json.dumps({'s': r.seconds, 'built': len(r.built), 'unchanged': len(r.unchanged),"
        " 'spacy': 'spacy' in sys.modules, 'triples': r.triples}))\n"
    )
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                      check=True).stdout.splitlines()[-1]) for _ in range(2)]
    first, again = runs
    assert first["built"] == 5 and again["built"] == 0 and again["unchanged"] == 5
    assert again["triples"] == first["triples"] > 0
    assert not again["spacy"], "an unchanged rebuild must not import spaCy"
    assert again["s"] <= first["s"] / 10, runs


def test_changed_article_replaces_exactly_its_own_facts(sample_build, built_copy, tmp_path):
    from kg.build import build

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    files = sorted(corpus.glob("*.txt"))
    target = files[1]
    target.write_text(target.read_text(encoding="utf-8") + "\nSyria criticised Turkey on Monday.\n",
                      encoding="utf-8")
    before = KGStore(sample_build, create=False, read_only=True)
    ids = before.article_ids()
    old = {a: graph_of(before, a) for a in ids}
    report = build([corpus], built_copy, progress=False, pages=False)
    assert report.built == [target.stem] and len(report.unchanged) == 4
    with KGStore(built_copy, create=False, read_only=True) as after:
        for a in ids:
            if a != target.stem:
                assert graph_of(after, a) == old[a], f"article {a} changed but its file did not"
        new = graph_of(after, target.stem)
        assert new != old[target.stem]
        hashes = [q.object.value for q in new if q.predicate.value == f"{NS}contentHash"]
        assert len(hashes) == 1 and hashes[0] != next(q.object.value for q in old[target.stem]
                                                      if q.predicate.value == f"{NS}contentHash")
        # the same as a clean build of that one article gives
    clean = build([target], tmp_path / "clean", progress=False, pages=False)
    assert clean.built == [target.stem]
    with KGStore(tmp_path / "clean", create=False, read_only=True) as one:
        assert graph_of(one, target.stem) == new
        direct, supported = direct_and_supported(one)
        assert direct == supported


def test_remove_retracts_statements_and_unsupported_direct_triples(built_copy):
    with KGStore(built_copy, create=False, read_only=True) as store:
        ids = store.article_ids()
        direct_before, _ = direct_and_supported(store)
        # pick the article with the most Statements
        counts = {a: sum(1 for q in graph_of(store, a) if q.object == ox.NamedNode(f"{NS}Statement")) for a in ids}
        victim = max(ids, key=lambda a: (counts[a], a))
        mine = graph_of(store, victim)
        others = set().union(*(graph_of(store, a) for a in ids if a != victim))
    r = subprocess.run([sys.executable, "-m", "kg", "remove", victim, "--out", str(built_copy), "--no-pages"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    with KGStore(built_copy, create=False, read_only=True) as store:
        assert store.article_ids() == sorted(set(ids) - {victim})
        assert graph_of(store, victim) == set()
        direct, supported = direct_and_supported(store)
        assert direct == supported  # every remaining direct triple has a Statement, and vice versa
        other_triples = {(q.subject, q.predicate, q.object) for q in others}
        for q in mine:
            t = (q.subject, q.predicate, q.object)
            assert (t in set(map(lambda x: (x.subject, x.predicate, x.object), store.triples()))) == (t in other_triples)
        assert direct <= direct_before
        ttl = (built_copy / "graph.ttl").read_bytes()
        assert len({q.triple for q in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}) == store.count_triples()
    r = subprocess.run([sys.executable, "-m", "kg", "remove", victim, "--out", str(built_copy)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "E063" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.model
def test_sync_removes_articles_whose_files_are_gone_and_iris_stay_stable(sample_build, built_copy, tmp_path):
    from kg.build import build

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    report = build([corpus], built_copy, sync=True, progress=False, pages=False)
    assert report.removed == [gone.stem] and report.built == []
    with KGStore(built_copy, create=False, read_only=True) as store:
        assert gone.stem not in store.article_ids()
        direct, supported = direct_and_supported(store)
        assert direct == supported
    # put it back: the article comes back with exactly the quads (and IRIs) of the first build
    shutil.copy(sample_corpus() / gone.name, gone)
    report = build([corpus], built_copy, sync=True, progress=False, pages=False)
    assert report.built == [gone.stem]
    with KGStore(built_copy, create=False, read_only=True) as store, \
            KGStore(sample_build, create=False, read_only=True) as first:
        assert set(store) == set(first)
