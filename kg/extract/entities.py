"""The ``kg_entities`` component: canonical entity mentions in a parsed Doc.

It merges three sources, in this order of trust:

1. the gazetteer (``kg/data/gazetteer``), matched with two PhraseMatchers built
   once per process: aliases written in capitals ("US", "IS", "UN") match
   exactly, all other aliases case-insensitively but only where the text
   capitalises them (so "the country's west" is not the West);
2. demonyms ("Russian", "Syrian") — alone they name the country as a modifier
   ("Russian airstrikes"); followed by a state noun ("forces", "government",
   "army", see ``kg/data/lexicons/entity_heads.tsv``) the whole phrase acts for
   the country ("Russian forces" -> Russia);
3. spaCy's NER for names the gazetteer does not know, cleaned (no leading
   "the", no trailing "'s", no titles) and typed (ArmedGroup by head noun).

Capitals and stand-ins act for their country ("Moscow said", "the Kremlin")
unless the text uses them as places ("in Moscow", "Tajikistan's capital
Dushanbe"). Titles around person names become ``doc._.kg_titles``. Short
person names resolve to the full name seen in the article ("Putin" ->
"Vladimir Putin"), in the gazetteer, or earlier in the run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language

from kg.extract import docext
from kg.extract.ent_groups import tokens_where
from kg.extract.ent_lexicon import load_resources, plural_demonym  # noqa: F401  (plural_demonym re-exported)
from kg.extract.gazetteer import Gazetteer, normalize
from kg.extract.subdivisions import subdivision_country
from kg.extract.types import Entity, Mention, Title

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location",
             "NORP": None}
_DASHES = "-\u2013\u2014"
# "Moscow, SANA –", "MOSCOW, SANA-", "WASHINGTON (Reuters) -", "Damascus, (SANA) -"
_DATELINE = re.compile(
    r"(?m)^[ \t\u00a0]*(?P<place>[A-Z][\w.'\u2019 ]{1,30}?)\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)\s*(?=,))?"
    r"(?:,\s*\(?(?P<agency>[A-Z][\w.]{1,20})\)?|\((?P<agency2>[A-Z][\w. ]{1,20})\))\s*[" + _DASHES + r"]+\s*"
)
#: Capitalised office words after which an NER "organisation" is part of a title.
_TITLE_TAILS = frozenset({"adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
                          "chief", "commander", "director", "coordinator", "representative", "negotiator"})
#: Nouns naming a kind of place: "the city of X" is a place.
_PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "district", "state", "governorate",
                          "county", "island", "islands", "capital", "municipality", "area", "enclave", "suburb",
                          "neighbourhood", "neighborhood", "camp", "base", "airbase"})
_GAP_HEADS = frozenset({"ministry", "ministries", "department", "office", "service", "services", "agency", "command",
                        "forces", "troops", "army", "guard", "guards", "corps", "navy", "council", "directorate"})
_GAP_WORDS = frozenset({"occupation", "security", "special", "elite", "regular", "naval", "ground", "government",
                        "regime", "military", "armed", "coalition", "border", "federal", "national"})
_BODY_HEADS = frozenset({"ministry", "parliament", "army", "government", "presidency", "cabinet", "court", "assembly",
                         "department", "office", "police", "navy", "senate", "congress"})
_GENERIC_BODY = _BODY_HEADS | frozenset({"of", "the", "and", "for", "foreign", "affairs", "defence", "defense", "interior",
                                         "expatriates", "justice", "health", "finance", "supreme", "constitutional",
                                         "national", "general", "staff", "state", "high", "federal", "public",
                                         "security", "information", "economy", "trade", "energy", "oil", "education"})
_MOTION_VERBS = frozenset({"travel", "go", "arrive", "fly", "return", "come", "head", "move", "flee", "relocate",
                           "journey", "drive", "sail", "trip", "visit", "arrival", "way", "escape", "defect", "emigrate"})
_NOISE = re.compile(r"^[A-Z]{2,}[" + _DASHES + r"]\w|\d")


# ---------------------------------------------------------------- the component


@Language.factory("kg_entities", default_config={"lexicon_dirs": [], "remember_names": True})
def make_entities(nlp, name: str, lexicon_dirs: list[str], remember_names: bool):
    return EntityComponent(nlp, name, lexicon_dirs=lexicon_dirs, remember_names=remember_names)


@dataclass
class _Cand:
    start: int
    end: int
    key: str
    type: str
    kind: str
    text: str
    source: str = "gaz"
    country: str | None = None  # a Group's country


#: Words before a name that make it a political body ("the opposition Unitary Platform").
_PARTY_WORDS = frozenset({"opposition", "ruling", "governing"})
#: Nouns of administrative areas: a name they follow or end is a place ("Gazakh district", "Rakhine State").
_ADMIN_NOUNS = frozenset({"district", "province", "region", "township", "county", "governorate", "state",
                          "prefecture", "oblast", "municipality"})
#: prepositions after which one unknown capitalised word is a place, whatever NER said ("in Goma")
_IN_PLACE = frozenset({"in", "near", "outside", "around", "across", "throughout"})


def _surname(name: str) -> str:
    """The family name, lower case, without an Arabic article: "Abdel Fattah al-Burhan" -> "burhan"."""
    last = name.split()[-1].lower()
    head, _, rest = last.partition("-")
    return rest if rest and head in ("al", "el", "ad", "as", "ash", "an", "ar", "at", "az") else last


@dataclass
class EntityComponent:
    nlp: object
    name: str = "kg_entities"
    lexicon_dirs: list[str] = field(default_factory=list)
    remember_names: bool = True
    #: surname (lower case) -> full person names seen earlier in this process
    registry: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _heads: object = field(default=None, repr=False)  # title head words as vocab hashes (filled on first use)
    _armed: object = field(default=None, repr=False)  # generic armed nouns as vocab hashes (filled on first use)

    def __post_init__(self):
        docext.register()
        self.res = load_resources(self.nlp, self.lexicon_dirs)

    def __call__(self, doc):
        docext.ensure(doc)
        self.set_annotations(doc, self.predict(doc))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        """Process a stream; full names are remembered within this stream only, so that the
        same articles in the same order always give the same entities."""
        self.registry = defaultdict(set)
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------ predict

    def predict(self, doc) -> dict:
        res = self.res
        gaz = res.gaz
        datelines = find_datelines(doc, gaz)
        blocked = {i for s, e in datelines for i in range(s, e)}

        # 1. gazetteer matches
        spans = []
        for mid, s, e in res.matcher_exact(doc):
            spans.append((s, e, doc.vocab.strings[mid], "exact"))
        for mid, s, e in res.matcher_lower(doc):
            if self._case_fits(doc[s:e]):
                spans.append((s, e, doc.vocab.strings[mid], "lower"))
        gaz_c = _longest(spans, blocked)
        taken = {i for s, e, *_ in gaz_c for i in range(s, e)}

        # 2. demonyms
        dem_spans = []
        for mid, s, e in res.matcher_dem(doc):
            if doc[s].text[:1].isupper() and not any(i in taken or i in blocked for i in range(s, e)):
                dem_spans.append((s, e, doc.vocab.strings[mid], "dem"))
        dem_c = _longest(dem_spans, blocked)

        # 3. NER, with "a larger name wins over a place inside it" (Damascus University)
        ner = []
        for ent in merge_name_particles(doc):
            if ent.label_ not in NER_TYPES or any(i in blocked for i in range(ent.start, ent.end)):
                continue
            inner = [c for c in gaz_c + dem_c if ent.start <= c[0] and c[1] <= ent.end and (c[1] - c[0]) < len(ent)]
            overl = [c for c in gaz_c + dem_c if c[0] < ent.end and ent.start < c[1]]
            person = self._person_after_host(doc, ent, inner)
            if person is not None:
                ner.append(person)  # "Special Envoy for Sudan Tom Perriello": the place, then the envoy
                continue
            if ent.label_ in ("ORG", "FAC") and overl and len(inner) == len(overl) and self._ner_wins(ent, inner):
                gaz_c = [c for c in gaz_c if c not in inner]
                dem_c = [c for c in dem_c if c not in inner]
                ner.append(ent)
            elif not overl:
                ner.append(ent)

        generic = self._generic_armed(doc, gaz_c, dem_c, ner, blocked)
        if generic:
            inside = {i for s, e in generic for i in range(s, e)}
            gaz_c = [c for c in gaz_c if not any(i in inside for i in range(c[0], c[1]))]
            dem_c = [c for c in dem_c if not any(i in inside for i in range(c[0], c[1]))]
            ner = [x for x in ner if not any(i in inside for i in range(x.start, x.end))]
        self._busy = {i for c in gaz_c + dem_c for i in range(c[0], c[1])} | blocked
        cands: list[_Cand] = []
        for s, e in generic:
            text = doc[s:e].text
            if doc[s].is_sent_start and doc[s].lower_ in (self.res.armed_creeds - self.res.proper_creeds) | self.res.renegades:
                text = doc[s].lower_ + text[len(doc[s].text):]  # "Leftist guerrillas attacked ..."
            cands.append(_Cand(s, e, normalize(text), "ArmedGroup", "name", text, source="ner"))
        for s, e, key, how in gaz_c:
            cands.append(self._resolve_gaz(doc, s, e, key))
        for s, e, key, _ in dem_c:
            cands.append(self._resolve_demonym(doc, s, e, key))
        for ent in ner:
            c = self._resolve_ner(doc, ent)
            if c is not None:
                cands.append(c)
        cands = [c for c in cands if c is not None]
        cands += self._titled_names(doc, cands, blocked)
        cands = self._dedupe(cands)
        self._resolve_acronyms(doc, cands)
        self._resolve_short_names(cands)
        cands = self._dedupe(cands + self._surname_mentions(doc, cands, blocked, self._registry_surnames()))
        cands = self._with_groups(doc, cands, blocked)
        titles = self._titles(doc, cands)
        return {"cands": cands, "titles": titles, "datelines": datelines}

    def _with_groups(self, doc, cands: list[_Cand], blocked) -> list[_Cand]:
        """Add the collective actors ("Serbian demonstrators", "Iraqi Kurds"), which replace the
        national adjective inside them."""
        from kg.extract.ent_groups import find_groups

        groups = find_groups(doc, self.res, cands, blocked)
        if not groups:
            return self._believed_members(doc, cands, blocked)
        dropped = {id(c) for g in groups for c in g.drop}
        kept = [c for c in cands if id(c) not in dropped]
        kept += [_Cand(g.start, g.end, g.key, g.type, g.kind, g.text, source="group", country=g.country)
                 for g in groups]
        return self._believed_members(doc, self._dedupe(kept), blocked)

    def _believed_members(self, doc, cands: list[_Cand], blocked) -> list[_Cand]:
        """ "Gunmen believed to belong to the Shining Path", "militants suspected of belonging to Abu
        Sayyaf", "gunmen thought to be members of Hamas": the men are that body's (a description of it)."""
        from kg.extract.ent_groups import believed_members

        found = believed_members(doc, cands, self.res, blocked)
        if not found:
            return cands
        heads = {i for i, _ in found}
        kept = [c for c in cands if not any(c.start <= i < c.end for i in heads)]
        for i, c in found:
            kept.append(_Cand(i, i + 1, c.key, c.type, "description", doc[i].text, source="group"))
        return self._dedupe(kept)

    def _titled_names(self, doc, cands, blocked) -> list[_Cand]:
        """Names NER missed right after a capitalised title: "Prime Minister Chuan Leekpai promised"."""
        if self._heads is None:  # the last words of leader and official titles (president, minister, ...)
            self._heads = _hashes(doc.vocab, {t[-1] for t, kind in self.res.titles.items()
                                              if kind in ("leader", "official")})
        hits = _where_lower_in(doc, self._heads)
        if not hits:
            return []
        taken = {i for c in cands for i in range(c.start, c.end)} | blocked
        out = []
        for i in hits:
            tok = doc[i]
            if not tok.text[:1].isupper() or tok.i + 1 >= len(doc):
                continue
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                    and doc[j].is_alpha and j not in taken:
                j += 1
            if 2 <= j - tok.i - 1 <= 3 and (j == len(doc) or doc[j].pos_ != "PROPN"):
                text = doc[tok.i + 1:j].text
                out.append(_Cand(tok.i + 1, j, normalize(text), "Person", "name", text, source="ner"))
        return out

    def _generic_armed(self, doc, gaz_c, dem_c, ner, blocked) -> list[tuple[int, int]]:
        """Unnamed armed groups named by a place or nation: "Darfur rebels", "Croatian extremists",
        "Islamic fundamentalists" (a plural armed noun right after a capitalised place, demonym or
        nationality word). "Hamas militants" stay Hamas, "pro-Iranian militias" act for their patron.
        """
        words = self.res.generic_armed
        out: list[tuple[int, int]] = []
        if not words:
            return out
        named = {i for s, e, *_ in gaz_c for i in range(s, e)}  # "Houthi rebels" is a known name
        if self._armed is None:  # the last words of the armed nouns
            self._armed = _hashes(doc.vocab, {w.split()[-1] for w in words})
        out += self._renegades(doc, named, blocked)
        for i in _where_lower_in(doc, self._armed):
            tok = doc[i]
            i = tok.i
            plural = tok.tag_ in ("NNS", "NNPS") or (tok.tag_ in ("NN", "NNP") and tok.lower_[-1:] != "s"
                                                      and tok.lower_ in words)  # "mujahideen"
            if i == 0 or not plural or (i - 1) in blocked or i in named:
                continue
            j = i - 1
            if tok.lower_ not in words:
                if j > 0 and doc[j].lower_ == "armed" and "armed " + tok.lower_ in words:
                    j -= 1  # "Palestinian armed groups"
                else:
                    continue
            mod = doc[j]
            creed = self._creed_start(doc, j, named, ner, blocked)
            if creed is not None:
                out.append((creed, i + 1))  # "leftist guerrillas", "Maoist rebels"
                continue
            if not mod.text[:1].isupper() or mod.is_punct or j in blocked:
                continue
            start = None
            for s, e, key, how in gaz_c:
                if e == j + 1:
                    entry = self.res.gaz.get(key)
                    start = s if entry is not None and entry.type in ("Country", "Location") else -1
            for s, e, *_ in dem_c:
                if e == j + 1:
                    start = s
            for x in ner:
                if start is None and x.end == j + 1 and x.label_ in ("GPE", "LOC", "NORP"):
                    start = x.start + (1 if doc[x.start].lower_ == "the" else 0)
            if start is None and mod.ent_type_ == "NORP" or (
                    start is None and not mod.is_sent_start and mod.pos_ in ("PROPN", "ADJ")):
                start = j
            if start is None and mod.is_sent_start and mod.head.i == i and mod.pos_ in ("PROPN", "ADJ") and \
                    any(x.start == j and x.end == j + 1 for x in ner):
                start = j  # "Kashmiri militants hijacked ...": a one-word name NER took for a body
            if start is None or start < 0 or start >= i:
                continue
            if start > 0 and doc[start - 1].text in ("-", "pro"):
                continue  # "pro-Iranian militias"
            if start > 0 and (doc[start - 1].tag_ == "PRP$" or doc[start - 1].tag_ == "POS"):
                continue  # "ISIL sent its Takfiri militants": the possessor's own fighters, no new group
            out.append((start, i + 1))
        return out

    def _renegades(self, doc, named, blocked) -> list[tuple[int, int]]:
        """ "Mutinous soldiers", "renegade Ivorian troops": a state's armed men who turned on it are an
        armed group of their own (``entity_heads.tsv`` role ``renegade``), with the national adjective
        between inside it, so that they never act for the state."""
        out = []
        if not self.res.renegades:
            return out
        for t in tokens_where(doc, LOWER, ("soldiers", "troops", "forces", "officers", "servicemen", "policemen", "units")):
            j = t.i - 1
            while j >= 0 and j > t.i - 3 and doc[j].lower_ not in self.res.renegades and \
                    (doc[j].ent_type_ == "NORP" or self.res.gaz.demonym(doc[j].text)
                     or doc[j].lower_ in ("army", "government", "police")):
                j -= 1  # "mutinous Ivorian soldiers", "renegade army officers"
            if j < 0 or doc[j].lower_ not in self.res.renegades or any(k in blocked or k in named for k in range(j, t.i + 1)):
                continue
            if doc[j].head.i != t.i and doc[j].head.i not in range(j + 1, t.i + 1):
                continue  # "the rebel" elsewhere, not a modifier of these men
            out.append((j, t.i + 1))
        return out

    def _creed_start(self, doc, j: int, named, ner, blocked) -> int | None:
        """Where an unnamed armed group named by its creed or cause starts ("leftist guerrillas",
        "Muslim separatist rebels"), with ``j`` the word before the armed noun; None if that word is no
        creed word (``entity_heads.tsv`` role ``creed``) or a name or possessor comes first ("Hamas
        Islamist militants", "Nepal's Maoist rebels": that name's own fighters)."""
        creeds = self.res.armed_creeds
        if not creeds or doc[j].lower_ not in creeds or j in blocked:
            return None
        start = j
        while start > 0 and doc[start - 1].lower_ in creeds and (start - 1) not in blocked:
            start -= 1
        if start == 0:
            return start
        before = doc[start - 1]
        ner_ends = {x.end for x in ner}
        if (start - 1) in named or start in ner_ends or before.tag_ in ("PRP$", "POS") or before.text in ("-", "pro"):
            return None
        if before.pos_ == "PROPN" or before.ent_type_ in ("NORP", "GPE", "LOC", "ORG", "PERSON", "FAC"):
            return None  # a name or demonym comes first: the existing rules decide
        return start

    def _case_fits(self, span) -> bool:
        """The text capitalises the alias's capitalised words, at least the first and most of them.

        "the west" is not the West, "Russia today" is not RT, "United Nations Security council" still counts.
        """
        if not any(c.isupper() for c in span.text):
            return False
        if span.text.isupper():
            return True
        awords = self.res.alias_case.get(" ".join(t.lower_ for t in span))
        words = [t.text for t in span]
        if awords is None or len(awords) != len(words):
            return True
        caps = [(a, w) for a, w in zip(awords, words) if a[:1].isupper()]
        if not caps:
            return True
        if not caps[0][1][:1].isupper():
            return False
        lowered = sum(1 for a, w in caps if not w[:1].isupper())
        return lowered * 2 < len(caps)

    def _person_after_host(self, doc, ent, inner):
        """ "U.S. Special Envoy for Sudan Tom Perriello": NER glues the host country of a title to the
        name after it. A known place at the start of the span, right after a title's "for/to", followed
        by two or three capitalised name words: those words are the person (the place stays a match)."""
        from spacy.tokens import Span

        if ent.label_ not in ("ORG", "GPE", "PERSON", "NORP") or ent.start < 2 or doc[ent.start - 1].lower_ not in ("for", "to"):
            return None
        if not any((doc[j].lower_,) in self.res.titles for j in range(max(0, ent.start - 4), ent.start - 1)):
            return None
        first = next((c for c in inner if c[0] == ent.start and c[3] != "dem"), None)
        if first is None:
            return None
        rest = doc[first[1]:ent.end]
        if not 2 <= len(rest) <= 3 or not all(t.pos_ == "PROPN" and t.is_alpha and t.is_title for t in rest):
            return None
        if self.res.gaz.lookup(rest.text) or any(self.res.gaz.demonym(t.text) for t in rest):
            return None
        return Span(doc, rest.start, rest.end, label="PERSON")

    def _ner_wins(self, ent, inner) -> bool:
        toks = [t.lower_ for t in ent]
        if "'s" in toks or "\u2019s" in toks:
            return False
        if "," in toks and len(inner) > 1:
            return False  # "Mali, Burkina Faso": a list of names NER glued together
        doc = ent.doc
        if ent.end < len(doc) and doc[ent.end].text[:1].isupper() and (
                doc[ent.end].lower_ in _TITLE_TAILS or doc[ent.end].lower_ in ("minister", "ministry", "secretary")):
            return False  # "Iraqi National Security Adviser": the demonym names the holder of a title
        gaz = self.res.gaz
        if self._longer_body_name(ent, inner):
            return True
        if any(tuple(toks[-n:]) in self.res.state_heads for n in range(1, self.res.state_max + 1)) or toks[-1] in _GAP_HEADS:
            return False
        for s, e, key, how in inner:
            if how == "dem" and self._state_head_len(ent.doc, e):
                return False  # "the Syrian Ministry of Foreign Affairs" is Syria acting
            entry = gaz.get(key)
            if how != "dem" and (entry is None or entry.type not in ("Country", "Location")):
                return False
        return True

    def _longer_body_name(self, ent, inner) -> bool:
        """ "National Security Council" is not the UN's "Security Council", "the Fatah Alliance" not
        Fatah: one known organisation inside a longer NER name whose other words are capitalised
        name words (no demonym, title or known name)."""
        if len(inner) != 1 or inner[0][3] == "dem":
            return False
        entry = self.res.gaz.get(inner[0][2])
        if entry is None or entry.type not in ("Organization", "ArmedGroup"):
            return False
        s, e = inner[0][0], inner[0][1]
        extra = [t for t in ent if not (s <= t.i < e) and t.lower_ != "the"]
        return bool(extra) and all(
            t.is_title and t.is_alpha and not self.res.gaz.demonym(t.text) and (t.lower_,) not in self.res.titles
            and not self.res.gaz.lookup(t.text) for t in extra)

    def _state_head_len(self, doc, i: int, possessive: bool = False) -> int:
        """Length of a state noun phrase starting at token i ("forces", "armed forces"), 0 if none.

        With ``possessive``, also "'s (interim) government" ("Iraq's interim government").
        """
        for n in range(self.res.state_max, 0, -1):
            if i + n <= len(doc) and tuple(t.lower_ for t in doc[i:i + n]) in self.res.state_heads:
                return n
        if possessive and i < len(doc) and doc[i].lower_ in ("'s", "\u2019s"):
            j = i + 1
            while j < len(doc) and j - i <= 3 and doc[j].pos_ == "ADJ":
                j += 1
            n = self._state_head_len(doc, j)
            if n:
                return j + n - i
        # "Syrian Foreign and Expatriates Ministry", "US occupation forces", "Iranian Revolutionary Guard"
        j = i
        busy = getattr(self, "_busy", ())
        while j < len(doc) and j - i < 4 and j not in busy:
            t = doc[j]
            if t.lower_ in _GAP_HEADS and j > i and (t.is_title or t.lower_ in ("forces", "troops", "army")):
                return j + 1 - i
            if t.lower_ in _GAP_WORDS or (t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ")) or (
                    t.lower_ == "and" and j > i and doc[j - 1].is_title):
                j += 1
                continue
            break
        return 0

    def _resolve_gaz(self, doc, s: int, e: int, key: str) -> _Cand:
        gaz = self.res.gaz
        entry = gaz.get(key)
        text = doc[s:e].text
        kind = "name" if normalize(text).lower() == key.lower() else "alias"
        if entry.type == "Person" and kind == "alias" and e < len(doc) and self._name_goes_on(doc, e):
            # "Hadi al-Amiri" is not (Mansour) Hadi: the known short name begins a longer one
            while e < len(doc) and self._name_goes_on(doc, e):
                e += 3 if doc[e].lower_ in ("al", "el", "bin", "ibn") else 1
            e = min(e, len(doc))
            return _Cand(s, e, normalize(doc[s:e].text), "Person", "name", doc[s:e].text, source="ner")
        if entry.type == "Person" and kind == "alias" and s > 0 and self._other_first_name(doc, s):
            # "Turki Al-Maliki" is not Nouri al-Maliki: a different first name before a known surname
            return _Cand(s - 1, e, normalize(doc[s - 1:e].text), "Person", "name", doc[s - 1:e].text, source="ner")
        if entry.kind in ("capital", "standin") and entry.country:
            if is_place(doc, s, e, self.res.place_preps):
                return _Cand(s, e, key, entry.type, kind, text)
            country = gaz.get(entry.country)
            typ = country.type if country else "Country"
            n = self._state_head_len(doc, e, possessive=True)
            return _Cand(s, e + n, entry.country, typ, "standin", doc[s:e + n].text)
        if entry.type == "Country":
            n = self._state_head_len(doc, e, possessive=True)
            if n:
                return _Cand(s, e + n, key, "Country", "standin", doc[s:e + n].text)
        if entry.type == "Person" and entry.country and entry.kind == "leader":
            n = self._state_head_len(doc, e, possessive=True)
            holder = gaz.get(entry.country)
            if n and holder is not None and holder.type in ("Country", "ArmedGroup"):
                # "the Assad army", "Assad's forces" act for Syria; "Haftar's forces" are the LNA
                return _Cand(s, e + n, holder.key, holder.type, "standin", doc[s:e + n].text)
        return _Cand(s, e, key, entry.type, kind, text)

    @staticmethod
    def _name_goes_on(doc, e: int) -> bool:
        t = doc[e]
        if t.lower_ in ("al", "el", "bin", "ibn") and e + 2 < len(doc) and doc[e + 1].text == "-":
            return True
        return t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ == "PERSON" and doc[e - 1].ent_type_ == "PERSON"

    def _other_first_name(self, doc, s: int) -> bool:
        t = doc[s - 1]
        if not t.text[:1].isupper() or t.pos_ != "PROPN" or t.i in getattr(self, "_busy", ()):
            return False
        if (t.lower_,) in self.res.titles or self.res.gaz.demonym(t.text) or self.res.gaz.lookup(t.text):
            return False
        return not (t.i == 0 or doc[t.i - 1].is_space or doc[t.i - 1].text in (".", ":", "\u201c", '"')) or t.ent_type_ == "PERSON"

    def _resolve_demonym(self, doc, s: int, e: int, key: str) -> _Cand:
        entry = self.res.gaz.get(key)
        n = self._state_head_len(doc, e)
        if n:
            return _Cand(s, e + n, key, entry.type, "demonym", doc[s:e + n].text, source="dem")
        return _Cand(s, e, key, entry.type, "demonym", doc[s:e].text, source="dem")

    def _resolve_ner(self, doc, ent) -> _Cand | None:
        gaz = self.res.gaz
        typ = NER_TYPES[ent.label_]
        if typ is None:
            return None
        s, e = ent.start, ent.end
        # strip leading determiners, titles, honorifics and demonyms; trailing possessive and punctuation
        while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct):
            s += 1
        while s < e and (doc[e - 1].lower_ in ("'s", "\u2019s", "'") or doc[e - 1].is_punct):
            e -= 1
        if typ == "Person":
            s = self._skip_titles(doc, s, e)
        for k in range(s, e):  # "Homeland Union (Conservatives" -> "Homeland Union"
            if doc[k].text in ("(", "[") and not any(doc[x].text in (")", "]") for x in range(k, e)):
                e = k
                while e > s and doc[e - 1].is_punct:
                    e -= 1
                break
        if s >= e:
            return None
        text = doc[s:e].text
        if _NOISE.search(text) or not any(c.isupper() for c in text):
            return None
        entry = gaz.lookup(text)
        if entry is not None:
            return self._resolve_gaz(doc, s, e, entry.key)
        words = [t.lower_ for t in doc[s:e]]
        if e < len(doc) and (doc[e].lower_ in ("minister", "ministry", "secretary", "minister's") or (
                doc[e].lower_ in _TITLE_TAILS and doc[e].text[:1].isupper())) and typ != "Person":
            return None  # "Defence" in "Defence Minister", "Iraqi National Security" in "... Adviser"
        if tuple(words) in self.res.titles or tuple(words) in self.res.state_heads:  # "Foreign Minister", "Foreign Ministry"
            return None
        if e < len(doc) and tuple(words + [doc[e].lower_]) in self.res.titles:
            return None  # "Supreme" of "Supreme Leader"
        if e < len(doc) and any(tuple(t.lower_ for t in doc[s:e + n]) in self.res.state_heads for n in (1, 2)):
            return None  # "Riot" of "Riot police", "Border" of "Border guards": a state body's first word
        if e == s + 1 and doc[s].is_sent_start and e < len(doc) and doc[e].lower_ in self.res.generic_armed \
                and doc[s].head.i == e:
            return None  # "Kashmiri militants" opening a sentence: an unnamed armed group's word
        if typ == "Organization" and set(words) <= _GENERIC_BODY and set(words) & _BODY_HEADS:
            return None  # "Ministry of Foreign Affairs", "Parliament": whose, the text does not say here
        if words[-1] in self.res.not_names or (doc[e - 1].tag_ == "NNPS" and len(words) <= 2
                                                and words[-1] not in self.res.armed_heads):
            return None  # "New START Treaty", "Resolution 2170", "Shias", "Izadi Kurds"
        key = normalize(text)
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in _PLACE_NOUNS:
            typ = "Location"  # "the port city of Eilat", "the village of Sofulu": whatever NER said
        elif any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in doc[s:e].root.children):
            typ = "Location"  # "El Fasher, the capital of North Darfur state"
        elif typ != "Location" and (
                (e < len(doc) and doc[e].lower_ in _ADMIN_NOUNS and doc[s:e].root.dep_ == "compound"
                 and doc[s:e].root.head.i == e)
                or (typ == "Person" and len(words) >= 2 and words[-1] in _ADMIN_NOUNS)):
            typ = "Location"  # "Azerbaijan's Gazakh district", "Rakhine State" (a person has no state)
        elif typ == "Location" and s >= 1 and doc[s - 1].lower_ in _PARTY_WORDS and doc[s - 1].pos_ in ("NOUN", "ADJ"):
            typ = "Organization"  # "the opposition Unitary Platform", "the ruling Justice Party": a body
        elif typ in ("Person", "Organization") and e == s + 1 and s >= 1 and not doc[s].is_upper \
                and doc[s - 1].lower_ in _IN_PLACE and doc[s].dep_ == "pobj" and doc[s].head.i == s - 1 \
                and not (e < len(doc) and doc[e].lower_ in ("'s", "\u2019s")):
            typ = "Location"  # "a spokesman in Goma", "students in Kano": one word after "in" is a place
        if typ == "Person":
            if len(doc[s:e]) == 1 and doc[s].is_upper and len(text) <= 5:  # "SANA" tagged PERSON
                return None
            s0 = s
            while s > 0 and s0 - s < 2 and self._name_word(doc[s - 1]):
                s -= 1  # "Sheikh Sabah Khalid Al-Sabah": NER began the name one word late
            if s < s0:
                text = doc[s:e].text
                key = normalize(text)
            return _Cand(s, e, key, "Person", "name", text, source="ner")
        if typ == "Organization":
            if words[-1] in self.res.armed_heads:
                return _Cand(s, e, key, "ArmedGroup", "name", text, source="ner")
            return _Cand(s, e, key, "Organization", "name", text, source="ner")
        return _Cand(s, e, key, "Location", "name", text, source="ner")

    def _name_word(self, t) -> bool:
        """Could ``t`` be a first name NER left out (a capitalised proper noun that is no title,
        honorific, demonym or known name, after an honorific or title)?"""
        if not (t.pos_ == "PROPN" and t.is_title and t.is_alpha) or t.is_sent_start or t.ent_type_ not in ("", "PERSON"):
            return False
        if (t.lower_,) in self.res.titles or self.res.gaz.demonym(t.text) or self.res.gaz.lookup(t.text):
            return False
        before = t.doc[t.i - 1] if t.i > 0 else None
        return before is not None and (before.lower_,) in self.res.titles

    def _skip_titles(self, doc, s: int, e: int) -> int:
        res = self.res
        moved = True
        while moved and s < e - 1:
            moved = False
            for n in range(min(res.title_max, e - s - 1), 0, -1):
                if tuple(t.lower_ for t in doc[s:s + n]) in res.titles:
                    s += n
                    moved = True
                    break
            if not moved and (res.gaz.demonym(doc[s].text) or doc[s].lower_ in ("'s", "\u2019s")):
                s += 1
                moved = True
        return s

    @staticmethod
    def _dedupe(cands: list[_Cand]) -> list[_Cand]:
        out, seen = [], set()
        for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
            if any(i in seen for i in range(c.start, c.end)):
                continue
            seen.update(range(c.start, c.end))
            out.append(c)
        return out

    @staticmethod
    def _resolve_acronyms(doc, cands: list[_Cand]) -> None:
        """ "Asia-Pacific Economic Cooperation (APEC)": the acronym names the same entity, here and later."""
        at = {c.start: c for c in cands}
        alias: dict[str, _Cand] = {}
        for c in cands:
            if c.end + 2 < len(doc) and doc[c.end].text == "(":
                m = at.get(c.end + 1)
                if m is not None and m.end < len(doc) and doc[m.end].text == ")" and m.text.isupper() \
                        and m.key != c.key and c.type != "Person" and acronym_of(m.text, c.text) \
                        and m.kind != "standin":
                    # (not an acronym standing in for its country: "(IRGC)" keyed Iran must not make
                    # every "Iran" the Guards)
                    alias[m.key] = c
        if alias:
            for c in cands:
                target = alias.get(c.key)
                if target is not None:
                    c.key, c.type, c.kind = target.key, target.type, "alias"

    def _resolve_short_names(self, cands: list[_Cand]) -> None:
        persons = [c for c in cands if c.type == "Person"]
        full = sorted({c.key for c in persons if len(c.key.split()) >= 2})
        by_surname: dict[str, set[str]] = defaultdict(set)
        for f in full:
            by_surname[_surname(f)].add(f)
        for c in cands:
            # NER often types a bare Arabic surname as a place or body ("Burhan", "Al-Burhan"):
            # after the full name in the same article it is that person
            if c.type != "Person" and c.source == "ner" and " " not in c.key:
                same = by_surname.get(_surname(c.key), set())
                if len(same) == 1:
                    c.key, c.type, c.kind = next(iter(same)), "Person", "alias"
        for c in persons:
            if c.key in full and len(c.key.split()) >= 2:
                continue
            matches = [f for f in full if f != c.key and (f.endswith(" " + c.key) or f.endswith("-" + c.key))]
            if not matches and " " not in c.key:  # "Al-Burhan" for "Abdel Fattah al-Burhan"
                matches = sorted(by_surname.get(_surname(c.key), set()) - {c.key})
            if len(matches) == 1:
                c.key, c.kind = matches[0], "alias"
                continue
            if not matches and self.remember_names and " " not in c.key:
                known = self.registry.get(c.key.lower().split("-")[-1], set())
                known = {k for k in known if k.endswith(" " + c.key) or k.endswith("-" + c.key)}
                if len(known) == 1:
                    c.key, c.kind = next(iter(known)), "alias"
        if self.remember_names:
            for f in full:
                if f not in self.res.gaz:
                    self.registry[f.split()[-1].lower().split("-")[-1]].add(f)

    def _registry_surnames(self) -> dict[str, set[str]]:
        if not self.remember_names:
            return {}
        return {k: v for k, v in self.registry.items() if len(v) == 1}

    @staticmethod
    def _surname_mentions(doc, cands: list[_Cand], blocked, known=None) -> list[_Cand]:
        """Bare surnames NER missed ("Kenyatta met ...") after a full name was seen here or earlier in the run."""
        surnames: dict[str, set[str]] = defaultdict(set)
        for last, full in (known or {}).items():
            for f in full:
                surnames[f.split()[-1].split("-")[-1]].add(f)
        for c in cands:
            if c.type == "Person" and len(c.key.split()) >= 2:
                surnames[c.key.split()[-1].split("-")[-1]].add(c.key)
        if not surnames:
            return []
        own = {c.key.split()[-1].split("-")[-1] for c in cands if c.type == "Person" and len(c.key.split()) >= 2}
        for k in list(surnames):  # this article's own full names win over remembered ones
            if k in own:
                surnames[k] = {f for f in surnames[k] if any(c.key == f for c in cands)} or surnames[k]
        taken = {i for c in cands for i in range(c.start, c.end)}
        out = []
        for t in tokens_where(doc, ORTH, surnames):
            full = surnames.get(t.text)
            if full is None or len(full) != 1 or t.i in taken or t.i in blocked or not t.text[:1].isupper():
                continue
            if t.pos_ and t.pos_ != "PROPN":
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper():
                continue  # part of a longer name
            s = t.i
            if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("al", "el", "ad", "as", "ash", "an"):
                s -= 2
            out.append(_Cand(s, t.i + 1, next(iter(full)), "Person", "alias", doc[s:t.i + 1].text, source="surname"))
        return out

    def _titles(self, doc, cands: list[_Cand]) -> list[Title]:
        from kg.extract.ent_titles import read_titles

        return read_titles(self.res, doc, cands)

    # ------------------------------------------------------------ write

    def set_annotations(self, doc, pred: dict) -> None:
        gaz = self.res.gaz
        mentions = [Mention(c.start, c.end, c.key, c.type, c.text, c.kind, c.country) for c in pred["cands"]]
        mentions.sort(key=lambda m: (m.start, m.end))
        doc._.kg_mentions = mentions
        doc._.kg_token_entity = {i: m.key for m in mentions for i in range(m.start, m.end)}
        doc._.kg_titles = pred["titles"]
        doc._.kg_dateline = pred["datelines"]
        doc._.kg_entities = build_entities(mentions, gaz)
        located = {}
        for m in mentions:
            if m.type == "Location":
                entry = gaz.get(m.key)
                if entry is not None and entry.country and entry.country in gaz:
                    located[m.key] = entry.country
                elif entry is None:  # a province or district ISO 3166-2 knows: "Aceh", "Jaffna"
                    country = gaz.country_by_code(subdivision_country(m.key))
                    if country is not None:
                        located[m.key] = country
        doc._.kg_located_in = located


def build_entities(mentions, gaz: Gazetteer) -> dict[str, Entity]:
    """Entities from mentions: one per key, alt labels = other surface forms (no pronouns/descriptions)."""
    labels: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    countries: dict[str, str] = {}
    for m in mentions:
        types.setdefault(m.key, m.type)
        if m.country:
            countries.setdefault(m.key, m.country)
        if m.kind in ("pronoun", "description", "conjoined") or (
                m.kind == "demonym" and m.end - m.start == 1 and not _people_plural(m.text, gaz.get(m.key))):
            continue  # "Russian" is no name of Russia; "Albanians" names the people acting for it
        label = normalize(m.text)
        if label and label != m.key:
            labels[m.key].add(label)
    out = {}
    for key, typ in types.items():
        entry = gaz.get(key)
        out[key] = Entity(
            key=key,
            type=entry.type if entry is not None and entry.type else typ,
            alt_labels=tuple(sorted(labels.get(key, ()))),
            country_code=entry.country_code if entry is not None and entry.type == "Country" else None,
            wikidata=entry.wikidata if entry is not None else None,
            country=countries.get(key),
        )
    for country in sorted(set(countries.values()) - set(out)):  # a group's country the text only names by adjective
        entry = gaz.get(country)
        if entry is not None and entry.type == "Country":
            out[country] = Entity(country, "Country", (), entry.country_code, entry.wikidata)
    return out


# ---------------------------------------------------------------- helpers


def _people_plural(text: str, entry) -> bool:
    """Is ``text`` the plural people-noun of the entry's demonyms ("Albanians", "Turks"), not an adjective?

    >>> from kg.extract.gazetteer import GazEntry
    >>> e = GazEntry("Albania", "Country", demonyms=("Albanian",))
    >>> _people_plural("Albanians", e), _people_plural("Albanian", e)
    (True, False)
    """
    if entry is None:
        return False
    low = text.lower()
    for d in entry.demonyms:
        plural = plural_demonym(d)
        if (plural and plural.lower() == low) or (d.lower() == low and low.endswith("s") and not low.endswith("ss")):
            return True
    return False


_PARTICLES = frozenset({"van", "von", "den", "der", "de", "da", "di", "du", "dos", "das", "del", "della", "la", "le",
                        "bin", "ibn", "bint", "al", "el", "ben", "abu", "ter", "ten", "st."})


def merge_name_particles(doc):
    """NER entities with split person names joined again ("Hans Van" + "Broek" -> "Hans Van den Broek")."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ == "PERSON":
            j = ent.end
            while j < len(doc) and doc[j].lower_ in _PARTICLES:
                j += 1
            if j > ent.end and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                end = j + 1
                if i + 1 < len(ents) and ents[i + 1].start == j:
                    end = ents[i + 1].end
                    i += 1
                out.append(Span(doc, ent.start, end, label="PERSON"))
                i += 1
                continue
        out.append(ent)
        i += 1
    return out


def acronym_of(acr: str, name: str) -> bool:
    """True when ``acr`` abbreviates ``name`` ("APEC", "Asia-Pacific Economic Cooperation").

    >>> acronym_of("APEC", "Asia-Pacific Economic Cooperation"), acronym_of("UNIFIL", "Lebanon")
    (True, False)
    """
    letters = [c for c in acr if c.isalpha()]
    caps = [c for c in name if c.isupper()]
    if len(letters) < 2 or not caps or letters[0] != caps[0]:
        return False
    it = iter(caps)
    return all(any(c == x for x in it) for c in letters)


def _longest(spans, blocked):
    """Longest non-overlapping spans, earliest first; spans touching ``blocked`` tokens dropped."""
    spans = [sp for sp in spans if not any(i in blocked for i in range(sp[0], sp[1]))]
    spans.sort(key=lambda sp: (-(sp[1] - sp[0]), sp[0], sp[3] != "exact"))
    taken: set[int] = set()
    out = []
    for sp in spans:
        if any(i in taken for i in range(sp[0], sp[1])):
            continue
        taken.update(range(sp[0], sp[1]))
        out.append(sp)
    out.sort()
    return out


def is_place(doc, s: int, e: int, place_preps) -> bool:
    """True when a capital or stand-in names a place, not an actor ("in Moscow", "the capital Dushanbe")."""
    j = s - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j >= 1 and doc[j].text == "," and doc[j - 1].lower_ in ("capital", "city"):
        j -= 1  # "the capital, Sanaa"
    if j >= 0 and doc[j].lower_ in ("capital", "city", "town", "province", "region", "of"):
        return True
    root = doc[s:e].root
    seen = 0
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i and seen < 5:
        root = root.head
        seen += 1
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in place_preps:
        return True
    # "travelled to Beirut", "returned to Moscow": a destination, not a recipient
    return prep.lower_ in ("to", "toward", "towards") and prep.head.lemma_.lower() in _MOTION_VERBS


def _hashes(vocab, words) -> numpy.ndarray:
    """Vocab hashes of ``words`` (lower case), for a vectorised look-up over a Doc's LOWER column."""
    return numpy.array(sorted(vocab.strings.add(w) for w in words), dtype="uint64")


def _where_lower_in(doc, hashes: numpy.ndarray) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``hashes``: a filter in C before the
    Python loop over tokens, which would otherwise read every token's attributes."""
    return [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes))]


def find_datelines(doc, gaz: Gazetteer | None = None) -> list[tuple[int, int]]:
    """Token spans of dateline prefixes ("Moscow, SANA –") at the start of a line."""
    out = []
    for m in _DATELINE.finditer(doc.text):
        place, agency = m.group("place"), m.group("agency") or m.group("agency2") or ""
        known = gaz is not None and gaz.lookup(agency) is not None and gaz.lookup(agency).kind == "media"
        if not (agency.isupper() or known or place.isupper()):
            continue
        if len(place.split()) > 4:
            continue
        span = doc.char_span(m.start("place"), m.end(), alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out
