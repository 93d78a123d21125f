"""The saved queries (queries/*.rq), each with expected rows.

Two layers:

* on a hand-made graph (tests/query_fixtures.py, built through the real graph and
  store code) every row is known, so each query is checked exactly;
* on the bundled sample build, rows that are REQUIRED gold facts are asserted, so
  the tests stay true as the extractor improves (a fact the extractor cannot
  produce yet would be marked xfail(strict=False) on its own).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from query_fixtures import build_toy

from kg.query.sparql import execute, parameters, saved_queries

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
SAMPLE_IDS = ["000_ce765739321d4724", "001_f99d47caf96a5657", "002_d0c35f80829a8acd",
              "003_6f692edb525a3d5b", "004_caa88a86ad8e0a0a"]


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    from kg.store import KGStore

    out = build_toy(tmp_path_factory.mktemp("toy"))
    with KGStore(out, create=False, read_only=True) as store:
        yield store


def run(store, name, **params):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    return execute(store, text, params, name=f"{name}.rq")


def rows(result, *cols):
    return [tuple(r[c] for c in cols) for r in result.values(short=True)]


# --------------------------------------------------------- every saved query


def test_there_are_at_least_eight_documented_saved_queries():
    names = set(saved_queries())
    assert {"who_supplies_whom", "entity", "article_facts", "most_connected", "cooperation_vs_conflict",
            "officials", "by_speaker", "articles_mentioning", "articles"} <= names
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        assert len(header) >= 2, f"{path.name}: open with comments saying what it answers and its parameters"
        assert re.search(r"^# Parameters:", text, re.M), f"{path.name}: say which parameters it takes"
        params = parameters(text)
        doc = next(line for line in header if line.startswith("# Parameters:"))
        if params:
            for p in params:
                assert p in doc, f"{path.name}: parameter ${p} not documented"
        else:
            assert "none" in doc


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_saved_query_runs_on_the_sample(sample_store, path):
    text = path.read_text(encoding="utf-8")
    params = {p: "Russia" for p in parameters(text)}
    if "article" in params:
        params["article"] = SAMPLE_IDS[1]
    result = execute(sample_store, text, params, name=path.name)
    assert result.kind == "select"
    assert not result.warnings, result.warnings


# ------------------------------------------------------ exact, on the toy graph


def test_who_supplies_whom_toy(toy):
    r = run(toy, "who_supplies_whom")
    assert rows(r, "supplier", "recipient", "articles") == [("Russia", "Syria", 2), ("Russia", "Iraq", 1)]


def test_entity_toy_by_alt_label(toy):
    r = run(toy, "entity", entity="putin")
    got = set(rows(r, "role", "relation", "value", "article"))
    assert got == {
        ("about", "rdf:type", "kg:Person", None),
        ("about", "rdfs:label", "Vladimir Putin", None),
        ("about", "skos:altLabel", "Putin", None),
        ("subject", "kg:leaderOf", "Russia", "a1"),
        ("speaker", "kg:supplies", "Russia -> Syria", "a1"),
        ("speaker", "kg:supplies", "Russia -> Iraq", "a1"),
    }
    assert len(r.rows) == len(got)


def test_article_facts_toy_in_text_order_with_negation(toy):
    r = run(toy, "article_facts", article="a1")
    assert rows(r, "subject", "relation", "object", "negated") == [
        ("Vladimir Putin", "kg:leaderOf", "Russia", False),
        ("Russia", "kg:supplies", "Iraq", False),
        ("Russia", "kg:supplies", "Syria", False),
        ("Russia", "kg:supports", "Syria", False),
        ("Sergey Lavrov", "kg:officialOf", "Russia", False),
        ("Syria", "kg:attacks", "Islamic State", False),
        ("Russia", "kg:supplies", "Islamic State", True),
    ]
    assert rows(r, "speaker")[1] == ("Vladimir Putin",)


def test_most_connected_toy(toy):
    r = run(toy, "most_connected")
    assert rows(r, "entity", "types", "facts", "partners", "articles")[:3] == [
        ("Russia", "Country", 7, 4, 2), ("Syria", "Country", 4, 2, 2), ("Islamic State", "ArmedGroup", 3, 2, 2)]
    assert len(r.rows) == 8


def test_cooperation_vs_conflict_toy(toy):
    r = run(toy, "cooperation_vs_conflict")
    got = {(a, b): (c, k) for a, b, c, k in rows(r, "actor1", "actor2", "cooperation", "conflict")}
    assert got == {
        ("Russia", "Syria"): (3, 0),
        ("Islamic State", "United States"): (1, 1),
        ("Iraq", "Russia"): (1, 0),
        ("Islamic State", "Syria"): (0, 1),
        ("Sergey Lavrov", "Walid al-Moallem"): (1, 0),
    }


def test_officials_toy_by_country_alias(toy):
    r = run(toy, "officials", country="Moscow")
    assert rows(r, "official", "role", "articles") == [("Vladimir Putin", "leader", 1), ("Sergey Lavrov", "official", 2)]


def test_by_speaker_toy(toy):
    r = run(toy, "by_speaker", speaker="Lavrov")
    assert rows(r, "subject", "relation", "object", "article") == [("United States", "kg:supports", "Islamic State", "a2")]


def test_articles_mentioning_toy(toy):
    r = run(toy, "articles_mentioning", a="Russia", b="Syria")
    assert rows(r, "article", "facts_between") == [("a1", 2), ("a2", 1)]
    r = run(toy, "articles_mentioning", a="Iraq", b="Walid al-Moallem")
    assert r.rows == []


def test_articles_toy(toy):
    r = run(toy, "articles")
    assert rows(r, "article", "facts", "entities") == [("a1", 6, 6), ("a2", 5, 6)]


def test_relations_toy(toy):
    r = run(toy, "relations")
    assert rows(r, "relation", "facts", "negated")[0] == ("kg:supplies", 3, 1)


def test_cooperation_values_table_matches_the_ontology():
    import rdflib

    onto = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    quad = rdflib.URIRef("https://w3id.org/kg-news/ontology#quadClass")
    expected = {str(s).rsplit("#", 1)[1]: str(o) for s, o in onto.subject_objects(quad)}
    text = (QUERIES / "cooperation_vs_conflict.rq").read_text(encoding="utf-8")
    table = dict(re.findall(r'\(kg:(\w+) "([a-z ]+)"\)', text))
    assert table == expected


# ------------------------------------- required gold facts, on the sample build


def test_sample_articles_are_listed(sample_store):
    r = run(sample_store, "articles")
    assert sorted(a for (a,) in rows(r, "article")) == SAMPLE_IDS


def test_sample_articles_mentioning_russia_and_syria(sample_store):
    r = run(sample_store, "articles_mentioning", a="Russia", b="Syria")
    assert [a for (a,) in rows(r, "article")] == SAMPLE_IDS


def test_sample_russia_is_among_the_most_connected(sample_store):
    r = run(sample_store, "most_connected")
    assert "Russia" in [e for (e,) in rows(r, "entity")][:3]


def test_sample_russia_and_syria_cooperate_more_than_they_fight(sample_store):
    r = run(sample_store, "cooperation_vs_conflict")
    got = {(a, b): (c, k) for a, b, c, k in rows(r, "actor1", "actor2", "cooperation", "conflict")}
    coop, conflict = got[("Russia", "Syria")]
    assert coop > conflict


def test_sample_russia_supplies_syria_and_iraq(sample_store):
    pairs = set(rows(run(sample_store, "who_supplies_whom"), "supplier", "recipient"))
    assert {("Russia", "Syria"), ("Russia", "Iraq"), ("Iran", "Syria")} <= pairs


def test_sample_officials_of_russia(sample_store):
    got = set(rows(run(sample_store, "officials", country="Russia"), "official", "role"))
    assert {("Vladimir Putin", "leader"), ("Sergey Lavrov", "official"), ("Mikhail Bogdanov", "official")} <= got


def test_sample_entity_putin_leads_russia(sample_store):
    got = set(rows(run(sample_store, "entity", entity="Putin"), "role", "relation", "value"))
    assert ("subject", "kg:leaderOf", "Russia") in got


def test_sample_article_facts_russia_supports_syria(sample_store):
    got = set(rows(run(sample_store, "article_facts", article=SAMPLE_IDS[1]), "subject", "relation", "object"))
    assert ("Russia", "kg:supports", "Syria") in got


def test_sample_article_facts_russia_supplies_syria(sample_store):
    got = set(rows(run(sample_store, "article_facts", article=SAMPLE_IDS[1]), "subject", "relation", "object"))
    assert ("Russia", "kg:supplies", "Syria") in got and ("Dushanbe", "kg:locatedIn", "Tajikistan") in got


def test_sample_by_speaker_lavrov(sample_store):
    """004: 'the Russian Foreign Minister said Russia supports Syria and Iraq' (gold: Russia supports Syria)."""
    got = set(rows(run(sample_store, "by_speaker", speaker="Lavrov"), "subject", "relation", "object"))
    assert ("Russia", "kg:supports", "Syria") in got


@pytest.mark.slow
def test_saved_queries_stay_fast_when_entities_repeat_across_articles(tmp_path):
    """600 articles naming the same entities: no saved query may multiply rows by label repeats."""
    import time

    from query_fixtures import build_repeated

    from kg.store import KGStore

    out = build_repeated(tmp_path / "big", n=300)
    params = {"entity": "Russia", "country": "Russia", "speaker": "Lavrov", "a": "Russia", "b": "Syria",
              "article": "a1-0000"}
    slow = {}
    with KGStore(out, create=False, read_only=True) as store:
        for path in sorted(QUERIES.glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            t0 = time.perf_counter()
            result = execute(store, text, {p: params[p] for p in parameters(text)}, name=path.name)
            seconds = time.perf_counter() - t0
            assert result.rows, f"{path.name} found nothing"
            if seconds > 3.0:
                slow[path.name] = round(seconds, 1)
        who = rows(run(store, "who_supplies_whom"), "supplier", "recipient", "articles")
    assert not slow, f"saved queries too slow on 600 articles: {slow}"
    assert who == [("Russia", "Syria", 600), ("Russia", "Iraq", 300)]


def test_parameter_names_resolve_label_first_then_most_mentioned(tmp_path):
    from kg.extract.types import ArticleFacts, Entity
    from kg.graph import article_quads
    from kg.ingest.article import Article
    from kg.query.sparql import resolve_name
    from kg.store import KGStore

    country = Entity("Georgia", "Country", ("Sakartvelo",), "GEO")
    state = Entity("Georgia (U.S. state)", "Location", ("Georgia state",))
    russia = Entity("Russia", "Country", ("Moscow",), "RUS")
    moscow = Entity("Moscow", "Location")
    arts = [ArticleFacts(Article(f"g{i}", f"t{i}"), ents, ()) for i, ents in
            enumerate([(country, russia), (country,), (state, moscow)])]
    with KGStore(tmp_path) as store:
        for af in arts:
            store.put_article(af.article.id, article_quads(af))
        assert resolve_name(store, "the Georgia").endswith("/entity/Georgia")  # label, case and "the " ignored
        assert resolve_name(store, "MOSCOW").endswith("/entity/Moscow")  # a label beats an altLabel
        assert resolve_name(store, "sakartvelo").endswith("/entity/Georgia")
        assert resolve_name(store, "g2").endswith("/article/g2")
        assert resolve_name(store, "Atlantis") is None
    # a tie on the same kind of name goes to the entity more articles mention
    a = Entity("Red Army", "ArmedGroup", ("Reds",))
    b = Entity("Red Army Faction", "ArmedGroup", ("Reds",))
    with KGStore(tmp_path / "tie") as store:
        for i, ents in enumerate([(a,), (b,), (b,)]):
            store.put_article(f"r{i}", article_quads(ArticleFacts(Article(f"r{i}", f"x{i}"), ents, ())))
        assert resolve_name(store, "Reds").endswith("/entity/Red_Army_Faction")
