"""Whose words: the quotations of the retrieved articles and which of them a speaker phrase names.

``quotations_of(passage)`` is the answerer's one way to get quotations (those stored at index
time, ``index.quotations``, which the chain attaches to each passage). ``resolve_speaker(phrase, passages)``
finds the quotations of the person or organisation a question names:

* a name ("Dmitry Peskov", "Peskov", "Microsoft"): ``speaker_matches`` on each quotation's
  speaker; an organisation also speaks through a person whose role names it ("Rogers
  spokesperson Sarah Schmidt"), cited as "Rogers (spokesperson Sarah Schmidt)";
* a role phrase ("the Kremlin spokesperson", "Nike's CEO", "the Iowa congresswoman who voted
  against Jordan"): each quoted person is scored by how many of the phrase's words (role
  nouns and their usual synonyms, organisations, places) their role or the sentences that
  mention them contain; the role noun itself must be there, in one of the articles that quote
  them. The best-scoring person wins. A role phrase ending on a name ("OpenAI CEO Sam Altman")
  is that name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer.kin import KIN_ROLES, kin_of
from assistant.answer.org_speakers import ORG_NOUNS, described_org, is_org_noun
from assistant.answer.words import ORIGIN_WORDS, WORD_RE, content_terms, stem, term_present, vocabulary
from assistant.schema import Passage
from index.quotations import Quotation, extract_quotations, shared_quotations, speaker_matches
from index.quotations.org_mentions import PRESS_NOUNS
from index.quotations.phrases import is_officer_initials, is_role, titled_surname
from index.quotations.wordlists import OCCUPATION_RE, ORG_WORDS, ROLE_WORDS, SURNAME_TITLES
from index.text.terms import FUNCTION_WORDS

# Role nouns that name the same job in news prose.
_ROLE_SYNONYMS = [
    "spokesperson spokesman spokeswoman representative press-secretary press-officer press-aide",
    "ceo chief-executive boss", "cfo finance-chief chief-financial-officer",
    "congresswoman congressman representative rep lawmaker",
    "acting interim caretaker", "attorney lawyer counsel", "chief head boss gm general-manager director",
    "owner proprietor", "captain skipper", "coach manager head-coach boss", "minister secretary",
]
_ROLE_NOUNS = ROLE_WORDS | KIN_ROLES | {"family", "owner", "board", "captain", "skipper", "boss", "gm", "company",
                                        "club", "team", "firm", "chief", "head", "cfo", "cto", "coo", "cmo", "cio",
                                        "vp"}


_COLLECTIVE = {"board", "committee", "council", "jury", "panel"}  # bodies, not people (stems)


def quotations_of(passage: Passage, read_only: bool = False) -> Sequence[Quotation]:
    """Every attributed quotation in the passage's article (direct and reported), in text order: the
    quotations stored at index time when the chain attached them, else extracted from the text now
    (``read_only``: the extractor's cached objects, not copies, for a caller that never changes them)."""
    if passage.quotations is not None:
        return list(passage.quotations)
    if read_only:
        return shared_quotations(passage.article_text)
    return extract_quotations(passage.article_text)


@dataclass
class Found:
    """One quotation of the asked speaker, with the passage (article) it is in."""

    passage: Passage
    quotation: Quotation
    speaker: str  # how the citation names the speaker


@dataclass
class SpeakerQuotes:
    found: list[Found] = field(default_factory=list)
    mentioned: bool = False  # the phrase's name or role is in some retrieved article
    name: str = ""  # who the phrase turned out to be (for messages)


# a practitioner's post names their field ("the toxicologist": "chief of medical toxicology", "the economist":
# "professor of economics", "the pediatrician": "pediatrics")
_FIELD_OF = (("ologist", "ology"), ("ician", "ic"), ("omist", "omic"))


_CHIEF_OFFICER = re.compile(r"\bchief\s+([a-z]+)\s+officer\b", re.I)
_DEPARTMENTS = {"PR": "public relations", "HR": "human resources"}  # "the PR director": "public relations director"
_DEPARTMENT_RE = re.compile(r"\b(" + "|".join(_DEPARTMENTS) + r")\b")


def _synonyms(term: str) -> set[str]:
    out = {term} | {term.removesuffix(a) + b for a, b in _FIELD_OF if term.endswith(a)}
    chief = re.fullmatch(r"chief-([a-z]+)-officer", term)
    if chief:  # "chief creative officer" is also the "CCO"
        out.add(f"c{chief.group(1)[0]}o")
    for group in _ROLE_SYNONYMS:
        stems = {"-".join(stem(p) for p in w.split("-")) for w in group.split()}
        if term in stems:
            out |= stems
    return out


def _holds(term: str, vocab: set[str]) -> bool:
    """Is the role ``term`` (or another name of it) in ``vocab``: "cco" also as a spelled "chief creative officer"."""
    if any(term_present(s, vocab) for s in _synonyms(term)):
        return True
    m = re.fullmatch(r"c([a-z])o", term)
    return bool(m) and any(re.fullmatch(rf"chief-{m.group(1)}[a-z]*-officer", v) for v in vocab)


_MULTIWORD_ROLES = sorted({w.replace("-", " ") for g in _ROLE_SYNONYMS for w in g.split() if "-" in w}, key=len)[::-1]


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker phrase taken apart: "the Iowa congresswoman who voted against Jordan"."""

    roles: list[str]  # role stems of the head ("congresswoman"); "press secretary" is one role
    quals: list[str]  # stems of the head's other words ("iowa")
    names: list[str]  # the head's capitalised words
    clause: list[str]  # content stems of a relative clause ("vote", "against", "jordan")
    clause_names: list[str]  # the clause's capitalised words: people it names are not the speaker
    owners: list[str] = field(default_factory=list)  # stems of a possessive name ("Nvidia's CEO")
    possessor: str = ""  # the possessive name as written ("Travis Kelce" of "Travis Kelce's brother")


def _phrase_parts(phrase: str) -> SpeakerPhrase:
    main = re.split(r"\s+(?:who|which|that)\s+", phrase, maxsplit=1)
    head = _CHIEF_OFFICER.sub(lambda m: f"chief-{m.group(1)}-officer", main[0])  # one post: "chief creative officer"
    head = _DEPARTMENT_RE.sub(lambda m: _DEPARTMENTS[m.group(1)], head)
    for multi in _MULTIWORD_ROLES:
        head = re.sub(r"\b" + multi + r"\b", multi.replace(" ", "-"), head, flags=re.I)
    words = WORD_RE.findall(head)
    roles, quals, names, owners = [], [], [], []
    possessor = ""
    for k, w in enumerate(words):
        low = w.lower().replace("’", "'").removesuffix("'s").rstrip("'")
        if low in {"the", "a", "an"} or low in FUNCTION_WORDS and not (len(words) == 1 and w[:1].isupper()):
            continue  # (a name alone that is also a word: "What did Will say?")
        if low.replace(" ", "-") in _MULTIWORD_ROLES or "-" in low and low.replace("-", " ") in _MULTIWORD_ROLES or (
                _CHIEF_OFFICER.fullmatch(low.replace("-", " "))):
            roles.append("-".join(stem(p) for p in low.split("-")))
        elif k > 0 and is_officer_initials(w) and words[k - 1][:1].isupper():
            roles.append(low)  # "Acme's CCO", "the Acme CAIO": a chief officer's post; "the CBO" is a name
        elif low in _ROLE_NOUNS or w.islower() and low in ORG_NOUNS or low.split("-")[0] in _ROLE_NOUNS or (
                "-" in low and is_role(low)) or (
                w.islower() and OCCUPATION_RE.fullmatch(low)):  # "co-captain", "the sleep therapist"
            roles.append(stem(low))
        elif "-" in low and low.split("-")[-1] in ORIGIN_WORDS:  # "Fiji-born": the article may say "born in Fiji"
            quals.extend(stem(part) for part in low.split("-") if part)
        elif w[:1].isupper():
            quals.append(stem(low))
            names.append(w.removesuffix("'s").removesuffix("’s").rstrip("'’"))
            nxt = words[k + 1].lower() if k + 1 < len(words) else ""
            if w.endswith(("'s", "’s")) or nxt in _ROLE_NOUNS or nxt.split("-")[0] in _ROLE_NOUNS:
                owners.append(stem(low))  # "Meta's spokesperson", "the Meta spokesperson": Meta's
            if w.endswith(("'s", "’s")) and not possessor:
                j = k
                while j > 0 and words[j - 1][:1].isupper():
                    j -= 1
                possessor = " ".join([*words[j:k], w[:-2]])
        else:
            quals.append(stem(low))
    clause = content_terms(main[1]) if len(main) > 1 else []
    clause_names = [w for w in WORD_RE.findall(main[1]) if w[:1].isupper()] if len(main) > 1 else []
    return SpeakerPhrase(roles, quals, names, [t for t in clause if t not in quals], clause_names, owners,
                         possessor)


def is_role_phrase(phrase: str) -> bool:
    return bool(_phrase_parts(phrase).roles)


def resolve_speaker(phrase: str, passages: Sequence[Passage], topic: str = "") -> SpeakerQuotes:
    """The quotations in the retrieved articles that the speaker ``phrase`` names (see module doc); ``topic`` (what
    the question asks about) may name the organisation a description means ("the company" of "layoffs at Spotify")."""
    articles: dict[str, Passage] = {}
    for p in passages:
        articles.setdefault(p.article_id, p)
    parts = _phrase_parts(phrase)
    out = SpeakerQuotes()
    named = named_after_role(phrase) if parts.roles else named_after_owner(phrase) or _described(phrase)
    if named:  # "OpenAI CEO Sam Altman", "prosecutor Thane Rehn": the name says who; the role only describes
        _by_name(named, _phrase_parts(named).names, articles, out)
        if out.found:
            return out
    words = phrase.split()
    alone = len(words) == 1 and words[0][:1].isupper() and words[0].lower() in SURNAME_TITLES  # "King"
    if parts.roles and (titled_surname(words) >= 0 or alone):  # "Billie Jean King": a surname when the article says so
        surname = SpeakerQuotes()
        _by_name(phrase, [*parts.names, words[-1]], articles, surname)
        if surname.found:
            return surname
    if parts.roles and is_org_noun(parts.roles[-1]):  # "the carmaker", "Ruby Franke's law firm": an organisation
        org = described_org(parts.roles[-1], parts.quals, parts.names, articles.values(),
                            lambda p: quotations_of(p, read_only=True), topic)
        if org:
            _by_name(org, org.split(), articles, out)
        out.mentioned = out.mentioned or any(term_present(parts.roles[-1], vocabulary(p.article_text))
                                             for p in articles.values())
        if out.found or parts.roles[-1] not in _ROLE_NOUNS:
            return out  # "the carmaker" is no person's post; "the company" may be ("said the company's founder")
    if not parts.roles:
        _by_name(phrase, parts.names, articles, out)
    else:
        _by_role(parts, articles, out)
    if not out.found and parts.roles and parts.roles[-1] in _COLLECTIVE and parts.names:
        # "OpenAI's board": the body speaks as its organisation ("the board wrote in a statement" is OpenAI's)
        owner = " ".join(parts.names)
        body = SpeakerQuotes()
        _by_name(owner, parts.names, articles, body)
        body.found = [f for f in body.found if f.quotation.speaker_type == "org"]
        if body.found:
            return SpeakerQuotes(body.found, True, body.found[0].speaker)
    return out


def named_after_owner(phrase: str) -> str:
    """The full name after an organisation's possessive ("Carolyn O'Hara" in "Mozilla's Carolyn O'Hara") or before
    "of/at/from" it ("Helen Smith of IMPALA"), or ""."""
    m = re.fullmatch(r"(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)",
                     phrase.strip()) or re.fullmatch(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)\s+(?:of|at|from)\s+"
                                                     r"(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*", phrase.strip())
    return m.group(1) if m and not _phrase_parts(m.group(1)).roles and not (
        {w.lower() for w in m.group(1).split()} & ORG_WORDS) else ""


def _described(phrase: str) -> str:
    """The name a plain description leads up to ("PGMOL" in "the refereeing body PGMOL"), or ""."""
    m = re.fullmatch(r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)", phrase.strip())
    return m.group(1) if m else ""


def named_after_role(phrase: str) -> str:
    """The name right after a role phrase's role noun ("Sam Altman" in "OpenAI CEO Sam Altman"), or "" ("the
    congresswoman who voted against Jordan" ends on someone else)."""
    words = phrase.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not _phrase_parts(words[k - 1]).roles:
        k -= 1
    return " ".join(words[k:]) if 0 < k < len(words) and _phrase_parts(words[k - 1]).roles else ""


def _by_name(phrase: str, names: list[str], articles: dict[str, Passage], out: SpeakerQuotes) -> None:
    words = [stem(n) for n in names] or [stem(w) for w in WORD_RE.findall(phrase) if w.lower() not in FUNCTION_WORDS]
    rest = {w.lower() for w in WORD_RE.findall(phrase) if w not in names and w.lower() not in FUNCTION_WORDS}
    outlet = " ".join(names) if names and rest and rest <= PRESS_NOUNS else ""  # "Time magazine": the outlet Time
    for p in articles.values():
        vocab = vocabulary(p.article_text + " " + p.title)
        if words and all(term_present(w, vocab) for w in words[-1:]):
            out.mentioned = True
        about = f"{p.title}. {p.title}. {p.article_text}"
        for q in quotations_of(p):
            if speaker_matches(phrase, q.speaker, q.aliases, q.role) or _shorter_form(names, q.speaker, about) or (
                    outlet and q.speaker_type == "org" and speaker_matches(outlet, q.speaker)):
                out.found.append(Found(p, q, q.speaker))
                out.name = out.name or q.speaker
            elif q.role and names and q.speaker_type == "person" and _speaks_for(names, q.role):
                # an organisation speaks through its spokesperson, chief executive, ...; "the Sportsnet insider"
                # asks for a person, who is the one the article calls only "Sportsnet's Elliotte Friedman"
                org = " ".join(names)
                role = {stem(w) for w in WORD_RE.findall(q.role)}
                only_org = role <= {stem(n) for n in names}  # "Sportsnet's"
                post = {stem(w) for w in rest - PRESS_NOUNS}  # "Ofcom's online safety lead": the post asked is theirs
                person = bool(post) and (only_org or post <= role)
                out.found.append(Found(p, q, q.speaker if person else f"{org} ({q.role} {q.speaker})"))
                out.name = out.name or (q.speaker if person else org)
            elif names and q.speaker_type == "unnamed" and _unnamed_of(names, q.speaker):
                # "a Commission official", "a Binance spokesperson": the organisation speaks through them
                org = " ".join(names)
                out.found.append(Found(p, q, f"{org} ({q.speaker})"))
                out.name = out.name or org


def _shorter_form(names: list[str], speaker: str, text: str) -> bool:
    """A speaker known only by part of the asked name ("Popyrin" for "Alexei Popyrin"), unless the article names
    another person of that surname as often (the title counts twice: "Kelce" is Travis Kelce, not Donna Kelce, in an
    article about him)."""
    asked = [n.lower() for n in names]
    have = [w.lower() for w in speaker.split()]
    have = have[1:] if have[:1] == ["the"] else have  # "The Commission" for "the European Commission"
    if not (len(asked) > len(have) >= 1 and have[-1] == asked[-1] and all(w in asked for w in have)):
        return False
    firsts = Counter(m if m in asked else m.rsplit("-", 1)[-1]  # "the Swift-Travis Kelce timeline": Travis
                     for m in map(str.lower, re.findall(r"\b([A-Z][\w'’-]+)\s+" + re.escape(names[-1]) + r"\b", text))
                     if m not in FUNCTION_WORDS)
    own = sum(firsts[w] for w in asked[:-1])
    return all(n < own for w, n in firsts.items() if w not in asked)  # the one the article names most


def _formal_title(role: str) -> bool:
    """A post written in title case from its first word, a role noun ("Chief Soccer Officer and Sporting Director",
    "Head of Global Markets"): its capitalised words name the post, not another organisation ("New Constructs CEO")."""
    words = WORD_RE.findall(role or "")
    return bool(words) and words[0].lower() in _ROLE_NOUNS and all(
        w[:1].isupper() or w.lower() in ("and", "of", "for", "the") for w in words)


def _unnamed_of(names: list[str], speaker: str) -> bool:
    """Is an unnamed source one of the organisation asked ("a Commission official" of "the European Commission",
    "a Binance spokesperson" of Binance): its name holds the organisation's last word and a noun after it?"""
    words = [stem(w) for w in WORD_RE.findall(speaker)]
    last = stem(names[-1])
    return last in words and words.index(last) < len(words) - 1


# "Apple analyst Ming-Chi Kuo" watches Apple from outside: his words are not Apple's
_OUTSIDERS = frozenset(stem(w) for w in "analyst analysts critic critics watcher watchers observer observers expert "
                       "experts fan fans rival rivals former ex".split())  # "former Everton forward Wayne Rooney"


def _speaks_for(names: list[str], role: str) -> bool:
    role_words = {stem(w) for w in WORD_RE.findall(role)}
    return all(stem(n) in role_words for n in names) and not role_words & _OUTSIDERS


def _by_role(phrase: SpeakerPhrase, articles: dict[str, Passage], out: SpeakerQuotes) -> None:
    """The best-scoring quoted person: the head's role noun must be in their role or around their
    mentions; each other role, qualifier and clause word found there adds (a clause word half)."""
    roles, quals = phrase.roles, phrase.quals + phrase.clause
    weight = [1.0] * len(phrase.quals) + [0.5] * len(phrase.clause)
    best: tuple[float, str] = (0.0, "")
    scored: dict[tuple[str, str], float] = {}
    quoted: dict[str, list[Found]] = {}
    for p in articles.values():
        text = p.article_text
        article_vocab = vocabulary(text + " " + p.title + " " + p.source)
        if _holds(roles[-1], article_vocab):
            out.mentioned = True
        quotes = quotations_of(p)
        for q in quotes:
            unnamed = q.speaker_type == "unnamed" and not q.role  # "a Binance spokesperson": the phrase is the role
            if not q.speaker or q.speaker_type != "person" and not unnamed:
                continue
            if any(speaker_matches(name, q.speaker) for name in phrase.clause_names):
                continue  # "the congresswoman who voted against Jordan" is not Jordan
            owner = phrase.possessor if not unnamed else ""  # "a Binance spokesperson" may speak for "Binance's"
            if owner and (speaker_matches(owner, q.speaker, q.aliases) or _shorter_form(
                    owner.split(), q.speaker, f"{p.title}. {p.title}. {text}")):
                continue  # "Travis Kelce's brother" is not Travis Kelce, nor the "Kelce" of an article about him
            quoted.setdefault(q.speaker, []).append(Found(p, q, q.speaker))
            key = (p.article_id, q.speaker)  # scored in each article: one may name the post, another not
            if key in scored:
                continue
            own = vocabulary(q.speaker if unnamed else q.role)
            cue = " ".join(text[x.sentence_start : x.sentence_end].replace(x.quote, " ") for x in quotes
                           if x.speaker == q.speaker)  # the sentences that quote them: '"…," the United boss said'
            near = own | vocabulary(_mentions(text, q.speaker) + " " + cue) - vocabulary(q.speaker)
            head, others = roles[-1], roles[:-1]
            elsewhere = not all(term_present(o, near) for o in phrase.owners) and not _formal_title(q.role) and any(
                w[:1].isupper() and w.lower() not in _ROLE_NOUNS for w in WORD_RE.findall(q.role or ""))  # a post
            # elsewhere ("New Constructs CEO"), not a formal title ("Chief Soccer Officer and Sporting Director")
            # "Meta's spokesperson" is not "a spokeswoman" the article never ties to Meta
            elsewhere = elsewhere or unnamed and not all(term_present(o, own) for o in phrase.owners)
            held = _holds(head, near) or kin_of(head, phrase.possessor, near)
            if not held or head in _COLLECTIVE and not unnamed or elsewhere:
                scored[key] = 0.0  # "OpenAI's board" is no person; "Nvidia's CEO" is not New Constructs' CEO
                continue
            role_hits = 1 + sum(_holds(r, near) for r in others)
            in_role = sum(_holds(r, own) for r in roles)
            is_near = [term_present(t, near) for t in quals]
            in_article = [term_present(t, article_vocab) for t in quals]
            qual_near = sum(w for w, hit in zip(weight, is_near) if hit)
            qual_article = sum(w for w, hit, far in zip(weight, is_near, in_article) if far and not hit)
            score = role_hits + 0.5 * in_role + qual_near + 0.5 * qual_article
            if not all(in_article[: len(phrase.quals)]):
                score = 0.0  # the phrase names an organisation or place this article does not
            scored[key] = score
            if score > best[0]:
                best = (score, q.speaker)
    if best[1]:
        out.name = best[1]
        out.found = quoted[best[1]]


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s)|\n")  # not the full stop of an initial ("A.J.")


def _mentions(text: str, name: str) -> str:
    """The words right around each mention of ``name``'s surname: up to six words before it
    ("Kremlin spokesperson Dmitry Peskov") and an appositive after it ("Peskov, the Kremlin's
    spokesman,"), stopping at a sentence end."""
    surname = name.split()[-1]
    out = []
    for m in re.finditer(r"\b" + re.escape(surname) + r"\b", text):
        before = _SENTENCE_END.split(text[max(0, m.start() - 80) : m.start()])[-1]  # "… operations A.J. Preller"
        out.append(" ".join(before.split()[-6:]))
        after = text[m.end() : m.end() + 120]
        appos = re.match(r"(?:['’]s)?\s*[,–—-]\s*((?:[^,.;:!?\n–—]|\.(?=\s+[a-z]))+)", after)
        if appos:
            out.append(appos.group(1))
    return " ".join(out)


__all__ = ["Found", "SpeakerQuotes", "is_role_phrase", "named_after_owner", "named_after_role", "quotations_of",
           "resolve_speaker"]
