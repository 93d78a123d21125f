"""The extractor's version as the store records it.

``EXTRACTOR_VERSION`` (bumped when the code's output changes) plus a hash of
every lexicon and gazetteer file in use, shipped and in ``KG_LEXICONS``
folders, and of the code that turns an article into quads (``kg/extract``,
``kg/graph``, ``kg/dates.py``). An article is re-extracted when its stamp
differs, so adding a verb cue or an alias, or upgrading kg, takes effect on
the next ``kg build`` without a fresh folder.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from kg import EXTRACTOR_VERSION


def _data_files(extra_dirs: tuple[str, ...]) -> list[Path]:
    from kg.settings import data_path

    files: list[Path] = []
    for folder in (data_path("lexicons"), data_path("gazetteer"), *map(Path, extra_dirs)):
        files += sorted(folder.glob("*.tsv"))
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "extract", package / "graph"):
        files += sorted(folder.glob("*.py"))
    return files + [package / "dates.py"]


@lru_cache(maxsize=8)
def _version(extra_dirs: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for p in _data_files(extra_dirs):
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return f"{EXTRACTOR_VERSION}+{h.hexdigest()[:12]}"


def extractor_version() -> str:
    """``"<EXTRACTOR_VERSION>+<hash of the lexicons in use>"``.

    >>> extractor_version().startswith(EXTRACTOR_VERSION + "+")
    True
    """
    from kg.settings import Settings

    return _version(tuple(str(d) for d in Settings().lexicon_dirs))
