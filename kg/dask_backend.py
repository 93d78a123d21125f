"""Build on a Dask cluster: partitions of articles, extracted on the workers.

The client (the machine running ``kg build --dask ADDRESS``) reads the corpus
lazily and sends it in partitions of ``partition_size`` articles; at most two
partitions per worker are in flight, so neither side ever holds the corpus.
Each worker loads the spaCy model once, extracts its partition, turns the
facts into quads (``kg.graph.article_quads``) and returns them as one N-Quads
shard. The client writes each shard to ``OUT/shards/`` and bulk-loads it into the
store as it arrives (``pyoxigraph.Store.bulk_load``, the fast
non-transactional path, guarded by the store's journal), then removes it
unless ``keep_shards`` is set (or ``KG_KEEP_SHARDS=1``), e.g. to load the
shards into an external triple store.

Every article's quads carry its content hash and the extractor version
(``kg:contentHash``, ``kg:extractorVersion``), so incremental builds work the
same as with the single-process build: unchanged articles are never sent, and a
changed article's old graph is dropped before its new one is loaded.

``address`` is ``tcp://HOST:8786`` for a running scheduler, or ``"local"``
for a ``LocalCluster`` of two single-threaded worker processes on this machine.

    >>> from kg.dask_backend import shard_name
    >>> shard_name(7)
    'part-00007.nq'
"""

from __future__ import annotations

import shutil
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import Errors, KGError
from kg.extract.types import ArticleFacts
from kg.ingest.article import Article

#: Articles per partition (one task, one shard).
PARTITION_SIZE = 32
SHARDS_DIR = "shards"

# Per worker process: extractors by model name, loaded on first use.
_EXTRACTORS: dict = {}


def shard_name(index: int) -> str:
    return f"part-{index:05d}.nq"


@contextmanager
def dask_client(address: str, *, n_workers: int = 2):
    """A ``distributed.Client`` for ``address`` (``"local"``: start a LocalCluster)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise KGError(Errors.E095.format(reason=e)) from e
    if address == "local":
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as e:
        raise KGError(Errors.E093.format(address=address, reason=e)) from e
    with client:
        yield client


def _extractor(model: str | None, extractor=None):
    """The worker's extractor: the one sent by the client, else ``Extractor(model)`` loaded once."""
    if extractor is not None:
        if id(extractor) not in _EXTRACTORS:
            _warm_up(extractor)
            _EXTRACTORS[id(extractor)] = extractor
        return extractor
    if model not in _EXTRACTORS:
        from kg.extract import Extractor

        ex = Extractor(model=model)
        _warm_up(ex)
        _EXTRACTORS[model] = ex
    return _EXTRACTORS[model]


def _warm_up(extractor) -> None:
    """Build lazily made extractor state outside a memory zone (see kg.parallel.extract_local)."""
    list(extractor.pipe([Article(id="warm-up", text="Russia supports Syria.")]))


def extract_partition(articles: list[Article], model: str | None = None, extractor=None) -> list[ArticleFacts]:
    """Task: the facts of one partition (runs on a worker)."""
    from kg.parallel import extract_chunk

    return extract_chunk(_extractor(model, extractor), articles)


def quads_partition(articles: list[Article], model: str | None = None, extractor=None) -> tuple[list[str], bytes]:
    """Task: one partition as (article ids, N-Quads bytes) (runs on a worker)."""
    import pyoxigraph as ox

    from kg.graph import article_quads

    facts = extract_partition(articles, model, extractor)
    quads = [q for af in facts for q in article_quads(af)]
    return [af.article.id for af in facts], ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def _n_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _submit_bounded(client, func, partitions: Iterable[list[Article]], *args) -> Iterator:
    """Results of ``func(partition, *args)`` in partition order, at most 2 per worker in flight."""
    in_flight: deque = deque()
    limit = 2 * _n_workers(client)
    try:
        for part in partitions:
            in_flight.append(client.submit(func, part, *args, pure=False))
            while len(in_flight) >= limit:
                yield _result(in_flight.popleft())
        while in_flight:
            yield _result(in_flight.popleft())
    finally:
        for f in in_flight:
            f.cancel()


def _result(future):
    try:
        return future.result()
    except ImportError as e:
        raise KGError(Errors.E094.format(reason=e)) from e


def _scatter(client, extractor):
    return None if extractor is None else client.scatter(extractor, broadcast=True)


def extract_with_dask(articles: Iterable[Article], *, address: str, model: str | None = None, extractor=None,
                      chunk_size: int = PARTITION_SIZE) -> Iterator[ArticleFacts]:
    """``ArticleFacts`` of ``articles``, in input order, extracted on a Dask cluster."""
    from kg.parallel import chunked

    with dask_client(address) as client:
        ex = _scatter(client, extractor)
        for facts in _submit_bounded(client, extract_partition, chunked(articles, chunk_size), model, ex):
            yield from facts


def build_with_dask(articles: Iterable[Article], store, out_dir: str | Path, *, address: str,
                    model: str | None = None, extractor=None, replace: Iterable[str] = (),
                    partition_size: int = PARTITION_SIZE, keep_shards: bool | None = None,
                    progress: bool = False) -> list[str]:
    """Extract ``articles`` on the cluster and bulk-load them into ``store`` (a ``KGStore``).

    Returns the ids built. ``replace``: ids already in the store; their old
    graphs are dropped before the new ones load (changed articles). Shards
    load as they arrive, while the workers extract the next partitions.
    ``keep_shards`` (default: the ``KG_KEEP_SHARDS`` environment variable)
    leaves them in ``out_dir/shards/`` afterwards.
    """
    import os

    from kg.parallel import chunked

    if keep_shards is None:
        keep_shards = os.environ.get("KG_KEEP_SHARDS", "") not in ("", "0")
    replace = set(replace)
    shards = Path(out_dir) / SHARDS_DIR
    if shards.exists():
        shutil.rmtree(shards)
    shards.mkdir(parents=True)
    built: list[str] = []
    bar = _bar(progress)
    try:
        with dask_client(address) as client:
            ex = _scatter(client, extractor)
            results = _submit_bounded(client, quads_partition, chunked(articles, partition_size), model, ex)
            for i, (ids, data) in enumerate(results):
                path = shards / shard_name(i)
                path.write_bytes(data)
                for article_id in ids:
                    if article_id in replace:
                        store.remove_article(article_id)
                load_shard(store, path, ids)
                if not keep_shards:
                    path.unlink()
                built.extend(ids)
                if bar is not None:
                    bar.update(len(ids))
    finally:
        if bar is not None:
            bar.close()
        if not keep_shards:
            shutil.rmtree(shards, ignore_errors=True)
    return built


def load_shard(store, path: Path, ids: list[str]) -> None:
    """Bulk-load one N-Quads shard into a ``KGStore``, under the store's journal.

    The bulk loader is not transactional: the shard's article ids are written
    to the journal first and the journal is removed once the shard is on
    disk, so a crash in between drops exactly those articles on the next
    open (``KGStore.recover``) and the next build re-extracts them.
    """
    import os

    import pyoxigraph as ox

    from kg.store.store import JOURNAL

    journal = Path(store.out_dir) / JOURNAL
    with open(journal, "w", encoding="utf-8") as f:
        f.write("\n".join(ids) + "\n")
        f.flush()
        os.fsync(f.fileno())
    store.store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    store.store.flush()
    journal.unlink()


def _bar(enabled: bool):
    if not enabled:
        return None
    import sys

    from tqdm import tqdm

    return tqdm(desc="Extracting (dask)", unit="article", file=sys.stderr, leave=False)


__all__ = ["build_with_dask", "extract_with_dask", "dask_client", "quads_partition", "extract_partition"]
