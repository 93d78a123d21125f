"""JSONL and CSV corpora: one article per record, streamed (the file is never loaded whole).

Which key/column holds the text, title, date, URL and id is configurable
(``IngestOptions.*_field``); ``author`` and ``publisher`` (or ``site``) are
read when present. The id is the record's id field, else a slug of its URL,
else ``<file stem>-<record number>``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.article import Article, Skipped
from kg.ingest.options import IngestOptions
from kg.ingest.text import Warn, size_text, sniff_encoding

PROBE = 20  # lines read before a JSONL file without one good record is judged as a whole


def _open_text(source: str, stream) -> tuple[io.TextIOWrapper, bool, str] | Skipped:
    """A text stream over ``stream``, whether its encoding was a guess, and its first line."""
    head = stream.read(65536)
    enc = sniff_encoding(head, source)
    if isinstance(enc, Skipped):
        stream.close()
        return enc
    encoding, guessed = enc
    first = head.decode(encoding, errors="replace").lstrip("\ufeff").split("\n", 1)[0]
    wrapper = io.TextIOWrapper(io.BufferedReader(_Rewound(head, stream)), encoding=encoding,
                               errors="replace", newline="")
    return wrapper, guessed, first


class _Rewound(io.RawIOBase):
    """A raw stream that replays the bytes already read for sniffing, then the rest."""

    def __init__(self, head: bytes, stream):
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def _record(rec: dict, n: int, where: str, stem: str, opts: IngestOptions, bad_dates: list) -> Article | Skipped:
    """One record as an Article; ``n`` numbers it for the fallback id, ``where`` names it in messages."""
    from kg.dates import parse_date
    from kg.ingest.feeds import slug

    text = rec.get(opts.text_field)
    if not isinstance(text, str) or not text.strip():
        return Skipped(where, f"no text: '{opts.text_field}' is missing or empty")
    if len(text) > opts.max_bytes:
        return Skipped(where, f"larger than {size_text(opts.max_mb)}")

    def get(key: str) -> str | None:
        v = rec.get(key)
        return str(v).strip() or None if v not in (None, "") else None

    url = get(opts.url_field)
    raw_id = get(opts.id_field)
    raw_date = get(opts.date_field)
    date = parse_date(raw_date)
    if raw_date and not date:
        bad_dates.append(raw_date)
    return Article(
        id=raw_id or (slug(url) if url else f"{stem}-{n}"),
        text=text.replace("\r\n", "\n").strip(),
        title=get(opts.title_field),
        date=date,
        url=url,
        author=get("author"),
        publisher=get("publisher") or get("site") or get("sitename"),
        source=where,
    )


def _open(path: Path | None, source: str, stream, warn: Warn | None) -> tuple[io.TextIOWrapper, str] | Skipped:
    try:
        opened = _open_text(source, stream or open(path, "rb"))
    except OSError as e:
        return Skipped(source, f"cannot read: {e.strerror or e}")
    if isinstance(opened, Skipped):
        return opened
    f, guessed, first = opened
    if guessed and warn:
        from kg.errors import Warnings

        warn(Warnings.W004.format(path=source, encoding="Windows-1252 (latin-1)"))
    return f, first


def _bad_dates(source: str, bad: list, warn: Warn | None) -> None:
    if bad and warn:
        from kg.errors import Warnings

        warn(Warnings.W006.format(path=source, n=len(bad), example=bad[0]))


def read_jsonl(path: Path | None, source: str, stem: str, opts: IngestOptions, *, stream=None,
               warn: Warn | None = None) -> Iterator[Article | Skipped]:
    """Articles from a JSON Lines file: one JSON object a line."""
    import json

    opened = _open(path, source, stream, warn)
    if isinstance(opened, Skipped):
        yield opened
        return
    f, _ = opened
    bad_dates: list[str] = []
    records = 0
    # Until one record has the text key, problems are held back: if the first
    # PROBE lines all fail, the file is one skip ("no text column", "not JSON
    # Lines"), not a warning per line.
    pending: list[Skipped] = []
    example: dict | None = None
    proven = False
    with f:
        for lineno, line in enumerate(f, 1):
            line = line.strip().lstrip("\ufeff")
            if not line:
                continue
            where = f"{source} line {lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problem = Skipped(where, f"invalid JSON: {e.msg}")
            else:
                if not isinstance(rec, dict):
                    problem = Skipped(where, "invalid record: not a JSON object")
                elif opts.text_field not in rec:
                    problem = Skipped(where, f"no text: '{opts.text_field}' is missing or empty")
                    example = example or rec
                else:
                    records += 1
                    if not proven:
                        proven = True
                        yield from pending
                    yield _record(rec, records, where, stem, opts, bad_dates)
                    continue
            if proven:
                yield problem
            else:
                pending.append(problem)
                if len(pending) >= PROBE:
                    break
    if not proven:
        if example is not None:
            keys = ", ".join(sorted(map(str, example))[:12])
            yield Skipped(source, f"no text column: no key '{opts.text_field}' (keys: {keys}); use --text-field")
        elif pending:
            line_no = pending[0].source.rsplit(" ", 1)[-1]
            yield Skipped(source, f"not JSON Lines: line {line_no}: {pending[0].reason}")
        else:
            yield Skipped(source, "empty file: no JSON records")
        return
    _bad_dates(source, bad_dates, warn)


def read_csv(path: Path | None, source: str, stem: str, opts: IngestOptions, *, stream=None,
             warn: Warn | None = None) -> Iterator[Article | Skipped]:
    """Articles from a CSV (or TSV) file with a header row."""
    import csv

    opened = _open(path, source, stream, warn)
    if isinstance(opened, Skipped):
        yield opened
        return
    f, first = opened
    csv.field_size_limit(max(opts.max_bytes * 2, 1 << 20))
    bad_dates: list[str] = []
    with f:
        reader = csv.DictReader(f, dialect=_dialect(first, source))
        try:
            fields = reader.fieldnames or []
        except csv.Error as e:
            yield Skipped(source, f"malformed CSV: {e}")
            return
        if opts.text_field not in fields:
            cols = ", ".join(fields[:12]) or "none"
            yield Skipped(source, f"no text column: no column '{opts.text_field}' (columns: {cols}); use --text-field")
            return
        n = 0
        try:
            for n, rec in enumerate(reader, 1):
                yield _record(rec, n, f"{source} record {n}", stem, opts, bad_dates)
        except csv.Error as e:
            yield Skipped(f"{source} record {n + 1}", f"malformed CSV: {e}")
        if not n:
            yield Skipped(source, "empty file: a header but no records")
    _bad_dates(source, bad_dates, warn)


def _dialect(first: str, source: str):
    import csv

    if source.lower().endswith(".tsv") or first.count("\t") > max(first.count(","), first.count(";")):
        return csv.excel_tab
    if first.count(";") > first.count(","):
        class Semicolon(csv.excel):
            delimiter = ";"

        return Semicolon
    return csv.excel
