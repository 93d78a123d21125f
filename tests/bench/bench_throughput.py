"""Throughput of ``kg build`` against a bare spaCy loop, measured in one run.

    .venv/bin/python tests/bench/bench_throughput.py [--articles 300] [--rounds 2] [--workers 2]

Writes a synthetic corpus (``kg.synthetic``: the sample articles with
gazetteer entities substituted), then, in fresh processes so no model cache is
shared, times:

* ``bare``: read the files, ``spacy.load`` with exactly the spaCy components
  the extractor's pipeline runs (the others excluded), then
  ``for doc in nlp.pipe(texts, batch_size=64): pass``;
* ``kg w1``: ``kg build CORPUS --no-pages --quiet`` (ingest, extraction, graph,
  store writes, Turtle), one worker;
* ``kg wN``: the same with ``--workers N``.

Each timing covers interpreter start, imports and model load, for all three.
The runs are interleaved (bare, w1, wN, bare, ...) to spread machine noise;
medians and ratios are printed. Words are whitespace-separated tokens of the
texts, so a words/s ratio is a time ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
import spacy
from kg.nlp.model import resolve_model_name
model, corpus, exclude = sys.argv[1] or None, sys.argv[2], json.loads(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(corpus).glob("*.txt"))]
nlp = spacy.load(resolve_model_name(model), exclude=exclude)
for doc in nlp.pipe(texts, batch_size=64):
    pass
print(json.dumps({"seconds": time.perf_counter() - t0, "words": sum(len(t.split()) for t in texts)}))
"""

COMPONENTS = r"""
import json, sys
import spacy
from kg.extract import Extractor
from kg.nlp.model import resolve_model_name
ex = Extractor(model=sys.argv[1] or None)
base = set(spacy.load(resolve_model_name(sys.argv[1] or None)).component_names)
print(json.dumps({"all": ex.nlp.pipe_names, "spacy": [p for p in ex.nlp.pipe_names if p in base],
                  "exclude": sorted(base - set(ex.nlp.pipe_names))}))
"""


def run_json(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and all its children) of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_bare(model: str, corpus: Path, exclude: list[str]) -> tuple[float, float]:
    return timed([sys.executable, "-c", BARE, model, str(corpus), json.dumps(exclude)])


def time_kg(corpus: Path, workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as out:
        return timed([sys.executable, "-m", "kg", "build", str(corpus), "--out", out, "--no-pages", "--quiet",
                      "--workers", str(workers)])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-words", type=int, default=None, help="shorten the synthetic articles")
    p.add_argument("--model", default="")
    args = p.parse_args(argv)

    from kg.synthetic import write_corpus

    comps = run_json(COMPONENTS, args.model)
    print(f"extractor pipeline: {comps['all']}; spaCy components timed in the bare loop: {comps['spacy']}")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    wn = f"w{args.workers}"
    keys = ("bare", "w1", wn)
    wall: dict[str, list[float]] = {k: [] for k in keys}
    cpu: dict[str, list[float]] = {k: [] for k in keys}
    loads = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as d:
        corpus = write_corpus(Path(d), args.articles, seed=args.seed, max_words=args.max_words)
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in corpus.glob("*.txt"))
        for r in range(args.rounds):
            for k in keys:
                w, c = (time_bare(args.model, corpus, comps["exclude"]) if k == "bare"
                        else time_kg(corpus, 1 if k == "w1" else args.workers))
                wall[k].append(w)
                cpu[k].append(c)
            loads.append(os.getloadavg()[0])
            print(f"round {r + 1}: " + ", ".join(f"{k} {wall[k][-1]:.1f} s wall / {cpu[k][-1]:.1f} s cpu" for k in keys)
                  + f"; load average {loads[-1]:.2f}", flush=True)
    mw = {k: statistics.median(v) for k, v in wall.items()}
    mc = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"\n{args.articles} articles, {words} words, {args.rounds} round(s), medians:")
    for k, label in (("bare", "bare nlp.pipe"), ("w1", "kg build, 1 worker"), (wn, f"kg build, {args.workers} workers")):
        print(f"  {label:<24} {mw[k]:7.1f} s wall {words / mw[k]:8.0f} words/s   {mc[k]:7.1f} s cpu")
    print(f"kg build (1 worker) / bare nlp.pipe, words/s   = {mw['bare'] / mw['w1']:.2f}x  (required >= 0.85)")
    print(f"  same, by CPU time (robust to other load)     = {mc['bare'] / mc['w1']:.2f}x")
    print(f"kg build {args.workers} workers / 1 worker, words/s     = {mw['w1'] / mw[wn]:.2f}x  (required >= 1.7 on 2 cores)")
    print(f"  CPU time of {args.workers} workers / 1 worker          = {mc[wn] / mc['w1']:.2f}x  (parallel overhead)")
    print("per round, kg/bare: " + ", ".join(f"{b / w:.2f}" for b, w in zip(wall["bare"], wall["w1"]))
          + f"; {wn}/w1: " + ", ".join(f"{a / b:.2f}" for a, b in zip(wall["w1"], wall[wn])))
    # CPU the runs got against what they could use. On a quiet machine: ~100 % for
    # one process, ~90 % for N workers (start-up and graph.ttl are serial).
    cores = os.cpu_count() or 1
    share = {k: statistics.median(cpu[k][i] / (wall[k][i] * min(cores, 1 if k in ("bare", "w1") else args.workers))
                                  for i in range(args.rounds)) for k in keys}
    print("CPU used / CPU available: " + ", ".join(f"{k} {v:.0%}" for k, v in share.items()))
    if share["bare"] < 0.9 or share["w1"] < 0.9 or share[wn] < 0.85 or max(loads) > cores + 0.5:
        print(f"WARNING: other processes competed for the {cores} cores (load average up to {max(loads):.1f}), "
              "so wall-clock ratios (above all the multi-worker speed-up) are understated; re-run on a quiet machine.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
