"""Article metadata from pages, feeds and corpora lands in the graph (real model, built once)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "ingest"
PREFIXES = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.build import build

    corpus = tmp_path_factory.mktemp("corpus")
    for name in ("article.html", "saudi_russia.md", "corpus.jsonl"):
        shutil.copy(DATA / name, corpus / name)
    shutil.copytree(DATA / "feed", corpus / "feed")
    shutil.copy(DATA / "article.html", corpus / "feed" / "copy-of-article.html")  # the same article twice
    out = tmp_path_factory.mktemp("out")
    notes: list[str] = []
    report = build([corpus], out, pages=False, warn=notes.append)
    return corpus, out, report, notes


def rows(out: Path, body: str) -> list[dict]:
    from kg.store import KGStore

    with KGStore(out, create=False, read_only=True) as store:
        result = store.query(PREFIXES + body)
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names} for row in result]


def test_each_article_once(built):
    _, _, report, notes = built
    assert sorted(report.built) == ["article", "sana-2015-1001",
                                    "sana.example.org-en-iran-aid-convoy-iraq", "saudi_russia", "tass-1", "tass-3"]
    dup = sorted(n for n in notes if n.startswith("W003"))
    assert len(dup) == 2
    assert "corpus.jsonl line 5" in dup[0] and "'tass-1'" in dup[0]
    assert "copy-of-article.html" in dup[1] and "'article'" in dup[1]


def test_html_metadata_in_the_graph(built):
    _, out, _, _ = built
    (r,) = rows(out, """SELECT ?title ?date ?src ?lang ?creator ?pubname WHERE {
        ?a dcterms:identifier "article" ; dcterms:title ?title ; dcterms:date ?date ; dcterms:source ?src ;
           dcterms:language ?lang ; dcterms:creator ?creator ; dcterms:publisher ?pub .
        ?pub a kg:Organization ; rdfs:label ?pubname }""")
    assert r["title"].value == "Russia to keep arming Syria, Putin says"
    assert (r["date"].value, r["date"].datatype.value) == ("2015-09-30", "http://www.w3.org/2001/XMLSchema#date")
    assert r["src"].value == "https://www.middleeastmonitor.com/20150930-russia-to-keep-arming-syria/"
    assert type(r["src"]).__name__ == "NamedNode"
    assert (r["lang"].value, r["creator"].value, r["pubname"].value) == ("en", "Jane Reporter", "Middle East Monitor")


def test_feed_dates_are_datetimes(built):
    _, out, _, _ = built
    (r,) = rows(out, 'SELECT ?date WHERE { ?a dcterms:identifier "sana-2015-1001" ; dcterms:date ?date }')
    assert r["date"].value == "2015-10-01T14:30:00+03:00"
    assert r["date"].datatype.value == "http://www.w3.org/2001/XMLSchema#dateTime"


def test_statements_carry_a_date(built):
    _, out, _, _ = built
    found = rows(out, """SELECT ?id ?ev ?adate WHERE {
        ?st a kg:Statement ; kg:eventDate ?ev ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?a .
        ?a dcterms:identifier ?id ; dcterms:date ?adate }""")
    assert found, "no dated statements"
    for r in found:  # the sentence's own date, resolved no later than its article's, or the article's date
        assert r["ev"].value[:10] <= r["adate"].value[:10], r


def test_rebuild_is_unchanged(built):
    from kg.build import build

    corpus, out, report, _ = built
    again = build([corpus], out, pages=False, warn=lambda m: None)
    assert not again.built and sorted(again.unchanged) == sorted(report.built)
