"""kg serve: a SPARQL 1.1 endpoint (and query page) over the graph."""

from __future__ import annotations

HELP = "serve the graph as a SPARQL 1.1 endpoint with a query page (read-only by default)"
DESCRIPTION = """\
Serve the store (--store, default ./output) over HTTP:

  /sparql   the SPARQL 1.1 Protocol: GET ?query=..., POST a form or an
            application/sparql-query body. Results by the Accept header:
            JSON, XML, CSV or TSV for SELECT/ASK; Turtle, N-Triples,
            RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE.
  /         a page with a query box, the saved queries and links to the
            graph views (/views/graph.html, /views/index.html)

The default graph is the union of all article graphs; each article is also
the named graph https://w3id.org/kg-news/id/graph/ARTICLE_ID.

Safe by default: bound to 127.0.0.1, read-only (SPARQL UPDATE gets 403
unless --allow-update), every query limited to --timeout seconds (the
worker running it is killed) and --limit result rows (the response then
carries 'X-KG-Truncated: true'). A read-only server picks up what a later
'kg build' or 'kg remove' wrote, at the next query.
"""
EPILOG = """\
examples:
  kg serve                                   # http://127.0.0.1:7880/
  kg serve --port 8000 --timeout 10 --limit 1000
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {?s ?p ?o} LIMIT 5' \\
       http://127.0.0.1:7880/sparql
  kg serve --host 0.0.0.0                    # reachable from other machines: mind who can reach it
"""


def add_arguments(p) -> None:
    p.add_argument("--store", "--out", dest="store", default="output", metavar="DIR",
                   help="the build folder holding store/ (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    p.add_argument("--port", "-p", type=int, default=7880, help="port (default: %(default)s; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per query (default: %(default)s)")
    p.add_argument("--limit", type=int, default=10_000, help="most result rows or triples (default: %(default)s)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL UPDATE (default: answer 403)")
    p.add_argument("--workers", type=int, default=2, help="query processes (default: %(default)s)")
    p.add_argument("--quiet", "-q", action="store_true", help="do not log requests")


def run(args) -> int:
    from kg.serve import serve

    serve(args.store, host=args.host, port=args.port, timeout=args.timeout, limit=args.limit,
          allow_update=args.allow_update, workers=args.workers, quiet=args.quiet)
    return 0
