"""The pages in real headless Chromium, opened from file://.

Each test loads a page, waits for the viewer to be ready, and checks what a user
would: the expected nodes and edges are drawn, clicking an edge shows its
evidence, filters and search work, no script from the data runs, the console
has no errors and the page makes no request but its own file.

Needs Debian's ``chromium`` and ``chromium-driver`` (tests/run.sh installs them);
skipped without them, except in CI (``CI=true``), where their absence fails.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from test_viz import BREAKOUT, EVIL_GROUP, EVIL_PERSON, IMG, SCRIPT, build_fixture

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900"]


def make_driver(user_dir: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={user_dir}"]:
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


@pytest.fixture(scope="module")
def driver():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists() and not shutil.which(Path(p).name)]
    if missing:
        msg = f"Chromium not installed ({', '.join(missing)} missing): apt-get install chromium chromium-driver"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    user_dir = tempfile.mkdtemp(prefix="kg-chromium-")
    d = make_driver(user_dir)
    d.set_page_load_timeout(60)
    yield d
    d.quit()
    shutil.rmtree(user_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def fx(tmp_path_factory):
    return build_fixture(tmp_path_factory.mktemp("browser-fixture"))


@pytest.fixture(scope="module")
def G(fx):
    from kg.store import KGStore
    from kg.viz.network import to_networkx

    with KGStore(fx, create=False, read_only=True) as store:
        return to_networkx(store)


class Load:
    """One page load: the URL, and the console messages and requests it caused."""

    def __init__(self, driver, path: Path, *, viewer: bool = True, timeout: float = 60):
        self.driver = driver
        driver.get("about:blank")
        driver.get_log("performance")  # drain what came before
        driver.get_log("browser")
        self.url = path.resolve().as_uri()
        driver.get(self.url)
        if viewer:
            deadline = time.monotonic() + timeout
            while not driver.execute_script("return !!(window.kgViewer && window.kgViewer.ready)"):
                assert time.monotonic() < deadline, f"{path.name} never became ready"
                time.sleep(0.05)

    def requests(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg["method"] == "Network.requestWillBeSent":
                urls.append(msg["params"]["request"]["url"])
        return urls

    def check_clean(self):
        """No console error, no request but the page itself, no injected script ran."""
        assert self.driver.execute_script("return window.__xss === undefined"), "a payload ran"
        logs = self.driver.get_log("browser")
        errors = [m for m in logs if m["level"] in ("SEVERE", "WARNING")]
        assert errors == [], errors
        # data: URLs are decoded inside the browser (Chromium's own date-picker icon is one); nothing leaves it
        others = [u for u in self.requests() if u != self.url and not u.startswith("data:")]
        assert others == [], others


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def drawn(driver) -> tuple[set[str], list[tuple[str, str, str]]]:
    """The IRIs of the nodes and the (subject, object, relation) of the edges vis-network holds now."""
    nodes, edges = js(driver, """
        var v = window.kgViewer, b = v.network.body.data, byId = {};
        v.data.nodes.forEach(function (n) { byId[n.id] = n.iri; });
        var nodes = b.nodes.getIds().map(function (id) { return byId[id]; });
        var edges = b.edges.getIds().map(function (id) {
            var e = v.data.edges[id]; return [byId[e.from], byId[e.to], e.relation]; });
        return [nodes, edges];""")
    return set(nodes), sorted(tuple(e) for e in edges)


def click_canvas_at(driver, x: float, y: float):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-canvas canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()


def click_edge(driver, subject_label: str, relation: str, object_label: str):
    """Click, with the mouse, on the middle of the edge ``subject relation object``."""
    xy = js(driver, """
        var v = window.kgViewer, net = v.network, S = arguments[0], R = arguments[1], O = arguments[2];
        var e = v.data.edges.find(function (e) {
            return v.data.nodes[e.from].label === S && e.relation === R && v.data.nodes[e.to].label === O; });
        net.fit({animation: false});
        var p = net.getPositions([e.from, e.to]), a = p[e.from], b = p[e.to];
        // the middle of the edge, or the nearest point along it where no node or other edge is on top
        var ts = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7];
        for (var i = 0; i < ts.length; i++) {
            var dom = net.canvasToDOM({x: a.x + (b.x - a.x) * ts[i], y: a.y + (b.y - a.y) * ts[i]});
            if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === e.id) return dom;
        }
        return null;""", subject_label, relation, object_label)
    assert xy is not None, f"no clear point on the edge {subject_label} {relation} {object_label}"
    click_canvas_at(driver, xy["x"], xy["y"])


def click_node(driver, label: str):
    xy = js(driver, """
        var v = window.kgViewer, net = v.network, L = arguments[0];
        var n = v.data.nodes.find(function (n) { return n.label === L; });
        net.fit({animation: false});
        return net.canvasToDOM(net.getPositions([n.id])[n.id]);""", label)
    click_canvas_at(driver, xy["x"], xy["y"])


def panel(driver) -> tuple[str | None, str]:
    from selenium.webdriver.common.by import By

    body = driver.find_element(By.ID, "kg-panel-body")
    heads = body.find_elements(By.TAG_NAME, "h3")
    return (heads[0].get_attribute("data-kind") if heads else None), body.text


def expected_in_facts(G) -> set[str]:
    return {v for v, d in G.nodes(data=True) if d["facts"]}


def expected_edges(G) -> list[tuple[str, str, str]]:
    return sorted((s, o, k) for s, o, k in G.edges(keys=True))


# -- the graph page ------------------------------------------------------------------------------


def test_graph_page_draws_the_graph_and_clicking_an_edge_shows_evidence(driver, fx, G):
    load = Load(driver, fx / "graph.html")
    nodes, edges = drawn(driver)
    assert nodes == expected_in_facts(G)
    assert edges == expected_edges(G)
    click_edge(driver, "Russia", "supplies", "Syria")
    kind, text = panel(driver)
    assert kind == "edge", text
    assert "Russia supplies Syria" in text
    assert "Supported by 2 articles, 2 statements; confidence 0.96 (the 2 articles combined)." in text
    assert "Russia has provided and will continue to provide military assistance to Syria." in text
    assert f"Putin pledges aid {SCRIPT}" in text  # the title, shown as text
    assert "dated 2015-09-15" in text and "confidence 0.90" in text and "said by Vladimir Putin" in text
    assert "Lavrov on Syria & Iraq" in text and "dated 2015-10-01" in text and "confidence 0.60" in text
    load.check_clean()


def test_payload_evidence_is_shown_as_text_and_never_runs(driver, fx):
    load = Load(driver, fx / "graph.html")
    click_edge(driver, EVIL_PERSON, "threatens", EVIL_GROUP)
    kind, text = panel(driver)
    assert kind == "edge", text
    assert f"He said {SCRIPT} and {IMG} then {BREAKOUT}." in text
    assert f"Evil article {IMG}" in text and f"said by {EVIL_PERSON}" in text
    click_node(driver, EVIL_PERSON)
    kind, text = panel(driver)
    assert kind == "node" and EVIL_PERSON in text and f"alias {SCRIPT}" in text
    from selenium.webdriver.common.by import By

    assert driver.find_elements(By.CSS_SELECTOR, "#kg-panel img, #kg-panel script") == []
    load.check_clean()


def test_clicking_a_node_shows_its_facts_and_page_link(driver, fx, G):
    from selenium.webdriver.common.by import By

    load = Load(driver, fx / "graph.html")
    click_node(driver, "Iraq")
    kind, text = panel(driver)
    assert kind == "node" and "Country" in text and "2 facts" in text
    assert "Russia consultsWith Iraq (1)" in text and "Iraq requests United Nations (1)" in text
    link = driver.find_element(By.CSS_SELECTOR, "#kg-panel-body a")
    assert link.get_attribute("href") == (fx / "entity" / "Iraq.html").resolve().as_uri()
    driver.find_element(By.XPATH, "//li[contains(., 'Iraq requests United Nations')]").click()
    kind, text = panel(driver)
    assert kind == "edge" and "Iraq called on the UN to act." in text
    load.check_clean()


def _check(driver, selector: str, value: str):
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f'{selector} input[value="{value}"]').click()


def _set(driver, element_id: str, value: str, event: str):
    js(driver, "var x = document.getElementById(arguments[0]); x.value = arguments[1];"
               "x.dispatchEvent(new Event(arguments[2]));", element_id, value, event)


def test_filters(driver, fx, G):
    from selenium.webdriver.common.by import By

    load = Load(driver, fx / "graph.html")
    every = expected_edges(G)

    def keep(pred):
        return sorted((s, o, k) for s, o, k, d in G.edges(keys=True, data=True) if pred(s, o, k, d))

    _check(driver, "#kg-relations", "attacks")  # untick
    assert drawn(driver)[1] == keep(lambda s, o, k, d: k != "attacks")
    _check(driver, "#kg-relations", "attacks")
    assert drawn(driver)[1] == every

    _check(driver, "#kg-types", "Person")
    nodes, edges = drawn(driver)
    assert edges == keep(lambda s, o, k, d: "Person" not in (G.nodes[s]["type"], G.nodes[o]["type"]))
    assert not any(G.nodes[v]["type"] == "Person" for v in nodes)
    _check(driver, "#kg-types", "Person")

    _set(driver, "kg-minconf", "0.6", "input")
    assert driver.find_element(By.ID, "kg-minconf-value").text == "0.60"
    assert drawn(driver)[1] == keep(lambda s, o, k, d: max(e["confidence"] for e in d["evidence"]) >= 0.6)

    driver.find_element(By.ID, "kg-reset").click()
    assert drawn(driver)[1] == every

    _set(driver, "kg-from", "2015-10-01", "change")
    _set(driver, "kg-to", "2015-12-31", "change")
    assert drawn(driver)[1] == keep(lambda s, o, k, d: any("2015-10-01" <= e["date"] <= "2015-12-31" for e in d["evidence"]))
    assert 0 < len(drawn(driver)[1]) < len(every)
    driver.find_element(By.ID, "kg-reset").click()
    assert drawn(driver)[1] == every
    load.check_clean()


def test_search_finds_and_focuses_an_entity(driver, fx):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load = Load(driver, fx / "graph.html")
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys("daesh", Keys.ENTER)  # an alternative label, any case
    selected = js(driver, "var v = window.kgViewer; return v.network.getSelectedNodes().map("
                          "function (id) { return v.data.nodes[id].label; });")
    assert selected == ["Islamic State"]
    kind, text = panel(driver)
    assert kind == "node" and "Islamic State" in text
    box.clear()
    box.send_keys("Atlantis", Keys.ENTER)
    assert "No entity matches" in driver.find_element(By.ID, "kg-search-msg").text
    load.check_clean()


# -- entity pages and the index ---------------------------------------------------------------------


def test_entity_page_shows_the_neighbourhood(driver, fx, G):
    from kg.viz.pages import neighbourhood, slugs_for

    slugs = slugs_for(expected_in_facts(G))
    evil = next(v for v in G if G.nodes[v]["label"] == EVIL_GROUP)
    load = Load(driver, fx / "entity" / f"{slugs[evil]}.html")
    assert driver.title == EVIL_GROUP
    nodes, edges = drawn(driver)
    hood, _ = neighbourhood(G, evil)
    assert nodes == hood
    assert edges == sorted((s, o, k) for s, o, k in G.edges(keys=True) if s in hood and o in hood)
    kind, text = panel(driver)  # the entity's own facts are shown at once
    assert kind == "node" and EVIL_GROUP in text
    click_edge(driver, EVIL_GROUP, "attacks", "Russia")
    kind, text = panel(driver)
    assert kind == "edge" and f"A sentence with {BREAKOUT} in it." in text
    load.check_clean()


def test_index_page_links_to_entity_pages(driver, fx, G):
    from selenium.webdriver.common.by import By

    load = Load(driver, fx / "index.html", viewer=False)
    rows = driver.find_elements(By.CSS_SELECTOR, "table.kg-index tr[data-iri]")
    assert {r.get_attribute("data-iri") for r in rows} == set(G)
    assert any(EVIL_PERSON in r.text for r in rows)
    load.check_clean()
    driver.find_element(By.LINK_TEXT, "Russia").click()
    deadline = time.monotonic() + 30
    while not js(driver, "return !!(window.kgViewer && window.kgViewer.ready)"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert driver.title == "Russia"
    assert js(driver, "return window.__xss === undefined")


# -- the real sample ---------------------------------------------------------------------------------


@pytest.mark.model
def test_sample_build_pages(driver, sample_build, sample_store, tmp_path):
    from kg.viz.network import to_networkx

    G = to_networkx(sample_store)
    load = Load(driver, sample_build / "graph.html")
    nodes, edges = drawn(driver)
    assert nodes == expected_in_facts(G) and edges == expected_edges(G)
    if edges:
        s, o, rel = next((s, o, k) for s, o, k in edges if sum(1 for x in edges if {x[0], x[1]} == {s, o}) == 1)
        click_edge(driver, G.nodes[s]["label"], rel, G.nodes[o]["label"])
        kind, text = panel(driver)
        first = G.edges[s, o, rel]["evidence"][0]
        assert kind == "edge" and " ".join(first["sentence"].split()) in " ".join(text.split())
    driver.save_screenshot(str(tmp_path / "sample-graph.png"))
    assert (tmp_path / "sample-graph.png").stat().st_size > 10_000
    load.check_clean()
    for page in sorted((sample_build / "entity").glob("*.html"))[:3]:
        Load(driver, page).check_clean()
    Load(driver, sample_build / "index.html", viewer=False).check_clean()
