"""What the entity components read: the gazetteer, the lexicons and the matchers built from them.

Built once per process and model (``load_resources``), from the shipped files
and the folders in ``KG_LEXICONS``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.extract.gazetteer import Gazetteer, normalize

@dataclass
class Resources:
    """What the component reads: gazetteer, lexicons and the matchers (built once per process)."""

    gaz: Gazetteer
    titles: dict[tuple[str, ...], str]  # lower-case title tokens -> leader|official|honorific
    title_max: int
    state_heads: set[tuple[str, ...]]
    armed_heads: set[str]
    place_preps: set[str]
    not_names: set[str] = field(default_factory=set)
    alias_case: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower-cased alias -> its written tokens
    matcher_lower: object = None
    matcher_exact: object = None
    matcher_dem: object = None
    state_max: int = 3
    generic_armed: set[str] = field(default_factory=set)  # "rebels" in "Darfur rebels", "Croatian extremists"
    armed_creeds: set[str] = field(default_factory=set)  # "leftist" in "leftist guerrillas", "Maoist rebels"
    proper_creeds: set[str] = field(default_factory=set)  # the creeds written with a capital ("Maoist")
    renegades: set[str] = field(default_factory=set)  # "mutinous" in "mutinous soldiers": no longer the state's
    #: collective actors (groups.tsv): people-noun lemmas, peoples (lower case, plural as written),
    #: qualifiers (lower case) and singular collective heads
    group_heads: set[str] = field(default_factory=set)
    group_peoples: set[str] = field(default_factory=set)
    group_qualifiers: set[str] = field(default_factory=set)
    group_collectives: set[str] = field(default_factory=set)
    group_bare: set[str] = field(default_factory=set)
    group_agents: set[str] = field(default_factory=set)  # "observers": a named body's own, else a group
    group_roles: set[str] = field(default_factory=set)  # "soldiers", "a mob": people by role, a group by themselves
    group_owners: set[str] = field(default_factory=set)
    group_sectors: set[str] = field(default_factory=set)
    group_owned: set[str] = field(default_factory=set)
    group_kin: set[str] = field(default_factory=set)  # "relatives of the missing": kin named by whose kin they are


def _lexicon_rows(name: str, dirs: tuple[str, ...]):
    from kg.settings import data_path

    paths = [data_path("lexicons", name)] + [Path(d) / name for d in dirs if (Path(d) / name).exists()]
    for path in paths:
        header = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = [c.strip() for c in line.split("\t")]
                if header is None:
                    header = cols
                    continue
                yield dict(zip(header, cols))


def _tok(nlp_tokenizer, text: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in nlp_tokenizer(text))


@lru_cache(maxsize=4)
def _resources(vocab_id: int, dirs: tuple[str, ...], _nlp_holder) -> Resources:
    from spacy.matcher import PhraseMatcher

    nlp = _nlp_holder.nlp
    tok = nlp.tokenizer
    gaz = Gazetteer.load(dirs)
    titles = {}
    for row in _lexicon_rows("titles.tsv", dirs):
        titles[_tok(tok, row["title"])] = row.get("kind", "official")
    state, armed, place, notname, generic, creeds = set(), set(), set(), set(), set(), set()
    proper_creeds: set[str] = set()
    renegades: set[str] = set()
    for row in _lexicon_rows("entity_heads.tsv", dirs):
        role = row.get("role", "")
        if role == "state":
            state.add(_tok(tok, row["word"]))
        elif role == "armedgroup":
            armed.add(row["word"].lower())
        elif role == "generic":
            generic.add(row["word"].lower())
        elif role == "generic-armed":
            generic.add("armed " + row["word"].lower())
        elif role == "place":
            place.add(row["word"].lower())
        elif role == "notname":
            notname.add(row["word"].lower())
        elif role == "renegade":
            renegades.add(row["word"].lower())
        elif role == "creed":
            creeds.add(row["word"].lower())
            if row["word"][:1].isupper():
                proper_creeds.add(row["word"].lower())
    res = Resources(gaz, titles, max(map(len, titles)), state, armed, place, notname,
                    state_max=max(map(len, state)) if state else 1, generic_armed=generic,
                    armed_creeds=creeds, proper_creeds=proper_creeds, renegades=renegades)
    roles = {"head": res.group_heads, "people": res.group_peoples, "qualifier": res.group_qualifiers,
             "collective": res.group_collectives, "bare": res.group_bare,
             "kin": res.group_kin, "agent": res.group_agents, "role": res.group_roles,
             "owner": res.group_owners, "sector": res.group_sectors, "owned": res.group_owned}
    for row in _lexicon_rows("groups.tsv", dirs):
        bucket = roles.get(row.get("role", ""))
        if bucket is not None and row.get("word"):
            bucket.add(row["word"].lower())
            if row["role"] == "qualifier" and row["word"][:1].isupper():
                # an ethnic or religious people ("Hutu", "Shiite") before an armed noun names an armed group
                res.armed_creeds.add(row["word"].lower())
                res.proper_creeds.add(row["word"].lower())
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    dem = PhraseMatcher(nlp.vocab, attr="LOWER")
    res_case: dict[str, tuple[str, ...]] = {}
    by_key_lower: dict[str, list[str]] = defaultdict(list)
    by_key_exact: dict[str, list[str]] = defaultdict(list)
    for surface, key, cs in gaz.surface_forms():
        s = normalize(surface)
        if not s:
            continue
        (by_key_exact if cs else by_key_lower)[key].append(s)
        if not cs:
            words = tuple(t.text for t in tok(s))
            low = " ".join(w.lower() for w in words)
            old = res_case.get(low)
            if old is None or sum(c.isupper() for c in s) < sum(c.isupper() for c in "".join(old)):
                res_case[low] = words
    for key, forms in by_key_lower.items():
        lower.add(key, list(tok.pipe(forms)))
    for key, forms in by_key_exact.items():
        exact.add(key, list(tok.pipe(forms)))
    by_key_dem: dict[str, list[str]] = defaultdict(list)
    for d, key in gaz.demonym_forms():
        by_key_dem[key].append(d)
        if plural_demonym(d):
            by_key_dem[key].append(plural_demonym(d))  # "Palestinians", "Iraqis"
    for key, forms in by_key_dem.items():
        dem.add(key, list(tok.pipe(forms)))
    res.matcher_lower, res.matcher_exact, res.matcher_dem = lower, exact, dem
    res.alias_case = res_case
    return res


def plural_demonym(d: str) -> str | None:
    """The people-noun plural of a demonym ("Iraqi" -> "Iraqis"), None where English has none ("French").

    >>> plural_demonym("Palestinian"), plural_demonym("Swiss")
    ('Palestinians', None)
    """
    if d.isupper() or d.endswith(("ese", "ish", "ch", "sh", "s", "x", "y", "ern")):
        return None
    return d + "s"


class _Holder:
    """Hashable by vocab identity so the lru_cache keys on the model, not the object."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __hash__(self):
        return id(self.nlp.vocab)

    def __eq__(self, other):
        return isinstance(other, _Holder) and other.nlp.vocab is self.nlp.vocab


def load_resources(nlp, lexicon_dirs=()) -> Resources:
    from kg.settings import Settings

    dirs = tuple(str(d) for d in lexicon_dirs) + tuple(str(d) for d in Settings().lexicon_dirs)
    return _resources(id(nlp.vocab), dirs, _Holder(nlp))
