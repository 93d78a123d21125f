"""Score the extractor: a built graph against gold facts, or the extractor against PLOVER records.

Two scorers, following the definitions shipped with the gold data:

* :func:`score_seeds` reads a built graph (``out_dir/store``) and compares its
  Statements with a gold TSV (columns ``doc, subject, relation, object, status``).
  Precision = predicted non-negated facts of the core relations that match a
  ``required`` or ``optional`` row / all predicted facts outside ``ignore``
  rows; recall = ``required`` rows found / ``required`` rows. Symmetric
  relations match in either direction; a relation cell may list alternatives
  separated by ``|``. Facts are per article (``doc`` is ``dcterms:identifier``).
  An entity matches a gold name when its ``rdfs:label`` or a ``skos:altLabel``
  equals one of that name's aliases (case-insensitive, a leading "the " ignored).

* :func:`score_plover` runs the extractor on sentence-level PLOVER event records
  (JSON lines) and reports the recall of (source, event type, target).

    >>> norm_name("The  Kremlin")
    'kremlin'
    >>> sorted(relation_alternatives("supplies|supports"))
    ['supplies', 'supports']
    >>> plover_type_of_record("FIGHT"), plover_type_of_record("DISAPPROVE")
    ('ASSAULT', 'ACCUSE')
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, KGUsageError
from kg.vocab import RELATIONS, SYMMETRIC

#: Our event relation -> its PLOVER event type (ONTOLOGY.md).
PLOVER_TYPE: dict[str, str] = {
    "agreesWith": "AGREE",
    "consultsWith": "CONSULT",
    "supports": "SUPPORT",
    "concedesTo": "CONCEDE",
    "cooperatesWith": "COOPERATE",
    "supplies": "AID",
    "withdrawsFrom": "RETREAT",
    "requests": "REQUEST",
    "accuses": "ACCUSE",
    "rejects": "REJECT",
    "threatens": "THREATEN",
    "protestsAgainst": "PROTEST",
    "mobilizesAgainst": "MOBILIZE",
    "sanctions": "SANCTION",
    "coerces": "COERCE",
    "attacks": "ASSAULT",
}
#: Event types of the older PLOVER list used by the gold standard records.
OLD_PLOVER_TYPES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: PLOVER types whose two actors play the same role.
SYMMETRIC_PLOVER: frozenset[str] = frozenset(PLOVER_TYPE[r] for r in SYMMETRIC)
#: CAMEO country codes that are not the ISO 3166-1 alpha-3 code.
CAMEO_TO_ISO: dict[str, str] = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "UKG": "GBR",
    "SER": "SRB", "MON": "MNG", "TAW": "TWN", "KOS": "XKX", "BUL": "BGR", "DEN": "DNK",
}
#: CAMEO codes that name a kind of actor, not a country.
_NON_COUNTRY_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UAF", "REB", "CVL"})


def norm_name(name: str) -> str:
    """Normalise a name for matching: case-folded, spaces collapsed, a leading "the " dropped."""
    s = " ".join(name.replace("\u2019", "'").split()).casefold()
    s = s.strip(" \"'\u201c\u201d")
    return s[4:] if s.startswith("the ") else s


def relation_alternatives(cell: str) -> frozenset[str]:
    return frozenset(r.strip() for r in cell.split("|") if r.strip())


def plover_type_of_record(event: str) -> str:
    """The current PLOVER type of a record's (possibly older) event type."""
    event = event.strip().upper()
    return OLD_PLOVER_TYPES.get(event, event)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------- seeds


@dataclass(frozen=True)
class GoldRow:
    doc: str
    subject: str
    relations: frozenset[str]
    object: str
    status: str  # required | optional | ignore
    evidence: str = ""

    @property
    def relation(self) -> str:
        return "|".join(sorted(self.relations))


@dataclass(frozen=True)
class Predicted:
    """One fact of the graph, with the gold names its subject and object match."""

    doc: str
    subject: str  # label of the subject entity
    relation: str
    object: str
    subject_names: frozenset[str]
    object_names: frozenset[str]
    evidence: str = ""
    confidence: float = 0.0


class _Scored:
    """Precision, recall and F1 from the counts ``tp``, ``fp``, ``found`` and ``required``."""

    tp: int
    fp: int
    required: int
    found: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.required)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class RelationScore(_Scored):
    tp: int = 0
    fp: int = 0
    required: int = 0
    found: int = 0


@dataclass
class SeedReport(_Scored):
    """Precision, recall and F1 of a graph against gold facts, overall and per relation."""

    tp: int = 0
    fp: int = 0
    ignored: int = 0
    required: int = 0
    found: int = 0
    per_relation: dict[str, RelationScore] = field(default_factory=dict)
    misses: list[GoldRow] = field(default_factory=list)
    false_positives: list[Predicted] = field(default_factory=list)
    true_positives: list[tuple[Predicted, GoldRow]] = field(default_factory=list)

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def format(self, *, verbose: bool = False) -> str:
        lines = [
            f"Gold facts: precision {self.precision:.3f} ({self.tp}/{self.predicted}), "
            f"recall {self.recall:.3f} ({self.found}/{self.required}), F1 {self.f1:.3f}"
            + (f"; {self.ignored} fact(s) on ignore rows not counted" if self.ignored else ""),
            "",
            f"{'relation':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'found':>7}{'req':>5}",
        ]
        for rel, s in sorted(self.per_relation.items()):
            lines.append(
                f"{rel:<18}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.found:>7}{s.required:>5}"
            )
        if verbose:
            lines += ["", f"Missed required facts ({len(self.misses)}):"]
            for g in self.misses:
                lines.append(f"  [{g.doc}] {g.subject} {g.relation} {g.object}  -- {g.evidence}")
            lines += ["", f"False positives ({len(self.false_positives)}):"]
            for p in self.false_positives:
                lines.append(f"  [{p.doc}] {p.subject} {p.relation} {p.object}  -- {_short(p.evidence)}")
        return "\n".join(lines)


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def read_aliases(path: str | Path | None) -> dict[str, frozenset[str]]:
    """Canonical name -> its normalised aliases (the canonical name included)."""
    out: dict[str, frozenset[str]] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            canon, _, rest = line.rstrip("\n").partition("\t")
            names = {norm_name(canon)} | {norm_name(a) for a in rest.split("|") if a.strip()}
            out[canon.strip()] = frozenset(names)
    return out


def read_gold(path: str | Path) -> list[GoldRow]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not rec or rec[0].startswith("#") or len(rec) < 5:
                continue
            doc, subj, rel, obj, status = (c.strip() for c in rec[:5])
            rows.append(GoldRow(doc, subj, relation_alternatives(rel), obj, status.lower(),
                                rec[5].strip() if len(rec) > 5 else ""))
    if not rows:
        raise KGUsageError(Errors.E030.format(path=path))
    return rows


def _name_index(gold: list[GoldRow], aliases: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    """Normalised alias -> the gold canonical names it names."""
    index: dict[str, set[str]] = defaultdict(set)
    names = {g.subject for g in gold} | {g.object for g in gold} | set(aliases)
    for canon in names:
        for alias in aliases.get(canon, frozenset({norm_name(canon)})):
            index[alias].add(canon)
    return index


_FACTS_QUERY = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?s ?p ?o ?ev ?conf WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      prov:wasDerivedFrom ?a .
  ?a dcterms:identifier ?doc .
  OPTIONAL { ?st kg:evidence ?ev }
  OPTIONAL { ?st kg:confidence ?conf }
  FILTER NOT EXISTS { ?st kg:negated true }
}"""
_NAMES_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?name WHERE { { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } }"""


def graph_facts(store, gold: list[GoldRow], aliases: dict[str, frozenset[str]]) -> list[Predicted]:
    """The non-negated facts of the core relations in ``store`` (a ``KGStore``), one per
    (article, subject, relation, object) after mapping entities to gold names."""
    from kg.vocab import NS

    index = _name_index(gold, aliases)
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_NAMES_QUERY):
        iri, name = row["e"].value, row["name"].value
        names[iri].update(index.get(norm_name(name), ()))
    for row in store.query("SELECT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"):
        labels.setdefault(row["e"].value, row["l"].value)

    seen: dict[tuple, Predicted] = {}
    for row in store.query(_FACTS_QUERY):
        p = row["p"].value
        if not p.startswith(NS) or p[len(NS):] not in RELATIONS:
            continue
        rel = p[len(NS):]
        s, o = row["s"].value, row["o"].value
        sn, on = frozenset(names.get(s, ())), frozenset(names.get(o, ()))
        s_key = min(sn) if sn else norm_name(labels.get(s, s))
        o_key = min(on) if on else norm_name(labels.get(o, o))
        pair = tuple(sorted((s_key, o_key))) if rel in SYMMETRIC else (s_key, o_key)
        key = (row["doc"].value, rel, pair)
        conf = float(row["conf"].value) if row["conf"] is not None else 0.0
        ev = row["ev"].value if row["ev"] is not None else ""
        cand = Predicted(row["doc"].value, labels.get(s, s), rel, labels.get(o, o), sn, on, ev, conf)
        old = seen.get(key)
        if old is None or (cand.confidence, cand.evidence) > (old.confidence, old.evidence):
            seen[key] = cand
    return sorted(seen.values(), key=lambda f: (f.doc, f.relation, f.subject, f.object))


def matches(p: Predicted, g: GoldRow) -> bool:
    """Does predicted fact ``p`` state gold row ``g``?"""
    if p.doc != g.doc or p.relation not in g.relations:
        return False
    if g.subject in p.subject_names and g.object in p.object_names:
        return True
    return p.relation in SYMMETRIC and g.object in p.subject_names and g.subject in p.object_names


def score_facts(predicted: Iterable[Predicted], gold: list[GoldRow]) -> SeedReport:
    """Score predicted facts against gold rows (the pure part of :func:`score_seeds`)."""
    report = SeedReport()
    by_doc: dict[str, list[GoldRow]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)

    def rel_score(rel: str) -> RelationScore:
        return report.per_relation.setdefault(rel, RelationScore())

    found: set[GoldRow] = set()
    for p in predicted:
        hits = [g for g in by_doc.get(p.doc, ()) if matches(p, g)]
        good = [g for g in hits if g.status in ("required", "optional")]
        if good:
            report.tp += 1
            rel_score(p.relation).tp += 1
            report.true_positives.append((p, good[0]))
            found.update(g for g in good if g.status == "required")
        elif any(g.status == "ignore" for g in hits):
            report.ignored += 1
        else:
            report.fp += 1
            rel_score(p.relation).fp += 1
            report.false_positives.append(p)
    for g in gold:
        if g.status != "required":
            continue
        report.required += 1
        hit = g in found
        report.found += hit
        for rel in g.relations:
            rs = rel_score(rel)
            rs.required += 1
            rs.found += hit
        if not hit:
            report.misses.append(g)
    return report


def score_seeds(out_dir: str | Path, gold_path: str | Path, aliases_path: str | Path | None = None) -> SeedReport:
    """Score the graph built in ``out_dir`` against the gold facts in ``gold_path``."""
    from kg.store import KGStore

    gold = read_gold(gold_path)
    aliases = read_aliases(aliases_path)
    with KGStore(out_dir, create=False, read_only=True) as store:
        predicted = graph_facts(store, gold, aliases)
    return score_facts(predicted, gold)


# -------------------------------------------------------------------- PLOVER


@dataclass(frozen=True)
class PloverActor:
    text: str
    code: str

    @property
    def iso(self) -> str | None:
        code = self.code.strip().upper()[:3]
        if len(code) != 3 or code in _NON_COUNTRY_CODES or not code.isalpha():
            return None
        return CAMEO_TO_ISO.get(code, code)


@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str  # current PLOVER type
    sources: tuple[PloverActor, ...]
    targets: tuple[PloverActor, ...]


@dataclass(frozen=True)
class PloverOutcome:
    record: PloverRecord
    hit: bool
    pair_found: bool
    type_correct: bool
    got: tuple[str, ...]  # the facts extracted from the sentence, "S rel O"
    event_facts: int = 0  # event facts (PLOVER relations, not negated) extracted from the sentence
    event_facts_exact: int = 0  # of those, the ones with the record's actors and event type


@dataclass
class PloverReport:
    """Recall of (source, event type, target) on PLOVER records."""

    outcomes: list[PloverOutcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def hits(self) -> int:
        return sum(o.hit for o in self.outcomes)

    @property
    def recall(self) -> float:
        return _ratio(self.hits, self.total)

    @property
    def pairs_found(self) -> int:
        return sum(o.pair_found for o in self.outcomes)

    @property
    def type_accuracy(self) -> float:
        """Of the records whose actor pair was found, the share with the right event type."""
        return _ratio(sum(o.type_correct for o in self.outcomes if o.pair_found), self.pairs_found)

    @property
    def misses(self) -> list[PloverOutcome]:
        return [o for o in self.outcomes if not o.hit]

    @property
    def event_facts(self) -> int:
        return sum(o.event_facts for o in self.outcomes)

    @property
    def fact_precision(self) -> float:
        """Of the event facts extracted, the share with the record's actors and event type. A
        lower bound on precision: a sentence may state a second, true event the record does not code."""
        return _ratio(sum(o.event_facts_exact for o in self.outcomes), self.event_facts)

    def per_type(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            out[o.record.event][0] += o.hit
            out[o.record.event][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}

    def format(self, *, verbose: bool = False) -> str:
        lines = [
            f"PLOVER: recall {self.recall:.3f} ({self.hits}/{self.total} records), "
            f"actor pair found in {self.pairs_found}, type accuracy on those {self.type_accuracy:.3f}",
            f"event facts extracted: {self.event_facts}, with the record's actors and type: "
            f"{sum(o.event_facts_exact for o in self.outcomes)} ({self.fact_precision:.3f})",
            "",
            f"{'type':<12}{'recall':>8}{'hits':>6}{'records':>9}",
        ]
        for t, (h, n) in self.per_type().items():
            lines.append(f"{t:<12}{_ratio(h, n):>8.3f}{h:>6}{n:>9}")
        if verbose:
            lines += ["", f"Misses ({len(self.misses)}):"]
            for o in self.misses:
                r = o.record
                src = " + ".join(a.text for a in r.sources) or "?"
                tgt = " + ".join(a.text for a in r.targets) or "-"
                lines.append(f"  {r.id}: {src} {r.event} {tgt}  -- {_short(r.text)}")
                lines.append(f"      got: {'; '.join(o.got) if o.got else 'nothing'}")
        return "\n".join(lines)


def read_plover(path: str | Path) -> list[PloverRecord]:
    def actors(value) -> tuple[PloverActor, ...]:
        if not isinstance(value, list):
            return ()
        return tuple(PloverActor(str(a.get("actorText", "")), str(a.get("code", ""))) for a in value
                     if isinstance(a, dict))

    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                records.append(PloverRecord(str(r.get("id", n)), r["text"], plover_type_of_record(r["event"]),
                                            actors(r.get("source")), actors(r.get("target"))))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
                raise KGUsageError(Errors.E032.format(path=path, line=n, reason=e)) from e
    if not records:
        raise KGUsageError(Errors.E033.format(path=path))
    return records


def _boundary_contains(haystack: str, needle: str) -> bool:
    if not needle:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def actor_matches(entity, actor: PloverActor, entities: dict | None = None) -> bool:
    """Does an extracted entity name the record's actor?

    By name (its label or any alias inside the actor text, or the actor text
    inside a name, on token boundaries) or by country code: a country's own, or
    for a group of people (``kg:Group``) the code of its country, as event data
    codes "Serbian demonstrators" SRB.
    """
    text = norm_name(actor.text)
    for name in (entity.key, *entity.alt_labels):
        n = norm_name(name)
        if n and text and (_boundary_contains(text, n) or _boundary_contains(n, text)):
            return True
    code = getattr(entity, "country_code", None)
    country = getattr(entity, "country", None)
    if not code and country and entities and country in entities:
        code = getattr(entities[country], "country_code", None)
    return bool(code and actor.iso and code.upper() == actor.iso)


def _judge(record: PloverRecord, entities: dict, facts) -> PloverOutcome:
    def is_actor(key: str, group: tuple[PloverActor, ...]) -> bool:
        ent = entities.get(key)
        return ent is not None and any(actor_matches(ent, a, entities) for a in group)

    hit = pair = typed = False
    got = []
    n_events = n_exact = 0
    for f in facts:
        if f.negated:
            continue
        ptype = PLOVER_TYPE.get(f.relation)
        n_events += ptype is not None
        got.append(f"{f.subject} {f.relation} {f.object}")
        if record.targets:
            forward = is_actor(f.subject, record.sources) and is_actor(f.object, record.targets)
            backward = is_actor(f.subject, record.targets) and is_actor(f.object, record.sources)
            symmetric = ptype in SYMMETRIC_PLOVER or record.event in SYMMETRIC_PLOVER
            found = forward or (backward and symmetric)
        else:
            # No target: the source acting is enough (compound actors of a
            # symmetric event may appear on either side).
            found = is_actor(f.subject, record.sources) or (
                record.event in SYMMETRIC_PLOVER and is_actor(f.object, record.sources))
        if found:
            pair = True
            if ptype == record.event:
                typed = hit = True
                n_exact += 1
    return PloverOutcome(record, hit, pair, typed, tuple(got), n_events, n_exact)


def score_plover(jsonl_path: str | Path, extractor=None, *, batch_size: int = 32) -> PloverReport:
    """Run the extractor on each record's sentence and score (source, type, target)."""
    from kg.ingest.article import Article

    if extractor is None:
        from kg.extract import Extractor

        extractor = Extractor()
    records = read_plover(jsonl_path)
    by_id = {r.id: r for r in records}
    articles = [Article(id=r.id, text=r.text, title=None) for r in records]
    report = PloverReport()
    for af in extractor.pipe(articles, batch_size=batch_size):
        rec = by_id[af.article.id]
        report.outcomes.append(_judge(rec, {e.key: e for e in af.entities}, af.facts))
    report.outcomes.sort(key=lambda o: o.record.id)
    return report
