"""The graph as a networkx ``MultiDiGraph``, for analysis, notebooks and Gephi.

Nodes are entity IRIs; edges are the direct facts (non-negated Statements),
one edge per (subject, relation, object) keyed by the relation, carrying every
Statement that supports it as evidence::

    G = to_networkx(KGStore("output", create=False, read_only=True))
    for s, o, rel, data in G.edges(keys=True, data=True):
        print(G.nodes[s]["label"], rel, G.nodes[o]["label"], data["articles"])

Node attributes: ``label``, ``type`` (Person, Country, ...; the class most
articles give it), ``alt_labels``, ``country_code``, ``wikidata``,
``articles`` (how many articles mention it), ``facts`` (edges it takes part in).
Edge attributes: ``relation``, ``quad`` (PLOVER quad class, see
:mod:`kg.viz.style`), ``confidence`` (the fact's confidence across articles:
each article's highest statement confidence, combined by noisy-or, see
:func:`combined_confidence`), ``max_confidence`` (the highest single
statement), ``articles`` (how many distinct articles support it) and
``evidence``: a list of dicts with
``statement``, ``article``, ``title``, ``date``, ``sentence``, ``confidence``,
``speaker``, ``modality``, ``event_date``, ``rule``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import Errors, KGUsageError
from kg.vocab import ENTITY_CLASSES, NS

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

EXPORT_FORMATS = ("graphml", "gexf")

_PREFIXES = f"""PREFIX kg: <{NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_TYPES_Q = _PREFIXES + """SELECT ?e ?t (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?e a ?t } FILTER(?t IN (kg:Person, kg:Country, kg:Organization, kg:ArmedGroup, kg:Group, kg:Location))
} GROUP BY ?e ?t"""
_LABELS_Q = _PREFIXES + "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label ?l . FILTER(isIRI(?e)) }"
_ALTS_Q = _PREFIXES + "SELECT DISTINCT ?e ?l WHERE { ?e skos:altLabel ?l }"
_CODES_Q = _PREFIXES + "SELECT DISTINCT ?e ?c WHERE { ?e kg:countryCode ?c }"
_SAME_Q = _PREFIXES + "SELECT DISTINCT ?e ?w WHERE { ?e owl:sameAs ?w }"
_MENTIONS_Q = _PREFIXES + "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a kg:mentions ?e } GROUP BY ?e"
_STATEMENTS_Q = _PREFIXES + """SELECT ?st ?s ?p ?o ?ev ?conf ?id ?title ?date ?spk ?mod ?edate ?rule WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:negated false ; prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?id .
  OPTIONAL { ?st kg:evidence ?ev }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?st kg:attributedTo ?spk }
  OPTIONAL { ?st kg:modality ?mod }
  OPTIONAL { ?st kg:eventDate ?edate }
  OPTIONAL { ?st kg:rule ?rule }
}"""


def _v(row, name):
    term = row[name]
    return None if term is None else term.value


def to_networkx(store) -> nx.MultiDiGraph:
    """The entities and direct facts of ``store`` (a :class:`kg.store.KGStore`) as a ``MultiDiGraph``.

    Every entity is a node, including those no fact links yet (``facts == 0``).
    """
    import networkx as nx

    from kg.graph.iris import key_of
    from kg.viz.style import QUAD_CLASS

    kg_len = len(NS)
    types: dict[str, Counter] = defaultdict(Counter)
    for row in store.query(_TYPES_Q):
        types[row["e"].value][row["t"].value[kg_len:]] += int(row["n"].value)
    labels: dict[str, str] = {}
    for row in store.query(_LABELS_Q):
        e, label = row["e"].value, row["l"].value
        labels[e] = min(labels.get(e, label), label)
    alts: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_ALTS_Q):
        alts[row["e"].value].add(row["l"].value)
    codes = {row["e"].value: row["c"].value for row in store.query(_CODES_Q)}
    same = {row["e"].value: row["w"].value.rsplit("/", 1)[-1] for row in store.query(_SAME_Q)}
    mentions = {row["e"].value: int(row["n"].value) for row in store.query(_MENTIONS_Q)}

    order = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    G = nx.MultiDiGraph()

    def add_node(iri: str) -> None:
        if iri in G:
            return
        counts = types.get(iri)
        etype = min(counts, key=lambda t: (-counts[t], order[t])) if counts else ""
        label = labels.get(iri) or key_of(iri)
        G.add_node(
            iri,
            label=label,
            type=etype,
            alt_labels=sorted(alts.get(iri, set()) - {label}),
            country_code=codes.get(iri),
            wikidata=same.get(iri),
            articles=mentions.get(iri, 0),
            facts=0,
        )

    for iri in sorted(types):
        add_node(iri)

    evidence: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in store.query(_STATEMENTS_Q):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if not p.startswith(NS) or p[kg_len:] not in QUAD_CLASS:
            continue
        spk = _v(row, "spk")
        conf = _v(row, "conf")
        evidence[(s, p[kg_len:], o)].append(
            {
                "statement": row["st"].value,
                "article": row["id"].value,
                "title": _v(row, "title"),
                "date": _v(row, "date"),
                "sentence": _v(row, "ev") or "",
                "confidence": float(conf) if conf is not None else None,
                "speaker": (labels.get(spk) or key_of(spk)) if spk else None,
                "modality": _v(row, "mod"),
                "event_date": _v(row, "edate"),
                "rule": _v(row, "rule"),
            }
        )
    for (s, rel, o), items in sorted(evidence.items()):
        add_node(s)
        add_node(o)
        items.sort(key=lambda d: (d["date"] or "", d["article"], d["statement"]))
        confs = [d["confidence"] for d in items if d["confidence"] is not None]
        G.add_edge(
            s,
            o,
            key=rel,
            relation=rel,
            quad=QUAD_CLASS[rel],
            confidence=combined_confidence(items),
            max_confidence=max(confs) if confs else None,
            articles=len({d["article"] for d in items}),
            evidence=items,
        )
        G.nodes[s]["facts"] += 1
        if o != s:
            G.nodes[o]["facts"] += 1
    return G


#: The combined confidence never claims certainty, however many articles agree.
CONFIDENCE_CAP = 0.99


def combined_confidence(evidence: list[dict]) -> float | None:
    """How sure the graph is of a fact that several articles state.

    Within an article the extractor has already combined the sentences
    (noisy-or, ``kg.extract.relations``); across articles, each article counts
    once with its highest statement confidence ``c_a``, and independent
    articles agreeing raise it: ``1 - prod(1 - c_a)``, capped at 0.99. One
    article: its own confidence.

    >>> combined_confidence([{"article": "a", "confidence": 0.8}, {"article": "b", "confidence": 0.5}])
    0.9
    >>> combined_confidence([{"article": "a", "confidence": 0.8}, {"article": "a", "confidence": 0.6}])
    0.8
    """
    best: dict[str, float] = {}
    for ev in evidence:
        c = ev.get("confidence")
        if c is not None:
            best[ev["article"]] = max(c, best.get(ev["article"], 0.0))
    if not best:
        return None
    if len(best) == 1:
        return next(iter(best.values()))
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - c
    return round(min(CONFIDENCE_CAP, 1.0 - miss), 3)


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings or numbers (what GraphML and GEXF accept).

    Lists become ``"; "``-joined text; the evidence list becomes ``evidence``
    (the sentences) plus ``evidence_json`` (the whole list as JSON).
    """
    import networkx as nx

    F = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        F.add_node(
            n,
            label=d.get("label", ""),
            type=d.get("type", ""),
            alt_labels="; ".join(d.get("alt_labels", ())),
            country_code=d.get("country_code") or "",
            wikidata=d.get("wikidata") or "",
            articles=int(d.get("articles", 0)),
            facts=int(d.get("facts", 0)),
        )
    for s, o, k, d in G.edges(keys=True, data=True):
        ev = d.get("evidence", [])
        F.add_edge(
            s,
            o,
            key=k,
            label=d.get("relation", k),
            relation=d.get("relation", k),
            quad=d.get("quad", ""),
            confidence=float(d["confidence"]) if d.get("confidence") is not None else 0.0,
            articles=int(d.get("articles", 0)),
            evidence=" | ".join(e["sentence"] for e in ev),
            evidence_json=json.dumps(ev, ensure_ascii=False, sort_keys=True),
        )
    return F


def export_network(store, fmt: str, path: str | Path) -> Path:
    """Write the network of ``store`` as ``"graphml"`` or ``"gexf"`` (for Gephi, Cytoscape, yEd) to ``path``.

    Raises :class:`kg.errors.KGUsageError` (E080) for another format.
    """
    import networkx as nx

    fmt = (fmt or "").lower()
    if fmt not in EXPORT_FORMATS:
        raise KGUsageError(Errors.E080.format(fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    F = flat_graph(to_networkx(store))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(F, path, encoding="utf-8")
    else:
        nx.write_gexf(F, path, encoding="utf-8")
    return path
