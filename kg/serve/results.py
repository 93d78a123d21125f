"""SPARQL results out as bytes: content negotiation and the W3C result formats.

Results are cut at a row (or triple) limit, so they are serialised here
rather than by pyoxigraph (which writes whole result sets).

    >>> pick_format("application/sparql-results+json,application/json;q=0.9", "select")
    'json'
    >>> pick_format("text/csv", "select"), pick_format("*/*", "construct")
    ('csv', 'turtle')
    >>> pick_format("text/turtle", "select")   # cannot be honoured: the default
    'json'
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

#: result formats for SELECT / ASK: name -> media type
SOLUTION_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: graph formats for CONSTRUCT / DESCRIBE: name -> media type
GRAPH_TYPES: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_ALIASES: dict[str, str] = {
    "application/json": "json", "text/javascript": "json", "application/javascript": "json",
    "application/xml": "xml", "text/xml": "xml",
    "application/x-turtle": "turtle", "text/n3": "turtle", "text/plain": "ntriples",
    "ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "rdf": "rdfxml", "rdf+xml": "rdfxml",
    "json-ld": "jsonld", "n3": "turtle",
}
_BY_TYPE = {**{v: k for k, v in SOLUTION_TYPES.items()}, **{v: k for k, v in GRAPH_TYPES.items()}}


def _formats_for(kind: str) -> dict[str, str]:
    return GRAPH_TYPES if kind == "construct" else SOLUTION_TYPES


def pick_format(accept: str | None, kind: str, requested: str | None = None) -> str:
    """The format to answer with: ``requested`` (a ``format=`` parameter) if usable, else by ``Accept``.

    ``kind`` is ``"select"``, ``"ask"`` or ``"construct"`` (also for DESCRIBE).
    """
    allowed = _formats_for(kind)
    default = next(iter(allowed))
    if requested:
        name = requested.strip().lower()
        name = _BY_TYPE.get(name, _ALIASES.get(name, name))
        if name in allowed:
            return name
    best, best_q = None, 0.0
    for part in (accept or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        name = _BY_TYPE.get(media, _ALIASES.get(media))
        if media in ("*/*", "application/*", "text/*"):
            name, q = default, q - 0.0001  # a wildcard loses to an explicit type of the same q
        if name in allowed and q > best_q:
            best, best_q = name, q
    return best or default


def media_type(fmt: str) -> str:
    return {**SOLUTION_TYPES, **GRAPH_TYPES}[fmt]


# -- SELECT / ASK ---------------------------------------------------------------


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": {"subject": _json_term(t.subject), "predicate": _json_term(t.predicate),
                                        "object": _json_term(t.object)}}


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}</predicate>"
            f"<object>{_xml_term(t.object)}</object></triple>")


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def solutions_bytes(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """Serialise SELECT results (``rows`` of terms or ``None``, in ``variables`` order).

    >>> solutions_bytes(["x"], [[ox.Literal("a,b")]], "csv")
    b'x\\r\\n"a,b"\\r\\n'
    >>> solutions_bytes(["x"], [[ox.Literal("a", language="en")], [None]], "tsv")
    b'?x\\n"a"@en\\n\\n'
    """
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(v)}/>" for v in variables]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>" + "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row) if t is not None) + "</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow([_csv_value(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


def boolean_bytes(value: bool, fmt: str) -> bytes:
    """Serialise an ASK answer.

    >>> boolean_bytes(True, "json")
    b'{"head": {}, "boolean": true}'
    """
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}).encode()
    if fmt == "xml":
        return (b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                b"<head/><boolean>" + (b"true" if value else b"false") + b"</boolean></sparql>\n")
    if fmt == "tsv":
        return b"?_askResult\n" + (b"true\n" if value else b"false\n")
    return b"_askResult\r\n" + (b"true\r\n" if value else b"false\r\n")


def triples_bytes(triples: list, fmt: str) -> bytes:
    """Serialise CONSTRUCT / DESCRIBE results."""
    from kg.export.turtle import PREFIXES

    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
