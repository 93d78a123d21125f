"""URL input, against a local HTTP server on loopback (never the internet)."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.ingest import Article, IngestOptions, Skipped, iter_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ingest"
SEEN_AGENTS: list[str] = []


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(DATA), **kwargs)

    def do_GET(self):
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":  # answers long after the client gave up
            time.sleep(3)
            try:
                self.send_error(504)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(200 * 1024 * 1024))
            self.end_headers()
            return
        if self.path == "/endless":  # no Content-Length, keeps sending
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(2000):
                    self.wfile.write(b"Russia supplies Syria. " * 100)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        super().do_GET()

    def guess_type(self, path):
        return "application/rss+xml" if str(path).endswith(".rss") else super().guess_type(path)

    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when we leave: nothing listens there


def test_fetch_html_page(server):
    SEEN_AGENTS.clear()
    (a,) = iter_articles([f"{server}/article.html"])
    assert isinstance(a, Article)
    assert a.publisher == "Middle East Monitor" and a.date == "2015-09-30"
    assert a.url == "https://www.middleeastmonitor.com/20150930-russia-to-keep-arming-syria/"  # canonical
    assert a.id == "middleeastmonitor.com-20150930-russia-to-keep-arming-syria"  # from the canonical URL
    assert a.source == f"{server}/article.html"
    assert SEEN_AGENTS and SEEN_AGENTS[0].startswith("kg-news/")


def test_fetch_feed(server):
    items = list(iter_articles([f"{server}/atom.xml"]))
    assert [type(i).__name__ for i in items] == ["Article"]
    assert items[0].publisher == "PressTV World"


def test_plain_text_url_keeps_its_url(server):
    (a,) = iter_articles([f"{server}/french.txt"], IngestOptions(language_check=False))
    assert a.url == f"{server}/french.txt" and a.id == "127.0.0.1-" + server.rsplit(":", 1)[1] + "-french.txt"


def test_http_error(server):
    (s,) = iter_articles([f"{server}/nope.html"])
    assert isinstance(s, Skipped) and s.reason == "cannot fetch: HTTP 404 File not found" and s.code == "W008"


def test_offline_is_one_line(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/news.html"
    (s,) = iter_articles([url])
    assert s.kind == "cannot fetch" and "connection refused" in s.reason
    assert s.message.startswith(f"W008: skipped '{url}'") and "\n" not in s.message


def test_timeout(server):
    t0 = time.perf_counter()
    (s,) = iter_articles([f"{server}/slow"], IngestOptions(timeout=0.5))
    assert time.perf_counter() - t0 < 2.5
    assert s.kind == "cannot fetch" and ("0.5 s" in s.reason or "timed out" in s.reason)


def test_size_cap(server):
    (s,) = iter_articles([f"{server}/huge"], IngestOptions(max_mb=1))
    assert s.reason.startswith("larger than 1 MB") and "200.0 MB" in s.reason
    (s,) = iter_articles([f"{server}/endless"], IngestOptions(max_mb=1))
    assert s.reason == "larger than 1 MB"


@pytest.mark.slow
def test_cli_offline_url(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/news.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "kg", "build", url, "--out", str(tmp_path / "out"), "-q"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    first, *rest = r.stderr.strip().splitlines()
    assert first.startswith(f"W008: skipped '{url}': cannot fetch: connection refused")
    assert rest == [line for line in rest if "E002" in line]  # only the "nothing built" line follows
