"""Rule-based condensing of follow-up questions (the extractive answerer's way).

A pronoun is replaced by the previous turn's subject, chosen by what the pronoun can refer to:

* he/she/him/her/his/hers -> a person: the person a "Who is X?" asked about; the speaker the previous question
  asked about when that is a person's name; else the person the previous answer quotes; else, after a "who"
  question, the first name in the previous answer; else the name the previous question is
  about ("How long did Clark work at Amazon?": Clark, not a name its answer mentions); else
  the first full name in the previous question that its answer names again ("What happened to Geno Smith?" -
  "... Drew Lock replaced him, though Smith returned"), else in the answer, else in the question. The answer's
  pronouns count toward a name's own only outside the quotes it shows; a post before a name is no part of it.
* it/its -> an organisation or a thing: for "it", the possessed thing the previous question is about ("How much did
  X's contract cost?" - "How long is it?"); the speaker asked about when that is not a person
  (the answer quoted somebody else for it, or it is an organisation's name); else, after a
  "which <thing>" question, the first name in the previous answer; else one named up to three turns back.
* they/them/their -> the organisation, else the person.

After a "what did X say" turn, "What about Y?" becomes "What did X say about Y?", "What about Zelensky?" (a
name) asks Zelensky the same, and "Anything else?" becomes "What else did X say?" ("Tell me more", "Go on":
"What else did X say about Y?"). A name the previous turn
sets in quotation marks ("“Godzilla Minus One” took third place") is a work, which "it" refers to. Only the first
such pronoun
is replaced ("Did he say anything about the scrutiny she's under?"
keeps "she"). When the question still leans on the previous turn (a pronoun left, "that",
"there", "the club", a leading "And", or five words or fewer naming nothing), the previous question is carried
along as context (``answer.question.with_context``), with what it carried itself: retrieval reads it, the answerer
uses its words only to rank.
"""

from __future__ import annotations

import re

from assistant.answer.question import analyse_question, looks_like_speaker, split_context, with_context
from assistant.answer.quotations import is_role_phrase, named_after_role
from assistant.answer.words import COUNTRIES, stem
from assistant.asking import unlinked
from index.quotations import extract_quotations
from index.quotations.phrases import base, is_officer_initials
from index.quotations.wordlists import ORG_WORDS, ROLE_WORDS

_PERSON = {"he", "she", "him", "her", "his", "hers"}
_THING = {"it", "its"}
_GROUP = {"they", "them", "their"}
_POSSESSIVE = {"his", "her", "hers", "its", "their"}
# "Who trained her to use it?", "What did they tell her?": "her" as an object, not "her coach"
_OBJECT_HER = re.compile(
    r"\s*(?:$|[?.!,;:]|(?:to|in|on|at|about|for|with|from|as|after|before|into|during|over|that|if|when|and|or|up|"
    r"down|out|off|back|again|now|then|because|since|so|the|a|an)\b)", re.IGNORECASE)
_PRONOUNS_ALL = _PERSON | _THING | _GROUP
_WHAT_ABOUT = re.compile(r"^(?:(?:and|but)\s+)?(?:(?:what|how)\s+)?about\s+(?P<topic>.+?)\s*[?.!]*$", re.IGNORECASE)
# "... say about it?": the topic of the last speaker question
_ABOUT_IT = re.compile(r"\b(?:say|said|says|think|thinks|thought|feel|feels|felt)\s+about\s+(it|that|this|them)"
                       r"\s*[?.!]*$", re.IGNORECASE)
# "What about Zelensky?", "And Zelensky?": the same question of another person
_OTHER_SPEAKER = re.compile(r"^(?i:(?:and|but)\s+)?(?i:(?:what|how)\s+about\s+)?"
                            r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*[?.!]*$")
_MORE_WORDS = r"tell\s+me\s+more|(?:any\s+)?more(?:\s+please)?|go\s+on|keep\s+going|continue|elaborate"
_OPENER = r"^(?:(?:and|so|ok|okay)[,\s]+)?"
_MORE = re.compile(_OPENER + r"(?:" + _MORE_WORDS + r")\s*[?.!]*$", re.I)
_ANYTHING_ELSE = re.compile(_OPENER + r"(?:(?:anything|what|something)\s+(?:else|more)|" + _MORE_WORDS + r")\s*[?.!]*$",
                            re.I)
_ASKED_SAYING = re.compile(r"\b(?:say|said|says|tell|told)\b(?:\s+(?:about|on)\b.*)?\s*[?.!]*$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she|him|her|his|hers|it|its|they|them|their)\b", re.IGNORECASE)
_LEANS = re.compile(
    r"\b(?:he|she|him|her|his|hers|it|its|they|them|their|that|this|these|those|there|then|the\s+same|"
    r"the\s+(?:club|company|firm|team|board|group|deal|game|match|film|movie|show|case|trial))\b|^(?:and|so|but)\b|"
    r"^what\s+about\b|^how\s+about\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+(?:(?:de|van|von|da|al|bin|ten)\b|[A-Z][\w'’-]+))*)")  # not "Kelce al(so)"
_TITLES = {"Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "Dame", "Rep", "Sen", "Gov"}
_NOT_NAMES = frozenset(
    """What Who Whom Whose When Where Why How Which Did Does Do Is Are Was Were Has Have Had Can Could Will Would
    Should Tell Quote Show List Give The A An In On At And But Or If It He She They His Her Their I We You
    Said Says According Reported About After Before""".split()
)


def names_in(text: str) -> list[str]:
    """Capitalised name runs of a text, without leading question words, articles or titles."""
    out = []
    for m in _NAME.finditer(text or ""):
        words = [w for w in m.group(1).split()]
        while words and (words[0] in _NOT_NAMES or words[0].rstrip(".") in _TITLES or (
                len(words) > 1 and (words[0].lower() in ROLE_WORDS or is_officer_initials(words[0])))):
            words.pop(0)  # "CTO Mira Murati", "Chancellor Olaf Scholz": the name without the post
        if words:
            out.append(" ".join(words).removesuffix("'s").removesuffix("’s"))
    return out


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and not any(base(w) in ORG_WORDS for w in words)  # "Sporting News": no person


_SUBJECT = re.compile(
    r"^(?i:how\s+(?:much|many|long|often|old|far)(?:\s+\w+)?|what(?:\s+\w+)?|when|where|why|which\s+\w+)\s+"
    r"(?i:did|does|do|is|was|were|has|had|have|will|would|can|could)\s+"
    r"(?P<x>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


def _subject(user: str) -> str:
    """The name a question is about when it is the subject after the auxiliary ("How long did Clark work at
    Amazon?" -> "Clark"), and not an organisation's; "" otherwise."""
    m = _SUBJECT.match(user.strip())
    if not m or m.group("x").endswith(("'s", "’s")):
        return ""  # "What is Nike's revenue?": an owner, not the subject
    name = names_in(m.group("x"))
    if not name or any(base(w) in ORG_WORDS for w in name[0].split()):
        return ""
    return name[0]


_WHO_IS = re.compile(r"(?i:who)\s+(?i:is|was|are|were)\s+(?P<x>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*[?.!]*$")


def _owned_subject(user: str) -> str:
    """The possessed thing a question is about when it is the subject after the auxiliary ("How much did Shohei
    Ohtani's contract with the Dodgers cost?" -> "Shohei Ohtani's contract"): what a following "it" is; else ""."""
    m = _SUBJECT.match(user.strip())
    if not m or not m.group("x").endswith(("'s", "’s")):
        return ""
    words = re.match(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?", user.strip()[m.end() :])
    if words is None or words.group(1) in _AUX_WORDS:
        return ""
    # one noun, or an adjective and its noun ("Apple's new iPhone" keeps a capital: one word then)
    noun = f"{words.group(1)} {words.group(2)}" if words.group(1) in _ADJECTIVES and words.group(2) else words.group(1)
    return f"{m.group('x')} {noun}"


_AUX_WORDS = frozenset("did does do is was were has had have will would can could be been".split())
_ADJECTIVES = frozenset("new latest first last next biggest largest own current former previous annual".split())


def referents(user: str, answer: str) -> tuple[str, str]:
    """(person, thing) the previous turn was about; "" where there is none."""
    info = analyse_question(user)
    asked = info.speaker.removeprefix("the ").removeprefix("The ") if info.speaker else ""
    quoted = [q.speaker for q in extract_quotations(answer or "") if q.speaker_type == "person" and q.speaker]
    answer_names = names_in(answer)
    person = thing = ""
    who_is = _WHO_IS.match(user.strip())
    if who_is and not asked and _looks_like_person(who_is.group("x")):
        person = who_is.group("x")  # "Who is Jim Harbaugh?": he is the one asked about, whoever the answer quotes
    elif asked and is_role_phrase(asked) and named_after_role(asked):
        person = named_after_role(asked)  # "former Gaza Sky Geeks head Ryan Sturgill": he is Ryan Sturgill
    elif asked and not is_role_phrase(asked):
        if quoted and not any(asked.split()[-1] in q for q in quoted):
            thing = asked  # the answer quotes somebody else for it: an organisation
        elif quoted or _looks_like_person(asked):
            person = asked
        else:
            thing = asked
    if not person:
        if quoted:
            person = quoted[0]
        elif info.wh == "who" and answer_names:  # the first full name ("Less than three weeks later" opens no name)
            person = next((n for n in answer_names if _looks_like_person(n)), answer_names[0])
        elif subject := _subject(user):
            person = subject  # "How long did Clark work at Amazon?" - "What did he say about ...?"
        else:
            again = [n for n in names_in(user) if re.search(r"\b" + re.escape(n.split()[-1]) + r"\b", answer or "")]
            people = [n for n in [*again, *answer_names, *names_in(user)] if _looks_like_person(n)]
            person = people[0] if people else ""
    if person and re.search(r"[\"“‘']" + re.escape(person) + r"[\"”’']", f"{user} {answer}"):
        person, thing = "", thing or person  # "“Godzilla Minus One” took third place": a work's title, not a person
    if not thing and not asked and info.wh == "which" and answer_names:
        thing = answer_names[0]  # "Which movie ...?" - "Godzilla Minus One." - "How much did it cost?"
    if not thing and not person:
        thing = next((n for n in names_in(user) if not _looks_like_person(n)), "")
    if not thing and asked and is_role_phrase(asked):
        owner = re.match(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)['’]s?\b", asked)
        thing = owner.group(1) if owner else ""
    return person, thing


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}


def _pronoun_of(name: str, texts: list[str]) -> str:
    """ "he" / "she" when the conversation calls ``name`` so within its sentence, with no other name between ("What
    did Sam Altman say after he was fired?"), and never the other; "" when it does not tell."""
    seen = set()
    last = re.escape(name.split()[-1])
    for text in texts:
        # '"I was sad that she left," Kelce said': words about others, and no pronoun reaches across them
        text = _QUOTED.sub(" . ", text or "")
        for m in re.finditer(last + r"\b(?P<gap>[^.?!]{0,60}?)\b(?P<p>he|she|him|his|her|hers)\b", text):
            if not re.search(r"\b[A-Z][a-z]+\b", m.group("gap")):
                seen.add(_GENDER[m.group("p").lower()])
    return seen.pop() if len(seen) == 1 else ""


def _organisation(history: list[tuple[str, str]], skip: str = "") -> str:
    """The organisation the last turns' questions named, newest first ("Who is the new CEO of OpenAI?" -> "OpenAI"):
    not a person's full name, a post, ``skip`` (the speaker asked about), or an owner ("OpenAI's board" is about
    the board, so "on it" is not OpenAI)."""
    for user, _ in reversed(history[-3:]):
        for n in names_in(user):
            if not _looks_like_person(n) and n.lower() not in ROLE_WORDS and n.split()[-1] not in skip.split() and (
                    not re.search(re.escape(n) + r"['’]s\b", user)):
                return n
    return ""


# a post with no owner: "What did the board say?" after a question about OpenAI is about OpenAI's board
_OWNERLESS = re.compile(r"\b[Tt]he\s+(board|ceo|chief\s+executive|spokesperson|spokesman|spokeswoman|chairman|"
                        r"chairwoman|founder|president)\b", re.IGNORECASE)
# "what did he say about Y?": a speaker question asked with a pronoun
_PRONOUN_SAY = re.compile(r"\b(?:he|she|they)\s+(?:say|said|tell|told)\b(?:\s+about\s+(?P<topic>.+?))?\s*[?.!]*$",
                          re.IGNORECASE)


def _last_speaker_topic(history: list[tuple[str, str]]) -> str | None:
    """The topic of the last speaker question of the last three turns ("" for none), or None when there is none."""
    for user, _ in reversed(history[-3:]):
        info = analyse_question(user)
        if info.speaker:
            return info.topic
        m = _PRONOUN_SAY.search(user)
        if m:
            return m.group("topic") or ""
    return None


def _elliptical(question: str) -> bool:
    """A short question that names nothing of its own and asks about "the" something ("What was the score?",
    "When is the final?"), or is shorter still ("When will deliveries start?"): it goes on from the previous turn."""
    words = question.split()
    return (len(words) <= 7 and re.search(r"\bthe\b", question, re.I) is not None or len(words) <= 5) and not names_in(
        " ".join(words[1:]))


def asked_name(user: str) -> str:
    """The name (not a role phrase) a "what did X say" question asked about, or ""."""
    speaker = analyse_question(user).speaker
    return "" if not speaker or is_role_phrase(speaker) else speaker.removeprefix("the ")


def condense(question: str, history: list[tuple[str, str]] | None) -> str:
    """A standalone version of ``question`` after ``history`` (see the module docstring)."""
    if not history:
        return question
    user, answer = history[-1]
    prev = analyse_question(user)
    if not _LEANS.search(question.strip()) and not (prev.speaker and _ANYTHING_ELSE.match(question.strip())) \
            and not _elliptical(question):
        return question
    person, thing = referents(user, answer)
    named = asked_name(user)
    carried = _carried(user, history[-4:-1])  # three turns back at most
    other = _OTHER_SPEAKER.match(question.strip())
    # the last speaker question of the last turns ("What did Peskov say?" - "When did he say it?" - "What about
    # Zelensky?"; "... - "And what did he say about injuries?" - "What about Rashford?": about injuries)
    topic = _last_speaker_topic(history) if other else None
    if other and topic is not None and names_in(other.group("name")) == [other.group("name")] and not any(
            stem(w) in COUNTRIES for w in other.group("name").split()):  # "What about Ukraine?": a topic
        # after "What did Peskov say about the meeting?", "What about Zelensky?" asks Zelensky the same
        return f"What did {other.group('name')} say" + (f" about {topic}?" if topic else "?")
    same = _ABOUT_IT.search(question)
    topic = _last_speaker_topic(history) if same and not other else topic
    if same and topic:  # "What did Kyncl say about it?" after "What did Grainge say about YouTube's Dream Track?"
        question = question[: same.start(1)] + topic + question[same.end(1) :]
    owner = _OWNERLESS.search(question)
    org = _organisation(history) if owner else ""
    if owner and org and org.lower() not in question.lower():
        return question[: owner.start()] + f"{org}'s {owner.group(1)}" + question[owner.end() :]
    if _ANYTHING_ELSE.match(question.strip()) and (named or person):
        more = _MORE.match(question.strip()) and prev.topic  # "Tell me more": more on the same topic
        return f"What else did {named or person} say" + (f" about {prev.topic}?" if more else "?")
    about = _WHAT_ABOUT.match(question.strip())
    if about and (prev.speaker or _ASKED_SAYING.search(user)):
        # after "What did X say?", "What about bond yields?" asks what X said about them
        who = (named if named.lower() not in _PRONOUNS_ALL else "") or person or thing
        if who and looks_like_speaker(who):
            return f"What did {who} say about {about.group('topic')}?"
    out = question
    m = _PRONOUN.search(question)
    if m:
        word = m.group(1).lower()
        if word in _PERSON:
            texts = [t for turn in history for t in turn]
            candidates = [person, asked_name(user), *[n for n in names_in(answer) if _looks_like_person(n)]]
            target = next((c for c in candidates if c and _pronoun_of(c, texts) in ("", _GENDER[word])), "")
            target = target or person or asked_name(user) or next(iter(names_in(answer)), "")
        elif word in _THING:  # "How much did Binance pay in its settlement?" - "Who is its founder?": Binance; "its"
            # also further back ("What did its CEO say?" two turns after naming Nvidia)
            owned = _owned_subject(user) if word == "it" else ""
            target = owned or thing or _organisation(history if word == "its" else history[-1:], named) or next(
                (n for n in names_in(carried) if not _looks_like_person(n) and carried != user), "")  # two turns back
        else:
            target = thing or person
        if target and target.lower() not in question.lower() and looks_like_speaker(target):
            possessive = word in _POSSESSIVE and not (word == "her" and _OBJECT_HER.match(question[m.end():]))
            target = target + "'s" if possessive else target
            out = question[: m.start()] + target + question[m.end() :]
    if out == question or _LEANS.search(unlinked(out)):  # "And how old was Jo Reid then?" leans; "And how old
        return with_context(out, carried)  # is Jo Reid?" no longer, once "she" is resolved
    return out


def _carried(user: str, before: list[tuple[str, str]]) -> str:
    """The previous question with what it carried itself ("When will deliveries start?" after a question about the
    Cybertruck carries that question along): the context a follow-up of a follow-up goes on from."""
    if not before:
        return user
    question, context = split_context(condense(user, before))
    return f"{question} {context}" if context else question


__all__ = ["condense", "names_in", "referents"]
