"""Run extraction over many articles: in this process, a process pool, or Dask.

``extract_articles`` is what ``kg.build`` calls; it streams ``ArticleFacts``
in input order whatever the backend, and never holds the whole corpus:

* ``workers=1``: the extractor runs here, over chunks of articles, each chunk
  inside spaCy's ``nlp.memory_zone()`` so the string store does not grow with
  the corpus (spaCy issue #3618).
* ``workers=N``: a pool of N processes, each loading the model once and
  running ``Extractor.pipe`` over chunks of articles. Only small
  ``ArticleFacts`` come back (never spaCy ``Doc`` objects), and at most
  ``2 * N`` chunks are in flight, so memory stays flat however long the
  corpus is.
* ``dask=ADDRESS``: see ``kg.dask_backend``.

The output does not depend on the backend: the same articles give the same
facts in the same order.

    >>> from kg.parallel import chunked
    >>> [list(c) for c in chunked(range(5), 2)]
    [[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from itertools import islice

from kg.errors import Errors, KGError, KGUsageError
from kg.extract.types import ArticleFacts
from kg.ingest.article import Article

#: Articles sent to a worker at a time. Big enough that spaCy batches well and
#: the pickling overhead is nothing; small enough that the last chunk does not
#: leave the other workers idle for long.
CHUNK_SIZE = 8
#: Articles processed in-process between two releases of spaCy's string store.
LOCAL_CHUNK_SIZE = 256


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items, read lazily from ``items``."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_articles(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    dask: str | None = None,
    model: str | None = None,
    extractor=None,
    chunk_size: int | None = None,
) -> Iterator[ArticleFacts]:
    """Extract facts from ``articles``, in input order.

    ``workers`` processes (1: this process), or a Dask cluster at ``dask``
    (``"local"`` for a LocalCluster on this machine). ``extractor`` replaces
    the default ``Extractor(model=model)``; with several workers it must be
    picklable.
    """
    if workers < 1:
        raise KGUsageError(Errors.E090.format(workers=workers))
    if dask:
        from kg.dask_backend import extract_with_dask

        yield from extract_with_dask(articles, address=dask, model=model, extractor=extractor,
                                     chunk_size=chunk_size or CHUNK_SIZE)
    elif workers == 1:
        if extractor is None:
            from kg.extract import Extractor

            extractor = Extractor(model=model)
        yield from extract_local(extractor, articles, chunk_size=chunk_size or LOCAL_CHUNK_SIZE)
    else:
        yield from _extract_pool(articles, workers=workers, model=model, extractor=extractor,
                                 chunk_size=chunk_size or CHUNK_SIZE)


def memory_zone(extractor):
    """spaCy's ``memory_zone`` of the extractor's pipeline (a no-op without one)."""
    nlp = getattr(extractor, "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else nullcontext()


def extract_chunk(extractor, chunk: list[Article]) -> list[ArticleFacts]:
    """Extract one chunk inside a memory zone; the facts hold only plain strings."""
    with memory_zone(extractor):
        return list(extractor.pipe(chunk))


def extract_local(extractor, articles: Iterable[Article], *, chunk_size: int = LOCAL_CHUNK_SIZE) -> Iterator[ArticleFacts]:
    """Extract in this process, releasing spaCy's transient strings after every chunk."""
    warmed = False
    for chunk in chunked(articles, chunk_size):
        if not warmed:
            # Lazily built extractor state (lexeme caches, matchers) must be
            # created outside a memory zone, or it would be freed when the zone ends.
            yield from extractor.pipe(chunk[:1])
            chunk, warmed = chunk[1:], True
        yield from extract_chunk(extractor, chunk)


# -- the process pool ---------------------------------------------------------

_WORKER_CONFIG: tuple = (None, None)
_WORKER_EXTRACTOR = None


def _init_worker(model: str | None, pickled_extractor: bytes | None) -> None:
    """Remember what to load; loading happens in the first task, so its errors reach the caller."""
    global _WORKER_CONFIG
    _WORKER_CONFIG = (model, pickled_extractor)
    _watch_parent()


def _watch_parent(interval: float = 1.0) -> None:
    """Exit when the parent dies (SIGKILL skips the pool's shutdown, and a
    worker busy parsing would otherwise run its chunk to the end, orphaned)."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch():
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _worker_extractor():
    """The worker's extractor, loaded once per process and warmed up outside any memory zone."""
    global _WORKER_EXTRACTOR
    if _WORKER_EXTRACTOR is None:
        model, pickled = _WORKER_CONFIG
        if pickled is not None:
            import pickle

            ex = pickle.loads(pickled)
        else:
            from kg.extract import Extractor

            ex = Extractor(model=model)
        list(ex.pipe([Article(id="warm-up", text="Russia supports Syria.")]))
        _WORKER_EXTRACTOR = ex
    return _WORKER_EXTRACTOR


def _work(chunk: list[Article]) -> list[ArticleFacts]:
    return extract_chunk(_worker_extractor(), chunk)


def _extract_pool(articles: Iterable[Article], *, workers: int, model: str | None, extractor,
                  chunk_size: int) -> Iterator[ArticleFacts]:
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pickled = None
    if extractor is not None:
        try:
            pickled = pickle.dumps(extractor)
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            raise KGUsageError(Errors.E091.format(reason=e)) from e
    # 'spawn', not 'fork': the parent holds RocksDB and tqdm threads, which a
    # forked child must not inherit mid-lock. Each worker loads the model once.
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(model, pickled))
    in_flight: deque = deque()
    chunks = chunked(articles, chunk_size)
    try:
        for chunk in chunks:
            in_flight.append(pool.submit(_work, chunk))
            while len(in_flight) >= 2 * workers:
                yield from _result(in_flight.popleft(), BrokenProcessPool)
        while in_flight:
            yield from _result(in_flight.popleft(), BrokenProcessPool)
    finally:
        for f in in_flight:
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future, broken) -> list[ArticleFacts]:
    try:
        return future.result()
    except broken as e:
        raise KGError(Errors.E092.format(reason=e)) from e


__all__ = ["extract_articles", "extract_local", "extract_chunk", "chunked", "CHUNK_SIZE"]
