"""Offline HTML pages: the whole graph, one page per entity, and an index.

``write_pages(store, out_dir)`` writes

- ``graph.html``: every entity that takes part in a fact, and every fact;
- ``entity/<slug>.html``: one entity and its neighbourhood (two hops);
- ``index.html``: the entities by type with their fact counts, and the articles.

Each page is one self-contained file: vis-network (from the pyvis package) and
the viewer script are inlined, a Content-Security-Policy forbids every network
request, and the graph travels as JSON inside ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped. The viewer renders all text with
``textContent``, so an article holding ``<script>`` cannot run code in a page.

Small graphs are laid out by vis-network's physics, which is switched off once
stable; graphs above :data:`LARGE_GRAPH` nodes get positions computed here
(:mod:`kg.viz.layout`) and draw without physics.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Above this many nodes a page gets precomputed positions instead of in-browser physics.
LARGE_GRAPH = 400
#: An entity page shows at most this many nodes (all direct neighbours first).
ENTITY_PAGE_MAX_NODES = 300
#: Entity pages are written for at most this many entities, those in most facts first
#: (each page inlines vis-network, about 0.5 MB).
MAX_ENTITY_PAGES = 500
ASSETS = Path(__file__).resolve().parent.parent / "data" / "viz"


@lru_cache(maxsize=1)
def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def json_for_script(value) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survives.

    >>> json_for_script({"t": "</script><img src=x onerror=alert(1)>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def slugs_for(iris) -> dict[str, str]:
    """Entity IRI -> file-name slug: ASCII letters, digits, ``_`` and ``-``, unique even on
    case-insensitive file systems; a short hash is added when the name had to change.

    >>> s = slugs_for(["https://w3id.org/kg-news/id/entity/Vladimir_Putin",
    ...                "https://w3id.org/kg-news/id/entity/Da%27esh"])
    >>> s["https://w3id.org/kg-news/id/entity/Vladimir_Putin"]
    'Vladimir_Putin'
    >>> re.fullmatch(r"Da_esh-[0-9a-f]{8}", s["https://w3id.org/kg-news/id/entity/Da%27esh"]) is not None
    True
    """
    from kg.graph.iris import key_of

    out: dict[str, str] = {}
    used: set[str] = set()
    for iri in sorted(iris):
        key = key_of(iri).replace(" ", "_")
        base = re.sub(r"[^A-Za-z0-9_-]+", "_", key).strip("_")[:60] or "entity"
        slug = base
        if slug != key or slug.lower() in used:
            slug = f"{base}-{hashlib.sha1(iri.encode('utf-8')).hexdigest()[:8]}"
        used.add(slug.lower())
        out[iri] = slug
    return out


def _options(n_nodes: int, positioned: bool) -> dict:
    """vis-network options, built with pyvis's option model."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.barnes_hut(gravity=-9000, central_gravity=0.35, spring_length=170, spring_strength=0.02, damping=0.3,
                   overlap=0.4)
    opts = json.loads(net.options.to_json())
    opts["physics"]["enabled"] = not positioned
    opts["physics"]["minVelocity"] = 1.0
    opts["physics"]["stabilization"] = {"enabled": True, "iterations": 300, "updateInterval": 20, "fit": True}
    opts["layout"] = {"randomSeed": 7, "improvedLayout": n_nodes <= 150}
    opts["edges"] = {
        "smooth": False,
        "font": {"size": 11, "align": "middle", "strokeWidth": 3, "color": "#333333"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "selectionWidth": 2,
    }
    opts["nodes"] = {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3}}
    large = n_nodes > LARGE_GRAPH
    opts["interaction"] = {
        "hover": not large,
        "hideEdgesOnDrag": large,
        "hideEdgesOnZoom": large,
        "dragNodes": True,
        "multiselect": False,
        "navigationButtons": False,
        "tooltipDelay": 300,
    }
    return opts


def page_data(
    G: nx.MultiDiGraph,
    nodes,
    *,
    slugs: dict[str, str],
    focus: str | None = None,
    entity_base: str = "entity/",
    positions: dict | None = None,
) -> dict:
    """The JSON a viewer page draws: ``nodes`` (entities in ``nodes``) and the facts among them."""
    from kg.viz.style import legend
    from kg.vocab import SYMMETRIC

    keep = sorted(nodes, key=lambda v: (G.nodes[v].get("label", ""), v))
    ids = {iri: i for i, iri in enumerate(keep)}
    sub_edges = sorted(
        ((s, o, k, d) for s, o, k, d in G.edges(keys=True, data=True) if s in ids and o in ids),
        key=lambda e: (ids[e[0]], ids[e[1]], e[2]),
    )
    degree: dict[str, int] = dict.fromkeys(keep, 0)
    pair_count: dict[frozenset, int] = {}
    edges = []
    for i, (s, o, k, d) in enumerate(sub_edges):
        degree[s] += 1
        degree[o] += 1
        pair = frozenset((s, o))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        edges.append(
            {
                "id": i,
                "from": ids[s],
                "to": ids[o],
                "relation": d["relation"],
                "quad": d["quad"],
                "symmetric": d["relation"] in SYMMETRIC,
                "confidence": d.get("confidence"),
                "articles": d.get("articles", 0),
                "curve": round(0.18 * nth, 2) if s != o else 0,
                "evidence": [
                    {k2: ev.get(k2) for k2 in ("article", "title", "date", "sentence", "confidence", "speaker", "modality", "event_date")}
                    for ev in d.get("evidence", [])
                ],
            }
        )
    node_list = []
    for iri in keep:
        a = G.nodes[iri]
        facts = int(a.get("facts", 0))
        node = {
            "id": ids[iri],
            "iri": iri,
            "label": a.get("label", ""),
            "type": a.get("type", ""),
            "alt": list(a.get("alt_labels", ())),
            "facts": facts,
            "articles": int(a.get("articles", 0)),
            "size": round(min(60.0, 10 + 5 * math.sqrt(degree[iri])), 1),
            "page": slugs.get(iri),
            "focus": iri == focus,
        }
        if positions is not None and iri in positions:
            node["x"], node["y"] = positions[iri]
        node_list.append(node)
    return {
        "nodes": node_list,
        "edges": edges,
        "meta": {
            "legend": legend(),
            "entityBase": entity_base,
            "focus": ids.get(focus) if focus else None,
            "largeGraph": LARGE_GRAPH,
            "edgeLabels": len(keep) <= LARGE_GRAPH,
            "options": _options(len(keep), positions is not None),
        },
    }


def _viewer_body(entity_head: str = "") -> str:
    return (
        entity_head
        + """<main class="kg-viewer">
<aside id="kg-side" class="kg-side">
<h2>Search</h2>
<input type="search" id="kg-search" list="kg-names" placeholder="Find an entity, press Enter" autocomplete="off">
<datalist id="kg-names"></datalist>
<div id="kg-search-msg" class="kg-msg"></div>
<div id="kg-shown" class="kg-count"></div>
<h2>Relations</h2><div id="kg-relations"></div>
<h2>Entity types</h2><div id="kg-types"></div>
<h2>Minimum confidence <output id="kg-minconf-value">0.00</output></h2>
<input type="range" id="kg-minconf" min="0" max="1" step="0.05" value="0">
<h2>Article dates</h2>
<label>from <input type="date" id="kg-from"></label>
<label>to <input type="date" id="kg-to"></label>
<div id="kg-dates-note" class="kg-count"></div>
<div class="kg-buttons"><button type="button" id="kg-reset">Reset filters</button><button type="button" id="kg-fit">Fit</button></div>
<h2>Legend</h2><div id="kg-legend" class="kg-legend"></div>
</aside>
<section id="kg-canvas-wrap"><div id="kg-canvas"></div><div id="kg-status"></div></section>
<aside id="kg-panel"><h2>Evidence</h2><div id="kg-panel-body"><p class="kg-empty">Click a fact (an edge) or an entity (a node) to see its evidence.</p></div></aside>
</main>"""
    )


def render_page(*, title: str, subtitle: str = "", nav: list[tuple[str, str]] = (), body: str, data: dict | None = None) -> str:
    """A complete HTML page; ``title``, ``subtitle`` and ``nav`` are escaped here, ``body`` must already be safe."""
    scripts = []
    hashes = []
    if data is not None:
        vis_js, viewer_js = _vis_js(), _asset("viewer.js")
        scripts.append(f'<script type="application/json" id="kg-data">{json_for_script(data)}</script>')
        scripts.append(f"<script>{vis_js}</script>")
        scripts.append(f"<script>{viewer_js}</script>")
        hashes = [_csp_hash(vis_js), _csp_hash(viewer_js)]
    nav_html = "".join(f' <a href="{html.escape(href)}">{html.escape(text)}</a>' for text, href in nav)
    page = Template(_asset("page.html")).substitute(
        title=html.escape(title),
        heading=html.escape(title),
        subtitle=html.escape(subtitle),
        nav=nav_html,
        css=_asset("viewer.css"),
        body=body,
        scripts="\n".join(scripts),
    )
    # Only the page's own scripts may run: no inline handlers, no other source.
    return page.replace("script-src 'unsafe-inline'", "script-src " + (" ".join(hashes) or "'none'"), 1)


def neighbourhood(G: nx.MultiDiGraph, iri: str, *, hops: int = 2, limit: int = ENTITY_PAGE_MAX_NODES) -> tuple[set[str], int]:
    """``iri`` and the entities within ``hops`` facts of it (either direction), at most ``limit``
    (nearer entities first, then those with more facts); and how many there are in all."""
    import networkx as nx

    dist = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), iri, cutoff=hops)
    ranked = sorted(dist, key=lambda v: (dist[v], -G.nodes[v].get("facts", 0), G.nodes[v].get("label", ""), v))
    return set(ranked[:limit]), len(ranked)


def _positions(G: nx.MultiDiGraph, nodes) -> dict | None:
    if len(nodes) <= LARGE_GRAPH:
        return None
    from kg.viz.layout import spring_positions

    order = sorted(nodes)
    keep = set(order)
    return spring_positions(order, [(s, o) for s, o in G.edges() if s in keep and o in keep])


def write_pages(
    store,
    out_dir,
    *,
    G: nx.MultiDiGraph | None = None,
    entity_pages: bool = True,
    max_entity_pages: int = MAX_ENTITY_PAGES,
) -> list[Path]:
    """Write ``graph.html``, ``index.html`` and ``entity/<slug>.html`` for ``store`` into ``out_dir``.

    Entity pages are written for the ``max_entity_pages`` entities in most facts.
    Returns the paths written. Entity pages of entities no longer in the graph are removed.
    """
    from kg.viz.network import to_networkx

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if G is None:
        G = to_networkx(store)
    in_facts = [v for v, d in G.nodes(data=True) if d.get("facts", 0) > 0]
    ranked = sorted(in_facts, key=lambda v: (-G.nodes[v].get("facts", 0), G.nodes[v].get("label", ""), v))
    slugs = slugs_for(ranked[: max(0, max_entity_pages)]) if entity_pages else {}
    written: list[Path] = []

    n_facts = G.number_of_edges()
    data = page_data(G, in_facts, slugs=slugs, entity_base="entity/", positions=_positions(G, in_facts))
    page = render_page(
        title="Knowledge graph",
        subtitle=f"{len(in_facts)} entities, {n_facts} facts",
        nav=[("Index", "index.html")],
        body=_viewer_body(),
        data=data,
    )
    written.append(_write(out / "graph.html", page))

    ent_dir = out / "entity"
    if entity_pages:
        ent_dir.mkdir(exist_ok=True)
        for iri in sorted(slugs):
            written.append(_write(ent_dir / f"{slugs[iri]}.html", _entity_page(G, iri, slugs)))
    if ent_dir.is_dir():
        keep = {p.name for p in written if p.parent == ent_dir}
        for stale in ent_dir.glob("*.html"):
            if stale.name not in keep:
                stale.unlink()

    written.append(_write(out / "index.html", _index_page(store, G, slugs)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _entity_page(G: nx.MultiDiGraph, iri: str, slugs: dict[str, str]) -> str:
    a = G.nodes[iri]
    nodes, total = neighbourhood(G, iri)
    data = page_data(G, nodes, slugs=slugs, focus=iri, entity_base="", positions=_positions(G, nodes))
    bits = [html.escape(a.get("type") or "entity")]
    if a.get("alt_labels"):
        bits.append("also " + html.escape(", ".join(a["alt_labels"])))
    if a.get("country_code"):
        bits.append(html.escape(a["country_code"]))
    qid = a.get("wikidata") or ""
    if re.fullmatch(r"Q[0-9]+", qid):
        bits.append(f'<a href="https://www.wikidata.org/wiki/{qid}">Wikidata {qid}</a>')
    bits.append(f"{a.get('facts', 0)} facts, mentioned in {a.get('articles', 0)} articles")
    shown = f"; showing {len(nodes)} of {total} entities within two hops" if total > len(nodes) else "; two hops around it"
    head = f'<div class="kg-entity-head">{" &middot; ".join(bits)}{html.escape(shown)}</div>\n'
    return render_page(
        title=a.get("label", ""),
        subtitle="entity",
        nav=[("Index", "../index.html"), ("Whole graph", "../graph.html")],
        body=_viewer_body(head),
        data=data,
    )


def _index_page(store, G: nx.MultiDiGraph, slugs: dict[str, str]) -> str:
    by_type: dict[str, list] = {}
    for v, d in G.nodes(data=True):
        by_type.setdefault(d.get("type") or "other", []).append((v, d))
    n_facts = G.number_of_edges()
    articles = _articles(store)
    e = html.escape
    parts = [
        '<div class="kg-doc">',
        f"<p>{len(articles)} articles, {G.number_of_nodes()} entities, {n_facts} facts "
        f'(distinct subject, relation, object). <a href="graph.html">Open the whole graph</a>.</p>',
        "<p>" + " &middot; ".join(f'<a href="#type-{e(t)}">{e(t)} ({len(by_type[t])})</a>' for t in _type_order(by_type)) + "</p>",
    ]
    for t in _type_order(by_type):
        rows = sorted(by_type[t], key=lambda vd: (-vd[1].get("facts", 0), vd[1].get("label", "").lower(), vd[0]))
        parts.append(f'<h2 id="type-{e(t)}">{e(t)} <span class="kg-count">{len(rows)}</span></h2>')
        parts.append('<table class="kg-index"><thead><tr><th>Entity</th><th class="num">Facts</th>'
                     '<th class="num">Articles</th><th>Also called</th></tr></thead><tbody>')
        for v, d in rows:
            label = e(d.get("label", ""))
            cell = f'<a href="entity/{slugs[v]}.html">{label}</a>' if v in slugs else label
            parts.append(
                f'<tr data-iri="{e(v)}"><td>{cell}</td><td class="num">{d.get("facts", 0)}</td>'
                f'<td class="num">{d.get("articles", 0)}</td><td class="kg-alt">{e(", ".join(d.get("alt_labels", ())))}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append(f'<h2 id="articles">Articles <span class="kg-count">{len(articles)}</span></h2>')
    parts.append('<table class="kg-index"><thead><tr><th>Article</th><th>Title</th><th>Date</th>'
                 '<th class="num">Facts</th></tr></thead><tbody>')
    for art in articles:
        parts.append(f'<tr><td>{e(art["id"])}</td><td>{e(art["title"] or "")}</td><td>{e(art["date"] or "")}</td>'
                     f'<td class="num">{art["facts"]}</td></tr>')
    parts.append("</tbody></table></div>")
    return render_page(title="Knowledge graph: index", subtitle="entities by type", nav=[("Whole graph", "graph.html")],
                       body="\n".join(parts))


def _type_order(by_type: dict) -> list[str]:
    from kg.vocab import ENTITY_CLASSES

    return [t for t in ENTITY_CLASSES if t in by_type] + sorted(t for t in by_type if t not in ENTITY_CLASSES)


def _articles(store) -> list[dict]:
    from kg.viz.network import _PREFIXES

    q = _PREFIXES + """SELECT ?id ?title ?date (COUNT(DISTINCT ?st) AS ?n) WHERE {
      ?a a kg:Article ; dcterms:identifier ?id .
      OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:date ?date }
      OPTIONAL { ?st prov:wasDerivedFrom ?a ; a kg:Statement ; kg:negated false }
    } GROUP BY ?id ?title ?date ORDER BY ?id"""
    out = []
    for row in store.query(q):
        out.append({
            "id": row["id"].value,
            "title": row["title"].value if row["title"] is not None else None,
            "date": row["date"].value if row["date"] is not None else None,
            "facts": int(row["n"].value),
        })
    return out
