"""kg analyze: the most central actors and the communities of the fact graph."""

from __future__ import annotations

import json

HELP = "print the most central actors (degree, betweenness, PageRank) and the communities"
DESCRIPTION = """\
Analyse the network of entities and facts held in the store (--out, default
./output) with networkx:

  degree       how many facts an entity takes part in;
  betweenness  how often it lies on the shortest chain of facts between two
               others (estimated from 500 sampled sources on graphs above 500
               entities);
  PageRank     how much the graph's facts point at it, weighted by facts;
  communities  groups of entities more linked to each other than to the
               rest (Louvain, fixed seed, so the same graph gives the same
               groups).

Only entities that take part in at least one fact are counted.
"""
EPILOG = """\
examples:
  kg analyze                       # the graph in ./output
  kg analyze --top 5 --out mygraph
  kg analyze --json > analysis.json
"""


def add_arguments(p) -> None:
    p.add_argument("--out", "-o", "--store", dest="out", default="output", metavar="DIR",
                   help="the build folder holding store/ (default: %(default)s)")
    p.add_argument("--top", "-n", type=int, default=10, help="how many actors per measure (default: %(default)s)")
    p.add_argument("--communities", type=int, default=10, metavar="N",
                   help="how many communities to list (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")


def run(args) -> int:
    from kg.errors import Errors, KGError
    from kg.store import KGStore
    from kg.viz.analysis import centrality, communities
    from kg.viz.network import to_networkx

    with KGStore(args.out, create=False, read_only=True) as store:
        G = to_networkx(store)
    if not G.number_of_edges():
        raise KGError(Errors.E084.format(path=args.out))
    cent = centrality(G, top=max(1, args.top))
    comms = communities(G)[: max(0, args.communities)]
    in_facts = sum(1 for _, d in G.nodes(data=True) if d.get("facts"))
    if args.json:
        print(json.dumps({
            "entities": G.number_of_nodes(),
            "entities_in_facts": in_facts,
            "facts": G.number_of_edges(),
            "centrality": {m: [{"iri": v, "label": lab, "type": G.nodes[v].get("type"), "score": s}
                               for v, lab, s in rows] for m, rows in cent.items()},
            "communities": [[{"iri": v, "label": G.nodes[v].get("label")} for v in c] for c in comms],
        }, indent=2, ensure_ascii=False))
        return 0
    print(f"{in_facts} entities in {G.number_of_edges()} facts ({G.number_of_nodes()} entities in all).")
    titles = {
        "degree": "Degree (facts the entity takes part in)",
        "betweenness": "Betweenness (lies on the chains between others)",
        "pagerank": "PageRank (facts point at it)",
    }
    for measure in ("degree", "betweenness", "pagerank"):
        print(f"\n{titles[measure]}")
        width = max((len(lab) for _, lab, _ in cent[measure]), default=10)
        for i, (v, lab, score) in enumerate(cent[measure], 1):
            shown = f"{int(score)}" if measure == "degree" else f"{score:.4f}"
            print(f"  {i:>3}. {lab:<{width}}  {G.nodes[v].get('type') or '-':<12} {shown:>8}")
    print(f"\nCommunities (Louvain): {len(communities(G))} with two or more entities")
    for i, c in enumerate(comms, 1):
        names = ", ".join(G.nodes[v].get("label", v) for v in c[:12])
        more = f", ... (+{len(c) - 12})" if len(c) > 12 else ""
        print(f"  {i:>3}. {len(c)} entities: {names}{more}")
    return 0
