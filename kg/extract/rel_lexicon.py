"""The relation lexicons: verb and noun cues, wrappers, speech verbs, head nouns.

Everything the relation component knows about English wording lives in
tab-separated files in ``kg/data/lexicons/`` (one header row, ``#`` comments).
Users add cues by dropping files with the same names into a folder listed in
``KG_LEXICONS``; their rows are added to the shipped ones.

    >>> lex = Lexicon.load()
    >>> [c.relation for c in lex.verbs["provide"]][:1]
    ['supplies']
    >>> lex.wrappers["refuse"].effect
    'wrap+neg'
    >>> lex.heads["government"]
    'standin'
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.vocab import RELATIONS


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    particle: str | None  # "out" in "pull out"
    relation: str
    preps: tuple[str, ...]  # () = direct object; "^ccomp" = subject of the that-clause
    theme: str | None
    direction: str  # fwd | rev
    precision: float


@dataclass(frozen=True)
class NounCue:
    lemma: str
    relation: str
    preps: tuple[str, ...]
    modifiers: frozenset[str]
    kind: str  # event | agent
    precision: float
    light: frozenset[str] = frozenset()  # only under these light verbs ("declare a ceasefire")


@dataclass(frozen=True)
class Wrapper:
    lemma: str
    effect: str  # pass | wrap | neg | wrap+neg | block
    relation: str | None
    modality: str


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbCue]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[NounCue]] = field(default_factory=lambda: defaultdict(list))
    light: dict[str, str] = field(default_factory=dict)  # lemma -> fwd | rev
    wrappers: dict[str, Wrapper] = field(default_factory=dict)
    speech: dict[str, str] = field(default_factory=dict)  # lemma -> assert | deny | block
    heads: dict[str, str] = field(default_factory=dict)  # lemma -> standin | group | target | area
    themes: dict[str, frozenset[str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    nonactors: frozenset[str] = frozenset()
    acting_subjects: frozenset[str] = frozenset()  # nonactors that act for their country as an event's subject
    titles: frozenset[str] = frozenset()  # head words of person titles (president, minister, ...)
    rules: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> Lexicon:
        """The shipped lexicons plus those in ``extra_dirs`` and ``KG_LEXICONS`` (cached)."""
        from kg.settings import Settings

        dirs = tuple(str(d) for d in extra_dirs) + tuple(str(d) for d in Settings().lexicon_dirs)
        return _load(dirs)

    def rule_precision(self, rule: str) -> float:
        return self.rules.get(rule, 0.75)


def _rows(name: str, dirs: tuple[str, ...]) -> Iterator[dict[str, str]]:
    from kg.settings import data_path

    for folder in (data_path("lexicons"), *map(Path, dirs)):
        path = Path(folder) / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as f:
            lines = (ln for ln in f if ln.strip() and not ln.startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip().lower() for p in cell.split("|") if p.strip())


def _float(cell: str, default: float) -> float:
    try:
        return float(cell)
    except (TypeError, ValueError):
        return default


@lru_cache(maxsize=8)
def _load(dirs: tuple[str, ...]) -> Lexicon:
    lex = Lexicon()
    for r in _rows("verbs.tsv", dirs):
        if r.get("relation") not in RELATIONS:
            continue
        words = r["lemma"].lower().split()
        lex.verbs[words[0]].append(VerbCue(
            words[0], " ".join(words[1:]) or None, r["relation"], _split(r.get("prep", "")),
            r.get("theme") or None, r.get("direction") or "fwd", _float(r.get("precision", ""), 0.8)))
    for r in _rows("nouns.tsv", dirs):
        if r.get("relation") not in RELATIONS:
            continue
        lemma = r["lemma"].lower()
        lex.nouns[lemma.split()[-1]].append(NounCue(
            lemma, r["relation"], _split(r.get("prep", "")), frozenset(_split(r.get("modifier", ""))),
            r.get("kind") or "event", _float(r.get("precision", ""), 0.8), frozenset(_split(r.get("light") or ""))))
    for r in _rows("lightverbs.tsv", dirs):
        lex.light[r["lemma"].lower().split()[0]] = r.get("direction") or "fwd"
    for r in _rows("wrappers.tsv", dirs):
        lex.wrappers[r["lemma"].lower()] = Wrapper(r["lemma"].lower(), r.get("effect") or "pass",
                                                   r.get("relation") or None, r.get("modality") or "asserted")
    for r in _rows("speech.tsv", dirs):
        lex.speech[r["lemma"].lower()] = r.get("polarity") or "assert"
    for r in _rows("heads.tsv", dirs):
        lex.heads[r["lemma"].lower()] = r.get("kind") or "standin"
    themes: dict[str, set[str]] = defaultdict(set)
    for r in _rows("themes.tsv", dirs):
        themes[r["theme"]].update(_split(r.get("lemma", "")))
    lex.themes = {k: frozenset(v) for k, v in themes.items()}
    for r in _rows("adjectives.tsv", dirs):
        if r.get("relation") in RELATIONS:
            lex.adjectives[r["lemma"].lower()] = r["relation"]
    nonactor_rows = list(_rows("nonactors.tsv", dirs))
    nonactors = {r["lemma"].lower() for r in nonactor_rows}
    lex.acting_subjects = frozenset(r["lemma"].lower() for r in nonactor_rows if r.get("subject") == "acts")
    # person titles: "the Russian president" is the person the article titled so, else acts for Russia
    # (titles.tsv is the entity helper's file)
    titles = set()
    for r in _rows("titles.tsv", dirs):
        words = (r.get("title") or "").lower().split(" of ")[0].split()
        if words and r.get("kind") in ("leader", "official"):
            titles.add(words[-1])
    lex.titles = frozenset(titles)
    lex.nonactors = frozenset(nonactors)
    for r in _rows("rules.tsv", dirs):
        lex.rules[r["rule"]] = _float(r.get("precision", ""), 0.75)
    lex.verbs = dict(lex.verbs)
    lex.nouns = dict(lex.nouns)
    return lex
