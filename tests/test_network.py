"""The networkx view of the graph, Gephi exports, analysis and the analyze/path commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from test_viz import EVIL_PERSON, build_fixture

ENT = "https://w3id.org/kg-news/id/entity/"


@pytest.fixture(scope="module")
def fx(tmp_path_factory):
    return build_fixture(tmp_path_factory.mktemp("net-fixture"))


@pytest.fixture(scope="module")
def G(fx):
    from kg.store import KGStore
    from kg.viz.network import to_networkx

    with KGStore(fx, create=False, read_only=True) as store:
        return to_networkx(store)


def kg_cli(*args, check=True):
    p = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def test_nodes_are_entities_with_their_attributes(G):
    russia = G.nodes[ENT + "Russia"]
    assert russia["label"] == "Russia" and russia["type"] == "Country"
    assert russia["alt_labels"] == ["Moscow", "the Kremlin"]
    assert russia["country_code"] == "RUS" and russia["wikidata"] == "Q159"
    assert russia["articles"] == 3 and russia["facts"] == 5
    assert G.nodes[ENT + "Vladimir_Putin"]["type"] == "Person"
    assert G.number_of_nodes() == 10


def test_edges_are_direct_facts_with_evidence(G):
    assert G.number_of_edges() == 10
    assert not G.has_edge(ENT + "Russia", ENT + "Syria", key="attacks")  # negated in a1
    d = G.edges[ENT + "Russia", ENT + "Syria", "supplies"]
    assert d["relation"] == "supplies" and d["quad"] == "material_cooperation"
    assert d["articles"] == 2 and d["max_confidence"] == 0.9
    assert d["confidence"] == 0.96  # 0.9 and 0.6 from two articles: 1 - 0.1 * 0.4
    assert [e["article"] for e in d["evidence"]] == ["a1", "a2"]
    first = d["evidence"][0]
    assert first["speaker"] == "Vladimir Putin" and first["modality"] == "continuing"
    assert first["title"].startswith("Putin pledges aid") and first["date"] == "2015-09-15"
    assert first["statement"].startswith("https://w3id.org/kg-news/id/statement/a1-")
    assert G.edges[ENT + "Vladimir_Putin", ENT + "Russia", "leaderOf"]["quad"] == "standing"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_round_trips(fx, G, tmp_path, fmt):
    import networkx as nx

    from kg.store import KGStore
    from kg.viz.network import export_network

    path = tmp_path / f"g.{fmt}"
    with KGStore(fx, create=False, read_only=True) as store:
        export_network(store, fmt, path)
    H = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    labels = {d["label"] for _, d in H.nodes(data=True)}
    assert EVIL_PERSON in labels and "Russia" in labels
    rels = sorted(d["relation"] for _, _, d in H.edges(data=True))
    assert rels == sorted(k for _, _, k in G.edges(keys=True))
    supplies = next(d for _, _, d in H.edges(data=True) if d["relation"] == "supplies")
    assert len(json.loads(supplies["evidence_json"])) == 2 and supplies["quad"] == "material_cooperation"


def test_export_rejects_unknown_format(fx, tmp_path):
    from kg.errors import KGUsageError
    from kg.store import KGStore
    from kg.viz.network import export_network

    with KGStore(fx, create=False, read_only=True) as store, pytest.raises(KGUsageError, match="E080"):
        export_network(store, "dot", tmp_path / "g.dot")


def test_centrality_and_communities(G):
    from kg.viz.analysis import centrality, communities

    c = centrality(G, top=3)
    assert c["degree"][0][1] == "Russia" and c["degree"][0][2] == 5
    assert c["betweenness"][0][1] == "Russia"  # every chain between the two halves passes through it
    assert {lab for _, lab, _ in c["pagerank"]} & {"Syria", "Islamic State", "Russia"}
    comms = communities(G)
    members = [v for c in comms for v in c]
    assert len(members) == len(set(members)) == 10
    assert all(len(c) >= 2 for c in comms)


def test_fact_paths_give_the_shortest_chains_with_evidence(G):
    from kg.errors import KGError
    from kg.viz.analysis import fact_paths

    chains = fact_paths(G, ENT + "Latakia", ENT + "Iraq")
    assert [c.path for c in chains] == [(ENT + "Latakia", ENT + "Syria", ENT + "Russia", ENT + "Iraq")]
    rels = [[f[2] for f in step] for step in chains[0].steps]
    assert rels == [["locatedIn"], ["supplies"], ["consultsWith"]]
    with pytest.raises(KGError, match="E083"):
        fact_paths(G, ENT + "Latakia", ENT + "Iraq", max_hops=2)


def test_resolve_entity_by_label_alias_and_case(G):
    from kg.errors import KGUsageError
    from kg.viz.analysis import resolve_entity

    assert resolve_entity(G, "russia") == ENT + "Russia"
    assert resolve_entity(G, "Putin") == ENT + "Vladimir_Putin"
    assert resolve_entity(G, "daesh") == ENT + "Islamic_State"
    with pytest.raises(KGUsageError, match="E081.*Russia"):
        resolve_entity(G, "Rusia")


def test_cli_analyze(fx):
    out = kg_cli("analyze", "--out", str(fx), "--top", "3").stdout
    assert "10 entities in 10 facts" in out
    assert out.index("Degree") < out.index("Russia") < out.index("Betweenness") < out.index("PageRank")
    assert "Communities" in out
    data = json.loads(kg_cli("analyze", "--out", str(fx), "--json").stdout)
    assert data["facts"] == 10 and data["centrality"]["degree"][0]["label"] == "Russia"


def test_cli_path(fx):
    out = kg_cli("path", "Latakia", "iraq", "--out", str(fx)).stdout
    assert "Chain 1: Latakia - Syria - Russia - Iraq" in out
    assert "Russia supplies Syria  [2 articles, confidence 0.96]" in out
    assert '"Lavrov met his Iraqi counterpart."' in out
    assert "said by Vladimir Putin" in out
    bad = kg_cli("path", "Latakia", "Atlantis", "--out", str(fx), check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("kg path: E081") and "Traceback" not in bad.stderr
    far = kg_cli("path", "Latakia", "Iraq", "--max-hops", "1", "--out", str(fx), check=False)
    assert far.returncode == 1 and "E083" in far.stderr


def test_cli_analyze_needs_a_store(tmp_path):
    p = kg_cli("analyze", "--out", str(tmp_path / "none"), check=False)
    assert p.returncode == 1 and "E003" in p.stderr


@pytest.mark.parametrize("cmd", ["analyze", "path"])
def test_help(cmd):
    out = kg_cli(cmd, "--help").stdout
    assert "examples:" in out and f"kg {cmd}" in out


@pytest.mark.model
def test_networkx_of_the_sample_build(sample_store):
    """The real sample: every direct fact triple is an edge, every typed entity a node."""
    from kg.viz.network import to_networkx

    G = to_networkx(sample_store)
    direct = {
        (r["s"].value, r["o"].value, r["p"].value.rsplit("#", 1)[1])
        for r in sample_store.query(
            "SELECT DISTINCT ?s ?p ?o WHERE { ?st a <https://w3id.org/kg-news/ontology#Statement> ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; "
            "<https://w3id.org/kg-news/ontology#negated> false }"
        )
    }
    assert set(G.edges(keys=True)) == direct
    typed = {r["e"].value for r in sample_store.query(
        "SELECT DISTINCT ?e WHERE { ?e a ?t FILTER(STRSTARTS(STR(?t), 'https://w3id.org/kg-news/ontology#') "
        "&& ?t NOT IN (<https://w3id.org/kg-news/ontology#Article>, <https://w3id.org/kg-news/ontology#Statement>)) }")}
    assert typed <= set(G)
