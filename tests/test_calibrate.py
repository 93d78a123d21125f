"""Rule calibration: each rule's precision measured on gold facts and written to ``rules.tsv``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import rel_calibrate
from kg.extract.rel_calibrate import measure, measure_plover, smoothed, write_rules

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).parent.parent / "kg" / "data" / "sample"
RULES = Path(__file__).parent.parent / "kg" / "data" / "lexicons" / "rules.tsv"


def test_write_rules_rewrites_counts_and_keeps_comments_and_notes(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text("# a comment\nrule\tprecision\tfirings\tnotes\nverb\t0.50\t0\tsubject - verb - object\n"
                    "noun\t0.70\t0\tnominalisations\n", encoding="utf-8")
    write_rules(path, {"verb": (9, 10)})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# a comment" and lines[1].startswith("rule\t")
    assert lines[2] == f"verb\t{smoothed(9, 10):.2f}\t9/10\tsubject - verb - object"
    assert lines[3] == "noun\t0.70\t0\tnominalisations"  # not measured: left as it was


@pytest.mark.model
@pytest.mark.slow
def test_calibration_adds_up_every_set_it_is_given(nlp, tmp_path, monkeypatch):
    from kg.extract import Extractor

    extractor = Extractor(nlp)
    monkeypatch.setattr("kg.extract.Extractor", lambda *a, **k: extractor)
    seeds = measure(SAMPLE, DATA / "seeds_gold.tsv", DATA / "aliases.tsv", extractor=extractor)
    unseen = DATA / "unseen_dev"
    articles = measure(unseen / "articles", unseen / "gold.tsv", unseen / "aliases.tsv", extractor=extractor)
    records = measure_plover(DATA / "plover_dev.jsonl", extractor=extractor)
    rules = tmp_path / "rules.tsv"
    rules.write_text(RULES.read_text(encoding="utf-8"), encoding="utf-8")
    assert rel_calibrate.main([str(DATA / "seeds_gold.tsv"), str(DATA / "aliases.tsv"), "--corpus", str(SAMPLE),
                               "--also", str(unseen / "gold.tsv"), str(unseen / "aliases.tsv"), str(unseen / "articles"),
                               "--plover", str(DATA / "plover_dev.jsonl"), "--write", str(rules)]) == 0
    written = {line.split("\t")[0]: line.split("\t")[2] for line in rules.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")}
    tp = sum(c.get("verb", (0, 0))[0] for c in (seeds, articles, records))
    n = sum(c.get("verb", (0, 0))[1] for c in (seeds, articles, records))
    assert n > seeds["verb"][1] > 0  # the article and record sets add firings of the main rule
    assert written["verb"] == f"{tp}/{n}"
