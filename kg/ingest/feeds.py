"""RSS and Atom feeds saved as files: one article per entry.

An entry's text is its content (or summary), or, when the page it links to
is saved beside the feed, that page's main text (feeds often carry only a
teaser). A page is found beside the feed under the last segment of the link
(``.../putin-syria.html`` or ``.../putin-syria`` -> ``putin-syria.html``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from kg.ingest.article import Article, Skipped
from kg.ingest.text import Warn

# feedparser flags these even on feeds it read perfectly.
_BENIGN = ("CharacterEncodingOverride", "NonXMLContentType")


def slug(value: str, *, limit: int = 80) -> str:
    """A readable, stable id from a URL or tag.

    >>> slug("https://www.example.com/news/2015/09/putin-syria.html?utm_source=x")
    'example.com-news-2015-09-putin-syria'
    >>> slug("tag:example.com,2015:article-7")
    'example.com-2015-article-7'
    """
    import hashlib

    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        host = parts.netloc.lower().removeprefix("www.")
        path = re.sub(r"\.(html?|php|aspx?)$", "", parts.path)
        base = f"{host}{path}"
    else:
        base = re.sub(r"^(tag|urn):", "", value)
    s = re.sub(r"[^A-Za-z0-9.]+", "-", base).strip("-.").lower()
    if len(s) > limit:
        s = s[: limit - 9].rstrip("-") + "-" + hashlib.sha1(value.encode()).hexdigest()[:8]
    return s or hashlib.sha1(value.encode()).hexdigest()[:12]


def page_beside(feed_path: Path, link: str | None) -> Path | None:
    """The saved copy of ``link`` in the feed's folder, if there is one."""
    if not link:
        return None
    name = PurePosixPath(urlsplit(link).path).name
    candidates = []
    if name:
        candidates += [name, f"{name}.html", f"{name}.htm"]
    candidates.append(f"{slug(link)}.html")
    for c in candidates:
        p = feed_path.parent / c
        if p.is_file() and p.suffix.lower() in (".html", ".htm") and p.resolve() != feed_path.resolve():
            return p
    return None


def _entry_date(entry) -> str | None:
    from kg.dates import parse_date

    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            iso = parse_date(raw)
            if iso:
                return iso
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")
    return None


def _entry_text(entry) -> str:
    from kg.ingest.html import html_to_text

    best = ""
    for c in entry.get("content") or []:
        text = html_to_text(c.get("value") or "")
        if len(text) > len(best):
            best = text
    if not best:
        best = html_to_text(entry.get("summary") or entry.get("description") or "")
    return best


def read_feed(raw: bytes, source: str, stem: str, *, path: Path | None = None, warn: Warn | None = None,
              used_pages: set[Path] | None = None, max_bytes: int = 20 * 1024 * 1024) -> Iterator[Article | Skipped]:
    """Every entry of an RSS/Atom feed as an ``Article`` (or a ``Skipped`` saying why not).

    ``path`` is where the feed was read from, to find linked pages saved
    beside it; the pages used are added to ``used_pages`` so a folder walk
    does not read them a second time.
    """
    import feedparser

    from kg.ingest.html import read_html
    from kg.ingest.text import read_capped, sniff_encoding

    enc = sniff_encoding(raw, source)
    if isinstance(enc, Skipped):
        yield enc
        return
    parsed = feedparser.parse(raw)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in _BENIGN:
        problem = None
    entries = parsed.entries
    if not entries:
        if problem is not None:
            yield Skipped(source, f"malformed feed: {_short(problem)}")
        elif not parsed.get("version"):
            yield Skipped(source, "not a feed: no RSS or Atom entries")
        else:
            yield Skipped(source, "empty feed: no entries")
        return
    if problem is not None and warn:
        from kg.errors import Warnings

        warn(Warnings.W005.format(path=source, reason=_short(problem), n=len(entries)))
    publisher = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(entries, 1):
        link = entry.get("link")
        key = entry.get("id") or link
        article_id = slug(key) if key else f"{stem}-{n}"
        where = f"{source} entry {n}"
        meta = {
            "title": (entry.get("title") or "").strip() or None,
            "date": _entry_date(entry),
            "url": link,
            "author": entry.get("author"),
            "publisher": publisher,
        }
        text = _entry_text(entry)
        page = page_beside(path, link) if path is not None else None
        if page is not None:
            page_raw = read_capped(page, max_bytes)
            art = (read_html(page_raw, str(page), article_id, url=link, warn=warn, defaults=meta)
                   if isinstance(page_raw, bytes) else page_raw)
            if used_pages is not None:
                used_pages.add(page.resolve())
            if isinstance(art, Article) and len(art.text) >= len(text):
                # The feed's own metadata is authoritative for its entry.
                yield Article(id=article_id, text=art.text, title=meta["title"] or art.title,
                              date=meta["date"] or art.date, url=link or art.url,
                              author=meta["author"] or art.author, publisher=art.publisher or publisher,
                              source=where)
                continue
        if not text.strip():
            yield Skipped(where, "no article text: the entry has no content and its page is not saved beside the feed")
            continue
        yield Article(id=article_id, text=text, source=where, **meta)


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:120]
