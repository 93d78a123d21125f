"""URL input: fetch one page or feed with a timeout, a size cap and a user agent.

Nothing else in kg touches the network; a URL is fetched only because the
user gave it. Failures (offline, refused, timed out, HTTP errors) become a
``Skipped`` with a one-line reason, like any other bad input.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from kg.ingest.article import Skipped
from kg.ingest.options import IngestOptions


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str


def is_url(value: str) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


def fetch(url: str, opts: IngestOptions) -> Fetched | Skipped:
    """GET ``url``; at most ``opts.max_bytes`` bytes, within ``opts.timeout`` seconds."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={
        "User-Agent": opts.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(req, timeout=opts.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                return Skipped(url, f"larger than {opts.max_mb:g} MB: the server says {int(length) / 1048576:.1f} MB", "W008")
            body = resp.read(opts.max_bytes + 1)
            if len(body) > opts.max_bytes:
                return Skipped(url, f"larger than {opts.max_mb:g} MB", "W008")
            return Fetched(resp.geturl(), body, resp.headers.get_content_type())
    except urllib.error.HTTPError as e:
        return Skipped(url, f"cannot fetch: HTTP {e.code} {e.reason}", "W008")
    except urllib.error.URLError as e:
        return Skipped(url, f"cannot fetch: {_why(e.reason)}", "W008")
    except (TimeoutError, socket.timeout):
        return Skipped(url, f"cannot fetch: no answer within {opts.timeout:g} s (are you offline?)", "W008")
    except (OSError, ValueError) as e:
        return Skipped(url, f"cannot fetch: {_why(e)}", "W008")


def _why(reason) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server up, or are you offline?)"
    if isinstance(reason, socket.gaierror):
        return "host not found (are you offline?)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out (are you offline?)"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split())[:120]


def kind_of(fetched: Fetched) -> str:
    """Which reader suits the fetched body: html, feed or text."""
    ct = fetched.content_type
    head = fetched.body[:1024].lstrip().lower()
    if "rss" in ct or "atom" in ct or head.startswith((b"<rss", b"<feed")) or (
        ct.endswith("xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)
    ):
        return "feed"
    if "html" in ct or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"
