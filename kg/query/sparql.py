"""Run SPARQL over the built graph: saved queries, parameters, readable output.

Queries see the union of every article's graph (``KGStore.query``), and the
usual prefixes are predeclared (``kg:``, ``ent:``, ``art:``, ``rdf:``,
``rdfs:``, ``skos:``, ``prov:``, ``dcterms:``, ``owl:``, ``xsd:``, ``wd:``), so
a query may use them without ``PREFIX`` lines. In that union a triple appears
once per article graph that holds it (an entity's label once per article
naming it), so count with ``DISTINCT`` and look labels up once per entity
(see ``queries/*.rq``) rather than joining them on every row.

Parameters are variables written with a dollar sign, ``$entity``. A value
given for one (``params={"entity": "Putin"}``, ``--param entity=Putin``) is
put into the query text before it runs:

* a value that is an entity's ``rdfs:label`` or ``skos:altLabel`` (ignoring
  case and a leading "the ") becomes that entity's IRI; if several entities
  carry the name, the one whose label it is wins, then the most mentioned;
* a value that is an article's ``dcterms:identifier`` becomes the article's IRI;
* ``<http://...>``, ``http(s)://...`` and prefixed names (``ent:Russia``) are IRIs;
* integers and decimals are numbers; a value in double quotes is always a plain
  string, and so is anything else.

    >>> text = "SELECT ?o WHERE { $e ?p ?o } # $e here is a comment"
    >>> substitute(text, {"e": term_text("<http://x/a>")})
    'SELECT ?o WHERE { <http://x/a> ?p ?o } # $e here is a comment'
    >>> substitute("SELECT $e (COUNT($e) AS ?n) WHERE { $e ?p ?o }", {"e": '"x"'})
    'SELECT ("x" AS ?e) (COUNT("x") AS ?n) WHERE { "x" ?p ?o }'
    >>> sorted(parameters('SELECT * WHERE { $a ?p "$b" . <http://x/$c> ?q $d }'))
    ['a', 'd']
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.errors import Errors, KGError, KGUsageError

FORMATS = ("table", "csv", "tsv", "json")
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DCT_ID = "http://purl.org/dc/terms/identifier"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Tokens that may hold a '$' or '#' that is not a parameter or a comment.
_TOKENS = re.compile(
    r'(?P<comment>#[^\n]*)'
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<param>\$(?P<name>[A-Za-z_][A-Za-z0-9_]*))'
)
_SYNTAX = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them."""
    from kg.export.turtle import PREFIXES

    return dict(PREFIXES)


# ------------------------------------------------------------- query text


def _masked(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length)."""
    out = list(text)
    for m in _TOKENS.finditer(text):
        if m.group("param") is None:
            for i in range(m.start(), m.end()):
                if out[i] != "\n":
                    out[i] = " "
    return "".join(out)


def parameters(text: str) -> list[str]:
    """Names of the ``$name`` parameters of a query, in order of first use."""
    seen: dict[str, None] = {}
    for m in _TOKENS.finditer(text):
        if m.group("param"):
            seen.setdefault(m.group("name"), None)
    return list(seen)


def _projections(masked: str) -> list[tuple[int, int]]:
    """Spans of the SELECT clauses (between SELECT and WHERE or '{')."""
    spans = []
    for m in re.finditer(r"\bSELECT\b", masked, re.I):
        end = re.compile(r"\bWHERE\b|\{", re.I).search(masked, m.end())
        spans.append((m.end(), end.start() if end else len(masked)))
    return spans


def substitute(text: str, values: Mapping[str, str]) -> str:
    """Put SPARQL term texts in place of ``$name`` parameters (outside strings, IRIs, comments).

    A parameter in a SELECT clause becomes ``(term AS ?name)``, so the
    column is still there.
    """
    masked = _masked(text)
    spans = _projections(masked)
    out, last = [], 0
    for m in _TOKENS.finditer(text):
        name = m.group("name")
        if not m.group("param") or name not in values:
            continue
        term = values[name]
        pos = m.start()
        span = next((s for s in spans if s[0] <= pos < s[1]), None)
        if span is not None and masked[span[0]:pos].count("(") == masked[span[0]:pos].count(")"):
            term = f"({term} AS ?{name})"
        out.append(text[last:pos])
        out.append(term)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def term_text(value: str, store=None, warnings: list[str] | None = None) -> str:
    """The SPARQL text of a parameter value (see the module docstring for the rules).

    When ``store`` is given and a bare word names nothing in it, a W010 line is
    appended to ``warnings``.
    """
    import pyoxigraph as ox

    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return str(ox.Literal(v[1:-1]))
    if v.startswith("<") and v.endswith(">") and " " not in v:
        return str(ox.NamedNode(v[1:-1]))
    if re.fullmatch(r"https?://\S+", v):
        return str(ox.NamedNode(v))
    m = re.fullmatch(r"([A-Za-z][\w-]*):([\w\-.%]+)", v)
    if m and m.group(1) in prefixes():
        return str(ox.NamedNode(prefixes()[m.group(1)] + m.group(2)))
    if store is not None:
        iri = resolve_name(store, v)
        if iri:
            return str(ox.NamedNode(iri))
    if re.fullmatch(r"[+-]?\d+", v):
        return str(ox.Literal(v, datatype=ox.NamedNode(XSD + "integer")))
    try:
        Decimal(v)
        if re.fullmatch(r"[+-]?\d*\.\d+", v):
            return str(ox.Literal(v, datatype=ox.NamedNode(XSD + "decimal")))
    except InvalidOperation:
        pass
    if store is not None and warnings is not None:
        from kg.errors import Warnings

        warnings.append(Warnings.W010.format(value=v))
    return str(ox.Literal(v))


def resolve_name(store, name: str) -> str | None:
    """The IRI of the entity (label/altLabel) or article (identifier) called ``name``, if any."""
    import pyoxigraph as ox

    low = " ".join(name.split()).lower()
    low = low[4:] if low.startswith("the ") else low
    if not low:
        return None
    q = f"""
    SELECT DISTINCT ?e ?l ?rank WHERE {{
      {{ ?e <{RDFS_LABEL}> ?l BIND(1 AS ?rank) }}
      UNION {{ ?e <{SKOS_ALT}> ?l BIND(2 AS ?rank) }}
      UNION {{ ?e <{DCT_ID}> ?l BIND(0 AS ?rank) }}
      FILTER(LCASE(STR(?l)) = $low || LCASE(STR(?l)) = CONCAT("the ", $low))
    }}"""
    ranked: dict[str, tuple[int, bool]] = {}
    for row in store.query(substitute(q, {"low": str(ox.Literal(low))})):
        if isinstance(row["e"], ox.NamedNode):
            key = (int(row["rank"].value), row["l"].value != name)
            iri = row["e"].value
            ranked[iri] = min(ranked.get(iri, key), key)
    if not ranked:
        return None
    top = min(ranked.values())
    tied = sorted(iri for iri, key in ranked.items() if key == top)
    if len(tied) == 1:
        return tied[0]
    # Several entities carry the name equally: the one most articles mention wins.
    mentions = f"{prefixes()['kg']}mentions"

    def count(iri: str) -> int:
        rows = store.query(f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a <{mentions}> <{iri}> }}")
        return int(next(iter(rows))["n"].value)

    best = (0, "")
    for iri in tied:
        n = count(iri)
        if n > best[0]:
            best = (n, iri)
    return best[1] or tied[0]


# ------------------------------------------------------------ loading queries


def saved_query_dirs() -> list[Path]:
    """Where saved queries are looked up: ./queries, then the ones shipped with kg."""
    from kg.settings import data_path

    dirs = [Path("queries"), data_path("queries")]
    out = []
    for d in dirs:
        if d.is_dir() and all(d.resolve() != o.resolve() for o in out):
            out.append(d)
    return out


def saved_queries() -> dict[str, Path]:
    """Saved query name (file stem) -> path; ./queries wins over the shipped ones."""
    found: dict[str, Path] = {}
    for d in saved_query_dirs():
        for p in sorted(d.glob("*.rq")):
            found.setdefault(p.stem, p)
    return dict(sorted(found.items()))


def describe(path: Path) -> str:
    """The first comment line of a saved query (what it answers)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s.startswith("#"):
            s = s.lstrip("#").strip()
            if s:
                return s
        elif s:
            break
    return ""


def looks_like_sparql(spec: str) -> bool:
    return bool(re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE)\b", spec, re.I)) and (
        "{" in spec or "\n" in spec or " " in spec.strip()
    )


def load_query(spec: str) -> tuple[str, str]:
    """(name, text) of a query given as a file, a saved query name, or inline SPARQL."""
    p = Path(spec)
    try:
        if p.is_file():
            return str(spec), p.read_text(encoding="utf-8")
    except OSError:  # e.g. inline text too long to be a file name
        pass
    if p.suffix == ".rq" or not looks_like_sparql(spec):
        saved = saved_queries()
        if p.stem in saved and p.parent in (Path("."), Path("queries")):
            return str(spec), saved[p.stem].read_text(encoding="utf-8")
        raise FileNotFoundError(Errors.E010.format(path=spec))
    return "<inline query>", spec


# ------------------------------------------------------------------ results


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def values(self, *, short: bool = False) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (IRIs as strings, typed literals converted)."""
        return [{v: python_value(t, short=short) for v, t in zip(self.variables, row)} for row in self.rows]

    def column(self, name: str, *, short: bool = True) -> list[object]:
        i = self.variables.index(name)
        return [python_value(r[i], short=short) for r in self.rows]


def short_iri(iri: str) -> str:
    """``ent:Vladimir_Putin`` for an IRI under a known prefix, else the IRI."""
    best = None
    for prefix, ns in prefixes().items():
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def python_value(term, *, short: bool = False):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return short_iri(term.value) if short else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        dt = term.datatype.value[len(XSD):] if term.datatype.value.startswith(XSD) else ""
        try:
            if dt in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
                return int(term.value)
            if dt == "decimal":
                return Decimal(term.value)
            if dt in ("double", "float"):
                return float(term.value)
            if dt == "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    return str(term)


def execute(store, text: str, params: Mapping[str, str] | None = None, *, name: str = "<inline query>"
            ) -> QueryResult:
    """Run ``text`` on an open ``KGStore`` with ``params`` bound (see the module docstring)."""
    import pyoxigraph as ox

    params = dict(params or {})
    used = parameters(text)
    for p in params:
        if p not in used:
            raise KGUsageError(Errors.E016.format(param=p, name=name,
                                                  known=", ".join(f"${u}" for u in used) or "none"))
    for p in used:
        if p not in params:
            raise KGUsageError(Errors.E015.format(name=p))
    check(text, name=name)  # line numbers of the user's text, not the substituted one
    warnings: list[str] = []
    final = substitute(text, {k: term_text(v, store, warnings) for k, v in params.items()})
    try:
        res = store.query(final, prefixes=prefixes())
    except SyntaxError as e:
        raise _syntax_error(e, name, text) from e
    except (OSError, RuntimeError) as e:
        raise KGError(Errors.E017.format(name=name, reason=" ".join(str(e).split()))) from e
    if isinstance(res, ox.QuerySolutions):
        variables = [v.value for v in res.variables]
        rows = [tuple(sol[v] for v in variables) for sol in res]
        return QueryResult("select", variables, rows, warnings=warnings)
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res), warnings=warnings)
    return QueryResult("graph", triples=list(res), warnings=warnings)


def _syntax_error(e: SyntaxError, name: str, text: str = "") -> KGUsageError:
    """E012 with the line and column of the error.

    Oxigraph reports the furthest point any grammar rule reached, which for
    some errors is the end of the query; then rdflib's parser, which stops at
    the clause it cannot read, gives the better position.
    """
    m = _SYNTAX.search(str(e))
    if m:
        line, col, msg = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    else:
        line, col, msg = 0, 0, " ".join(str(e).split())
    if text and (not m or _at_end(text, line, col)):
        better = _rdflib_position(text)
        if better:
            line, col, msg = better
    return KGUsageError(Errors.E012.format(name=name, line=line or "?", column=col or "?", message=msg))


def _at_end(text: str, line: int, col: int) -> bool:
    lines = text.splitlines()
    rest = "\n".join([lines[line - 1][col - 1:]] + lines[line:]) if 0 < line <= len(lines) else ""
    return not rest.strip().strip("}").strip()


def _rdflib_position(text: str) -> tuple[int, int, str] | None:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseException as pe:
        found = re.search(r"found '([^']*)'", str(pe))
        what = f"cannot read the part starting with '{found.group(1)}'" if found else "cannot read this part"
        return pe.lineno, pe.col, what
    except (ValueError, TypeError, SyntaxError):  # rdflib reads some queries Oxigraph does not
        return None
    return None


def check(text: str, *, name: str = "<inline query>") -> None:
    """Raise ``KGUsageError`` (E012, one line with line and column) if ``text`` is not valid SPARQL."""
    import pyoxigraph as ox

    # Parameters are variables to the parser, so a query with $params checks as is.
    try:
        ox.Store().query(text, prefixes=prefixes())
    except SyntaxError as e:
        raise _syntax_error(e, name, text) from e


def run_query(query: str, out_dir: str | Path = "output", params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a query (a .rq file, a saved query name, or SPARQL text) on the graph in ``out_dir``.

    The store is opened read-only, so this works while nothing else writes.
    """
    from kg.store import KGStore

    name, text = load_query(query)
    check(text, name=name)  # syntax errors first, before looking for a store
    with KGStore(out_dir, create=False, read_only=True) as store:
        return execute(store, text, params, name=name)


def to_dataframe(query: str | QueryResult, out_dir: str | Path = "output", params: Mapping[str, str] | None = None,
                 *, short: bool = True):
    """A query's rows as a pandas DataFrame (IRIs shortened to ``ent:Name`` unless ``short=False``)."""
    import pandas as pd

    result = query if isinstance(query, QueryResult) else run_query(query, out_dir, params)
    if result.kind == "ask":
        return pd.DataFrame({"answer": [result.boolean]})
    if result.kind == "graph":
        rows = [(python_value(t.subject, short=short), python_value(t.predicate, short=short),
                 python_value(t.object, short=short)) for t in result.triples]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    return pd.DataFrame(result.values(short=short), columns=result.variables)


# ------------------------------------------------------------------- output


def _cell(term, *, short: bool) -> str:
    """A term as text: IRIs (shortened or full), literals by their lexical form."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    return str(python_value(term, short=short))


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 80) -> str:
    """Render a result as an aligned table, CSV, TSV or SPARQL JSON results."""
    if fmt not in FORMATS:
        raise KGUsageError(Errors.E014.format(fmt=fmt, choices=", ".join(FORMATS)))
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "yes" if result.boolean else "no"
    if result.kind == "graph":
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result.triples)
    if fmt == "json":
        return json.dumps({"head": {"vars": result.variables},
                           "results": {"bindings": [_json_row(result.variables, r) for r in result.rows]}},
                          ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if fmt == "csv":
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(result.variables)
            w.writerows([_cell(t, short=False) for t in r] for r in result.rows)
        else:
            buf.write("\t".join(f"?{v}" for v in result.variables) + "\n")
            for r in result.rows:
                buf.write("\t".join("" if t is None else str(t) for t in r) + "\n")
        return buf.getvalue().rstrip("\n")
    return _table(result, max_width=max_width)


def _json_row(variables: Iterable[str], row) -> dict:
    import pyoxigraph as ox

    out = {}
    for v, t in zip(variables, row):
        if t is None:
            continue
        if isinstance(t, ox.NamedNode):
            out[v] = {"type": "uri", "value": t.value}
        elif isinstance(t, ox.BlankNode):
            out[v] = {"type": "bnode", "value": t.value}
        elif isinstance(t, ox.Literal):
            d = {"type": "literal", "value": t.value}
            if t.language:
                d["xml:lang"] = t.language
            elif t.datatype.value != XSD + "string":
                d["datatype"] = t.datatype.value
            out[v] = d
    return out


def _table(result: QueryResult, *, max_width: int) -> str:
    def clip(s: str) -> str:
        s = " ".join(s.split())
        return s if not max_width or len(s) <= max_width else s[: max_width - 3] + "..."

    header = list(result.variables)
    body = [[clip(_cell(t, short=True)) for t in r] for r in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines)
