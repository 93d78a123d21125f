"""Arguments of a relation: which entities a syntactic subject or object names.

Relations read entity mentions through ``doc._.kg_token_entity`` (token index
-> entity key, written by the entity and coref components). A token that is
not itself a mention may still stand for entities:

* conjunctions expand: "Iraq and Syria" -> both;
* stand-in heads take their modifiers: "the Iraqi and Syrian governments",
  "the governments of Iraq and Syria", "ISIL positions";
* with ``deep``, any noun's possessor or national modifier names the actor
  ("the West's programme", "a U.S. request"), except for nouns of people who
  are not the state ("Syrian refugees").

Subjects are found by climbing the parse: through infinitives ("continue to
provide"), conjoined verbs, participles ("..., calling on Y"), relative and
participial clauses ("forces fighting Y", "the group affiliated to Y").
"""

from __future__ import annotations

from kg.extract.rel_context import _CONVENED
from kg.extract.rel_lexicon import Lexicon

#: Dependency labels of modifiers that can name the entity a head stands for.
_MOD_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
#: Verbs whose object is the subject of their infinitive ("urged Y to ...").
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "order", "invite", "persuade", "force", "tell", "encourage", "press", "allow",
    "permit", "instruct", "request", "want", "expect", "help", "enable", "compel", "require", "advise",
    "direct", "appeal", "push", "pressure", "let",
})
#: "the attack prompted Baghdad to recall its ambassador": the prompted one acts
OBJECT_CONTROL = OBJECT_CONTROL | {"prompt", "spur"}
#: Verbs whose object does the act of their gerund ("accused X of arming", "blamed X for").
OBJECT_OF_GERUND = frozenset({
    "accuse", "blame", "thank", "praise", "criticise", "criticize", "condemn", "charge", "suspect", "commend",
    "punish", "sanction", "fault", "credit", "congratulate", "denounce", "warn", "prevent", "stop", "ban",
})
#: "the US-led coalition", "a British-owned ship", "an Iranian-flagged tanker": the hyphenated owner.
_LED = frozenset({"led", "owned", "flagged", "registered", "operated", "run", "controlled"})
#: Lines between countries: their "with"/"from" side is the one faced ("the border with Syria").
#: Documents that say what their author says: "issued a statement condemning Y".
_STATEMENTS = frozenset({"statement", "letter", "message", "communique", "communiqué", "declaration", "note",
                         "report", "resolution", "appeal", "petition", "memorandum"})
_BORDERS = frozenset({"border", "frontier", "boundary", "strait", "borderline"})
#: "his Iraqi counterpart": the office held for the other side, named by the national adjective
_COUNTERPARTS = frozenset({"counterpart", "counterparts"})
_WE = frozenset({"we", "us", "our"})
#: Nouns whose "to" names the act's owner: "demanded an end to the Saudi-led aggression".
#: Nouns of a claim whose that-clause names whom it is about ("allegations that Y executed civilians").
_CLAIM_NOUNS = frozenset({"allegation", "report", "claim", "charge", "accusation", "complaint", "suspicion",
                          "evidence", "rumour", "rumor"})
#: States of readiness forces are put on ("put its air force on high alert along the border with Y").
_ALERT = frozenset({"alert", "standby", "readiness", "footing"})
_ENDINGS = frozenset({"end", "halt", "stop", "cessation"})
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Verbs whose agent stands outside the thing done: "talks with Y mediated by Z" are no talks with Z.
_THIRD_PARTY = frozenset({"mediate", "broker", "host", "sponsor", "facilitate", "chair", "moderate", "oversee",
                          "supervise", "witness", "guarantee", "organise", "organize", "convene", "arrange"})
#: Nouns whose modifiers name whom they oppose, not whose they are.
_OPPONENTS = frozenset({"critic", "opponent", "foe", "enemy", "detractor", "adversary", "dissident", "rival"})
#: Ships: a name in apposition to one is the ship's name ("the gunboat Berdyansk"), not an actor.
_VESSELS = frozenset({"ship", "vessel", "gunboat", "boat", "tug", "tugboat", "tanker", "frigate", "warship",
                      "submarine", "destroyer", "carrier", "cruiser", "corvette", "freighter", "ferry", "yacht",
                      "trawler", "icebreaker"})
#: Prepositions of time and manner before a gerund, whose doer is the verb's subject, not its object
#: ("killed 20 civilians after overrunning Y", "shelled the town before storming it").
_TIME_PREPS = frozenset({"after", "before", "since", "while", "upon", "without", "despite", "by"})
#: Prepositions of where a hostile act hit ("exploded at a market in Y")
_AT_PLACE = frozenset({"at", "outside", "near", "inside"})
#: Stand-ins for states that a place ("in ...") does not name: where states meet is not who they are.
_STATES = frozenset({"nation", "country", "state"})


#: Nouns naming a kind of actor, standing for the name they describe ("the SDF, a group ...").
ACTOR_KINDS = frozenset({"group", "movement", "organisation", "organization", "militia", "force", "faction",
                         "alliance", "coalition", "country", "state", "nation", "party", "government", "regime",
                         "body", "outfit", "network", "army", "rebel", "insurgency", "bloc", "neighbour", "neighbor",
                         "ally", "proxy", "affiliate", "offshoot", "branch", "wing", "umbrella"})


def name_before_comma(noun):
    """ "the Popular Mobilization Forces (PMF), an umbrella organization": the proper noun before the comma
    that sets off "a/an/the <noun>", however the parser attached the noun phrase."""
    doc = noun.doc
    first = noun.left_edge.i
    if first < 2 or doc[first - 1].text != "," or doc[first].lower_ not in ("a", "an", "the"):
        return None
    j = first - 2
    if doc[j].text == ")" and j >= 2:
        j = next((k for k in range(j - 1, max(j - 8, 0), -1) if doc[k].text == "("), j + 1) - 1
    return doc[j] if doc[j].pos_ == "PROPN" else None


def conjuncts(tok) -> list:
    """``tok`` and the tokens conjoined below it ("Egypt, France and Jordan"); in headlines a comma
    list parses as apposition ("Egypt, Sudan sign pact"), so a proper-noun apposition of a proper
    noun counts too."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj" or (
        c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN" and c.left_edge.i == tok.i + 2
        and tok.nbor(1).text == "," and _same_kind(tok, c))]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def _same_kind(a, b) -> bool:
    """Do tokens ``a`` and ``b`` name entities of one type (a list "Egypt, Sudan"), not a person and
    the body an apposition describes ("Abdul-Mahdi, Iraq's National Security Council")?"""
    te = a.doc._.kg_token_entity or {}
    ents = a.doc._.kg_entities or {}
    ka, kb = te.get(a.i), te.get(b.i)
    if ka is None or kb is None:
        return True
    ea, eb = ents.get(ka), ents.get(kb)
    return ea is None or eb is None or ea.type == eb.type


def _stray_pps(tok, gov) -> list:
    """The phrase right after ``tok``'s own that the parser hung on ``gov`` instead of on ``tok``
    ("recognised the government in Kabul": "in Kabul" under the verb)."""
    return [p for p in gov.children if p.i == tok.right_edge.i + 1]


class ArgResolver:
    """Maps tokens of one Doc to entity keys."""

    def __init__(self, doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.te: dict[int, str] = doc._.kg_token_entity or {}
        self.entities = doc._.kg_entities if doc._.kg_entities is not None else {}
        self.titles_only = False  # deep objects only through person titles (contact and material acts)
        self.deep_pp = True  # objects through "of/by/from" ("a meeting of the UNSC"); off for material/contact acts
        self.nonactors_ok = False  # set while resolving objects of hostile acts ("attacked Syrian civilians")
        self.acting_subject = False  # set while resolving an event's subject ("Syrian students protested")
        self.claim_clauses = False  # set while resolving what an inquiry is into ("examined allegations that Y ...")
        self.kind: dict[int, str] = {}
        self._we_cache: dict[int, str | None] = {}
        #: more entities a token stands for: "the two sides", "they" resolved to two actors
        self.extra: dict[int, list[str]] = {}
        for m in doc._.kg_mentions or ():
            for i in range(m.start, m.end):
                self.kind[i] = m.kind
                if m.kind in ("pronoun", "description") and self.te.get(i) not in (None, m.key):
                    more = self.extra.setdefault(i, [])
                    if m.key not in more:
                        more.append(m.key)

    def etype(self, key: str) -> str | None:
        ent = self.entities.get(key)
        return getattr(ent, "type", None)

    # ---------------------------------------------------------------- entities

    def resolve(self, tok, *, deep: bool = True, area: bool = False) -> list[str]:
        """Entity keys ``tok`` names, conjuncts included, in text order."""
        keys: list[str] = []
        if tok.lower_ in _REL_PRONOUNS and tok.head.dep_ == "relcl":
            tok = self.antecedent(tok, tok.head.head)
        for t in conjuncts(tok):
            self._one(t, keys, deep, area, 0)
            # "pardoned 100 prisoners, including several opposition journalists": the named members too
            for p in (t.children if not self.acting_subject else ()):  # (those acted on only)
                if p.dep_ == "prep" and p.lower_ in ("including", "notably", "especially"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            for x in conjuncts(o):
                                self._one(x, keys, deep, area, 0)
        seen: set[str] = set()
        return [k for k in keys if not (k in seen or seen.add(k))]

    def resolve_all(self, toks, *, deep: bool = True, area: bool = False) -> list[str]:
        keys: list[str] = []
        for t in toks:
            for k in self.resolve(t, deep=deep, area=area):
                if k not in keys:
                    keys.append(k)
        return keys

    def _mods(self, tok, *, poss_first: bool = False, places: bool = False) -> list[str]:
        """Entities among the modifiers of ``tok``; places only when asked ("the Astana talks" is
        not Kazakhstan acting, "Syria's east" is a place of Syria)."""
        keys = []
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ == "whose":
                # "Turkey, whose troops ...": the noun the relative clause belongs to
                rel = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
                if rel is not None and rel.head.i in self.te:
                    return [self.te[rel.head.i]]
        if poss_first:
            for c in tok.children:
                if c.dep_ == "poss" and c.i in self.te:
                    return [k for x in conjuncts(c) if (k := self.te.get(x.i)) and (
                        places or self.etype(k) != "Location")]
        for c in tok.children:
            if c.dep_ in _MOD_DEPS and c.i in self.te and c.i > 0 and self.doc[c.i - 1].lower_ == "ethnic":
                continue  # "ethnic Uzbek districts of Osh": an ethnic group's, not Uzbekistan's
            if c.dep_ in _MOD_DEPS and c.i in self.te and self.kind.get(c.i) == "bare" and not self.nonactors_ok:
                continue  # "a police station": its owner is a party of hostile acts only
            if c.dep_ in _MOD_DEPS and c.i in self.te:
                # conjuncts, and hyphen pairs: "the US-British strikes"
                pair = [x for x in c.children if x.i == c.i - 2 and self.doc[c.i - 1].text == "-" and x.i in self.te]
                for x in pair + conjuncts(c):
                    k = self.te.get(x.i)
                    if k and k not in keys and (places or self.etype(k) != "Location"):
                        keys.append(k)
            elif (c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and c.i == tok.i - 1
                  and (self.nonactors_ok or self.acting_subject)):
                # "a CIA drone strike", "a NATO supply convoy": the owner before a noun-noun compound
                keys += [k for x in c.children if x.dep_ in ("compound", "amod") and x.i == c.i - 1
                         and (k := self.te.get(x.i)) and k not in keys and self.etype(k) != "Location"
                         and self.kind.get(x.i) != "bare"]
            elif c.dep_ == "amod" and c.lower_ in _LED:
                # "the US-led coalition", "Vietnamese-led forces" act for their leader
                keys += [k for x in c.children if x.i < c.i and (k := self.te.get(x.i)) and k not in keys
                         and self.etype(k) != "Location"]
        return keys

    def _one(self, tok, keys: list[str], deep: bool, area: bool, depth: int) -> None:
        if depth > 3:
            return
        k = self.te.get(tok.i)
        lemma = tok.lemma_.lower()
        if k is None and tok.lower_ in _WE:
            k = self._we(tok)
        if k is None and tok.lower_ in ("they", "we") and tok.dep_ == "nsubj" and depth == 0:
            # "Militants loyal to X said they attacked Y": a plural speaker speaks of itself
            speaker = self._plural_speaker(tok)
            if speaker is not None:
                self._one(speaker, keys, deep, area, depth + 1)
                return
        if k and self.kind.get(tok.i) == "bare" and not (self.nonactors_ok or self.acting_subject):
            return  # "agreed to exchange prisoners": bare victims and crowds are parties of hostile acts,
            # aid and protests only
        if k:
            keys.append(k)
            keys.extend(x for x in self.extra.get(tok.i, ()) if x not in keys)
            if self.lex.heads.get(lemma) in ("standin", "group"):
                # "the Iraqi and Syrian governments": the mention covers one adjective only; a named body
                # is not its leader ("the NATO-led Kosovo Force" is KFOR, not NATO)
                led = {self.te.get(x.i) for c in tok.children if c.dep_ == "amod" and c.lower_ in _LED
                       for x in c.children} if self.kind.get(tok.i) in ("name", "alias") else set()
                keys.extend(x for x in self._mods(tok) if x != k and x not in led)
            elif self.etype(k) == "Group":
                # "Sierra Leonean and Liberian refugees": the other group is on the first adjective
                keys.extend(x for x in self._mods(tok) if x != k and self.etype(x) == "Group")
            return
        if lemma in _BORDERS and deep:
            # "massed troops on its border with Syria", "across the strait from Taiwan": the other side
            found: list[str] = []
            pps = list(tok.children)
            if tok.dep_ == "pobj":  # "massed along the border with Rwanda": "with" parsed onto the verb
                pps += _stray_pps(tok, tok.head.head)
                # "put its air force on high alert along the frontier with Y": on a verb further up
                pps += [q for a in list(tok.head.head.ancestors)[:3] for q in _stray_pps(tok, a)]
            for p in pps:
                if p.dep_ == "prep" and p.lower_ in ("with", "from"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            for t in conjuncts(o):
                                self._one(t, found, deep, area, depth + 1)
            named = {self.te.get(c.i) for c in tok.children if c.dep_ == "compound"} if lemma == "strait" else set()
            # "the Taiwan Strait" is named so; "the Syrian border" faces Syria
            keys.extend(found or [k for k in self._mods(tok) if self.etype(k) != "Location" and k not in named])
            return
        kind = self.lex.heads.get(lemma) or self.lex.heads.get(tok.lower_)
        if self.titles_only and kind in ("target", "site"):
            return  # "hosts a US base" is no meeting with the US
        if kind == "place":
            # "the city of Tartus": the named place only
            if area:
                keys.extend(self._own_name(tok, deep, area, depth))
                return
            kind = "area"
        if kind == "area" and not area:
            # a place: only its national modifier names an actor ("the Syrian city of Aleppo"); for hostile
            # acts, also the country it lies in ("retook a village in Western Cambodia")
            if self.nonactors_ok and not self._mods(tok):
                found = self._country_around(tok)
                if found:
                    keys.extend(found)
                    return
            kind = None
        if kind == "site":
            kind = "area" if area else None
            found = self._own_name(tok, deep, area, depth)
            if not found and self.nonactors_ok and not area:
                # "strike Iran's nuclear facilities": a hostile act on a site hits its owner
                found = [k for k in self._mods(tok, poss_first=True) if self.etype(k) != "Location"]
            keys.extend(found)
            return
        if kind:
            found = self._appos(tok, deep, area, depth)
            if found:
                keys.extend(found)
                return
            found = self._mods(tok, places=kind == "area")
            if kind == "standin":
                found = [self.led_by(k) for k in found]  # "Haftar, whose forces ...", "Assad's troops"
            if not found and kind in ("standin", "group"):
                # "forces loyal to Haftar", "militias allied with Iran"
                for a in tok.children:
                    if a.dep_ == "amod" and a.lemma_.lower() in ("loyal", "allied", "affiliated", "linked"):
                        for p in a.children:
                            if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                                for o in p.children:
                                    if o.dep_ == "pobj":
                                        found += [self.led_by(k) if kind == "standin" else k
                                                  for k in self.resolve(o, deep=False)]
            if not found and kind == "target" and self.nonactors_ok:
                found += self._target_of_actor(tok, deep, area, depth)
            if not found and kind == "target" and self.nonactors_ok:
                # "struck targets in Syria": the country they are in (hostile acts only)
                found += self._country_around(tok)
            if not found and kind != "target":
                preps = {"standin": ("of", "in", "from"), "area": ("of", "in")}.get(kind, ("of",))
                if lemma in _STATES:
                    preps = tuple(p for p in preps if p != "in")  # "the guarantor nations in Brasilia" met there
                pps = list(tok.children)
                if kind == "standin" and tok.head is not tok:
                    # "recognised the government in Kabul": the parser hangs "in Kabul" on the verb
                    pps += [p for p in _stray_pps(tok, tok.head) if p.lower_ == "in"]
                for p in pps:
                    if p.dep_ == "prep" and p.lower_ in preps:
                        for o in p.children:
                            if o.dep_ == "pobj":
                                for t in conjuncts(o):
                                    self._one(t, found, deep, area, depth + 1)
                    if found:
                        break
            keys.extend(found)
            return
        found = self._appos(tok, deep, area, depth)
        if found:
            keys.extend(found)
            return
        if lemma in self.lex.titles and tok.tag_ not in ("NNS", "NNPS"):  # "RSF commanders" are not its commander
            person = self._titled_person(tok, lemma)
            if person:
                keys.append(person)
                return
        if lemma in _OPPONENTS:
            return  # "the Kremlin critic", "Putin's opponents", "critics of Beijing": the opposed, not the owner
        if self.titles_only and lemma not in self.lex.titles:
            deep = False  # "hosts US bases" is not a meeting with the US; "met Iran's minister" is
        if deep and (self.nonactors_ok or lemma not in self.lex.nonactors or (
                self.acting_subject and lemma in self.lex.acting_subjects)) and tok.pos_ in ("NOUN", "PROPN"):
            if lemma in _COUNTERPARTS:
                # "his Turkish counterpart": the holder is the national adjective, never "his"
                found = [k for k in self._mods(tok) if self.etype(k) == "Country"]
            else:
                found = []
                if depth < 2 and self.deep_pp:
                    # "their deportation by Kenya": the doer before the possessor who underwent it
                    for p in tok.children:
                        if p.dep_ in ("prep", "agent") and p.lower_ == "by":
                            for o in p.children:
                                if o.dep_ == "pobj":
                                    for t in conjuncts(o):
                                        self._one(t, found, deep, area, depth + 1)
                found = found or self._mods(tok, poss_first=True)
            if not found and depth < 2 and self.deep_pp:
                # "a meeting of the UN Security Council", "calls by Belarus's rulers"
                preps = [p for p in tok.children if p.dep_ in ("prep", "agent") and (
                    p.lower_ in ("of", "by", "from") or (p.lower_ == "to" and lemma in _ENDINGS)
                    or (p.lower_ == "against" and self.claim_clauses and lemma in _CLAIM_NOUNS)
                    or (p.lower_ == "among" and self.nonactors_ok))]  # "victims among Rwandan refugees"
                # "crimes committed by Croat forces"
                preps += [p for a in tok.children if a.dep_ == "acl" and a.tag_ == "VBN"
                          and a.lemma_.lower() not in _THIRD_PARTY for p in a.children if p.dep_ == "agent"]
                # "the massacre of refugees by troops loyal to Y": the doer ("by") before the done-to ("of")
                preps.sort(key=lambda p: p.lower_ != "by")
                if self.claim_clauses and lemma in self.lex.themes.get("crimes", ()):
                    # "an inquiry into the assassination of Y": whoever the crime was done to is not accused
                    preps = [p for p in preps if p.lower_ != "of"]
                for p in preps:
                    for o in p.children:
                        if o.dep_ == "pobj":
                            for t in conjuncts(o):
                                self._one(t, found, deep, area, depth + 1)
                    if found:
                        break
            if not found and self.claim_clauses and lemma in self.lex.themes.get("claims", ()):
                # "an investigation into the post-election violence in Kenya": the country it happened in
                for p in tok.children:
                    if p.dep_ == "prep" and p.lower_ == "in":
                        # "the killings in Darfur": a region stands for the country it lies in
                        places = [k for o in p.children if o.dep_ == "pobj" for k in self.resolve(o, deep=False, area=True)]
                        found += [k for k in self.places_to_countries(places) if self.etype(k) == "Country"]
            if not found and depth < 2 and self.deep_pp and self.claim_clauses and lemma in _CLAIM_NOUNS:
                # "allegations that Peruvian soldiers massacred peasants": whom the claim is about
                for c in tok.children:
                    if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        for x in c.children:
                            if x.dep_ in ("nsubj", "nsubjpass"):
                                self._one(x, found, deep, area, depth + 1)
            if not found and ((self.acting_subject and lemma in self.lex.acting_subjects) or (
                    self.nonactors_ok and lemma in self.lex.nonactors)):
                found = self._people_in(tok)  # "demonstrators in Seoul", "aid to flood victims in Mozambique"
            if not found and self.nonactors_ok and depth == 0 and tok.dep_ == "pobj" and tok.head.lower_ in _AT_PLACE \
                    and tok.pos_ == "NOUN" and tok.head.head.pos_ in ("VERB", "AUX"):
                # "blew himself up at a discotheque in Tel Aviv": where a hostile act hit, the country it is in
                found = self._country_around(tok)
            keys.extend(found)

    def led_by(self, key: str) -> str:
        """The country a person leads, by the text's titles or the gazetteer ("forces loyal to President
        Hadi" are Yemen's forces); other keys unchanged."""
        if self.etype(key) != "Person":
            return key
        held = {t.holder for t in self.doc._.kg_titles or () if t.person == key and t.kind == "leader" and t.holder
                and self.etype(t.holder) == "Country"}
        if len(held) == 1:
            return held.pop()
        from kg.extract.gazetteer import Gazetteer

        entry = Gazetteer.load().get(key)
        if entry is None or entry.kind != "leader" or not entry.country:
            return key
        if entry.country in self.entities and self.etype(entry.country) in ("ArmedGroup", "Organization"):
            return entry.country  # "the LNA of Khalifa Haftar, whose forces ...": the body he leads
        return entry.country if self.ensure_country(entry.country) else key

    def _own_name(self, tok, deep, area, depth) -> list[str]:
        """What a place or site noun names itself: its apposition or name ("the Hmeymim airbase"), else
        its "of" ("the city of Tartus"), never its owner or surroundings."""
        found = self._appos(tok, deep, area, depth) or [
            self.te[c.i] for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in self.te]
        # "the Red Sea port of Hodeidah": a place modifier says where the site is; its "of" names it
        where = bool(found) and all(self.etype(k) == "Location" for k in found) and any(
            p.dep_ == "prep" and p.lower_ == "of" for p in tok.children)
        if where:
            found = []
        for p in tok.children:
            if not found and p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        self._one(o, found, deep, area, depth + 1)
        return found

    def _people_in(self, tok) -> list[str]:
        """"Thousands of demonstrators in Seoul", "students from Gaza": the country of the place they are in."""
        located = self.doc._.kg_located_in or {}
        pps = list(tok.children)
        if tok.head is not tok:  # "airlifting biscuits to flood victims in southern Mozambique"
            pps += _stray_pps(tok, tok.head.head) if tok.dep_ == "pobj" else []
        for p in pps:
            if p.dep_ == "prep" and p.lower_ in ("in", "from"):
                for o in p.children:
                    k = self.te.get(o.i) if o.dep_ == "pobj" else None
                    if k is None:
                        continue
                    if self.etype(k) == "Country":
                        return [k]
                    country = located.get(k)
                    if country and self.ensure_country(country):
                        return [country]
        return []

    def _country_around(self, tok) -> list[str]:
        """The country a hostile act's place lies in: "targets in Idlib", "a village near Hebron",
        "the Georgian town of Gori" (also when the parser hangs "in ..." on the verb)."""
        found: list[str] = []
        pps = list(tok.children)
        if tok.head is not tok:
            pps += _stray_pps(tok, tok.head)
        located = self.doc._.kg_located_in or {}
        for p in pps:
            if p.dep_ != "prep" or p.lower_ not in ("in", "near", "around", "outside"):
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                for k in self.resolve(o, deep=True):
                    if self.etype(k) == "Location" and located.get(k):
                        k = located[k]
                        if not self.ensure_country(k):
                            continue
                    if self.etype(k) == "Country" and k not in found:
                        found.append(k)
        return found

    def places_to_countries(self, keys: list[str]) -> list[str]:
        """Places replaced by the country they lie in ("airstrikes on Gaza" hit Palestine), as event
        data codes the targets of hostile acts and aid; places of unknown country stay."""
        located = self.doc._.kg_located_in or {}
        out: list[str] = []
        for k in keys:
            if self.etype(k) == "Location" and located.get(k) and self.ensure_country(located[k]):
                k = located[k]
            if k not in out:
                out.append(k)
        return out

    def ensure_country(self, key: str) -> bool:
        """Make the gazetteer country ``key`` an entity of this Doc (a place's country the text
        does not name itself); False if it is no country."""
        if key in self.entities:
            return self.etype(key) == "Country"
        from kg.extract.gazetteer import Gazetteer
        from kg.extract.types import Entity

        entry = Gazetteer.load().get(key)
        if entry is None or entry.type != "Country":
            return False
        self.entities[key] = Entity(key, "Country", (), entry.country_code, entry.wikidata)
        return True

    def _titled_person(self, tok, lemma: str) -> str | None:
        """ "the Russian president" -> the person the article gave that title and holder."""
        holders = set(self._mods(tok))
        if not holders:
            return None
        people = {t.person for t in self.doc._.kg_titles or () if t.holder in holders
                  and lemma in t.title.lower().replace("-", " ").split()}
        return people.pop() if len(people) == 1 else None

    def _appos(self, tok, deep, area, depth) -> list[str]:
        found: list[str] = []
        if tok.lemma_.lower() in _VESSELS:
            return found  # "the Ukrainian gunboats Berdyansk and Nikopol": ships' names, not actors
        for c in tok.children:
            if c.dep_ == "appos":
                self._one(c, found, deep, area, depth + 1)
        return found

    # ---------------------------------------------------------------- syntax

    def subject_tokens(self, v, *, logical_passive: bool = False, depth: int = 0) -> list:
        """The syntactic subject of verb (or predicate adjective) ``v``, climbing when it has none."""
        if depth > 6:
            return []
        subj = [c for c in v.children if (c.dep_ in ("nsubj", "csubj") or (logical_passive and c.dep_ == "nsubjpass"))
                and not self.in_dateline(c)]
        if len(subj) > 1 and all(c.pos_ == "PROPN" and c.i in self.te for c in subj) and all(
                self.doc[a.i + 1].text == "," for a in subj[:-1] if a.i + 1 < len(self.doc)):
            return subj  # headline lists: "Iran, Saudi Arabia agree to ..."
        if len(subj) > 1 and subj[-1].left_edge.i > 0 and self.doc[subj[-1].left_edge.i - 1].text == "," and (
                subj[-1].right_edge.text == "," or (
                    subj[-1].right_edge.i + 1 < v.i and self.doc[subj[-1].right_edge.i + 1].text == ",")):
            # "Members of X, a body linked to Y, investigated ...": an apposition parsed as a second subject
            subj = subj[:-1]
        if not subj and v.dep_ == "ROOT":
            # "Turkey massed troops ...": a sentence-initial name the parser read as an adverbial noun
            subj = [c for c in v.children if c.dep_ == "npadvmod" and c.i < v.i and c.i in self.te
                    and c.pos_ == "PROPN" and c.i == v.left_edge.i]
        if len(subj) > 1:
            # "Foreign Minister Tang and his Indian counterpart Jaswant Singh held talks": the parser splits
            # the name off its appositive head ("counterpart") and makes it a second subject
            last = subj[-1]
            for first in subj[:-1]:
                for k in first.children:
                    if k.dep_ == "conj" and k.i < last.i and k.pos_ == "NOUN" and last.i in self.te and all(
                            t.head.i == last.i for t in self.doc[k.i + 1:last.i]):
                        self.te[k.i] = self.te[last.i]  # "counterpart" names the one named after it
                        self.extra.pop(k.i, None)
                        return [first]
        if subj:
            c = subj[-1]  # the one next to the verb ("Tehran, PressTV - Iran and Russia launched")
            if c.lower_ in _REL_PRONOUNS and v.dep_ == "relcl":
                return [self.antecedent(c, v.head)]
            return [c]
        head = v.head
        if head is v:
            return []
        dep = v.dep_
        if dep == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if not objs:
                    objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                            for o in p.children if o.dep_ == "pobj"]
                if objs:
                    return objs
            return self.subject_tokens(head, logical_passive=True, depth=depth + 1)
        if dep == "conj" and _reported_then_past(v, head, self.lex):
            # "X said that Belgrade would never ..., and called on Y to ...": the past-tense verb is the
            # speaker's own second act, hung by the parser on the reported clause
            return self.subject_tokens(head.head, logical_passive=True, depth=depth + 1)
        if dep in ("conj", "advcl", "acomp", "oprd"):
            return self.subject_tokens(head, logical_passive=True, depth=depth + 1)
        if dep == "pcomp":
            owner = head.head
            if owner.pos_ in ("VERB", "AUX") and head.lower_ in _TIME_PREPS and not (
                    head.lower_ == "by" and self.is_passive(owner)):
                # "killed 20 civilians after overrunning Y", "violated the ceasefire by shelling Y": the verb's
                # own subject did both (a means or a time)
                return self.subject_tokens(owner, logical_passive=True, depth=depth + 1)
            if owner.pos_ in ("VERB", "AUX"):
                # "accused X of arming Y", "thanked X for helping Y": the object acts
                objs = [c for c in owner.children if c.dep_ == "dobj"]
                if objs:
                    return objs
                if owner.dep_ == "relcl" and owner.lemma_.lower() in OBJECT_OF_GERUND:
                    return [owner.head]  # "companies it accused of supplying drones"
                if self.is_passive(owner) and owner.lemma_.lower() in OBJECT_OF_GERUND:
                    return [c for c in owner.children if c.dep_ == "nsubjpass"]
                return self.subject_tokens(owner, logical_passive=True, depth=depth + 1)
            return self.noun_owner(owner)
        if dep == "relcl":
            if (v.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)
                    and head.i not in self.te and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX")):
                # "began a hunger strike to protest against Y": the one who began it protests
                return self.subject_tokens(head.head, depth=depth + 1)
            return [head]
        if dep == "acl":
            if v.tag_ == "VBN" and v.lemma_.lower() in _CONVENED and head.i not in self.te:
                # "a strike called by Y to protest ...": its organiser; else those who took part in it
                # ("kept their shutters down in a strike called to protest ...")
                found = self.agents(v)
                if found:
                    return found
                gov = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
                if head.dep_ in ("pobj", "dobj") and gov.pos_ in ("VERB", "AUX"):
                    return self.subject_tokens(gov, depth=depth + 1)
            if (v.tag_ == "VBG" and head.lemma_.lower() in _STATEMENTS and head.i not in self.te
                    and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX")
                    and self.lex.light.get(head.head.lemma_.lower()) != "rev"
                    and head.head.lemma_.lower() not in ("reject", "dismiss", "ignore", "deny", "receive")):
                # "issued a statement condemning Y", "sent a letter urging Y to ...": the author speaks
                owners = self.noun_owner(head)
                return owners or self.subject_tokens(head.head, depth=depth + 1)
            if v.tag_ in ("VBG", "VBN"):
                return self.noun_as_subject(head)
            owners = self.noun_owner(head)
            if owners:
                return owners
            if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
                return self.subject_tokens(head.head, depth=depth + 1)
        return []

    def antecedent(self, pron, head):
        """What a relative pronoun stands for: the noun its clause hangs on, or the name right before
        ", which" where the parser hung the clause on a noun that names nobody ("the Syrian branch of
        the PKK, which has waged ...")."""
        prev = self.doc[pron.i - 2] if pron.i >= 2 and self.doc[pron.i - 1].text == "," else None
        if prev is not None and prev.i in self.te and head.i not in self.te and head.i < prev.i:
            return prev
        return self._kind_antecedent(pron, head)

    def _kind_antecedent(self, pron, head):
        """ "Al-Shabaab, an al-Qaeda affiliate that has been fighting Y": a noun of kind set off after a
        name stands for the name (not for the modifier in it); "the PMF, an umbrella organization of
        groups that includes Y": the singular verb agrees with the organization, not the groups."""
        h = head
        if (h.tag_ == "NNS" and pron.head.tag_ == "VBZ" and h.dep_ == "pobj" and h.head.lower_ == "of"
                and h.head.head.pos_ == "NOUN" and h.head.head.tag_ == "NN"):
            h = h.head.head
        if h.i not in self.te and h.lemma_.lower() in ACTOR_KINDS:
            name = name_before_comma(h)
            if name is not None and name.i in self.te:
                return name
            if h.dep_ == "appos" and h.head.i in self.te:
                return h.head
        if head.dep_ == "appos" and head.i not in self.te and head.head.i in self.te and head.head.i < head.i:
            return head.head  # "Al-Shabaab, an al-Qaeda affiliate that has fought ...": the named one, not its patron
        return head

    def _we(self, tok) -> str | None:
        """ "We will continue ...," Lavrov said: "we" is the state or body the speaker speaks for."""
        sent = tok.sent
        if sent.start in self._we_cache:
            return self._we_cache[sent.start]
        key = None
        for v in sent:
            if v.lemma_.lower() in self.lex.speech and self.lex.speech[v.lemma_.lower()] == "assert" and v.i > tok.i:
                subj = [c for c in v.children if c.dep_ == "nsubj" and c.i in self.te]
                if subj:
                    speaker = self.te[subj[0].i]
                    if self.etype(speaker) in ("Country", "Organization", "ArmedGroup"):
                        key = speaker
                    else:
                        holders = {t.holder for t in self.doc._.kg_titles or () if t.person == speaker and t.holder}
                        key = holders.pop() if len(holders) == 1 else None
                    break
        self._we_cache[sent.start] = key
        return key

    def _plural_speaker(self, tok):
        """The plural subject of the speech verb whose that-clause ``tok`` is the subject of, if any."""
        cl = tok.head
        if cl.dep_ != "ccomp" or self.lex.speech.get(cl.head.lemma_.lower()) != "assert":
            return None
        subj = [c for c in cl.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].tag_ in ("NNS", "NNPS") and subj[0].i not in self.te:
            return subj[0]
        return None

    def in_dateline(self, tok) -> bool:
        """Is ``tok`` in a dateline prefix ("Tehran, PressTV -"), which is not an actor?"""
        spans = self.doc._.kg_dateline or ()
        if spans and isinstance(spans[0], int):
            spans = (spans,)
        return any(s <= tok.i < e for s, e in spans)

    def _target_of_actor(self, tok, deep, area, depth) -> list:
        """A target noun's "of" actor in a hostile act: "shelled positions of the Kosovo Liberation Army",
        "raided bases of the PKK" hit that actor (a place in "of" is where the target is, not whose)."""
        found: list = []
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        for t in conjuncts(o):
                            self._one(t, found, deep, area, depth + 1)
        return [k for k in found if self.etype(k) != "Location"]

    def noun_owner(self, noun) -> list:
        """The possessor of ``noun`` ("Moscow's support"), or its entity modifiers ("Russian airstrikes")."""
        for c in noun.children:
            if c.dep_ == "poss":
                return [c]
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i in self.te]
        # "the US-British strikes": both halves of a hyphen pair
        mods += [x for c in mods for x in c.children
                 if x.i == c.i - 2 and self.doc[c.i - 1].text == "-" and x.i in self.te]
        return mods

    def noun_as_subject(self, noun) -> list:
        """A noun acting as the subject of its participle; "the only ones fighting" -> the copula's subject."""
        if noun.i not in self.te and noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subj:
                return subj
        return [noun]

    def objects(self, v, preps: tuple[str, ...]) -> list:
        """Objects of ``v`` introduced by ``preps`` (on the verb or on its direct object)."""
        out = []
        hosts = [v] + [c for c in v.children if c.dep_ in ("dobj", "attr")]
        # "put its forces on high alert along the border with Y"
        hosts += [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "in") for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in _ALERT]
        # a passive verb's theme is its grammatical subject: "aid deliveries to Y were suspended by X",
        # "restrictions on rallies by Y were eased"
        hosts += [c for c in v.children if c.dep_ == "nsubjpass"]
        hosts += [x for h in hosts[1:] for x in h.children if x.dep_ == "conj"]  # "missiles and drones against Y"
        # "signed a series of agreements with Y"
        hosts += [o for h in hosts[1:] for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
        # "lifted the curfew imposed in Y"
        hosts += [a for h in hosts[1:] for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN"]
        for h in hosts:
            out.extend(self.prep_objects(h, preps))
        if not out and "with" in preps:
            # "sharing intelligence on Islamic militants with Uzbekistan": "with" hung on the wrong noun
            inner = [o for p in v.children if p.dep_ == "prep" and p.lower_ != "with"
                     for o in p.children if o.dep_ == "pobj"]
            for o in inner:
                out.extend(self.prep_objects(o, ("with",)))
        elif "with" in preps:
            # "agreed to a truce with Y", "agreed to talks with Y": the other side hangs on the act agreed to
            te = v.doc._.kg_token_entity or {}
            out += [w for o in list(out) if o.i not in te and o.dep_ == "pobj" and v.i in [a.i for a in list(o.ancestors)[1:3]]
                    for w in self.prep_objects(o, ("with",)) if w not in out and w.i in te]
        return out

    @staticmethod
    def prep_objects(h, preps) -> list:
        """Objects of the prepositions ``preps`` under ``h``; a clause object ("against what it
        says are Daesh targets") gives the nouns it predicates."""
        out = []
        te = h.doc._.kg_token_entity or {}
        kids = list(h.children)
        # "pulled out of Y", "moved away from Y": the preposition hangs under a particle-like one
        kids += [q for p in kids if p.dep_ in ("prep", "prt", "advmod") and not any(
            o.dep_ == "pobj" for o in p.children) for q in p.children]
        # "rallied in support of X and against Y": a coordinated preposition the parser hung deeper
        kids += [x for p in kids if p.dep_ == "prep" for x in p.subtree
                 if x.dep_ == "conj" and x.pos_ == "ADP" and x.head.dep_ == "prep" and x.head is not p]
        for p in kids:
            if (p.dep_ not in ("prep", "dative", "agent") and not (p.dep_ == "conj" and p.pos_ == "ADP")) or (
                    p.lower_ not in preps):
                continue
            # "gave in to [striking miners]": a group the parser read as a gerund clause
            objs = [o for o in p.children if o.dep_ == "pobj" or (o.dep_ == "pcomp" and o.i in te)]
            if not objs:
                # "a truce with the government beginning on Monday": the parser's absolute clause
                objs = [a for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG" for a in c.children
                        if a.dep_ == "nsubj" and a.i in te]
            if not objs:
                for c in p.children:
                    if c.dep_ == "pcomp":
                        for x in (c, *(y for y in c.children if y.dep_ == "ccomp")):
                            objs += [a for a in x.children if a.dep_ == "attr"]
            out.extend(objs)
        return out

    def direct_objects(self, v) -> list:
        objs = [self._clause_subject(c) for c in v.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
        objs = [o for o in objs if o is not None]
        if objs:
            # "meeting Al-Yamani in the morning and Abdulsalam in the afternoon": a name the parser
            # conjoined to the verb itself is its second object
            objs += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i in self.te
                     and c.i > objs[0].i and not any(x.dep_ in ("nsubj", "aux") for x in c.children)]
        if not objs:
            # "kidnapped up to 16 Russian advisers": the parser hangs the counted object on "up to"
            objs = [o for u in v.children if u.dep_ in ("prt", "prep", "advmod") and u.lower_ == "up"
                    for p in u.children if p.lower_ == "to" for o in p.children
                    if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
        return objs

    def _clause_subject(self, obj):
        """A that-clause the parser read as a noun phrase ("demanded [that Kazakhstan release opposition
        politician Z]" with "release" as a noun): the name right after "that" is who is to act; the
        phrase's head (the clause's own object) is no object of the verb. None if no name follows."""
        mark = next((m for m in obj.children if m.dep_ == "mark" and m.lower_ in ("that", "whether")), None)
        if mark is None or mark.i + 1 >= obj.i:
            return obj
        first = self.doc[mark.i + 1]
        return first if first.i in self.te else None

    def agents(self, v) -> list:
        return [o for a in v.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]

    @staticmethod
    def late_agents(v) -> list:
        """The agent of a passive accusation given after its of-complement: "X has been accused of
        torturing prisoners by Y" (the parser hangs "by Y" on the active gerund, which has no agent)."""
        if v.lemma_.lower() not in OBJECT_OF_GERUND:
            return []
        return [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                for b in g.children if b.dep_ == "prep" and b.lower_ == "by"
                for o in b.children if o.dep_ == "pobj"]

    @staticmethod
    def is_passive(v) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return True
        if v.tag_ == "VBN" and v.dep_ == "advcl" and any(c.dep_ == "agent" for c in v.children):
            return True  # "Iraq, backed by the US, launched ..."
        return v.dep_ == "acl" and v.tag_ == "VBN"


def _reported_then_past(v, head, lex: Lexicon) -> bool:
    """``v`` (past tense, no subject of its own) is coordinated with a reported clause in the
    conditional/future ("said that Y would ..., and called on Z") under an asserting speech verb."""
    return (v.tag_ == "VBD" and head.dep_ == "ccomp" and lex.speech.get(head.head.lemma_.lower()) == "assert"
            and any(a.dep_ == "aux" and a.lower_ in ("would", "will", "wo", "could", "might", "should", "must")
                    for a in head.children)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children))
