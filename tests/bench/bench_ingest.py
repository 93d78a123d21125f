"""Reading speed of the ingest stage alone (no extraction): python tests/bench/bench_ingest.py

Generates 200 HTML pages and a 10,000-record JSONL file in a temporary folder,
times ``iter_articles`` over each in a fresh process, and prints peak RSS.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURE = """
import sys, time, resource
from kg.ingest import iter_articles, Article
t = time.perf_counter()
n = sum(isinstance(a, Article) for a in iter_articles(sys.argv[1:]))
dt = time.perf_counter() - t
print(f"{n} articles in {dt:.2f} s ({1000 * dt / n:.2f} ms each); peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
"""


def main() -> None:
    page = (ROOT / "tests/data/ingest/article.html").read_text()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for i in range(200):
            (tmp / f"p{i:03}.html").write_text(page.replace("valiantly", f"valiantly ({i})")
                                               .replace("20150930-russia", f"20150930-{i}-russia"))
        with open(tmp / "c.jsonl", "w") as f:
            for i in range(10000):
                text = f"Russia delivered {i} air defence systems to Syria, the defence ministry said on Tuesday. " * 5
                f.write(json.dumps({"id": f"r{i}", "text": text, "date": "2016-10-04"}) + "\n")
        for label, args in (("200 HTML pages", sorted(map(str, tmp.glob("*.html")))),
                            ("JSONL, 10,000 records", [str(tmp / "c.jsonl")])):
            out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, cwd=ROOT,
                                 check=True).stdout.strip()
            print(f"{label}: {out}")


if __name__ == "__main__":
    main()
