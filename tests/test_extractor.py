"""The Extractor end to end: the bundled sample against the seed gold, and the public API."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def seed_report(sample_build):
    from kg.evaluate import score_seeds

    return score_seeds(sample_build, DATA / "seeds_gold.tsv", DATA / "aliases.tsv")


def test_sample_meets_the_seed_bar(seed_report):
    r = seed_report
    detail = r.format(verbose=True)
    assert r.precision >= 0.90, detail
    assert r.recall >= 0.85, detail


@pytest.mark.parametrize("doc,subject,relation,obj", [
    ("000_ce765739321d4724", "Russia", "supplies", "Iraq"),  # "assistance to Iraq and Syria"
    ("001_f99d47caf96a5657", "Russia", "supports", "Syria"),  # counterfactual "if Russia had not supported"
    ("002_d0c35f80829a8acd", "Russia", "supplies", "Syria"),  # "providing Baghdad and Damascus with deliveries"
    ("002_d0c35f80829a8acd", "United States", "attacks", "Islamic State"),  # light verb + noun
    ("003_6f692edb525a3d5b", "Sergey Lavrov", "accuses", "United States"),  # said ... was unlawful
    ("004_caa88a86ad8e0a0a", "Qatar", "memberOf", "Friends of Syria"),  # "the group comprises ..."
    ("004_caa88a86ad8e0a0a", "Al-Nusra Front", "affiliatedWith", "Al-Qaeda"),
])
def test_required_sample_facts_are_found(seed_report, doc, subject, relation, obj):
    missed = {(g.doc, g.subject, g.relation, g.object) for g in seed_report.misses}
    assert (doc, subject, relation, obj) not in missed


def test_pipe_keeps_order_and_extract_agrees(nlp):
    from kg.extract import Extractor
    from kg.ingest.article import Article

    ex = Extractor(nlp)
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate([
        "Chad accused Sudan of arming rebels.",
        "Nothing happened here.",
        "Morocco and Mauritania signed an accord.",
    ])]
    out = list(ex.pipe(arts, batch_size=2))
    assert [af.article.id for af in out] == ["a0", "a1", "a2"]
    assert out[1].facts == ()
    assert ex.extract(arts[0]).facts == out[0].facts
    assert ("Chad", "accuses", "Sudan") in {(f.subject, f.relation, f.object) for f in out[0].facts}


def test_components_are_added_once(nlp):
    from kg.extract import Extractor

    Extractor(nlp)
    names = Extractor(nlp).nlp.pipe_names
    assert names.count("kg_relations") == 1
    assert names[-1] == "kg_relations"
    assert names.index("kg_paragraphs") < names.index("parser")


def test_confidence_rises_when_sentences_agree(nlp):
    from kg.extract import Extractor
    from kg.ingest.article import Article

    ex = Extractor(nlp)
    once = ex.extract(Article(id="one", text="Kuwait supports Bahrain."))
    twice = ex.extract(Article(id="two", text="Kuwait supports Bahrain. Kuwait backed Bahrain again in May."))
    c1 = max(f.confidence for f in once.facts if f.object == "Bahrain")
    c2 = max(f.confidence for f in twice.facts if f.object == "Bahrain")
    assert c2 > c1
