"""kg.dates: metadata dates normalised, sentence dates resolved against the article date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.dates import event_date, find_dates, parse_date, resolve

WEDNESDAY = "2015-09-30"


@pytest.mark.parametrize("expression, article_date, expected", [
    ("on Monday", WEDNESDAY, "2015-09-28"),
    ("on Wednesday", WEDNESDAY, "2015-09-30"),  # the article's own day
    ("last Wednesday", WEDNESDAY, "2015-09-23"),
    ("next Monday", WEDNESDAY, "2015-10-05"),
    ("yesterday", WEDNESDAY, "2015-09-29"),
    ("last night", WEDNESDAY, "2015-09-29"),
    ("today", WEDNESDAY, "2015-09-30"),
    ("tomorrow", WEDNESDAY, "2015-10-01"),
    ("the day before yesterday", WEDNESDAY, "2015-09-28"),
    ("two days ago", WEDNESDAY, "2015-09-28"),
    ("a week ago", WEDNESDAY, "2015-09-23"),
    ("in September 2015", None, "2015-09"),
    ("in September", WEDNESDAY, "2015-09"),
    ("in December", "2016-01-04", "2015-12"),  # the closest December
    ("last March", "2016-01-04", "2015-03"),
    ("next March", "2016-01-04", "2016-03"),
    ("on 28 September", "2016-01-04", "2015-09-28"),
    ("on September 28", WEDNESDAY, "2015-09-28"),
    ("on 28th of September 2014", WEDNESDAY, "2014-09-28"),
    ("Sept. 28, 2015", None, "2015-09-28"),
    ("2015-09-28", None, "2015-09-28"),
    ("last month", "2015-01-10", "2014-12"),
    ("this year", WEDNESDAY, "2015"),
    ("since 2011", None, "2011"),
    ("on Monday", None, None),  # relative, nothing to anchor it
    ("last week", WEDNESDAY, None),  # a week is not a date
    ("on 31 February 2015", None, None),
    ("they may go", WEDNESDAY, None),  # "may" is a verb
    ("a march in the capital", WEDNESDAY, None),
])
def test_resolve(expression, article_date, expected):
    assert resolve(expression, article_date) == expected


def test_date_time_article_dates_anchor_on_their_day():
    assert resolve("yesterday", "2015-10-01T14:30:00+03:00") == "2015-09-30"


def test_find_dates_in_a_sentence():
    found = find_dates("Talks that began on 3 March ended last Friday, officials said on Sunday.", "2016-03-20")
    assert [(d.text, d.value) for d in found] == [
        ("3 March", "2016-03-03"), ("last Friday", "2016-03-18"), ("on Sunday", "2016-03-20")]
    sentence = "Talks that began on 3 March"
    assert sentence[found[0].start:found[0].end] == "3 March"


def test_day_only():
    s = "In September 2015 Russia sent jets, and on Monday it said so."
    assert event_date(s, WEDNESDAY) == "2015-09"
    assert event_date(s, WEDNESDAY, day_only=True) == "2015-09-28"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_the_latest_such_day_on_or_before_the_article(anchor, weekday):
    got = date.fromisoformat(resolve(f"on {weekday}", anchor.isoformat()))
    assert got.strftime("%A") == weekday and timedelta(0) <= anchor - got < timedelta(days=7)


@pytest.mark.parametrize("raw, expected", [
    ("2015-09-28", "2015-09-28"),
    ("2015-09-28T14:30:00+03:00", "2015-09-28T14:30:00+03:00"),
    ("2015-09-28T11:30:00Z", "2015-09-28T11:30:00Z"),
    ("2015-09-28 14:30", "2015-09-28T14:30:00"),
    ("2015-09-28T14:30:00.123456+00:00", "2015-09-28T14:30:00+00:00"),
    ("Mon, 28 Sep 2015 14:30:00 +0300", "2015-09-28T14:30:00+03:00"),
    ("Mon, 28 Sep 2015 14:30:00 GMT", "2015-09-28T14:30:00+00:00"),
    ("28 September 2015", "2015-09-28"),
    ("September 28, 2015", "2015-09-28"),
    ("2015/9/28", "2015-09-28"),
    ("2015-02-30", None),
    ("yesterday-ish", None),
    ("", None),
    (None, None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_parsed_dates_are_valid_xsd_literals():
    import pyoxigraph as ox

    xsd = "http://www.w3.org/2001/XMLSchema#"
    for raw in ("2015-09-28", "Mon, 28 Sep 2015 14:30:00 +0300", "2015-09-28T11:30:00Z", "2015-09-28 14:30"):
        value = parse_date(raw)
        dtype, later = (xsd + "date", "2100-01-01") if len(value) == 10 else (xsd + "dateTime", "2100-01-01T00:00:00Z")
        # Only a valid literal compares as a date; an invalid one makes the comparison an error (false).
        q = f'ASK {{ FILTER("{value}"^^<{dtype}> < "{later}"^^<{dtype}>) }}'
        assert ox.Store().query(q), value


@pytest.mark.parametrize("sentence, datatype", [
    ("Russia sent jets on Monday.", "date"),
    ("Russia sent jets in September 2015.", "gYearMonth"),
    ("Russia has sent jets since 2014.", "gYear"),
])
def test_resolved_dates_get_the_right_xsd_type_in_the_graph(sentence, datatype):
    from kg.graph.build import date_literal

    lit = date_literal(event_date(sentence, WEDNESDAY))
    assert lit.datatype.value == "http://www.w3.org/2001/XMLSchema#" + datatype
