"""The HTML pages: structure, self-containment, escaping; built from a small hand-made graph.

The graph is made directly from ``ArticleFacts`` (``kg.graph.article_quads`` into a
``KGStore``), so these tests do not depend on the extractor's current quality.
Its entity names, titles and sentences carry HTML/JS payloads: no page may run them.
``build_fixture`` is shared with tests/test_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = "<script>window.__xss = 'script'</script>"
IMG = "<img src=x onerror=\"window.__xss='img'\">"
BREAKOUT = "</script><script>window.__xss='breakout'</script><!--"
EVIL_PERSON = f"Evil {IMG} Person"
EVIL_GROUP = f"Group {SCRIPT}"


def fixture_articles():
    """Three articles, facts in every quad class, dates, confidences, a speaker, a negated
    fact, a fact two articles support, and payloads in names, titles and evidence."""
    from kg.extract.types import ArticleFacts, Entity, Fact
    from kg.ingest.article import Article

    ents = {
        "Russia": Entity("Russia", "Country", ("Moscow", "the Kremlin"), "RUS", "Q159"),
        "Syria": Entity("Syria", "Country", ("Damascus",), "SYR", "Q858"),
        "Iraq": Entity("Iraq", "Country", (), "IRQ", "Q796"),
        "Vladimir Putin": Entity("Vladimir Putin", "Person", ("Putin",), None, "Q7747"),
        "Islamic State": Entity("Islamic State", "ArmedGroup", ("ISIS", "Daesh")),
        "United Nations": Entity("United Nations", "Organization", ("UN",)),
        "Latakia": Entity("Latakia", "Location"),
        EVIL_PERSON: Entity(EVIL_PERSON, "Person", (f"alias {SCRIPT}",)),
        EVIL_GROUP: Entity(EVIL_GROUP, "ArmedGroup"),
        "Tajikistan": Entity("Tajikistan", "Country", (), "TJK"),
    }

    def F(s, r, o, ev, conf, **kw):
        return Fact(s, r, o, ev, conf, rule="test", **kw)

    a1 = Article(
        id="a1", title=f"Putin pledges aid {SCRIPT}", date="2015-09-15",
        text="Russia has provided and will continue to provide military assistance to Syria.",
    )
    a2 = Article(id="a2", title="Lavrov on Syria & Iraq", date="2015-10-01", text="Russia supplies Syria.")
    a3 = Article(id="a3", title=f"Evil article {IMG}", date="2016-02-20", text="x")
    f1 = ArticleFacts(
        a1,
        tuple(ents[k] for k in ("Russia", "Syria", "Vladimir Putin", "Islamic State", "Latakia")),
        (
            F("Russia", "supplies", "Syria",
              "Russia has provided and will continue to provide military assistance to Syria.", 0.9,
              speaker="Vladimir Putin", modality="continuing"),
            F("Russia", "attacks", "Islamic State", "Russian jets struck Islamic State positions.", 0.8),
            F("Vladimir Putin", "leaderOf", "Russia", "Russian President Vladimir Putin said.", 0.95),
            F("Latakia", "locatedIn", "Syria", "Latakia province in Syria.", 0.7),
            F("Russia", "attacks", "Syria", "Russia will not attack Syria.", 0.9, negated=True),
        ),
    )
    f2 = ArticleFacts(
        a2,
        tuple(ents[k] for k in ("Russia", "Syria", "Iraq", "United Nations", "Tajikistan")),
        (
            F("Russia", "supplies", "Syria", "Russia supplies Syria with weapons & ammunition.", 0.6),
            F("Russia", "consultsWith", "Iraq", "Lavrov met his Iraqi counterpart.", 0.5),
            F("Iraq", "requests", "United Nations", "Iraq called on the UN to act.", 0.4),
            F("Syria", "accuses", "Islamic State", "Damascus blamed ISIS for the attack.", 0.3),
            F("Tajikistan", "memberOf", "United Nations", "Tajikistan, a member of the UN.", 0.65),
        ),
    )
    f3 = ArticleFacts(
        a3,
        tuple(ents[k] for k in (EVIL_PERSON, EVIL_GROUP, "Russia")),
        (
            F(EVIL_PERSON, "threatens", EVIL_GROUP, f"He said {SCRIPT} and {IMG} then {BREAKOUT}.", 0.55,
              speaker=EVIL_PERSON),
            F(EVIL_GROUP, "attacks", "Russia", f"A sentence with {BREAKOUT} in it.", 0.45),
        ),
    )
    return [f1, f2, f3]


def build_fixture(out_dir: Path) -> Path:
    """Store the fixture articles in ``out_dir/store`` and write the pages; return ``out_dir``."""
    from kg.graph import article_quads
    from kg.store import KGStore
    from kg.viz.pages import write_pages

    store = KGStore(out_dir)
    for af in fixture_articles():
        store.put_article(af.article.id, article_quads(af))
    store.flush()
    write_pages(store, out_dir)
    store.close()
    return out_dir


@pytest.fixture(scope="module")
def fx(tmp_path_factory):
    return build_fixture(tmp_path_factory.mktemp("viz-fixture"))


@pytest.fixture(scope="module")
def G(fx):
    from kg.store import KGStore
    from kg.viz.network import to_networkx

    with KGStore(fx, create=False, read_only=True) as store:
        return to_networkx(store)


def page_json(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m, f"no data block in {path}"
    return json.loads(m.group(1))


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(path: Path) -> list[tuple[str, dict]]:
    p = Tags()
    p.feed(path.read_text(encoding="utf-8"))
    return p.tags


def all_pages(out: Path) -> list[Path]:
    return [out / "graph.html", out / "index.html", *sorted((out / "entity").glob("*.html"))]


# -- what is written --------------------------------------------------------------------


def test_pages_written_for_every_entity_in_facts(fx, G):
    from kg.viz.pages import slugs_for

    in_facts = {v for v, d in G.nodes(data=True) if d["facts"]}
    assert len(in_facts) == 10
    slugs = slugs_for(in_facts)
    assert {p.stem for p in (fx / "entity").glob("*.html")} == set(slugs.values())
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", s) for s in slugs.values())


def test_graph_page_holds_every_fact_with_evidence(fx, G):
    data = page_json(fx / "graph.html")
    assert {n["iri"] for n in data["nodes"]} == {v for v, d in G.nodes(data=True) if d["facts"]}
    assert len(data["edges"]) == G.number_of_edges() == 10  # the negated fact is not an edge
    by_label = {n["id"]: n["label"] for n in data["nodes"]}
    supplies = [e for e in data["edges"] if e["relation"] == "supplies"]
    assert len(supplies) == 1 and supplies[0]["articles"] == 2
    assert by_label[supplies[0]["from"]] == "Russia" and by_label[supplies[0]["to"]] == "Syria"
    ev = supplies[0]["evidence"]
    assert [e["article"] for e in ev] == ["a1", "a2"]
    assert ev[0]["speaker"] == "Vladimir Putin" and ev[0]["date"] == "2015-09-15" and ev[0]["confidence"] == 0.9
    assert ev[1]["title"] == "Lavrov on Syria & Iraq"
    assert {e["quad"] for e in data["edges"]} == {
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "standing"}
    # Russia is in five facts, the largest node.
    sizes = {n["label"]: n["size"] for n in data["nodes"]}
    assert max(sizes, key=sizes.get) == "Russia"


def test_entity_page_is_the_two_hop_neighbourhood(fx, G):
    from kg.viz.pages import slugs_for

    slugs = slugs_for(v for v, d in G.nodes(data=True) if d["facts"])
    iraq = next(v for v in G if G.nodes[v]["label"] == "Iraq")
    data = page_json(fx / "entity" / f"{slugs[iraq]}.html")
    labels = {n["label"] for n in data["nodes"]}
    # one hop: Russia, United Nations; two hops: Russia's and the UN's other neighbours
    assert {"Iraq", "Russia", "United Nations", "Tajikistan", "Syria", "Islamic State", "Vladimir Putin"} <= labels
    assert "Latakia" not in labels  # three hops away (Iraq - Russia - Syria - Latakia)
    focus = [n for n in data["nodes"] if n["focus"]]
    assert [n["label"] for n in focus] == ["Iraq"] and data["meta"]["focus"] == focus[0]["id"]
    assert data["meta"]["entityBase"] == ""


def test_index_lists_entities_by_type_with_fact_counts_and_links(fx, G):
    text = (fx / "index.html").read_text(encoding="utf-8")
    for cls in ("Person", "Country", "Organization", "ArmedGroup", "Location"):
        assert f'id="type-{cls}"' in text
    rows = re.findall(r'<tr data-iri="([^"]+)"><td><a href="entity/([A-Za-z0-9_-]+)\.html">[^<]*</a></td><td class="num">(\d+)</td>', text)
    got = {iri: int(n) for iri, _, n in rows}
    assert got == {v: d["facts"] for v, d in G.nodes(data=True) if d["facts"]}
    assert all((fx / "entity" / f"{slug}.html").exists() for _, slug, _ in rows)


def test_stale_entity_pages_are_removed(tmp_path):
    out = build_fixture(tmp_path / "o")
    stale = out / "entity" / "Gone.html"
    stale.write_text("old")
    from kg.store import KGStore
    from kg.viz.pages import write_pages

    with KGStore(out, create=False) as store:
        write_pages(store, out)
    assert not stale.exists()


# -- self-contained and safe ---------------------------------------------------------------


def test_pages_reference_nothing_outside_themselves(fx):
    for page in all_pages(fx):
        tags = tags_of(page)
        for tag, attrs in tags:
            assert "src" not in attrs, (page.name, tag, attrs)
            if tag == "link":
                assert attrs.get("rel") == "icon" and attrs.get("href") == "data:,", (page.name, attrs)
        csp = [a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert csp and "default-src 'none'" in csp[0] and "connect-src 'none'" in csp[0]
        assert "unsafe-inline" not in csp[0].split("script-src", 1)[1].split(";")[0]
        assert "cdn" not in page.read_text(encoding="utf-8").lower().replace("cdna", "")


def test_vis_network_is_inlined_and_hashed_in_the_csp(fx):
    import base64
    import hashlib

    text = (fx / "graph.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert len(scripts) == 2 and "vis-network" in scripts[0][:2000]
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in text


def test_payloads_never_appear_as_markup(fx):
    for page in all_pages(fx):
        text = page.read_text(encoding="utf-8")
        assert "<img" not in text and "<script>window" not in text, page.name
        # no element the payloads would create exists in the parsed markup
        tags = tags_of(page)
        assert not [a for t, a in tags if t == "img"], page.name
        assert all(set(a) <= {"type", "id"} for t, a in tags if t == "script"), page.name
        assert not [a for t, a in tags for k in a if k.startswith("on")], page.name
        # the data block cannot be closed early
        m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
        if m:
            assert "<" not in m.group(1) and ">" not in m.group(1)


def test_payload_text_survives_as_text(fx, G):
    data = page_json(fx / "graph.html")
    labels = {n["label"] for n in data["nodes"]}
    assert EVIL_PERSON in labels and EVIL_GROUP in labels
    sentences = [ev["sentence"] for e in data["edges"] for ev in e["evidence"]]
    assert any(BREAKOUT in s for s in sentences)
    index = (fx / "index.html").read_text(encoding="utf-8")
    assert "Evil &lt;img src=x onerror=&quot;window.__xss=&#x27;img&#x27;&quot;&gt; Person" in index


def test_quad_classes_match_the_ontology():
    """kg.viz.style.QUAD_CLASS agrees with the kg:quadClass annotations of ontology/kg.ttl."""
    import rdflib

    from kg.viz.style import QUAD_CLASS, QUAD_LABELS
    from kg.vocab import EVENT_RELATIONS, NS

    g = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
    annotated = {
        str(s)[len(NS):]: str(o) for s, o in g.subject_objects(rdflib.URIRef(NS + "quadClass")) if str(s).startswith(NS)
    }
    assert set(annotated) == set(EVENT_RELATIONS)
    assert {r: QUAD_LABELS[QUAD_CLASS[r]] for r in EVENT_RELATIONS} == annotated


# -- layout -----------------------------------------------------------------------------------


def test_large_graphs_get_precomputed_positions_that_keep_neighbours_close():
    import random

    import networkx as nx

    from kg.viz.layout import spring_positions
    from kg.viz.pages import LARGE_GRAPH, page_data, _positions

    rng = random.Random(3)
    G = nx.MultiDiGraph()
    n = LARGE_GRAPH + 100
    for i in range(n):
        G.add_node(f"e{i}", label=f"E{i}", type="Country", alt_labels=[], facts=1, articles=1)
    for i in range(n):  # a ring of cliques: neighbours in the ring are linked
        for j in (1, 2):
            G.add_edge(f"e{i}", f"e{(i + j) % n}", key="supports", relation="supports", quad="verbal_cooperation",
                       evidence=[], articles=1, confidence=0.5)
    for _ in range(50):
        G.add_edge(f"e{rng.randrange(n)}", f"e{rng.randrange(n)}", key="attacks", relation="attacks",
                   quad="material_conflict", evidence=[], articles=1, confidence=0.5)
    pos = _positions(G, list(G))
    data = page_data(G, list(G), slugs={}, positions=pos)
    assert all("x" in node for node in data["nodes"]) and data["meta"]["options"]["physics"]["enabled"] is False

    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    pairs = [(f"e{rng.randrange(n)}", f"e{rng.randrange(n)}") for _ in range(2000)]
    for pos in (pos, spring_positions(sorted(G), list(G.edges()), sample=100)):  # exact, then sampled repulsion
        linked = sum(dist(s, o) for s, o in G.edges()) / G.number_of_edges()
        unlinked = sum(dist(a, b) for a, b in pairs) / len(pairs)
        assert linked * 3 < unlinked

    small = page_data(G, [f"e{i}" for i in range(20)], slugs={})
    assert small["meta"]["options"]["physics"]["enabled"] is True
    assert "x" not in small["nodes"][0]


def test_entity_pages_are_capped_to_the_entities_in_most_facts(tmp_path, G):
    from kg.store import KGStore
    from kg.viz.pages import write_pages

    out = build_fixture(tmp_path / "o")
    with KGStore(out, create=False) as store:
        write_pages(store, out, max_entity_pages=2)
    assert {p.stem for p in (out / "entity").glob("*.html")} == {"Russia", "Syria"}  # 5 and 3 facts
    data = page_json(out / "graph.html")
    assert {n["label"] for n in data["nodes"] if n["page"]} == {"Russia", "Syria"}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<a href="entity/', index)) == 2
