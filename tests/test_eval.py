"""The scorers: seeds gold facts against the sample build, PLOVER records against the extractor.

The floors below are what the current extractor reaches; raise them as it improves
(never lower them to make a test pass).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.evaluate import (
    GoldRow,
    PloverActor,
    PloverRecord,
    PloverReport,
    Predicted,
    _judge,
    actor_matches,
    read_aliases,
    read_gold,
    read_plover,
    score_facts,
    score_plover,
    score_seeds,
)
from kg.extract.types import Entity, Fact

SEED_PRECISION_FLOOR = 0.98  # reached: 1.000 (57/57)
SEED_RECALL_FLOOR = 0.98  # reached: 1.000 (50/50)
SEED_F1_FLOOR = 0.98

DATA = Path(__file__).parent / "data"
GOLD, ALIASES, PLOVER = DATA / "seeds_gold.tsv", DATA / "aliases.tsv", DATA / "plover_dev.jsonl"

#: Event record sets: file, records, recall floor. The floors sit just under what the extractor reaches (in the
#: comments); raise them as it improves, never lower them to make a test pass.
RECORD_SETS = {
    # the 94 real records of the PLOVER gold standard shipped with the eval data
    "plover-dev": ("plover_dev.jsonl", 94, 0.75),  # reached: 0.766 (72/94)
    # PLOVER-style records written for kg (not from the PLOVER repository), in the style of the CAMEO manual
    "plover-style-dev2": ("plover_new_dev.jsonl", 120, 0.82),  # reached: 0.842 (101/120)
    "plover-style-dev3": ("plover_dev3.jsonl", 130, 0.76),  # reached: 0.777 (101/130)
    # one or two records per CAMEO sub-code across all twenty roots
    "plover-style-dev5": ("plover_dev5.jsonl", 240, 0.68),  # reached: 0.700 (168/240)
    # written alongside dev 2 and first scored once, untuned, at 06d703d (0.450); now a regression floor
    "plover-style-heldout": ("plover_heldout.jsonl", 100, 0.78),  # reached: 0.800 (80/100)
    # written on 2026-12-07 without sight of the extractor and scored untuned at 27a4f24 (0.492, 59/120), then
    # after that day's development-set work at 1b654e6; now in the repository, so a regression floor only
    "plover-style-heldout2": ("plover_heldout2.jsonl", 120, 0.59),  # reached: 0.608 (73/120)
}
#: Article sets with gold facts: folder (articles/, gold.tsv, aliases.tsv), precision floor, recall floor.
ARTICLE_SETS = {
    # four articles in the style of the sample outlets, written for kg
    "articles-dev2": ("unseen_dev", 0.97, 0.79),  # reached: 1.000 (84/84), 0.806 (79/98)
    "articles-dev3": ("articles_dev3", 0.94, 0.77),  # reached: 0.964 (133/138), 0.785 (124/158)
    # written alongside dev 2 and first scored once, untuned, at 06d703d (0.868 / 0.524); now a regression floor
    "articles-heldout": ("heldout_articles", 0.94, 0.75),  # reached: 0.966 (86/89), 0.771 (81/105)
    # written on 2026-12-07 without sight of the extractor; untuned at 27a4f24: 0.827 / 0.578
    "articles-heldout2": ("heldout2_articles", 0.83, 0.60),  # reached: 0.854 (111/130), 0.615 (99/161)
}


# ------------------------------------------------------------- the real runs


def test_seed_scores_on_the_sample_build_reach_the_floor(sample_build):
    report = score_seeds(sample_build, GOLD, ALIASES)
    print(report.format(verbose=True))
    assert report.required == sum(1 for g in read_gold(GOLD) if g.status == "required")
    assert report.precision >= SEED_PRECISION_FLOOR
    assert report.recall >= SEED_RECALL_FLOOR
    assert report.f1 >= SEED_F1_FLOOR
    assert len(report.misses) == report.required - report.found


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", list(RECORD_SETS))
def test_plover_recall_reaches_the_floor(nlp, name):
    from kg.extract import Extractor

    path, records, floor = RECORD_SETS[name]
    report = score_plover(DATA / path, Extractor(nlp))
    print(report.format(verbose=True))
    assert report.total == records
    assert report.recall >= floor
    assert 0.0 <= report.type_accuracy <= 1.0


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", list(ARTICLE_SETS))
def test_articles_written_for_kg_reach_the_floor(tmp_path, name):
    from kg.build import build

    folder, precision_floor, recall_floor = ARTICLE_SETS[name]
    d = DATA / folder
    build([d / "articles"], tmp_path, progress=False, pages=False)
    report = score_seeds(tmp_path, d / "gold.tsv", d / "aliases.tsv")
    print(report.format(verbose=True))
    assert report.required == sum(1 for g in read_gold(d / "gold.tsv") if g.status == "required")
    assert report.precision >= precision_floor
    assert report.recall >= recall_floor


def test_cli_eval_prints_scores_and_per_relation_lines(sample_build):
    r = subprocess.run(
        [sys.executable, "-m", "kg", "eval", str(GOLD), "--aliases", str(ALIASES), "--out", str(sample_build),
         "--verbose"],
        capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("Gold facts: precision ") and "recall" in first and "F1" in first
    assert "\nsupplies " in r.stdout and "Missed required facts" in r.stdout and "False positives" in r.stdout


def test_cli_eval_errors_are_one_line(tmp_path):
    empty = tmp_path / "gold.tsv"
    empty.write_text("# nothing here\n")
    r = subprocess.run([sys.executable, "-m", "kg", "eval", str(empty), "--out", str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "E030" in r.stderr and "Traceback" not in r.stderr
    odd = tmp_path / "gold.xlsx"
    odd.write_text("x")
    r = subprocess.run([sys.executable, "-m", "kg", "eval", str(odd)], capture_output=True, text=True)
    assert r.returncode == 2 and "E034" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    gold = tmp_path / "g.tsv"
    gold.write_text("d\tA\tsupports\tB\trequired\n")
    r = subprocess.run([sys.executable, "-m", "kg", "eval", str(gold), "--out", str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "E003" in r.stderr and "Traceback" not in r.stderr


# ------------------------------------------------------- the scoring rules


def _p(doc, s, rel, o, sn=None, on=None):
    return Predicted(doc, s, rel, o, frozenset(sn or {s}), frozenset(on or {o}), "evidence", 0.5)


def test_reading_the_gold_and_alias_files():
    gold = read_gold(GOLD)
    assert {g.status for g in gold} == {"required", "optional", "ignore"}
    from kg.vocab import RELATIONS

    assert all(g.relations <= set(RELATIONS) for g in gold), "gold uses a relation outside the vocabulary"
    aliases = read_aliases(ALIASES)
    assert "kremlin" in aliases["Russia"] and "daesh" in aliases["Islamic State"]
    # a leading "the " is ignored on both sides
    assert "west" in aliases["West"]


def test_precision_recall_symmetry_alternatives_and_ignore_rows():
    gold = [
        GoldRow("d1", "Russia", frozenset({"supplies"}), "Syria", "required"),
        GoldRow("d1", "Russia", frozenset({"supplies", "supports"}), "Iraq", "required"),
        GoldRow("d1", "Lavrov", frozenset({"consultsWith"}), "Moallem", "required"),
        GoldRow("d1", "Putin", frozenset({"leaderOf"}), "Russia", "optional"),
        GoldRow("d1", "Russia", frozenset({"supplies"}), "Ukraine", "ignore"),
        GoldRow("d2", "Iran", frozenset({"supplies"}), "Syria", "required"),
    ]
    predicted = [
        _p("d1", "Russia", "supplies", "Syria"),  # tp, required
        _p("d1", "Russia", "supports", "Iraq"),  # tp via an alternative
        _p("d1", "Moallem", "consultsWith", "Lavrov"),  # tp, symmetric
        _p("d1", "Putin", "leaderOf", "Russia"),  # tp, optional (not counted for recall)
        _p("d1", "Russia", "supplies", "Ukraine"),  # on an ignore row: not counted
        _p("d1", "Syria", "supplies", "Russia"),  # fp: supplies is not symmetric
        _p("d1", "Iran", "supplies", "Syria"),  # fp: facts are per article
    ]
    r = score_facts(predicted, gold)
    assert (r.tp, r.fp, r.ignored) == (4, 2, 1)
    assert (r.found, r.required) == (3, 4)
    assert r.precision == pytest.approx(4 / 6) and r.recall == pytest.approx(3 / 4)
    assert r.f1 == pytest.approx(2 * (4 / 6) * 0.75 / (4 / 6 + 0.75))
    assert [g.subject for g in r.misses] == ["Iran"]
    assert r.per_relation["supplies"].fp == 2 and r.per_relation["supplies"].found == 2
    assert r.per_relation["consultsWith"].recall == 1.0
    text = r.format(verbose=True)
    assert "[d2] Iran supplies Syria" in text and "[d1] Syria supplies Russia" in text


def test_entity_names_match_through_aliases(built_copy):
    """Entities are matched by label or altLabel against the canonical's aliases."""
    import pyoxigraph as ox

    from kg.store import KGStore

    gold = built_copy / "g.tsv"
    gold.write_text("# doc\tsubject\trelation\tobject\tstatus\n"
                    "zz_test\tRussia\tsupplies\tSyria\trequired\n"
                    "zz_test\tVladimir Putin\tleaderOf\tRussia\trequired\n")
    aliases = built_copy / "a.tsv"
    aliases.write_text("Russia\tRussia|Kremlin|Moscow\nSyria\tSyria|Damascus\nVladimir Putin\tPutin\n")
    ns, base = "https://w3id.org/kg-news/ontology#", "https://w3id.org/kg-news/id/"
    g = ox.NamedNode(base + "graph/zz_test")
    art, st = ox.NamedNode(base + "article/zz_test"), ox.NamedNode(base + "statement/zz_test-1")
    mos, dam, put = (ox.NamedNode(base + "entity/" + n) for n in ("zz_Moscow", "zz_Damascus", "zz_Putin"))
    rdf, rdfs, skos = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
                       "http://www.w3.org/2004/02/skos/core#")
    quads = [
        (art, ox.NamedNode(rdf + "type"), ox.NamedNode(ns + "Article")),
        (art, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal("zz_test")),
        (mos, ox.NamedNode(rdfs + "label"), ox.Literal("the Kremlin")),
        (dam, ox.NamedNode(rdfs + "label"), ox.Literal("Syrian regime")),
        (dam, ox.NamedNode(skos + "altLabel"), ox.Literal("DAMASCUS")),
        (put, ox.NamedNode(rdfs + "label"), ox.Literal("Putin")),
        (st, ox.NamedNode(rdf + "type"), ox.NamedNode(ns + "Statement")),
        (st, ox.NamedNode(rdf + "subject"), mos),
        (st, ox.NamedNode(rdf + "predicate"), ox.NamedNode(ns + "supplies")),
        (st, ox.NamedNode(rdf + "object"), dam),
        (st, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), art),
        (st, ox.NamedNode(ns + "negated"), ox.Literal("false", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#boolean"))),
    ]
    with KGStore(built_copy) as store:
        store.put_article("zz_test", [ox.Quad(s, p, o, g) for s, p, o in quads])
    r = score_seeds(built_copy, gold, aliases)
    assert ("zz_test", "Russia", "Syria") in {(p.doc, g.subject, g.object) for p, g in r.true_positives}
    assert [g.relations for g in r.misses] == [frozenset({"leaderOf"})]


# ------------------------------------------------------------------ PLOVER


def test_plover_records_are_read_with_the_type_mapping():
    records = read_plover(PLOVER)
    assert len(records) == 94
    events = {r.event for r in records}
    assert {"DEMAND", "FIGHT", "DISAPPROVE", "INVESTIGATE"}.isdisjoint(events)
    assert {"REQUEST", "ASSAULT", "ACCUSE"} <= events
    assert any(not r.targets for r in records)


def test_plover_actor_matching_by_name_and_country_code():
    ent = Entity("Dubem Oniya", "Person")
    assert actor_matches(ent, PloverActor("Nigerian junior foreign minister Dubem Oniya", "NGA"))
    assert not actor_matches(Entity("Oni", "Person"), PloverActor("Dubem Oniya", "NGA"))
    assert actor_matches(Entity("Japan", "Country", country_code="JPN"), PloverActor("Tokyo", "JAP"))
    assert actor_matches(Entity("United Kingdom", "Country", ("Britain",), "GBR"), PloverActor("British minister", "GBR"))
    assert not actor_matches(Entity("UN", "Organization"), PloverActor("Asia-Pacific Economic Cooperation", "IGO"))


def test_plover_judging_direction_type_and_empty_targets():
    rec = PloverRecord("r1", "Libya offered to hand over suspects to Great Britain.", "AGREE",
                       (PloverActor("Libya", "LBY"),), (PloverActor("Great Britain", "GBR"),))
    ents = {"Libya": Entity("Libya", "Country", (), "LBY"), "United Kingdom": Entity("United Kingdom", "Country", (), "GBR")}

    def fact(s, rel, o, neg=False):
        return Fact(s, rel, o, "e", 0.5, negated=neg)

    assert _judge(rec, ents, [fact("Libya", "agreesWith", "United Kingdom")]).hit
    assert _judge(rec, ents, [fact("United Kingdom", "agreesWith", "Libya")]).hit  # AGREE is symmetric
    wrong = _judge(rec, ents, [fact("Libya", "threatens", "United Kingdom")])
    assert wrong.pair_found and not wrong.type_correct and not wrong.hit
    assert not _judge(rec, ents, [fact("Libya", "agreesWith", "United Kingdom", neg=True)]).pair_found
    fight = PloverRecord("r2", "x", "ASSAULT", (PloverActor("Libya", "LBY"),), (PloverActor("Britain", "GBR"),))
    assert not _judge(fight, ents, [fact("United Kingdom", "attacks", "Libya")]).hit  # not symmetric
    compound = PloverRecord("r3", "Jordan and Britain agreed to joint exercises.", "AGREE",
                            (PloverActor("Jordan", "JOR"), PloverActor("Britain", "GBR")), ())
    ents["Jordan"] = Entity("Jordan", "Country", (), "JOR")
    assert _judge(compound, ents, [fact("United Kingdom", "agreesWith", "Jordan")]).hit


def test_plover_fact_precision_counts_event_facts_only():
    rec = PloverRecord("r1", "Libya offered to hand over suspects to Great Britain.", "AGREE",
                       (PloverActor("Libya", "LBY"),), (PloverActor("Great Britain", "GBR"),))
    ents = {"Libya": Entity("Libya", "Country", (), "LBY"), "United Kingdom": Entity("United Kingdom", "Country", (), "GBR"),
            "Muammar Gaddafi": Entity("Muammar Gaddafi", "Person", ())}
    facts = [Fact("Libya", "agreesWith", "United Kingdom", "e", 0.5),
             Fact("Libya", "threatens", "United Kingdom", "e", 0.5),
             Fact("Muammar Gaddafi", "leaderOf", "Libya", "e", 0.5),  # standing: not an event fact
             Fact("Libya", "attacks", "United Kingdom", "e", 0.5, negated=True)]  # negated: not counted
    outcome = _judge(rec, ents, facts)
    assert (outcome.event_facts, outcome.event_facts_exact) == (2, 1)
    report = PloverReport([outcome])
    assert report.event_facts == 2 and report.fact_precision == 0.5
    assert "event facts extracted: 2, with the record's actors and type: 1 (0.500)" in report.format()
