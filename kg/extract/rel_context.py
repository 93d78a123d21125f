"""Modality of a relation's trigger: asserted, negated, hypothetical, reported.

Walks from the trigger up the parse to the sentence root:

* negation ("not", "never") on the trigger's own clause negates it;
* infinitive wrappers (``wrappers.tsv``) pass the act on ("continue to
  provide"), negate it ("failed to"), turn it into their own relation
  ("agreed to", "threatened to", "refused to") or block it ("hope to");
  wrappers not in the lexicon block it (precision first);
* "if"/"unless" clauses block it, except the counterfactual "if X had not
  supported Y", which implies X supported Y;
* modal auxiliaries of possibility (may, might, could, can, should, must)
  block it; will/shall mark it future;
* a that-clause of a speech verb (``speech.tsv``) is reported speech: the
  speaker is recorded; "denied that" negates; "hoped that" blocks; quotes
  attributed after the fact ("..., Putin said") are found as parataxis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.rel_lexicon import Lexicon, Wrapper

_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_POSSIBLE = frozenset({"may", "might", "could", "can", "should", "must", "ought", "ca"})
_COND = frozenset({"if", "unless", "whether"})
_ALLEGE = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticise", "criticize", "denounce"})
_CLAIMS = frozenset({"report", "claim", "allegation", "accusation", "rumour", "rumor", "suggestion", "charge",
                     "assertion", "speculation", "suspicion"})
_REPORTING = frozenset({"say", "confirm", "announce", "declare", "state", "promise", "pledge", "vow", "warn",
                        "tell", "insist", "add", "reiterate"})
#: Participles of events convened for an aim ("a strike called to protest against Y").
_CONVENED = frozenset({"call", "organise", "organize", "stage", "hold", "plan", "mount", "launch", "convene"})
_REFUTE = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})


@dataclass
class Context:
    negated: bool = False
    blocked: bool = False
    modality: str = "asserted"
    speaker: list = field(default_factory=list)  # speaker tokens
    wrappers: list[tuple[object, Wrapper]] = field(default_factory=list)
    must: bool = False  # a "must/should" modal on the trigger's clause
    conditional: bool = False  # the act is promised on a condition ("will strike Y if ...")
    purpose: bool = False  # the act is the purpose of another ("... to protest against Y")
    condition: list = field(default_factory=list)  # subjects of an "if/unless" clause on the trigger
    cannot: bool = False  # negated ability ("cannot accept", "could not agree"): a refusal, not a maybe


def _is_negated(v) -> bool:
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(
                (d.dep_ == "det" and d.lower_ in ("no", "neither")) or (d.dep_ == "preconj" and d.lower_ == "neither")
                for d in c.children):
            return True  # "no country supports ...", "neither Egypt nor Jordan attacked ..."
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj", "cc") and c.lower_ in ("never", "nor", "neither")):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children):
            return True
    return False


def context_of(tok, lex: Lexicon, *, clause: bool = True) -> Context:
    """The modality of a trigger token (a verb, or a noun when ``clause`` is False)."""
    ctx = Context()
    cur = tok
    check = clause
    np_checked = clause
    for _ in range(16):
        if check:
            _check_clause(cur, ctx)
        head = cur.head
        if head is cur:
            _root_speaker(cur, lex, ctx)
            break
        dep = cur.dep_
        check = False
        if dep == "xcomp" and clause and head.dep_ == "acl" and head.tag_ == "VBN" and (
                head.lemma_.lower() in _CONVENED) and head.head.pos_ == "NOUN":
            # "a strike called to protest against Y", "a rally organised to demand ...": the aim of the event
            ctx.purpose = True
            check = False
        elif dep == "xcomp" and clause:
            w = lex.wrappers.get(head.lemma_.lower())
            if w is None:
                # light verbs carrying the act on ("decided to"), unknown ones block
                ctx.blocked = True
            elif w.effect == "pass":
                if w.modality not in ("asserted", ""):
                    ctx.modality = w.modality
            elif w.effect in ("wrap", "block"):
                ctx.blocked = True
                if w.effect == "wrap":
                    ctx.wrappers.append((head, w))
            elif w.effect == "neg":
                ctx.negated = not ctx.negated
            elif w.effect == "wrap+neg":
                ctx.negated = not ctx.negated
                ctx.wrappers.append((head, w))
            if head.lemma_.lower() in ("urge", "ask", "call", "invite", "tell", "encourage", "press",
                                       "persuade", "appeal", "request"):
                ctx.blocked = True
            check = clause
        elif dep == "ccomp" and clause:
            pol = lex.speech.get(head.lemma_.lower())
            if pol == "deny" and cur is tok and cur.i < head.i and (any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMS and cur.i < c.i < head.i for c in head.children)
                    or _appended_claim(cur, head)):
                # "Ethiopia accused Sudan of ..., a charge Khartoum denied": the accusation was made;
                # what is denied is its content (negated where that allegation is read)
                pol = None
            if pol == "deny" and cur is tok and _summarised_claim(cur, head):
                # "accused the UAE of arming the RSF, an accusation Abu Dhabi has denied" (parsed as if
                # the accusation were what is denied): the accusation was made
                pol = None
            if pol:
                if not ctx.speaker:
                    ctx.speaker = _speaker_tokens(head)
                if pol == "deny":
                    ctx.negated = not ctx.negated
                elif pol == "block":
                    ctx.blocked = True
            else:
                w = lex.wrappers.get(head.lemma_.lower())
                if w is not None and w.effect == "block":
                    ctx.blocked = True
            check = False
        elif dep == "conj":
            check = False
        elif dep == "advcl" and clause and _past_time_clause(cur):
            # "... to restore Hadi's government after the Houthis seized the capital": a past event
            # told as the time of another holds whatever the other is (a purpose, a plan, a wish)
            break
        elif dep == "advcl":
            if cur.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children) and clause:
                ctx.purpose = True  # purpose: "... to fight terrorism"
            check = False
        elif dep == "pcomp" and clause and head.lower_ in ("from", "of") and head.dep_ == "prep" and (
                head.head.lemma_.lower() in _REFRAIN):
            # "refrained from sending tanks to Y", "stopped short of condemning Y": not done
            ctx.negated = not ctx.negated
            clause = False
        elif dep == "pcomp" and clause and head.lower_ in ("against", "without") and head.dep_ == "prep":
            # "warned against hosting US bases", "left without meeting Y": not done
            ctx.blocked = True
            clause = False
        elif dep == "pcomp" and clause and head.lower_ == "at" and head.dep_ == "prep" and (
                head.head.lemma_.lower() == "aim"):
            # "moves aimed at driving the Serbs out": an aim, not a deed
            ctx.blocked = True
            clause = False
        elif dep == "pcomp" and clause and head.head.lemma_.lower() in _ALLEGE and not ctx.speaker:
            # "accused X of arming Y": the arming is the accuser's claim
            ctx.speaker = _speaker_tokens(head.head)
            clause = False
        elif dep in ("acl", "ccomp") and clause and head.pos_ == "NOUN" and head.lemma_.lower() in _CLAIMS:
            # "reports that X is sending weapons": a claim; denied claims are negated, others unconfirmed
            gov = head.head
            if head.dep_ in ("dobj", "nsubjpass") and lex.speech.get(gov.lemma_.lower()) == "deny" or (
                    gov.lemma_.lower() in _REFUTE):
                ctx.negated = not ctx.negated
                ctx.speaker = _speaker_tokens(gov)
            else:
                ctx.blocked = True
            clause = False
        elif dep in ("acl", "relcl", "pcomp"):
            if dep == "relcl" and clause and cur.tag_ == "VB" and any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children):
                ctx.purpose = True  # "began a hunger strike to protest against Y", "sent troops to fight Y"
            if dep == "acl" and clause and cur.tag_ == "VB" and head.pos_ == "NOUN":
                # an infinitive after a noun: "in order to" is a purpose; "their intention to" blocks,
                # "Moscow's determination to" passes (wrappers.tsv lists the nouns)
                noun = head.lemma_.lower()
                w = lex.wrappers.get(noun)
                if noun == "order":
                    ctx.purpose = True
                elif w is not None and w.effect in ("block", "wrap"):
                    ctx.blocked = True
                elif w is not None and w.effect in ("neg", "wrap+neg"):
                    ctx.negated = not ctx.negated
            if dep == "acl" and clause and cur.tag_ == "VB" and head.pos_ == "NOUN" and _requested(head):
                ctx.blocked = True  # "requested Ethiopian help to fight Y": the fighting is asked for
            if dep in ("acl", "relcl") and clause and _generic(head):
                ctx.blocked = True  # "any aircraft violating its airspace", "anyone who attacks Y": nobody yet
            clause = False
        else:
            if not clause and not np_checked and head.pos_ in ("VERB", "AUX") and dep in ("nsubj", "nsubjpass"):
                # "Turkey's attack on Syria would be a mistake": the noun's clause is hypothetical
                np_checked = True
                words = {a.lower_ for a in head.children if a.dep_ == "aux"}
                if words & (_POSSIBLE | {"would"}) or any(
                        c.dep_ == "mark" and c.lower_ in _COND for c in head.children):
                    ctx.blocked = True
            clause = False
        cur = head
    return ctx


#: Verbs whose object, and verbs whose "for", is an act asked for ("demanded Russia's withdrawal", "called
#: for Western sanctions against Y"), not one done.
_REQUESTING = frozenset({"urge", "ask", "demand", "press", "petition", "implore", "beg", "request", "seek"})
_REQUESTING_FOR = frozenset({"call", "ask", "appeal", "press", "push", "plead", "lobby", "clamour", "clamor",
                             "campaign", "urge"})


def _requested(noun) -> bool:
    head = noun.head
    if head is noun:
        return False
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in _REQUESTING
    return (noun.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep" and head.head is not head
            and head.head.lemma_.lower() in _REQUESTING_FOR)


#: Words whose "from/of" + gerund is an act not done ("refrain from", "stop short of", "shy away from").
_REFRAIN = frozenset({"refrain", "abstain", "desist", "short", "away", "back"})
#: Determiners and pronouns of whoever may do something: a clause on them states no act.
_ANY = frozenset({"any", "every", "whichever"})
_ANYONE = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody"})


def _generic(noun) -> bool:
    return noun.lower_ in _ANYONE or any(d.dep_ == "det" and d.lower_ in _ANY for d in noun.children)


def _appended_claim(cur, head) -> bool:
    """ "accused X of ..., an accusation Abu Dhabi has denied": a claim noun set off by a comma between
    the clause and the denying verb (the parser may hang it anywhere) names the clause; the clause stands."""
    doc = cur.doc
    return any(doc[i].lemma_.lower() in _CLAIMS and doc[i - 1].pos_ == "DET" and doc[i - 2].text == ","
               for i in range(cur.i + 3, head.i))


def _check_clause(v, ctx: Context) -> None:
    if _is_negated(v):
        ctx.negated = not ctx.negated
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE or ("would" in words and v.dep_ == "ccomp" and v.head.lemma_.lower() in _REPORTING):
        # "NATO confirmed it would tighten the blockade": reported future
        if ctx.modality == "asserted":
            ctx.modality = "future"
    if words & _POSSIBLE:
        if words & {"must", "should"}:
            ctx.must = True
        if words & {"can", "could", "ca"} and _is_negated(v):
            ctx.cannot = True
        ctx.blocked = True
    if "would" in words and "have" in words:
        ctx.blocked = True  # "would have been"
    if "would" in words and v.dep_ == "relcl":
        ctx.blocked = True  # "an amendment that would bar him", "a deal which would give Y": not (yet) done
    for c in v.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            ctx.conditional = True  # "X will attack Y if ...": a threat, not an attack
            ctx.blocked = True
            ctx.condition += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "mark" and c.lower_ in _COND:
            if ctx.negated and "had" in words:
                ctx.negated = False
                ctx.modality = "counterfactual"
            else:
                ctx.blocked = True


#: Verbs whose object is the one who spoke: "the agency quoted Putin (as) saying ...".
_QUOTING = frozenset({"quote", "cite"})


def _speaker_tokens(v) -> list:
    if v.lemma_.lower() in _QUOTING:
        for c in v.children:
            if c.dep_ == "dobj" and c.lower_ == "saying":  # parsed "quoted [President Ruto saying]"
                names = [n for n in c.children if n.dep_ == "compound"]
                if names:
                    return names[-1:]
            elif c.dep_ == "dobj":
                return [c]
            elif c.dep_ in ("ccomp", "xcomp", "advcl") and c.lemma_.lower() == "say":
                subj = [n for n in c.children if n.dep_ == "nsubj"]
                if subj:
                    return subj
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if subjects:  # the nearest: a dateline ("Moscow, SANA – Putin affirmed") parses as a second subject
        return [min(subjects, key=lambda c: abs(c.i - v.i))]
    # "... quoted Putin as saying": the saying verb hangs off the quoting verb
    quoting = next((a for a in list(v.ancestors)[:3] if a.lemma_.lower() in _QUOTING), None)
    if quoting is not None:
        return _speaker_tokens(quoting)
    if v.dep_ in ("advcl", "conj", "xcomp") and v.head is not v:
        return _speaker_tokens(v.head)
    return []


def _root_speaker(root, lex: Lexicon, ctx: Context) -> None:
    if ctx.speaker:
        return
    for c in root.children:
        if c.dep_ in ("parataxis", "ccomp", "conj") and c.lemma_.lower() in lex.speech and c.i > root.i:
            if lex.speech[c.lemma_.lower()] == "assert":
                ctx.speaker = _speaker_tokens(c)
                return
        if c.dep_ == "prep" and c.lower_ == "according":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    ctx.speaker = [o for o in p.children if o.dep_ == "pobj"]
                    return


#: Conjunctions of time whose past-tense clause tells an event that happened.
_TIME_MARKS = frozenset({"after", "since", "when", "before", "once"})


def _past_time_clause(v) -> bool:
    """ "after the Houthis seized Sanaa", "since Russia annexed Crimea": a finite past clause of time."""
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in v.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ not in ("had", "has", "have", "was", "were", "been") for a in aux):
        return False  # "after Russia would ...", "when it will"
    return v.tag_ == "VBD" or (v.tag_ == "VBN" and bool(aux))


def _summarised_claim(v, deny) -> bool:
    """ "..., an accusation / a charge <name> denied" between the clause ``v`` and the denying verb."""
    doc = v.doc
    for t in doc[v.i + 1:deny.i]:
        if t.lemma_.lower() in _CLAIMS and t.pos_ == "NOUN":
            det = t.i - 1 if doc[t.i - 1].lower_ in ("a", "an", "the", "this", "that", "which") else t.i
            if det > 0 and doc[det - 1].text == ",":
                return True
    return False
