"""The embedded store: pyoxigraph on disk, one named graph per article.

Every article's quads live in its own named graph, and queries read the union
of all graphs as their default graph. So:

* replacing an article is one transaction (``DROP GRAPH`` + ``INSERT DATA`` in
  a single SPARQL UPDATE, which Oxigraph applies atomically), and a crash or
  Ctrl-C leaves either the old or the new version of that article, never half;
* removing an article drops its graph, and a direct triple ``s kg:rel o``
  disappears from the union exactly when no remaining article asserts it;
* big first builds go through ``bulk_extend`` (not transactional, much
  faster), guarded by a journal file: the ids of the batch being loaded are
  written to ``out_dir/.kg-journal`` first and the file is removed once the
  batch is on disk. If the process dies in between, the next writable open
  drops those articles' graphs again, and the next build re-extracts them.

    >>> import tempfile
    >>> from kg.extract.types import ArticleFacts, Entity
    >>> from kg.graph import article_quads
    >>> from kg.ingest.article import Article
    >>> s = KGStore(tempfile.mkdtemp())
    >>> s.put_article("a1", article_quads(ArticleFacts(Article(id="a1", text="t"), (Entity("Russia", "Country"),), ())))
    >>> s.article_ids(), s.count_triples()
    (['a1'], 8)
    >>> s.remove_article("a1"), len(s)
    (True, 0)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Errors, KGError
from kg.graph.iris import article_graph
from kg.vocab import BASE, NS

STORE_DIR = "store"
#: Quads written between two flushes: RocksDB keeps unflushed writes in memory
#: (one write buffer per index), so without this a long build's memory grows
#: with the corpus (measured: +1.2 GB over 2M quads; flat ~270 MB with flushes).
FLUSH_QUADS = 250_000
JOURNAL = ".kg-journal"
DCT_IDENTIFIER = "http://purl.org/dc/terms/identifier"


class KGStore:
    """A persistent graph store under ``out_dir/store``.

    Queries see the union of all article graphs as their default graph.
    ``read_only=True`` opens without the write lock (several readers may
    share a store; a reader does not see writes made after it opened).
    """

    def __init__(self, out_dir: str | Path, *, create: bool = True, read_only: bool = False):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / STORE_DIR
        self.read_only = read_only
        if not self.path.exists() and (not create or read_only):
            raise KGError(Errors.E003.format(path=self.out_dir))
        try:
            if read_only:
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as e:
            if "lock" in str(e).lower():
                raise KGError(Errors.E060.format(path=self.path)) from e
            raise KGError(Errors.E061.format(path=self.path, reason=e)) from e
        if not read_only:
            self.recover()

    @classmethod
    def memory(cls) -> KGStore:
        """A store in memory (nothing on disk), e.g. for tests and notebooks."""
        self = cls.__new__(cls)
        self.out_dir = self.path = None
        self.read_only = False
        self.store = ox.Store()
        return self

    # -- protocols -------------------------------------------------------
    def __len__(self) -> int:
        """Number of quads (an article's triples count once per article graph)."""
        return len(self.store)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.store

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.store)

    def close(self) -> None:
        """Release the store (and its lock); the object is unusable afterwards."""
        if getattr(self, "store", None) is not None:
            if not self.read_only and self.path is not None:
                self.store.flush()
            del self.store
            self.store = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles --------------------------------------------------------
    def article_hashes(self) -> dict[str, str]:
        """Article id -> ``"<content hash>:<extractor version>"``, for every stored article."""
        q = f"""SELECT ?id ?h ?v WHERE {{ GRAPH ?g {{ ?a a <{NS}Article> ;
                 <{DCT_IDENTIFIER}> ?id ; <{NS}contentHash> ?h ;
                 <{NS}extractorVersion> ?v }} }}"""
        return {row["id"].value: f'{row["h"].value}:{row["v"].value}' for row in self.store.query(q)}

    def article_ids(self) -> list[str]:
        """The ids (``dcterms:identifier``) of every stored article, sorted.

        Read from the data, not decoded from graph IRIs: minting an IRI is
        lossy (spaces become ``_``).
        """
        q = f"""SELECT DISTINCT ?id WHERE {{ GRAPH ?g {{ ?a a <{NS}Article> ; <{DCT_IDENTIFIER}> ?id }}
                 FILTER(STRSTARTS(STR(?g), "{BASE}graph/")) }}"""
        return sorted(row["id"].value for row in self.store.query(q))

    def has_article(self, article_id: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(article_graph(article_id)))

    def put_article(self, article_id: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one article's graph with ``quads``, atomically.

        A new article is one ``extend`` (a transaction); a changed one is one
        SPARQL UPDATE that drops the old graph and inserts the new quads.
        """
        g = ox.NamedNode(article_graph(article_id))
        quads = list(quads)
        _check_graph(quads, g)
        self._written(len(quads))
        if not self.store.contains_named_graph(g):
            self.store.extend(quads)
            return
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def _written(self, n: int) -> None:
        """Count quads about to be written; flush the write buffers every ``FLUSH_QUADS``."""
        self._unflushed = getattr(self, "_unflushed", 0) + n
        if self._unflushed >= FLUSH_QUADS:
            self.store.flush()
            self._unflushed = 0

    def put_articles(self, articles: Iterable[tuple[str, list[ox.Quad]]]) -> None:
        """Add several new articles in one transaction (none of them may exist yet)."""
        quads: list[ox.Quad] = []
        for article_id, qs in articles:
            _check_graph(qs, ox.NamedNode(article_graph(article_id)))
            quads.extend(qs)
        self._written(len(quads))
        self.store.extend(quads)

    def bulk_put_articles(self, articles: list[tuple[str, list[ox.Quad]]]) -> None:
        """Load new articles with the (non-transactional, fast) bulk loader, under the journal."""
        if self.out_dir is None:
            self.store.bulk_extend(q for _, qs in articles for q in qs)
            return
        journal = self.out_dir / JOURNAL
        with open(journal, "w", encoding="utf-8") as f:
            f.write("\n".join(article_id for article_id, _ in articles) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.store.bulk_extend(q for _, qs in articles for q in qs)
        self.store.flush()
        journal.unlink()

    def recover(self) -> list[str]:
        """Undo a bulk batch that did not finish (see the module docstring); return its article ids."""
        journal = self.out_dir / JOURNAL
        if not journal.exists():
            return []
        ids = [line for line in journal.read_text(encoding="utf-8").splitlines() if line]
        for article_id in ids:
            self.remove_article(article_id)
        self.store.flush()
        journal.unlink()
        return ids

    def remove_article(self, article_id: str) -> bool:
        """Drop one article's graph (a single transaction); False if it was not there."""
        g = ox.NamedNode(article_graph(article_id))
        if not self.store.contains_named_graph(g):
            return False
        self.store.remove_graph(g)
        return True

    # -- queries ---------------------------------------------------------
    def query(self, sparql: str, **kwargs):
        """Run a SPARQL query over the union of all article graphs (unless told otherwise)."""
        if "default_graph" not in kwargs:
            kwargs.setdefault("use_default_graph_as_union", True)
        return self.store.query(sparql, **kwargs)

    def triples(self) -> Iterator[ox.Triple]:
        """Distinct triples of the union of all article graphs."""
        for row in self.store.query(
            "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True
        ):
            yield ox.Triple(row[0], row[1], row[2])

    def count_triples(self) -> int:
        """Number of distinct triples in the union graph (what other stores hold after ``kg push``)."""
        q = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        return int(next(iter(self.store.query(q, use_default_graph_as_union=True)))["n"].value)

    def rdflib_dataset(self):
        """This store seen through rdflib's API (via the ``oxrdflib`` plugin: no copy in memory).

        The default graph is the union of the article graphs, as in ``query``.
        """
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self.store), default_union=True)

    def flush(self) -> None:
        self.store.flush()


def _check_graph(quads: list[ox.Quad], g: ox.NamedNode) -> None:
    for q in quads:
        if q.graph_name != g:
            raise ValueError(Errors.E062.format(graph=q.graph_name, expected=g))


class ArticleWriter:
    """Writes extracted articles into a store, choosing the safe or the bulk path.

    Into a store that was empty when the build started, new articles are
    buffered and written ``batch_quads`` quads at a time with the bulk
    loader (journaled, see the module docstring). A smaller remainder, and
    anything buffered for longer than ``max_delay`` seconds, goes in one
    ordinary transaction, so progress is visible and a crash loses at most
    the buffered articles, never half an article. Into a store that already
    holds articles, each article is written in its own transaction.
    """

    def __init__(self, store: KGStore, *, bulk: bool, batch_quads: int = 200_000, max_delay: float = 2.0):
        self.store = store
        self.bulk = bulk
        self.batch_quads = batch_quads
        self.max_delay = max_delay
        self._buffer: list[tuple[str, list[ox.Quad]]] = []
        self._size = 0
        self._since = time.monotonic()

    def put(self, article_id: str, quads: list[ox.Quad]) -> None:
        if not self.bulk or self.store.has_article(article_id):
            self.store.put_article(article_id, quads)
            return
        self._buffer.append((article_id, quads))
        self._size += len(quads)
        if self._size >= self.batch_quads or time.monotonic() - self._since >= self.max_delay:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            if self._size >= self.batch_quads:
                self.store.bulk_put_articles(self._buffer)
            else:
                self.store.put_articles(self._buffer)
        self._buffer, self._size, self._since = [], 0, time.monotonic()
