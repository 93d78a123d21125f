"""Network analysis of the fact graph: central actors, communities, chains of facts.

All functions take the ``MultiDiGraph`` of :func:`kg.viz.network.to_networkx`
and look only at entities that take part in facts.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for n in "abc":
    ...     G.add_node(n, label=n.upper(), type="Country", alt_labels=[], facts=0)
    >>> G.add_edge("a", "b", key="supplies", relation="supplies", evidence=[], articles=1)
    'supplies'
    >>> G.add_edge("b", "c", key="attacks", relation="attacks", evidence=[], articles=1)
    'attacks'
    >>> [[G.nodes[n]["label"] for n in step.path] for step in fact_paths(G, "a", "c")]
    [['A', 'B', 'C']]
    >>> centrality(G, top=1)["betweenness"][0][:2]
    ('b', 'B')
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import Errors, KGError, KGUsageError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Above this many nodes, betweenness is estimated from this many sampled sources (seeded).
BETWEENNESS_SAMPLE = 500


def fact_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph of the entities in facts; edge ``weight`` = number of facts between the pair."""
    import networkx as nx

    H = nx.Graph()
    for s, o in G.edges():
        if s == o:
            continue
        if H.has_edge(s, o):
            H[s][o]["weight"] += 1
        else:
            H.add_edge(s, o, weight=1)
    return H


def centrality(G: nx.MultiDiGraph, *, top: int = 10) -> dict[str, list[tuple[str, str, float]]]:
    """The ``top`` entities by degree, betweenness and PageRank: ``{measure: [(iri, label, score), ...]}``.

    Degree is the number of facts an entity takes part in; betweenness is
    computed on the undirected fact graph (sampled beyond
    :data:`BETWEENNESS_SAMPLE` nodes, with a fixed seed); PageRank runs on the
    directed graph with one edge per fact, so actors that many others act on rank high.
    """
    import networkx as nx

    H = fact_graph(G)
    label = lambda v: G.nodes[v].get("label", v)  # noqa: E731
    scores: dict[str, dict] = {}
    scores["degree"] = {v: float(d) for v, d in G.degree() if d}
    if H.number_of_nodes():
        k = None if H.number_of_nodes() <= BETWEENNESS_SAMPLE else BETWEENNESS_SAMPLE
        scores["betweenness"] = nx.betweenness_centrality(H, k=k, seed=0, normalized=True)
        D = nx.DiGraph()
        for s, o in G.edges():
            if s != o:
                D.add_edge(s, o, weight=D[s][o]["weight"] + 1 if D.has_edge(s, o) else 1)
        scores["pagerank"] = _pagerank(D)
    else:
        scores["betweenness"] = {}
        scores["pagerank"] = {}
    out = {}
    for name, sc in scores.items():
        ranked = sorted(sc.items(), key=lambda kv: (-kv[1], label(kv[0]), kv[0]))[:top]
        out[name] = [(v, label(v), round(s, 6)) for v, s in ranked]
    return out


def _pagerank(D: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict:
    """Weighted PageRank by power iteration (networkx's own needs scipy, which kg does not)."""
    nodes = list(D)
    n = len(nodes)
    if not n:
        return {}
    out_w = {v: sum(d["weight"] for _, _, d in D.out_edges(v, data=True)) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in nodes if not out_w[v]) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for s, o, d in D.edges(data=True):
            new[o] += alpha * rank[s] * d["weight"] / out_w[s]
        err = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def communities(G: nx.MultiDiGraph, *, seed: int = 0, min_size: int = 2) -> list[list[str]]:
    """Communities of the fact graph (Louvain, weighted by facts, fixed seed), largest first;
    each a list of IRIs, most-connected first."""
    import networkx as nx

    H = fact_graph(G)
    if not H.number_of_nodes():
        return []
    found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    deg = dict(H.degree(weight="weight"))
    out = [sorted(c, key=lambda v: (-deg[v], G.nodes[v].get("label", v), v)) for c in found if len(c) >= min_size]
    return sorted(out, key=lambda c: (-len(c), G.nodes[c[0]].get("label", c[0])))


@dataclass(frozen=True)
class Chain:
    """One chain of entities ``path`` and, for each step, the facts linking the two (either direction)."""

    path: tuple[str, ...]
    steps: tuple[tuple[tuple[str, str, str, dict], ...], ...]  # per hop: (subject, object, relation, data)


def fact_paths(G: nx.MultiDiGraph, a: str, b: str, *, max_hops: int = 4, limit: int = 5) -> list[Chain]:
    """The shortest chains of facts linking entities ``a`` and ``b`` (IRIs), at most ``limit`` of them.

    Raises :class:`kg.errors.KGError` (E083) when no chain of at most ``max_hops`` facts exists.
    """
    import networkx as nx

    H = fact_graph(G)
    if a not in H or b not in H:
        raise KGError(Errors.E083.format(a=_lbl(G, a), b=_lbl(G, b), hops=max_hops))
    try:
        paths = nx.all_shortest_paths(H, a, b)
        chains = []
        for path in paths:
            if len(path) - 1 > max_hops:
                break
            chains.append(path)
            if len(chains) >= limit:
                break
    except nx.NetworkXNoPath:
        chains = []
    if not chains:
        raise KGError(Errors.E083.format(a=_lbl(G, a), b=_lbl(G, b), hops=max_hops))
    chains.sort(key=lambda p: [G.nodes[v].get("label", v) for v in p])
    out = []
    for path in chains:
        steps = []
        for x, y in zip(path, path[1:]):
            facts = [(x, y, k, d) for k, d in G.get_edge_data(x, y, default={}).items()]
            facts += [(y, x, k, d) for k, d in G.get_edge_data(y, x, default={}).items()]
            steps.append(tuple(sorted(facts, key=lambda f: (f[2], f[0]))))
        out.append(Chain(tuple(path), tuple(steps)))
    return out


def _lbl(G, v) -> str:
    return G.nodes[v].get("label", v) if v in G else v


def resolve_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The IRI of the entity called ``name``: an IRI, a label or an alternative label (any case).

    When several entities match, the one in most facts wins; a tie raises E082;
    no match raises E081 with the closest names.
    """
    if name in G:
        return name
    want = name.strip().lower()
    tiers = [
        [v for v, d in G.nodes(data=True) if d.get("label") == name.strip()],
        [v for v, d in G.nodes(data=True) if d.get("label", "").lower() == want],
        [v for v, d in G.nodes(data=True) if want in (x.lower() for x in d.get("alt_labels", ()))],
        [v for v, d in G.nodes(data=True) if want and want in d.get("label", "").lower()],
    ]
    for cands in tiers:
        if not cands:
            continue
        cands.sort(key=lambda v: (-G.nodes[v].get("facts", 0), v))
        if len(cands) > 1 and G.nodes[cands[0]].get("facts", 0) == G.nodes[cands[1]].get("facts", 0):
            shown = ", ".join(G.nodes[v].get("label", v) for v in cands[:5])
            raise KGUsageError(Errors.E082.format(name=name, n=len(cands), choices=shown))
        return cands[0]
    labels = sorted({d.get("label", "") for _, d in G.nodes(data=True)})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise KGUsageError(Errors.E081.format(name=name, hint=hint))
