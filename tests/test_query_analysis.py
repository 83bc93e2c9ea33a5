"""Query analysis: sub-questions, outlets named in readers' words, dates and date phrases."""

from datetime import date

import pytest

from assistant.query import QueryAnalyser
from assistant.query.dates import DateRange, find_dates
from assistant.query.outlets import OutletCatalog, host_key, name_keys, outlet_keys
from assistant.query.parts import split_parts

REF = date(2023, 12, 31)  # a Sunday
ARTICLES = [
    ("The Guardian", "https://www.theguardian.com/x"), ("The Independent - Sports", "https://www.independent.co.uk/y"),
    ("The Verge", "https://www.theverge.com/z"), ("Fortune", "https://fortune.com/a"),
    ("CBSSports.com", "https://www.cbssports.com/b"), ("The Age", ""), ("", "https://www.bbc.co.uk/news/c"),
    ("TechCrunch", "https://techcrunch.com/d"),
]
CATALOG = OutletCatalog(set().union(*(outlet_keys(s, u) for s, u in ARTICLES)))


def spans(text: str) -> list[tuple[str, DateRange]]:
    return [(s.text, s.range) for s in find_dates(text, REF)]


def d(y: int, m: int, day: int) -> date:
    return date(y, m, day)


@pytest.mark.parametrize("text, expected", [
    ("as CNBC reported on October 6, 2023, and", [("October 6, 2023", DateRange(d(2023, 10, 6), d(2023, 10, 6)))]),
    ("per TechCrunch's Nov. 17th story", [("Nov. 17th", DateRange(d(2023, 11, 17), d(2023, 11, 17)))]),
    ("on 6 October 2023", [("6 October 2023", DateRange(d(2023, 10, 6), d(2023, 10, 6)))]),
    ("the 2023-10-06 story", [("2023-10-06", DateRange(d(2023, 10, 6), d(2023, 10, 6)))]),
    ("in early December 2023", [("early December 2023", DateRange(d(2023, 12, 1), d(2023, 12, 10)))]),
    ("at the end of November", [("the end of November", DateRange(d(2023, 11, 21), d(2023, 11, 30)))]),
    ("in the last week of November", [("the last week of November", DateRange(d(2023, 11, 24), d(2023, 11, 30)))]),
    ("what happened in September", [("September", DateRange(d(2023, 9, 1), d(2023, 9, 30)))]),
    ("last Tuesday", [("last Tuesday", DateRange(d(2023, 12, 26), d(2023, 12, 26)))]),
    ("yesterday", [("yesterday", DateRange(d(2023, 12, 30), d(2023, 12, 30)))]),
    ("last month", [("last month", DateRange(d(2023, 11, 1), d(2023, 11, 30)))]),
    ("since October 5", [("October 5", DateRange(d(2023, 10, 5), None))]),
    ("before Nov 3", [("Nov 3", DateRange(None, d(2023, 11, 3)))]),
    ("between Oct 1 and Oct 10", [("Oct 1 and Oct 10", DateRange(d(2023, 10, 1), d(2023, 10, 10)))]),
])
def test_date_phrases_resolve_to_day_ranges(text, expected):
    assert spans(text) == expected


def test_dates_without_a_year():
    # the year another date in the question states, else the latest year not after the reference
    assert [r for _, r in spans("on Dec 12, and the series on Dec 21, 2022?")] == [
        DateRange(d(2022, 12, 12), d(2022, 12, 12)), DateRange(d(2022, 12, 21), d(2022, 12, 21))]
    assert spans("on March 3")[0][1] == DateRange(d(2023, 3, 3), d(2023, 3, 3))
    assert find_dates("on March 3", date(2024, 1, 15))[0].range.start == d(2023, 3, 3)


@pytest.mark.parametrize("text", ["may 5 people said so", "in may", "March 10 people to the hall", "the age of AI"])
def test_words_that_are_not_dates(text):
    assert all(s.text != "may 5" and s.text != "may" for s in find_dates(text, REF))
    if text.startswith("March"):  # capitalised month + number is a date, even at the start
        assert spans(text)[0][1].start == d(2023, 3, 10)


def test_outlet_keys_from_names_and_addresses():
    assert {"theindependent", "independent", "theindependentsports"} <= name_keys("The Independent - Sports")
    assert "cbssports" in name_keys("CBSSports.com")
    assert host_key("https://www.bbc.co.uk/news") == "bbc" and host_key("https://fortune.com/x") == "fortune"


@pytest.mark.parametrize("text, keys", [
    ("Did the Guardian and the Independent agree?", ["theguardian", "theindependent"]),
    ("per the guardian, and", ["theguardian"]),
    ("Going by the guardian's live blogs", ["theguardian"]),
    ("What did CBS Sports say?", ["cbssports"]),
    ("What did the BBC report?", ["bbc"]),
    ("according to techcrunch", ["techcrunch"]),
    ("The Verge's review", ["theverge"]),
    ("on the verge of collapse", []),
    ("a fortune in fees", []),
    ("the age of AI", []),
    ("What did the Times say?", []),  # not an outlet of this collection
])
def test_outlets_named_in_readers_words(text, keys):
    assert [m.key for m in CATALOG.find(text)] == keys


@pytest.mark.parametrize("question, parts", [
    ("What did Gary Wang tell the jury, and what did Bankman-Fried later call his decision?",
     ["What did Gary Wang tell the jury", "what did Bankman-Fried later call his decision?"]),
    ("How long was Harbaugh suspended, who ran the team when Michigan beat Ohio State, and where was Michigan seeded?",
     ["How long was Harbaugh suspended", "who ran the team when Michigan beat Ohio State",
      "where was Michigan seeded?"]),
    ("Which film opened bigger? What did Fortune expect for the Eras Tour film in October?",
     ["Which film opened bigger?", "What did Fortune expect for the Eras Tour film in October?"]),
    ("Before the Epic v. Google trial opened, what did the company argue, and once it began, what did Epic claim?",
     ["Before the Epic v. Google trial opened, what did the company argue", "once it began, what did Epic claim?"]),
    ("The Swans topped the crowd figures while the Suns took the last finals spot",
     ["The Swans topped the crowd figures", "the Suns took the last finals spot"]),
    ("How did the market react to the slump in September compared with how investors saw the rally in October?",
     ["How did the market react to the slump in September", "how investors saw the rally in October?"]),
    ("How did the market react in September compared with October 10?",  # too short to ask on its own
     ["How did the market react in September compared with October 10?"]),
    ("Did Ohtani's contract end up bigger than projected, and who did he sign with?",
     ["Did Ohtani's contract end up bigger than projected", "who did he sign with?"]),
    ("What did Peskov say about the talks?", ["What did Peskov say about the talks?"]),
    ("Did Apple, Google, and Microsoft all report higher profits?",
     ["Did Apple, Google, and Microsoft all report higher profits?"]),
])
def test_sub_questions(question, parts):
    assert [p.text for p in split_parts(question)] == parts


def test_analysis_gives_each_part_its_outlets_and_dates():
    analyser = QueryAnalyser(CATALOG, REF)
    a = analyser.analyse("According to TechCrunch, what did Ellison say on Oct 10, and how did The Verge rate "
                         "the cross-examination?")
    first, second = a.parts
    assert a.outlets == {"techcrunch", "theverge"} and a.dates == (DateRange(d(2023, 10, 10), d(2023, 10, 10)),)
    assert first.outlets == {"techcrunch"} and first.dates == a.dates
    assert second.outlets == {"theverge"} and second.dates == a.dates  # no date of its own: the question's
    assert "TechCrunch" not in first.search and "Ellison" in first.search  # outlets are metadata, not words
    assert a.part_labels == [first.text, second.text] and a.sub_questions == [first.search, second.search]


def test_several_outlets_in_one_question_are_asked_one_by_one():
    a = QueryAnalyser(CATALOG, REF).analyse("Do the Guardian and The Verge agree on the bridge opening?")
    assert [p.outlets for p in a.parts] == [{"theguardian", "theverge"}, {"theguardian"}, {"theverge"}]
    assert len(a.sub_questions) == 1, "same text: one encoding, one search, three scorings"
    assert a.part_labels == [""]


def test_a_part_without_outlet_takes_the_questions():
    a = QueryAnalyser(CATALOG, REF).analyse(
        "In the Guardian's coverage, what did the coach say, and how did the club respond?")
    assert [p.outlets for p in a.parts] == [{"theguardian"}] * 2


def test_simple_question_is_one_search():
    a = QueryAnalyser(CATALOG, REF).analyse("What did Peskov say?")
    assert len(a.parts) == 1 and a.sub_questions == ["What did Peskov say?"] and not a.outlets and not a.dates
