"""The gazetteer: known entities, their other names, codes and demonyms.

Data lives in tab-separated files, ``kg/data/gazetteer/*.tsv`` (shipped) and
any ``*.tsv`` with the same header in the folders named by ``KG_LEXICONS``
(``Settings.lexicon_dirs``), read after the shipped ones. Lines starting with
``#`` are comments; the first other line is the header::

    key  type  kind  aliases  demonyms  country  code  wikidata

``key``       the canonical name (``rdfs:label``; the entity IRI is minted from it)
``type``      Person | Country | Organization | ArmedGroup | Location
``kind``      finer role: country, capital, city, province, region, base, standin,
              igo, media, ngo, bloc, armedgroup, militia, leader, official, ...
``aliases``   other names, ``|``-separated. Matched case-insensitively, except
              aliases written without lower-case letters ("US", "IS", "ANF"),
              which must appear exactly so.
``demonyms``  adjectives naming the country ("Russian|Soviet"), ``|``-separated
``country``   the country (or organisation) key the entry belongs to: a capital's
              or stand-in's country, a person's country, a place's country
``code``      ISO 3166-1 alpha-3 (countries)
``wikidata``  Wikidata Q-id (only where certain)

Trailing empty columns may be omitted. A row whose key is already known adds
its aliases and demonyms to that entry and overrides its non-empty fields, so a
user file with just ``Vladimir Putin<TAB>Person<TAB>leader<TAB>V. Putin`` adds
an alias.

    >>> gaz = Gazetteer.load()
    >>> gaz.lookup("the Russian Federation").key
    'Russia'
    >>> gaz.lookup("Daesh").type
    'ArmedGroup'
    >>> gaz.demonym("Syrian").key
    'Syria'
    >>> gaz.lookup("us") is None  # "US" only matches in capitals
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import Errors, KGError

COLUMNS: tuple[str, ...] = ("key", "type", "kind", "aliases", "demonyms", "country", "code", "wikidata")
TYPES: frozenset[str] = frozenset({"Person", "Country", "Organization", "ArmedGroup", "Location"})

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-"})
_POSS = re.compile(r"(?:'s|')$")


@dataclass(frozen=True)
class GazEntry:
    """One known entity."""

    key: str
    type: str
    country_code: str | None = None
    wikidata: str | None = None
    country: str | None = None  # the country/organisation key this entry belongs to
    kind: str = ""
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


def normalize(surface: str) -> str:
    """The lookup form of a name: quotes unified, whitespace collapsed, no leading "the", no trailing "'s".

    >>> normalize("  the Kremlin’s ")
    'Kremlin'
    """
    s = " ".join(surface.translate(_APOS).split())
    if s[:4].lower() == "the ":
        s = s[4:]
    return _POSS.sub("", s).strip()


def case_sensitive(alias: str) -> bool:
    """Aliases written without lower-case letters ("US", "IS", "U.N.") or with a capital inside a word
    ("LeT", "PressTV") must match exactly; the case of the rest does not matter.

    >>> case_sensitive("IS"), case_sensitive("LeT"), case_sensitive("al-Qaeda"), case_sensitive("Hamas")
    (True, True, False, False)
    """
    return not any(c.islower() for c in alias) or re.search(r"[a-z][A-Z]", alias) is not None


@dataclass
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)  # case-sensitive alias -> key
    _lower: dict[str, str] = field(default_factory=dict)  # lower-cased alias -> key
    _demonyms: dict[str, str] = field(default_factory=dict)  # lower-cased demonym -> key
    _codes: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> country key (filled on first use)

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> Gazetteer:
        """The shipped gazetteer plus the files in ``extra_dirs`` (cached per set of folders)."""
        return _load(tuple(str(Path(d)) for d in extra_dirs))

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> Gazetteer:
        gaz = cls()
        for path in paths:
            for row in read_rows(path):
                gaz.add(row)
        gaz._index()
        return gaz

    def add(self, entry: GazEntry) -> None:
        old = self.entries.get(entry.key)
        if old is not None:
            entry = replace(
                old,
                type=entry.type or old.type,
                kind=entry.kind or old.kind,
                country_code=entry.country_code or old.country_code,
                wikidata=entry.wikidata or old.wikidata,
                country=entry.country or old.country,
                aliases=old.aliases + tuple(a for a in entry.aliases if a not in old.aliases),
                demonyms=old.demonyms + tuple(d for d in entry.demonyms if d not in old.demonyms),
            )
        self.entries[entry.key] = entry

    def _index(self) -> None:
        self._exact.clear()
        self._lower.clear()
        self._demonyms.clear()
        # Later entries do not steal a name an earlier entry already owns, except its own key.
        for e in self.entries.values():
            for name in (e.key, *e.aliases):
                n = normalize(name)
                if not n:
                    continue
                if case_sensitive(n):
                    self._exact.setdefault(n, e.key)
                else:
                    self._lower.setdefault(n.lower(), e.key)
            for d in e.demonyms:
                self._demonyms.setdefault(normalize(d).lower(), e.key)
        for e in self.entries.values():  # a canonical key always names its own entry
            n = normalize(e.key)
            (self._exact.__setitem__(n, e.key) if case_sensitive(n) else self._lower.__setitem__(n.lower(), e.key))

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def country_by_code(self, code: str | None) -> str | None:
        """The key of the country with this ISO alpha-3 code.

        >>> Gazetteer.load().country_by_code("SYR")
        'Syria'
        """
        if not code:
            return None
        if not self._codes:
            self._codes.update({e.country_code: e.key for e in self.entries.values()
                                if e.type == "Country" and e.country_code})
        return self._codes.get(code)

    def get(self, key: str) -> GazEntry | None:
        """The entry whose canonical key is ``key``."""
        return self.entries.get(key)

    def lookup(self, surface: str) -> GazEntry | None:
        """The entry a surface form names (leading "the" and trailing "'s" ignored)."""
        n = normalize(surface)
        key = self._exact.get(n) or self._lower.get(n.lower())
        if key is None and case_sensitive(n) and len(n) > 5:
            key = self._lower.get(n.lower())  # "RUSSIA" in an all-caps headline
        return self.entries.get(key) if key else None

    def demonym(self, word: str) -> GazEntry | None:
        """The entity an adjective names: "Russian" -> Russia, "Western" -> West."""
        key = self._demonyms.get(normalize(word).lower())
        return self.entries.get(key) if key else None

    def surface_forms(self) -> Iterator[tuple[str, str, bool]]:
        """Every (alias, key, case_sensitive) to match in text."""
        for e in self.entries.values():
            seen = set()
            for name in (e.key, *e.aliases):
                s = " ".join(name.translate(_APOS).split())
                if s and s not in seen:
                    seen.add(s)
                    yield s, e.key, case_sensitive(s)

    def demonym_forms(self) -> Iterator[tuple[str, str]]:
        for e in self.entries.values():
            for d in e.demonyms:
                yield d, e.key

    def country_of(self, key: str) -> str | None:
        """The country key an entry belongs to (itself for a country)."""
        e = self.entries.get(key)
        if e is None:
            return None
        return e.key if e.type == "Country" else e.country


def read_rows(path: Path) -> Iterator[GazEntry]:
    """Parse one gazetteer TSV; raises KGError with the line on a malformed row."""
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if not header_seen:
                header_seen = True
                if tuple(cols[: len(COLUMNS)]) != COLUMNS[: len(cols)] or cols[0] != "key":
                    raise KGError(Errors.E070.format(path=path, line=lineno, reason="the header must be: " + " ".join(COLUMNS)))
                continue
            cols += [""] * (len(COLUMNS) - len(cols))
            key, typ, kind, aliases, demonyms, country, code, wikidata = cols[: len(COLUMNS)]
            if not key or (typ and typ not in TYPES):
                raise KGError(Errors.E070.format(path=path, line=lineno, reason=f"type must be one of {', '.join(sorted(TYPES))}"))
            yield GazEntry(
                key=key,
                type=typ,
                kind=kind,
                aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
                demonyms=tuple(d.strip() for d in demonyms.split("|") if d.strip()),
                country=country or None,
                country_code=code or None,
                wikidata=wikidata or None,
            )


def is_gazetteer_file(path: Path) -> bool:
    """True for a TSV whose header is the gazetteer's (other lexicons share the folders)."""
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    return line.split("\t", 1)[0].strip() == "key" and "aliases" in line
    except OSError:
        return False
    return False


def gazetteer_files(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    from kg.settings import data_path

    files = sorted(data_path("gazetteer").glob("*.tsv"))
    for d in extra_dirs:
        files += [p for p in sorted(Path(d).glob("*.tsv")) if is_gazetteer_file(p)]
    return files


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[str, ...]) -> Gazetteer:
    return Gazetteer.from_files(gazetteer_files(extra_dirs))


def fingerprint(extra_dirs: Iterable[str | Path] = ()) -> str:
    """A short hash of every gazetteer and entity lexicon file in use (shipped and user folders).

    A build can fold it into the extractor version so that editing a gazetteer
    file re-extracts articles that would otherwise be skipped as unchanged.

    >>> len(fingerprint())
    12
    """
    import hashlib

    from kg.settings import Settings, data_path

    dirs = tuple(extra_dirs) + tuple(Settings().lexicon_dirs)
    h = hashlib.sha256()
    files = gazetteer_files(dirs)
    for name in ("titles.tsv", "entity_heads.tsv"):
        files.append(data_path("lexicons", name))
        files += [Path(d) / name for d in dirs if (Path(d) / name).exists()]
    for p in files:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]
