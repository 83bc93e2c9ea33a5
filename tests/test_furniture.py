"""Page furniture is removed from article bodies by general line rules; article sentences stay."""

from __future__ import annotations

import pytest

from index.loaders.furniture import furniture_rule, strip_furniture
from index.loaders.metadata import make_article


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Loading...",
        "Read more",
        "ADVERTISEMENT Article continues below this ad",
        "Facebook Twitter Whatsapp Reddit Email Share",
        "News email {{ #verifyErrors }} {{ message }} {{ /verifyErrors }} Something went wrong.",
        "Sign up to our free weekly newsletter",
        "CLICK HERE TO GET THE NEWS APP",
        "Get the best stories in our free newsletter. Sign up with your email address to receive it.",
        "Read more: Markets slide as rates rise",
        "RELATED: The ten best moments of the season",
        "Watch This Story | Star Wars Saga: A Galactic Surprise for the Champion",
        "Watch This Story: Every Superstar Who Attacked the Chairman",
        "(Getty Images)",
        "Eddie Jones with fans during a training session at the stadium. (Getty)",
        "The two leaders meet on the sidelines of the summit in Lisbon, November 14, 2022. Karl Ostin | Reuters",
        "A view of the city covered with snow on December 7, 2023. Mara Velt | Anadolu | Getty Images",
        "A fulfillment centre in Eastvale on Aug. 31, 2021. Jo Phan | News Group | The Press via Getty Images",
        "The striker celebrates his second goal. Photograph: Jane Smith/Agency",
        "Photo by John Doe / The Daily",
        "© Agency",
        "If you buy something using links in our stories, we may earn a commission.",
        "DOCTORS SAY THIS WINTER COULD BE THE WORST IN A DECADE: 'BE READY'",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture_rule(line), line


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the plan would be published on Monday.",
        '"We will not sign up for this," the union leader said.',
        "Read the full report, which runs to 200 pages, before you judge it.",
        "The photo shows the two leaders shaking hands in Geneva.",
        "5 Dalton Kincaid, Bills @ Chiefs",
        "13 Hours: The Secret Soldiers of Benghazi",
        "WEEK 14 PPR RANKINGS:",
        "NATO",
        "Share prices fell 3% on Tuesday after the announcement.",
        "Why It Matters",
        "The deal was first reported by the news agency (Reuters) last week.",
        "The deal was first reported by Reuters",
        "Scores: Arsenal 2 | Chelsea 1 | attendance 60,000 | Reuters reported the fine on Tuesday.",
    ],
)
def test_article_lines_stay(line: str) -> None:
    assert furniture_rule(line) == "", line


def test_numbered_captions_go_only_on_a_page_with_credited_numbered_captions() -> None:
    page = (
        "The club is for sale.\n6 The owner could still have a big say Credit: Agency\n"
        "6 His wisest move could be to hire his old neighbour\nThe fans are unhappy."
    )
    text, removed = strip_furniture(page)
    assert text == "The club is for sale.\nThe fans are unhappy."
    assert [r.rule for r in removed] == ["photo credit", "gallery caption"]
    listing = "Rankings:\n6 His wisest move could be to hire his old neighbour\n7 Another line"
    assert strip_furniture(listing)[0] == listing


def test_stored_text_is_the_cleaned_body_and_offsets_index_it(tmp_path) -> None:
    body = "Advertisement\nThe mayor said the bridge will close.\nFacebook Twitter Email Share\n"
    body += '"It is old," she said.'
    article = make_article(body=body, relpath="a.txt", root=tmp_path)
    assert article.text == 'The mayor said the bridge will close.\n"It is old," she said.'
    start = article.text.index("It is old")
    assert article.text[start : start + 9] == "It is old"


def test_a_page_of_nothing_but_furniture_is_kept_whole(tmp_path) -> None:
    page = "Advertisement\nRead more"
    assert make_article(body=page, relpath="a.txt", root=tmp_path).text == page


def test_a_loading_label_glued_between_sentences_goes_and_the_word_elsewhere_stays() -> None:
    """"… next week. Loading Clark also said …": the widget label is no part of the next sentence (it had made a
    person "Loading Clark"); "Loading is slow." and "Loading docks" are words of the article."""
    text, removed = strip_furniture("Results are due next week. Loading Clark also said rates fell.\n\n"
                                    "Loading is slow at the port. Loading docks were busy.")
    assert text == "Results are due next week. Clark also said rates fell.\n\nLoading is slow at the port. Loading " \
                   "docks were busy."
    assert [r.rule for r in removed] == ["label"]
    # before a paragraph's first sentence too: "Loading Blue Apron soared" had hidden the sentence as widget text
    text, removed = strip_furniture("Stocks fell.\n\nLoading Blue Apron soared 134 per cent after the deal.")
    assert text == "Stocks fell.\n\nBlue Apron soared 134 per cent after the deal." and len(removed) == 1
