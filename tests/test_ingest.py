"""Readers: every input kind becomes Articles with their metadata (no model needed)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kg.ingest import Article, IngestOptions, Skipped, iter_articles

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def read(paths, options=None):
    """(articles by id, skipped, warnings) for ``paths``."""
    notes: list[str] = []
    items = list(iter_articles([str(p) for p in paths], options, warn=notes.append))
    arts = {a.id: a for a in items if isinstance(a, Article)}
    assert len(arts) == sum(isinstance(a, Article) for a in items), "ids must be unique"
    return arts, [s for s in items if isinstance(s, Skipped)], notes


def test_html_main_text_and_metadata():
    arts, skipped, _ = read([DATA / "article.html"])
    assert not skipped
    a = arts["article"]
    assert a.title == "Russia to keep arming Syria, Putin says"
    assert a.date == "2015-09-30"
    assert a.url == "https://www.middleeastmonitor.com/20150930-russia-to-keep-arming-syria/"
    assert a.author == "Jane Reporter"
    assert a.publisher == "Middle East Monitor"
    assert a.language == "en"
    assert "valiantly fighting" in a.text
    # boilerplate is dropped
    assert "All rights reserved" not in a.text and "Sport" not in a.text


def test_rss_entries_use_content_or_the_page_saved_beside_the_feed():
    arts, skipped, _ = read([DATA / "feed" / "news.rss"])
    lavrov = arts["sana-2015-1001"]  # summary-only entry: its page beside the feed gives the text
    assert "supplied weapons to the Iraqi army" in lavrov.text
    assert lavrov.title == "Lavrov: Moscow will go on backing Baghdad and Damascus"
    assert lavrov.date == "2015-10-01T14:30:00+03:00"  # the feed's date-time, offset kept
    assert lavrov.url == "https://sana.example.org/en/lavrov-backing-baghdad-damascus"
    assert lavrov.author == "SANA staff"
    assert lavrov.publisher == "Syrian Arab News Agency"  # the page's site name
    iran = arts["sana.example.org-en-iran-aid-convoy-iraq"]  # id from the guid URL
    assert iran.text.startswith("Iran sent a convoy") and "<p>" not in iran.text
    assert iran.date == "2015-10-02T08:00:00+00:00" and iran.publisher == "SANA"
    assert [s.reason.split(":")[0] for s in skipped] == ["no article text"]
    assert "entry 3" in skipped[0].source


def test_folder_reads_linked_page_once():
    arts, skipped, notes = read([DATA / "feed"])
    assert len(arts) == 2 and len(skipped) == 1 and not notes  # the page is not a second article


def test_atom_feed():
    arts, skipped, _ = read([DATA / "atom.xml"])
    (a,) = arts.values()
    assert a.id == "presstv.example.org-2015-article-77"
    assert a.date == "2015-10-03T07:45:00+03:30"
    assert a.publisher == "PressTV World" and a.author == "Press TV"
    assert "Kurdish fighters" in a.text


def test_markdown_front_matter_and_markup_removed():
    arts, _, _ = read([DATA / "saudi_russia.md"])
    a = arts["saudi_russia"]
    assert (a.title, a.date, a.url, a.author, a.publisher) == (
        "Saudi Arabia and Russia discuss Syria", "2015-10-11", "https://example.org/news/saudi-russia-syria",
        "Desk Editor", "Example News")
    assert "Mohammed bin Salman met Russian President Vladimir Putin" in a.text
    assert "**" not in a.text and "](" not in a.text and "---" not in a.text


def test_jsonl_records_ids_bad_lines_and_duplicates():
    arts, skipped, notes = read([DATA / "corpus.jsonl"])
    assert set(arts) == {"tass-1", "tass-3"}
    assert arts["tass-1"].date == "2016-10-04" and arts["tass-1"].title == "Russia delivers S-300 to Syria"
    assert arts["tass-3"].date is None
    kinds = sorted(s.kind for s in skipped)
    assert kinds == ["duplicate", "invalid JSON", "no text"]
    assert any("line 2" in s.source for s in skipped)
    assert any(n.startswith("W006") and "yesterday-ish" in n for n in notes)


def test_csv_with_configured_fields():
    opts = IngestOptions(text_field="body", title_field="headline", date_field="published", url_field="link")
    arts, skipped, _ = read([DATA / "corpus.csv"], opts)
    assert not skipped
    by_title = {a.title: a for a in arts.values()}
    jordan = by_title["Jordan closes border with Syria"]
    assert jordan.date == "2015-04-01" and jordan.url == "https://petra.example.org/1"
    assert jordan.id == "petra.example.org-1"  # no id column: a slug of the URL
    assert by_title["Qatar pledges aid to Syrian refugees"].date == "2015-04-15"


def test_csv_ids_fall_back_to_stem_and_record_number(tmp_path):
    f = tmp_path / "wire.csv"
    f.write_text("text\nRussia sent jets to Syria.\nIran sent advisers to Iraq.\n")
    arts, _, _ = read([f])
    assert sorted(arts) == ["wire-1", "wire-2"]


def test_tsv_and_semicolon_csv(tmp_path):
    (tmp_path / "a.tsv").write_text("title\ttext\nT\tRussia sent jets to Syria, officials said.\n")
    (tmp_path / "b.csv").write_text("title;text\nT;Iran sent advisers to Iraq, officials said.\n")
    arts, skipped, _ = read([tmp_path])
    assert not skipped and {a.text for a in arts.values()} == {
        "Russia sent jets to Syria, officials said.", "Iran sent advisers to Iraq, officials said."}


def test_include_and_exclude_globs(tmp_path):
    for name in ("a.txt", "b.html", "drafts/c.txt", ".hidden/d.txt", "notes.rtf"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"<html><body><p>Article {name} says Russia supplies Syria with weapons.</p></body></html>"
                     if name.endswith("html") else f"Article {name} says Russia supplies Syria with weapons.")
    assert sorted(read([tmp_path])[0]) == ["a", "b", "c"]  # recursive; hidden and unknown kinds left out
    assert sorted(read([tmp_path], IngestOptions(include=("*.txt",)))[0]) == ["a", "c"]
    assert sorted(read([tmp_path], IngestOptions(exclude=("drafts/*",)))[0]) == ["a", "b"]
    assert sorted(read([tmp_path], IngestOptions(include=("*.rtf",)))[0]) == ["notes"]
    _, skipped, _ = read([tmp_path], IngestOptions(include=("*.pdf",)))
    assert [s.kind for s in skipped] == ["no readable files"]


def test_stdin(monkeypatch):
    text = "Russia said on Monday it would keep supplying Syria with weapons.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    arts, skipped, _ = read(["-"])
    (a,) = arts.values()
    assert a.text == text and a.id.startswith("stdin-") and a.source == "-"
    html = (DATA / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    (b,) = read(["-"])[0].values()  # sniffed as HTML: metadata and a URL-based id
    assert b.publisher == "Middle East Monitor"
    assert b.id == "middleeastmonitor.com-20150930-russia-to-keep-arming-syria"


def test_same_article_twice_is_read_once(tmp_path):
    body = "Russia will keep providing military assistance to Syria, President Putin said on Monday."
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.txt").write_text("  " + body.upper().replace(" ", "\n"))  # same text, re-wrapped
    (tmp_path / "c.html").write_text(f"<html><head><link rel='canonical' href='https://x.org/n/1'></head>"
                                     f"<body><p>{body} Iran agreed.</p></body></html>")
    (tmp_path / "d.html").write_text(f"<html><head><link rel='canonical' href='https://www.x.org/n/1/'></head>"
                                     f"<body><p>Another text with Iraq, said on Tuesday by the ministry.</p></body></html>")
    arts, skipped, _ = read([tmp_path])
    assert sorted(arts) == ["a", "c"]
    assert sorted(s.reason for s in skipped) == ["duplicate: same URL as article 'c'",
                                                 "duplicate: same text as article 'a'"]
    assert {s.code for s in skipped} == {"W003"}


def test_same_id_different_articles_both_kept(tmp_path):
    for d, country in (("x", "Syria"), ("y", "Iraq")):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(f"Russia supplies {country} with weapons, officials said.")
    arts, _, notes = read([tmp_path])
    assert sorted(arts) == ["story", "story-2"]
    assert len(notes) == 1 and notes[0].startswith("W007") and "story-2" in notes[0]


def test_non_english_is_skipped_naming_the_file():
    arts, skipped, _ = read([DATA / "french.txt"])
    assert not arts
    assert skipped[0].code == "W002" and "french.txt" in skipped[0].message and "'fr'" in skipped[0].reason
    arts, skipped, _ = read([DATA / "french.txt"], IngestOptions(language_check=False))
    assert list(arts) == ["french"] and not skipped
    assert arts["french"].language == "fr"  # kept, and not labelled English in the graph


@pytest.mark.parametrize("lang, text", [
    ("es", "Rusia seguirá proporcionando asistencia militar y técnica a Siria e Irak en su lucha contra el terrorismo, "
           "afirmó el lunes el presidente Vladímir Putin ante la Asamblea General de las Naciones Unidas en Nueva York."),
    ("de", "Russland wird Syrien und dem Irak weiterhin militärische und technische Hilfe im Kampf gegen den Terrorismus "
           "leisten, sagte Präsident Wladimir Putin am Montag vor der Generalversammlung der Vereinten Nationen."),
])
def test_other_languages_are_skipped(tmp_path, lang, text):
    (tmp_path / "x.txt").write_text(text)
    _, skipped, _ = read([tmp_path / "x.txt"])
    assert skipped[0].reason.startswith(f"not English: detected '{lang}'")


def test_short_texts_are_not_judged(tmp_path):
    (tmp_path / "x.txt").write_text("Putin in Damaskus.")
    assert list(read([tmp_path / "x.txt"])[0]) == ["x"]


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).parent.parent / "kg/data/sample").glob("*.txt")))
def test_the_sample_is_english(name):
    from kg.settings import sample_corpus

    arts, skipped, _ = read([Path(sample_corpus()) / name])
    assert not skipped and len(arts) == 1


def test_ingest_options_on_the_build_command():
    from kg.cli import make_parser
    from kg.ingest.options import options_from_args

    args = make_parser().parse_args(["build", "x.csv", "--text-field", "body", "--include", "*.csv",
                                     "--exclude", "old/*", "--max-size", "5", "--timeout", "3", "--any-language",
                                     "--format", "csv"])
    opts = options_from_args(args)
    assert (opts.text_field, opts.include, opts.exclude, opts.max_bytes, opts.timeout, opts.language_check,
            opts.format) == ("body", ("*.csv",), ("old/*",), 5 * 1024 * 1024, 3.0, False, "csv")


def test_bad_option_values_are_usage_errors():
    from kg.cli import make_parser
    from kg.errors import KGUsageError
    from kg.ingest.options import options_from_args

    with pytest.raises(KGUsageError, match="E041"):
        options_from_args(make_parser().parse_args(["build", "--max-size", "0"]))
