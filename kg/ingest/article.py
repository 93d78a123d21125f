"""The records that leave the ingest stage."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One input document.

    ``id`` is the input file's name without extension (``dcterms:identifier``);
    readers of multi-record inputs (feeds, JSONL, CSV) derive it from the
    record's own id field or URL.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    author: str | None = None
    publisher: str | None = None
    language: str | None = "en"
    source: str | None = None  # where it was read from: a path or URL

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and metadata that reach the graph.

        >>> Article(id="a", text="x").content_hash[:12]
        '50238902996e'
        """
        h = hashlib.sha256()
        for part in (self.text, self.title, self.date, self.url, self.author, self.publisher):
            h.update((part or "").encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, with the reason shown to the user.

    ``reason`` starts with a short kind ("empty file", "binary file", "not
    English", "duplicate", ...), optionally followed by ``: detail``; the build
    summary counts skipped inputs by that kind. ``code`` is the warning code
    of ``kg.errors.Warnings`` the message is shown with.

    >>> Skipped("a.pdf", "binary file: PDF").message
    "W001: skipped 'a.pdf': binary file: PDF"
    >>> Skipped("a.pdf", "binary file: PDF").kind
    'binary file'
    """

    source: str
    reason: str
    code: str = "W001"
    #: The id the input would have had, when it is an existing input that
    #: could not be read (a bad file, a page that failed to fetch): a
    #: ``--sync`` build keeps that article in the store rather than losing it.
    article_id: str | None = None

    @property
    def kind(self) -> str:
        return self.reason.split(":", 1)[0]

    @property
    def message(self) -> str:
        """The one-line warning, e.g. ``W001: skipped 'x.txt': empty file``."""
        from kg.errors import Warnings

        return getattr(Warnings, self.code).format(path=self.source, reason=self.reason)
