"""The ``kg_coref`` component: pronouns and descriptions resolved to entities, by rules.

No model: the parse, the mentions ``kg_entities`` found, the titles it read and
the gazetteer. Each rule picks the most recent compatible antecedent:

- he / him / his / she / her -> the last salient Person (a subject of the current
  sentence before the pronoun, else the subject of an earlier sentence, up to a
  few sentences back);
- it (as an active subject) / its -> the last actor that is a Country,
  Organization or ArmedGroup; expletive "it" ("it would be impossible to ...")
  and passive "it" are left alone;
- they / them / their -> the last plural actor: coordinated names ("Syria and
  Iraq") or a plural head ("American troops"); in earlier sentences only
  subjects count. A plural pronoun can map to two entities (two mentions with
  the same span);
- "the Russian president", "the top Russian diplomat", "the foreign minister",
  "the Syrian head of state" -> the person the article gave that title (or the
  gazetteer's leader/official of that country who is mentioned);
- "the country", "the Arab country" -> the last Country; "his country" -> the
  person's country; "the two countries", "the two sides", "both sides" -> the
  last two actors named together;
- "the ministry", "the government", "the army" -> the last mention with that
  head ("the Russian Foreign Ministry"); "the group", "the organisation" -> the
  last Organization/ArmedGroup.

Resolved mentions are added to ``kg_mentions`` (kind ``pronoun`` or
``description``) and ``kg_token_entity``; they never become alt labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP
from spacy.language import Language

from kg.extract import docext
from kg.extract.ent_groups import tokens_where
from kg.extract.types import Mention

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
IT_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
ACTORS = frozenset({"Country", "Organization", "ArmedGroup", "Group"})
_COUNTRY_NOUNS = frozenset({"country", "state", "nation", "kingdom", "republic"})
#: Group nouns that name their antecedent's kind of body: "the coalition" is a coalition named so.
_NAMED_GROUP_NOUNS = frozenset({"coalition"})
#: "his government": the country, or the governing body, the person holds an office of
_OWN_GOVERNMENT = frozenset({"government", "administration"})
_PAIR_NOUNS = frozenset({"countries", "sides", "states", "nations", "parties", "governments", "leaders", "neighbours",
                         "neighbors", "rivals", "adversaries", "capitals"})
_GROUP_NOUNS = frozenset({"group", "organization", "organisation", "militia", "movement", "faction", "alliance", "bloc",
                          "coalition"})
#: "the city", "the town": the town named last (a gazetteer city, or one the text called a town, port ...).
_TOWN_NOUNS = frozenset({"city", "town", "port"})
_BODY_NOUNS = frozenset({"ministry", "government", "army", "authorities", "regime", "administration", "military", "junta",
                         "agency", "council", "office", "department"})
#: bodies that, with no earlier mention of their own, stand for the one country the text speaks of
_CONTEXT_BODIES = frozenset({"government", "army", "authorities", "regime", "military", "junta", "parliament",
                             "judiciary", "cabinet", "legislature", "police", "navy", "court", "commission"})
#: armed bodies that "government" or "security" before them make the state's ("Government troops")
_ARMED_STATE = frozenset({"forces", "troops", "soldiers", "police"})
_STATE_MARKS = frozenset({"government", "security", "riot", "state"})  # "riot police" is the state's too
#: a state's armed men named by nothing else ("Soldiers raped ...", "troops fired on ...")
_BARE_ARMED = frozenset({"soldiers", "troops"})
#: the state's units and posts named by the arm they belong to ("an army patrol", "a police post")
_STATE_POSTS = frozenset({"patrol", "patrols", "convoy", "convoys", "post", "posts", "base", "bases", "unit",
                          "units", "checkpoint", "checkpoints", "helicopter", "helicopters", "barracks", "station",
                          "garrison", "outpost", "outposts"})
_STATE_ARMS = frozenset({"army", "police", "military"})
#: verbs of saying: their subjects are sources, not actors ("soldiers said")
_SPEECH = frozenset({"say", "tell", "report", "add", "announce", "claim", "state", "confirm", "deny"})
#: words before such a body that leave it the same body ("the interim government", "the ruling junta")
_BODY_QUALIFIERS = frozenset({"interim", "military", "army-backed", "military-backed", "military-led",
                              "transitional", "caretaker", "ruling", "new", "federal", "central", "civilian",
                              "elected", "provisional", "national", "current", "incoming", "outgoing", "local",
                              "communist", "socialist", "regular", "state", "electoral", "supreme", "high",
                              "constitutional", "military-run"})
# description word(s) -> words a title must contain (any), or "@leader" for any leader title
_PERSON_DESC = {
    ("president",): ("president",),
    ("leader",): ("@leader",),
    ("head", "of", "state"): ("@leader",),
    ("premier",): ("prime minister", "premier"),
    ("prime", "minister"): ("prime minister", "premier"),
    ("king",): ("king",),
    ("emir",): ("emir",),
    ("chancellor",): ("chancellor",),
    ("foreign", "minister"): ("foreign minister", "foreign and"),
    ("minister",): ("minister",),
    ("diplomat",): ("foreign minister", "foreign and", "ambassador", "envoy", "diplomat"),
    ("top", "diplomat"): ("foreign minister", "foreign and"),
    ("envoy",): ("envoy",),
    ("ambassador",): ("ambassador",),
    ("spokesman",): ("spokesman", "spokesperson"),
    ("spokeswoman",): ("spokeswoman", "spokesperson"),
    ("secretary-general",): ("secretary-general", "secretary general"),
    ("secretary", "general"): ("secretary-general", "secretary general"),
    ("secretary", "of", "state"): ("secretary of state",),
    ("chief",): ("@leader",),
    ("defense", "minister"): ("defense minister", "defence minister"),
    ("defence", "minister"): ("defense minister", "defence minister"),
}
_LOOKBACK = 4  # sentences
_EXPLETIVE_ADJ = frozenset({"necessary", "important", "impossible", "possible", "clear", "likely", "unlikely",
                            "difficult", "easy", "essential", "vital", "time", "unclear", "true", "enough", "hard",
                            "crucial", "obvious", "evident", "mistake", "shame", "pity", "wrong", "right", "better",
                            "worth", "unacceptable", "natural", "strange", "surprising", "urgent", "high"})
#: members of the Arab League, for "the Arab country"
ARAB = frozenset({"Algeria", "Bahrain", "Comoros", "Djibouti", "Egypt", "Iraq", "Jordan", "Kuwait", "Lebanon", "Libya",
                  "Mauritania", "Morocco", "Oman", "Palestine", "Qatar", "Saudi Arabia", "Somalia", "Sudan", "Syria",
                  "Tunisia", "United Arab Emirates", "Yemen"})


@Language.factory("kg_coref", default_config={})
def make_coref(nlp, name: str):
    return CorefComponent(nlp, name)


def _place_head(tok, heads) -> bool:
    """Is the adjective ``tok`` (or the first of its conjuncts) a modifier of a place or target noun?"""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "amod" and heads.get(tok.head.lemma_.lower()) in ("place", "area", "site", "target")


@dataclass
class _M:
    start: int
    end: int
    key: str
    type: str
    sent: int
    subject: bool
    plural: bool
    group: int  # id of the coordination group (conj chain) it belongs to


class CorefComponent:
    def __init__(self, nlp, name: str = "kg_coref"):
        docext.register()
        self.name = name
        from kg.extract.entities import load_resources

        self.res = load_resources(nlp)

    def __call__(self, doc):
        docext.ensure(doc)
        self.set_annotations(doc, self.predict(doc))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------ predict

    def predict(self, doc) -> list[Mention]:
        if not doc._.kg_mentions or not doc.has_annotation("DEP"):
            return []  # the rules read the parse
        sent_of = {}
        sents = list(doc.sents)
        for si, s in enumerate(sents):
            for t in s:
                sent_of[t.i] = si
        base = [m for m in doc._.kg_mentions or () if m.kind not in ("pronoun", "description")]
        ms = self._antecedents(doc, base, sent_of)
        # people by role with nothing that says whose ("Government troops", "Soldiers") may still be the
        # state the text speaks of: such a bare group gives way to a description resolved here
        covered = {i for m in doc._.kg_mentions or () if m.kind != "bare" for i in range(m.start, m.end)}
        titles = list(doc._.kg_titles or ())
        person_keys = {m.key for m in base if m.type == "Person"}
        out: list[Mention] = []
        desc = self._descriptions(doc, covered)
        skip = 0
        for t in doc:
            if t.i in covered or t.i < skip:
                continue
            low = t.lower_
            found: list[tuple[str, str]] = []
            if t.i in desc:
                end, kind, words, holder = desc[t.i]
                found = self._resolve_description(doc, ms, t.i, sent_of[t.i], kind, words, holder, titles, person_keys)
                if found:
                    for key, typ in found:
                        out.append(Mention(t.i, end, key, typ, doc[t.i:end].text, "description"))
                    self._add(doc, ms, t.i, end, found, sent_of)
                    skip = end
                    continue
            if low in PERSON_PRONOUNS and t.pos_ == "PRON" or (low in ("his", "her") and t.dep_ == "poss"):
                k = self._person_antecedent(ms, t.i, sent_of[t.i])
                if k:
                    found = [(k, "Person")]
            elif low in IT_PRONOUNS and self._referential_it(t):
                m = self._it_antecedent(doc, ms, t)
                if m:
                    found = [(m.key, m.type)]
            elif low in PLURAL_PRONOUNS and t.dep_ in ("nsubj", "poss", "nsubjpass", "dobj"):
                found = self._plural_antecedent(ms, t.i, sent_of[t.i])
            if found:
                for key, typ in found:
                    out.append(Mention(t.i, t.i + 1, key, typ, t.text, "pronoun"))
                if low not in ("its", "his", "her", "their"):  # subjects become antecedents in turn
                    self._add(doc, ms, t.i, t.i + 1, found, sent_of)
        return out

    # ------------------------------------------------------------ antecedents

    def _antecedents(self, doc, base: list[Mention], sent_of) -> list[_M]:
        """Mentions that can be antecedents, with coordination groups ("the Iraqi and Syrian governments")."""
        owner = {}
        for n, m in enumerate(base):
            for i in range(m.start, m.end):
                owner[i] = n
        parent = list(range(len(base)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i, n in owner.items():
            t = doc[i]
            if t.dep_ == "conj" and t.head.i in owner and owner[t.head.i] != n:
                parent[find(n)] = find(owner[t.head.i])
        for a, b in _stand_in_pairs(doc, owner):
            # "Yemen's government and the Houthi rebels": a noun standing for its owner is coordinated too
            if find(a) != find(b):
                parent[find(a)] = find(b)
        size = {}
        for n in range(len(base)):
            size[find(n)] = size.get(find(n), 0) + 1
        out = []
        from kg.extract.rel_lexicon import Lexicon

        heads = Lexicon.load().heads
        for n, m in enumerate(base):
            bare = m.kind == "demonym" and m.end - m.start == 1
            grouped = size[find(n)] >= 2
            if bare and not grouped:
                continue
            if bare and _place_head(doc[m.start], heads):
                continue  # "missile attacks on Saudi and Emirati cities": places, not two sides to refer back to
            info = self._info_span(doc, m.start, m.end, m.key, m.type, sent_of, False)
            info.group = find(n) if grouped else -1
            if grouped:
                root = doc[base[find(n)].start:base[find(n)].end].root
                if root.dep_ in _NP_MODS and root.head.pos_ == "NOUN":
                    root = root.head  # "Yemen's government and ... agreed": the phrase is the subject
                info.subject = root.dep_ in ("nsubj", "nsubjpass") or info.subject
            out.append(info)
        return out

    def _add(self, doc, ms, s, e, found, sent_of):
        for key, typ in found:
            info = self._info_span(doc, s, e, key, typ, sent_of, len(found) > 1)
            if len(found) > 1:
                info.group = 10**7 + s
            ms.append(info)
        ms.sort(key=lambda m: m.start)

    @staticmethod
    def _info_span(doc, s, e, key, typ, sent_of, plural) -> _M:
        root = doc[s:e].root
        head = root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        subject = head.dep_ in ("nsubj", "nsubjpass")
        is_plural = plural or doc[e - 1].tag_ in ("NNS", "NNPS") and typ in ACTORS
        return _M(s, e, key, typ, sent_of[s], subject, is_plural, -1)

    @staticmethod
    def _owner_of_earlier(doc, ms, pos, noun):
        """The actor owning the last earlier use of ``noun`` ("Mali's junta", "the junta of Mali")."""
        by_start = {m.start: m for m in ms if m.type in ACTORS}
        first = doc[pos].sent.start
        for s_back, sent in enumerate(reversed(list(doc[:first].sents))):
            if s_back >= _LOOKBACK:
                break
            for t in reversed(sent):
                if t.lower_ != noun:
                    continue
                owners = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
                owners += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
                for c in owners:
                    m = by_start.get(c.i) or by_start.get(c.left_edge.i)
                    if m is not None:
                        return m
        return None

    def _sole_country(self, doc, pos: int, sent: int) -> str | None:
        """The only country the text around ``pos`` speaks of (its sentence and a few before): named,
        by demonym, as the country of a place or of a group; None when there are none or several, when
        the body has an "of"/"in" phrase of its own, or when that country itself is the subject of the
        body's own verb ("Russia accused the government"; its people may well protest against it)."""
        root = doc[pos]
        while root.i + 1 < len(doc) and root.dep_ in ("amod", "compound", "det") and root.head.i > root.i:
            root = root.head
        if root.lower_ in _CONTEXT_BODIES and any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in root.children):
            return None  # "the government in Kiev", "the army of X": a place or owner of its own
        sents = list(doc.sents)
        first = sents[max(0, sent - _LOOKBACK + 1)].start
        last = doc[pos].sent.end
        gaz = self.res.gaz
        countries, subjects = set(), set()
        verb = _governor(root)
        for m in doc._.kg_mentions or ():
            if m.kind in ("pronoun", "description") or not first <= m.start < last:
                continue
            key = None
            if m.type == "Country":
                key = m.key
            elif m.type == "Location":
                from kg.extract.ent_groups import country_of

                key = country_of(gaz, m.key, "Location")  # a known place's country, or an ISO province's
            elif m.type == "Group":
                key = m.country
            entry = gaz.get(key) if key else None
            if entry is None or entry.type != "Country":
                continue
            countries.add(entry.key)
            head = doc[m.start:m.end].root
            if m.type == "Country" and head.dep_ in ("nsubj", "nsubjpass") and _governor(head).i == verb.i:
                subjects.add(entry.key)
        if len(countries) != 1 or countries & subjects:
            return None
        return next(iter(countries))

    @staticmethod
    def _last(ms, pos, sent, ok, back=_LOOKBACK):
        for m in reversed(ms):
            if m.start >= pos:
                continue
            if sent - m.sent > back:
                break
            if ok(m):
                return m
        return None

    def _person_antecedent(self, ms, pos, sent) -> str | None:
        persons = [m for m in ms if m.type == "Person" and m.start < pos and sent - m.sent <= _LOOKBACK]
        if not persons:
            return None
        same = [m for m in persons if m.sent == sent]
        if same:
            subj = [m for m in same if m.subject]
            return (subj or same)[-1].key
        last_sent = persons[-1].sent
        in_last = [m for m in persons if m.sent == last_sent]
        subj = [m for m in in_last if m.subject]
        return (subj or in_last)[-1].key

    def _it_antecedent(self, doc, ms, t):
        """The last actor that is near (same phrase), the subject of a relative clause's head, or a subject."""
        sent = None
        for m in reversed(ms):
            if m.start < t.i:
                sent = m
                break
        if sent is None:
            return None
        cands = [m for m in ms if m.start < t.i and m.type in ACTORS and not m.plural]
        if not cands:
            return None
        last = cands[-1]
        here = doc[t.i].sent.start
        between = {x.lower_ for x in doc[last.end:t.i]}
        if between <= {"and", "or", ",", "as", "well"} or (t.dep_ == "nsubj" and t.head.dep_ == "relcl" and last.start >= here):
            return last
        for m in reversed(cands):
            if m.subject and (m.start >= here or self._prev_sentence(doc, m, t)):
                return m
            if m.start < here and not self._prev_sentence(doc, m, t):
                break
        return None

    @staticmethod
    def _prev_sentence(doc, m, t) -> bool:
        cur = doc[t.i].sent
        return cur.start > 0 and doc[cur.start - 1].sent.start <= m.start < cur.start

    @staticmethod
    def _referential_it(t) -> bool:
        """False for expletive "it" ("it is necessary to", "it's a mistake to", "it seems that")."""
        if t.lower_ == "its":
            return True
        if t.dep_ != "nsubj":
            return False
        head = t.head
        kids = list(head.children)
        if head.lemma_ in ("seem", "appear", "take", "make", "happen", "matter") or any(c.dep_ == "expl" for c in kids):
            return False
        if head.lemma_ in ("be", "become", "remain") or head.pos_ == "AUX" or head.lower_ in ("'s", "\u2019s"):
            if any(c.dep_ in ("acomp", "attr") and c.lemma_ in _EXPLETIVE_ADJ for c in kids):
                return False
            if any(c.dep_ == "attr" for c in kids) and any(c.dep_ in ("xcomp", "ccomp") for c in kids):
                return False
            return any(c.dep_ in ("acomp", "attr", "prep") for c in kids)
        return True

    def _plural_antecedent(self, ms, pos, sent) -> list[tuple[str, str]]:
        for m in reversed(ms):
            if m.start >= pos or m.type not in ACTORS:
                continue
            if sent - m.sent > 2:
                break
            if m.sent != sent and not m.subject:
                continue
            if m.group >= 0:
                members = [x for x in ms if x.group == m.group and x.sent == m.sent and x.type in ACTORS]
                keys = []
                for x in members:
                    if (x.key, x.type) not in keys:
                        keys.append((x.key, x.type))
                if len(keys) >= 2:
                    return keys
            if m.plural:
                return [(m.key, m.type)]
        return []

    # ------------------------------------------------------------ descriptions

    def _descriptions(self, doc, covered) -> dict[int, tuple[int, str, tuple[str, ...], str | None]]:
        """start token -> (end, kind, head words, holder key) for definite descriptions."""
        te = doc._.kg_token_entity or {}
        out = {}
        for root in doc:
            if root.pos_ not in ("NOUN", "PROPN") or root.i in covered:
                continue
            mods = [c for c in root.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nummod", "predet")]
            if not mods:
                if root.lower_ in _BARE_ARMED and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
                        and _governor(root).lemma_.lower() not in _SPEECH and not any(
                            c.dep_ in ("amod", "prep", "acl") and c.i > root.i for c in root.children):
                    # (not "troops loyal to X", "soldiers of the RSF", "troops led by Y": those say whose)
                    out[root.i] = (root.i + 1, "body", ("government",), None)  # "Soldiers raped ...": the state's
                continue
            first = mods[0]
            if root.lower_ in _STATE_POSTS and root.i > 0 and doc[root.i - 1].lower_ in _STATE_ARMS \
                    and doc[root.i - 1].i not in covered and doc[root.i - 1].dep_ == "compound" \
                    and all(t.dep_ == "det" or t.i == root.i - 1 for t in doc[first.i:root.i]):
                # "ambushed an army patrol", "bombed a police post": the state's, as "the army"
                out[doc[root.i - 1].i] = (root.i + 1, "body", ("government",), None)
                continue
            toks = list(doc[first.i:root.i + 1])
            det = toks[0].lower_
            if root.lower_ in _ARMED_STATE and root.i > 0 and doc[root.i - 1].lower_ in _STATE_MARKS \
                    and all(t.lower_ == "the" or t.lower_ in _STATE_MARKS for t in toks[:-1]) \
                    and doc[root.i - 1].i not in covered:
                # "Government troops shelled ...", "security forces fired ...": the state's, as "the army"
                out[toks[0].i] = (root.i + 1, "body", ("government",), None)
                continue
            if det not in ("the", "both", "his", "her", "its", "their"):
                continue
            holder = None
            holder_i = -1
            words = []
            for t in toks[1:]:
                if t.i in te:
                    if holder is None:
                        holder, holder_i = te[t.i], t.i  # "the (top) Russian president": the demonym mention
                        continue
                    words = None
                    break
                if t.lower_ in ("'s", "\u2019s"):
                    words = None
                    break
                words.append(t)
            if not words:
                continue
            nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
            restrictive = [c for c in root.children if c.dep_ in ("relcl", "acl")
                           and not (c.i > 0 and doc[c.left_edge.i - 1].text == ",")]  # ", led by ..." describes
            if restrictive or (nxt is not None and nxt.lower_ in ("concerned", "that", "which", "where", "whose")):
                continue  # restrictive: "the country it wants to hit", "the country concerned"
            low = tuple(t.lower_ for t in words if t.lower_ not in ("two", "arab", "top", "same", "former", "new"))
            if root.lower_ in ("head", "secretary") and root.i + 2 < len(doc) and doc[root.i + 1].lower_ == "of" \
                    and doc[root.i + 2].lower_ in ("state", "government"):
                key = ("head", "of", "state") if root.lower_ == "head" else ("secretary", "of", "state")
                out[max(words[0].i, holder_i + 1)] = (root.i + 3, "person", key, holder)
                continue
            top = "top" in {t.lower_ for t in words}
            if low in _PERSON_DESC or (top and ("top",) + low in _PERSON_DESC):
                key = ("top",) + low if top and ("top",) + low in _PERSON_DESC else low
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "person", key, holder)
            elif det in ("his", "her") and len(low) == 1 and low[0] in _COUNTRY_NOUNS | _OWN_GOVERNMENT:
                out[toks[0].i] = (root.i + 1, "poss-country", low, None)
            elif det == "the" and len(low) == 1 and low[0] in _COUNTRY_NOUNS and root.tag_ == "NN" and holder is None:
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "country", low, None)
            elif (det == "both" or "two" in {t.lower_ for t in words}) and low and low[-1] in _PAIR_NOUNS:
                out[toks[0].i] = (root.i + 1, "pair", low, None)
            elif det == "the" and len(low) == 1 and low[0] in _TOWN_NOUNS and holder is None and root.tag_ == "NN":
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "town", low, None)
            elif det == "the" and len(low) == 1 and (low[0] in _BODY_NOUNS or low[0] in _CONTEXT_BODIES) \
                    and holder is None:
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "body", low, None)
            elif det == "the" and len(low) >= 2 and low[-1] in _CONTEXT_BODIES and holder is None \
                    and all(w in _BODY_QUALIFIERS for w in low[:-1]):
                # "the military government", "the army-backed government": that body still
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "body", low[-1:], None)
            elif det == "the" and low and low[-1] in _GROUP_NOUNS and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in words):
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "group", low, holder)
            elif det == "the" and low == ("ministers",):
                out[max(words[0].i, holder_i + 1)] = (root.i + 1, "ministers", low, None)
        return out

    def _resolve_description(self, doc, ms, pos, sent, kind, words, holder, titles, person_keys):
        gaz = self.res.gaz
        if kind == "person":
            want = _PERSON_DESC.get(words, ())
            return self._person_by_title(ms, pos, want, holder, titles, person_keys)
        if kind == "poss-country":
            k = self._person_antecedent(ms, pos, sent)
            if k is None:
                return []
            country = self._title_country(k, titles)
            entry = gaz.get(k)
            country = country or (entry.country if entry is not None and entry.country in gaz
                                  and gaz.get(entry.country).type == "Country" else None)
            if country is None and words[0] in _OWN_GOVERNMENT:
                # "GNA Interior Minister Fathi Bashagha said his government ...": the body he serves
                ents = doc._.kg_entities or {}
                body = next((t.holder for t in titles if t.person == k and t.holder in ents
                             and ents[t.holder].type == "Organization"), None)
                return [(body, "Organization")] if body else []
            return [(country, "Country")] if country else []
        if kind == "country":
            # not the subject of the same act: "Russia has offered to help the country" is not Russia
            verbs = {_governor(doc[pos]).i}
            g = _governor(doc[pos])
            while g.dep_ in ("xcomp", "conj") and g.head.i != g.i:
                g = g.head
                verbs.add(g.i)
            co = {m.key for m in ms if m.sent == sent and m.subject and _governor(doc[m.start]).i in verbs}
            arab = any(t.lower_ == "arab" for t in doc[max(0, pos - 2):pos + 1])
            m = self._last(ms, pos, sent, lambda m: m.type == "Country" and m.key not in co
                           and (not arab or m.key in ARAB), back=3)
            return [(m.key, "Country")] if m else []
        if kind == "pair":
            countries = words[-1] in ("countries", "states", "nations", "governments", "neighbors", "neighbours")
            pair = _same_sides(doc, ms, pos, words[-1])
            pair = pair or self._pair(ms, pos, sent, countries, people=words[-1] in ("leaders", "men", "presidents"))
            if countries and pair and any(t != "Country" for _, t in pair):
                # "Fidan met Bayramov ... the two countries": the countries the two serve
                held = [k if t == "Country" else self._title_country(k, titles) for k, t in pair]
                if None in held or len(set(held)) != 2:
                    return []
                return [(k, "Country") for k in dict.fromkeys(held)]
            return pair
        if kind == "town":
            m = _last_town(doc, ms, pos, sent, gaz)
            return [(m.key, "Location")] if m else []
        if kind == "body":
            noun = words[0]
            m = self._last(ms, pos, sent, lambda m: doc[m.end - 1].lower_ == noun, back=_LOOKBACK)
            if m is None:
                # "Mali's military junta ... The junta": the owner of the same noun said earlier
                m = self._owner_of_earlier(doc, ms, pos, noun)
            if m is None and noun in _CONTEXT_BODIES:
                # "Bolivian coca growers ... pressed the government": the one country the text is about
                key = self._sole_country(doc, pos, sent)
                return [(key, "Country")] if key else []
            return [(m.key, m.type)] if m else []
        if kind == "group":
            e = (doc._.kg_entities or {}).get(holder) if holder else None
            if e is not None and e.type in ("Organization", "ArmedGroup"):
                return [(e.key, e.type)]  # "the ISIL terrorist group": the name before it
            noun = words[-1]
            cands = [m for m in ms if m.start < pos and sent - m.sent <= 3 and not m.plural
                     and m.type in ("Organization", "ArmedGroup")]
            if noun in _NAMED_GROUP_NOUNS:
                # "the coalition", "the alliance": only a name that says so ("the Saudi-led coalition")
                cands = [m for m in cands if noun in doc[m.start:m.end].text.lower()]
            if not cands:
                return []
            # a name that is itself a "group" first, then armed groups, then the most recent
            best = max(cands, key=lambda m: (noun in doc[m.start:m.end].text.lower(), m.type == "ArmedGroup", m.start))
            return [(best.key, best.type)]
        if kind == "ministers":
            before = {m.key for m in ms if m.start < pos and m.type == "Person"}
            keys = []
            for t in titles:
                if ("minister" in t.title.lower() or "counterpart" in t.title.lower()) and t.person in before \
                        and (t.person, "Person") not in keys:
                    keys.append((t.person, "Person"))
            if len(keys) > 2 and "two" in {t.lower_ for t in doc[max(0, pos - 2):pos + 2]}:
                last = {m.key: m.start for m in ms if m.start < pos}
                keys = sorted(keys, key=lambda k: last.get(k[0], -1))[-2:]
            return keys if len(keys) >= 2 else []
        return []

    @staticmethod
    def _pair(ms, pos, sent, countries: bool, people: bool = False):
        """The two actors named together last ("Japan and South Korea", "the two sides" again), or the
        two people named in one sentence; for "the two countries" a pair of countries first."""
        for m in reversed(ms):  # "the two sides" again: the same two as last time
            if m.start < pos and sent - m.sent <= 3 and m.group >= 10**7:
                if people and m.type != "Person":
                    continue  # "both leaders" after "the two neighbours": the people, not their countries
                return list(dict.fromkeys((x.key, x.type) for x in ms if x.group == m.group))
        for m in reversed(ms):
            if m.start >= pos or sent - m.sent > 3:
                continue
            if m.group >= 0 and not (people and m.type != "Person"):
                keys = list(dict.fromkeys((x.key, x.type) for x in ms if x.group == m.group and x.start < pos))
                if len(keys) == 2 and (not countries or all(t == "Country" for _, t in keys)):
                    return keys
            keys = list(dict.fromkeys((x.key, x.type) for x in ms if x.sent == m.sent and x.start < pos
                                      and x.type == "Person" and x.group < 10**7))
            if len(keys) == 2:
                return keys  # for "the two countries", mapped to the countries they serve
        return []

    def _title_country(self, person: str, titles) -> str | None:
        """The country the text titles ``person`` an office of ("Turkish Foreign Minister Hakan Fidan")."""
        gaz = self.res.gaz
        return next((t.holder for t in titles if t.person == person and t.holder and gaz.get(t.holder) is not None
                     and gaz.get(t.holder).type == "Country"), None)

    def _person_by_title(self, ms, pos, want, holder, titles, person_keys):
        def fits(t):
            title = t.title.lower()
            if holder is not None and t.holder != holder:
                return False
            if "@leader" in want:
                return t.kind == "leader"
            if "president" in want and ("vice" in title or "envoy" in title):
                return False
            return any(w in title for w in want)

        cands = [t.person for t in titles if fits(t)]
        if not cands:  # the gazetteer's leaders/officials of that country who are mentioned
            gaz = self.res.gaz
            for key in person_keys:
                e = gaz.get(key)
                if e is None or (holder is not None and e.country != holder):
                    continue
                if ("@leader" in want or "president" in want) and e.kind == "leader":
                    cands.append(key)
        cands = list(dict.fromkeys(cands))
        if not cands:
            return []
        if len(cands) > 1:  # the one mentioned last
            last = {m.key: m.start for m in ms if m.start < pos}
            cands.sort(key=lambda k: last.get(k, -1), reverse=True)
        return [(cands[0], "Person")]

    # ------------------------------------------------------------ write

    @staticmethod
    def _fill_title_holders(doc, new: list[Mention]) -> None:
        """A title whose holder was a pronoun or description: "the group's spokesman Yahya Saree"."""
        titles = doc._.kg_titles or []
        if not any(t.holder is None for t in titles):
            return
        at = {}
        for m in new:
            if m.type in ACTORS:
                for i in range(m.start, m.end):
                    at.setdefault(i, m)
        first = {}
        for m in doc._.kg_mentions or ():
            if m.type == "Person" and m.kind not in ("pronoun", "description"):
                first.setdefault(m.key, m)
        out = []
        for t in titles:
            m = first.get(t.person)
            if t.holder is None and m is not None:
                for i in range(m.start - 1, max(-1, m.start - 6), -1):
                    if doc[i].lower_ in ("'s", "\u2019s") and i - 1 in at:
                        t = type(t)(t.person, t.title, at[i - 1].key, t.kind)
                        break
                    if i in at and doc[i].lower_ == "its":
                        t = type(t)(t.person, t.title, at[i].key, t.kind)
                        break
            out.append(t)
        doc._.kg_titles = out

    def set_annotations(self, doc, new: list[Mention]) -> None:
        if not new:
            return
        self._fill_title_holders(doc, new)
        mentions = sorted(list(doc._.kg_mentions) + new, key=lambda m: (m.start, m.end))
        doc._.kg_mentions = mentions
        te = dict(doc._.kg_token_entity)
        for m in new:
            for i in range(m.start, m.end):
                te.setdefault(i, m.key)
        doc._.kg_token_entity = te
        ents = doc._.kg_entities
        if any(m.key not in ents for m in new):
            from kg.extract.entities import build_entities

            fresh = build_entities([m for m in mentions if m.key not in ents], self.res.gaz)
            ents.update(fresh)


def _governor(tok):
    """The verb a token's phrase hangs from (through prepositions, conjunctions and nouns)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t



_NP_MODS = frozenset({"poss", "compound", "amod"})


def _stand_in_pairs(doc, owner) -> list[tuple[int, int]]:
    """Pairs of mentions (indexes into ``owner``'s values) coordinated through the common nouns they
    modify: "Yemen's government and the Houthi rebels", "the Syrian army and Hezbollah"."""

    def of(tok):
        if tok.i in owner:
            return owner[tok.i]
        if tok.pos_ != "NOUN":
            return None
        mods = [c for c in tok.children if c.dep_ in _NP_MODS and c.i in owner]
        return owner[mods[-1].i] if len(mods) == 1 or (mods and len({owner[c.i] for c in mods}) == 1) else None

    out = []
    for t in tokens_where(doc, DEP, ("conj",)):
        if t.i in owner and t.head.i in owner:
            continue  # names coordinated directly are grouped already
        a, b = of(t), of(t.head)
        if a is not None and b is not None and a != b:
            out.append((a, b))
    return out


_SIDES = frozenset({"sides", "parties"})


def _same_sides(doc, ms, pos, noun) -> list:
    """ "both sides" after "the two sides" were named: the same two, however far back (the parties of
    an article's conflict stay its sides; allies named since are not)."""
    if noun not in _SIDES:
        return []
    for m in reversed(ms):
        if m.start < pos and m.group >= 10**7 and doc[m.end - 1].lower_ in _SIDES:
            return list(dict.fromkeys((x.key, x.type) for x in ms if x.group == m.group))
    return []


def _last_town(doc, ms, pos, sent, gaz):
    """The last place before ``pos`` (in this or the two sentences before) that is a town: a city or
    capital in the gazetteer, or a name the text calls a city, town, port or capital ("Hodeidah, the Red
    Sea port", "the town of Manbij", "the capital, Sanaa"). None when another place came in between."""
    for m in reversed(ms):
        if m.start >= pos or m.type != "Location":
            continue
        if sent - m.sent > 2:
            return None
        entry = gaz.get(m.key) if gaz is not None else None
        if entry is not None and entry.type == "Location" and entry.kind in ("city", "capital"):
            return m
        root = doc[m.start:m.end].root
        if root.dep_ in ("compound", "nmod", "amod", "poss"):
            continue  # "the Red Sea port", "Yemen's food imports": a modifier, not the place talked about
        said = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" or (root.dep_ == "pobj" and root.head.lower_ == "of"):
            said.append(root.head.head if root.dep_ == "pobj" else root.head)
        if any(t.lemma_.lower() in _TOWN_NOUNS | {"capital", "village"} for t in said):
            return m
        return None  # the last place named is no town: "the city" is not resolved
    return None
