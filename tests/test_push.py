"""kg push, end to end, into real triple store servers started on free loopback ports.

Oxigraph (the ``oxigraph`` package of the [test] extra ships its server)
always runs. Virtuoso (Debian ``virtuoso-opensource``, installed by
tests/run.sh) runs when ``virtuoso-t`` is on PATH; in CI its absence fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from kg.store import KGStore

pytestmark = [pytest.mark.server, pytest.mark.slow]
ROOT = Path(__file__).resolve().parent.parent
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(url)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def kg_push(store_dir, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "push", "--store", str(store_dir), *args],
                          capture_output=True, text=True, timeout=300)


def saved_queries_without_parameters() -> dict[str, str]:
    out = {}
    for f in sorted((ROOT / "queries").glob("*.rq")):
        text = f.read_text(encoding="utf-8")
        if "Parameters: none" in text and "GRAPH" not in text:
            out[f.stem] = text
    return out


def rows_from_json(data: dict) -> list[tuple]:
    vars_ = data["head"]["vars"]
    return sorted(tuple((b.get(v) or {}).get("value") for v in vars_) for b in data["results"]["bindings"])


def local_rows(store: KGStore, query: str) -> list[tuple]:
    res = store.query(query)
    vars_ = [v.value for v in res.variables]
    return sorted(tuple(None if s[v] is None else s[v].value for v in vars_) for s in res)


def remote_rows(endpoint: str, query: str, **params) -> list[tuple]:
    r = requests.post(endpoint, data={"query": query, **params},
                      headers={"Accept": "application/sparql-results+json"}, timeout=60)
    r.raise_for_status()
    return rows_from_json(r.json())


@pytest.fixture()
def oxigraph_server(tmp_path):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "oxdb"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/", proc)
        yield base
    finally:
        stop(proc)


def test_push_to_oxigraph_same_count_same_saved_query_rows(sample_build, sample_store, oxigraph_server):
    r = kg_push(sample_build, "--endpoint", oxigraph_server + "/store", "--batch-size", "100")
    assert r.returncode == 0, r.stderr
    n = sample_store.count_triples()
    assert f"Pushed {n} triples" in r.stderr and f"in {-(-n // 100)} request(s)" in r.stderr
    assert f"Pushing: 100/{n} triples" in r.stderr and f"Pushing: {n}/{n} triples" in r.stderr  # progress
    assert remote_rows(oxigraph_server + "/query", COUNT) == [(str(n),)]
    queries = saved_queries_without_parameters()
    assert queries, "no saved queries found in queries/"
    for name, q in queries.items():
        local = local_rows(sample_store, q)
        assert remote_rows(oxigraph_server + "/query", q) == local, name
    # pushing again adds nothing (a graph is a set); --replace empties first
    assert kg_push(sample_build, "--endpoint", oxigraph_server + "/store", "-q", "--replace").returncode == 0
    assert remote_rows(oxigraph_server + "/query", COUNT) == [(str(n),)]


def test_push_named_graph_and_per_article(sample_build, sample_store, oxigraph_server):
    g = "https://example.org/graph/news"
    assert kg_push(sample_build, "--endpoint", oxigraph_server + "/store", "--graph", g, "-q").returncode == 0
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"
    assert remote_rows(oxigraph_server + "/query", q) == [(str(sample_store.count_triples()),)]
    assert kg_push(sample_build, "--endpoint", oxigraph_server + "/store", "--per-article", "-q").returncode == 0
    q = ("SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-news/id/graph/')) }")
    assert remote_rows(oxigraph_server + "/query", q) == [(str(len(sample_store.article_ids())), str(len(sample_store)))]


def test_push_errors_are_one_line(sample_build, tmp_path):
    r = kg_push(sample_build, "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert r.returncode == 1 and "E066" in r.stderr and "Traceback" not in r.stderr
    r = kg_push(sample_build, "--endpoint", "ftp://example.org/store")
    assert r.returncode == 2 and "E064" in r.stderr
    r = kg_push(sample_build, "--endpoint", "http://127.0.0.1:1/store", "--graph", "not an iri")
    assert r.returncode == 2 and "E068" in r.stderr


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture()
def virtuoso_server(tmp_path):
    exe = shutil.which("virtuoso-t")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("virtuoso-t is not installed, but CI must run this test: tests/run.sh installs "
                        "the Debian package virtuoso-opensource")
        pytest.skip("virtuoso-t not installed (Debian package virtuoso-opensource; tests/run.sh installs it)")
    d = tmp_path / "virtuoso"
    d.mkdir()
    http_port, sql_port = free_port(), free_port()
    (d / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=d, sql_port=sql_port, http_port=http_port))
    proc = subprocess.Popen([exe, "-f", "-c", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_http(base + "/sparql?query=ASK%7B%7D", proc, seconds=120)
        yield base
    finally:
        stop(proc)


def test_push_to_virtuoso(sample_build, sample_store, virtuoso_server):
    g = "https://example.org/graph/news"
    r = kg_push(sample_build, "--endpoint", virtuoso_server + "/sparql-graph-crud-auth", "--graph", g,
                "--user", "dba", "--password", "dba", "--batch-size", "200", "--replace")
    assert r.returncode == 0, r.stderr
    n = sample_store.count_triples()
    assert remote_rows(virtuoso_server + "/sparql", COUNT, **{"default-graph-uri": g}) == [(str(n),)]
    q = ("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
         "SELECT ?a ?id WHERE { ?a a kg:Article ; <http://purl.org/dc/terms/identifier> ?id }")
    assert remote_rows(virtuoso_server + "/sparql", q, **{"default-graph-uri": g}) == local_rows(sample_store, q)
    # wrong password: a one-line error, nothing pushed
    r = kg_push(sample_build, "--endpoint", virtuoso_server + "/sparql-graph-crud-auth", "--graph", g + "2",
                "--user", "dba", "--password", "wrong", "-q")
    assert r.returncode == 1 and "E065" in r.stderr and "401" in r.stderr
