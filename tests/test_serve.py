"""kg serve: a real server process, queried with requests and with SPARQLWrapper."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from contextlib import contextmanager

import pyoxigraph as ox
import pytest
import requests

pytestmark = pytest.mark.server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@contextmanager
def kg_serve(out_dir, *extra: str):
    p = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(out_dir), "--port", "0", "-q", *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        m = re.search(r"(http://[\d.]+:\d+)/sparql", line)
        assert m, (line, p.stderr.read() if p.poll() is not None else "")
        yield m.group(1)
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture(scope="module")
def url(sample_build):
    with kg_serve(sample_build, "--timeout", "2", "--limit", "50") as u:
        yield u


def test_binds_loopback_and_serves_the_page(url, sample_build):
    assert url.startswith("http://127.0.0.1:")
    page = requests.get(url + "/", timeout=10)
    assert page.status_code == 200 and "<textarea" in page.text and "/sparql" in page.text
    from kg.serve.app import saved_queries

    for name in saved_queries():  # the saved queries are offered, and served
        assert f'value="{name}"' in page.text
        assert requests.get(f"{url}/queries/{name}.rq", timeout=10).text.strip()
    if (sample_build / "graph.html").exists():
        assert "/views/graph.html" in page.text
        assert requests.get(url + "/views/graph.html", timeout=10).status_code == 200
    # the store itself, hidden files and paths outside the build folder are not served
    for path in ("/views/store/CURRENT", "/views/../store/CURRENT", "/views/.kg-outputs", "/views/%2e%2e/x"):
        assert requests.get(url + path, timeout=10).status_code == 404, path


def test_get_and_post_give_the_same_count(url, sample_store):
    n = sample_store.count_triples()
    r = requests.get(url + "/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"},
                     timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/sparql-results+json")
    assert int(r.json()["results"]["bindings"][0]["n"]["value"]) == n
    r = requests.post(url + "/sparql", data={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=10)
    assert r.text.splitlines() == ["n", str(n)]
    r = requests.post(url + "/sparql", data=COUNT.encode(), headers={"Content-Type": "application/sparql-query",
                                                                    "Accept": "text/tab-separated-values"}, timeout=10)
    assert r.text.splitlines()[0] == "?n" and r.text.splitlines()[1].startswith(f'"{n}"')


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_select_results_negotiated_and_parseable(url, accept, media):
    q = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?e ?label WHERE { ?e rdfs:label ?label } ORDER BY ?e ?label LIMIT 10")
    r = requests.get(url + "/sparql", params={"query": q}, headers={"Accept": accept}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(media)
    if media == "text/csv":  # lossy by design: pyoxigraph will not parse it, the csv module will
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 10 and all(row["e"].startswith("https://") for row in rows)
        return
    fmt = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}[media]
    rows = list(ox.parse_query_results(r.content, format=fmt))
    assert len(rows) == 10 and all(isinstance(row["e"], ox.NamedNode) for row in rows)


@pytest.mark.parametrize("accept,fmt", [("text/turtle", ox.RdfFormat.TURTLE),
                                        ("application/n-triples", ox.RdfFormat.N_TRIPLES)])
def test_construct_negotiated(url, accept, fmt):
    q = "CONSTRUCT { ?s a ?t } WHERE { SELECT DISTINCT ?s ?t WHERE { ?s a ?t } ORDER BY ?s LIMIT 20 }"
    r = requests.get(url + "/sparql", params={"query": q}, headers={"Accept": accept}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(accept)
    assert len(list(ox.parse(r.content, format=fmt))) == 20


def test_update_forbidden_by_default(url, sample_store):
    before = sample_store.count_triples()
    r = requests.post(url + "/sparql", data={"update": "CLEAR ALL"}, timeout=10)
    assert r.status_code == 403
    r = requests.post(url + "/sparql", data="CLEAR ALL", headers={"Content-Type": "application/sparql-update"},
                      timeout=10)
    assert r.status_code == 403
    r = requests.get(url + "/sparql", params={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=10)
    assert r.text.splitlines()[1] == str(before)


def test_limit_and_timeout(url):
    r = requests.get(url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"},
                     headers={"Accept": "text/csv"}, timeout=10)
    assert r.status_code == 200 and len(r.text.splitlines()) == 1 + 50 and r.headers["X-KG-Truncated"] == "true"
    t0 = time.monotonic()
    r = requests.get(url + "/sparql", params={"query": SLOW}, timeout=30)
    assert r.status_code == 503 and "timed out" in r.text
    assert time.monotonic() - t0 < 15
    # the server is still there after killing the runaway query
    r = requests.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_bad_query_is_400(url):
    r = requests.get(url + "/sparql", params={"query": "SELEKT nothing"}, timeout=10)
    assert r.status_code == 400 and "bad query" in r.text


def test_cross_origin_post_refused(url):
    r = requests.post(url + "/sparql", data={"query": "ASK {}"}, headers={"Origin": "http://evil.example"},
                      timeout=10)
    assert r.status_code == 403


def test_sparqlwrapper_select_ask_construct(url, sample_store):
    from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(url + "/sparql")
    sw.setQuery(COUNT)
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert int(res["results"]["bindings"][0]["n"]["value"]) == sample_store.count_triples()
    sw.setReturnFormat(XML)
    doc = sw.query().convert()  # an xml.dom Document
    assert doc.getElementsByTagName("literal")[0].firstChild.data == str(sample_store.count_triples())
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().splitlines()[1] == str(sample_store.count_triples())
    sw.setQuery("ASK { ?s a <https://w3id.org/kg-news/ontology#Article> }")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery("CONSTRUCT { ?a a ?t } WHERE { SELECT DISTINCT ?a ?t WHERE { ?a a ?t } LIMIT 7 }")
    sw.setReturnFormat(TURTLE)
    data = sw.query().convert()
    assert len(list(ox.parse(data, format=ox.RdfFormat.TURTLE))) == 7
    sw.setMethod("POST")
    sw.setQuery(COUNT)
    sw.setReturnFormat(JSON)
    assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) == sample_store.count_triples()


def test_allow_update(built_copy):
    from SPARQLWrapper import POST, SPARQLWrapper

    with kg_serve(built_copy, "--allow-update") as url:
        sw = SPARQLWrapper(url + "/sparql", updateEndpoint=url + "/sparql")
        sw.setMethod(POST)
        sw.setQuery("INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> "
                    "<https://example.org/p> \"x\" } }")
        sw.query()
        r = requests.get(url + "/sparql", params={"query": "ASK { <https://example.org/a> ?p \"x\" }"}, timeout=10)
        assert r.json()["boolean"] is True
    from kg.store import KGStore

    with KGStore(built_copy, create=False, read_only=True) as store:
        assert ox.NamedNode("https://example.org/g") in set(store.store.named_graphs())


def test_read_only_server_sees_later_builds(built_copy):
    """kg remove runs while the server is up (no lock held), and the next query sees it."""
    from kg.store import KGStore

    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/kg-news/ontology#Article> }"
    with KGStore(built_copy, create=False, read_only=True) as store:
        ids = store.article_ids()
    with kg_serve(built_copy) as url:
        ask = lambda: requests.get(url + "/sparql", params={"query": q}, headers={"Accept": "text/csv"},  # noqa: E731
                                   timeout=10).text.splitlines()[1]
        assert ask() == str(len(ids))
        r = subprocess.run([sys.executable, "-m", "kg", "remove", ids[0], "--out", str(built_copy), "--no-pages", "-q"],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert {ask() for _ in range(3)} == {str(len(ids) - 1)}  # every worker sees it


@pytest.mark.browser
def test_query_page_in_chromium_runs_a_saved_query(url, sample_store, tmp_path):
    """The page's own JavaScript: pick a saved query, run it, get a table of results."""
    import os
    import shutil

    from pathlib import Path

    chromium = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
    chromedriver = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")
    if not (Path(chromium).exists() or shutil.which("chromium")) or not (
            Path(chromedriver).exists() or shutil.which("chromedriver")):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium not installed: apt-get install chromium chromium-driver")
        pytest.skip("Chromium not installed: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'chromium'}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=opts)
    try:
        driver.set_page_load_timeout(60)
        driver.get(url + "/")
        wait = WebDriverWait(driver, 30)
        Select(driver.find_element(By.ID, "saved")).select_by_value("articles")
        wait.until(lambda d: "dcterms:identifier" in d.find_element(By.ID, "query").get_property("value"))
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda d: "rows" in d.find_element(By.ID, "status").text)
        rows = driver.find_elements(By.CSS_SELECTOR, "#out table tr")
        assert len(rows) == 1 + len(sample_store.article_ids())  # header + one row per article
        assert driver.find_element(By.ID, "status").text.startswith("200")
        cells = {c.text for c in driver.find_elements(By.CSS_SELECTOR, "#out td")}
        assert set(sample_store.article_ids()) <= cells
    finally:
        driver.quit()
