"""The ``kg_relations`` spaCy component: facts from verb and noun cues over the parse.

It reads the entity mentions the entity/coref components wrote
(``doc._.kg_token_entity``, ``doc._.kg_entities``, ``doc._.kg_titles``) and
writes ``doc._.kg_facts`` (a list of :class:`kg.extract.types.Fact`).

Rules (each fact records the one that fired in ``Fact.rule``):

``verb``            subject - cue verb - object, active ("Russia supports Syria")
``verb-passive``    "Y was attacked by X", "the rebels backed by Iran"
``verb-symmetric``  "X and Y met", "Jordan and Britain agreed"
``noun``            "Moscow's support for Syria", "Russian airstrikes against ISIL"
``noun-light``      "X launched airstrikes against Y", "receiving support from Y"
``noun-agent``      "X are the leading supporters of Y", "X, a member of Y"
``wrapper``         "X agreed to / threatened to / refused to ... Y"
``speech-adj``      "X said the presence of Y's troops was unlawful" (X accuses Y)
``speech-must``     "X said Y must ..." (X requests Y)
``title``           leaderOf/officialOf from titles the entity component read
``capital``         "Tajikistan's capital Dushanbe"
``located``         "Hmeymim airbase in Latakia Province", "Syria's Latakia Province"
``conditional``     "X will strike Y if ..." (a conditional punitive act is a threat)

All wording lives in the lexicons (:mod:`kg.extract.rel_lexicon`); the code
holds only the dependency patterns. Confidence: rule precision x cue
precision, raised by noisy-or when several sentences state the same fact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.extract.rel_args import _BORDERS, _THIRD_PARTY, ACTOR_KINDS, ArgResolver, conjuncts, name_before_comma
from kg.extract.rel_context import Context, _is_negated, _requested, context_of
from kg.extract.rel_lexicon import Lexicon, NounCue, VerbCue
from kg.extract.types import Entity, Fact
from kg.vocab import EVENT_RELATIONS, RELATIONS, SYMMETRIC

ACTORS = frozenset({"Person", "Country", "Organization", "ArmedGroup", "Group"})
PLACES = frozenset({"Location", "Country"})
GROUPS = frozenset({"Organization", "ArmedGroup"})
#: relation -> (allowed subject types, allowed object types); event relations are Actor -> Actor.
TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "leaderOf": (frozenset({"Person"}), frozenset({"Country", "Organization", "ArmedGroup"})),
    "officialOf": (frozenset({"Person"}), frozenset({"Country", "Organization", "ArmedGroup"})),
    "memberOf": (ACTORS, GROUPS),
    "affiliatedWith": (GROUPS, GROUPS),
    "locatedIn": (frozenset({"Location"}), PLACES),
    "controls": (ACTORS, PLACES),
}
_AREA_RELATIONS = frozenset({"controls", "locatedIn"})
#: Acts whose victims or beneficiaries may be people of a country ("tortured Liberian refugees" -> Liberia,
#: "pardoned Iraqi prisoners" -> Iraq).
HOSTILE = frozenset({"attacks", "coerces", "threatens", "concedesTo", "withdrawsFrom"})
#: Relations whose direct object is a thing, not a deed: no "of/by/from" actor behind it
#: ("received support from Iran" is not a meeting with Iran).
NO_DEEP_PP = frozenset({"consultsWith", "supplies", "cooperatesWith", "memberOf", "locatedIn", "controls",
                        "affiliatedWith", "withdrawsFrom", "mobilizesAgainst"})
#: Punitive acts that, promised on a condition, are threats (CAMEO 13).
#: Relations whose target may be people named by nationality, as event data codes them: "attacked
#: Syrian civilians" (Syria), "released French journalists" (France), "aid to Sudanese refugees" (Sudan).
PEOPLE_AS_TARGET = HOSTILE | {"supplies"}
COERCIVE = frozenset({"attacks", "sanctions", "coerces", "mobilizesAgainst"})
#: Wrappers whose compound subject acts towards each other.
_MUTUAL_WRAPPERS = frozenset({"agree", "consent"})
#: Verbs that stop the act their object names ("halted its mediation", "suspended talks").
#: Reactions whose object may be an act told before ("condemned the strikes").
_REACTIONS = frozenset({"accuses", "protestsAgainst", "supports", "rejects"})
#: What each reaction may refer back to: condemnation answers hostile acts, praise cooperative ones.
_REFERRED = {
    "accuses": COERCIVE | {"threatens", "coerces", "agreesWith"},  # "Mogadishu condemned the deal"
    "protestsAgainst": COERCIVE | {"threatens", "coerces"},
    "supports": frozenset({"agreesWith", "supplies", "cooperatesWith", "concedesTo", "withdrawsFrom"}),
    # "Yerevan denied the allegations": the accuser, if it accused Yerevan; "rejected the deal": its parties
    "rejects": frozenset({"accuses", "agreesWith"}),
}
_DEFINITE = frozenset({"the", "this", "these", "those", "such"})
#: Nouns that name an act without saying which: the relations they may refer back to.
_GENERIC_ACTS = {
    "measure": frozenset({"sanctions", "coerces"}), "measures": frozenset({"sanctions", "coerces"}),
    "move": COERCIVE | {"withdrawsFrom", "rejects"}, "decision": COERCIVE | {"withdrawsFrom", "rejects"},
    "expulsion": frozenset({"sanctions"}), "crackdown": frozenset({"coerces", "attacks"}),
    "aggression": frozenset({"attacks"}), "assault": frozenset({"attacks"}), "operation": frozenset({"attacks"}),
    "allegation": frozenset({"accuses"}), "charge": frozenset({"accuses"}), "claim": frozenset({"accuses"}),
    "accusation": frozenset({"accuses"}),
}


def _sent_back(sent, n: int) -> int:
    """Start of the sentence ``n`` sentences before ``sent`` (or of the document)."""
    doc, start = sent.doc, sent.start
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


#: Verbs whose object is turned down: the offer or threat they take is not reported as made.
_SPURNING = frozenset({"reject", "refuse", "deny", "dismiss", "spurn", "decline", "ignore", "withdraw", "retract"})
#: Verbs that send someone else away when the infinitive is "leave" or "withdraw".
_EXPELLING = frozenset({"order", "give", "instruct", "force", "compel"})
_STOPPING = frozenset({"halt", "suspend", "end", "stop", "cease", "freeze", "abandon", "terminate", "cancel",
                       "interrupt", "discontinue", "reduce", "cut", "slash", "curtail", "withhold",
                       # "lifted its arms embargo on Syria": the embargo is over, the verb's own cue speaks
                       "lift", "ease", "relax", "remove", "scrap", "rescind", "revoke", "drop", "waive", "loosen",
                       "stall", "derail", "postpone", "delay", "block"})
#: Stopping verbs that end a restriction (a concession), and ties a stopping verb may end.
_LIFTING = frozenset({"lift", "ease", "relax", "remove", "scrap", "rescind", "revoke", "drop", "waive", "loosen"})
_TIES = frozenset({"ties", "tie", "relation", "relations", "trade", "aid", "talk", "talks", "cooperation", "accord",
                   "agreement", "deal", "treaty", "assistance", "funding", "flight", "flights", "contact", "contacts"})
#: Speech verbs of warning, and what a warning says will no longer be let pass ("will not tolerate Y").
_WARN = frozenset({"warn", "vow", "declare", "say", "announce", "state"})
_TOLERATE = frozenset({"tolerate", "allow", "permit"})
#: Inquiries, and verbs sending the inquirers ("sent experts to Y to investigate").
_INQUIRY = frozenset({"investigate", "inspect", "probe", "look", "examine", "document", "review"})
#: Participles naming the buyer of goods delivered ("jets ordered by Venezuela").
_BOUGHT = frozenset({"order", "buy", "purchase", "request", "commission"})
#: Aims of a deployment: protecting someone (aid), or countering someone (mobilisation).
_PROTECT = frozenset({"protect", "defend", "guard", "shield", "help", "assist", "secure", "evacuate", "rescue"})
_COUNTER = frozenset({"counter", "confront", "fight", "repel", "deter", "crush", "combat", "battle", "tackle",
                      "hunt", "pursue", "quell", "suppress"})
#: Verbs admitting a wrong ("acknowledged responsibility for the bombing of Y").
_ADMIT = frozenset({"acknowledge", "admit"})
#: Acts a state lets outsiders do on its soil: allowing them is a concession.
_ADMITTED_ACTS = frozenset({"visit", "inspect", "enter", "return", "monitor", "observe", "investigate", "access",
                            "operate", "reopen", "resume"})
#: Verbs telling that an act named by a noun took place ("completed the withdrawal of ...").
_CARRIED_OUT = frozenset({"complete", "begin", "start", "finish", "continue", "carry", "conduct", "announce",
                          "order", "launch"})
#: Bodies formed or sent to inquire, and the verbs forming them.
_PANELS = frozenset({"commission", "team", "panel", "mission", "committee", "body", "group", "tribunal"})
_FORMED = frozenset({"set", "establish", "appoint", "form", "create", "name", "launch", "convene"})
_CARRY = frozenset({"fly", "carry", "transport", "ferry", "airlift", "evacuate", "bring", "take", "drive"})
_ARRIVE = frozenset({"arrive", "travel", "go", "come", "fly", "return"})
_SEND = frozenset({"send", "dispatch", "deploy"})
#: What a future act announces: punitive acts threaten, support agrees.
_ANNOUNCED = {"attacks": "threatens", "sanctions": "threatens", "coerces": "threatens",
              "mobilizesAgainst": "threatens"}
#: Verbs whose negation is a rejection of the other side ("will not accept Y's proposal").
_REFUSED_WHEN_NEGATED = frozenset({"accept", "agree"}) | {"bow", "yield", "succumb", "cave", "accede", "submit"}
#: Nouns after "despite" naming whom a refusal rejects ("refused to resign despite pressure from Y").
#: Prepositions of acting by an agreement: "under a deal reached with Y".
_UNDER = frozenset({"under", "per", "through"})
#: Nouns naming any agreement ("the deal" after "signed a memorandum of understanding").
_GENERIC_ACCORDS = frozenset({"deal", "agreement", "accord", "pact"})
#: Modifiers that do not tell one deal from another.
_VAGUE_MODS = frozenset({"new", "latest", "recent", "last", "previous", "first", "same", "whole", "entire", "so-called"})
#: Military sites named in apposition ("TURKSOM, its military base").
_BASES = frozenset({"base", "airbase", "outpost", "garrison"})
#: Prepositions of where: "near Bhamo in Kachin State".
_NEAR = frozenset({"near", "in", "at", "outside", "around", "inside", "into", "to", "from", "of"})
#: Nouns that sum up the act of the clause before them ("..., a request that was turned down by X").
_SUMMARY_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "proposal", "offer", "accusation", "charge",
                            "allegation", "claim", "stance", "position", "move", "decision", "plan", "initiative"})
_PRESSURE = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "ultimatum", "warning",
                       "opposition", "objection", "protest", "deadline", "criticism", "condemnation"})
#: Relations still asserted when stated as a purpose: "staged a hunger strike to protest against Y".
PURPOSEFUL = frozenset({"protestsAgainst", "requests", "supports"})
#: Nouns of quantity or kind that pass their light verb on ("launched 10 days of war games").
_QUANTITY = frozenset({"day", "week", "month", "series", "number", "wave", "round", "string", "spate", "kind",
                       "type", "form", "lot", "set", "couple", "dozen", "dozens", "hundreds", "thousands", "scores",
                       "score", "hundred", "thousand"})
_VERB_POS = frozenset({"VERB", "AUX"})
#: Nouns carrying a stance as "a message of condolence", "a letter of protest": the stance is the act.
_MESSAGES = frozenset({"message", "letter", "note", "telegram", "cable", "expression", "gesture", "words", "word",
                       "statement"})
#: Verbs that, like "be", say what their subject is ("X forms the backbone of Y").
_BEING = frozenset({"form", "constitute", "become", "remain", "make"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PLACE_NOUNS = frozenset({"capital", "city", "town", "province", "port", "village", "region", "district", "island",
                          "peninsula", "governorate", "state", "county", "enclave", "township"})
#: State nouns whose "of <person>" is their ruler ("the regime of Bashar al-Assad").
_RULED = frozenset({"government", "regime", "administration", "junta"})
MAX_CONFIDENCE = 0.99
#: Marks of a subordinate clause: a subject after one belongs to that clause ("demanded that the OAU
#: mediate after Angola accused Y", parsed as one clause with two subjects).
_SUBORDINATORS = frozenset({"after", "before", "when", "because", "since", "while", "as", "until", "once",
                            "although", "though", "whereas"})
#: Adjectives that make the act a noun names a possibility or a plan, not a deed.
_UNREALISED = frozenset({"possible", "potential", "planned", "proposed", "prospective", "future", "imminent",
                         "likely", "expected", "anticipated", "feared", "looming", "hypothetical", "eventual",
                         "contemplated", "intended", "mooted", "impending"})


@dataclass
class _Cand:
    subjects: list[str]
    relation: str
    objects: list[str]
    rule: str
    precision: float
    sent: object
    ctx: Context
    symmetric_pairs: bool = False


def _allowed(rel: str, stype: str | None, otype: str | None) -> bool:
    subj_ok, obj_ok = TYPES.get(rel, (ACTORS, ACTORS))
    return (stype in subj_ok) and (otype in obj_ok)


class RelationExtractor:
    """Finds facts in a parsed Doc (a spaCy pipeline component)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lex = lexicon or Lexicon.load()
        lex = self.lex
        try:
            from kg.extract.gazetteer import Gazetteer

            self.gaz = Gazetteer.load()
        except ImportError:  # pragma: no cover - shipped with kg
            self.gaz = None
        # precomputed lookups (lemma -> cues), so the token loop is dictionary hits only
        self._verb_keys = frozenset(lex.verbs)
        self._noun_keys = frozenset(lex.nouns)
        self._wrap_keys = frozenset(k for k, w in lex.wrappers.items() if w.effect in ("wrap", "wrap+neg"))
        self._speech_keys = frozenset(k for k, p in lex.speech.items() if p == "assert")

    def __call__(self, doc):
        from kg.extract import docext

        docext.ensure(doc)
        args = ArgResolver(doc, self.lex)
        cands: list[_Cand] = []
        self._pending: list[tuple] = []
        if args.te and doc.has_annotation("DEP"):
            for sent in doc.sents:
                if sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"):
                    continue
                self._sentence(sent, args, cands)
            self._event_references(cands)
            self._locations(doc, args, cands)
            self._led_bodies(doc, args, cands)
        facts = self._facts(doc, args, cands)
        facts.extend(self._titles(doc, args))
        # a leader is not also listed as a mere official of what he leads ("the junta, led by Senior General X")
        led = {(f.subject, f.object) for f in facts if f.relation == "leaderOf" and not f.negated}
        facts = [f for f in facts if f.relation != "officialOf" or (f.subject, f.object) not in led]
        doc._.kg_facts = _aggregate(facts)
        return doc

    # ------------------------------------------------------------------ rules

    def _sentence(self, sent, args: ArgResolver, out: list[_Cand]) -> None:
        lex = self.lex
        for tok in sent:
            lemma = tok.lemma_.lower()
            low = tok.lower_
            if (tok.pos_ in _VERB_POS or tok.tag_.startswith("VB") or (
                    tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children)) or (
                    tok.tag_ == "NNS" and _reduced_denial(tok, args) is not None)) and (
                    tok.i not in args.te):
                # (", a charge Moscow rejects": the parser may read the verb as a plural noun)
                # a participle inside a name is no verb ("striking miners", "the Fighting Brigade")
                key = lemma if lemma in self._verb_keys else (low if low in self._verb_keys else None)
                if key:
                    cues = lex.verbs[key]
                    # a row whose theme the object matches speaks for the verb: it silences the plain rows of
                    # other relations ("granted autonomy to Y" is a concession, not also "granted a loan to Y"
                    # aid; "banned imports of Y's beef" is a sanction, not also the plain row's coercion)
                    themed = self._themed_relations(tok, cues)
                    for cue in cues:
                        if themed and not cue.theme and cue.relation not in themed:
                            continue
                        self._verb(tok, cue, args, out)
                if lemma in self._speech_keys:
                    self._speech(tok, args, out)
            if lemma in self._wrap_keys and any(_wrapped(c) for c in tok.children):
                self._wrapper(tok, args, out)
            if lemma == "capable":
                self._capability(tok, args, out)
            if lemma == "defiance" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                self._defiance(tok, args, out)
            if tok.pos_ in _VERB_POS and lemma in self.lex.themes.get("protestact", ()):
                self._protest_at_mission(tok, args, out)
            if lemma == "jointly" and tok.dep_ == "advmod" and tok.head.pos_ in _VERB_POS:
                self._jointly(tok.head, args, out)
            if lemma == "tell" and tok.pos_ in _VERB_POS:
                self._refusal_told(tok, args, out)
            if lemma in _PARTICIPATING and tok.pos_ in _VERB_POS and _is_neg(tok):
                self._conditional_refusal(tok, args, out)
            if lemma in _REQUEST_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon"):
                self._at_request(tok, args, out)
            if lemma == "joint" and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and (
                    tok.head.lemma_.lower() not in self._noun_keys):
                self._joint_thing(tok.head, args, out)
            if lemma in ("investigation", "inquiry", "probe", "scrutiny") and tok.dep_ == "pobj" and tok.head.lower_ == "under":
                self._under_inquiry(tok, args, out)
            if lemma == "responsibility" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ADMIT:
                self._admitted(tok, args, out)
            if lemma in ("allow", "permit") and tok.pos_ in _VERB_POS:
                self._allowed_in(tok, args, out)
            if tok.pos_ in _NOUN_POS or (tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
                                          and not any(c.dep_ in ("dobj", "aux") for c in tok.children)):
                # nouns, and gerunds used as nouns ("Fighting between Israel and Hezbollah intensified")
                key = lemma if lemma in self._noun_keys else (low if low in self._noun_keys else None)
                if key:
                    self._noun(tok, lex.nouns[key], args, out)

    def _verb(self, v, cue: VerbCue, args: ArgResolver, out: list[_Cand]) -> None:
        if cue.relation == "withdrawsFrom" and any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in v.children):
            return  # "leaving five guerrillas dead": what the act left behind, no withdrawal from them
        if cue.particle and not any(c.dep_ in ("prt", "prep", "dobj") and c.lower_ == cue.particle
                                    for c in v.children):
            return
        if not cue.particle:
            prts = {c.lower_ for c in v.children if c.dep_ == "prt"}
            if prts and any(c.particle in prts for c in self.lex.verbs.get(cue.lemma, ())):
                return  # "pull out" is its own cue, not "pull"
        if cue.theme and not (self._subject_theme(v, cue.theme[1:], args) if cue.theme.startswith("^")
                              else self._has_theme(v, cue.theme)):
            return
        if cue.theme and cue.theme.startswith("^") and not cue.preps and cue.relation != "attacks" and not any(
                c.dep_ == "dobj" and c.i in args.te for c in v.children):
            return  # "the troops left Estonia", but not "soldiers left the base (in Syria) to buy food"
        if cue.relation == "consultsWith" and "to" in cue.preps and any(c.dep_ == "dobj" for c in v.children) and (
                self._has_theme(v, "material") or self._has_theme(v, "troops")):
            return  # "flew emergency supplies to Y": cargo travels, nobody visits
        if v.lemma_.lower() in self.lex.light and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self._noun_keys and self._noun_applies(c) for c in v.children):
            return  # "provided diplomatic support to Y": the noun decides (supports, not supplies)
        area = cue.relation in _AREA_RELATIONS
        passive = args.is_passive(v)
        rule = "verb"
        if v.dep_ == "amod" and v.tag_ == "VBN" and not cue.preps:
            # "the US-backed SDF", "Iran-funded militias": the hyphenated modifier acts on the head noun
            subj_toks = [c for c in v.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod", "poss")
                         and c.i < v.i]
            obj_toks = [v.head]
            rule = "verb-passive"
        elif not cue.preps:
            if passive:
                subj_toks = args.agents(v) or args.late_agents(v)
                if not subj_toks:
                    # "were tortured and killed by Y": coordinated participles share the last one's agent
                    subj_toks = [a for c in v.children if c.dep_ == "conj" and c.tag_ == "VBN"
                                 for a in args.agents(c)]
                if not subj_toks and cue.theme and cue.theme.startswith("+") and cue.relation == "sanctions":
                    # "Fiji and Pakistan were suspended from the Commonwealth": the body acts
                    subj_toks = args.prep_objects(v, tuple(cue.theme[1:].split(":")[0].split("|")))
                if not subj_toks and cue.relation in HOSTILE:
                    subj_toks = self._attack_agents(v)
                if not subj_toks and cue.relation in COERCIVE:
                    # "Y's oil facilities will be blown up unless troops leave, the group said", "warned the
                    # farmers they would be shot if ...": an agentless punitive act on a condition is the
                    # speaker's threat
                    early = context_of(v, self.lex)
                    if early.conditional and not early.negated and early.speaker and (
                            any(t.head.lemma_.lower() in ("warn", "threaten", "vow") for t in early.speaker)
                            or any(args.etype(k) == "ArmedGroup" for k in args.resolve_all(early.speaker))):
                        subj_toks = early.speaker  # a warning, or an armed group's word (not a forecast)
                obj_toks = [c for c in v.children if c.dep_ == "nsubjpass"]
                if v.dep_ == "acl" and not obj_toks:
                    obj_toks = [_loyal_head(v) or v.head]
                elif v.dep_ == "advcl" and not obj_toks:
                    obj_toks = args.subject_tokens(v.head)
                elif v.dep_ == "conj" and not obj_toks:
                    # "journalists held hostage in Iraq ... were freed by Y": the first verb's subject
                    obj_toks = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if obj_toks and obj_toks[0].lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    obj_toks = [v.head]
                rule = "verb-passive"
            else:
                subj_toks = args.subject_tokens(v)
                obj_toks = args.direct_objects(v)
                if cue.relation == "accuses":
                    # "investigate reports of massacres by troops loyal to Y": the "by" the parser hung
                    # on the verb names the doer of the deed inquired into or condemned
                    doers = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "by"
                             for o in p.children if o.dep_ == "pobj"]
                    if doers and obj_toks and args.resolve_all(doers):
                        obj_toks = doers
                if cue.relation in HOSTILE:
                    obj_toks = obj_toks + _along_with(v, obj_toks)  # "detained three vessels along with Y"
                if cue.theme and cue.theme.startswith("+") and ":" in cue.theme:
                    # "described the violation of the border by Y's ships as a provocation (planned by Z)":
                    # the deed's agent is the one blamed, not whom it was done to; a pronoun ("calling them a
                    # violation") stands for the deed, not for an actor
                    obj_toks = _deed_agents(v, obj_toks) or [o for o in obj_toks if o.pos_ != "PRON"]
                if _that_follows(v):
                    # "demanded that Kazakhstan release [Y]": the parser read the subjunctive verb as a
                    # noun; what follows "that" is the clause, not the verb's object
                    obj_toks = [o for o in obj_toks if o.i < v.i]
                if not obj_toks:
                    # "the SDF is a group Washington has armed and backed" (a reaction's gap may be an act
                    # told before: "the attack Russia condemned", read below)
                    gap = _relative_gap(v)
                    if cue.relation not in _REACTIONS or args.resolve_all(gap, deep=False):
                        obj_toks = gap
        elif "^ccomp" in cue.preps:
            subj_toks = args.subject_tokens(v)
            # not a parenthetical "..., a Treasury official said" the parser hung under the verb
            obj_toks = [s for c in v.children if c.dep_ == "ccomp" and c.lemma_.lower() not in self.lex.speech
                        for s in c.children if s.dep_ == "nsubj" and not any(
                            m.dep_ == "mark" and m.lower_ in _SUBORDINATORS and m.i < s.i for m in c.children)]
            obj_toks += args.objects(v, tuple(p for p in cue.preps if not p.startswith("^")))
            if not obj_toks:
                obj_toks = _that_subject(v, args)
        else:
            if v.dep_ == "acl" and v.tag_ == "VBN":
                # "troops deployed to Y"; "a missile fired by the rebels towards Y": the agent acts
                subj_toks = args.agents(v) or [v.head]
                host = v.head
                if (cue.relation == "agreesWith" and host.dep_ == "pobj" and host.head.lower_ in _UNDER
                        and host.head.head.pos_ in _VERB_POS and host.i not in args.te):
                    # "troops entered Manbij under a deal reached with the SDF": who acts under it made it
                    subj_toks = args.subject_tokens(host.head.head)
            elif passive and cue.relation == "consultsWith":
                return  # "tents were flown to Islamabad by the Red Crescent": cargo travels, nobody visits
            elif passive and args.agents(v):
                subj_toks = args.agents(v)  # "a deal was signed by India and Bangladesh"
            else:
                subj_toks = args.subject_tokens(v, logical_passive=True)
            obj_toks = args.objects(v, tuple(p.split("@")[0] for p in cue.preps if not p.startswith("^")))
            if any("@" in p for p in cue.preps):
                obj_toks = _prep_kind(obj_toks, cue.preps)
        if cue.theme == "settlement" and not self._armed(subj_toks, args):
            return  # "UN inspectors entered the city" takes nothing; troops entering it take it
        denied = None
        if cue.relation == "rejects" and not cue.preps and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() not in _CLAIM_NOUNS for c in v.children):
            denied = _reduced_denial(v, args)
            if denied is not None:  # "..., a charge Tehran has denied": the parser lost the clause's subject
                subj_toks, obj_toks = [denied[1]], [denied[0]]
        if cue.relation == "requests":
            obj_toks = [x for o in obj_toks for x in _addressees(o, args)]
            obj_toks = obj_toks + _between_parties(obj_toks, args)
        if area:
            # "Ukrainian soldiers held by Russia", "captured two Israeli soldiers": people held are no territory
            obj_toks = [o for o in obj_toks if args.kind.get(o.i) in ("name", "alias") or (
                self.lex.heads.get(o.lemma_.lower()) != "standin" and o.lemma_.lower() not in self.lex.nonactors)]
        if cue.relation in ("leaderOf", "officialOf"):
            # "the Houthi delegation is headed by Z": heading a team, mission or embassy of a body is
            # not leading the body; only the body itself or its government is led
            obj_toks = [o for o in obj_toks if o.i in args.te or o.lemma_.lower() in _RULED]
        args.acting_subject = cue.relation in EVENT_RELATIONS and (cue.direction == "fwd" or (
            cue.direction == "mutual" and cue.relation in PEOPLE_AS_TARGET))  # "Government troops clashed with Y"
        subjects = args.resolve_all(subj_toks)
        if v.dep_ == "acl" and subj_toks == [v.head]:
            subjects = _before_participle(v, subjects, args)
        args.acting_subject = False
        if not subjects and cue.relation in SYMMETRIC and v.dep_ == "acl" and v.tag_ == "VBN":
            # "the security agreement signed between the two neighbours": both sides of it
            pair = args.resolve_all(args.prep_objects(v, ("between",)))
            if len(pair) >= 2:
                out.append(_Cand(pair, cue.relation, [], "verb-symmetric", cue.precision, v.sent,
                                 context_of(v, self.lex), True))
            return
        if not subjects:
            return
        if cue.relation == "agreesWith" and any(o.head.lower_ in ("to", "with") and o.lemma_.lower() in
                                                self.lex.themes.get("demand", ()) for o in obj_toks):
            cue = replace(cue, relation="concedesTo")  # "agreed to the demands of Y": a concession to Y
        if cue.relation == "withdrawsFrom" and v.dep_ == "xcomp" and v.head.lemma_.lower() in _EXPELLING:
            # "Iraq ordered UN inspectors to leave", "gave the diplomats 72 hours to leave": an expulsion
            # (CAMEO 166, a sanction) unless those sent away are the orderer's own ("ordered its forces to ...")
            expellers = args.resolve_all(args.subject_tokens(v.head))
            own = set(expellers) | {t.holder for t in v.doc._.kg_titles or () if t.person in expellers}
            for k in expellers:  # a leader's or minister's own country
                entry = self.gaz.get(k) if self.gaz is not None and args.etype(k) == "Person" else None
                if entry is not None and entry.country:
                    own.add(entry.country)
            expelled = [k for k in subjects if k not in own]
            if expellers and expelled:
                out.append(_Cand(expellers, "sanctions", expelled, "verb", cue.precision, v.sent,
                                 context_of(v.head, self.lex)))
                return
        if cue.relation == "leaderOf":
            # "General X commands the Somali army": the head of a state's forces does not lead the state
            troops = self.lex.themes.get("troops", frozenset()) | {"military"}
            obj_toks = [o for o in obj_toks if o.pos_ != "NOUN" or o.lemma_.lower() not in troops]
        if cue.relation == "consultsWith" and not cue.preps:
            troops = self.lex.themes.get("troops", frozenset())
            obj_toks = [o for o in obj_toks if o.lemma_.lower() not in troops]  # "bases hosting US troops"
        if cue.relation == "supplies" and not obj_toks and not passive:
            # "delivered the first of 24 jets ordered by Venezuela": whoever ordered or bought the goods
            goods = [c for c in v.children if c.dep_ == "dobj"]
            goods += [x for g in goods for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                      for x in p.children if x.dep_ == "pobj"]
            obj_toks = [o for g in goods for a in g.children if a.dep_ == "acl" and a.tag_ == "VBN"
                        and a.lemma_.lower() in _BOUGHT for o in args.agents(a)]
            # "provided the aircraft that flew the Houthi negotiators out of Sanaa": whom the goods carried
            obj_toks += [o for g in goods for a in g.children if a.dep_ == "relcl" and a.lemma_.lower() in _CARRY
                         for o in args.direct_objects(a)]
        args.nonactors_ok = cue.relation in PEOPLE_AS_TARGET
        args.deep_pp = cue.relation not in NO_DEEP_PP
        args.titles_only = cue.relation in ("consultsWith",) and not cue.preps
        args.claim_clauses = cue.relation == "accuses"
        objects = args.resolve_all(obj_toks, area=area, deep=not area) if denied is None else []
        args.claim_clauses = False
        if cue.relation in PEOPLE_AS_TARGET and not area:
            objects = args.places_to_countries(objects)
        args.nonactors_ok, args.deep_pp, args.titles_only = False, True, False
        if v.dep_ == "acl" and obj_toks == [v.head]:
            objects = _before_participle(v, objects, args)
        if cue.relation == "consultsWith" and "to" in cue.preps and objects:
            # "spoke to reporters in Nairobi": speaking to a crowd or the press is no consultation
            told = set(args.resolve_all(args.prep_objects(v, ("to",))))
            objects = [k for k in objects if not (k in told and args.etype(k) == "Group")]
        if not objects and cue.relation == "mobilizesAgainst" and cue.theme:
            # "put its forces on high alert after India test-fired a missile", "called up reservists as
            # fighting with Azerbaijan intensified": a mobilisation answers whoever provoked it
            args.nonactors_ok = True
            objects = [k for k in args.resolve_all(_provokers(v, args, self._provoking)) if k not in subjects
                       and args.etype(k) != "Location"]
            args.nonactors_ok = False
        if rule == "verb-passive" and v.dep_ == "acl" and obj_toks == [v.head]:
            # "a move condemned by France and Germany": the head noun is not its own agents
            objects = [k for k in objects if k not in subjects]
        if not objects and cue.relation == "accuses" and v.lemma_.lower() in _INQUIRY and v.dep_ in (
                "advcl", "xcomp") and v.head.lemma_.lower() in _SEND:
            # "sent 20 experts to Burundi to investigate the killings": the place of the inquiry's host
            objects = [k for k in args.resolve_all(args.prep_objects(v.head, ("to",))) if k not in subjects]
            ctx = context_of(v.head, self.lex)  # sending the inquirers is the inquiry, not only its aim
        elif cue.relation == "accuses" and v.lemma_.lower() in _INQUIRY and v.dep_ in (
                "advcl", "xcomp", "relcl") and v.head.lemma_.lower() in _SEND | _ARRIVE:
            # "a UN team arrived in Congo to investigate massacres by Y": coming to inquire is inquiring
            ctx = context_of(v.head, self.lex)
        elif cue.relation == "accuses" and v.lemma_.lower() in _INQUIRY and v.dep_ in ("relcl", "acl") and (
                v.head.lemma_.lower() in _PANELS and v.head.dep_ == "dobj"
                and v.head.head.lemma_.lower() in _SEND | _FORMED):
            # "set up a commission to investigate abuses by Y": forming the inquiry is inquiring
            ctx = context_of(v.head.head, self.lex)
        elif cue.relation == "accuses" and v.lemma_.lower() in _INQUIRY and v.dep_ == "advcl" and (
                v.head.lemma_.lower() in _FORMED and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _PANELS for c in v.head.children)):
            ctx = context_of(v.head, self.lex)  # (the parser hangs the aim on the verb)
        else:
            ctx = context_of(v, self.lex)
        if (cue.relation == "consultsWith" and ctx.purpose and v.dep_ == "advcl" and not cue.preps
                and v.head.lemma_.lower() in _MOTION and not passive):
            # "flew to Florida to brief Y", "travelled to Cairo to meet Y": the trip's purpose is the meeting,
            # as sure as the trip ("will fly to Kampala to meet Y" is future, "did not travel" negated)
            trip = context_of(v.head, self.lex)
            ctx = replace(ctx, purpose=False, blocked=ctx.blocked or trip.blocked, negated=ctx.negated != trip.negated,
                          modality=trip.modality if ctx.modality == "asserted" else ctx.modality)
        if cue.relation == "threatens" and ctx.conditional and not ctx.negated:
            # "warned Y of open war if its warplanes struck ...": a threat is conditional by nature, and
            # whoever the condition is about is threatened too
            ctx = replace(ctx, blocked=False)
            objects = objects + [k for k in args.resolve_all(ctx.condition) if k not in objects and k not in subjects]
        if cue.relation == "supplies" and obj_toks and all(o.lemma_.lower() in _BORDERS for o in obj_toks):
            return  # "sent troops and tanks to its border with Y": no delivery to Y
        if cue.relation == "withdrawsFrom" and objects and all(args.etype(k) == "Location" for k in objects):
            # "withdrew its troops from Bunia in the Democratic Republic of Congo": the country the text
            # names (places the gazetteer locates were already replaced by their country above)
            places = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                      if o.dep_ == "pobj"]
            countries = [k for k in args.resolve_all(places) if args.etype(k) == "Country"]
            objects = objects + [k for k in dict.fromkeys(countries) if k not in subjects and k not in objects]
        if cue.direction == "rev":
            subjects, objects = objects, subjects
        if cue.direction == "mutual":
            # "X and Y clashed", "X clashed with Y": each side acts on the other
            pairs = ([(a, b) for a in subjects for b in objects] if objects else
                     [(a, b) for a in subjects for b in subjects if a != b])
            for a, b in pairs:
                out.append(_Cand([a], cue.relation, [b], rule, cue.precision, v.sent, context_of(v, self.lex)))
                out.append(_Cand([b], cue.relation, [a], rule, cue.precision, v.sent, context_of(v, self.lex)))
            return
        if not objects and cue.relation in _REACTIONS and not cue.preps:
            # "Russia and China criticized the attacks": the ones who carried them out, if said before;
            # "..., a charge Tehran has denied": the noun the clause hangs on is what was denied
            gap = denied[0] if denied is not None else None
            if not obj_toks and v.dep_ == "relcl" and not passive and v.head.pos_ == "NOUN":
                gap = v.head
                obj_toks = [gap]
            elif gap is None:
                # "..., a charge Khartoum denied": an object fronted before the subject is what the clause is about
                subj_i = min((c.i for c in v.children if c.dep_ == "nsubj"), default=-1)
                gap = next((t for t in obj_toks if t.i < subj_i and t.lemma_.lower() in _CLAIM_NOUNS), None)
            ref = next((t for t in obj_toks if self._event_ref(t, args, gap=gap is not None and t.i == gap.i)), None)
            if ref is not None and not any(p[5].i == ref.i and p[1].relation == cue.relation for p in self._pending):
                self._pending.append((subjects, cue, rule, v.sent, ctx, ref))
        if not objects and cue.relation == "rejects" and not cue.preps and not ctx.negated:
            # "Y asked that ..., a request that was turned down by X": X rejects the one who asked
            objects = self._summarised_act(obj_toks, subjects, args, v.sent, ctx, out)
        if cue.theme in ("troops", "peacekeepers", "alert") and cue.relation in ("mobilizesAgainst", "supplies"):
            self._deployment_aim(v, cue, subjects, objects, args, out)
        if not objects:
            if cue.relation in SYMMETRIC and len(subjects) > 1 and "^ccomp" not in cue.preps and not (
                    v.lemma_.lower() in self._wrap_keys and self._aimed(v, args)) and (
                    v.lemma_.lower() not in _THIRD_PARTY):  # co-hosts and co-mediators are not each other's party
                out.append(_Cand(subjects, cue.relation, [], "verb-symmetric", cue.precision, v.sent, ctx, True))
            return
        out.append(_Cand(subjects, cue.relation, objects, rule, cue.precision, v.sent, ctx))
        if (cue.relation == "supports" and ctx.modality == "future" and not ctx.negated
                and any(t.lemma_.lower() in self.lex.themes.get("proposal", ()) for t in obj_toks)):
            # "will support Y's resolution": agreeing to Y's proposal (the support stays a fact)
            out.append(_Cand(subjects, "agreesWith", objects, "future-intent", cue.precision, v.sent,
                             replace(ctx, modality="intent")))
        if cue.relation in ("requests", "accuses") and self._protest_purpose(v, args):
            # "continued their hunger strike to demand Y's resignation", "demonstrated, calling for ... from Y",
            # "rallied in Sana'a to denounce the American-British aggression"
            out.append(_Cand(subjects, "protestsAgainst", objects, rule, cue.precision, v.sent, ctx))
        if ctx.negated and (not ctx.blocked or ctx.cannot) and not ctx.wrappers and v.lemma_.lower() in _REFUSED_WHEN_NEGATED and (
                cue.relation in ("agreesWith", "concedesTo")):
            # "Turkey will not accept Greece's proposal", "did not agree to Y's demands": a rejection of Y
            out.append(_Cand(subjects, "rejects", objects, rule, cue.precision, v.sent,
                             replace(ctx, negated=False, blocked=False)))

    def _joint_thing(self, n, args: ArgResolver, out: list[_Cand]) -> None:
        """"Russia and Turkey began building a joint gas pipeline", "set up a joint company with Y": whoever
        makes, runs or holds a joint thing together cooperates (nouns with cues of their own speak for themselves)."""
        top = n
        while top.dep_ == "conj" and top.head is not top:
            top = top.head
        if top.dep_ not in ("dobj", "nsubjpass") or top.head.pos_ not in _VERB_POS:
            return
        gov = top.head
        glemma = gov.lemma_.lower()
        prts = {c.lower_ for c in gov.children if c.dep_ == "prt"}
        if any(not c.particle or c.particle in prts for c in self.lex.verbs.get(glemma, ())) or glemma in self.lex.speech:
            return  # "condemned the joint statement": the verb's own cue speaks ("set off" is no "set up")
        if top.dep_ == "nsubjpass":
            sides = args.resolve_all(args.agents(gov))
        else:
            sides = args.resolve_all(args.subject_tokens(gov, logical_passive=True))
        others = [k for k in args.resolve_all(args.prep_objects(n, ("with", "between")) + args.prep_objects(gov, ("with",)))
                  if k not in sides]
        ctx = context_of(gov, self.lex)
        if others and sides:
            out.append(_Cand(sides, "cooperatesWith", others, "noun-light", 0.7, n.sent, ctx))
        elif len(sides) > 1:
            out.append(_Cand(sides, "cooperatesWith", [], "noun-light", 0.7, n.sent, ctx, True))

    def _under_inquiry(self, n, args: ArgResolver, out: list[_Cand]) -> None:
        """"Iraq is under investigation by the IAEA", "X, under investigation by Y, ...": Y inquires into X."""
        gov = n.head.head
        inquirers = [o for p in n.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
                     if o.dep_ == "pobj"]
        inquirers += [o for p in gov.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > n.i
                      for o in p.children if o.dep_ == "pobj"]
        if gov.pos_ in _VERB_POS:
            targets = args.subject_tokens(gov)
        elif gov.pos_ in _NOUN_POS:
            targets = [gov]
        else:
            return
        subjects = args.resolve_all(inquirers)
        objects = [k for k in args.resolve_all(targets) if k not in subjects]
        if subjects and objects:
            out.append(_Cand(subjects, "accuses", objects, "noun", 0.75, n.sent, context_of(gov, self.lex)))

    def _admitted(self, resp, args: ArgResolver, out: list[_Cand]) -> None:
        """"NATO acknowledged responsibility for the bombing of the Chinese embassy": admitting a wrong done
        to Y concedes to Y (CAMEO 08 'admit wrongdoing')."""
        v = resp.head
        acts = [o for p in resp.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
        if not acts:
            return
        subjects = args.resolve_all(args.subject_tokens(v))
        args.nonactors_ok = True
        victims = []
        for a in acts:
            for cue in self.lex.nouns.get(a.lemma_.lower(), ()):
                if cue.relation in HOSTILE | {"attacks"}:
                    victims += args.resolve_all(args.prep_objects(a, cue.preps + ("of",)))
        victims = [k for k in args.places_to_countries(victims) if k not in subjects]
        args.nonactors_ok = False
        if subjects and victims:
            out.append(_Cand(subjects, "concedesTo", victims, "verb", 0.75, v.sent, context_of(v, self.lex)))

    def _allowed_in(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """"China allowed the Red Cross to visit prisons in Tibet": letting Y in to visit, inspect or monitor
        concedes to Y."""
        inner = [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _ADMITTED_ACTS]
        if not inner:
            return
        who = [c for c in v.children if c.dep_ == "dobj"] or [s for x in inner for s in x.children if s.dep_ == "nsubj"]
        subjects = args.resolve_all(args.subject_tokens(v))
        objects = [k for k in args.resolve_all(who) if k not in subjects]
        if subjects and objects:
            out.append(_Cand(subjects, "concedesTo", objects, "verb", 0.75, v.sent, context_of(v, self.lex)))

    def _deployment_aim(self, v, cue: VerbCue, subjects, objects, args: ArgResolver, out: list[_Cand]) -> None:
        """"sent troops to protect Serbs" aids the protected (CAMEO 074); "deployed troops to counter armed
        youths" mobilises against the countered. (A mobilisation that answers a provocation, "on alert after
        India test-fired a missile", is read in ``_verb`` through ``_provokers``.)"""
        if cue.relation != "mobilizesAgainst" and cue.theme != "peacekeepers":
            return
        ctx = context_of(v, self.lex)
        for a in v.children:
            if a.dep_ not in ("advcl", "relcl") and not (a.dep_ == "xcomp" and a.tag_ == "VB"):
                continue
            if a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _PROVOKING for m in a.children):
                continue
            if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in a.children):
                continue
            lemma = a.lemma_.lower()
            args.nonactors_ok = True
            targets = [k for k in args.resolve_all(args.direct_objects(a)) if k not in subjects]
            args.nonactors_ok = False
            if not targets:
                continue
            if lemma in _PROTECT:
                out.append(_Cand(subjects, "supplies", targets, "verb", 0.7, v.sent, ctx))
            elif cue.relation == "mobilizesAgainst" and (lemma in _COUNTER or any(
                    c.relation == "attacks" for c in self.lex.verbs.get(lemma, ()))):
                out.append(_Cand(subjects, "mobilizesAgainst", targets, "verb", 0.7, v.sent, ctx))

    def _noun_applies(self, n) -> bool:
        """Does some cue of noun ``n`` apply given its modifiers ("joint team" does, "rescue team" does not)?"""
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("amod", "compound")}
        return any(not c.modifiers or c.modifiers & mods for c in self.lex.nouns.get(n.lemma_.lower(), ()))

    def _crowd_subject(self, v, args: ArgResolver) -> bool:
        """Is the subject of ``v`` a group of people or an organisation (not a state, its forces or police)?"""
        args.acting_subject = True
        keys = args.resolve_all(args.subject_tokens(v), deep=False)
        args.acting_subject = False
        return bool(keys) and all(args.etype(k) in ("Group", "Organization") for k in keys)

    def _provoking(self, tok) -> bool:
        """Is ``tok`` a hostile deed or a threat a mobilisation may answer ("test-fired", "fighting", "threat",
        "imposed sanctions", "carried out strikes": a verb whose object is one)?"""
        hostile = COERCIVE | {"threatens"}

        def deed(t) -> bool:
            lemma = t.lemma_.lower()
            return lemma in _PROVOCATIONS or any(c.relation in hostile for c in self.lex.verbs.get(lemma, ())) or any(
                c.relation in hostile for c in self.lex.nouns.get(lemma, ()))

        return deed(tok) or (tok.pos_ in _VERB_POS and any(c.dep_ == "dobj" and deed(c) for c in tok.children))

    def _themed_relations(self, v, cues) -> set:
        """The relations of a verb's rows whose object theme the verb's object has: such a row replaces
        the verb's plain direct-object rows of other relations ("banned imports of Y's beef" -> sanctions,
        not coerces; "seized a British tanker" -> coerces, not controls)."""
        return {c.relation for c in cues if c.theme and c.theme[0] not in "^+" and self._has_theme(v, c.theme)}

    def _subject_theme(self, v, theme: str, args: ArgResolver) -> bool:
        """Is the verb's (logical) subject one of the theme's nouns ("the last Russian troops left Y")?"""
        words = self.lex.themes.get(theme, frozenset())
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] or args.subject_tokens(v)
        return any(t.lemma_.lower() in words or t.lower_ in words for s in subj
                   for t in (s, *(c for c in s.children if c.dep_ in ("compound", "conj"))))

    def _summarised_act(self, obj_toks, subjects, args: ArgResolver, sent, ctx, out: list[_Cand]) -> list[str]:
        """ "Y asked that the raid be called off, a request that was turned down by X", "Y accused Z of ...,
        a charge X denied": a noun set off by a comma after a clause sums up that clause's act; whoever
        rejects it rejects the clause's subject (and a turned-down request was made to the rejecter)."""
        for t in obj_toks:
            if t.lower_ in ("that", "which") and t.head.dep_ == "relcl":
                t = t.head.head  # "an offer that Togo turned down"
            lemma = t.lemma_.lower()
            if t.pos_ != "NOUN" or lemma not in _SUMMARY_NOUNS:
                continue
            det = next((c for c in t.children if c.dep_ == "det"), None)
            first = det if det is not None and det.i == t.i - 1 else t
            if first.i < 1 or t.doc[first.i - 1].text != ",":
                continue
            # the nearest clause above the noun whose subject is an actor ("Kenya demanded that the talks
            # be moved to Nairobi, a request ...": Kenya, not the talks)
            clause, actors = None, []
            for a in t.ancestors:
                if a.pos_ in _VERB_POS and a.i < t.i and a.tag_ != "VBG" and any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
                    actors = [k for k in args.resolve_all(args.subject_tokens(a)) if k not in subjects]
                    if actors:
                        clause = a
                        break
            if clause is None:
                continue
            if lemma in _PRESSURE and any(c.relation == "requests" for c in self.lex.verbs.get(clause.lemma_.lower(), ())):
                out.append(_Cand(actors, "requests", subjects, "summary", 0.8, sent, ctx))
            return actors
        return []

    def _armed(self, toks, args: ArgResolver) -> bool:
        """Are these subjects armed men ("troops", "rebels") or an armed actor by name (a state, a group)?"""
        words = self.lex.themes.get("troops", frozenset()) | self.lex.themes.get("fighters", frozenset())
        toks = [c for t in toks for c in conjuncts(t)]
        if not toks:
            return False
        for t in toks:
            if t.lemma_.lower() in words or t.lower_ in words:
                continue
            key = args.te.get(t.i)
            if key is None or args.kind.get(t.i) not in ("name", "alias") or args.etype(key) not in (
                    "Country", "ArmedGroup"):
                return False
        return True

    def _is_protest_noun(self, n) -> bool:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("amod", "compound")}
        return any(c.relation == "protestsAgainst" and (not c.modifiers or c.modifiers & mods)
                   for c in self.lex.nouns.get(n.lemma_.lower(), ()))

    def _protest_purpose(self, v, args: ArgResolver) -> bool:
        """Is the demand ``v`` the purpose or manner of a protest ("a hunger strike to demand ...",
        "marched calling for ...")?"""
        if v.dep_ not in ("advcl", "relcl", "acl", "xcomp", "conj") or v.head is v:
            return False
        h = v.head
        if h.pos_ in _NOUN_POS:
            return self._is_protest_noun(h)
        protest_cues = [c for c in self.lex.verbs.get(h.lemma_.lower(), ()) if c.relation == "protestsAgainst"]
        if protest_cues:
            # "rallied support for Cuba, calling ...": an intransitive protest verb with an object is no protest
            return not (all(c.preps for c in protest_cues) and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self._noun_keys and not self._is_protest_noun(c)
                for c in h.children))
        if any(p.dep_ == "prep" and p.lower_ == "on" and any(o.lemma_.lower() == "strike" for o in p.children)
               for p in h.children):
            return True  # "went on strike to demand better pay from Y"
        street = h.lemma_.lower() == "take" and any(  # "took to the streets to denounce Y"
            p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() == "street" for o in p.children)
            for p in h.children)
        if (street or h.lemma_.lower() in self.lex.themes.get("protestact", ())) and self._crowd_subject(h, args):
            return True  # "coca growers blocked the highway to press the government to ..."
        return any(c.dep_ == "dobj" and self._is_protest_noun(c) for c in h.children)

    def _attack_agents(self, v) -> list:
        """"three soldiers were wounded in an ambush by Y", "killed in an airstrike by Y": the attack's agent."""
        out = []
        for p in v.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "during"):
                for n in p.children:
                    if n.dep_ == "pobj" and any(c.relation == "attacks" for c in self.lex.nouns.get(n.lemma_.lower(), ())):
                        out += [o for b in n.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                                for o in b.children if o.dep_ == "pobj"]
        return out

    def _capability(self, adj, args: ArgResolver, out: list[_Cand]) -> None:
        """"X has trained hackers capable of launching cyber warfare against Y", "X deployed missiles capable
        of hitting Y": building a capability to strike Y is a mobilisation against Y (event data MOBILIZE)."""
        acts = [g for p in adj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                if g.dep_ == "pcomp" and g.pos_ in _VERB_POS]
        for g in acts:
            lemma = g.lemma_.lower()
            hostile = any(c.relation == "attacks" for c in self.lex.verbs.get(lemma, ()))
            if not hostile and lemma in self.lex.light:
                hostile = any(c.relation == "attacks" for o in args.direct_objects(g)
                              for c in self.lex.nouns.get(o.lemma_.lower(), ()))
            if not hostile:
                continue
            args.nonactors_ok = True
            targets = args.resolve_all(args.objects(g, ("against", "on", "at")) + (
                args.direct_objects(g) if lemma not in self.lex.light else []))
            args.nonactors_ok = False
            if adj.dep_ == "amod":
                owner = adj.head
                if owner.i in args.te:
                    subj_toks, gov = [owner], owner
                elif owner.dep_ in ("dobj", "nsubjpass") and owner.head.pos_ in _VERB_POS:
                    gov = owner.head
                    subj_toks = args.subject_tokens(gov) if owner.dep_ == "dobj" else args.agents(gov)
                else:
                    continue
            elif adj.dep_ == "acomp":
                gov = adj.head
                subj_toks = args.subject_tokens(gov)
            else:
                continue
            subjects = args.resolve_all(subj_toks)
            targets = [t for t in targets if t not in subjects]
            if subjects and targets:
                out.append(_Cand(subjects, "mobilizesAgainst", targets, "capability", 0.75, adj.sent,
                                 context_of(gov, self.lex)))

    def _refusal_told(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """"Iran will not suspend enrichment, Larijani told EU envoy Solana": a refusal told to the addressee
        (not a promise to refrain from a hostile act: "Kenya will not attack Y, X told Z")."""
        addressees = args.resolve_all([c for c in v.children if c.dep_ in ("dobj", "dative")])
        if not addressees:
            return
        for cl in (c for c in v.children if c.dep_ == "ccomp" and c.pos_ in _VERB_POS):
            if not _is_neg(cl) or not any(a.dep_ == "aux" and a.lower_ in ("will", "wo", "would", "shall")
                                         for a in cl.children):
                continue
            refusers = args.resolve_all(args.subject_tokens(cl), deep=False)
            acted_on = args.resolve_all(args.direct_objects(cl) + args.objects(cl, ("to", "on", "against", "with")))
            if any(k not in refusers for k in acted_on):
                continue  # "Kenya will not attack Somalia, X told Z": an act forgone towards someone, no refusal
            targets = [k for k in addressees if k not in refusers]
            if refusers and targets:
                out.append(_Cand(refusers, "rejects", targets, "verb", 0.7, v.sent, Context(modality="refused")))

    def _conditional_refusal(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """"X will not rejoin the talks as long as Y maintains sanctions", "will not return to the table
        unless Y ...", "will not take part in any conference that includes Y": a refusal aimed at Y."""
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "would", "shall") for c in v.children):
            return
        if v.lemma_.lower() == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in v.children):
            return
        clauses = [c for c in v.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("unless", "until", "till") for m in c.children)]
        clauses += [c for a in v.children if a.dep_ == "advmod" and a.lower_ == "long" for c in a.children
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
        toks = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
        # the meeting refused is one that includes Y
        meets = [o for c in v.children if c.dep_ in ("dobj", "prep") for o in ([c] if c.dep_ == "dobj" else
                 [x for x in c.children if x.dep_ == "pobj"])]
        toks += [x for m in meets for r in m.children if r.dep_ == "relcl" and r.lemma_.lower() in _INCLUDING
                 for x in r.children if x.dep_ == "dobj"]
        subjects = args.resolve_all(args.subject_tokens(v))
        targets = [k for k in args.resolve_all(toks, deep=False) if k not in subjects]
        if subjects and targets:
            out.append(_Cand(subjects, "rejects", targets, "verb", 0.75, v.sent, Context(modality="refused")))

    def _at_request(self, n, args: ArgResolver, out: list[_Cand]) -> None:
        """"the Council met at the request of Y", "a session convened at Y's request": Y asked for it,
        of whoever acts (or of the body whose meeting it is)."""
        requesters = args.resolve_all(args.noun_owner(n) + args.prep_objects(n, ("of", "by", "from")))
        if not requesters:
            return
        h = n.head.head
        if h.pos_ in _VERB_POS:
            if h.dep_ == "acl" and h.tag_ == "VBN":
                asked = [h.head]  # "a session convened at Y's request"
            elif args.is_passive(h):
                asked = args.agents(h)
            elif h.dep_ == "advcl" and h.tag_ in ("VBD", "VBN") and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
                # "... a session of the Council convened at Y's request": a reduced relative the parser
                # hung on the main verb; the noun before it is what convened
                prev = h.doc[h.i - 1]
                asked = [prev] if prev.pos_ in ("NOUN", "PROPN") else []
            else:
                asked = args.subject_tokens(h)  # not its object: "arrested Z at Y's request"
        elif h.pos_ in _NOUN_POS:
            asked = [h]  # "an emergency meeting at the request of Y"
        else:
            return
        asked_keys = [k for k in args.resolve_all(asked) if k not in requesters]
        if asked_keys:
            out.append(_Cand(requesters, "requests", asked_keys, "noun", 0.8, n.sent, Context()))

    def _defiance(self, n, args: ArgResolver, out: list[_Cand]) -> None:
        """"X marched in defiance of Y": whoever acts in defiance of Y protests against Y."""
        v = n.head.head
        if v.pos_ not in _VERB_POS:
            return
        subjects = args.resolve_all(args.subject_tokens(v))
        objects = args.resolve_all([o for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for o in p.children if o.dep_ == "pobj"])
        objects = [o for o in objects if o not in subjects]
        if subjects and objects:
            out.append(_Cand(subjects, "protestsAgainst", objects, "noun", 0.8, v.sent, context_of(v, self.lex)))

    def _protest_at_mission(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """"Farmers hurled eggs at the American embassy", "activists chained themselves to the gates of the
        French embassy", "rallied outside the Chinese consulate": a crowd's protest act at a country's
        diplomatic mission is a protest against that country."""
        missions = self.lex.themes.get("embassy", frozenset())
        if args.is_passive(v):
            # "the Chinese embassy was besieged by angry Vietnamese protesters"
            found = [o for o in v.children if o.dep_ == "nsubjpass" and o.lemma_.lower() in missions]
            crowd = args.resolve_all(args.agents(v), deep=False)
            if found and crowd and all(args.etype(k) in ("Group", "Organization") for k in crowd):
                args.nonactors_ok = True
                objects = [k for k in args.resolve_all(found) if args.etype(k) in ("Country", "Organization")
                           and k not in crowd]
                args.nonactors_ok = False
                if objects:
                    out.append(_Cand(crowd, "protestsAgainst", objects, "verb-passive", 0.75, v.sent,
                                     context_of(v, self.lex)))
            return
        if not self._crowd_subject(v, args):
            return
        # "stoned / picketed the US embassy"
        found = [o for o in v.children if o.dep_ == "dobj" and o.lemma_.lower() in missions]
        for p in v.children:
            if p.dep_ != "prep" or p.lower_ not in ("at", "outside", "to", "toward", "towards", "near", "before", "in"):
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                if p.lower_ == "in" and o.lemma_.lower() != "front":
                    continue
                # "the gates of the embassy", "in front of the embassy"
                targets = [o] + [x for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
                                 for x in q.children if x.dep_ == "pobj"]
                found += [t for t in targets if t.lemma_.lower() in missions]
        if not found:
            return
        args.nonactors_ok = True
        objects = [k for k in args.resolve_all(found) if args.etype(k) in ("Country", "Organization")]
        args.nonactors_ok = False
        subjects = args.resolve_all(args.subject_tokens(v))
        objects = [k for k in objects if k not in subjects]
        if subjects and objects:
            out.append(_Cand(subjects, "protestsAgainst", objects, "verb", 0.75, v.sent, context_of(v, self.lex)))

    def _jointly(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """"X and Y began jointly building a pipeline": acting jointly is cooperating (when the verb
        names no relation of its own)."""
        lemma = v.lemma_.lower()
        if lemma in self._verb_keys or lemma in self.lex.speech or lemma in self.lex.light or lemma in self.lex.wrappers:
            return  # "jointly announced", "jointly vetoed": each side's own act
        subjects = args.resolve_all(args.subject_tokens(v, logical_passive=True))
        if len(subjects) > 1:
            out.append(_Cand(subjects, "cooperatesWith", [], "verb-symmetric", 0.75, v.sent,
                             context_of(v, self.lex), True))

    def _event_ref(self, t, args: ArgResolver, gap: bool = False) -> bool:
        """Is ``t`` a definite mention of an act told before ("the strikes", "the measure", "this move"),
        or (``gap``) the noun a relative clause is about ("a charge Tehran denied")?"""
        if t.pos_ not in _NOUN_POS or not (gap or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)):
            return False
        owner = args.noun_owner(t)
        if owner and args.resolve_all(owner):
            return False  # "Israel's strikes" names its actor
        lemma = t.lemma_.lower()
        return lemma in _GENERIC_ACTS or any(c.relation in EVENT_RELATIONS for c in self.lex.nouns.get(lemma, ()))

    def _event_references(self, cands: list[_Cand]) -> None:
        """Resolve "criticized the attacks" to the actors of the latest matching act in the 3 sentences before."""
        for subjects, cue, rule, sent, ctx, ref in self._pending:
            lemma = ref.lemma_.lower()
            wanted = {c.relation for c in self.lex.nouns.get(lemma, ()) if c.relation in EVENT_RELATIONS}
            wanted = (wanted or _GENERIC_ACTS.get(lemma, COERCIVE)) & _REFERRED[cue.relation]
            earlier = [c for c in cands if c.relation in wanted and not c.ctx.negated and not c.ctx.blocked
                       and c.sent.start <= sent.start and not set(c.subjects) & set(subjects)
                       and (c.relation != "accuses" or cue.relation != "rejects" or set(c.objects) & set(subjects))]
            if not earlier:
                continue
            # the act named with the same word ("the strikes" -> "... struck ..."), else the first one
            # told: reactions in news copy answer the lead event, not the retaliation reported since
            # (a word told anew: "the raids" in a sentence that only refers back again names no act there)
            named = [c for c in earlier if _names_act(c.sent, lemma[:5])]
            if wanted == {"agreesWith"}:
                # "rejected the maritime deal": the deal just told, named so, in this or the sentence before
                near = [c for c in named if c.sent.start >= _sent_back(sent, 1)]
                if not near:
                    # ... or the one told earlier with the same modifier ("a maritime boundaries agreement
                    # the GNA signed with Turkey" ... "rejected the maritime deal")
                    mods = [c.lower_ for c in ref.children if c.dep_ in ("amod", "compound")
                            and c.pos_ in ("ADJ", "NOUN") and c.lower_ not in _VAGUE_MODS]
                    near = [c for c in earlier if mods and any(x in c.sent.text.lower().split() for x in mods)]
                if not near:
                    # ... or the agreement told in this or the sentence before under another name ("signed a
                    # memorandum of understanding with Y. Mogadishu condemned the deal")
                    accords = self.lex.themes.get("accord", frozenset())
                    if lemma in _GENERIC_ACCORDS:
                        near = [c for c in earlier if c.sent.start >= _sent_back(sent, 1)
                                and any(t.lemma_.lower() in accords for t in c.sent)]
                if not near:
                    continue
                first = max(near, key=lambda c: c.sent.start)
            else:
                first = min(named or earlier, key=lambda c: c.sent.start)
            parties = first.subjects + (first.objects if first.relation == "agreesWith" else [])
            objects = [k for k in dict.fromkeys(parties) if k not in subjects]
            if objects:
                cands.append(_Cand(subjects, cue.relation, objects, "event-reference", cue.precision * 0.9,
                                   sent, ctx))

    def _hostile_act(self, w) -> bool:
        """Is the infinitive under ``w`` a punitive act ("ready to attack", "prepared to impose sanctions")?"""
        for x in (c for c in w.children if _wrapped(c)):
            if x.lemma_.lower() in _LIFTING:
                continue  # "ready to lift sanctions on Y": ending a punitive act is no threat
            words = {c.lower_ for c in x.children}
            # "open negotiations" is not "open fire": a cue with a particle needs that word
            rels = {c.relation for c in self.lex.verbs.get(x.lemma_.lower(), ())
                    if (not c.particle or c.particle in words) and (not c.theme or self._has_theme(x, c.theme))
                    and (c.relation != "mobilizesAgainst" or not c.preps or self._aimed_by(x, c.preps))}
            for o in x.children:
                if o.dep_ == "dobj":
                    rels |= {c.relation for c in self.lex.nouns.get(o.lemma_.lower(), ())}
            if rels & (COERCIVE | {"threatens"}) and not rels & {"supports", "supplies", "cooperatesWith",
                                                                  "consultsWith", "agreesWith"}:
                return True
        return False

    def _hostile_wrapped(self, w) -> bool:
        """Is the act under ``w`` one against someone (criticise, condemn, sanction, attack), so that
        refusing it spares them rather than rejects them?"""
        against = {"accuses", "attacks", "sanctions", "coerces", "threatens", "protestsAgainst", "rejects",
                   "mobilizesAgainst"}
        for x in (c for c in w.children if _wrapped(c)):
            rels = {c.relation for c in self.lex.verbs.get(x.lemma_.lower(), ())}
            rels |= {c.relation for o in x.children if o.dep_ == "dobj" for c in self.lex.nouns.get(o.lemma_.lower(), ())}
            if rels and rels <= against:
                return True
        return False

    @staticmethod
    def _aimed_by(x, preps) -> bool:
        """Has the act ``x`` an object through one of the cue's prepositions ("send troops to the border
        with Y", not "send troops to Y")?"""
        plain = tuple(p.split("@")[0] for p in preps if not p.startswith("^"))
        hosts = [x, *(c for c in x.children if c.dep_ == "dobj")]
        return bool(_prep_kind([o for h in hosts for o in ArgResolver.prep_objects(h, plain)], preps))

    def _aimed(self, w, args: ArgResolver) -> bool:
        """Does the act a wrapper introduces have a target ("agreed to address Turkey's concerns")?"""
        return any(args.resolve_all(_act_targets(x, args)[0]) for x in w.children if _wrapped(x))

    def _has_theme(self, v, theme: str) -> bool:
        if theme.startswith("+"):
            # "+from": no noun class but a preposition the verb must carry ("suspended Y from its councils");
            # "+as:blame": one whose object is of a class ("described the raid as a provocation")
            preps, _, cls = theme[1:].partition(":")
            if preps.startswith("="):
                # "+=oprd:blame": a complement of that dependency ("called the visit a provocation")
                words = self.lex.themes.get(cls, frozenset())
                return any(t.lemma_.lower() in words for c in v.children if c.dep_ == preps[1:]
                           for t in (c, *(x for x in c.children if x.dep_ in ("compound", "amod"))))
            pps = [c for c in v.children if c.dep_ == "prep" and c.lower_ in preps.split("|")]
            if cls:  # "described [the violation ... as a provocation]": the parser may hang "as" on the object
                pps += [c for o in v.children if o.dep_ == "dobj" for c in o.children
                        if c.dep_ == "prep" and c.lower_ in preps.split("|")]
            if not cls:
                return bool(pps)
            words = self.lex.themes.get(cls, frozenset())
            return any(t.lemma_.lower() in words or t.lower_ in words for p in pps for o in p.children
                       if o.dep_ == "pobj" for t in (o, *(c for c in o.children if c.dep_ in ("compound", "amod"))))
        words = self.lex.themes.get(theme, frozenset())
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs:
            objs = _relative_gap(v)[:1]  # "an agreement the GNA signed with Turkey"
        if not objs and v.dep_ == "acl" and v.tag_ == "VBN":
            objs = [v.head]  # "a deal reached with the SDF"
        objs += [x for o in list(objs) for x in o.children if x.dep_ == "conj"]  # "rescue teams and tonnes of relief"
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head not in objs:
            objs.append(v.head)  # "a missile fired by Y towards Z"
        objs += [o for p in v.children if p.dep_ == "prep" and p.lower_ in ("with", "as") for o in p.children
                 if o.dep_ == "pobj"]  # "threatened Y with arrest", "used civilians as human shields"
        # "dozens of rockets", "a shipment of arms"
        objs += [x for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                 for x in p.children if x.dep_ == "pobj"]
        for o in objs:
            for t in [o, *(c for c in o.children if c.dep_ in ("compound", "amod", "conj"))]:
                if t.lemma_.lower() in words or t.lower_ in words:
                    return True
        return False

    def _noun(self, n, cues: list[NounCue], args: ArgResolver, out: list[_Cand]) -> None:
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("amod", "compound")}
        top = n
        while top.dep_ == "conj" and top.head is not top:
            top = top.head
        gov = top.head.lemma_.lower() if top.dep_ in ("dobj", "nsubjpass", "attr") else ""
        lit = [c for c in cues if c.light and gov in c.light]
        cues = lit or [c for c in cues if not c.light]
        chosen = [c for c in cues if c.modifiers and c.modifiers & mods]
        # a modified row ("military support" -> supplies) replaces the plain rows it shares a
        # preposition with; plain rows for other prepositions still apply ("military drills around Y")
        taken = {p for c in chosen for p in c.preps}
        chosen += [c for c in cues if not c.modifiers and not (set(c.preps) & taken)]
        for cue in chosen:
            words = cue.lemma.split()
            if len(words) > 1 and words[0] not in mods:
                continue
            if cue.kind == "agent":
                self._agent_noun(n, cue, args, out)
            else:
                self._event_noun(n, cue, args, out)

    def _event_noun(self, n, cue: NounCue, args: ArgResolver, out: list[_Cand]) -> None:
        area = cue.relation in _AREA_RELATIONS
        if n.dep_ == "compound" and n.head.pos_ == "NOUN" and n.head.i > n.i:
            # "a mediation mission between X and Y", "peace talks with Y": the phrase's head carries it
            if n.head.lemma_.lower() in self._noun_keys:
                return  # the head is a cue itself ("aid deliveries"): let it speak
            n = n.head
        # the noun phrase's governing verb: climb conjunctions ("airstrikes and raids")
        top = n
        for _ in range(4):
            if top.dep_ == "conj" and top.head is not top:
                top = top.head
            elif (top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN"
                  and top.head.head.lemma_.lower() in _QUANTITY | _MESSAGES):
                top = top.head.head
            else:
                break
        light = None
        if top.dep_ in ("dobj", "nsubjpass") and top.head.lemma_.lower() in _STOPPING:
            return  # "halted its mediation between X and Y": no mediation; the verb's own cue speaks
        if _requested(top) and cue.relation != "requests":
            # "demanded Russia's withdrawal", "called for talks with Y": asked for, not done (but "sought a
            # loan from Y" is the asking itself)
            return
        if any(c.dep_ == "amod" and c.lower_ in _UNREALISED for c in n.children):
            return  # "a possible Turkish offensive against Y", "the planned talks with Y": not (yet) done
        if top.dep_ in ("dobj", "attr", "nsubjpass") and top.head.pos_ in _VERB_POS:
            lv = top.head
            lemma = lv.lemma_.lower()
            if lemma in self.lex.light or lemma in cue.light:
                # the light column names light verbs of this noun only ("called a general strike")
                light = (lv, self.lex.light.get(lemma, "fwd"))
        elif (top.dep_ == "pobj" and top.head.lower_ == "for" and top.head.head.lemma_.lower() == "responsibility"
              and top.head.head.dep_ == "dobj" and top.head.head.head.pos_ in _VERB_POS):
            light = (top.head.head.head, "fwd")  # "Al-Shabaab claimed responsibility for the attack on Y"
        elif (top.dep_ == "pobj" and top.head.lower_ in ("in", "into") and top.head.head.pos_ in _VERB_POS
              and top.head.dep_ == "prep"):
            light = (top.head.head, "fwd")  # "engaged in ethnic cleansing against", "in protest against"
        elif (top.dep_ == "pobj" and top.head.lower_ == "in" and top.head.dep_ == "prep" and cue.relation == "protestsAgainst"
              and not any(c.dep_ == "det" for c in top.children)
              and (gov := next((a for a in top.head.ancestors if a.pos_ in _VERB_POS), None)) is not None):
            light = (gov, "fwd")  # "stayed away from classes in protest at Y": the idiom hung on a noun
        elif (top.dep_ == "pobj" and top.head.lower_ in ("for", "after", "during", "following", "at")
              and top.head.dep_ == "prep" and top.head.head.pos_ in _VERB_POS and cue.relation == "consultsWith"
              and not any(c.dep_ == "prep" and c.lower_ == "between" for c in n.children)):
            # (not "closed its border after talks between Y and Z": the talks were others')
            # "X and Y return to Geneva for talks", "flew to Cairo for talks with Y",
            # "Yevkurov said after talks with Camara"
            light = (top.head.head, "fwd")
        elif (top.dep_ == "pobj" and top.head.lower_ == "for" and top.head.dep_ == "prep"
              and cue.relation == "protestsAgainst" and top.head.head.pos_ in _VERB_POS
              and top.head.head.lemma_.lower() in self.lex.themes.get("gathering", ())):
            light = (top.head.head, "fwd")  # "thousands gathered for a rally against Y"
        if (light is None and top.dep_ == "dobj" and top.head.lower_ == "following" and top.head.dep_ in ("prep", "advcl")
                and top.head.head.pos_ in _VERB_POS and cue.relation == "consultsWith"):
            # "told reporters following talks with Y": "following" parsed as a verb or gerund whose object the
            # talks are; they are the main verb's subject's
            light = (top.head.head, "fwd")
        if (light is None and top.dep_ == "pobj" and top.head.lower_ == "under" and top.head.dep_ == "prep"
                and top.head.head.lemma_.lower() == "come" and cue.relation in HOSTILE):
            light = (top.head.head, "rev")  # "came under heavy bombardment from Y": Y attacks the subject
        obj_toks = args.prep_objects(n, cue.preps)
        if not obj_toks:
            # "a suspension of air links with Serbia", "deliveries of weapons to Iraq"
            for o in args.prep_objects(n, ("of",)):
                obj_toks += args.prep_objects(o, cue.preps)
        if not obj_toks and cue.relation in ("requests", "accuses"):
            # "Baku's demand that Armenia amend its constitution": the subject of the that-clause is asked;
            # "claims by Western officials that Iran supplies ...": the one the claim is about is accused
            obj_toks = [s for c in n.children if c.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for s in c.children if s.dep_ == "nsubj"]
        if light and not obj_toks:
            obj_toks = args.prep_objects(light[0], cue.preps)
        if light and not obj_toks and cue.relation == "attacks":
            # "opened fire to disperse Y": the object of the act the attack serves
            obj_toks = [o for a in light[0].children if a.dep_ == "advcl" and a.tag_ == "VB"
                        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in a.children)
                        for o in args.direct_objects(a)]
        args.nonactors_ok = cue.relation in PEOPLE_AS_TARGET
        args.claim_clauses = cue.relation == "accuses"
        objects = args.resolve_all(obj_toks, area=area)
        if cue.relation in PEOPLE_AS_TARGET and not area:
            objects = args.places_to_countries(objects)
        args.nonactors_ok = args.claim_clauses = False
        if cue.relation == "accuses" and objects:
            # "filed a complaint with the UN Security Council": a body a complaint is lodged with is the forum
            forum = {o.i for h in (n, *([light[0]] if light else [])) for o in args.prep_objects(h, ("with", "to"))}
            objects = [k for k in objects if not (args.etype(k) == "Organization" and any(
                args.te.get(i) == k or k in args.resolve(n.doc[i]) for i in forum))]
        actor_toks = args.noun_owner(n)
        if not actor_toks and cue.relation in ("requests", "accuses"):
            # "claims by Western officials", "calls by the opposition": the agent of a verbal act
            actor_toks = args.prep_objects(n, ("by",))
        # "the fighting between the LNA, led by Haftar, and ...": a participle that is a cue of another
        # relation tells of something else than who did the act; a light verb of the noun for this relation
        # does not ("a general strike called by Y" is Y's)
        own_light = {v for c in self.lex.nouns.get(n.lemma_.lower(), ()) if c.relation == cue.relation for v in c.light}
        acl = [a for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN" and not (
            self.lex.verbs.get(a.lemma_.lower()) and all(
                c.relation != cue.relation for c in self.lex.verbs[a.lemma_.lower()])
            and a.lemma_.lower() not in own_light)]
        if not actor_toks and acl:
            # "the sanctions imposed by the EU on Iran"
            actor_toks = args.agents(acl[0])
            if not objects:
                # "a strike called by the opposition against Y": "against" often hangs on the agent
                objects = args.resolve_all(args.prep_objects(acl[0], cue.preps) + [
                    o for a in actor_toks for o in args.prep_objects(a, ("against",)) if "against" in cue.preps], area=area)
        if not actor_toks and cue.relation in ("withdrawsFrom", "mobilizesAgainst") and (
                n.dep_ in ("nsubj", "nsubjpass") or (n.dep_ == "dobj" and n.head.lemma_.lower() in _CARRIED_OUT)) and not any(
                c.relation in ("requests", "rejects", "threatens") for c in self.lex.verbs.get(n.head.lemma_.lower(), ())):
            # (told as done, not asked for: "called for the withdrawal of Russian troops" is a demand only)
            # "the withdrawal of Russian troops from Y", "the deployment of Chinese warships near Y"
            troops = self.lex.themes.get("troops", frozenset())
            actor_toks = [o for o in args.prep_objects(n, ("of",)) if o.lemma_.lower() in troops]
        actor_toks = [t for t in actor_toks if not set(args.resolve(t)) & set(objects)] or actor_toks
        if actor_toks and not args.resolve_all(actor_toks):
            actor_toks = []  # "its invasion" with an unresolved pronoun: the light verb's subject acts
        rule = "noun"
        ctx = None
        if light is not None:
            lv, direction = light
            if direction == "mutual":
                # "X and Y exchanged fire", "X exchanged accusations with Y": each side acts on the other
                sides = args.resolve_all(args.subject_tokens(lv))
                others = args.resolve_all(args.prep_objects(lv, ("with",)) or args.prep_objects(n, ("with",)))
                pairs = ([p for a in sides for b in others if a != b for p in ((a, b), (b, a))] if others else
                         [(a, b) for a in sides for b in sides if a != b])
                ctx = context_of(lv, self.lex)
                for a, b in pairs:
                    out.append(_Cand([a], cue.relation, [b], "noun-light", cue.precision, n.sent, ctx))
                return
            if direction == "rev":
                source = [o for h in (n, lv) for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                          for o in p.children if o.dep_ == "pobj"]
                recipients = args.resolve_all(args.subject_tokens(lv))
                sources = args.resolve_all(source) or args.resolve_all(actor_toks)
                if sources and recipients:
                    out.append(_Cand(sources, cue.relation, recipients, "noun-light", cue.precision, n.sent,
                                     context_of(lv, self.lex)))
                return
            if not actor_toks:
                if top.dep_ == "nsubjpass" or (args.is_passive(lv) and args.agents(lv)):
                    # "a boycott ... was launched by Saudi consumer groups (in protest at ...)"
                    actor_toks = args.agents(lv)
                else:
                    actor_toks = args.subject_tokens(lv, logical_passive=True)
                rule = "noun-light"
            ctx = context_of(lv, self.lex)
        args.acting_subject = rule == "noun-light" and cue.relation in EVENT_RELATIONS
        subjects = args.resolve_all(actor_toks)
        args.acting_subject = False
        if not subjects and cue.relation in SYMMETRIC and "between" in cue.preps and len(objects) > 1:
            # "cooperation between Tehran and Moscow": the parties pair up
            subjects, objects = objects, []
            rule = "noun"
        if not subjects and cue.relation == "attacks" and "between" in cue.preps:
            # "clashes between the Sudanese army and the RSF", "fighting between Israel and Hezbollah": both ways
            sides = args.resolve_all(args.prep_objects(n, ("between",)))
            if len(sides) == 2:
                ctx = context_of(n, self.lex, clause=False)
                a, b = sides
                out.append(_Cand([a], "attacks", [b], "noun", cue.precision, n.sent, ctx))
                out.append(_Cand([b], "attacks", [a], "noun", cue.precision, n.sent, ctx))
            return
        if not subjects:
            return
        if ctx is None:
            ctx = context_of(n, self.lex, clause=False)
        if not objects and cue.relation in COERCIVE and ctx.conditional and not ctx.negated:
            # "would resume the war if the government failed to withdraw": a threat to whoever the
            # condition is about (made a threat when the facts are read)
            objects = [k for k in args.resolve_all(ctx.condition) if k not in subjects]
        if not objects:
            if cue.relation in SYMMETRIC and len(subjects) > 1:
                out.append(_Cand(subjects, cue.relation, [], rule, cue.precision, n.sent, ctx, True))
            return
        out.append(_Cand(subjects, cue.relation, objects, rule, cue.precision, n.sent, ctx))

    def _agent_noun(self, n, cue: NounCue, args: ArgResolver, out: list[_Cand]) -> None:
        area = cue.relation in _AREA_RELATIONS
        obj_toks = [o for p in n.children if p.dep_ == "prep" and p.lower_ in cue.preps
                    for o in p.children if o.dep_ == "pobj"]
        objects = args.resolve_all(obj_toks, area=area)
        if not objects and cue.relation in ("memberOf", "affiliatedWith"):
            # "Turkey, a NATO member", "Al-Shabaab, an al-Qaeda affiliate": the organisation as a modifier
            objects = [args.te[c.i] for c in n.children if c.dep_ in ("compound", "nmod") and c.i in args.te]
        if not objects:
            return
        if n.dep_ == "attr" and n.head.pos_ in _VERB_POS or (
                n.dep_ == "dobj" and n.head.lemma_.lower() in _BEING):
            holder = args.subject_tokens(n.head)  # "X is a member of Y", "X forms the backbone of Y"
            ctx = context_of(n.head, self.lex)
        elif n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ in _VERB_POS:
            gov = n.head.head  # "Ankara regards the YPG as a branch of the PKK", "served as an ally of Y"
            holder = args.direct_objects(gov) or args.subject_tokens(gov)
            ctx = context_of(gov, self.lex)
        elif n.dep_ == "appos":
            holder = [n.head]
            ctx = context_of(n.head, self.lex, clause=False)
        elif any(c.dep_ == "appos" for c in n.children):
            holder = [c for c in n.children if c.dep_ == "appos"]
            ctx = context_of(n, self.lex, clause=False)
        else:
            return
        subjects = args.resolve_all(holder, deep=False)
        if subjects:
            rule = "capital" if cue.relation == "locatedIn" else "noun-agent"
            out.append(_Cand(subjects, cue.relation, objects, rule, cue.precision, n.sent, ctx))

    def _wrapper(self, w, args: ArgResolver, out: list[_Cand]) -> None:
        wrapper = self.lex.wrappers[w.lemma_.lower()]
        if not wrapper.relation:
            return
        args.acting_subject = wrapper.relation in EVENT_RELATIONS
        if w.pos_ in _NOUN_POS:  # "Ankara's refusal to open its ports to Cypriot ships"
            if w.dep_ in ("dobj", "nsubjpass") and w.head.lemma_.lower() in _SPURNING:
                return  # "rejected a Commonwealth offer to mediate": the rejection is the fact
            subjects = args.resolve_all(args.noun_owner(w))
            if not subjects:
                subjects = args.resolve_all(self._light_owner(w, args))
        else:
            subjects = args.resolve_all(args.subject_tokens(w, logical_passive=True))
        args.acting_subject = False
        if not subjects:
            return
        if wrapper.relation == "rejects" and self._hostile_wrapped(w):
            return  # "declined to criticise Moscow", "refused to condemn Y": no rejection of Y
        targets: list[str] = []
        fallback: list = []
        args.nonactors_ok = wrapper.relation in PEOPLE_AS_TARGET
        for x in (c for c in w.children if _wrapped(c)):
            toks, fallback = _act_targets(x, args, subjects)
            targets.extend(k for k in args.resolve_all(toks) if k not in targets)
        if wrapper.relation == "rejects" and not [t for t in targets if t not in subjects]:
            # "declined to resign despite pressure from Y", "refused despite calls by Y"
            despite = [o for h in (w, *(c for c in w.children if c.dep_ == "xcomp")) for p in h.children
                       if p.dep_ == "prep" and p.lower_ in ("despite", "notwithstanding") for o in p.children
                       if o.dep_ == "pobj" and o.lemma_.lower() in _PRESSURE]
            # "despite a NATO deadline", "despite Washington's pressure": whose pressure it is
            despite += [m for d in despite for m in args.noun_owner(d)]
            targets += [k for k in args.resolve_all(despite) if k not in subjects]
        if not [t for t in targets if t not in subjects] and (
                wrapper.relation == "threatens" or self._hostile_act(w) or len(subjects) == 1):
            # "threatened to resume attacks in Israel", "agreed to send observers to monitor the truce in
            # Burundi"; but when "Turkey and the U.S. agreed to suspend the operation in northern Syria",
            # they agree with each other
            args.deep_pp = False  # "in its conflict" is Sri Lanka's; "a suspect in the murder of X" is not X's act
            targets += [k for k in args.resolve_all(fallback) if args.etype(k) != "Location"]
            args.deep_pp = True
        args.nonactors_ok = False
        ctx = context_of(w, self.lex)
        if wrapper.relation == "threatens" and ctx.conditional and not ctx.negated:
            ctx.blocked = False  # "threatened to expel Y if they continued": a threat is conditional by nature
        if wrapper.relation == "threatens" or self._hostile_act(w):
            # "threatened to close the university if striking lecturers failed to return": whoever the
            # condition is about is threatened too
            cond = [s for x in (w, *(c for c in w.children if _wrapped(c))) for s in context_of(x, self.lex).condition]
            targets += [k for k in args.resolve_all(cond) if k not in targets and k not in subjects]
        elif wrapper.relation == "agreesWith" and not ctx.negated:
            targets += self._offer_counterparts(w, args, subjects, targets)
            if ctx.conditional and targets:
                ctx = replace(ctx, blocked=False)  # "offered to resume flights if Y lifts ...": an offer to Y
        targets = [t for t in targets if t not in subjects]
        relation = wrapper.relation
        if relation == "agreesWith" and (self._hostile_act(w) or (
                w.lemma_.lower() not in _MUTUAL_WRAPPERS and self._halts_cooperation(w))):
            relation = "threatens"  # "ready to strike Y", "prepared to impose martial law": a threat;
            # "ready to freeze its trade accord with Y", "willing to cut aid to Y": so is ending what Y gets
        if targets:
            out.append(_Cand(subjects, relation, targets, "wrapper", 0.85, w.sent, ctx))
        elif wrapper.relation in SYMMETRIC and len(subjects) > 1 and w.lemma_.lower() in _MUTUAL_WRAPPERS:
            # "Jordan and Britain agreed to ..." (but "Algeria and Tunisia offered to ..." is joint, not mutual)
            out.append(_Cand(subjects, wrapper.relation, [], "wrapper", 0.85, w.sent, ctx, True))

    def _halts_cooperation(self, w) -> bool:
        """Is the act under ``w`` ending a cooperative one ("freeze its trade accord with Y", "cut aid to Y")?"""
        coop = {"agreesWith", "cooperatesWith", "supplies", "supports", "consultsWith"}
        for x in (c for c in w.children if _wrapped(c)):
            if x.lemma_.lower() not in _STOPPING or x.lemma_.lower() in _LIFTING:
                continue
            for o in x.children:
                if o.dep_ == "dobj" and (o.lemma_.lower() in _TIES or any(
                        c.relation in coop for c in self.lex.nouns.get(o.lemma_.lower(), ()))):
                    return True
        return False

    def _light_owner(self, w, args: ArgResolver) -> list:
        """Whose a wrapper noun is when a light verb governs it: "Caracas expressed its willingness to
        cooperate with Havana", "X showed readiness to ..." -> the light verb's subject (active, forward)."""
        gov = w.head
        if w.dep_ != "dobj" or gov is w or self.lex.light.get(gov.lemma_.lower()) != "fwd":
            return []
        return args.subject_tokens(gov)

    def _offer_counterparts(self, w, args: ArgResolver, subjects: list, targets: list) -> list:
        """Who an offer is made to beyond the offered act's own objects: whoever its condition is about
        ("offered to resume flights if Britain lifts restrictions", "willing to suspend the works if
        Argentina lifted the blockade"), and the one it is done for ("ready to finance a power plant for Y")."""
        inner = [c for c in w.children if _wrapped(c)]
        hosts = [w, *inner] + ([w.head] if w.dep_ == "acomp" else [])  # "was willing to ... if Y ..."
        cond = [s for x in hosts for s in context_of(x, self.lex).condition]
        more = [k for k in args.resolve_all(cond) if k not in targets and k not in subjects]
        if not [t for t in targets if t not in subjects] and not more:
            benefit = [o for x in inner if args.direct_objects(x) for h in (x, *args.direct_objects(x))
                       for o in args.prep_objects(h, ("for",))]
            more = [k for k in args.resolve_all(benefit) if k not in subjects and args.etype(k) != "Location"]
        return more

    def _speech(self, v, args: ArgResolver, out: list[_Cand]) -> None:
        """The speaker's own act: "X said Y's presence was unlawful", "X said Y must ..."."""
        speakers = args.resolve_all(args.subject_tokens(v))
        if not speakers:
            return
        ctx = context_of(v, self.lex)
        for cl in (c for c in v.children if c.dep_ in ("ccomp", "conj") and c.pos_ in _VERB_POS):
            subj = [s for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            preds = [c for c in cl.children if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.lex.adjectives]
            if preds:
                rel = self.lex.adjectives[preds[0].lemma_.lower()]
                # the actor whose deed is judged: the subject, or an entity inside the subject phrase
                targets = args.resolve_all(subj)
                if not targets:
                    targets = args.resolve_all([o for s in subj for o in args.prep_objects(s, ("of", "by"))])
                if targets and not _is_neg(cl):
                    out.append(_Cand(speakers, rel, targets, "speech-adj", 0.85, v.sent, ctx))
            elif v.lemma_.lower() in _WARN and cl.lemma_.lower() in _TOLERATE and _is_negated(cl):
                # "X warned that police will no longer tolerate rallies by Y": a threat against Y
                targets = [t for t in args.resolve_all(args.direct_objects(cl)) if t not in speakers]
                if targets:
                    out.append(_Cand(speakers, "threatens", targets, "speech-warn", 0.8, v.sent, ctx))
            elif any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in cl.children) and not _is_neg(cl):
                targets = args.resolve_all(subj, deep=False)
                # "Putin said Russia must strengthen its army" is not a request to Russia
                own = set(speakers) | {t.holder for t in doc_titles(v.doc) if t.person in speakers}
                for k in speakers:  # a person's own country by the gazetteer ("Iraqis alone should decide")
                    entry = self.gaz.get(k) if self.gaz is not None and args.etype(k) == "Person" else None
                    if entry is not None and entry.country:
                        own.add(entry.country)
                targets = [t for t in targets if t not in own]
                if targets:
                    out.append(_Cand(speakers, "requests", targets, "speech-must", 0.8, v.sent, ctx))

    def _led_bodies(self, doc, args: ArgResolver, out: list[_Cand]) -> None:
        """ "the Libyan National Army of Khalifa Haftar", "the regime of Bashar al-Assad": a body
        "of" a person is the body the person leads."""
        for m in doc._.kg_mentions or ():
            if m.type != "Person" or m.kind in ("pronoun", "description"):
                continue
            root = doc[m.start:m.end].root
            if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.dep_ != "prep":
                continue
            body = root.head.head
            key = args.te.get(body.i)
            if key is None or key == m.key:
                continue
            kind = args.kind.get(body.i)
            if args.etype(key) in GROUPS and kind in ("name", "alias") or (
                    args.etype(key) == "Country" and kind == "standin" and body.lemma_.lower() in _RULED):
                out.append(_Cand([m.key], "leaderOf", [key], "of-leader", 0.8, root.sent, Context()))

    def _locations(self, doc, args: ArgResolver, out: list[_Cand]) -> None:
        """locatedIn for places: "Y in Z", "Z's Y", "Z's capital Y", "the city of Y in Z"."""
        seen: set[int] = set()
        for m in doc._.kg_mentions or ():
            if m.type != "Location" or m.kind in ("pronoun", "description"):
                continue
            span = doc[m.start:m.end]
            root = span.root
            if root.i in seen:
                continue
            seen.add(root.i)
            holders = [root]
            first = root
            while first.dep_ == "conj" and first.head is not first:
                first = first.head  # "Yemen's provinces of Hudaydah and Sa'ada": the list's head
            if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lemma_.lower() in _PLACE_NOUNS:
                holders.append(first.head.head)  # "the city of Tartus in ..."
            if root.dep_ in ("compound", "appos") and root.head.lemma_.lower() in _PLACE_NOUNS:
                holders.append(root.head)  # "Azerbaijan's Karabakh region", "the Libyan capital Tripoli"
            holders += [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS]
            places: list[str] = []
            rule = "located"
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ == "in":
                        for o in c.children:
                            if o.dep_ == "pobj":
                                places += args.resolve(o, deep=False, area=True)
                    elif c.dep_ == "poss" and c.i in args.te and args.kind.get(c.i) not in ("pronoun", "description"):
                        places.append(args.te[c.i])
                    elif (c.dep_ == "poss" and c.i in args.te and h is not root and h.lemma_.lower() in _PLACE_NOUNS
                          and args.etype(args.te[c.i]) == "Country"):
                        places.append(args.te[c.i])  # "Brazil ... its northern state of Roraima"
                    elif (c.dep_ == "amod" and h is not root and c.i in args.te and args.kind.get(c.i) == "demonym"
                          and args.etype(args.te[c.i]) == "Country" and doc[c.i - 1].lower_ != "ethnic"):
                        places.append(args.te[c.i])  # "the Iraqi city of Basra"
                    elif (c.dep_ == "prep" and c.lower_ == "of" and h is not root and h.dep_ == "appos"
                          and h.lemma_.lower() in ("capital", "city", "province", "region")):
                        for o in c.children:  # "El Fasher, the capital of North Darfur state"
                            if o.dep_ == "pobj":
                                found = [k for k in args.resolve(o, deep=False, area=True) if args.etype(k) in PLACES]
                                places += found or [args.te[x.i] for x in o.children if x.dep_ == "compound"
                                                    and x.i in args.te and args.etype(args.te[x.i]) in PLACES]
                    elif (c.dep_ == "appos" and c.i in args.te and c.i == root.i + 2 and doc[root.i + 1].text == ","
                          and args.etype(args.te[c.i]) == "Country" and args.kind.get(c.i) in ("name", "alias")
                          and not any(x.dep_ == "conj" for x in (*root.children, *c.children))):
                        places.append(args.te[c.i])  # "Kirkuk, Iraq"
                    elif c.dep_ in ("compound", "appos", "nmod") and c.lemma_.lower() in _PLACE_NOUNS:
                        for p in c.children:
                            if p.i in args.te and (p.dep_ == "poss" or (
                                    p.dep_ == "amod" and args.kind.get(p.i) == "demonym"
                                    and args.etype(args.te[p.i]) == "Country")):
                                places.append(args.te[p.i])  # "Tajikistan's capital Dushanbe", "the Libyan capital Tripoli"
                                rule = "capital"
            if not places:
                # "a facility in the city of Tartus in the Arab country's west": of two "in" phrases
                # on one noun, the second locates the first
                top = holders[-1]
                if top.dep_ == "pobj" and top.head.lower_ == "in" and top.head.dep_ == "prep":
                    host, first = top.head.head, top.head
                    for p in host.children:
                        if p.dep_ == "prep" and p.lower_ == "in" and p.i > first.i:
                            for o in p.children:
                                if o.dep_ == "pobj":
                                    places += [k for k in args.resolve(o, deep=False, area=True)
                                               if args.etype(k) in PLACES]
            top = holders[-1] if holders[-1].i > root.i else root  # "Taungup township in ..."
            after = max(m.end, top.i + 1)
            bases = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _BASES]
            if bases and bases[-1].right_edge.i + 2 < len(doc) and doc[bases[-1].right_edge.i + 1].text == ",":
                after = bases[-1].right_edge.i + 2  # "at TURKSOM, its largest overseas military base, in Somalia"
            for b in bases:  # "TURKSOM, its largest overseas military base": its owner holds it
                owners = [k for p in b.children if p.dep_ == "poss" for k in args.resolve(p, deep=False)]
                owners = [k for k in owners if args.etype(k) in ("Country", "ArmedGroup", "Organization")]
                if owners:
                    out.append(_Cand(owners, "controls", [m.key], "located", 0.8, root.sent, Context()))
            if not places and top.dep_ == "pobj" and after < len(doc) and doc[after].lower_ == "in" and (
                    top.head.lower_ in _NEAR):
                # "positions near Bhamo in Kachin State": a place right after a place, however attached
                places += [k for o in doc[after].children if o.dep_ == "pobj"
                           for k in args.resolve(o, deep=False, area=True) if args.etype(k) in PLACES]
            if not places and any(h.lemma_.lower() == "capital" for h in holders[1:]) and self.gaz is not None:
                # "seized the capital, Sanaa": a capital the text calls so lies in the country it is capital of
                entry = self.gaz.get(m.key)
                if entry is not None and entry.kind == "capital" and args.ensure_country(entry.country or ""):
                    places.append(entry.country)
                    rule = "capital"
            places = [p for p in places if p != m.key]
            if places:
                out.append(_Cand([m.key], "locatedIn", places, rule, 0.95, root.sent, Context()))

    # ------------------------------------------------------------------ facts

    def _facts(self, doc, args: ArgResolver, cands: list[_Cand]) -> list[Fact]:
        facts: list[Fact] = []
        best: dict[tuple, Fact] = {}
        for c in cands:
            if c.ctx.conditional and not c.ctx.negated and c.relation in COERCIVE and c.rule != "wrapper":
                # "X will strike Y if ...", "X may halt aid to Y if ...": a conditional threat, also to
                # whoever the condition is about ("if Pyongyang carries out a test, Japan will halt trade")
                said = set(args.resolve_all(c.ctx.speaker, deep=False)) if c.ctx.speaker else set()
                cond = [k for k in args.resolve_all(c.ctx.condition) if k not in c.subjects and k not in c.objects
                        and k not in said]  # the one who tells of the threat is not its target
                c = _Cand(c.subjects, "threatens", c.objects + cond, "conditional", c.precision, c.sent,
                          Context(modality="conditional", speaker=c.ctx.speaker), c.symmetric_pairs)
            if c.ctx.blocked:
                continue  # hypothetical, requested or wished: neither a fact nor its negation
            if c.ctx.purpose and c.relation not in PURPOSEFUL:
                continue
            if c.ctx.modality in ("future", "intent") and not c.ctx.negated and c.relation in _ANNOUNCED and (
                    not c.symmetric_pairs and c.rule != "future-intent"):
                # an announced or vowed punitive act is also a threat, as event data codes it: "will impose
                # a blockade on Y", "vowed to crush Y" threaten Y (the act itself stays a fact)
                cands.append(_Cand(c.subjects, _ANNOUNCED[c.relation], c.objects, "future-intent",
                                   c.precision, c.sent, replace(c.ctx, modality="intent")))
                if c.ctx.modality == "intent":
                    continue  # vowed, pledged, planned: not done yet (a "will" future stays, as event data codes it)
            speaker = None
            if c.ctx.speaker:
                sp = args.resolve_all(c.ctx.speaker, deep=False)
                speaker = sp[0] if sp else None
            conf = self.lex.rule_precision(c.rule) * c.precision
            sent = c.sent
            if c.symmetric_pairs:
                pairs = [(a, b) for i, a in enumerate(c.subjects) for b in c.subjects[i + 1:]]
            else:
                pairs = [(s, o) for s in c.subjects for o in c.objects]
            for s, o in pairs:
                if c.relation not in TYPES:
                    s, o = self._as_actor(doc, args, s), self._as_actor(doc, args, o)
                if s == o or c.relation not in RELATIONS:
                    continue
                if not _allowed(c.relation, args.etype(s), args.etype(o)):
                    continue
                if c.relation not in TYPES and (self._is_media(s) or self._is_media(o)):
                    continue  # news agencies report events; "speaking to Interfax" is not diplomacy
                f = Fact(s, c.relation, o, sent.text.strip(), round(conf, 3), negated=c.ctx.negated,
                         speaker=speaker, rule=c.rule, start=sent.start_char, end=sent.end_char,
                         modality=c.ctx.modality)
                key = (s, c.relation, o, f.negated, f.start)
                old = best.get(key)
                if old is None or f.confidence > old.confidence:
                    best[key] = f
        facts.extend(best.values())
        return facts

    def _is_media(self, key: str) -> bool:
        entry = self.gaz.get(key) if self.gaz is not None else None
        return entry is not None and entry.kind == "media"

    def _as_actor(self, doc, args: ArgResolver, key: str) -> str:
        """A capital or seat of government named as a place acts for its country in events
        ("arrived in Amman" -> Jordan); other keys are returned unchanged."""
        if args.etype(key) != "Location":
            return key
        entry = self.gaz.get(key) if self.gaz is not None else None
        if entry is None or entry.kind not in ("capital", "standin") or not entry.country:
            return key
        country = self.gaz.get(entry.country)
        if country is None or country.type != "Country":
            return key
        if country.key not in args.entities:
            args.entities[country.key] = Entity(country.key, "Country", (), country.country_code, country.wikidata)
        return country.key

    def _with_clause_holder(self, doc, args: ArgResolver, person: str) -> str | None:
        """ "The military denied the reports, with spokesman X saying ...": a bare title's holder is the
        body that spoke through him (the subject of the clause the "with ... saying" hangs on)."""
        for m in doc._.kg_mentions or ():
            if m.key != person or m.kind in ("pronoun", "description"):
                continue
            root = doc[m.start:m.end].root
            v = root.head
            if root.dep_ != "nsubj" or v.tag_ != "VBG" or v.lemma_.lower() not in self.lex.speech:
                continue
            w = v.head
            if v.dep_ != "pcomp" or w.lower_ != "with" or w.head.pos_ not in _VERB_POS:
                continue
            bodies = [k for k in args.resolve_all(args.subject_tokens(w.head))
                      if args.etype(k) in ("Country", "Organization", "ArmedGroup")]
            if len(bodies) == 1:
                return bodies[0]
        return None

    def _titles(self, doc, args: ArgResolver) -> list[Fact]:
        titles = doc._.kg_titles or []
        if not titles:
            return []
        import bisect

        sents = list(doc.sents)
        starts = [s.start for s in sents]
        by_person: dict[str, list] = {}
        for m in doc._.kg_mentions or ():
            by_person.setdefault(m.key, []).append(sents[bisect.bisect_right(starts, m.start) - 1])
        out = []
        p = self.lex.rule_precision("title")
        for t in titles:
            person, title, holder, kind = t
            if not holder:
                holder = self._with_clause_holder(doc, args, person)
            if not holder or person == holder:
                continue
            rel = "leaderOf" if kind == "leader" else "officialOf"
            if not _allowed(rel, args.etype(person), args.etype(holder)):
                continue
            cands = by_person.get(person, [])
            low = title.lower()
            sent = next((s for s in cands if low in s.text.lower()), cands[0] if cands else None)
            ev, start, end = (sent.text.strip(), sent.start_char, sent.end_char) if sent is not None else (title, None, None)
            out.append(Fact(person, rel, holder, ev, round(p, 3), rule="title", start=start, end=end,
                            modality="asserted"))
        return out


#: Verbs of going somewhere: their "to" is a place.
_MOTION = frozenset({"travel", "go", "fly", "come", "return", "head", "move", "journey", "sail", "drive", "relocate"})
#: Verbs handing someone or something over: their "to" is the party, their object is what is handed.
_TRANSFER = frozenset({"extradite", "hand", "deliver", "return", "transfer", "surrender", "deport", "repatriate",
                       "send", "give", "sell", "ship", "release"})
_NOT_TARGET_PREPS = frozenset({"in", "at", "during", "since", "for", "after", "before", "until", "over",
                               "despite", "within", "throughout", "under", "by"})


def _prep_kind(toks, preps) -> list:
    """Keep the objects a "prep@border" cue allows: through that preposition, only border nouns
    ("sent troops to the border with Y", but not "sent troops to Y")."""
    from kg.extract.rel_args import _BORDERS

    kinds = {p.split("@")[0]: p.split("@")[1] for p in preps if "@" in p}
    out = []
    for t in toks:
        kind = kinds.get(t.head.lower_) if t.head.dep_ in ("prep", "dative") else None
        if kind is None or (kind == "border" and t.lemma_.lower() in _BORDERS):
            out.append(t)
    return out


#: Acts done to the one their "of" names: a demand for them is made to whoever holds that one.
_PATIENT_ACTS = frozenset({"release", "freeing", "freedom", "liberation", "extradition", "handover", "return",
                           "repatriation", "expulsion", "deportation", "arrest", "punishment", "prosecution", "trial",
                           "surrender", "transfer"})


def _addressees(o, args: ArgResolver) -> list:
    """Whom a demand for the act ``o`` is made to: "demanded the release of prisoners held by Israel" asks
    Israel (the holder, or the act's own possessor), not the prisoners."""
    if o.lemma_.lower() not in _PATIENT_ACTS or o.i in args.te:
        return [o]
    owner = [c for c in o.children if c.dep_ == "poss"]
    held = [a for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"
            for acl in x.children if acl.dep_ == "acl" and acl.tag_ == "VBN" for a in args.agents(acl)]
    return owner + held


def _names_act(sent, stem: str) -> bool:
    """Does ``sent`` name an act with a word starting with ``stem``, other than as a definite reference
    back to one told before ("the raids")?"""
    return any(t.lower_.startswith(stem) and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)
               for t in sent)


def _before_participle(v, keys: list[str], args: ArgResolver) -> list[str]:
    """"the SAF, led by X, and the RSF": a participle set off after one of several conjoined nouns tells of
    that noun (and those before it) only; drop the entities only the later conjuncts name."""
    from kg.extract.rel_args import conjuncts

    later = [t for t in conjuncts(v.head)[1:] if t.i > v.i]
    if not later:
        return keys
    own: list[str] = []
    for t in conjuncts(v.head):
        if t.i < v.i:
            args._one(t, own, True, False, 0)  # the token alone, not its conjuncts
    drop = set(args.resolve_all(later)) - set(own)
    return [k for k in keys if k not in drop]


def _act_targets(x, args: ArgResolver, exclude=()) -> tuple[list, list]:
    """Who an intended act is aimed at: objects of the infinitive ``x`` and of the verbs it
    governs ("willing to send material to help defend Saudi Arabia", "refused to allow UN planes
    to land"); objects of "in" are a fallback ("resume attacks in Israel")."""
    toks: list = []
    fallback: list = []
    frontier = [x]
    for _ in range(3):
        nxt = []
        nested: list = []
        for v in frontier:
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "when") for c in v.children):
                continue
            objs = args.direct_objects(v)
            if v.lemma_.lower() in _TRANSFER and args.resolve_all(args.prep_objects(v, ("to",))):
                objs = []  # "refused to extradite bin Laden to the US": the one handed over is no party
            toks += objs
            rels = {c.relation for c in args.lex.verbs.get(v.lemma_.lower(), ())}
            # "agreed to share intelligence on al-Shabaab": the topic of a joint act is no party to it
            topical = bool(rels) and rels <= {"cooperatesWith", "consultsWith", "agreesWith"}
            for h in [v, *objs]:
                for p in h.children:
                    if p.dep_ in ("prep", "dative"):
                        pobjs = [o for o in p.children if o.dep_ == "pobj"]
                        if topical and p.lower_ in ("on", "about", "over", "regarding", "concerning"):
                            continue
                        if p.lower_ in ("in", "inside", "into"):
                            fallback += pobjs
                        elif p.lower_ in ("to", "toward", "towards") and v.lemma_.lower() in _MOTION:
                            continue  # "ready to travel to Sweden": a destination, not a party
                        elif p.lower_ not in _NOT_TARGET_PREPS:
                            toks += pobjs
                            # "commit to any assistance to the US-led war": the aim of the thing committed to
                            nested += [o for x in pobjs for q in x.children if q.dep_ == "prep"
                                       and q.lower_ in ("to", "against", "with") for o in q.children if o.dep_ == "pobj"]
            for c in v.children:
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ in _VERB_POS:
                    toks += [s for s in c.children if s.dep_ == "nsubj"]
                if c.dep_ in ("xcomp", "advcl", "conj", "ccomp") and c.pos_ in _VERB_POS:
                    nxt.append(c)
        if any(k not in exclude for k in args.resolve_all(toks)):
            break
        if any(k not in exclude for k in args.resolve_all(nested)):
            toks += nested
            break
        frontier = nxt
    return toks, fallback


#: Nouns naming an accusation that a reduced clause may deny ("a charge Moscow denies").
_CLAIM_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})


#: Verbs of taking part that a refusal on a condition negates ("will not rejoin the talks as long as Y ...").
_PARTICIPATING = frozenset({"join", "rejoin", "attend", "participate", "take", "return", "resume", "sit"})
_INCLUDING = frozenset({"include", "involve"})
#: Nouns of asking in "at the request of Y", "at Y's invitation".
_REQUEST_NOUNS = frozenset({"request", "behest", "invitation", "urging", "insistence"})


def _along_with(v, objs) -> list:
    """Objects added by "along with" / "together with" on the verb or its object."""
    return [o for h in (v, *objs) for a in h.children if a.dep_ in ("prep", "advmod") and a.lower_ in ("along", "together")
            for w in a.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]


def _deed_agents(v, objs) -> list:
    """Agents ("by Y") of a deed judged "as" something: in the judged noun phrase, else in the judgement."""
    def by(h):
        return [o for b in h.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                for o in b.children if o.dep_ == "pobj"]
    out = [a for o in objs for a in by(o)]
    if not out:
        judged = [o for p in [*v.children, *(c for o in objs for c in o.children)] if p.dep_ == "prep"
                  and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        judged += [c for c in v.children if c.dep_ == "oprd"]  # "called the raid a provocation by Y"
        out = [a for o in judged for h in (o, *(c for c in o.children if c.dep_ == "acl")) for a in by(h)]
    return out


def _that_follows(v) -> bool:
    """``v`` is directly followed by the complementiser "that" ("demanded that ...")."""
    nxt = v.nbor(1) if v.i + 1 < len(v.doc) else None
    return nxt is not None and nxt.lower_ == "that" and nxt.dep_ not in ("det", "nsubj", "dobj")


_NP_INSIDE = ("DET", "ADJ", "PROPN", "NOUN", "PART", "NUM")


def _that_subject(v, args: ArgResolver) -> list:
    """The first actor named right after "that" when the parser lost the that-clause ("demanded that
    Kenya's government act ...", read with "act" as a noun): the subject of a subjunctive clause."""
    if not _that_follows(v):
        return []
    for t in v.doc[v.i + 2: min(v.i + 7, v.sent.end)]:
        if t.pos_ not in _NP_INSIDE:
            return []
        if t.i in args.te:
            return [t]
    return []


def _loyal_head(v):
    """ "forces loyal to President Hadi, backed by Saudi troops": a participle set off after the name
    closing "N loyal to / allied with X" describes N (None otherwise)."""
    h = v.head
    if v.i < 1 or v.doc[v.i - 1].text != "," or h.dep_ != "pobj" or h.head.dep_ != "prep":
        return None
    adj = h.head.head
    if adj.dep_ == "amod" and adj.lemma_.lower() in ("loyal", "allied", "affiliated", "linked") and adj.head.pos_ == "NOUN":
        return adj.head
    return None


def _relative_gap(v) -> list:
    """The noun a relative clause without a relative pronoun is about, when the verb's object is that noun:
    "a group Washington has armed (and backed)", "an agreement the GNA signed with Turkey". Returns the
    noun and what it stands for ("the SDF, a group ..." / "the SDF is a group ...")."""
    rel = v.head if v.dep_ == "conj" and v.head.dep_ == "relcl" and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in v.head.children) else v
    if rel.dep_ != "relcl" or rel.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or v.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return []
    if any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "mark") or c.lower_ in ("that", "which", "who", "whom",
                                                                                   "where", "when", "whose")
           for c in rel.children if c.dep_ not in ("nsubj",) or c.lower_ in ("that", "which", "who")):
        return []
    subj = [c for c in rel.children if c.dep_ == "nsubj"]
    noun = rel.head
    if not subj or subj[0].i < noun.i or noun.pos_ != "NOUN":
        return []
    out = [noun]
    if noun.lemma_.lower() not in ACTOR_KINDS:
        return out  # "a policy Turkish officials criticized": no actor behind the noun
    name = name_before_comma(noun)
    if name is not None:
        out.append(name)  # "the Syrian Democratic Forces (SDF), a group ...", however it was parsed
        return out
    if noun.dep_ == "appos":
        out.append(noun.head)
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        out += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return out


def _reduced_denial(v, args: ArgResolver):
    """ "..., a charge Tehran has repeatedly denied": (the claim noun, the denier) when the words before
    the denying verb are a claim noun and a name (the parser often hangs both on the wrong head)."""
    doc = v.doc
    j = v.i - 1
    while j > 0 and doc[j].dep_ in ("aux", "advmod", "neg"):
        j -= 1
    if j < 1 or j not in args.te:
        return None
    k = j
    while k > 0 and args.te.get(k - 1) == args.te[j]:
        k -= 1
    noun = doc[k - 1] if k >= 1 else None
    if noun is None or noun.lemma_.lower() not in _CLAIM_NOUNS:
        return None
    return noun, doc[j]


def doc_titles(doc) -> list:
    return doc._.kg_titles or []


def _is_neg(v) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _aggregate(facts: list[Fact]) -> list[Fact]:
    """One fact per (subject, relation, object, negated, sentence); confidence raised by noisy-or
    over the sentences of the article that state the same fact."""
    from dataclasses import replace

    uniq: dict[tuple, Fact] = {}
    for f in facts:
        k = (f.subject, f.relation, f.object, f.negated, f.start)
        if k not in uniq or f.confidence > uniq[k].confidence:
            uniq[k] = f
    groups: dict[tuple, list[Fact]] = {}
    for f in uniq.values():
        a, b = (f.subject, f.object)
        if f.relation in SYMMETRIC and b < a:
            a, b = b, a
        groups.setdefault((a, f.relation, b, f.negated), []).append(f)
    out = []
    for fs in groups.values():
        miss = 1.0
        for f in fs:
            miss *= 1.0 - f.confidence
        conf = round(min(MAX_CONFIDENCE, 1.0 - miss), 3)
        out.extend(replace(f, confidence=conf) for f in fs)
    out.sort(key=lambda f: (f.start if f.start is not None else -1, f.subject, f.relation, f.object))
    return out


def make_relations(nlp, name: str):
    return RelationExtractor()


def register() -> None:
    """Register the ``kg_relations`` factory with spaCy (idempotent)."""
    from spacy.language import Language

    if not Language.has_factory("kg_relations"):
        Language.factory("kg_relations")(make_relations)


def _between_parties(obj_toks, args: ArgResolver) -> list:
    """The sides of an act asked for between two parties ("called for a ceasefire between Ethiopia and
    Eritrea", "urged talks between X and Y"): both are asked."""
    return [x for o in obj_toks if o.pos_ == "NOUN" and o.i not in args.te for p in o.children
            if p.dep_ == "prep" and p.lower_ == "between" for c in p.children if c.dep_ == "pobj"
            for x in conjuncts(c)]


_PROVOKING = frozenset({"after", "as", "following", "amid"})


_PROVOCATIONS = frozenset({"test", "test-fire", "fire", "launch", "threat", "warning", "fighting", "tension", "buildup",
                           "exercise", "drill", "manoeuvre", "maneuver", "provocation", "incursion", "escalation"})


def _provokers(v, args: ArgResolver, provoking) -> list:
    """The actors of the hostile event a reaction follows: the subject of an "after"/"as" clause ("after
    India test-fired a missile"), or the actor of an "after"/"amid" noun ("after a threat by Islamic
    militants", "after warnings of an IRA bombing campaign", "as fighting with Azerbaijan intensified").
    ``provoking`` tells whether the clause's verb or the noun is a hostile deed or threat."""
    def actors_of(n, depth=0) -> list:
        if n.i in args.te:
            return [n]
        out = list(args.noun_owner(n))
        out += [x for c in n.children if c.dep_ == "compound" and c.i not in args.te for x in args.noun_owner(c)]
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ in ("by", "of", "with", "from"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        out += [o] if o.i in args.te else (actors_of(o, depth + 1) if depth < 1 else [])
        return out
    found: list = []
    for c in v.children:
        if c.dep_ == "advcl" and provoking(c) and any(
                m.dep_ == "mark" and m.lower_ in _PROVOKING for m in c.children):
            for sj in (x for x in c.children if x.dep_ == "nsubj"):
                found += actors_of(sj)
        elif c.dep_ == "prep" and c.lower_ in _PROVOKING:
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp") and provoking(o):
                    found += actors_of(o)  # "as fighting with Y intensified": the gerund's own "with"
    return found


def _wrapped(c) -> bool:
    """The act a wrapper introduces: its infinitive complement, also when parsed as a clause
    ("threatened on Wednesday to expel ...") or hung from a noun ("refusal to open")."""
    return c.dep_ == "xcomp" or (c.dep_ in ("acl", "advcl") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
