"""Options that shape how inputs are read (owned by the ingest stage).

``kg build`` adds these to its parser with ``add_ingest_arguments`` and turns
the parsed values into an ``IngestOptions`` with ``options_from_args``.

    >>> IngestOptions().max_bytes
    20971520
    >>> IngestOptions(include=("*.html",)).wants("news/a.html"), IngestOptions(exclude=("drafts/*",)).wants("drafts/a.txt")
    (True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import PurePath

FORMATS = ("auto", "text", "markdown", "html", "feed", "jsonl", "csv")
USER_AGENT = "kg-news/0.1 (offline-first knowledge-graph builder; +https://w3id.org/kg-news)"


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs.

    ``include``/``exclude`` are glob patterns matched against a file's path
    relative to the folder given, and against its bare name (so ``*.html``
    and ``drafts/*`` both work). ``format`` forces one reader for every input
    (``auto`` picks by file extension, or by content for standard input).
    The ``*_field`` names say which JSONL keys / CSV columns hold what.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    format: str = "auto"
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    id_field: str = "id"
    max_mb: float = 20.0
    timeout: float = 20.0
    language_check: bool = True
    min_language_chars: int = 200
    user_agent: str = USER_AGENT

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)

    def wants(self, relpath: str | PurePath) -> bool:
        """Whether a file found in a folder passes the include/exclude globs."""
        rel = PurePath(relpath).as_posix()
        name = PurePath(relpath).name

        def hit(pattern: str) -> bool:
            return fnmatch(rel, pattern) or fnmatch(name, pattern) or fnmatch(rel, f"*/{pattern}")

        if self.include and not any(hit(p) for p in self.include):
            return False
        return not any(hit(p) for p in self.exclude)


def add_ingest_arguments(parser) -> None:
    """Add the ingest options to an argparse parser (as an "input" group)."""
    g = parser.add_argument_group(
        "input",
        "how PATHs are read: which files in folders, which JSONL keys / CSV columns,\n"
        "size and time limits, languages",
    )
    g.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in folders, read only files matching GLOB (repeatable), e.g. --include '*.html'")
    g.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="in folders, skip files matching GLOB (repeatable), e.g. --exclude 'drafts/*'")
    g.add_argument("--format", choices=FORMATS, default="auto",
                   help="read every input as this format (default: by extension; by content for '-')")
    for field in ("text", "title", "date", "url", "id"):
        g.add_argument(f"--{field}-field", default=field, metavar="NAME",
                       help=f"JSONL key / CSV column holding the {field} (default: %(default)s)")
    g.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                   help="skip single documents larger than this (default: %(default)g MB)")
    g.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="give up fetching a URL after this long (default: %(default)g s)")
    g.add_argument("--any-language", action="store_true",
                   help="keep articles not detected as English (they are skipped by default)")


def options_from_args(args) -> IngestOptions:
    """An ``IngestOptions`` from parsed arguments (missing ones keep their defaults)."""
    from kg.errors import Errors, KGUsageError

    max_mb = getattr(args, "max_size", 20.0)
    timeout = getattr(args, "timeout", 20.0)
    if not max_mb or max_mb <= 0:
        raise KGUsageError(Errors.E041.format(value=max_mb))
    if not timeout or timeout <= 0:
        raise KGUsageError(Errors.E042.format(value=timeout))
    return IngestOptions(
        include=tuple(getattr(args, "include", None) or ()),
        exclude=tuple(getattr(args, "exclude", None) or ()),
        format=getattr(args, "format", "auto") or "auto",
        text_field=getattr(args, "text_field", "text"),
        title_field=getattr(args, "title_field", "title"),
        date_field=getattr(args, "date_field", "date"),
        url_field=getattr(args, "url_field", "url"),
        id_field=getattr(args, "id_field", "id"),
        max_mb=max_mb,
        timeout=timeout,
        language_check=not getattr(args, "any_language", False),
    )
