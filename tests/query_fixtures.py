"""A small hand-made graph for testing the saved queries: every expected row is known.

It goes through the real graph and store code (``article_quads``, ``KGStore``);
only the extraction is replaced by facts written by hand.
"""

from __future__ import annotations

from pathlib import Path

from kg.extract.types import ArticleFacts, Entity, Fact
from kg.ingest.article import Article

RUSSIA = Entity("Russia", "Country", ("Moscow", "Kremlin"), "RUS", "Q159")
SYRIA = Entity("Syria", "Country", ("Damascus",), "SYR", "Q858")
IRAQ = Entity("Iraq", "Country", ("Baghdad",), "IRQ")
USA = Entity("United States", "Country", ("US", "Washington"), "USA")
PUTIN = Entity("Vladimir Putin", "Person", ("Putin",))
LAVROV = Entity("Sergey Lavrov", "Person", ("Lavrov", "Sergei Lavrov"))
MOALLEM = Entity("Walid al-Moallem", "Person", ("al-Moallem",))
IS = Entity("Islamic State", "ArmedGroup", ("ISIS", "Daesh"))


def _f(s, rel, o, start, *, neg=False, speaker=None, conf=0.8):
    return Fact(s.key, rel, o.key, f"{s.key} {rel} {o.key} (sentence at {start}).", conf, negated=neg,
                speaker=speaker.key if speaker else None, rule="hand", start=start, end=start + 40)


A1 = ArticleFacts(
    Article("a1", "text one", title="Putin: Russia will keep supplying Syria", date="2015-10-01"),
    (RUSSIA, SYRIA, IRAQ, PUTIN, LAVROV, IS),
    (
        _f(PUTIN, "leaderOf", RUSSIA, 0),
        _f(RUSSIA, "supplies", SYRIA, 50, speaker=PUTIN),
        _f(RUSSIA, "supplies", IRAQ, 50, speaker=PUTIN),
        _f(RUSSIA, "supports", SYRIA, 100),
        _f(LAVROV, "officialOf", RUSSIA, 150),
        _f(SYRIA, "attacks", IS, 200),
        _f(RUSSIA, "supplies", IS, 250, neg=True),
    ),
)
A2 = ArticleFacts(
    Article("a2", "text two", title="Lavrov talks to al-Moallem", date="2015-10-02"),
    (RUSSIA, SYRIA, USA, LAVROV, MOALLEM, IS),
    (
        _f(RUSSIA, "supplies", SYRIA, 10),
        _f(LAVROV, "consultsWith", MOALLEM, 60),
        _f(USA, "attacks", IS, 110),
        _f(USA, "supports", IS, 160, speaker=LAVROV),
        _f(LAVROV, "officialOf", RUSSIA, 210),
    ),
)
ARTICLES = (A1, A2)


def build_toy(out: Path) -> Path:
    """Write the two hand-made articles into a store (and graph.ttl) under ``out``."""
    from kg.export.turtle import write_turtle
    from kg.graph import article_quads
    from kg.store import KGStore

    with KGStore(out) as store:
        for af in ARTICLES:
            store.put_article(af.article.id, article_quads(af))
        store.flush()
        with open(out / "graph.ttl", "w", encoding="utf-8") as f:
            write_turtle(store.triples(), f)
    return out


def build_repeated(out: Path, n: int = 300) -> Path:
    """``n`` copies of the two toy articles: every entity is named in ``n`` article graphs.

    In the union default graph an entity's label then repeats ``n`` times, which is what
    makes careless queries slow (a join on two labels multiplies rows by ``n * n``).
    """
    from dataclasses import replace

    from kg.graph import article_quads
    from kg.store import KGStore

    with KGStore(out) as store:
        batch = []
        for i in range(n):
            for af in ARTICLES:
                a = replace(af.article, id=f"{af.article.id}-{i:04d}", text=f"{af.article.text} {i}")
                batch.append((a.id, article_quads(ArticleFacts(a, af.entities, af.facts))))
        store.put_articles(batch)
        store.flush()
    return out
