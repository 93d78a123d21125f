"""kg query: run SPARQL (a saved .rq file or inline text) on the built graph."""

from __future__ import annotations

import sys

HELP = "run a SPARQL query (saved .rq file or inline text) on the graph, with --param values"
DESCRIPTION = """\
Run a SPARQL query on the graph in --out (default ./output). QUERY is a .rq
file, the name of a saved query (see --list), or the SPARQL text itself.
The query sees every article's facts as one default graph, and may use the
prefixes kg: ent: art: rdf: rdfs: skos: prov: dcterms: owl: xsd: wd: without
declaring them.

Parameters are variables written $name in the query; give each a value with
--param name=value. A value that is an entity's label or alternative label
(ignoring case and a leading "the ") becomes that entity's IRI, so
--param entity=Putin finds ent:Vladimir_Putin; an article identifier becomes
the article's IRI; ent:Russia, <http://...> and http(s) URLs are IRIs;
numbers are numbers; a value in double quotes is always a plain string.

The store is opened read-only: queries work while a server reads the same
store. A syntax error is reported as one line with its line and column
(exit code 2); --check only checks the syntax.
"""
EPILOG = """\
examples:
  kg query queries/who_supplies_whom.rq
  kg query entity --param entity=Putin
  kg query 'SELECT ?s ?o WHERE { ?s kg:supplies ?o }' --format csv
  kg query queries/article_facts.rq --param article=001_f99d47caf96a5657 --format json
  kg query --list
  kg query --check queries/officials.rq
"""


def add_arguments(p) -> None:
    p.add_argument("query", nargs="?", metavar="QUERY", help="a .rq file, a saved query name, or SPARQL text")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="value of the query parameter $NAME (repeatable)")
    p.add_argument("--format", "-f", default="table", metavar="FORMAT",
                   help="table (default), csv, tsv or json (SPARQL 1.1 JSON results)")
    p.add_argument("--out", "-o", default="output", help="folder of the built graph (default: %(default)s)")
    p.add_argument("--max-width", type=int, default=80, metavar="N",
                   help="clip table cells to N characters; 0 = never (default: %(default)s)")
    p.add_argument("--list", action="store_true", help="list the saved queries with what each answers")
    p.add_argument("--check", metavar="FILE", default=None, help="only check that FILE (a .rq file, saved query name or SPARQL text) is valid SPARQL")


def run(args) -> int:
    from kg.errors import Errors, KGUsageError
    from kg.query.sparql import FORMATS, check, describe, format_result, load_query, parameters, run_query, saved_queries

    if args.list:
        saved = saved_queries()
        width = max((len(n) for n in saved), default=0)
        for name, path in saved.items():
            params = " ".join(f"--param {p}=..." for p in parameters(path.read_text(encoding="utf-8")))
            print(f"{name.ljust(width)}  {describe(path)}" + (f"  [{params}]" if params else ""))
        return 0
    if args.check:
        name, text = load_query(args.check)
        check(text, name=name)
        print(f"{name}: valid SPARQL")
        return 0
    if not args.query:
        raise KGUsageError(Errors.E018)
    if args.format not in FORMATS:
        raise KGUsageError(Errors.E014.format(fmt=args.format, choices=", ".join(FORMATS)))
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise KGUsageError(Errors.E013.format(param=item))
        params[key.strip().lstrip("$?")] = value
    result = run_query(args.query, args.out, params)
    for w in result.warnings:
        print(f"kg query: {w}", file=sys.stderr)
    sys.stdout.write(format_result(result, args.format, max_width=args.max_width) + "\n")
    return 0
