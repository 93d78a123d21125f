"""Boilerplate removal: navigation, bylines, teasers, repeated headlines, title choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.clean import clean_article, clean_text, is_byline, is_navigation
from kg.ingest.article import Article
from kg.settings import sample_corpus


def _sample(stem):
    path = next(Path(sample_corpus()).glob(stem + "*.txt"))
    return clean_article(Article(id=path.stem, text=path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "line",
    [
        "Portuguese / Spanish / English",
        "Home | World | Putin says Russia will continue to defend Syria",
        "Font size: Decrease font Enlarge font",
        "Show Comments",
        "Written by:",
        "Europe & RussiaIraqMiddle EastNewsRussiaSyria",
        "Middle East Near You",
        "Share this:",
        "Tags: Syria, Russia",
        "Home > Middle East > Syria",
        "Facebook Twitter Email",
        "Sun Jan 5, 2020 03:12PM [Updated: Sun Jan 5, 2020 03:12PM ]",
    ],
)
def test_navigation_lines(line):
    assert is_navigation(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin says Russia will continue to defend Syria",
        "Russia provides military and technical assistance to Iraq and Syria.",
        "Moscow, SANA – Russian President Vladimir Putin affirmed that Russia has provided assistance.",
        "McDonald's opens in Moscow again",
        "On 15 August 2014, the UN Security Council adopted Resolution 2170.",
        "Syria has faced militancy since March 2011.",
    ],
)
def test_content_lines_are_not_navigation(line):
    assert not is_navigation(line)


@pytest.mark.parametrize("line", ["Manal Ismael", "Manar al-Freih / Hazem Sabbagh", "By Jane Doe", "Ahmed bin Ali and Sara Lee"])
def test_bylines(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", ["Syria", "Putin visits Ankara for talks.", "Check Also", "On 15 August 2014"])
def test_not_bylines(line):
    assert not is_byline(line)


def test_sample_000_drops_header_tags_and_comments():
    c = _sample("000")
    assert c.title == "Putin: Russia provides military, technical support to Iraq and Syria"
    for junk in ("Portuguese", "Middle East Near You", "RussiaIraq", "Show Comments"):
        assert junk not in c.body
    assert c.body.startswith(c.title)
    assert c.body.count(c.title) == 1


def test_sample_001_cuts_teaser_and_byline_keeps_dateline():
    c = _sample("001")
    assert "Moscow, SANA" in c.body
    assert "Check Also" not in c.body and "START" not in c.body and "Kiev" not in c.body
    assert "Manar al-Freih" not in c.body
    assert c.body.rstrip().endswith("even higher.")


def test_sample_003_dedupes_the_repeated_title():
    c = _sample("003")
    assert c.title == "Putin says Russia will continue to defend Syria"
    assert c.body.count("Putin says Russia will continue to defend Syria") == 1
    assert "Font size" not in c.body and "Home |" not in c.body


def test_sample_004_drops_byline_and_baltic_teaser():
    c = _sample("004")
    assert "Manal Ismael" not in c.body and "Baltic" not in c.body
    assert "Al-Nusra Front" in c.body


def test_new_site_layout():
    # a layout not in the sample: wire-service dateline, related block, author line
    text = (
        "Skip to content\n"
        "World | Middle East\n"
        "Turkey and Iraq agree to boost security cooperation\n"
        "By Selin Kaya\n"
        "ANKARA (Reuters) - Turkey and Iraq agreed on Tuesday to step up security cooperation\n"
        "against the PKK, officials said.\n"
        "\n"
        "The two ministers met in Baghdad.\n"
        "You may also like\n"
        "Iran hosts talks on Syria\n"
    )
    c = clean_text(text)
    assert c.title == "Turkey and Iraq agree to boost security cooperation"
    assert "Selin Kaya" not in c.body and "Iran hosts" not in c.body and "Skip to" not in c.body
    # the hard-wrapped sentence is one paragraph again
    assert "cooperation against the PKK" in c.body
    assert c.body.split("\n\n") == [
        "Turkey and Iraq agree to boost security cooperation",
        "ANKARA (Reuters) - Turkey and Iraq agreed on Tuesday to step up security cooperation against the PKK, officials said.",
        "The two ministers met in Baghdad.",
    ]


def test_given_title_wins():
    c = clean_article(Article(id="x", text="Some line here now\nBody text goes here.", title="Real title"))
    assert c.title == "Real title"
