"""kg validate: check a graph against the SHACL shapes and the ontology."""

from __future__ import annotations

HELP = "check a graph file against the SHACL shapes and the ontology (pySHACL)"
DESCRIPTION = """\
Validate a graph (default: graph.ttl in --out) with pySHACL against the shapes
in ontology/shapes.ttl and the ontology in ontology/kg.ttl. Every Statement
must have exactly one subject, predicate (a kg relation) and object, come from
an Article, and carry its evidence, a confidence in [0, 1] and its polarity;
every Article an identifier; every entity a label; countries a three-letter
upper-case ISO code.

Prints one line per violation: severity, focus node, property, message. Exit
code 0 when the graph conforms (warnings allowed), 1 on any violation.
"""
EPILOG = """\
examples:
  kg validate                          # output/graph.ttl
  kg validate mygraph/graph.ttl --warnings
  kg validate --out mygraph            # mygraph/graph.ttl
"""


def add_arguments(p) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help="RDF file to check (default: OUT/graph.ttl)")
    p.add_argument("--out", "-o", default="output", help="output folder holding graph.ttl (default: %(default)s)")
    p.add_argument("--shapes", default=None, help="SHACL shapes file (default: the shipped ontology/shapes.ttl)")
    p.add_argument("--ontology", default=None, help="ontology file (default: the shipped ontology/kg.ttl)")
    p.add_argument("--warnings", "-w", action="store_true", help="also list warnings (e.g. a country without a code)")


def run(args) -> int:
    from pathlib import Path

    from kg.validate import validate_file

    path = Path(args.file) if args.file else Path(args.out) / "graph.ttl"
    report = validate_file(path, shapes=args.shapes, ontology=args.ontology)
    print(report.format(warnings=args.warnings))
    return 0 if report.conforms else 1
