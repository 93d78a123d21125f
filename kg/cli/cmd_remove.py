"""kg remove: take articles (and every fact only they support) out of the graph."""

from __future__ import annotations

import sys

HELP = "remove articles from the graph, with every fact no other article supports"
DESCRIPTION = """\
Remove articles from the store by their id (the input file's name without
extension, dcterms:identifier). Each article's named graph is dropped in one
transaction: its Article node, its Statements and the direct triples it
asserted. A direct triple (e.g. Russia kg:supplies Syria) stays in the graph
as long as another article still supports it. graph.ttl and the pages are
rewritten afterwards.

To remove the articles whose files have disappeared, use
'kg build --sync DIR' instead.
"""
EPILOG = """\
examples:
  kg remove 001_f99d47caf96a5657
  kg remove 001_f99d47caf96a5657 002_a1b2c3 --out mygraph
  kg remove --list                  # the stored article ids
"""


def add_arguments(p) -> None:
    p.add_argument("article_ids", nargs="*", metavar="ARTICLE_ID", help="ids of the articles to remove")
    p.add_argument("--out", "-o", "--store", dest="out", default="output", metavar="DIR",
                   help="the build folder holding store/ (default: %(default)s)")
    p.add_argument("--list", action="store_true", help="list the stored article ids and exit")
    p.add_argument("--no-pages", action="store_true", help="do not rewrite the HTML pages")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary")


def run(args) -> int:
    from kg.build import BuildReport, write_outputs
    from kg.errors import Errors, KGUsageError
    from kg.store import KGStore

    if args.list:
        with KGStore(args.out, create=False, read_only=True) as store:
            print("\n".join(store.article_ids()))
        return 0
    if not args.article_ids:
        raise KGUsageError("E063: give at least one ARTICLE_ID to remove (see 'kg remove --list').")
    with KGStore(args.out, create=False) as store:
        known = set(store.article_ids())
        missing = [a for a in args.article_ids if a not in known]
        if missing:
            raise KGUsageError(Errors.E063.format(article=missing[0], path=args.out))
        report = BuildReport(out_dir=store.out_dir)
        for article_id in args.article_ids:
            if store.remove_article(article_id):
                report.removed.append(article_id)
        store.flush()
        write_outputs(store, store.out_dir, report, pages=not args.no_pages)
    if not args.quiet:
        print(f"Removed {len(report.removed)} article(s): {', '.join(report.removed)}.", file=sys.stderr)
        print(f"Graph: {report.articles_total} articles, {report.triples} triples -> {args.out}", file=sys.stderr)
    return 0
