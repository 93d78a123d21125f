"""kg path: the chains of facts linking two entities, with their evidence."""

from __future__ import annotations

HELP = "print the chains of facts linking two entities, with evidence"
DESCRIPTION = """\
Find the shortest chains of facts that link entity A to entity B in the graph
held in the store (--out, default ./output), whichever way each fact points,
and print every fact on the way with its evidence: the sentence, the
article's title, id and date, the confidence and who said it.

A and B are labels ("Russia"), alternative labels ("Putin") or entity IRIs;
case does not matter. When several entities match, the one in most facts is
used.
"""
EPILOG = """\
examples:
  kg path Russia Syria
  kg path "Sergey Lavrov" Iraq --max-hops 3
  kg path Putin "Islamic State" --limit 2 --out mygraph
"""


def add_arguments(p) -> None:
    p.add_argument("a", metavar="A", help="the first entity (label, alternative label or IRI)")
    p.add_argument("b", metavar="B", help="the second entity")
    p.add_argument("--out", "-o", "--store", dest="out", default="output", metavar="DIR",
                   help="the build folder holding store/ (default: %(default)s)")
    p.add_argument("--max-hops", type=int, default=4, help="longest chain to look for (default: %(default)s)")
    p.add_argument("--limit", type=int, default=5, help="how many chains to print (default: %(default)s)")
    p.add_argument("--evidence", type=int, default=3, metavar="N",
                   help="sentences to print per fact (default: %(default)s; 0 for none)")


def run(args) -> int:
    from kg.store import KGStore
    from kg.viz.analysis import fact_paths, resolve_entity
    from kg.viz.network import to_networkx

    with KGStore(args.out, create=False, read_only=True) as store:
        G = to_networkx(store)
    a, b = resolve_entity(G, args.a), resolve_entity(G, args.b)
    chains = fact_paths(G, a, b, max_hops=max(1, args.max_hops), limit=max(1, args.limit))
    label = lambda v: G.nodes[v].get("label", v)  # noqa: E731
    hops = len(chains[0].path) - 1
    print(f"{len(chains)} shortest chain(s) of {hops} fact(s) link {label(a)} and {label(b)}.")
    for i, chain in enumerate(chains, 1):
        print(f"\nChain {i}: " + " - ".join(label(v) for v in chain.path))
        for facts in chain.steps:
            for s, o, rel, d in facts:
                n = d.get("articles", 0)
                conf = d.get("confidence")
                print(f"  {label(s)} {rel} {label(o)}  [{n} article{'s' if n != 1 else ''}"
                      + (f", confidence {conf:.2f}]" if conf is not None else "]"))
                for ev in d.get("evidence", [])[: max(0, args.evidence)]:
                    print(f"      \"{' '.join(ev['sentence'].split())}\"")
                    src = [ev.get("title") or "(untitled)", ev["article"]]
                    if ev.get("date"):
                        src.append(ev["date"])
                    if ev.get("speaker"):
                        src.append(f"said by {ev['speaker']}")
                    print(f"      -- {'; '.join(src)}")
    return 0
