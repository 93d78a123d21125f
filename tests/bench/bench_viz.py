"""Large-graph pages: build, layout and time to a stable first render in headless Chromium.

    .venv/bin/python tests/bench/bench_viz.py [--nodes 5000] [--edges 20000] [--loads 3] [--physics]
    .venv/bin/python tests/bench/bench_viz.py --screenshot docs/readme/screenshot.png

Makes a synthetic graph the way a build does (ArticleFacts -> article_quads ->
KGStore; entity popularity is heavy-tailed like news), then times
``to_networkx``, the precomputed layout, and writing ``graph.html``. It opens
the page from file:// in headless Chromium ``--loads`` times and reports the
median time from navigation start to the viewer's ``ready`` (drawn, layout
stable, handlers attached), plus the time to apply a filter and redraw, and to
select by search. ``--physics`` also times the same graph laid out by
vis-network's physics in the browser (stabilisation capped at 300 rounds),
for comparison. Peak RSS of this process and of the browser are printed.

``--screenshot PATH`` instead builds the bundled sample and saves a screenshot
of its graph.html (with one edge's evidence open) to PATH.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def driver(user_dir: str, size=(1400, 900)):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + [f"--user-data-dir={user_dir}", f"--window-size={size[0]},{size[1]}"]:
        opts.add_argument(flag)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    d.set_page_load_timeout(600)
    d.set_script_timeout(600)
    return d


def synthetic_store(out: Path, n_nodes: int, n_edges: int, seed: int = 0):
    from kg.extract.types import ArticleFacts, Entity, Fact
    from kg.graph import article_quads
    from kg.ingest.article import Article
    from kg.store import KGStore
    from kg.vocab import ENTITY_CLASSES, RELATIONS

    rng = random.Random(seed)
    names = [f"Entity {i:05d}" for i in range(n_nodes)]
    types = {n: rng.choice(ENTITY_CLASSES) for n in names}
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n_nodes)]  # a few hubs, a long tail
    facts: set[tuple[str, str, str]] = set()
    for i in range(n_nodes):  # every entity in at least one fact
        facts.add((names[i], rng.choice(RELATIONS), rng.choices(names, weights)[0]))
    while len(facts) < n_edges:
        s, o = rng.choices(names, weights, k=2)
        if s != o:
            facts.add((s, rng.choice(RELATIONS), o))
    facts_l = sorted(f for f in facts if f[0] != f[2])
    rng.shuffle(facts_l)
    store = KGStore(out)
    per = 20
    for a in range(0, len(facts_l), per):
        chunk = facts_l[a : a + per]
        day = 1 + (a // per) % 28
        art = Article(id=f"syn{a // per:05d}", text="synthetic", title=f"Synthetic article {a // per}",
                      date=f"2015-{1 + (a // per) % 12:02d}-{day:02d}")
        ents = {n for f in chunk for n in (f[0], f[2])}
        af = ArticleFacts(
            art,
            tuple(Entity(n, types[n]) for n in sorted(ents)),
            tuple(Fact(s, r, o, f"{s} {r} {o}, a synthetic sentence.", round(rng.uniform(0.3, 1.0), 2), rule="bench")
                  for s, r, o in chunk),
        )
        store.put_article(art.id, article_quads(af))
    store.flush()
    return store


def wait_ready(d, timeout=600) -> float:
    t0 = time.monotonic()
    while not d.execute_script("return !!(window.kgViewer && window.kgViewer.ready)"):
        if time.monotonic() - t0 > timeout:
            raise TimeoutError("page never became ready")
        time.sleep(0.05)
    return d.execute_script("return window.kgViewer.stableMs")


def browser_rss_mb(d) -> float:
    import psutil

    try:
        proc = psutil.Process(d.service.process.pid)
    except (psutil.Error, AttributeError):
        return float("nan")
    return sum(p.memory_info().rss for p in proc.children(recursive=True)) / 2**20


def time_page(path: Path, loads: int) -> dict:
    user = tempfile.mkdtemp(prefix="kg-bench-")
    d = driver(user)
    try:
        ready = []
        for _ in range(loads):
            d.get("about:blank")
            d.get(path.resolve().as_uri())
            ready.append(wait_ready(d))
        filt = d.execute_script("""
            var box = document.querySelector('#kg-relations input[value="attacks"]');
            var t0 = performance.now(); box.click(); window.kgViewer.network.redraw();
            var t1 = performance.now(); box.click(); window.kgViewer.network.redraw();
            return [t1 - t0, performance.now() - t1];""")
        search = d.execute_script("""
            var v = window.kgViewer, n = v.data.nodes[Math.floor(v.data.nodes.length / 2)];
            var box = document.getElementById('kg-search'); box.value = n.label;
            var t0 = performance.now(); box.dispatchEvent(new Event('change')); v.network.redraw();
            return performance.now() - t0;""")
        shown = d.execute_script("var b = window.kgViewer.network.body.data; return [b.nodes.length, b.edges.length];")
        rss = browser_rss_mb(d)
    finally:
        d.quit()
        shutil.rmtree(user, ignore_errors=True)
    return {"ready_ms": ready, "filter_ms": filt, "search_ms": search, "drawn": shown, "browser_rss_mb": rss}


def bench(args) -> None:
    from kg.viz.network import to_networkx
    from kg.viz import pages

    work = Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    t = time.perf_counter()
    store = synthetic_store(work, args.nodes, args.edges)
    t_store = time.perf_counter() - t
    t = time.perf_counter()
    G = to_networkx(store)
    t_nx = time.perf_counter() - t
    in_facts = [v for v, d in G.nodes(data=True) if d["facts"]]
    t = time.perf_counter()
    pos = pages._positions(G, in_facts)
    t_layout = time.perf_counter() - t
    t = time.perf_counter()
    pages.write_pages(store, work, G=G, entity_pages=False)
    t_write = time.perf_counter() - t  # includes the layout again
    size = (work / "graph.html").stat().st_size
    print(f"graph: {len(in_facts)} nodes, {G.number_of_edges()} edges (store fill {t_store:.1f} s)")
    print(f"to_networkx {t_nx:.1f} s; layout {t_layout:.1f} s ({'precomputed' if pos else 'physics'}); "
          f"write graph.html {t_write:.1f} s (layout included), {size / 2**20:.1f} MB")
    r = time_page(work / "graph.html", args.loads)
    print(f"Chromium, precomputed layout: ready {statistics.median(r['ready_ms']) / 1000:.2f} s median of "
          f"{[round(x / 1000, 2) for x in r['ready_ms']]}; filter+redraw {r['filter_ms'][0]:.0f} ms, "
          f"unfilter+redraw {r['filter_ms'][1]:.0f} ms; search+focus {r['search_ms']:.0f} ms; "
          f"drawn {r['drawn'][0]} nodes / {r['drawn'][1]} edges; browser RSS {r['browser_rss_mb']:.0f} MB")
    if args.physics:
        orig = pages.LARGE_GRAPH
        pages.LARGE_GRAPH = 10**9  # force in-browser physics
        try:
            pages.write_pages(store, work, G=G, entity_pages=False)
        finally:
            pages.LARGE_GRAPH = orig
        p = time_page(work / "graph.html", 1)
        print(f"Chromium, vis physics (300 rounds max, then stopped): ready {p['ready_ms'][0] / 1000:.2f} s "
              f"({p['ready_ms'][0] / statistics.median(r['ready_ms']):.1f}x the precomputed page)")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    store.close()
    shutil.rmtree(work, ignore_errors=True)


def screenshot(path: Path) -> None:
    from kg.build import build

    out = Path(tempfile.mkdtemp(prefix="kg-shot-"))
    build(None, out)
    user = tempfile.mkdtemp(prefix="kg-shot-chromium-")
    d = driver(user, size=(1500, 860))
    try:
        d.get((out / "graph.html").resolve().as_uri())
        wait_ready(d)
        # open the evidence of the best-supported fact, as a user clicking it would see
        d.execute_script("""
            var v = window.kgViewer, best = null;
            v.data.edges.forEach(function (e) { if (!best || e.articles > best.articles) best = e; });
            if (best) { v.network.selectEdges([best.id]); v.showEdge(best.id); }""")
        time.sleep(0.3)
        path.parent.mkdir(parents=True, exist_ok=True)
        d.save_screenshot(str(path))
    finally:
        d.quit()
        shutil.rmtree(user, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    print(f"wrote {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--physics", action="store_true", help="also time in-browser physics layout")
    ap.add_argument("--screenshot", type=Path, default=None, metavar="PATH")
    args = ap.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
    else:
        bench(args)


if __name__ == "__main__":
    main()
