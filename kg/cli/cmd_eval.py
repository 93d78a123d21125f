"""kg eval: score the graph against gold facts, or the extractor against PLOVER records."""

from __future__ import annotations

from pathlib import Path

HELP = "score the built graph against gold facts (.tsv) or the extractor against PLOVER records (.jsonl)"
DESCRIPTION = """\
Measure extraction quality.

With a gold TSV (columns: doc, subject, relation, object, status, evidence),
scores the graph built in --out: precision = predicted non-negated facts that
match a required or optional gold row / all predicted facts outside ignore
rows; recall = required rows found / required rows; F1. Entities match a gold
name when their label or an alternative label is one of the name's aliases
(--aliases: canonical name, tab, |-separated aliases; case-insensitive, a
leading "the " ignored). consultsWith, cooperatesWith and agreesWith match in
either direction. Prints the overall and per-relation scores.

With PLOVER event records (.jsonl, one sentence each), runs the extractor on
every sentence and reports the recall of (source, event type, target), the
event-type accuracy where the actor pair was found, and per-type recall.

--verbose lists the misses and the false positives with their evidence.
"""
EPILOG = """\
examples:
  kg build && kg eval tests/data/seeds_gold.tsv --aliases tests/data/aliases.tsv
  kg eval tests/data/seeds_gold.tsv --aliases tests/data/aliases.tsv --out mygraph --verbose
  kg eval tests/data/plover_dev.jsonl --verbose
"""


def add_arguments(p) -> None:
    p.add_argument("gold", metavar="GOLD", help="gold facts (.tsv) or PLOVER event records (.jsonl)")
    p.add_argument("--aliases", metavar="ALIASES.tsv", default=None,
                   help="entity aliases (default: aliases.tsv next to GOLD, if there is one)")
    p.add_argument("--out", "-o", default="output", help="folder of the built graph (default: %(default)s)")
    p.add_argument("--model", default=None, help="spaCy model for PLOVER records (default: as 'kg build')")
    p.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives with evidence")


def run(args) -> int:
    from kg.errors import Errors, KGUsageError
    from kg.evaluate import score_plover, score_seeds

    gold = Path(args.gold)
    if not gold.exists():
        raise FileNotFoundError(Errors.E001.format(path=gold))
    suffix = gold.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        from kg.extract import Extractor

        report = score_plover(gold, Extractor(model=args.model))
    elif suffix in (".tsv", ".txt", ".tab"):
        aliases = args.aliases
        if aliases is None and (gold.parent / "aliases.tsv").exists() and gold.name != "aliases.tsv":
            aliases = gold.parent / "aliases.tsv"
        if aliases is not None and not Path(aliases).exists():
            raise FileNotFoundError(Errors.E001.format(path=aliases))
        report = score_seeds(args.out, gold, aliases)
    else:
        raise KGUsageError(Errors.E034.format(path=gold))
    print(report.format(verbose=args.verbose))
    return 0
