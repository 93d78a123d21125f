"""Measure each relation rule's precision on gold facts and write it to ``rules.tsv``.

Confidence starts from these numbers, so they are measured, not guessed::

    python -m kg.extract.rel_calibrate tests/data/seeds_gold.tsv tests/data/aliases.tsv \\
        --corpus kg/data/sample --plover tests/data/plover_dev.jsonl --write kg/data/lexicons/rules.tsv

More article sets (``--also GOLD ALIASES CORPUS``) and record sets (``--plover``
again) add their counts, so a rule is judged on every development set at once.

A rule's precision is (tp + k * prior) / (fired + k): the facts it produced
that match a required/optional gold row (``kg.evaluate.matches``), smoothed
towards ``prior`` with ``k`` pseudo-facts so that a rule seen a handful of
times does not claim certainty. Facts on ``ignore`` rows are not counted.
With ``--plover``, facts on PLOVER records whose subject and object are the
record's actors count too (right when their event type is the record's).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

PRIOR = 0.75
PSEUDO = 4.0


def measure(corpus, gold_path, aliases_path, *, extractor=None) -> dict[str, tuple[int, int]]:
    """rule -> (true positives, facts fired) over the corpus."""
    from kg.evaluate import Predicted, _name_index, matches, norm_name, read_aliases, read_gold
    from kg.ingest.readers import iter_articles

    if extractor is None:
        from kg.extract import Extractor

        extractor = Extractor()
    gold = read_gold(gold_path)
    index = _name_index(gold, read_aliases(aliases_path))
    by_doc = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    articles = [a for a in iter_articles([Path(corpus)]) if hasattr(a, "text")]
    for af in extractor.pipe(articles):
        ents = {e.key: e for e in af.entities}

        def names(key):
            e = ents[key]
            out = set()
            for n in (e.key, *e.alt_labels):
                out |= index.get(norm_name(n), set())
            return frozenset(out)

        for f in af.facts:
            if f.negated:
                continue
            p = Predicted(af.article.id, f.subject, f.relation, f.object, names(f.subject), names(f.object))
            hits = [g for g in by_doc.get(af.article.id, ()) if matches(p, g)]
            if hits and all(g.status == "ignore" for g in hits):
                continue
            counts[f.rule][1] += 1
            counts[f.rule][0] += any(g.status in ("required", "optional") for g in hits)
    return {r: (tp, n) for r, (tp, n) in counts.items()}


def measure_plover(jsonl_path, *, extractor=None) -> dict[str, tuple[int, int]]:
    """rule -> (facts with the record's actor pair and the right event type, facts with the actor pair)."""
    from kg.evaluate import _judge, read_plover
    from kg.ingest.article import Article

    if extractor is None:
        from kg.extract import Extractor

        extractor = Extractor()
    records = {r.id: r for r in read_plover(jsonl_path)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for af in extractor.pipe([Article(id=r.id, text=r.text) for r in records.values()]):
        ents = {e.key: e for e in af.entities}
        for f in af.facts:
            if f.negated:
                continue
            o = _judge(records[af.article.id], ents, [f])
            if o.pair_found:
                counts[f.rule][1] += 1
                counts[f.rule][0] += o.type_correct
    return {r: (tp, n) for r, (tp, n) in counts.items()}


def smoothed(tp: int, n: int, prior: float = PRIOR, k: float = PSEUDO) -> float:
    """Precision shrunk towards the prior.

    >>> smoothed(0, 0)
    0.75
    >>> round(smoothed(10, 10), 3)
    0.929
    """
    return (tp + k * prior) / (n + k)


def write_rules(path: Path, counts: dict[str, tuple[int, int]]) -> None:
    """Rewrite the precision and firings columns of ``rules.tsv`` (comments and notes kept)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    header_seen = False
    for line in lines:
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        if not header_seen:
            header_seen = True
            out.append(line)
            continue
        cols = line.split("\t")
        rule = cols[0]
        if rule in counts:
            tp, n = counts[rule]
            cols[1] = f"{smoothed(tp, n):.2f}"
            cols[2] = f"{tp}/{n}"
        out.append("\t".join(cols))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("aliases")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--also", nargs=3, action="append", default=[], metavar=("GOLD", "ALIASES", "CORPUS"),
                    help="another article set with gold facts (repeatable)")
    ap.add_argument("--plover", action="append", default=[], help="also count PLOVER records (.jsonl; "
                    "repeatable): a fact with the record's actor pair is right when its event type is")
    ap.add_argument("--write", default=None, help="rules.tsv to update")
    args = ap.parse_args(argv)
    from kg.extract import Extractor

    extractor = Extractor()
    counts: dict[str, tuple[int, int]] = {}
    found = [measure(args.corpus, args.gold, args.aliases, extractor=extractor)]
    found += [measure(corpus, gold, aliases, extractor=extractor) for gold, aliases, corpus in args.also]
    found += [measure_plover(path, extractor=extractor) for path in args.plover]
    for part in found:
        for rule, (tp, n) in part.items():
            old_tp, old_n = counts.get(rule, (0, 0))
            counts[rule] = (old_tp + tp, old_n + n)
    for rule, (tp, n) in sorted(counts.items()):
        print(f"{rule:<16}{tp:>4}/{n:<4} precision {tp / n if n else 0:.2f}  smoothed {smoothed(tp, n):.2f}")
    if args.write:
        write_rules(Path(args.write), counts)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
