"""The same article twice is built once: duplicates by text or URL within a run.

The text is compared after normalising case, Unicode form and white space,
so a copy saved as HTML and as text, or re-wrapped, is still the same
article. URLs are compared without scheme, ``www.``, fragment, tracking
parameters and trailing slash. Two different articles that would get the
same id get distinct ids instead (the second gains ``-2``), with a warning.
Across runs, the store's content hash does the same job (``kg.build``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit

from kg.ingest.article import Article, Skipped
from kg.ingest.text import Warn


def text_key(text: str) -> str:
    """A hash of the text that ignores case, white space and Unicode form.

    >>> text_key("Russia  supplies\\nSyria.") == text_key("russia supplies syria.")
    True
    """
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def url_key(url: str) -> str:
    """A URL without the parts that do not change the page.

    >>> url_key("https://www.Example.com/a/?utm_source=rss&id=3#top")
    'example.com/a?id=3'
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not re.match(r"utm_|fbclid|gclid", k)))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


class Deduper:
    """Remembers the articles of one run; ``check`` passes new ones and skips repeats."""

    def __init__(self, warn: Warn | None = None):
        self._texts: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self._ids: set[str] = set()
        self._warn = warn

    def check(self, article: Article) -> Article | Skipped:
        tk = text_key(article.text)
        uk = url_key(article.url) if article.url else None
        source = article.source or article.id
        if tk in self._texts:
            return Skipped(source, f"duplicate: same text as article '{self._texts[tk]}'", "W003")
        if uk and uk in self._urls:
            return Skipped(source, f"duplicate: same URL as article '{self._urls[uk]}'", "W003")
        if article.id in self._ids:
            n = 2
            while f"{article.id}-{n}" in self._ids:
                n += 1
            new_id = f"{article.id}-{n}"
            if self._warn:
                from kg.errors import Warnings

                self._warn(Warnings.W007.format(id=article.id, path=source, new_id=new_id))
            article = replace(article, id=new_id)
        self._ids.add(article.id)
        self._texts[tk] = article.id
        if uk:
            self._urls[uk] = article.id
        return article
