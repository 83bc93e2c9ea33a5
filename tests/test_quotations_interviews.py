"""Interviews printed as questions and answers: the answers are the interviewee's words (``interviews.answers``)."""

from __future__ import annotations

import pytest
from quotations_helpers import speakers as _speakers

TRANSCRIPT = (
    "For the next few weeks, our newsletter will be running Q&As with people who build robots.\n\n"
    "This time it's Arvika Dynamics CTO, Nadia Ferrante. She has been with the company for 15 years.\n\n"
    "What will generative AI change in robotics?\n\n"
    "The current rate of change makes it hard to predict. We are already seeing new interfaces to our robots.\n\n"
    "[Editor's note: Arvika sold 300 robots last year, according to its annual report.]\n\n"
    "Are humanoids the right form?\n\n"
    "Yeah.\n\n"
    "Humanoids aren't the best form for every task. I think a box mover shows that better than anything.\n\n"
    "How far out are general-purpose robots?\n\n"
    "There are many hard problems between today and those robots, and my team works on the first of them.\n"
)


def test_a_transcripts_answers_are_the_interviewees_words() -> None:
    got = _speakers(TRANSCRIPT)
    answers = [
        "The current rate of change makes it hard to predict. We are already seeing new interfaces to our robots.",
        "Humanoids aren't the best form for every task. I think a box mover shows that better than anything.",
        "There are many hard problems between today and those robots, and my team works on the first of them.",
    ]
    assert [got.get(a) for a in answers] == ["Nadia Ferrante"] * 3  # "CTO, Nadia Ferrante": a person
    assert not any(q.startswith(("[Editor", "For the next", "This time", "Yeah")) for q in got)  # no answers


def test_questions_an_article_asks_itself_are_no_interview() -> None:
    # an explainer with questions for headings: no word that it prints an interview, and it answers in its own voice
    explainer = TRANSCRIPT.replace("running Q&As with people who build robots", "explaining robots")
    assert not any(q.startswith(("The current", "Humanoids", "There are")) for q in _speakers(explainer))
    third_person = (
        "In an interview with the BBC last year, Nadia Ferrante spoke about robots.\n\n"
        "So what happens next?\n\nThe company will ship its robots in March. Buyers have queued for months.\n\n"
        "Will prices fall?\n\nAnalysts expect the price to halve by 2026, as parts get cheaper.\n")
    assert not any(q.startswith(("The company", "Analysts")) for q in _speakers(third_person))


LABELLED = (
    "Twitch-like platform Streamly has had a tense year. In an interview, its chief revenue officer Mike Arkwell "
    "discussed the revenue split.\n\n"
    "Gazette: Is there anything Streamly is doing to appease irate creators?\n\n"
    "Mike Arkwell: Two years ago, we said we would end these deals. It affected a small number of creators.\n\n"
    "Both the CEO and I have said that this is the beginning and we will continue to work on it.\n\n"
    "What would that look like?\n\n"
    "The simple answer is that 350 subscriptions was the criteria we set, and that number could come down.\n\n"
    "Gazette: Thanks. Our readers asked about ads too.\n\n"
    "The ad break tool has been popular with our readers, the paper noted after the interview.\n"
)


def test_a_labelled_answer_goes_on_below_its_label_and_after_unlabelled_questions() -> None:
    got = _speakers(LABELLED)
    for answer in ("Two years ago, we said we would end these deals. It affected a small number of creators.",
                   "Both the CEO and I have said that this is the beginning and we will continue to work on it.",
                   "The simple answer is that 350 subscriptions was the criteria we set, and that number could come "
                   "down."):
        assert got.get(answer) == "Mike Arkwell", answer
    # the interviewer's remark is no question: what follows it is not the interviewee's
    assert not any(q.startswith("The ad break tool") for q in got)


def test_two_people_answering_share_no_unlabelled_answer() -> None:
    text = (
        "Our reporter sat down with producer Sam Reiner and host Brenna Mulligan for the anniversary.\n\n"
        "Gazette: Why stoats?\n\n"
        "Brenna Mulligan: They are marvelous animals and I love the season we made about them.\n\n"
        "And I say fun because we find our most success when we get specific.\n\n"
        "Gazette: What comes next?\n\n"
        "Sam Reiner: My advice is to find a better business model, and we found ours.\n\n"
        "Is the company healthy?\n\n"
        "We are the most healthy and sustainable we have ever been as a company.\n")
    got = _speakers(text)
    assert got.get("And I say fun because we find our most success when we get specific.") == "Brenna Mulligan"
    assert "We are the most healthy and sustainable we have ever been as a company." not in got  # whose?


def test_a_name_and_colon_that_answered_nothing_starts_no_answer() -> None:
    text = ("Who are the favourites this season? The odds are below.\n\n"
            "Orrin Vesk: +250. Falling short last season, Vesk steered Denver to its first title.\n\n"
            "Vesk would be our pick, and we think his numbers can only grow from here.\n")
    assert not any(q.startswith("Vesk would") for q in _speakers(text))


ASKED_BY_OUTLET = (
    "Tennis great Marla Queen founded the league in 1973. Here's a Q&A with Queen, edited for brevity.\n\n"
    "Gazette: It's the 50th anniversary of the league. Talk about that year.\n\n"
    "QUEEN: We started the league four days before the final. I won everything that summer. How did we do that?\n\n"
    "You've said the final was about social change, women standing up for themselves.\n\n"
    "It was really about men, too. Because men started to shift a little, and I saw it happen.\n\n"
    "How is investment changing?\n\n"
    "I'm asking owners now — ‘do you invest as much in women as in men?’ Then it usually gets very quiet in the "
    "room.\n\n"
    "We only get 5% of the airtime. People always say, 'why is there less money?' I'm like, really? If you "
    "count the minutes on air you will see why.\n")


def test_an_answer_after_the_outlets_question_ends_on_a_question_of_its_own() -> None:
    got = _speakers(ASKED_BY_OUTLET)
    # "QUEEN: … How did we do that?" answers "Gazette: …": her answers go on below it
    assert got.get("We started the league four days before the final. I won everything that summer.") == "Marla Queen"
    assert got.get("It was really about men, too. Because men started to shift a little, and I saw it happen.") == \
        "Marla Queen"
    # a question she quotes, or asks herself halfway through, leaves her paragraph an answer
    assert got.get("Then it usually gets very quiet in the room.") == "Marla Queen"
    assert [v for k, v in got.items() if k.startswith("We only get 5% of the airtime.")] == ["Marla Queen"]


@pytest.mark.parametrize("prompt", [
    # recalling what the guest said, and announcing the next subject: prompts that ask without a question mark
    "You have said humanoids are the wrong form for most jobs, and that your team prefers wheels.",
    "There's a lot I want to get into. First, though, I want to touch quickly on the layoffs that you announced in "
    "your sales team.",
])
def test_the_interviewers_prompt_is_no_answer(prompt: str) -> None:
    got = _speakers(TRANSCRIPT.replace("Are humanoids the right form?", prompt))
    assert not any(prompt.startswith(q[:12]) for q in got)
    assert got.get("Humanoids aren't the best form for every task. I think a box mover shows that better than "
                   "anything.") == "Nadia Ferrante"
    assert not any(q.startswith("You've said") for q in _speakers(ASKED_BY_OUTLET))


def test_an_interviewer_addressing_the_guest_before_asking_is_still_asking() -> None:
    text = ("Gazette sat down with Arvika chief executive Nadia Ferrante.\n\n"
            "What changed this year?\n\n"
            "We grew our team to 300 people and I spent the year hiring them myself.\n\n"
            "So you have been pushing older users onto the platform. You're verifying ID. How's it going? "
            "Actually, I made a new account myself last week.\n\n"
            "It is going well and we are seeing more of them every month than we planned for.\n")
    got = _speakers(text)
    assert not any(q.startswith(("So you", "Actually")) for q in got)
    assert got.get("It is going well and we are seeing more of them every month than we planned for.") == \
        "Nadia Ferrante"



def test_a_question_amid_an_answers_prose_is_the_guests_own() -> None:
    """"... in our daily lives. When would you pay as much for a robot as you would a car? When it ...": a question
    the guest asks inside an answer, with no "you" addressing them before it, does not make the paragraph a question."""
    answer = ("We may see robots in the home for very limited tasks in our daily lives. When would you pay as much for "
              "a robot as you would a car? When it is as dependable as a car is.")
    text = TRANSCRIPT + "\nWill home robots take off in the next decade?\n\n" + answer + "\n"
    assert _speakers(text).get(answer) == "Nadia Ferrante"
