"""The UI's HTML and copy text, without a browser: escaping, quote kinds, citations, timelines, tables."""

from __future__ import annotations

import html
import re

import pytest

from assistant.schema import Answer, Citation
from ui.export import answer_export
from ui.views import html as h
from ui.views.answer import answer_html, reveal_steps, sources_html
from ui.views.article import article_html
from ui.views.conversation import welcome_html
from ui.views.tables import articles_table_html
from ui.views.timeline import chart_html, timeline_html

HOSTILE = "<script>alert(1)</script> Bad <img src=x onerror=alert(1)> and \"It is <b>safe</b>,\" said Ada."
QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb"  # double marks; a single one may be an apostrophe ("article's")


def unquoted(text: str) -> bool:
    """No quotation marks in ``text``, and none wrapping it."""
    text = text.strip()
    return not any(m in text for m in QUOTE_MARKS) and not (text[:1] in "'\u2018" and text[-1:] in "'\u2019")


def no_live_markup(fragment: str) -> None:
    """No tag an attacker could use survives: every '<' of article text arrives escaped."""
    assert not re.search(r"<\s*(script|img|iframe)\b|<b>", fragment, re.I), fragment


def cite(n: int = 1, **kw) -> Citation:
    base = dict(n=n, article_id=f"a-{n}", title="A title", source="Outlet", url="https://x.example/a",
                published="2023-10-20T21:30:28+00:00", quote=f"quote number {n} with enough words", start=0,
                end=10, speaker="Ada Quorn", kind="direct")
    return Citation(**{**base, **kw})


def answer(text: str, *cites: Citation, answered: bool = True) -> Answer:
    return Answer(question="q", standalone_question="q", answered=answered, answer=text, citations=list(cites))


def visible_text(fragment: str) -> str:
    """Text a reader sees: tags and hidden copy sources removed."""
    fragment = re.sub(r"<div class='na-copy-src'[^>]*hidden>.*?</div>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


# --- quote kinds ------------------------------------------------------------------------------


def test_direct_quotes_are_in_quotation_marks_and_reported_speech_is_labelled_without() -> None:
    direct = visible_text(h.said_html("I will go", "direct"))
    reported = visible_text(h.said_html("he would go", "reported"))
    plain = visible_text(h.said_html("The sky is blue.", ""))
    assert direct == "\u201cI will go\u201d"
    assert "article's report" in reported and reported.endswith("he would go") and unquoted(reported)
    assert "article text" in plain and not any(m in plain for m in "\u201c\u201d")


def test_reported_citation_in_an_answer_has_no_quotation_marks() -> None:
    out = answer_html("Q", answer("She said things [1].", cite(1, kind="reported", quote="Russia had not asked")),
                      0, lambda _id: True)
    ref = re.search(r"<li class='na-ref[^>]*>(.*?)</li>", out, re.S).group(1)
    words = visible_text(ref)
    assert "Russia had not asked" in words and "article's report" in words
    assert "\u201cRussia" not in words and "asked\u201d" not in words


# --- answers ----------------------------------------------------------------------------------


def test_answer_links_known_markers_escapes_everything_and_groups_sources_by_article() -> None:
    c1 = cite(1, quote="<img src=x onerror=alert(1)>", speaker="<b>Eve</b>", title="<script>t</script>")
    c2 = cite(2, quote="second quote, not in the prose", article_id="a-1")
    out = answer_html("q", answer("Eve said <x> [1] and [2] and [7].", c1, c2), 3, lambda _id: True)
    no_live_markup(out)
    assert out.count("href='#open:chat:a-1:0:10'") == 4  # two markers in the prose, two source numbers
    assert "[7]" in out and "data-ref='ref-t3-7'" not in out  # unknown markers stay plain text
    assert out.count("na-src-article") == 1 and out.count("na-title") == 1  # one article: its title once
    assert "data-ref='ref-t3-1'" in out and "id='ref-t3-2'" in out


def test_a_quote_already_in_the_prose_is_not_printed_twice() -> None:
    words = "If, after taking office, the political will remains"
    out = answer_html("q", answer(f"Peskov said: \u201c{words}\u201d [1]", cite(1, quote=words)), 0, lambda _id: True)
    hidden_by_css = r"<span class='na-said na-direct'>\u201c<span class='na-words'>.*?</span>\u201d</span>"
    shown = visible_text(re.sub(hidden_by_css, "", out.split("na-sources", 1)[1], flags=re.S))
    assert words not in shown and "quoted above" in shown
    assert "na-ref na-ref-above" in out  # the words stay in the page for the preview card, hidden by CSS


def test_a_deleted_source_is_shown_as_deleted_without_a_link() -> None:
    out = answer_html("q", answer("Said [1] and [2].", cite(1), cite(2, article_id="gone")), 0,
                      lambda aid: aid != "gone")
    assert "#open:chat:gone" not in out and "deleted from the index" in out
    assert "#open:chat:a-1:" in out
    copied = answer_export("q", answer("Said [2].", cite(2, article_id="gone")), alive=lambda _id: False)
    assert "deleted from the index" in copied and "quote number 2" not in copied


def test_refusal_shows_the_filters_note_and_the_copy_actions() -> None:
    out = answer_html("q", answer("The indexed articles don't say.", answered=False), 0, lambda _id: True,
                      filters_note="Filters are on (since 2024-01-01); they may leave the answer out.")
    assert "na-refused" in out and "Filters are on" in out and "data-copy='markdown'" in out


def test_copy_text_is_plain_with_numbered_quotes_and_sources() -> None:
    a = answer("Ada said so [1]; the article reports more [2].", cite(1),
               cite(2, kind="reported", quote="the plan would work", title="Second *title*", url=""))
    text = answer_export("What did Ada say?", a)
    md = answer_export("What did Ada say?", a, markdown=True)
    for out in (text, md):
        assert "<" not in out and ">" not in out
        assert "What did Ada say?" in out and "Ada said so [1]" in out
        assert "\u201cquote number 1 with enough words\u201d" in out and "Ada Quorn" in out
        assert "Reported by the article:" in out and "\u201cthe plan would work\u201d" not in out
        assert "Outlet" in out and "20 Oct 2023" in out and "https://x.example/a" in out
    assert "[1] \u201cquote" in text and "**[1]**" in md and "Second \\*title\\*" in md


def test_syndicated_copies_are_named_when_the_engine_groups_them() -> None:
    c = cite(1)
    c.also_in = ["AP", "Yahoo News"]  # Citation.also_in, where the engine groups syndicated copies
    out = answer_html("q", answer("Said [1].", c), 0, lambda _id: True)
    assert "also in AP, Yahoo News" in visible_text(out)
    assert "(also in AP, Yahoo News)" in answer_export("q", answer("Said [1].", c))
    row = {**_row("2023-12-02", "b", "words"), "also_in": ["AP"]}
    assert "also in AP" in visible_text(timeline_html("Ada Quorn", [row]))


def test_reveal_steps_grow() -> None:
    a = answer(" ".join(f"w{i}" for i in range(60)) + " [1]", cite(1))
    steps = list(reveal_steps(a, 0, lambda _id: True, steps=4))
    lengths = [len(visible_text(s)) for s in steps]
    assert len(steps) == 3 and lengths == sorted(lengths)  # then the whole answer
    assert list(reveal_steps(answer("Too short to reveal [1].", cite(1)), 0, lambda _id: True)) == []


# --- source panel -----------------------------------------------------------------------------


def test_article_html_escapes_everything_and_marks_the_span() -> None:
    start, end = HOSTILE.index("It is"), HOSTILE.index(',\" said')
    out = article_html({"title": "<script>x</script>", "source": "<b>O</b>", "text": HOSTILE}, start, end, back=True)
    no_live_markup(out)
    marked = re.search(rf"<mark id='{h.MARK_ID}'>(.*?)</mark>", out, re.S)
    assert marked and html.unescape(marked.group(1)) == HOSTILE[start:end]
    assert "na-back" in out


@pytest.mark.parametrize("span", [(2, 99), (3, 3)])
def test_article_html_marks_nothing_for_an_empty_or_outside_span(span) -> None:
    out = article_html({"title": "t", "text": "short text"}, *span)
    assert "<mark" not in out and "short text" in out


@pytest.mark.parametrize("value", ["", "#open:chat", "#open:chat:a b:1:2", "#open:chat:a:x:2", "#open:chat:a:5:2",
                                   "#other:chat:a:1:2", "#open:chat:../x:1:2"])
def test_parse_link_rejects_malformed_keys(value: str) -> None:
    assert h.parse_link(value) is None


def test_source_link_round_trips() -> None:
    assert h.parse_link(h.source_link("chat", "abc-123", 4, 9)) == ("abc-123", 4, 9)
    assert h.source_link("chat", "bad id'", 1, 2) == "#"


def test_hide_paths_keeps_basenames_and_web_addresses() -> None:
    out = h.hide_paths("/home/u/data/uploads/x.txt: same id as a.txt in /srv/corpus/sub)")
    assert "/home" not in out and "/srv" not in out and out.startswith("x.txt:")
    assert h.display_name("https://news.example/feeds/all.xml") == "https://news.example/feeds/all.xml"


def test_dates_and_clipping_read_naturally() -> None:
    assert h.day("2023-10-20T21:30:28+00:00") == "20 Oct 2023" and h.day("") == "" and h.day("undated") == ""
    long = "Mauricio Pochettino looks past James mistake and stakes future"
    assert h.clip(long, 30) == "Mauricio Pochettino looks\u2026"


# --- speakers, tables, welcome -----------------------------------------------------------------


def _row(day: str, article: str, quote: str, kind: str = "direct") -> dict:
    return {"speaker": "Ada Quorn", "quote": quote, "start": 0, "end": 5, "kind": kind, "article_id": article,
            "title": f"Title {article}", "source": "Outlet", "published": day}


def test_timeline_groups_by_day_newest_first_with_counts_and_a_numbered_chart() -> None:
    rows = [_row("2023-12-02T10:00:00", "b", "later words"), _row("2023-12-02T10:00:00", "b", "more words", "reported"),
            _row("2023-10-01T09:00:00", "a", "early words"), _row("", "c", "undated words")]
    out = timeline_html("Ada Quorn", rows, also=("Ada Quorn", "Quorn"))
    days = re.findall(r"<h4>(.*?)</h4>", out)
    assert [visible_text(d) for d in days] == ["2 Dec 2023 2 quotes", "1 Oct 2023 1 quote", "Undated 1 quote"]
    assert "4 quotations in 3 articles" in visible_text(out) and "Also named Quorn" in visible_text(out)
    assert out.count("#open:speakers:") == 4
    bars = re.findall(r"<span class='na-bar-n'>(\d+)</span>", out)
    assert bars == ["1", "0", "2"]  # Oct, Nov (no quote), Dec: every bar carries its number
    reported = re.search(r"na-reported'>(.*?)</span></span>", out, re.S).group(1)
    assert "more words" in visible_text(reported) and unquoted(visible_text(reported))


def test_chart_by_day_for_a_short_span() -> None:
    out = chart_html(["2023-10-01", "2023-10-01", "2023-10-03"])
    assert re.findall(r"na-bar-label'>(.*?)<", out) == ["1 Oct", "3 Oct"]


def test_articles_table_cells_name_their_column_and_titles_open_the_article() -> None:
    rows = [{"id": "abc", "title": "<b>T</b>", "source": "Outlet", "published": "2023-10-20", "chunks": 3}]
    out = articles_table_html(rows)
    no_live_markup(out)
    assert "data-label='Outlet'" in out and "href='#open:articles:abc:0:0'" in out and "20 Oct 2023" in out


def test_welcome_says_what_is_indexed_and_offers_questions() -> None:
    from ui.catalog import Summary

    out = welcome_html(Summary(611, 31, "2023-09-26", "2023-12-24"), ["What did Ada Quorn say?"])
    assert "611 news articles" in out and "From 31 outlets, published 26 Sep 2023" in out
    assert "data-ask='What did Ada Quorn say?'" in out
    assert "No articles yet" in welcome_html(Summary(0, 0, "", ""), [])


def test_sources_html_numbers_survive_grouping() -> None:
    out = sources_html(answer("x [1] [2] [3]", cite(1, article_id="a"), cite(2, article_id="b"),
                              cite(3, article_id="a")), 0, lambda _id: True)
    assert re.findall(r"id='ref-t0-(\d)'", out) == ["1", "3", "2"]
