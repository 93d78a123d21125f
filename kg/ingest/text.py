"""Bytes to text, safely: size cap, binary detection, encodings; plain-text and Markdown readers.

``decode`` never guesses silently: UTF-8 (with or without BOM) and UTF-16/32
with a BOM are read as they are; text that is not UTF-8 but clearly text is
read as Windows-1252 (a superset of latin-1) with a warning; anything that
looks binary is skipped.

    >>> decode("café".encode("utf-16"), "a.txt")
    ('café', 'utf-16')
    >>> decode(b"%PDF-1.7 ...", "a.pdf")
    Skipped(source='a.pdf', reason='binary file: PDF', code='W001', article_id=None)
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable
from pathlib import Path

from kg.ingest.article import Article, Skipped

Warn = Callable[[str], None]

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub?)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "program"),
    (b"MZ", "program"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3", "SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def size_text(n: float) -> str:
    """``20.0`` -> ``'20 MB'``; used in reasons and messages."""
    return f"{n:g} MB"


def read_capped(path: Path, max_bytes: int) -> bytes | Skipped:
    """The file's bytes, or a ``Skipped`` if it is too large (checked before reading)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_large(str(path), size, max_bytes)
        with open(path, "rb") as f:
            raw = f.read(max_bytes + 1)  # the file may have grown since stat()
    except IsADirectoryError:
        return Skipped(str(path), "not a file")
    except OSError as e:
        return Skipped(str(path), f"cannot read: {e.strerror or e}")
    if len(raw) > max_bytes:
        return _too_large(str(path), len(raw), max_bytes)
    return raw


def read_stdin(max_bytes: int) -> bytes | Skipped:
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return _too_large("-", len(raw), max_bytes)
    return raw


def _too_large(source: str, size: int, max_bytes: int) -> Skipped:
    mb = max_bytes / (1024 * 1024)
    return Skipped(source, f"larger than {size_text(round(mb, 2))}: {size / (1024 * 1024):.1f} MB; raise --max-size to read it")


def _looks_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16 (every other byte NUL), else None."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.4 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.4 and z_odd < 0.05:
        return "utf-16-be"
    return None


def _is_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) <= max(1, len(sample) // 200)


def sniff_encoding(raw: bytes, source: str, *, declared: str | None = None) -> tuple[str, bool] | Skipped:
    """The encoding to read ``raw`` with, and whether that was a fallback guess.

    Looks only at the first 64 KB, so it can choose how to stream a large
    corpus file. ``declared`` is a charset the document itself names (HTML
    ``<meta charset>``), tried before the Windows-1252 fallback.
    """
    if not raw.strip():
        return Skipped(source, "empty file")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return enc, False
    head = raw[:65536]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return Skipped(source, f"binary file: {what}")
    utf16 = _looks_utf16(head[:4096])
    if utf16:
        return utf16, False
    if b"\x00" in head:
        return Skipped(source, "binary file")
    try:
        head.decode("utf-8")
        return "utf-8", False
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3 and len(raw) > len(head):
            return "utf-8", False  # a character cut by the 64 KB window
    if declared:
        try:
            codecs.lookup(declared)
            head.decode(declared)
            return declared, False
        except (LookupError, UnicodeDecodeError):
            pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = head.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_text(text):
            return enc, True
    return Skipped(source, "binary file")


def decode(raw: bytes, source: str, *, warn: Warn | None = None, declared: str | None = None) -> tuple[str, str] | Skipped:
    """``(text, encoding)`` for ``raw``, or a ``Skipped`` saying why it is not text."""
    enc = sniff_encoding(raw, source, declared=declared)
    if isinstance(enc, Skipped):
        return enc
    encoding, guessed = enc
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            return Skipped(source, f"not text: invalid {encoding}")
        # UTF-8 at the start, something else further on: read it as Windows-1252.
        encoding, guessed = "cp1252", True
        text = raw.decode("cp1252", errors="replace")
    if not _is_text(text):
        return Skipped(source, "binary file")
    if guessed and warn:
        from kg.errors import Warnings

        warn(Warnings.W004.format(path=source, encoding="Windows-1252 (latin-1)"))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Skipped(source, "empty file")
    return text, encoding


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB."""
    m = _CHARSET.search(raw[:4096]) or re.search(rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)""", raw[:200])
    return m.group(1).decode("ascii").lower() if m else None


def title_of(text: str) -> str | None:
    """A headline-looking line near the top: 5-30 words, not a menu (``Home | World``).

    >>> title_of("Portuguese / English\\n\\nMiddle East\\n\\nPutin: Russia provides support to Iraq and Syria\\n\\nBody.")
    'Putin: Russia provides support to Iraq and Syria'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:12]
    for line in lines:
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        if 5 <= len(words) <= 30 and " | " not in line and not line.endswith((".", ":", ";")):
            return line
    for line in lines:
        if len(line.split()) <= 30:
            return line
    return None


def read_text(raw: bytes, source: str, article_id: str, *, warn: Warn | None = None) -> Article | Skipped:
    """A plain-text article: the title is its first headline-looking line."""
    decoded = decode(raw, source, warn=warn)
    if isinstance(decoded, Skipped):
        return decoded
    text = decoded[0]
    return Article(id=article_id, text=text, title=title_of(text), source=source)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_MD_RULES = [
    (re.compile(r"^```.*?^```[ \t]*$", re.DOTALL | re.MULTILINE), ""),  # code blocks
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE), ""),  # list markers
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"\n{3,}"), "\n\n"),
]


def markdown_to_text(md: str) -> tuple[str, dict[str, str]]:
    """Plain text and front-matter fields of a Markdown document.

    >>> markdown_to_text("---\\ntitle: 'Talks'\\ndate: 2015-09-28\\n---\\n# Talks in **Moscow**\\n\\nSee [the report](http://x).")
    ('Talks in Moscow\\n\\nSee the report.', {'title': 'Talks', 'date': '2015-09-28'})
    """
    meta: dict[str, str] = {}
    m = _FRONT.match(md)
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t", "-")):
                meta[key.strip().lower()] = value.strip().strip("'\"")
        md = md[m.end():]
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md.strip(), meta


def read_markdown(raw: bytes, source: str, article_id: str, *, warn: Warn | None = None) -> Article | Skipped:
    """A Markdown article: YAML front matter (title, date, url, author, publisher) and the text."""
    from kg.dates import parse_date

    decoded = decode(raw, source, warn=warn)
    if isinstance(decoded, Skipped):
        return decoded
    heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", decoded[0], re.MULTILINE)
    text, meta = markdown_to_text(decoded[0])
    if not text:
        return Skipped(source, "no article text")
    return Article(
        id=article_id,
        text=text,
        title=meta.get("title") or (heading.group(1).strip() if heading else title_of(text)),
        date=parse_date(meta.get("date")),
        url=meta.get("url") or meta.get("link") or None,
        author=meta.get("author") or None,
        publisher=meta.get("publisher") or meta.get("site") or None,
        source=source,
    )
