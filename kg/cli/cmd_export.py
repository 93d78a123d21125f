"""kg export: the whole graph as an RDF (or network) file."""

from __future__ import annotations

import sys

HELP = "write the whole graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML or GEXF"
DESCRIPTION = """\
Write the whole graph held in the store (--store, default ./output) to a
file. The format comes from --format, else from the file's extension.

Turtle is sorted (the same graph always gives the same bytes). N-Quads,
TriG and JSON-LD keep every article in its own named graph
(https://w3id.org/kg-news/id/graph/ARTICLE_ID), so the provenance of each
triple travels with it; Turtle, N-Triples and RDF/XML hold the union graph
(each distinct triple once). GraphML and GEXF hold the entity network, for
Gephi, Cytoscape or yEd.
"""
EPILOG = """\
examples:
  kg export -o graph.ttl                        # sorted Turtle (format from the extension)
  kg export --format nquads -o graph.nq         # one named graph per article
  kg export --format jsonld -o graph.jsonld
  kg export --format ntriples | wc -l           # to standard output
  kg export --format graphml -o network.graphml # for Gephi / Cytoscape / yEd
"""


def add_arguments(p) -> None:
    from kg.export.rdf import FORMATS

    p.add_argument("--format", "-f", choices=FORMATS, default=None,
                   help="output format (default: from the -o extension; turtle on standard output)")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="output file, or - for standard output (default)")
    p.add_argument("--store", "--out", dest="store", default="output", metavar="DIR",
                   help="the build folder holding store/, as given to 'kg build --out' (default: %(default)s)")


def run(args) -> int:
    from kg.export.rdf import export
    from kg.store import KGStore

    with KGStore(args.store, create=False, read_only=True) as store:
        try:
            n = export(store, args.format, args.output)
        except BrokenPipeError:  # e.g. 'kg export | head': the reader has had enough
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args.output != "-":
        print(f"Wrote {n} statements to {args.output}" if isinstance(n, int) else f"Wrote {args.output}",
              file=sys.stderr)
    return 0
