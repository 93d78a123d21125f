"""kg build: articles in, graph out."""

from __future__ import annotations

import sys

HELP = "build articles (files, folders, feeds, corpora, URLs; default: the bundled sample) into a graph"
DESCRIPTION = """\
Build news articles into an RDF graph. With no PATH, builds the bundled
sample corpus (five articles on Russia, Syria and Iraq).

Writes into --out (default ./output): the embedded store (store/), the graph
as Turtle (graph.ttl), and the interactive pages (graph.html, index.html,
entity/*.html). Articles already in the store with the same content are
skipped, so re-running is cheap.

PATH may be a .txt/.md/.html file, an RSS/Atom feed, a JSONL or CSV corpus,
a folder (recursive), an http(s) URL, or '-' for standard input.

Bad inputs (missing, empty, binary, too large, no article text, not English,
duplicates) give a one-line warning each and are skipped; the rest is built,
and nothing already in the store is lost. Exit code 0 when something was
built or was already there, 1 when nothing could be built.
"""
EPILOG = """\
examples:
  kg build                          # the bundled sample into ./output
  kg build articles/ --out mygraph  # your own folder of .txt articles
  kg build --sync articles/         # also drop articles whose files are gone
  kg build news.rss wire.csv --text-field body   # a saved feed and a CSV corpus
  kg build https://example.org/story.html        # fetch one page (timeout, size cap)
"""


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders, URLs or '-' (default: bundled sample)")
    p.add_argument("--out", "-o", default="output", help="output folder (default: %(default)s)")
    p.add_argument("--sync", action="store_true", help="remove articles from the store whose files are not in PATH")
    p.add_argument("--workers", "-j", type=int, default=1, help="processes for extraction (default: %(default)s)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="extract on a Dask cluster: tcp://HOST:8786, or 'local' for a LocalCluster")
    p.add_argument("--model", default=None, help="spaCy model package (default: en_core_web_sm, else its re-upload)")
    p.add_argument("--no-pages", action="store_true", help="skip writing the HTML pages")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    from kg.ingest.options import add_ingest_arguments

    add_ingest_arguments(p)


def run(args) -> int:
    from kg.build import build
    from kg.errors import Errors
    from kg.ingest.options import options_from_args

    report = build(
        args.paths,
        args.out,
        sync=args.sync,
        workers=args.workers,
        dask=args.dask,
        model=args.model,
        ingest_options=options_from_args(args),
        progress=not args.quiet,
        pages=not args.no_pages,
    )
    if not args.quiet:
        print(report.summary())
    if not report.ok:
        print(f"kg build: {Errors.E002.format(skipped=len(report.skipped))}", file=sys.stderr)
        return 1
    return 0
