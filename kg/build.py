"""Build: the whole flow from input paths to the store, Turtle and pages in ``out_dir``.

    ingest -> nlp/extract -> graph -> store -> export/viz

Unchanged articles (same content hash and extractor version) are skipped, so
re-running a build on the same corpus is cheap.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

from kg import EXTRACTOR_VERSION
from kg.extract.version import extractor_version
from kg.errors import Warnings
from kg.ingest import Article, Skipped, iter_articles


@dataclass
class BuildReport:
    out_dir: Path
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    articles_total: int = 0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_relation: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """False only when nothing could be built and nothing was there already."""
        return bool(self.built or self.unchanged or self.articles_total)

    def summary(self) -> str:
        lines = [
            f"Built {len(self.built)} article(s), {len(self.unchanged)} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.removed)} removed in {self.seconds:.1f} s.",
            f"Graph: {self.articles_total} articles, {self.triples} triples -> {self.out_dir}",
        ]
        if self.entities_by_type:
            lines.append("Entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities_by_type.items())))
        if self.facts_by_relation:
            lines.append(
                "Facts: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.facts_by_relation.items(), key=lambda kv: (-kv[1], kv[0])))
            )
        if self.skipped:
            reasons = Counter(s.reason.split(":")[0] for s in self.skipped)
            lines.append("Skipped: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())))
        return "\n".join(lines)


def _print_warning(msg: str) -> None:
    """One line on stderr, above the progress bar rather than inside it."""
    from tqdm import tqdm

    tqdm.write(msg, file=sys.stderr)


def _progress(iterable: Iterable, *, enabled: bool, desc: str):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, unit="article", file=sys.stderr, leave=False, disable=None)  # None: off when not a terminal


def build(
    paths: Iterable[str | Path] | None = None,
    out_dir: str | Path = "output",
    *,
    sync: bool = False,
    workers: int = 1,
    dask: str | None = None,
    model: str | None = None,
    ingest_options=None,
    progress: bool = False,
    warn: Callable[[str], None] | None = None,
    pages: bool = True,
    extractor=None,
) -> BuildReport:
    """Build ``paths`` (default: the bundled sample) into ``out_dir``.

    Incremental: an article whose content hash and extractor version match
    the store is skipped (and the spaCy model is not even loaded when every
    article is unchanged); a changed article replaces exactly its own graph;
    with ``sync=True`` articles whose files are gone are removed. Each
    article is written atomically, so an interrupted build leaves whole
    articles only, and the next build completes it.
    """
    from kg.graph import article_quads
    from kg.settings import sample_corpus
    from kg.store import KGStore
    from kg.store.store import ArticleWriter

    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = list(paths) if paths else [sample_corpus()]
    if sync:  # a mistyped folder must not read as "every file in it was deleted"
        from kg.errors import Errors, KGError

        for p in paths:
            if str(p) != "-" and "://" not in str(p) and not Path(p).exists():
                raise KGError(Errors.E005.format(path=p))
    report = BuildReport(out_dir=out)
    warn = warn or _print_warning
    store = KGStore(out)
    try:
        known = store.article_hashes()
        seen: set[str] = set()
        unreadable: set[str] = set()  # ids of inputs that exist but were skipped: --sync keeps them

        def todo() -> Iterator[Article]:
            for item in iter_articles(paths, ingest_options, warn=warn):
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    warn(item.message)
                    if item.article_id:
                        unreadable.add(item.article_id)
                    continue
                if item.id in seen:
                    continue
                seen.add(item.id)
                if known.get(item.id) == _stamp(item):
                    report.unchanged.append(item.id)
                    continue
                yield item

        pending = todo()
        first = next(pending, None)
        if first is not None:  # only now is the model worth loading
            from kg.parallel import extract_articles

            if dask:  # the workers write N-Quads shards, bulk-loaded into the store
                from kg.dask_backend import build_with_dask

                report.built.extend(build_with_dask(chain([first], pending), store, out, address=dask,
                                                    model=model, extractor=extractor, replace=known,
                                                    progress=progress))
            else:
                # A first build into an empty store takes the bulk loader's path.
                writer = ArticleWriter(store, bulk=not known, batch_quads=_bulk_batch_quads())
                facts = extract_articles(chain([first], pending), workers=workers, model=model,
                                         extractor=extractor)
                for af in _progress(facts, enabled=progress, desc="Extracting"):
                    writer.put(af.article.id, article_quads(af))
                    report.built.append(af.article.id)
                writer.flush()
        if sync:
            for article_id in store.article_ids():
                if article_id not in seen and article_id not in unreadable:
                    store.remove_article(article_id)
                    report.removed.append(article_id)
        store.flush()
        write_outputs(store, out, report, pages=pages,
                      changed=bool(report.built or report.removed))
    finally:
        store.close()  # releases the RocksDB lock, so other processes may open it
    report.seconds = time.perf_counter() - t0
    return report


def _bulk_batch_quads() -> int:
    """Quads per bulk-loader batch on a first build (``KG_BULK_QUADS`` overrides)."""
    import os

    return int(os.environ.get("KG_BULK_QUADS", "200000"))


def _stamp(article: Article) -> str:
    """What the store records of an article: its content hash and the extractor version."""
    return f"{article.content_hash}:{extractor_version()}"


OUTPUTS_STAMP = ".kg-outputs"


def write_outputs(store, out: Path, report: BuildReport | None = None, *, pages: bool = True,
                  changed: bool = True) -> None:
    """Write ``graph.ttl`` (and the HTML pages) from the store; fill the report's counts.

    With ``changed=False`` (nothing was built or removed) the files are left
    alone when they were written from this very store content, by this
    version of kg, with the same ``pages`` setting (recorded in
    ``out/.kg-outputs``): an unchanged rebuild costs almost nothing.
    """
    from kg.export.turtle import write_turtle

    if report is not None:
        report.articles_total = len(store.article_ids())
        report.entities_by_type = _count(store, "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t . "
                                         "FILTER(?t IN (kg:Person, kg:Country, kg:Organization, kg:ArmedGroup, kg:Group, kg:Location)) } GROUP BY ?t")
        report.facts_by_relation = _count(store, "SELECT ?t (COUNT(?st) AS ?n) WHERE { ?st a kg:Statement ; "
                                          "rdf:predicate ?t ; kg:negated false } GROUP BY ?t")
    stamp = _outputs_stamp(store, pages)
    stamp_file = out / OUTPUTS_STAMP
    if (not changed and (out / "graph.ttl").exists() and stamp_file.exists()
            and stamp_file.read_text(encoding="utf-8") == stamp):
        if report is not None:
            report.triples = store.count_triples()
        return
    stamp_file.unlink(missing_ok=True)
    tmp = out / "graph.ttl.part"
    with open(tmp, "w", encoding="utf-8") as f:
        n = write_turtle(iter(store), f)  # all quads: the external sort drops repeats, memory stays flat
    tmp.replace(out / "graph.ttl")
    if report is not None:
        report.triples = n
    if pages:
        try:
            from kg.viz.pages import write_pages
        except ImportError:  # the viz stage is optional at this point of the build
            write_pages = None
        if write_pages is not None:
            write_pages(store, out)
    stamp_file.write_text(stamp, encoding="utf-8")


def _outputs_stamp(store, pages: bool) -> str:
    """What the written outputs depend on: every article's stamp, kg's version, the pages switch."""
    import hashlib

    from kg import __version__

    h = hashlib.sha256()
    for article_id, stamp in sorted(store.article_hashes().items()):
        h.update(f"{article_id}\x1f{stamp}\n".encode())
    return f"kg {__version__} extractor {extractor_version()} pages {pages} articles {h.hexdigest()}\n"


def _count(store, body: str) -> dict[str, int]:
    from kg.vocab import NS

    q = f"PREFIX kg: <{NS}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> {body}"
    return {row["t"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in store.query(q)}


__all__ = ["build", "BuildReport", "write_outputs", "EXTRACTOR_VERSION"]
