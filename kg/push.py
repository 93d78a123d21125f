"""Load the graph into another triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

The triples go in batches (N-Triples bodies, sent as ``text/turtle``, which
every Graph Store implementation accepts) by ``POST``, which adds to the
target graph; ``replace=True`` first empties it with a ``PUT``. Targets:

* the store's default graph (``?default``): saved queries then run there
  unchanged, whatever the store's union-graph settings;
* one named graph (``?graph=IRI``);
* one named graph per article (``per_article=True``), as in the N-Quads
  export, keeping the provenance of every triple (query the union: Oxigraph
  ``serve --union-default-graph``, Virtuoso by default, Fuseki
  ``tdb2:unionDefaultGraph``).

Triples in the default or one named graph are the union graph: each
distinct triple once, so the target ends up with as many triples as
``KGStore.count_triples()``.

    >>> target_url("http://127.0.0.1:7878/store", None)
    'http://127.0.0.1:7878/store?default'
    >>> target_url("http://h/sparql-graph-crud", "https://example.org/g#1")
    'http://h/sparql-graph-crud?graph=https%3A%2F%2Fexample.org%2Fg%231'
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import quote, urlsplit

from kg.errors import Errors, KGError, KGUsageError

DEFAULT_BATCH = 50_000


@dataclass
class PushReport:
    endpoint: str
    triples: int = 0
    requests: int = 0
    graphs: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"Pushed {self.triples} triples into {self.graphs} graph(s) of {self.endpoint} "
                f"in {self.requests} request(s), {self.seconds:.1f} s ({rate:,.0f} triples/s).")


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph) at ``endpoint``."""
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}default" if graph is None else f"{endpoint}{sep}graph={quote(graph, safe='')}"


def _check_iri(iri: str) -> str:
    parts = urlsplit(iri)
    if not parts.scheme or any(c in iri for c in ' <>"{}|\\^`'):
        raise KGUsageError(Errors.E068.format(iri=iri))
    return iri


def _opener(endpoint: str, user: str | None, password: str | None, auth: str):
    handlers = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        parts = urlsplit(endpoint)
        mgr.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, password or "")
        # One scheme only: urllib's basic handler refuses a digest challenge outright.
        handler = urllib.request.HTTPDigestAuthHandler if auth == "digest" else urllib.request.HTTPBasicAuthHandler
        handlers.append(handler(mgr))
    return urllib.request.build_opener(*handlers)


def _send(opener, method: str, url: str, body: bytes, timeout: float) -> None:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with opener.open(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as e:
        detail = e.read()[:300].decode("utf-8", "replace").strip().replace("\n", " ")
        raise KGError(Errors.E065.format(url=url, status=e.code, reason=e.reason, body=detail or "-")) from e
    except (urllib.error.URLError, OSError) as e:
        raise KGError(Errors.E066.format(url=url, reason=getattr(e, "reason", e))) from e
    except ValueError as e:  # urllib's auth handlers, on a challenge of another scheme
        raise KGError(Errors.E065.format(url=url, status=401, reason="Unauthorized", body=f"{e} (try --auth)")) from e


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def push(
    store,
    endpoint: str,
    *,
    graph: str | None = None,
    per_article: bool = False,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH,
    user: str | None = None,
    password: str | None = None,
    auth: str = "digest",
    timeout: float = 300.0,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    """Push the graph of ``store`` (a ``KGStore``) to the Graph Store endpoint ``endpoint``.

    ``progress`` is called with the number of triples of each batch sent.
    """
    import time

    import pyoxigraph as ox

    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise KGUsageError(Errors.E064.format(url=endpoint))
    if graph is not None:
        _check_iri(graph)
    opener = _opener(endpoint, user, password, auth)
    report = PushReport(endpoint=endpoint)
    t0 = time.perf_counter()

    def send_graph(url: str, triples: Iterable[ox.Triple]) -> None:
        first = True
        for batch in _batches(triples, batch_size):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            _send(opener, "PUT" if replace and first else "POST", url, body, timeout)
            first = False
            report.triples += len(batch)
            report.requests += 1
            if progress:
                progress(len(batch))
        if first and replace:  # nothing to send: still empty the target
            _send(opener, "PUT", url, b"", timeout)
            report.requests += 1
        report.graphs += 1

    if per_article:
        from kg.graph.iris import article_graph

        for article_id in store.article_ids():
            g = ox.NamedNode(article_graph(article_id))
            triples = (ox.Triple(q.subject, q.predicate, q.object)
                       for q in store.store.quads_for_pattern(None, None, None, g))
            send_graph(target_url(endpoint, g.value), triples)
    else:
        send_graph(target_url(endpoint, graph), store.triples())
    report.seconds = time.perf_counter() - t0
    return report


def progress_bar(total: int, *, enabled: bool = True):
    """Progress on stderr, counting triples: a tqdm bar on a terminal, one line per batch otherwise.

    Returns ``(closable or None, update(n))``.
    """
    if not enabled:
        return None, lambda n: None
    if not sys.stderr.isatty():
        done = [0]

        def update(n: int) -> None:
            done[0] += n
            print(f"Pushing: {done[0]}/{total} triples", file=sys.stderr, flush=True)

        return None, update
    from tqdm import tqdm

    bar = tqdm(total=total, unit="triple", unit_scale=True, desc="Pushing", file=sys.stderr, leave=False)
    return bar, bar.update


__all__ = ["push", "PushReport", "target_url", "DEFAULT_BATCH"]
