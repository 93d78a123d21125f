"""Collective actors: unnamed groups of people who act together (``kg:Group``).

Event data codes "Serbian demonstrators" as Serbia's civilians, "students at
Cumhuriyet University" as Turkey's students, "Iraqi Kurds" as Iraq's Kurds: a
group of people that is neither the state nor a named organisation. Such a
group is an actor of its own here, so that "Egyptian police fired on
fundamentalist demonstrators" or "Iraqi Kurds demonstrated for independence
from Iraq" are facts between two actors, and its country is kept
(``Entity.country``, ``kg:nationality``).

A group is a plural people noun (``groups.tsv``, role ``head``) with something
that says which people it is: a national adjective or place right before it
("French farmers", "Kosovo Serbs"), a qualifier ("opposition supporters",
"ethnic Albanians", "Tamil refugees"), or a place or body after in/at/from
("demonstrators in Okinawa"); a people noun ("Kurds", "Shiites") is a group by
itself. Later "the demonstrators" in the same article is the same group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import LOWER, TAG

from kg.extract.gazetteer import normalize
from kg.extract.subdivisions import subdivision_country

#: Heads that, with nothing but a national adjective, name the nation itself ("the Syrian people").
_NATION_HEADS = frozenset({"people", "citizen", "national", "population"})
#: Prepositions after a head that place the group ("students at Tehran University").
_PLACING = frozenset({"in", "at", "from", "of", "across", "throughout", "near"})
_NAMES = frozenset({"Country", "Location", "Organization", "ArmedGroup"})
_REFERRING = frozenset({"the", "these", "those"})
#: What follows a place but is not part of its name ("in south Serbia and Kosovo", "in Gaza, who ...").
_TAIL_DEPS = frozenset({"conj", "cc", "punct", "appos", "relcl", "acl", "prep"})


@dataclass
class Group:
    start: int  # the mention: the group's own words (names inside it stay their own mentions)
    end: int
    key: str
    text: str
    country: str | None
    head: str  # lemma of the head noun, for later "the demonstrators"
    drop: list = field(default_factory=list)  # candidates the group replaces (its national adjective)
    kind: str = "name"
    type: str = "Group"  # or ArmedGroup for an unnamed armed body ("Colombia's largest guerrilla group")


def country_of(gaz, key: str, typ: str) -> str | None:
    """The country a Country, Location or demonym candidate stands for or lies in."""
    if typ == "Country":
        return key
    if typ != "Location":
        return None
    entry = gaz.get(key)
    if entry is not None and entry.country:
        country = gaz.get(entry.country)
        return country.key if country is not None and country.type == "Country" else None
    country = gaz.country_by_code(subdivision_country(key))
    return country


def _name_end(o) -> int:
    """The last token of the place phrase headed by ``o``, without what follows its name ("south
    Serbia" in "in south Serbia and Kosovo", "Gaza" in "in Gaza, who ...")."""
    end = o.i
    for x in o.children:
        if x.i > o.i:
            if x.dep_ in _TAIL_DEPS:
                break
            end = x.right_edge.i
    return end


def _national_place(doc, p, o, covering) -> str | None:
    """The country of a common noun after in/from that a national adjective qualifies ("in Turkish
    jails", "from Malaysian charities"), None if there is none."""
    if p.lower_ not in ("in", "from") or o.dep_ != "pobj" or o.pos_ != "NOUN" or o.i - p.i > 4:
        return None
    for c in o.children:
        cc = covering.get(c.i)
        if c.i < o.i and c.dep_ in ("amod", "compound") and cc is not None and cc.kind == "demonym" \
                and cc.type == "Country" and cc.end == c.i + 1 and cc.start == c.i:
            return cc.key
    return None


def _is_agent(t, n: int, res) -> bool:
    """Is the people head ending at ``t`` (``n`` words) one that a named body's own people act for it
    ("EU observers", "UN inspectors", "American companies")?"""
    words = " ".join([x.lower_ for x in t.doc[t.i - n + 1:t.i]] + [t.lemma_.lower()])
    return words in res.group_agents or t.lemma_.lower() in res.group_agents


def _state_phrase(doc, c, res) -> bool:
    """A country's name or demonym with a state noun after it ("Turkish army", "Kenyan police"): the
    people it heads ("Turkish army chiefs") are the state's own, no group of the nation."""
    if c.type != "Country" or c.end - c.start < 2:
        return False
    last = doc[c.end - 1].lower_
    return any(h[-1] == last for h in res.state_heads)


def _head_words(doc, t, res, covering) -> int:
    """How many tokens the people head ending at ``t`` has (0 if ``t`` is none): "refugees" 1,
    "asylum seekers" 2, "Albanians" (a demonym's people plural) 1."""
    lemma = t.lemma_.lower()
    plural = t.tag_ in ("NNS", "NNPS")
    c = covering.get(t.i)
    if c is not None:
        return 1 if c.kind == "demonym" and c.start == t.i and c.end == t.i + 1 and plural else 0
    if t.i > 0 and plural and (f"{doc[t.i - 1].lower_} {lemma}" in res.group_heads
                               or f"{doc[t.i - 1].lower_} {lemma}" in res.group_agents):
        return 2
    if t.lower_ in res.group_peoples:
        return 1
    if plural and (lemma in res.group_heads or lemma in res.group_agents):
        return 1
    if lemma in res.group_collectives and t.pos_ == "NOUN" and t.tag_ == "NN":
        return 1
    return 0


def tokens_where(doc, attr: int, words) -> list:
    """The tokens whose ``attr`` (``spacy.attrs.LOWER``, ``TAG``, ...) is one of ``words``, filtered in C:
    each pass over a few kinds of word would otherwise build a Token for every word of the article, and
    the entity passes are many."""
    hashes = numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(doc.to_array(attr), hashes))]


def find_groups(doc, res, cands, blocked) -> list[Group]:
    """The collective actors of ``doc`` given the name candidates already found (``cands``: objects
    with ``start``, ``end``, ``key``, ``type``, ``kind``)."""
    if not (res.group_heads or res.group_peoples):
        return []
    covering = {i: c for c in cands for i in range(c.start, c.end)}
    gaz = res.gaz
    out: list[Group] = []
    # people heads are nouns ("refugees", "the Albanian population") or peoples ("Kurds")
    heads = {t.i: t for t in tokens_where(doc, TAG, ("NNS", "NNPS", "NN"))}
    heads.update((t.i, t) for t in tokens_where(doc, LOWER, res.group_peoples))
    for t in (heads[i] for i in sorted(heads)):
        n = _head_words(doc, t, res, covering)
        if not n or t.i in blocked or t.dep_ == "compound":
            continue
        # "Kosovo Serbs", "ethnic Albanians": a people plural of a demonym, qualified by something else
        c = covering.get(t.i)
        demonym_head = c is not None
        if any(i in covering or i in blocked for i in range(t.i - n + 1, t.i)):
            continue
        people = t.lower_ in res.group_peoples
        identity = people
        state = False
        only_national = True  # no qualifier but a national adjective or country
        country = None
        drop = [c] if demonym_head else []
        start = t.i - n + 1
        kept_end = 0  # the group mention starts after the last name kept as its own mention
        j = start - 1
        while j >= 0 and j not in blocked:
            tok = doc[j]
            cj = covering.get(j)
            if cj is not None and cj.start == cj.end - 1 and tok.lower_ in res.group_qualifiers:
                identity, only_national = True, False  # "Tamil", "Kurdish" that NER took for a name
                drop.append(cj)
                start, j = j, j - 1
                continue
            if cj is not None:
                if cj.end != j + 1 or cj.type not in _NAMES or (demonym_head and cj.key == c.key):
                    break
                bloc = cj.kind == "demonym" and cj.type == "Organization"  # "Western": no body of its own
                if cj.kind == "standin" or _state_phrase(doc, cj, res) or (_is_agent(t, n, res) and not bloc):
                    identity = state = True  # "Myanmar's junta leaders", "Turkish army chiefs": the state's own
                    break
                patron = cj.start >= 2 and doc[cj.start - 1].text == "-" and doc[cj.start - 2].lower_ in ("pro", "anti")
                if cj.type in ("Country", "Location") and not patron:
                    country = country or country_of(gaz, cj.key, cj.type)
                    if cj.type == "Location" or cj.kind not in ("demonym", "name", "alias"):
                        only_national = False
                else:
                    only_national = False  # "Hamas supporters", "pro-Russian demonstrators"
                identity = True
                if cj.kind == "demonym" and (cj.type == "Country" or (bloc and _is_agent(t, n, res))):
                    drop.append(cj)  # "Western aid groups" are no act of the West
                elif not kept_end:
                    kept_end = j + 1
                start = cj.start - (2 if patron else 0)
                j = start - 1
                continue
            low = tok.lower_
            if low in res.group_qualifiers and (tok.tag_ not in ("VBD", "VBZ", "VBP", "MD") or j < tok.head.i <= t.i):
                # a qualifier inside the phrase, not a verb before it ("Beijing detained Tibetan monks")
                identity, only_national = True, False
                start, j = j, j - 1
                continue
            if j >= 2 and doc[j - 1].text == "-" and (doc[j - 2].lower_ in ("pro", "anti") or
                                                     f"{doc[j - 2].lower_}-{low}" in res.group_qualifiers):
                identity, only_national = True, False  # "pro-government supporters", "anti-war activists"
                start, j = j - 2, j - 3
                continue
            if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.is_lower and tok.head.i in range(j + 1, t.i + 1):
                start, j = j, j - 1  # "paper workers", "truck drivers", "aid workers"
                continue
            break
        place_text = ""
        member_of = None  # "Swedish doctors from Medecins Sans Frontieres": the organisation's own people
        after = [p for p in t.children if p.i == t.i + 1]
        govs = (t.head.i, t.head.head.i) if t.dep_ == "pobj" else (t.head.i,)
        if not after and t.i + 1 < len(doc) and doc[t.i + 1].head.i in govs and doc[t.i + 1].lower_ != "of":
            after = [doc[t.i + 1]]  # "detained 20 students at Ankara University": the parser hung "at" on the verb
        for p in after:
            if p.dep_ != "prep" or p.lower_ not in _PLACING:
                continue
            for o in p.children:
                co = covering.get(o.i) if o.dep_ == "pobj" else None
                nat = _national_place(doc, p, o, covering) if co is None else None
                if nat is not None:  # "Kurdish prisoners in Turkish jails", "volunteers from Malaysian charities"
                    identity, only_national = True, False
                    country = country or nat
                    place_text = doc[p.i:o.i + 1].text
                    break
                if co is None or co.type not in ("Country", "Location", "Organization") or _name_end(o) - p.i > 5:
                    continue
                if p.lower_ == "of" and not (t.lemma_.lower() in _NATION_HEADS or t.lemma_.lower() in res.group_collectives):
                    continue  # "leaders of the Arab League" are no group of the league's people
                entry = gaz.get(co.key) if co.type == "Organization" else None
                if entry is not None and entry.kind in ("ngo", "igo") and p.lower_ in ("from", "with", "of") \
                        and t.lemma_.lower() not in _NATION_HEADS:
                    member_of = co  # "doctors from MSF", "observers from the OAS": the body acting
                    break
                if co.type == "Organization" and _is_agent(t, n, res):
                    state = True  # "observers from the OAS": the organisation's own
                    break
                identity, only_national = True, False
                country = country or country_of(gaz, co.key, co.type)
                place_text = doc[p.i:_name_end(o) + 1].text
                break
        if member_of is not None and not state:
            m_start = max(start, kept_end)
            out.append(Group(m_start, t.i + 1, member_of.key, doc[m_start:t.i + 1].text, None, t.lemma_.lower(),
                             drop, kind="description", type=member_of.type))
            continue
        if not identity or state:
            continue
        if only_national and not people and t.lemma_.lower() in _NATION_HEADS:
            continue  # "the Syrian people", "Iraqi citizens": the nation, as before
        first = doc[start]
        words = doc[start:t.i + 1].text
        if first.is_sent_start and first.i not in covering and first.pos_ != "PROPN" and first.text != first.lower_ \
                and first.ent_type_ != "NORP":
            words = first.lower_ + words[len(first.text):]  # "Ethnic Albanians ...", "Demonstrators in ..."
        key = normalize(words + (" " + place_text if place_text else ""))
        if key in gaz:
            continue
        m_start = max(start, kept_end)
        head_text = doc[t.i - n + 1:t.i + 1].text
        out.append(Group(m_start, t.i + 1, key, doc[m_start:t.i + 1].text, country, t.lemma_.lower(), drop))
        out += _conjoined(doc, covering, start, head_text, place_text, t.lemma_.lower(), gaz)
    out += _later_mentions(doc, out, covering, blocked, res)
    out += _kin(doc, out, covering, blocked, res)
    out += _armed_bodies(doc, out, covering, blocked, res)
    out += _bare(doc, out, covering, blocked, res)
    out += _agents(doc, out, covering, blocked, res)
    out += _owners(doc, out, covering, blocked, res)
    return out


#: verbs of belief after an armed noun ("gunmen believed to belong to ...")
_BELIEF = frozenset({"believe", "suspect", "think", "say", "report", "allege", "presume", "claim"})
#: words that, in what the men are believed to be, tie them to a body ("belong to", "members of")
_TIES = frozenset({"belong", "member", "loyal", "fighter", "militant", "linked", "affiliated"})


def believed_members(doc, cands, res, blocked) -> list[tuple[int, object]]:
    """(token, named candidate) for armed nouns that the text ties to a named armed group or
    organisation through a verb of belief: "Gunmen believed to belong to the Shining Path", "militants
    suspected of belonging to Abu Sayyaf", "men thought to be members of Hamas"."""
    by_tok = {i: c for c in cands for i in range(c.start, c.end)}
    nouns = {w for w in res.generic_armed if " " not in w} | {"men", "assailants", "attackers", "kidnappers"}
    out = []
    for t in tokens_where(doc, LOWER, nouns):
        if t.tag_ not in ("NNS", "NNPS") or t.i in blocked:
            continue
        c = by_tok.get(t.i)
        if c is not None and c.type not in ("Group", "ArmedGroup") or (c is not None and c.source != "group"
                                                                        and c.source != "ner"):
            continue
        acl = next((a for a in t.children if a.dep_ == "acl" and a.lemma_.lower() in _BELIEF and a.i == t.i + 1), None)
        if acl is None and t.dep_ == "nsubj" and t.head.i == t.i + 1 and t.head.lemma_.lower() in _BELIEF:
            acl = t.head  # the parser made "believed" the main verb: "Gunmen believed to belong to X killed ..."
        if acl is None:
            continue
        sub = sorted((x for a in acl.children if a.i > acl.i and a.dep_ in ("xcomp", "prep", "prepc", "advcl")
                      for x in a.subtree), key=lambda x: x.i)[:10]
        if not any(x.lemma_.lower() in _TIES for x in sub):
            continue
        named = next((by_tok[x.i] for x in sub if x.i in by_tok and x.dep_ in ("pobj", "compound")
                      and by_tok[x.i].type in ("ArmedGroup", "Organization") and by_tok[x.i].source != "group"), None)
        if named is not None:
            out.append((t.i, named))
    return out


#: singular heads of an unnamed armed body ("the main Kurdish rebel group")
_BODY_HEADS = frozenset({"group", "movement", "organisation", "organization", "faction", "militia"})


def _armed_bodies(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "Colombia's largest guerrilla group", "the main Kurdish rebel group": an armed body named by
    what it is (an armed noun or creed word before "group", "movement", ...) and whose it is (a
    country's possessive or national adjective, or an ethnic or religious qualifier). An ArmedGroup of
    its own, keyed by its words, with the country as its nationality; none when a name goes with it
    ("the Shining Path guerrilla movement", "the rebel group Hamas", "Sudan's main rebel group, the JEM")."""
    armed = {w[:-1] for w in res.generic_armed if w.endswith("s") and " " not in w} | res.armed_creeds | {"armed"}
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, TAG, ("NN",)):
        if t.lemma_.lower() not in _BODY_HEADS or t.i in covering or t.i in blocked or t.i in taken:
            continue
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "poss", "det", "nmod")]
        if not mods or not any(c.lower_ in armed and c.dep_ in ("amod", "compound") for c in mods):
            continue
        start = mods[0].left_edge.i
        if doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if any(c.dep_ == "det" and c.lower_ not in ("the",) for c in mods):
            continue  # "a rebel group": which one the text does not say
        span = range(start, t.i)
        names = [covering[i] for i in span if i in covering]
        if any(c.type != "Country" for c in names) or any(i in blocked or i in taken for i in span):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and (nxt.i in covering or any(c.dep_ == "appos" for c in t.rights)):
            continue  # "the rebel group Hamas", "Sudan's main rebel group, the JEM"
        country = next((c.key for c in names), None)
        bare = {w[:-1] for w in res.generic_armed if w.endswith("s")} | {"rebel", "armed"}
        who = country is not None or any((doc[i].lower_ in res.group_qualifiers or doc[i].lower_ in res.armed_creeds)
                                         and doc[i].lower_ not in bare for i in span)
        if not who:
            continue  # "the rebel group": coreference's, not a new body
        words = doc[start:t.i + 1].text
        out.append(Group(start, t.i + 1, normalize(words), words, country, t.lemma_.lower(), list(names),
                         kind="name", type="ArmedGroup"))
    return out


def _kin(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "Relatives of the missing", "families of soldiers held by the rebels": kin named by whose kin they
    are (``groups.tsv`` role ``kin``), a group as event data codes them (civilians); keyed with the "of"
    phrase. Kin of a name ("relatives of Saddam Hussein") are no group of their own here."""
    if not res.group_kin:
        return []
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, TAG, ("NNS",)):
        if t.lemma_.lower() not in res.group_kin or t.dep_ == "compound":
            continue
        if t.i in taken or t.i in covering or t.i in blocked or t.i + 2 >= len(doc):
            continue
        p = doc[t.i + 1]
        if p.lower_ != "of" or p.head.i != t.i or p.dep_ != "prep":
            continue
        o = next((c for c in p.children if c.dep_ == "pobj"), None)
        if o is None or o.pos_ in ("PRON", "PROPN", "NUM", "DET") or o.i - p.i > 4 or (
                o.i in covering and covering[o.i].type != "Country"):
            continue
        if any(i in covering and covering[i].type not in ("Country",) for i in range(p.i + 1, o.i + 1)):
            continue  # "relatives of Hamas leader X": kin of a named actor
        if any(doc[i].lower_ in ("them", "those", "these", "whom") for i in range(p.i + 1, o.i + 1)):
            continue
        country = next((covering[i].key for i in range(p.i + 1, o.i + 1) if i in covering), None)
        words = doc[t.i:o.i + 1].text
        if t.is_sent_start and t.text != t.lower_:
            words = t.lower_ + words[len(t.text):]
        out.append(Group(t.i, t.i + 1, normalize(words), t.text, country, t.lemma_.lower(), [], kind="kin"))
    return out


def _bare(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "seized more than 1,000 hostages", "opened fire on protesters": victims and crowds event data
    codes even when nothing says whose (``groups.tsv`` role ``bare``); keyed by the plural as written."""
    if not res.group_bare:
        return []
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, TAG, ("NNS",)):
        if t.i in taken or t.i in covering or t.i in blocked or t.dep_ == "compound":
            continue
        if t.lemma_.lower() not in res.group_bare and not (t.lemma_.lower() in res.group_heads and _counted(t)
                                                           and t.lemma_.lower() not in _NATION_HEADS):
            continue
        if any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i in covering) for c in t.children):
            continue  # "their supporters", a name before it: not bare
        out.append(Group(t.i, t.i + 1, t.lower_, t.text, None, t.lemma_.lower(), [], kind="bare"))
    return out


#: nouns that count a crowd ("thousands of farmers", "a crowd of workers")
_COUNTS = frozenset({"thousand", "hundred", "dozen", "score", "million", "ten", "crowd", "crowds", "busload"})


def _counted(t) -> bool:
    """ "Thousands of farmers", "hundreds of students", "a crowd of workers": people counted as a crowd,
    which event data codes as a group even with nothing that says whose."""
    p = t.head
    return t.dep_ == "pobj" and p.lower_ == "of" and p.head.lemma_.lower() in _COUNTS and p.head.i < t.i


#: words after a people noun that tie them to a named actor ("militants loyal to X", "gunmen linked to Y")
_TIED = frozenset({"loyal", "link", "linked", "allied", "affiliate", "affiliated", "belong", "belonging", "close",
                   "tie", "tied", "aligned", "backed", "sympathetic"})


def _of_named(t, covering) -> bool:
    """Does an "of"/"from" after people noun ``t`` say whose they are: a named body or person
    ("activists of the National Corps party", "a bomber from Hamas"), or, after "of", the people
    themselves ("a mob of Hindu rioters")? A place they come from does not ("farmers from Brittany")."""
    for a in t.rights:
        if a.dep_ in ("amod", "acl") and a.lemma_.lower() in _TIED and any(
                x.i in covering and covering[x.i].type not in ("Location",) for x in a.subtree):
            return True  # "militants loyal to X", "gunmen linked to Y"
    for p in t.children:
        if p.dep_ != "prep" or p.lower_ not in ("of", "from"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ == "of" and o.tag_ in ("NNS", "NNPS"):
                return True
            if any(x.i in covering and covering[x.i].type not in ("Country", "Location") for x in o.subtree):
                return True
    return False


def _agents(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "Soldiers raped dozens of women", "Truck drivers blocked the highways", "a mob hacked to death
    20 villagers", "a Palestinian suicide bomber blew himself up": people named by their role
    (``groups.tsv`` role ``role``) that event data codes as the actor or victim even when nothing says
    whose; plural without a determiner, or singular with "a"/"an". Not after "the", "these" ("the
    rebels" refers back to a group named before), nor with a possessive ("his men"). Keyed by the
    words before the head ("truck drivers", "landless peasants"); a national adjective gives the country
    ("a Palestinian suicide bomber")."""
    if not res.group_roles:
        return []
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, TAG, ("NNS", "NN")):  # plural people, or one after "a"/"an"
        if t.i in taken or t.i in covering or t.i in blocked or t.dep_ == "compound":
            continue
        sector = t.tag_ == "NNS" and t.lemma_.lower() in res.group_sectors
        if t.lemma_.lower() not in res.group_roles and t.lower_ not in res.group_roles and not sector:
            continue
        if sector and (any(x.i in covering or x.ent_type_ in ("NORP", "GPE", "ORG") for x in t.subtree) or not any(
                c.dep_ in ("amod", "compound") and (c.is_lower or c.is_sent_start) and c.i == t.i - 1 for c in t.children)):
            continue  # "government troops", "security forces" that no name says whose; not "US troops",
            # "forces in Guinea", nor "troops" alone (the state's, named before)
        dets = [c for c in t.children if c.dep_ in ("det", "poss", "predet")]
        if t.tag_ == "NNS":
            if dets:
                continue  # "the soldiers", "his men", "these rebels", "any workers"
        elif t.tag_ == "NN":
            if len(dets) != 1 or dets[0].lower_ not in ("a", "an"):
                continue  # "the mob", "the bomber": one named before
        else:
            continue
        if any(i in covering and (covering[i].kind != "demonym" or covering[i].type != "Country")
               for i in range(t.left_edge.i, t.i)):
            continue  # "Abu Sayyaf guerrillas", "Hamas militants": the named body's own
        if _of_named(t, covering):
            continue  # "militants of the Islamic State", "a suicide bomber from Hamas", "a mob of Hindu rioters"
        if t.dep_ == "pobj" and t.head.lower_ == "against" and t.head.head.pos_ == "NOUN":
            continue  # "the fight against extremists": a kind of people, not a party to an act
        # the words before the head: "truck drivers", "landless peasants", "Palestinian suicide bomber"
        start, country, drop = t.i, None, []
        j = t.i - 1
        while j >= 0 and j not in blocked and j not in taken:
            w = doc[j]
            if w.head.i not in range(j + 1, t.i + 1) or w.dep_ not in ("amod", "compound"):
                break
            c = covering.get(j)
            if c is not None:
                if c.kind != "demonym" or c.type != "Country" or country is not None or c.start != j or t.tag_ == "NNS":
                    break  # "Kenyan policemen" act for Kenya, as before; "a Palestinian suicide bomber" is one man
                country, start = c.key, j
                drop.append(c)
                j -= 1
                continue
            if not w.is_alpha or w.like_num or w.pos_ not in ("ADJ", "NOUN") or (
                    w.text != w.lower_ and not (w.is_sent_start and w.pos_ != "PROPN")):
                break
            start, j = j, j - 1
        if any(i in covering and covering[i] not in drop for i in range(t.left_edge.i, t.i)):
            continue
        words = " ".join(doc[i].text if doc[i].i in covering else doc[i].lower_ for i in range(start, t.i + 1))
        out.append(Group(start, t.i + 1, normalize(words), doc[start:t.i + 1].text, country, t.lemma_.lower(),
                         drop, kind="bare"))
    return out


def _owners(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "bombed a police post", "ambushed an army patrol": a post, patrol or station (``groups.tsv`` role
    ``owned``) of a state sector that nothing else names (role ``owner``: police, army) is a target event
    data codes by its owner; the owner word is a bare group of its own (parties of events only). Not
    when a name says whose it is ("a Nepalese police post", "Kenya's army patrol")."""
    if not res.group_owners or not res.group_owned:
        return []
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, LOWER, res.group_owners):
        if t.dep_ != "compound" or t.i in covering or t.i in blocked or t.i in taken:
            continue
        h = t.head
        if h.lemma_.lower() not in res.group_owned or h.tag_ not in ("NN", "NNS") or not (
                t.i < h.i <= t.i + 2 and all(doc[i].dep_ == "compound" and doc[i].is_lower for i in range(t.i + 1, h.i))):
            continue  # "a police post", "an opposition television station"
        if any(c.dep_ in ("poss",) or (c.dep_ == "det" and c.lower_ not in ("a", "an")) for c in h.children):
            continue  # "the police post" (one named before), "their army patrol"
        if any(i in covering or doc[i].ent_type_ in ("NORP", "GPE", "ORG") or (
                doc[i].text != doc[i].lower_ and not doc[i].is_sent_start) for i in range(h.left_edge.i, h.i)):
            continue  # "a Congolese army base": a nation's, even one the text leaves ambiguous
        if any(p.dep_ == "prep" and p.lower_ in ("in", "near", "outside", "inside") and any(
                i in covering and covering[i].type == "Country" for o in p.children
                for i in range(o.left_edge.i, o.right_edge.i + 1))
               for p in h.children):
            continue  # "an army post in northern Cameroon": the country named says whose (it is the target)
        out.append(Group(t.i, t.i + 1, t.lower_, t.text, None, t.lower_, [], kind="bare"))
    return out


def _conjoined(doc, covering, start: int, head_text: str, place_text: str, head: str, gaz) -> list[Group]:
    """ "Sierra Leonean and Liberian refugees": the national adjectives conjoined before a group's
    own make groups of their own, with the same head."""
    out = []
    j = start - 1
    while j >= 1 and doc[j].lower_ in ("and", ",", "or"):
        c = covering.get(j - 1)
        if c is None or c.kind != "demonym" or c.type != "Country" or c.end != j:
            break
        key = normalize(f"{doc[c.start:c.end].text} {head_text}" + (" " + place_text if place_text else ""))
        out.append(Group(c.start, c.end, key, doc[c.start:c.end].text, c.key, head, [c], kind="conjoined"))
        j = c.start - 1
    return out


def _later_mentions(doc, groups: list[Group], covering, blocked, res) -> list[Group]:
    """ "the demonstrators", "these refugees" after a group with that head: the same group."""
    if not groups:
        return []
    taken = {i for g in groups for i in range(g.start, g.end)}
    out = []
    for t in tokens_where(doc, TAG, ("NNS", "NNPS")):
        if t.i in taken or t.i in covering or t.i in blocked:
            continue
        if not any(c.dep_ == "det" and c.lower_ in _REFERRING for c in t.children):
            continue
        if any(c.dep_ in ("amod", "compound", "nmod") for c in t.children):
            continue  # "the Iraqi demonstrators" would have been a group of its own
        lemma = t.lemma_.lower()
        earlier = [g for g in groups if g.head == lemma and g.end <= t.i]
        if earlier:
            g = earlier[-1]
            out.append(Group(t.i, t.i + 1, g.key, t.text, g.country, lemma, [], kind="description"))
    return out
