"""Query workers: each a process holding the store open, so a runaway query can be killed.

pyoxigraph cannot interrupt a running query, so the per-query timeout is
enforced by killing the worker process that runs it and starting a fresh one.
Workers answer with ready-made bytes (status, media type, body, headers).
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

#: Errors pyoxigraph raises for bad queries or store trouble (answered 400 / 500).
_QUERY_ERRORS = (SyntaxError, ValueError, TypeError, OSError, RuntimeError, NotImplementedError)


@dataclass(frozen=True)
class Request:
    text: str
    update: bool = False
    accept: str | None = None
    format: str | None = None
    limit: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Response:
    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def execute(store, req: Request) -> Response:
    """Run one query or update against an open ``pyoxigraph.Store``."""
    import pyoxigraph as ox

    from kg.serve import results as R

    if req.update:
        try:
            store.update(req.text)
            store.flush()
        except _QUERY_ERRORS as e:
            return Response(400, "text/plain; charset=utf-8", f"bad update: {e}\n".encode())
        return Response(204, "text/plain", b"")
    kwargs: dict = {}
    if req.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if req.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs]
    try:
        result = store.query(req.text, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            fmt = R.pick_format(req.accept, "ask", req.format)
            return Response(200, R.media_type(fmt), R.boolean_bytes(bool(result), fmt))
        if isinstance(result, ox.QuerySolutions):
            fmt = R.pick_format(req.accept, "select", req.format)
            variables = [v.value for v in result.variables]
            rows, truncated = [], False
            for solution in result:
                if len(rows) == req.limit:
                    truncated = True
                    break
                rows.append([solution[i] for i in range(len(variables))])
            body = R.solutions_bytes(variables, rows, fmt)
        else:
            fmt = R.pick_format(req.accept, "construct", req.format)
            # a graph is a set: the same triple from several article graphs is written once
            kept: dict = {}
            truncated = False
            for triple in result:
                if triple not in kept and len(kept) == req.limit:
                    truncated = True
                    break
                kept[triple] = None
            body = R.triples_bytes(list(kept), fmt)
    except _QUERY_ERRORS as e:
        return Response(400, "text/plain; charset=utf-8", f"bad query: {e}\n".encode())
    headers = {"X-KG-Truncated": "true", "X-KG-Limit": str(req.limit)} if truncated else {}
    media = R.media_type(fmt) + ("; charset=utf-8" if fmt in ("csv", "tsv", "turtle", "ntriples") else "")
    return Response(200, media, body, headers)


def _worker_main(conn, store_path: str, writable: bool) -> None:
    """Body of a worker process: open the store, answer requests until told to stop."""
    import signal

    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    store = ox.Store(store_path) if writable else ox.Store.read_only(store_path)
    seen = _store_stamp(store_path)
    conn.send("ready")
    while True:
        try:
            req = conn.recv()
        except EOFError:
            break
        if req is None:
            break
        if not writable:  # a build or 'kg remove' changed the store since: look at it afresh
            now = _store_stamp(store_path)
            if now != seen:
                try:
                    store, seen = ox.Store.read_only(store_path), now
                except (OSError, RuntimeError):
                    pass  # caught mid-write: keep the previous view, try again next query
        conn.send(execute(store, req))


def _store_stamp(path: str) -> tuple:
    """Changes whenever RocksDB writes (new WAL entries, SST files, manifest)."""
    import os

    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path)))
    except OSError:
        return ()


class QueryTimeout(Exception):
    pass


class WorkerPool:
    """``size`` worker processes; ``run`` hands a request to an idle one, with a timeout."""

    def __init__(self, store_path: str, *, size: int = 2, writable: bool = False):
        import multiprocessing

        self.ctx = multiprocessing.get_context("spawn")
        self.store_path = store_path
        self.writable = writable
        self.size = 1 if writable else max(1, size)  # one writer holds the store's lock
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        p = self.ctx.Process(target=_worker_main, args=(child, self.store_path, self.writable), daemon=True)
        p.start()
        child.close()
        if not parent.poll(60) or parent.recv() != "ready":
            p.kill()
            raise OSError(f"the query worker could not open the store at {self.store_path}")
        with self._lock:
            self._all.add((p, parent))
        return p, parent

    def _retire(self, worker) -> None:
        p, conn = worker
        with self._lock:
            self._all.discard(worker)
        p.kill()
        p.join(5)
        conn.close()

    def run(self, req: Request, timeout: float) -> Response:
        worker = self._idle.get()
        p, conn = worker
        try:
            conn.send(req)
            if conn.poll(timeout):
                response = conn.recv()
                self._idle.put(worker)
                return response
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            self._retire(worker)
            self._idle.put(self._spawn())
            raise
        self._retire(worker)  # the query is still running: kill it
        self._idle.put(self._spawn())
        raise QueryTimeout(timeout)

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
        for p, conn in workers:
            try:
                conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        for worker in workers:
            p, conn = worker
            p.join(2)
            if p.is_alive():
                p.kill()
                p.join(2)
            conn.close()
        with self._lock:
            self._all.clear()
