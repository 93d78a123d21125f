"""kg push: load the graph into another triple store (SPARQL 1.1 Graph Store HTTP Protocol)."""

from __future__ import annotations

import os
import sys

HELP = "load the graph into another triple store over the SPARQL Graph Store Protocol"
DESCRIPTION = """\
Load the graph held in the store (--store, default ./output) into another
triple store through its SPARQL 1.1 Graph Store HTTP Protocol endpoint, in
batches of --batch-size triples, with a progress bar.

By default the union graph (each distinct triple once) goes into the
target's default graph, so the saved queries run there unchanged. --graph
IRI puts it into one named graph instead; --per-article keeps one named
graph per article (https://w3id.org/kg-news/id/graph/ARTICLE_ID). Batches
are POSTed (added to what is there); --replace empties the target graph
first.

Graph Store endpoints: Oxigraph http://HOST:7878/store; Fuseki
http://HOST:3030/DATASET/data; Virtuoso http://HOST:8890/sparql-graph-crud-auth
(--user dba, digest auth); GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service.
The password comes from --password or the KG_PUSH_PASSWORD variable.
For very large graphs, the bulk-file route (kg export + the store's own
loader) is faster: see the README.
"""
EPILOG = """\
examples:
  kg push --endpoint http://127.0.0.1:7878/store
  kg push --endpoint http://127.0.0.1:7878/store --graph https://example.org/news --replace
  kg push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --graph https://example.org/news
  kg push --endpoint http://127.0.0.1:3030/ds/data --per-article
"""


def add_arguments(p) -> None:
    p.add_argument("--endpoint", required=True, metavar="URL", help="the target's Graph Store Protocol URL")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--graph", metavar="IRI", default=None, help="push into this named graph (default: the default graph)")
    where.add_argument("--per-article", action="store_true", help="one named graph per article")
    p.add_argument("--replace", action="store_true", help="empty the target graph(s) first (PUT), instead of adding")
    p.add_argument("--batch-size", type=int, default=50_000, metavar="N", help="triples per request (default: %(default)s)")
    p.add_argument("--user", default=None, help="user name for HTTP digest/basic authentication")
    p.add_argument("--password", default=None, help="password (default: $KG_PUSH_PASSWORD)")
    p.add_argument("--auth", choices=("digest", "basic"), default="digest", help="authentication scheme tried first")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per request (default: %(default)s)")
    p.add_argument("--store", "--out", dest="store", default="output", metavar="DIR",
                   help="the build folder holding store/ (default: %(default)s)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")


def run(args) -> int:
    from kg.errors import KGUsageError
    from kg.push import progress_bar, push
    from kg.store import KGStore

    if args.batch_size < 1:
        raise KGUsageError("E064: --batch-size must be 1 or more.")
    with KGStore(args.store, create=False, read_only=True) as store:
        bar, update = progress_bar(store.count_triples(), enabled=not args.quiet)
        try:
            report = push(store, args.endpoint, graph=args.graph, per_article=args.per_article,
                          replace=args.replace, batch_size=args.batch_size, user=args.user,
                          password=args.password or os.environ.get("KG_PUSH_PASSWORD"), auth=args.auth,
                          timeout=args.timeout, progress=update)
        finally:
            if bar is not None:
                bar.close()
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return 0
