"""Readers: turn paths into ``Article`` records, never raising on bad input.

A path is a file, a folder (read recursively, filtered by include/exclude
globs), an http(s) URL, or ``-`` for standard input. Every input that cannot
be read yields a ``Skipped`` with a reason instead, so one bad file never
stops a build. Non-fatal notes (a latin-1 file read with a guess, a feed
with an error after some entries) go to ``warn``, one line each.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Russia supplies Syria with arms, the ministry said.")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> [(type(x).__name__, x.id if isinstance(x, Article) else x.reason) for x in iter_articles([d])]
    [('Article', 'a'), ('Skipped', 'empty file')]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.ingest.article import Article, Skipped
from kg.ingest.options import IngestOptions
from kg.ingest.text import Warn

#: File extension -> reader kind, for ``format="auto"``.
KINDS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}
_log = logging.getLogger("kg.ingest")


def iter_articles(paths: Iterable[str | Path], options: IngestOptions | None = None, *,
                  warn: Warn | None = None) -> Iterator[Article | Skipped]:
    """Yield an ``Article`` or a ``Skipped`` for every input found under ``paths``.

    Articles not in English are skipped (unless ``options.language_check`` is
    off); an article whose text or URL was already read in this run is
    skipped as a duplicate.
    """
    from kg.ingest.dedupe import Deduper

    opts = options or IngestOptions()
    warn = warn or _log.warning
    dedupe = Deduper(warn)
    for item in _read_all(paths, opts, warn):
        if isinstance(item, Article):
            item = _check_language(item, opts)
        if isinstance(item, Article):
            item = dedupe.check(item)
        yield item


def _check_language(article: Article, opts: IngestOptions) -> Article | Skipped:
    """Skip an article confidently not in English; with the check off, record its language."""
    from kg.ingest.langid import language_of

    lang = language_of(article.text, min_chars=opts.min_language_chars)
    if lang in (None, "en"):
        return article
    if opts.language_check:
        reason = f"not English: detected '{lang}'; use --any-language to build it anyway"
        return Skipped(article.source or article.id, reason, "W002", article.id)
    return replace(article, language=lang)


def _read_all(paths: Iterable[str | Path], opts: IngestOptions, warn: Warn) -> Iterator[Article | Skipped]:
    from kg.ingest.web import is_url

    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(opts, warn)
        elif is_url(str(p)):
            yield from _read_url(str(p), opts, warn)
        else:
            path = Path(p)
            if not path.exists():
                yield Skipped(str(p), "no such file or directory")
            elif path.is_dir():
                yield from _read_dir(path, opts, warn)
            elif not path.is_file():  # a FIFO or device would block or never end
                yield Skipped(str(p), "not a regular file")
            else:
                yield from read_path(path, opts, warn)


def _kind(path: Path, opts: IngestOptions) -> str | None:
    if opts.format != "auto":
        return opts.format
    return KINDS.get(path.suffix.lower())


def _read_dir(folder: Path, opts: IngestOptions, warn: Warn) -> Iterator[Article | Skipped]:
    files = []
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue  # hidden files and folders (.git, .DS_Store) are not articles
        if _kind(f, opts) is None and not opts.include:
            continue
        if opts.wants(rel):
            files.append(f)
    if not files:
        known = " ".join(sorted(set(KINDS)))
        what = "matching the --include/--exclude globs" if (opts.include or opts.exclude) else f"({known})"
        yield Skipped(str(folder), f"no readable files: no article files {what}")
        return
    # Feeds first: pages they link to and that are saved beside them are read
    # as part of their entry, not a second time on their own.
    used: set[Path] = set()
    files.sort(key=lambda f: (_kind(f, opts) != "feed", str(f)))
    for f in files:
        if f.resolve() in used:
            continue
        yield from read_path(f, opts, warn, used_pages=used)


def read_path(path: Path, opts: IngestOptions | None = None, warn: Warn | None = None, *,
              used_pages: set[Path] | None = None) -> Iterator[Article | Skipped]:
    """The article(s) of one file, by its kind (extension, or ``opts.format``)."""
    from kg.ingest.text import read_capped

    opts = opts or IngestOptions()
    kind = _kind(path, opts)
    source = str(path)
    if kind in ("jsonl", "csv"):  # streamed: no size cap on the file, only on each record
        from kg.ingest.tabular import read_csv, read_jsonl

        reader = read_jsonl if kind == "jsonl" else read_csv
        yield from reader(path, source, path.stem, opts, warn=warn)
        return
    raw = read_capped(path, opts.max_bytes)
    if isinstance(raw, Skipped):
        yield replace(raw, article_id=path.stem)
        return
    kind = kind or _sniff(raw)
    for item in _read_bytes(raw, kind, source, path.stem, opts, warn, path=path, used_pages=used_pages):
        if isinstance(item, Skipped) and kind != "feed" and item.source == source:
            item = replace(item, article_id=path.stem)
        yield item


def _sniff(raw: bytes) -> str:
    """The kind of a document of unknown extension (or standard input), from its first bytes."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<rss", b"<feed")) or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{") and b"}\n" in raw[:65536]:
        return "jsonl"
    return "text"


def _read_bytes(raw: bytes, kind: str, source: str, stem: str, opts: IngestOptions, warn: Warn, *,
                path: Path | None = None, url: str | None = None,
                used_pages: set[Path] | None = None) -> Iterator[Article | Skipped]:
    if kind == "html":
        from kg.ingest.html import read_html

        yield read_html(raw, source, stem, url=url, warn=warn)
    elif kind == "feed":
        from kg.ingest.feeds import read_feed

        yield from read_feed(raw, source, stem, path=path, warn=warn, used_pages=used_pages, max_bytes=opts.max_bytes)
    elif kind == "markdown":
        from kg.ingest.text import read_markdown

        yield read_markdown(raw, source, stem, warn=warn)
    elif kind in ("jsonl", "csv"):
        import io

        from kg.ingest.tabular import read_csv, read_jsonl

        reader = read_jsonl if kind == "jsonl" else read_csv
        yield from reader(None, source, stem, opts, stream=io.BytesIO(raw), warn=warn)
    else:
        from kg.ingest.text import read_text

        art = read_text(raw, source, stem, warn=warn)
        if isinstance(art, Article) and url:
            art = replace(art, url=url)
        yield art


def _read_stdin(opts: IngestOptions, warn: Warn) -> Iterator[Article | Skipped]:
    from kg.ingest.dedupe import text_key
    from kg.ingest.text import read_stdin

    raw = read_stdin(opts.max_bytes)
    if isinstance(raw, Skipped):
        yield raw
        return
    kind = opts.format if opts.format != "auto" else _sniff(raw)
    for item in _read_bytes(raw, kind, "-", "stdin", opts, warn):
        if isinstance(item, Article) and item.id == "stdin":
            # One document on stdin: an id from its URL, else from its text, so
            # piping the same article twice updates it instead of adding another.
            from kg.ingest.feeds import slug

            item = replace(item, id=slug(item.url) if item.url else f"stdin-{text_key(item.text)[:12]}")
        yield item


def _read_url(url: str, opts: IngestOptions, warn: Warn) -> Iterator[Article | Skipped]:
    from kg.ingest.feeds import slug
    from kg.ingest.web import fetch, kind_of

    got = fetch(url, opts)
    if isinstance(got, Skipped):
        yield replace(got, article_id=slug(url))
        return
    kind = opts.format if opts.format != "auto" else kind_of(got)
    for item in _read_bytes(got.body, kind, url, slug(got.url), opts, warn, url=got.url):
        if isinstance(item, Article) and kind != "feed" and item.url and item.url != got.url:
            item = replace(item, id=slug(item.url))  # the page's canonical URL names it
        yield item
