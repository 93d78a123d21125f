"""What makes an article be re-extracted, and what --sync refuses to do."""

import pytest

from kg.build import build
from kg.errors import KGError


@pytest.mark.model
def test_a_new_lexicon_file_re_extracts_unchanged_articles(built_copy, tmp_path, monkeypatch):
    from kg.extract.version import _version

    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "verbs.tsv").write_text(
        "lemma\trelation\tprep\ttheme\tdirection\tprecision\tnotes\nbankroll\tsupplies\t\t\tfwd\t0.9\t\n"
    )
    monkeypatch.setenv("KG_LEXICONS", str(lex))
    _version.cache_clear()
    try:
        report = build(None, built_copy, progress=False, pages=False)
    finally:
        _version.cache_clear()
    assert len(report.built) == 5 and report.unchanged == []


def test_sync_refuses_a_missing_path_and_keeps_the_store(built_copy, tmp_path):
    from kg.store import KGStore

    with pytest.raises(KGError, match="E005"):
        build([tmp_path / "no-such-folder"], built_copy, sync=True, progress=False, pages=False)
    store = KGStore(built_copy, create=False, read_only=True)
    try:
        assert len(store.article_ids()) == 5
    finally:
        store.close()


def test_the_stamp_covers_the_extraction_code():
    """Upgrading kg (new rules in code) re-extracts stored articles: the code is in the stamp."""
    from pathlib import Path

    import kg
    from kg.extract.version import _data_files

    files = {p.resolve() for p in _data_files(())}
    package = Path(kg.__file__).resolve().parent
    for needed in ("extract/relations.py", "extract/rel_context.py", "extract/entities.py", "graph/build.py", "dates.py"):
        assert package / needed in files, needed
    assert all(p.exists() for p in files)
