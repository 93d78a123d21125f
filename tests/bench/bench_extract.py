"""Overhead of the extraction components over the bare parse, measured in one run.

    .venv/bin/python tests/bench/bench_extract.py [--copies 12] [--rounds 3]

Times, over the bundled sample repeated ``--copies`` times and interleaved for
``--rounds`` rounds: ``bare`` = the English model with the components the
extractor runs, ``for doc in nlp.pipe(texts, batch_size=64)``; ``extract`` =
``Extractor.pipe`` (cleaning, kg_paragraphs, entities, coref, relations and
the conversion to ArticleFacts). Prints medians, the words/s ratio
extract/bare, and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import spacy

    from kg.extract.pipeline import Extractor
    from kg.ingest.readers import iter_articles
    from kg.nlp.model import UNUSED_COMPONENTS, resolve_model_name
    from kg.settings import sample_corpus

    arts = [a for a in iter_articles([sample_corpus()]) if hasattr(a, "text")] * args.copies
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(resolve_model_name(None), exclude=list(UNUSED_COMPONENTS))
    ex = Extractor(spacy.load(resolve_model_name(None), exclude=list(UNUSED_COMPONENTS)))
    list(bare.pipe(texts[:5]))
    list(ex.pipe(arts[:5]))
    tb, te = [], []
    facts = 0
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=64):
            pass
        tb.append(time.perf_counter() - t)
        t = time.perf_counter()
        facts = sum(len(af.facts) for af in ex.pipe(arts, batch_size=64))
        te.append(time.perf_counter() - t)
    b, e = statistics.median(tb), statistics.median(te)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(arts)}, words {words}, facts {facts}")
    print(f"bare    {b:6.2f} s  {words / b:8.0f} words/s")
    print(f"extract {e:6.2f} s  {words / e:8.0f} words/s")
    print(f"ratio extract/bare (words/s): {b / e:.2f}")
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
