"""Deterministic Turtle: the same triples always give the same bytes.

Subjects, predicates and objects are sorted, so a diff between two builds
shows exactly what changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TextIO

import pyoxigraph as ox

from kg.vocab import BASE, NS

PREFIXES: dict[str, str] = {
    "kg": NS,
    "ent": BASE + "entity/",
    "art": BASE + "article/",
    "stmt": BASE + "statement/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": "http://www.wikidata.org/entity/",
}
_RDF_TYPE = PREFIXES["rdf"] + "type"
# A conservative PN_LOCAL: letters, digits, '_' and '-', not starting with '-'.
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


@lru_cache(maxsize=1 << 16)
def _iri(value: str) -> str:
    for prefix, ns in _ORDER:
        if value.startswith(ns) and _LOCAL.match(value[len(ns):]):
            return f"{prefix}:{value[len(ns):]}"
    return str(ox.NamedNode(value))


def _term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return _iri(t.value)
    if isinstance(t, ox.Literal):
        s = str(t)  # N-Triples form, with correct escapes
        dt = t.datatype.value
        if t.language is None and dt != PREFIXES["xsd"] + "string":
            lexical = s[: s.rindex("^^")]
            return f"{lexical}^^{_iri(dt)}"
        return s
    return str(t)


def _sort_key(t) -> tuple[int, str]:
    return (0 if isinstance(t, ox.NamedNode) else 1 if isinstance(t, ox.BlankNode) else 2, str(t))


#: Triples sorted in memory at a time; beyond this, sorted runs spill to
#: temporary files and are merged, so memory stays flat however big the graph.
RUN_SIZE = 200_000
_SEP = "\x00"  # sorts before any character of a term (N-Triples escapes control characters)


def _record(t) -> str:
    """One triple as a line that sorts in Turtle order and carries its rendered terms."""
    s, p, o = t.subject, t.predicate, t.object
    sk, ok = _sort_key(s), _sort_key(o)
    piri = _iri(p.value)
    is_type = p.value == _RDF_TYPE
    return _SEP.join((str(sk[0]), sk[1], "0" if is_type else "1", piri, str(ok[0]), ok[1],
                      _term(s), "a" if is_type else piri, _term(o)))


def _sorted_records(triples: Iterable[ox.Triple], run_size: int) -> Iterator[str]:
    """Records of ``triples`` in sorted order, duplicates removed (external merge sort)."""
    import heapq
    import tempfile

    runs, buf = [], []
    try:
        for t in triples:
            buf.append(_record(t))
            if len(buf) >= run_size:
                buf.sort()
                f = tempfile.TemporaryFile("w+", encoding="utf-8")
                f.writelines(r + "\n" for r in buf)
                f.seek(0)
                runs.append(f)
                buf = []
        buf.sort()
        streams = [(line.rstrip("\n") for line in f) for f in runs]
        last = None
        for rec in heapq.merge(buf, *streams) if runs else buf:
            if rec != last:
                yield rec
                last = rec
    finally:
        for f in runs:
            f.close()


def write_turtle(triples: Iterable[ox.Triple], out: TextIO, *, run_size: int = RUN_SIZE) -> int:
    """Write ``triples`` (or quads: only subject, predicate and object count) as sorted Turtle to ``out``.

    Returns how many distinct triples were written.

    Streams: at most ``run_size`` triples are held in memory (sorted runs
    beyond that go to temporary files), and the output is the same bytes
    whatever ``run_size`` is.

        >>> import io, pyoxigraph as ox
        >>> t = [ox.Triple(ox.NamedNode(NS + "b"), ox.NamedNode(_RDF_TYPE), ox.NamedNode(NS + "C")),
        ...      ox.Triple(ox.NamedNode(NS + "a"), ox.NamedNode(NS + "p"), ox.Literal("x"))]
        >>> f = io.StringIO(); write_turtle(t, f, run_size=1)
        2
        >>> f.getvalue().split("\\n\\n", 1)[1]
        'kg:a kg:p "x" .\\n\\nkg:b a kg:C .\\n'
    """
    for prefix, ns in PREFIXES.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    n = 0
    subject = predicate = None
    objs: list[str] = []

    def flush_objects(first_of_subject: bool) -> None:
        sep = " " if first_of_subject else " ;\n    "
        out.write(f"{sep}{predicate} " + ", ".join(objs))

    first = True
    for rec in _sorted_records(triples, run_size):
        *_, s, p, o = rec.split(_SEP)
        if s != subject:
            if subject is not None:
                flush_objects(first)
                out.write(" .\n")
            out.write("\n" + s)
            subject, predicate, objs, first = s, p, [], True
        elif p != predicate:
            flush_objects(first)
            predicate, objs, first = p, [], False
        objs.append(o)
        n += 1
    if subject is not None:
        flush_objects(first)
        out.write(" .\n")
    return n
