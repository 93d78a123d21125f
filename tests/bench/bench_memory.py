"""Peak resident memory of ``kg build`` for corpora of different sizes.

    .venv/bin/python tests/bench/bench_memory.py [--sizes 2000,20000] [--workers 2] [--max-words N]

For each size, writes a synthetic corpus (``kg.synthetic``: the sample
articles with gazetteer entities substituted, so the graph grows with the
corpus), runs ``kg build CORPUS --no-pages --quiet --workers W`` in a fresh
process and samples, every 0.1 s, the resident memory of the build process
and of each worker process (psutil). Prints the peak RSS of the main process,
of the biggest worker, and of all of them together, with the graph size, so
the trend across sizes shows whether memory grows with the corpus.

``--max-words`` keeps only the first paragraphs of each article (same code
path, fewer words to parse), to run big corpora in less time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def measure(corpus: Path, out: Path, workers: int, pages: bool) -> dict:
    import psutil

    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--quiet", "--workers", str(workers)]
    if not pages:
        cmd.append("--no-pages")
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT)
    peak_main = peak_child = peak_total = 0
    while proc.poll() is None:
        try:
            main = proc.memory_info().rss
            kids = []
            for c in proc.children(recursive=True):
                try:
                    kids.append(c.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
        except psutil.NoSuchProcess:
            break
        peak_main = max(peak_main, main)
        peak_child = max(peak_child, max(kids, default=0))
        peak_total = max(peak_total, main + sum(kids))
        time.sleep(0.1)
    if proc.returncode:
        raise SystemExit(f"kg build failed with exit code {proc.returncode}")
    return {"seconds": time.perf_counter() - t0, "main": peak_main, "worker": peak_child, "total": peak_total}


def graph_size(out: Path) -> dict:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    q = """SELECT (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?st) AS ?statements) WHERE {
             { ?a <https://w3id.org/kg-news/ontology#mentions> ?e } UNION
             { ?st a <https://w3id.org/kg-news/ontology#Statement> } }"""
    row = next(iter(store.query(q, use_default_graph_as_union=True)))
    return {"quads": len(store), "entities": int(row["entities"].value), "statements": int(row["statements"].value)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="2000,20000", help="comma-separated corpus sizes (default: %(default)s)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--max-words", type=int, default=None, help="shorten the synthetic articles")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--pages", action="store_true", help="also write the HTML pages")
    args = p.parse_args(argv)

    from kg.synthetic import write_corpus

    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"kg build --workers {args.workers}{'' if args.pages else ' --no-pages'}; "
          f"synthetic articles{f' of at most ~{args.max_words} words' if args.max_words else ''}; "
          f"{os.cpu_count()} cores", flush=True)
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="kg-mem-") as d:
            corpus = write_corpus(Path(d) / "corpus", n, seed=args.seed, max_words=args.max_words)
            words = sum(len(f.read_text(encoding="utf-8").split()) for f in corpus.glob("*.txt"))
            out = Path(d) / "out"
            m = measure(corpus, out, args.workers, args.pages)
            g = graph_size(out)
        rows.append((n, words, m, g))
        print(f"{n:>7} articles {words:>9} words  {m['seconds']:7.1f} s  peak RSS: main {m['main'] / MB:6.0f} MB, "
              f"biggest worker {m['worker'] / MB:5.0f} MB, all {m['total'] / MB:6.0f} MB  | graph: {g['quads']} quads, "
              f"{g['entities']} entities, {g['statements']} statements", flush=True)
    if len(rows) > 1:
        (n0, _, m0, g0), (n1, _, m1, g1) = rows[0], rows[-1]
        print(f"\n{n1 / n0:.0f}x the articles, {g1['quads'] / g0['quads']:.1f}x the quads: peak RSS x"
              f"{m1['main'] / m0['main']:.2f} (main), x{m1['worker'] / max(m0['worker'], 1):.2f} (worker), "
              f"x{m1['total'] / m0['total']:.2f} (all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
