"""The store and every export format, on synthetic articles with hostile names (no spaCy).

Facts are built directly as ``ArticleFacts`` and go through the real
``kg.graph.article_quads``; each export is re-parsed by a second,
independent parser (rdflib for what pyoxigraph writes, pyoxigraph for what
rdflib writes, both for our own Turtle writer) and compared term by term.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.export.rdf import RDF_FORMATS, write_rdf
from kg.extract.types import ArticleFacts, Entity, Fact
from kg.graph import article_graph, article_quads
from kg.ingest.article import Article
from kg.store import KGStore
from kg.vocab import NS, RELATIONS

ODD = ["Da'esh \"central\"", "a/b\\c", "Москва", "الدولة الإسلامية", "🇷🇺 Russia 🚀", "<script>&amp;",
       "tab\there\nnewline", "50% #tag ?q=1&x", "{x} ^`|", "Ελλάδα", "中华人民共和国", "C:\\path", "a\u0000b",
       "\u202eright-to-left", "'", "\"\"\"", "x\\\"y", "é" * 3, "ﬁ ligature", "a\rb"]
name = st.one_of(
    st.sampled_from(ODD),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=24),
).filter(lambda s: s.strip())
ETYPES = ("Person", "Country", "Organization", "ArmedGroup", "Location")
REL = sorted(RELATIONS)


@st.composite
def article_facts(draw, article_id=None):
    aid = article_id or draw(name)
    keys = draw(st.lists(name, min_size=2, max_size=5, unique_by=lambda k: " ".join(k.split())))
    # two keys that normalise to the same IRI would be one entity with two labels: keep them apart
    entities = tuple(
        Entity(key=k, type=draw(st.sampled_from(ETYPES)),
               alt_labels=tuple(draw(st.lists(name, max_size=2))),
               country_code=draw(st.sampled_from([None, "RUS", "SYR"])),
               wikidata=draw(st.sampled_from([None, "Q159", "Q858"])))
        for k in keys
    )
    facts = tuple(
        Fact(subject=draw(st.sampled_from(keys)), relation=draw(st.sampled_from(REL)),
             object=draw(st.sampled_from(keys)), evidence=draw(name),
             confidence=draw(st.floats(0, 1)), negated=draw(st.booleans()),
             speaker=draw(st.sampled_from([None, keys[0]])), rule="synthetic",
             start=0, end=5, modality=draw(st.sampled_from([None, "asserted", "future"])))
        for _ in range(draw(st.integers(0, 4)))
    )
    article = Article(id=aid, text=draw(name), title=draw(st.one_of(st.none(), name)),
                      date=draw(st.sampled_from([None, "2016-03-01", "2016-03-01T10:20:00"])),
                      url=draw(st.sampled_from([None, "https://example.org/a?b=1", "not a url <x>"])),
                      author=draw(st.one_of(st.none(), name)), publisher=draw(st.one_of(st.none(), name)))
    return ArticleFacts(article, entities, facts)


# Article ids are file names or feed ids: no control characters (those are dropped
# from literals, so such an id could not be read back from the store).
article_id = name.filter(lambda s: not re.search("[\x00-\x1f\ufffe\uffff]", s))


@st.composite
def corpora(draw):
    ids = draw(st.lists(article_id, min_size=1, max_size=3, unique_by=lambda k: " ".join(k.split())))
    return [draw(article_facts(article_id=i)) for i in ids]


def memory_store(afs: list[ArticleFacts]) -> KGStore:
    store = KGStore.memory()
    for af in afs:
        store.put_article(af.article.id, article_quads(af))
    return store


# -- term conversion between the two libraries ----------------------------------------


def from_rdflib(t) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, rdflib.URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, rdflib.BNode):
        return ox.BlankNode(str(t))
    if t.language:
        return ox.Literal(str(t), language=t.language)
    return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)


def rdflib_triples(data: bytes, fmt: str) -> set[ox.Triple]:
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return {ox.Triple(*map(from_rdflib, t)) for t in g}


def rdflib_quads(data: bytes, fmt: str) -> set[ox.Quad]:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    return {ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), ox.NamedNode(str(g)))
            for s, p, o, g in ds.quads((None, None, None, None)) if g is not None and str(g) != str(ds.default_graph.identifier)}


@pytest.fixture(autouse=True)
def _literal_lexical_forms_kept(monkeypatch):
    # compare lexical forms as written, not rdflib's normalised values
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)


RDFLIB_NAME = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
               "rdfxml": "xml"}
HYPO = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


@HYPO
@given(corpora())
def test_every_export_reparses_to_the_same_graph(afs):
    store = memory_store(afs)
    triples = set(store.triples())
    quads = set(store)
    for fmt, (_, _, dataset) in RDF_FORMATS.items():
        buf = io.BytesIO()
        n = write_rdf(store, fmt, buf)
        data = buf.getvalue()
        assert n == (len(quads) if dataset else len(triples)), fmt
        if dataset:
            assert rdflib_quads(data, RDFLIB_NAME[fmt]) == quads, fmt
        else:
            assert rdflib_triples(data, RDFLIB_NAME[fmt]) == triples, fmt
        if fmt == "turtle":  # our own writer: pyoxigraph must read it too
            assert {q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)} == triples


@HYPO
@given(corpora())
def test_rdflib_api_over_the_store_writes_what_pyoxigraph_reads(afs):
    """rdflib's own serialisers, reading the store through oxrdflib (no copy), re-parsed by pyoxigraph."""
    store = memory_store(afs)
    ds = store.rdflib_dataset()
    quads = set(store)
    nq = ds.serialize(format="nquads", encoding="utf-8")
    assert canon(ox.parse(nq, format=ox.RdfFormat.N_QUADS)) == canon(quads)
    trig = ds.serialize(format="trig", encoding="utf-8")
    assert canon(ox.parse(trig, format=ox.RdfFormat.TRIG)) == canon(quads)
    assert len(ds) == len(set(store.triples()))


_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("decimal", "integer", "double", "float")}


def canon(quads) -> set[tuple]:
    """Quads with numbers compared by value: Oxigraph stores "0.50"^^xsd:decimal as "0.5", rdflib writes "0.0" for "0"."""
    def term(t):
        if isinstance(t, ox.Literal) and t.datatype.value in _NUMERIC:
            return (t.datatype.value, Decimal(t.value))
        return t
    return {(q.subject, q.predicate, term(q.object), q.graph_name) for q in quads}


def test_iris_are_valid_and_stable_for_hostile_names():
    af = ArticleFacts(Article(id="x/y 'z' 🚀", text="t"),
                      tuple(Entity(k, "Person") for k in ODD),
                      (Fact(ODD[0], "supplies", ODD[1], "e", 0.5),))
    quads = article_quads(af)
    again = article_quads(af)
    assert quads == again
    for q in quads:
        for t in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(t, ox.NamedNode):
                # a strict IRI parser accepts it, and it survives N-Triples both ways
                assert rdflib.URIRef(t.value).n3() == str(t)
                assert not any(c in t.value for c in ' <>"{}|\\^`\n')


@settings(max_examples=30, deadline=None)
@given(corpora(), st.data())
def test_removing_articles_keeps_exactly_the_supported_direct_triples(afs, data):
    store = memory_store(afs)
    # a second version of one article replaces exactly its own graph
    changed = data.draw(article_facts(article_id=afs[0].article.id))
    store.put_article(changed.article.id, article_quads(changed))
    afs = [changed, *afs[1:]]
    g = ox.NamedNode(article_graph(changed.article.id))
    assert set(store.store.quads_for_pattern(None, None, None, g)) == set(article_quads(changed))
    removed = data.draw(st.lists(st.sampled_from([a.article.id for a in afs]), unique=True))
    for article_id in removed:
        assert store.remove_article(article_id)
        assert not store.remove_article(article_id)
    remaining = [a for a in afs if a.article.id not in removed]
    assert store.article_ids() == sorted({a.article.id for a in remaining})
    rel_iris = {f"{NS}{r}" for r in RELATIONS}
    direct = {(t.subject, t.predicate, t.object) for t in store.triples() if t.predicate.value in rel_iris}
    supported = set()
    for row in store.query(f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?s ?p ?o WHERE {{ ?st a <{NS}Statement> ; rdf:subject ?s ; rdf:predicate ?p ;
            rdf:object ?o ; <{NS}negated> false }}"""):
        supported.add((row["s"], row["p"], row["o"]))
    assert direct == supported
    expected_statements = {q.subject for a in remaining for q in article_quads(a)
                           if q.object == ox.NamedNode(f"{NS}Statement")}
    got = {r["st"] for r in store.query(f"SELECT ?st WHERE {{ ?st a <{NS}Statement> }}")}
    assert got == expected_statements


def test_put_article_rejects_quads_of_another_graph(tmp_path):
    store = KGStore(tmp_path)
    q = ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"),
                ox.NamedNode(article_graph("other")))
    with pytest.raises(ValueError, match="E062"):
        store.put_article("a", [q])
    assert len(store) == 0


def test_bulk_batch_interrupted_is_rolled_back_on_next_open(tmp_path):
    """A journal left by a bulk load that never finished drops that batch's articles."""
    from kg.store.store import JOURNAL

    afs = [ArticleFacts(Article(id=f"a{i}", text="t"), (Entity("Russia", "Country"),), ()) for i in range(3)]
    store = KGStore(tmp_path)
    store.put_articles([(a.article.id, article_quads(a)) for a in afs[:1]])
    store.bulk_put_articles([(a.article.id, article_quads(a)) for a in afs[1:]])
    assert store.article_ids() == ["a0", "a1", "a2"] and not (tmp_path / JOURNAL).exists()
    store.close()
    (tmp_path / JOURNAL).write_text("a2\n")  # as if the process died inside the last batch
    store = KGStore(tmp_path)
    assert store.article_ids() == ["a0", "a1"] and not (tmp_path / JOURNAL).exists()
    store.close()


def test_writer_bulk_path_equals_transactional_path(tmp_path):
    from kg.store.store import ArticleWriter

    afs = [ArticleFacts(Article(id=f"a{i}", text=f"t{i}"), (Entity(f"E{i}", "Person"), Entity("Russia", "Country")),
                        (Fact(f"E{i}", "supports", "Russia", "e", 0.7),)) for i in range(20)]
    stores = []
    for bulk, batch in ((True, 10), (False, 10)):
        store = KGStore(tmp_path / f"bulk{bulk}")
        w = ArticleWriter(store, bulk=bulk, batch_quads=batch)
        for af in afs:
            w.put(af.article.id, article_quads(af))
        w.flush()
        stores.append(store)
    assert set(stores[0]) == set(stores[1]) and len(stores[0].article_ids()) == 20
    assert stores[0].count_triples() == len(set(stores[0].triples()))


def test_confidence_is_a_decimal_literal():
    af = ArticleFacts(Article(id="a", text="t"), (Entity("A", "Person"), Entity("B", "Person")),
                      (Fact("A", "supports", "B", "e", 0.123456),))
    conf = [q.object for q in article_quads(af) if q.predicate.value == f"{NS}confidence"]
    assert [Decimal(c.value) for c in conf] == [Decimal("0.123")]
