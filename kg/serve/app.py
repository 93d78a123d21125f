"""The HTTP side of ``kg serve``: SPARQL 1.1 Protocol, a query page, the graph views.

Routes:

* ``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded ``query=`` /
  ``update=``, or a body of type ``application/sparql-query`` /
  ``application/sparql-update``): the SPARQL 1.1 Protocol, with
  ``default-graph-uri`` / ``named-graph-uri``; results by ``Accept`` (or a
  ``format=`` parameter). Updates are answered 403 unless the server was
  started with ``allow_update``.
* ``GET /``: a page with a query box, the saved queries and links to the views.
* ``GET /queries/NAME.rq``: a saved query's text.
* ``GET /views/...``: the files of the build folder (graph.html, index.html,
  entity pages), never the store itself.

The store is opened by the worker processes only (see ``kg.serve.worker``);
queries see the union of the article graphs as default graph, as ``kg query``
does. A read-only server notices when a build (or ``kg remove``) has changed the
store and answers the next query from the new state.
"""

from __future__ import annotations

import html
import json
import os
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import Errors, KGError

MAX_BODY = 16 * 1024 * 1024
QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPES = ("application/x-www-form-urlencoded",)


def saved_query_dirs() -> list[Path]:
    """Where saved queries are looked for: ``$KG_QUERIES``, ``./queries``, the project's ``queries/``."""
    dirs = [Path(p) for p in os.environ.get("KG_QUERIES", "").split(os.pathsep) if p]
    dirs += [Path.cwd() / "queries", Path(__file__).resolve().parents[2] / "queries"]
    from kg.settings import data_path

    dirs.append(data_path("queries"))
    return dirs


def saved_queries() -> dict[str, Path]:
    """Saved query name (file stem) -> path; the first directory that has a name wins."""
    found: dict[str, Path] = {}
    for d in saved_query_dirs():
        if d.is_dir():
            for f in sorted(d.glob("*.rq")):
                found.setdefault(f.stem, f)
    return dict(sorted(found.items()))


class KGServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, *, out_dir: Path, pool, timeout: float, limit: int, allow_update: bool,
                 quiet: bool = False):
        self.out_dir = Path(out_dir)
        self.pool = pool
        self.query_timeout = timeout
        self.limit = limit
        self.allow_update = allow_update
        self.quiet = quiet
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: KGServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    # -- plumbing --------------------------------------------------------
    def log_message(self, format, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _send(self, status: int, media_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), headers)

    # -- routes ----------------------------------------------------------
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            if "query" in params:
                return self._query(params["query"][0], params, update=False)
            if "update" in params:
                return self._text(405, "updates must be POSTed (SPARQL 1.1 Protocol)", {"Allow": "POST"})
            return self._redirect("/")
        if url.path in ("/", "/index.html"):
            return self._send(200, "text/html; charset=utf-8", self._page().encode("utf-8"))
        if url.path == "/queries.json":
            body = json.dumps({name: p.read_text(encoding="utf-8") for name, p in saved_queries().items()})
            return self._send(200, "application/json", body.encode("utf-8"))
        if url.path.startswith("/queries/"):
            q = saved_queries().get(Path(url.path).stem)
            if q is None or not url.path.endswith(".rq"):
                return self._text(404, "no such saved query")
            return self._send(200, "application/sparql-query; charset=utf-8", q.read_bytes())
        if url.path.startswith("/views/"):
            return self._static(url.path[len("/views/"):])
        return self._text(404, "not found: try / or /sparql?query=...")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._text(404, "POST queries and updates to /sparql")
        if not self._same_origin():
            return self._text(403, "cross-origin requests are refused")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._text(413, f"request body larger than {MAX_BODY} bytes")
        body = self.rfile.read(length)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._text(400, "the request body is not UTF-8")
        if ctype in FORM_TYPES:
            form = parse_qs(text, keep_blank_values=True)
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            if "update" in form:
                return self._query(form["update"][0], params, update=True)
            if "query" in form:
                return self._query(form["query"][0], params, update=False)
            return self._text(400, "the form has neither 'query' nor 'update'")
        if ctype in QUERY_TYPES:
            return self._query(text, params, update=False)
        if ctype in UPDATE_TYPES:
            return self._query(text, params, update=True)
        return self._text(415, "POST a form (query= or update=), application/sparql-query or "
                               "application/sparql-update")

    # -- SPARQL ----------------------------------------------------------
    def _query(self, text: str, params: dict[str, list[str]], *, update: bool) -> None:
        from kg.serve.worker import QueryTimeout, Request

        if update and not self.server.allow_update:
            return self._text(403, "this endpoint is read-only: start it with 'kg serve --allow-update' "
                                   "to accept SPARQL updates")
        fmt = next((params[k][0] for k in ("format", "output", "results") if params.get(k)), None)
        req = Request(
            text=text,
            update=update,
            accept=self.headers.get("Accept"),
            format=fmt,
            limit=self.server.limit,
            default_graphs=tuple(params.get("default-graph-uri", ())),
            named_graphs=tuple(params.get("named-graph-uri", ())),
        )
        try:
            resp = self.server.pool.run(req, self.server.query_timeout)
        except QueryTimeout:
            return self._text(503, f"query timed out after {self.server.query_timeout:g} s "
                                   "(raise it with 'kg serve --timeout SECONDS')")
        except (EOFError, OSError) as e:
            return self._text(500, f"the query worker failed: {e}")
        self._send(resp.status, resp.media_type, resp.body, resp.headers)

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        if not origin or origin == "null":
            return origin is None
        return urlsplit(origin).netloc == self.headers.get("Host")

    def _redirect(self, where: str) -> None:
        self.send_response(303)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _static(self, rel: str) -> None:
        from urllib.parse import unquote

        root = self.server.out_dir.resolve()
        target = (root / unquote(rel)).resolve()
        parts = target.relative_to(root).parts if target.is_relative_to(root) else ("..",)
        if not parts or parts[0] == "store" or any(p.startswith(".") for p in parts) or not target.is_file():
            return self._text(404, "not found")
        import mimetypes

        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "application/json"):
            media += "; charset=utf-8"
        self._send(200, media, target.read_bytes())

    def _page(self) -> str:
        views = [(name, f"/views/{name}") for name in ("index.html", "graph.html")
                 if (self.server.out_dir / name).is_file()]
        return render_page(list(saved_queries()), views, allow_update=self.server.allow_update,
                           limit=self.server.limit, timeout=self.server.query_timeout)


def render_page(query_names: list[str], views: list[tuple[str, str]], *, allow_update: bool, limit: int,
                timeout: float) -> str:
    """The query page (no external assets: it works offline)."""
    options = "".join(f'<option value="{html.escape(n)}">{html.escape(n)}</option>' for n in query_names)
    links = " · ".join(f'<a href="{html.escape(u)}">{html.escape(n)}</a>' for n, u in views) or \
        "none yet (run <code>kg build</code> without <code>--no-pages</code>)"
    mode = "read-write (updates allowed)" if allow_update else "read-only"
    return _PAGE.format(options=options, links=links, mode=mode, limit=limit, timeout=f"{timeout:g}")


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; }}
textarea {{ width: 100%; height: 14em; font: 13px/1.35 ui-monospace, monospace; }}
table {{ border-collapse: collapse; font-size: 13px; margin-top: 1em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }} #status {{ color: #555; margin-left: 1em; }} .err {{ color: #b00; }}
</style></head>
<body>
<h1>kg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> ({mode}; at most {limit} rows, {timeout} s per query).
The default graph is the union of all article graphs; each article is also the named graph
<code>https://w3id.org/kg-news/id/graph/ARTICLE_ID</code>.</p>
<p>Graph views: {links}</p>
<form id="f" method="post" action="/sparql">
<label>Saved query: <select id="saved"><option value="">(choose)</option>{options}</select></label>
<textarea id="query" name="query" spellcheck="false">PREFIX kg: &lt;https://w3id.org/kg-news/ontology#&gt;
PREFIX rdf: &lt;http://www.w3.org/1999/02/22-rdf-syntax-ns#&gt;
PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
SELECT ?subject ?relation ?object (COUNT(?st) AS ?statements) WHERE {{
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:negated false .
  ?s rdfs:label ?subject . ?o rdfs:label ?object . BIND(STRAFTER(STR(?p), "#") AS ?relation)
}} GROUP BY ?subject ?relation ?object ORDER BY DESC(?statements) LIMIT 100</textarea>
<p><button type="submit">Run</button>
<label>as <select id="fmt" name="format"><option value="table">table</option><option>json</option>
<option>xml</option><option>csv</option><option>tsv</option><option>turtle</option><option>ntriples</option></select></label>
<span id="status"></span></p>
</form>
<div id="out"></div>
<script>
const $ = (id) => document.getElementById(id);
$("saved").addEventListener("change", async (e) => {{
  if (!e.target.value) return;
  const r = await fetch("/queries/" + encodeURIComponent(e.target.value) + ".rq");
  $("query").value = await r.text();
}});
$("f").addEventListener("submit", async (e) => {{
  e.preventDefault();
  const fmt = $("fmt").value, out = $("out"), t0 = performance.now();
  $("status").textContent = "running…"; out.replaceChildren();
  const body = new URLSearchParams({{query: $("query").value}});
  if (fmt !== "table") body.set("format", fmt);
  const r = await fetch("/sparql", {{method: "POST", body,
    headers: {{"Accept": "application/sparql-results+json, text/turtle;q=0.9"}}}});
  const text = await r.text(), ms = Math.round(performance.now() - t0);
  const cut = r.headers.get("X-KG-Truncated") ? " (cut at the row limit)" : "";
  $("status").textContent = r.status + " in " + ms + " ms" + cut;
  $("status").className = r.ok ? "" : "err";
  const ctype = r.headers.get("Content-Type") || "";
  if (!r.ok || fmt !== "table" || !ctype.startsWith("application/sparql-results+json")) {{
    const pre = document.createElement("pre"); pre.textContent = text; out.append(pre); return;
  }}
  const data = JSON.parse(text);
  if ("boolean" in data) {{ out.textContent = String(data.boolean); return; }}
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) {{ const th = document.createElement("th"); th.textContent = v; head.append(th); }}
  for (const b of data.results.bindings) {{
    const row = table.insertRow();
    for (const v of data.head.vars) {{
      const cell = row.insertCell(), t = b[v];
      if (!t) continue;
      if (t.type === "uri") {{ const a = document.createElement("a"); a.href = t.value; a.textContent = t.value; cell.append(a); }}
      else cell.textContent = t.value + (t["xml:lang"] ? "@" + t["xml:lang"] : "");
    }}
  }}
  out.append(table);
  $("status").textContent += " · " + data.results.bindings.length + " rows";
}});
</script>
</body></html>
"""


def make_server(out_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7880, timeout: float = 30.0,
                limit: int = 10_000, allow_update: bool = False, workers: int = 2, quiet: bool = False) -> KGServer:
    """Start the query workers and bind the HTTP server (call ``serve_forever`` on it)."""
    from kg.serve.worker import WorkerPool
    from kg.store.store import STORE_DIR

    out = Path(out_dir)
    if not (out / STORE_DIR).is_dir():
        raise KGError(Errors.E003.format(path=out))
    if allow_update:  # fails early (E060) when a build holds the store
        from kg.store import KGStore

        KGStore(out, create=False).close()
    pool = WorkerPool(str(out / STORE_DIR), size=workers, writable=allow_update)
    try:
        return KGServer((host, port), out_dir=out, pool=pool, timeout=timeout, limit=limit,
                        allow_update=allow_update, quiet=quiet)
    except OSError as e:
        pool.close()
        raise KGError(Errors.E067.format(host=host, port=port, reason=e.strerror or e)) from e


def serve(out_dir: str | Path = "output", **kwargs) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(out_dir, **kwargs)
    mode = "read-write" if server.allow_update else "read-only"
    print(f"SPARQL endpoint: {server.url}/sparql  (query page: {server.url}/ ; {mode}; Ctrl-C to stop)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
