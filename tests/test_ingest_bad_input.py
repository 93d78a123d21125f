"""Bad input: each case gives one warning naming the file and the reason; the rest builds.

The cases here are the rows of the bad-input table in README.md ("Bad input")
(checked below). Big and binary fixtures are generated in tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import Article, IngestOptions, Skipped, iter_articles

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "ingest"
GOOD = "Russia will keep providing military and technical assistance to Syria, President Vladimir Putin said."


def only(path, options=None):
    """The single item read from ``path``, and the warnings given on the way."""
    notes: list[str] = []
    items = list(iter_articles([str(path)], options, warn=notes.append))
    assert len(items) == 1, items
    return items[0], notes


def make(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


# name -> (file content, expected kind of the skip reason)
SKIPS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t \r\n", "empty file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary file"),
    "report.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "binary file"),
    "noise.txt": (bytes(range(256)) * 64, "binary file"),
    "no_body.html": ((DATA / "no_body.html").read_bytes(), "no article text"),
    "menu_only.html": (b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>",
                       "no article text"),
    "malformed.rss": ((DATA / "malformed.rss").read_bytes(), "malformed feed"),
    "no_text_column.csv": ((DATA / "no_text_column.csv").read_bytes(), "no text column"),
    "wrong_key.jsonl": (b'{"body": "Russia supplies Syria."}\n', "no text column"),
}


@pytest.mark.parametrize("name", sorted(SKIPS))
def test_bad_file_is_skipped_with_a_reason(tmp_path, name):
    data, kind = SKIPS[name]
    item, _ = only(make(tmp_path, name, data))
    assert isinstance(item, Skipped) and item.kind == kind, item
    line = item.message
    assert "\n" not in line and name in line and line.startswith("W00")


def test_missing_path(tmp_path):
    item, _ = only(tmp_path / "nope.txt")
    assert item.reason == "no such file or directory" and "nope.txt" in item.message


@pytest.mark.parametrize("names", [(), ("photo.png", ".DS_Store", "sub/.hidden.txt")])
def test_directory_with_no_readable_files(tmp_path, names):
    for n in names:
        make(tmp_path, n, b"\x00\x01")
    item, _ = only(tmp_path)
    assert item.kind == "no readable files" and str(tmp_path) in item.message


def test_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    item, _ = only(fifo)  # would block forever if opened
    assert item.reason == "not a regular file"


def test_latin1_is_read_with_a_warning(tmp_path):
    text = "Caf\u00e9 owners in Damas said the Syrian army was \u00abfighting\u00bb near the front, a r\u00e9sident said."
    item, notes = only(make(tmp_path, "latin.txt", text.encode("latin-1")))
    assert isinstance(item, Article) and item.text == text
    assert len(notes) == 1 and notes[0].startswith("W004") and "latin.txt" in notes[0]


def test_windows_1252_quotes(tmp_path):
    text = "\u201cWe will help Syria,\u201d Putin said \u2013 and Iran agreed."
    item, notes = only(make(tmp_path, "quotes.txt", text.encode("cp1252")))
    assert item.text == text and notes[0].startswith("W004")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_encodings_are_text(tmp_path, encoding):
    text = f"Caf\u00e9 talk: {GOOD} \u0627\u0644\u0623\u0633\u062f"
    item, notes = only(make(tmp_path, "u.txt", text.encode(encoding)))  # 'utf-16' and 'utf-32' write a BOM
    assert isinstance(item, Article) and item.text == text and not notes


def test_utf16_html_with_bom(tmp_path):
    html = f"<html><head><title>Putin on Syria</title></head><body><article><p>{GOOD}</p></article></body></html>"
    item, _ = only(make(tmp_path, "u16.html", html.encode("utf-16")))
    assert isinstance(item, Article) and GOOD in item.text


def test_html_declared_charset_is_used_without_a_warning(tmp_path):
    html = f"<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9: {GOOD}</p></body></html>"
    item, notes = only(make(tmp_path, "l1.html", html.encode("latin-1")))
    assert "Caf\u00e9" in item.text and not notes


def test_50_mb_file_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: instant to make
    tracemalloc.start()
    item, _ = only(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert item.kind == "larger than 20 MB" and "50.0 MB" in item.reason and "--max-size" in item.reason
    assert peak < 5 * 1024 * 1024, f"peak {peak} bytes: the file was read"
    item, _ = only(big, IngestOptions(max_mb=0.5))
    assert item.kind == "larger than 0.5 MB"


def test_big_jsonl_is_streamed_and_big_records_skipped(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w") as f:
        for i in range(300):
            f.write(f'{{"id": "r{i}", "text": "{GOOD} Record {i}. {"x" * 4000}"}}\n')
    items = list(iter_articles([p], IngestOptions(max_mb=0.5, language_check=False)))
    assert p.stat().st_size > 0.5 * 1024 * 1024 and sum(isinstance(a, Article) for a in items) == 300
    items = list(iter_articles([p], IngestOptions(max_mb=0.001, language_check=False)))
    assert all(isinstance(s, Skipped) and s.kind == "larger than 0.001 MB" for s in items)


def test_feed_with_entries_then_an_error_keeps_the_entries(tmp_path):
    feed = (DATA / "atom.xml").read_text().replace("</feed>", "<entry><title>cut</titl")
    notes: list[str] = []
    items = list(iter_articles([make(tmp_path, "cut.atom", feed.encode())], warn=notes.append))
    assert any(isinstance(a, Article) for a in items)
    assert notes and notes[0].startswith("W005") and "cut.atom" in notes[0]


def test_not_a_feed(tmp_path):
    item, _ = only(make(tmp_path, "sitemap.xml", b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>"))
    assert item.kind == "not a feed"


def test_the_bad_input_table_lists_every_case():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    doc = readme[readme.index("### Bad input"):]
    doc = doc[:doc.index("\n## ")]
    table = [line for line in doc.splitlines() if line.startswith("|")]
    for case in ("empty file", "binary file", "latin-1", "UTF-16", "50 MB", "no body", "malformed feed",
                 "without the text column", "does not exist", "no readable files", "not English", "same article"):
        assert any(case in row for row in table), case


# End to end, through the real CLI: the good file builds, the bad ones warn, the store keeps what it had.

def _ids(out: Path) -> set[str]:
    from kg.store import KGStore

    with KGStore(out, create=False, read_only=True) as store:
        return set(store.article_ids())


def _kg(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def _bad_corpus(folder: Path) -> list[str]:
    for name, (data, _) in SKIPS.items():
        make(folder, name, data)
    make(folder, "latin.txt", f"Caf\u00e9 news: {GOOD} Iran agreed.".encode("latin-1"))
    make(folder, "french.txt", (DATA / "french.txt").read_bytes())
    with open(folder / "big.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    return [*SKIPS, "french.txt", "big.txt"]


@pytest.mark.model
@pytest.mark.slow
def test_cli_bad_corpus_into_existing_store(built_copy, tmp_path):
    before = _ids(built_copy)
    corpus = tmp_path / "corpus"
    bad = _bad_corpus(corpus)
    r = _kg("build", str(corpus), str(tmp_path / "missing.txt"), "--out", str(built_copy), "--no-pages", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if line.startswith("W0")]
    for name in [*bad, "missing.txt"]:
        assert sum(name in w for w in warnings) == 1, (name, warnings)
    assert sum(w.startswith("W004") and "latin.txt" in w for w in warnings) == 1
    assert "Traceback" not in r.stderr
    summary = next(line for line in r.stdout.splitlines() if line.startswith("Skipped:"))
    for kind, n in (("empty file", 2), ("binary file", 3), ("no article text", 2), ("not English", 1),
                    ("larger than 20 MB", 1), ("no such file or directory", 1), ("no text column", 2)):
        assert f"{kind} {n}" in summary, summary
    after = _ids(built_copy)
    assert before < after and after - before == {"latin"}


@pytest.mark.slow
def test_cli_nothing_readable_exits_1_and_keeps_the_store(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _kg("build", str(empty), "--out", str(tmp_path / "out"), "--no-pages", "-q", cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"W001: skipped '{empty}': no readable files: no article files " \
                       f"({' '.join(sorted(__import__('kg.ingest.readers', fromlist=['KINDS']).KINDS))})"
    assert "E002" in lines[-1] and len(lines) == 2


@pytest.mark.model
def test_sync_keeps_articles_whose_files_became_unreadable(built_copy, tmp_path):
    from kg.build import build
    from kg.settings import sample_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    files = sorted(corpus.glob("*.txt"))
    files[0].write_bytes(b"")  # became empty: kept
    files[1].write_bytes(b"%PDF-1.4 ...")  # became binary: kept
    files[2].unlink()  # gone: removed by --sync
    report = build([corpus], built_copy, sync=True, pages=False, warn=lambda m: None)
    assert report.removed == [files[2].stem]
    assert sorted(s.article_id for s in report.skipped) == sorted([files[0].stem, files[1].stem])
    ids = _ids(built_copy)
    assert ids == {f.stem for f in files} - {files[2].stem}


def test_jsonl_first_record_without_text_does_not_lose_the_file(tmp_path):
    p = make(tmp_path, "c.jsonl", b'{"id": "meta", "note": "header"}\n{"id": "a", "text": "' + GOOD.encode() + b'"}\n')
    items = list(iter_articles([p]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Article"]
    assert items[0].reason == "no text: 'text' is missing or empty" and "line 1" in items[0].source


def test_text_file_named_jsonl_is_one_skip(tmp_path):
    p = make(tmp_path, "notes.jsonl", ("This is not JSON at all.\n" * 500).encode())
    item, _ = only(p)
    assert item.reason == "not JSON Lines: line 1: invalid JSON: Expecting value"


SUFFIXES = [".txt", ".md", ".html", ".rss", ".jsonl", ".csv"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"<html><body>", b"<?xml version='1.0'?><rss><channel><item>", b'{"text": 1}\n[1]\n"x"\n',
                     b"text\n\"unclosed", b"---\ntitle: [\n---\n", b"\xff\xfe\x00", b"\xef\xbb\xbf"]),
), suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise(tmp_path, data, suffix):
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(data)
    for item in iter_articles([p], warn=lambda m: None):
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Skipped):
            assert "\n" not in item.message
        else:
            assert item.text.strip() and item.id
