"""Benchmark: the embedded store (pyoxigraph on disk) against rdflib's in-memory Graph.

    .venv/bin/python tests/bench/bench_store.py [--triples 1000000]

Builds one synthetic graph shaped like kg's (entities with types and labels,
event and standing relations between them, Statements with evidence), writes
it once as N-Triples, then measures each side in its own fresh process so the
peak memory (max RSS) is honest:

* load: pyoxigraph ``Store.bulk_load`` into an on-disk store / ``rdflib.Graph.parse``
* group-by: facts per relation (``GROUP BY ?p`` with ``COUNT``)
* two-hop join: ``?a kg:supplies ?b . ?b kg:attacks ?c``, counted
* peak RSS, and RSS at the end (after the queries, the graph still loaded)
* (third column) the same queries through rdflib's API on the embedded store
  via the ``oxrdflib`` plugin, the route kg uses when code needs rdflib's API.

Both sides must return the same answers; the table gives seconds, ratios
(rdflib / pyoxigraph) and peak RSS. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NS = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RELS = ["supplies", "attacks", "supports", "consultsWith", "accuses", "requests", "cooperatesWith", "leaderOf",
        "memberOf", "locatedIn"]
TYPES = ["Person", "Country", "Organization", "ArmedGroup", "Location"]

GROUP_BY = f"""PREFIX kg: <{NS}> PREFIX rdf: <{RDF}>
SELECT ?p (COUNT(?st) AS ?n) WHERE {{ ?st a kg:Statement ; rdf:predicate ?p }} GROUP BY ?p ORDER BY ?p"""
TWO_HOP = f"""PREFIX kg: <{NS}>
SELECT (COUNT(*) AS ?n) WHERE {{ ?a kg:supplies ?b . ?b kg:attacks ?c }}"""


def make_graph(path: Path, n_triples: int, seed: int = 1) -> int:
    """Write about ``n_triples`` distinct triples as N-Triples; return the exact number."""
    import pyoxigraph as ox

    rng = random.Random(seed)
    n_entities = max(100, n_triples // 50)
    ents = [ox.NamedNode(f"{ID}entity/E{i}") for i in range(n_entities)]
    typ, label = ox.NamedNode(RDF + "type"), ox.NamedNode(RDFS + "label")
    rels = [ox.NamedNode(NS + r) for r in RELS]
    st_type, subj, pred, obj = (ox.NamedNode(x) for x in (NS + "Statement", RDF + "subject", RDF + "predicate",
                                                          RDF + "object"))
    evidence = ox.NamedNode(NS + "evidence")
    seen: set = set()

    def triples():
        for i, e in enumerate(ents):
            yield ox.Triple(e, typ, ox.NamedNode(NS + TYPES[i % len(TYPES)]))
            yield ox.Triple(e, label, ox.Literal(f"Entity {i}"))
        i = 0
        while True:
            s, o = rng.choice(ents), rng.choice(ents)
            p = rels[min(int(rng.expovariate(0.5)), len(rels) - 1)]
            st = ox.NamedNode(f"{ID}statement/S{i}")
            i += 1
            yield ox.Triple(s, p, o)
            yield from (ox.Triple(st, typ, st_type), ox.Triple(st, subj, s), ox.Triple(st, pred, p),
                        ox.Triple(st, obj, o), ox.Triple(st, evidence, ox.Literal(f"Sentence {i} says so.")))

    out = []
    for t in triples():
        if t not in seen:
            seen.add(t)
            out.append(t)
            if len(out) >= n_triples:
                break
    with open(path, "wb") as f:
        ox.serialize(out, f, format=ox.RdfFormat.N_TRIPLES)
    return len(out)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_now_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def side_oxigraph(nt: Path, work: Path) -> dict:
    import pyoxigraph as ox

    store = ox.Store(str(work / "store"))
    load, _ = timed(lambda: store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
    store.flush()
    n = len(store)
    gb, rows = timed(lambda: [(r["p"].value, int(r["n"].value)) for r in store.query(GROUP_BY)])
    hop, two = timed(lambda: int(next(iter(store.query(TWO_HOP)))["n"].value))
    return {"load": load, "group_by": gb, "two_hop": hop, "triples": n, "rows": rows, "two": two, "rss": peak_rss_mb(),
            "rss_end": rss_now_mb()}


def side_rdflib(nt: Path, work: Path) -> dict:
    import rdflib

    g = rdflib.Graph()
    load, _ = timed(lambda: g.parse(str(nt), format="nt"))
    n = len(g)
    gb, rows = timed(lambda: [(str(r[0]), int(r[1])) for r in g.query(GROUP_BY)])
    hop, two = timed(lambda: int(next(iter(g.query(TWO_HOP)))[0]))
    return {"load": load, "group_by": gb, "two_hop": hop, "triples": n, "rows": rows, "two": two, "rss": peak_rss_mb(),
            "rss_end": rss_now_mb()}


def side_oxrdflib(nt: Path, work: Path) -> dict:
    """rdflib's API over the on-disk embedded store (oxrdflib): what kg code gets from KGStore.rdflib_dataset()."""
    import pyoxigraph as ox
    import rdflib
    from oxrdflib import OxigraphStore

    inner = ox.Store(str(work / "store"))
    load, _ = timed(lambda: inner.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES))
    g = rdflib.Dataset(store=OxigraphStore(store=inner), default_union=True)
    n = len(inner)
    gb, rows = timed(lambda: [(str(r[0]), int(r[1])) for r in g.query(GROUP_BY)])
    hop, two = timed(lambda: int(next(iter(g.query(TWO_HOP)))[0]))
    return {"load": load, "group_by": gb, "two_hop": hop, "triples": n, "rows": rows, "two": two, "rss": peak_rss_mb(),
            "rss_end": rss_now_mb()}


SIDES = {"pyoxigraph": side_oxigraph, "rdflib": side_rdflib, "oxrdflib": side_oxrdflib}


def run_side(name: str, nt: Path) -> dict:
    with tempfile.TemporaryDirectory() as work:
        r = subprocess.run([sys.executable, __file__, "--side", name, "--file", str(nt), "--work", work],
                           capture_output=True, text=True, check=True)
    return json.loads(r.stdout.splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--triples", type=int, default=1_000_000)
    p.add_argument("--side", choices=SIDES, help=argparse.SUPPRESS)
    p.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--make", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.make:
        print(make_graph(args.file, args.triples))
        return 0
    if args.side:
        print(json.dumps(SIDES[args.side](args.file, args.work)))
        return 0
    with tempfile.TemporaryDirectory() as d:
        nt = Path(d) / "graph.nt"
        # made in a child too: a child's peak RSS starts from its parent's RSS at fork time
        t, n = timed(lambda: int(subprocess.run(
            [sys.executable, __file__, "--make", "--file", str(nt), "--triples", str(args.triples)],
            capture_output=True, text=True, check=True).stdout.split()[-1]))
        print(f"synthetic graph: {n:,} triples, {nt.stat().st_size / 1e6:.0f} MB of N-Triples ({t:.1f} s to make)")
        results = {name: run_side(name, nt) for name in SIDES}
    ox_, rl, orl = results["pyoxigraph"], results["rdflib"], results["oxrdflib"]
    for other in (rl, orl):
        assert other["triples"] == ox_["triples"] == n, (other["triples"], ox_["triples"], n)
        assert sorted(other["rows"]) == sorted(ox_["rows"]) and other["two"] == ox_["two"], "answers differ"
    print(f"\n{'operation':<22}{'rdflib Graph':>14}{'pyoxigraph':>12}{'ratio':>8}{'rdflib API via oxrdflib':>26}")
    for key, label in (("load", "load N-Triples"), ("group_by", "group-by count"), ("two_hop", "two-hop join count")):
        print(f"{label:<22}{rl[key]:>12.2f} s{ox_[key]:>10.2f} s{rl[key] / ox_[key]:>7.1f}x{orl[key]:>24.2f} s")
    print(f"{'peak RSS':<22}{rl['rss']:>11.0f} MB{ox_['rss']:>9.0f} MB{rl['rss'] / ox_['rss']:>7.1f}x{orl['rss']:>23.0f} MB")
    print(f"{'RSS at the end':<22}{rl['rss_end']:>11.0f} MB{ox_['rss_end']:>9.0f} MB"
          f"{rl['rss_end'] / ox_['rss_end']:>7.1f}x{orl['rss_end']:>23.0f} MB")
    print(f"\n(answers equal on all sides: {len(ox_['rows'])} relation counts, two-hop = {ox_['two']:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
