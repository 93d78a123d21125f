"""HTML pages: the main text and its metadata, through trafilatura.

trafilatura drops menus, footers and comments, and reads the title, the
publication date, the author, the canonical URL and the site name from the
page's metadata (Open Graph, JSON-LD, ``<meta>``).
"""

from __future__ import annotations

import re

from kg.ingest.article import Article, Skipped
from kg.ingest.text import Warn, decode, declared_charset

_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
MIN_WORDS = 5


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph a line.

    >>> html_to_text("<p>Russia <b>supplies</b> Syria.</p><p>Iraq too.<br>Yes.</p>")
    'Russia supplies Syria.\\nIraq too.\\nYes.'
    """
    if "<" not in fragment:
        return " ".join(fragment.split())
    import lxml.html

    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except ParserError:
        return ""
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def extract_html(html: str, *, url: str | None = None):
    """trafilatura's document (text and metadata) for a page, or None when it finds no text."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its own "empty document" notes
    params = {"original_date": True, "extensive_search": False}
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=params)
    if doc is None or not (doc.text or "").strip():
        # Short pages fall below the precision defaults; try once favouring recall.
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True, date_extraction_params=params)
    return doc


def read_html(raw: bytes, source: str, article_id: str, *, url: str | None = None, warn: Warn | None = None,
              defaults: dict | None = None) -> Article | Skipped:
    """An article from an HTML page; ``defaults`` (title, date, url, author, publisher) fill metadata the page lacks."""
    from kg.dates import parse_date

    decoded = decode(raw, source, warn=warn, declared=declared_charset(raw))
    if isinstance(decoded, Skipped):
        return decoded
    html = decoded[0]
    if not _BODY.search(html) and not re.search(r"<(p|article|div|main)[\s>]", html, re.IGNORECASE):
        return Skipped(source, "no article text: the page has no <body>")
    doc = extract_html(html, url=url)
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:  # what is left of a page of menus is a word or two
        return Skipped(source, "no article text" + (f": only {text!r}" if text else ""))
    d = defaults or {}
    return Article(
        id=article_id,
        text=text,
        title=(doc.title or "").strip() or d.get("title"),
        date=parse_date(doc.date) or d.get("date"),
        url=doc.url or url or d.get("url"),
        author=doc.author or d.get("author"),
        publisher=doc.sitename or d.get("publisher"),
        source=source,
    )
