"""Titles around person names: "Russian Foreign Minister Sergey Lavrov" -> (Lavrov, Foreign Minister, Russia, official).

Read by ``kg_entities`` from a window of words before the name (up to the
previous verb, person or line break, across commas only while each segment
holds a title) or after it ("Bashar al-Assad, the Syrian president,"). The
title nearest the name wins; its holder is the nearest country or
organisation in the window that is not a host ("ambassador to Russia"), else
the gazetteer's country for that person. Title words and whether they make a
leader or an official are in ``kg/data/lexicons/titles.tsv``.
"""

from __future__ import annotations

from kg.extract.types import Title

ACTOR_TYPES = frozenset({"Country", "Organization", "ArmedGroup"})
#: A name right after these is a place: "a spokesman in Goma said".
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "outside", "inside", "across", "into"})
#: Title modifiers that make the office one of a movement, not of the state ("opposition leader").
_NON_STATE = frozenset({"opposition", "rebel", "rebels", "party", "union", "militia", "insurgent", "separatist",
                        "guerrilla", "student", "tribal", "religious", "spiritual", "exiled", "dissident", "protest",
                        "former", "ex"})
_DASHES = "-\u2013\u2014"
#: Kind nouns that name a body told before: "Coalition spokesman X" after "the Saudi-led coalition".
_BODY_KINDS = frozenset({"coalition", "alliance", "movement", "front", "militia", "council", "mission", "force",
                         "forces", "union", "league"})


def read_titles(res, doc, cands) -> list[Title]:
    """Every title the text gives the Person candidates in ``cands``."""
    return TitleReader(res).read(doc, cands)


def _sent_span(doc, i: int) -> tuple[int, int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        s = doc[i].sent
        return s.start, s.end
    return 0, len(doc)


class TitleReader:
    def __init__(self, res):
        self.res = res


    def read(self, doc, cands) -> list[Title]:
        at = {}
        for c in cands:
            for i in range(c.start, c.end):
                at[i] = c
        out = []
        for c in cands:
            if c.type != "Person" or c.kind in ("pronoun", "description"):
                continue
            for window in (self._left_window(doc, c, at), self._right_window(doc, c, at)):
                t = self._title_in(doc, window, c, at)
                if t is not None and t.title.lower() == "counterpart":
                    # "his Iraqi counterpart Fuad Hussein": the same office as the last titled person's
                    prev = next((p for p in reversed(out) if p.person != t.person and p.title.lower() != "counterpart"), None)
                    if prev is not None:
                        t = Title(t.person, prev.title, t.holder, prev.kind)
                if t is not None and t.holder is None:
                    t = self._shared_holder(doc, window, c, at, out, t)
                if t is not None and t.holder is None:
                    t = self._office_told_before(doc, c, at, t)
                if t is not None and t.holder is None and window and window[-1] < c.start:
                    t = self._body_named_before(doc, window, c, at, t)
                if t is not None and t not in out:
                    out.append(t)
        return out

    @staticmethod
    def _shared_holder(doc, window, c, at, out, t) -> Title:
        """ "U.S. Secretary of State Mike Pompeo and Defense Secretary Mark Esper": a title after "and"
        and another titled person holds the office of the same country."""
        if not window or window[-1] >= c.start:
            return t
        first = window[0]
        if first < 2 or doc[first].lower_ != "and":
            return t
        prev = at.get(first - 1)
        if prev is None or prev.type != "Person":
            return t
        holder = next((p.holder for p in out if p.person == prev.key and p.holder), None)
        return Title(t.person, t.title, holder, t.kind) if holder else t

    @staticmethod
    def _office_told_before(doc, c, at, t) -> Title:
        """ "Greece gave the ambassador of Libya's GNA 72 hours to leave ... The expulsion of ambassador
        Mohamed Menfi": a bare title takes the holder the same office was given, unnamed, earlier on."""
        word = t.title.lower().split()[-1]
        holder = None
        for tok in doc[:c.start]:
            if tok.lower_ != word or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "of":
                continue
            if not any(d.dep_ == "det" and d.lower_ == "the" for d in tok.children):
                continue
            objs = [o for o in doc[tok.i + 1].children if o.dep_ == "pobj"]
            m = at.get(objs[0].i) if objs else None
            if m is not None and m.type in ACTOR_TYPES:
                holder = m.key
        return Title(t.person, t.title, holder, t.kind) if holder else t

    def _body_named_before(self, doc, window, c, at, t) -> Title:
        """ "The Saudi-led coalition ... Coalition spokesman Colonel Turki Al-Maliki": a body's kind noun
        before the title is the body of that kind named last (within the article so far)."""
        kinds = [doc[j].lower_ for j in window if doc[j].is_title and j not in at and doc[j].pos_ in ("NOUN", "PROPN")
                 and doc[j].lower_ in _BODY_KINDS and not self._is_title_word(doc[j])]
        if not kinds:
            return t
        cands = sorted({m.start: m for m in at.values()}.values(), key=lambda m: m.start)
        for m in reversed(cands):
            if m.start < window[0] and m.type in ("Organization", "ArmedGroup") and kinds[-1] in m.key.lower():
                return Title(t.person, t.title, m.key, t.kind)
        return t

    def _left_window(self, doc, c, at) -> list[int]:
        if c.start > 0 and doc[c.start - 1].lower_ in _PLACE_PREPS:
            return []  # "a UN spokesman in Goma": a name after "in" is where, not who
        if c.start > 0 and doc[c.start - 1].lower_ in ("and", "or"):
            return []  # "X, the Russian defence minister and Putin's ally": the title is X's
        sent_start = _sent_span(doc, c.start)[0]
        toks: list[int] = []
        i = c.start - 1
        while i >= sent_start and len(toks) < 16:
            t = doc[i]
            other = at.get(i)
            if other is not None and other.type == "Person":
                break
            if t.is_space or "\n" in t.whitespace_:
                break
            if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "NUM") and not self._is_title_word(t):
                break
            inword = t.text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
            if t.is_punct and t.text not in (",",) and t.lower_ not in (".",) and t.text not in _DASHES:
                break
            if (t.text in _DASHES and not inword) or t.lower_ in ("that", "who", "which", "while", "as"):
                break  # a dash between words ("Secretary-General") is part of the title
            toks.append(i)
            i -= 1
        toks.reverse()
        # keep comma-separated segments, nearest first, while each holds a title
        segs: list[list[int]] = [[]]
        for i in toks:
            if doc[i].text == ",":
                segs.append([])
            else:
                segs[-1].append(i)
        kept: list[int] = []
        if len(segs) > 1 and not segs[-1]:
            segs.pop()
        for seg in reversed(segs):
            if not self._has_title(doc, seg):
                break
            kept = seg + kept
        return kept

    def _right_window(self, doc, c, at) -> list[int]:
        if c.end >= len(doc) or doc[c.end].text != ",":
            return []
        sent_end = _sent_span(doc, c.start)[1]
        toks = []
        i = c.end + 1
        while i < sent_end and len(toks) < 10:
            t = doc[i]
            if t.is_punct or (t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not self._is_title_word(t)):
                break
            other = at.get(i)
            if other is not None and other.type == "Person":
                # "Abdelrahim Dagalo, the RSF's deputy commander and Hemedti's brother": the title
                # before "and <another person>" is still his; a window that reaches another person
                # before any title is not
                while toks and doc[toks[-1]].lower_ in ("and", ","):
                    toks.pop()
                if toks and doc[i - 1].lower_ == "and" and self._has_title(doc, toks):
                    return toks
                return []
            toks.append(i)
            i += 1
        return toks if self._has_title(doc, toks) else []

    def _is_title_word(self, t) -> bool:
        return (t.lower_,) in self.res.titles

    def _has_title(self, doc, idx: list[int]) -> bool:
        return any(self.res.titles.get((doc[i].lower_,), "honorific") != "honorific" for i in idx) or any(
            self.res.titles.get(tuple(doc[j].lower_ for j in idx[k:k + n]), "honorific") != "honorific"
            for k in range(len(idx)) for n in (2, 3))

    def _title_in(self, doc, idx: list[int], person, at) -> Title | None:
        if not idx:
            return None
        titles = self.res.titles
        found = []  # (start_pos, end_pos, kind)
        k = 0
        while k < len(idx):
            for n in range(min(self.res.title_max, len(idx) - k), 0, -1):
                kind = titles.get(tuple(doc[j].lower_ for j in idx[k:k + n]))
                if kind and kind != "honorific":
                    found.append((k, k + n, kind))
                    k += n - 1
                    break
            k += 1
        if not found:
            return None
        # the title nearest the name
        ks, ke, kind = found[-1] if idx[-1] < person.start else found[0]
        tail = idx[ke:]
        if tail and doc[tail[0]].lower_ in ("for", "to", "on"):
            tail = []  # "special envoy for Asian affairs Deng Xijun": the nouns say what the office is for
        if idx[-1] < person.start and any(doc[j].pos_ == "NOUN" and doc[j].is_lower and not self._is_title_word(doc[j])
                                          for j in tail):
            return None  # "chief nuclear negotiator Ali Larijani": "chief" describes another noun
        # extend left over capitalised words ("Foreign and Expatriates Minister")
        while ks > 0:
            t = doc[idx[ks - 1]]
            if t.i in at or t.text == "," or not (t.is_title or (t.lower_ == "and" and ks > 1 and doc[idx[ks - 2]].is_title)):
                break
            if titles.get((t.lower_,)) == "honorific":
                break
            ks -= 1
        title_text = " ".join(doc[j].text for j in idx[ks:ke])
        holder = None
        title_start, title_end = idx[ks], idx[ke - 1]
        best = None
        for j in idx:
            m = at.get(j)
            if m is None or m.type not in ACTOR_TYPES or m is person or j != max(m.start, idx[0]):
                continue
            prev = doc[m.start - 1] if m.start > 0 else None
            if prev is not None and prev.lower_ == "the" and m.start > 1:
                prev = doc[m.start - 2]
            if prev is not None and prev.lower_ in ("to", "in", "at", "for") and prev.i > title_start:
                continue  # the host country: "ambassador to Russia"
            dist = title_start - m.end if m.end <= title_start else m.start - title_end
            if best is None or dist < best[0]:
                best = (dist, m.key)
        if best is not None:
            holder = best[1]
        if holder is None:
            entry = self.res.gaz.get(person.key)
            if entry is not None and entry.type == "Person" and entry.country:
                holder = entry.country
        if holder is not None and idx[-1] < person.start and any(
                doc[j].ent_type_ == "NORP" and at.get(j) is None for j in idx[:ks]):
            holder = None  # "Iraqi Kurdish leader Masoud Barzani": a leader of the Kurds, not of Iraq
        ex = any(doc[j].lower_ in ("ex", "former") for j in idx[:ks])  # "Ex-Pakistani Prime Minister X"
        if holder is not None and (ex or any(doc[j].lower_ in _NON_STATE for j in idx[max(0, ks - 2):ke])):
            h = self.res.gaz.get(holder)
            htype = h.type if h is not None else next((c.type for c in at.values() if c.key == holder), None)
            if htype == "Country":
                holder = None  # "opposition leader Aung San Suu Kyi" does not lead Myanmar
        if kind == "leader" and title_text.lower().split()[-1] in ("chief", "head") and ks > 0 and \
                doc[idx[ks - 1]].is_lower and doc[idx[ks - 1]].pos_ == "NOUN" and \
                (doc[idx[ks - 1]].lower_,) not in self.res.state_heads:
            kind = "official"  # "EU foreign policy chief", "army chief": heads a branch, not the whole
        kind = "leader" if kind == "leader" else "official"
        if holder is not None and kind == "official" and title_text.lower().split()[-1] in ("commander", "chief", "head", "emir"):
            h = self.res.gaz.get(holder)
            htype = h.type if h is not None else next((c.type for c in at.values() if c.key == holder), None)
            if htype == "ArmedGroup":
                kind = "leader"  # an armed group's commander leads it (officialOf does not take groups)
        return Title(person.key, title_text, holder, kind)
