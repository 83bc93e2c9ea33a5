"""Who said what: quotations and their speakers, found by general rules of news prose.

``extract_quotations(text)`` returns every attributed statement in an article as
data (``Quotation``), with offsets into the stored text so a quote can always be
re-checked. Two kinds:

* ``direct``: the words inside quote marks, attributed by a speech verb next to
  them: ``X said: "…"``, ``"…," X said``, ``"…," said X``, ``X told reporters "…"``,
  ``X wrote on X, formerly Twitter: "…"``; a sentence that is only a quote right
  after a quote by X continues X.
* ``reported``: the clause after ``that`` in ``X said/acknowledged/told … that …``
  (also ``with X saying that``, ``X said he …`` and ``according to X, …``), cut at
  a coordinated second verb (``… but emphasized that …`` is a second statement).

Speakers: a capitalised name run (particles such as *de*, *van*, hyphens and
apostrophes allowed), with leading role words split off as ``role``
("Kremlin spokesperson Dmitry Peskov" -> "Dmitry Peskov", role "Kremlin
spokesperson"). Later mentions resolve to the person introduced earlier: a
surname ("Peskov"), a role phrase whose role noun matches ("the press secretary"
~ "spokesperson"), and a sentence-initial or post-quote he/she when the
preceding sentences name exactly one candidate. Anything unsafe is left out
rather than guessed. Organisations ("the Kremlin") may speak too
(``speaker_type="org"``).

``sentence_spans`` (used by the extractive answerer too) splits text into
sentences with offsets, never inside a quotation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# --------------------------------------------------------------------------- word lists

SPEECH_VERBS = set(
    """
    said says say told tells wrote writes added adds noted notes acknowledged acknowledges
    emphasized emphasised emphasizes emphasises stressed stresses explained explains argued argues
    claimed claims insisted insists warned warns stated states declared declares announced announces
    asked replied replies responded continued posted tweeted commented remarked observed admitted
    admits suggested suggests confirmed confirms maintained maintains predicted predicts recalled
    conceded concedes contended agreed reiterated urged denied clarified pointed estimated believes
    believed saying adding noting telling writing acknowledging emphasizing emphasising stressing
    explaining arguing claiming insisting warning stating declaring announcing clarifying confirming
    suggesting admitting reiterating
""".split()
)
# Verbs that may introduce a quote or clause with no "that": "X said he would ...".
_BARE_CLAUSE_VERBS = {"said", "says", "added", "argued", "claimed", "insisted", "warned", "noted", "saying"}
_AUX_ADV = set(
    """
    also later then previously once again had has have would was is will recently further earlier
    often still now reportedly initially subsequently separately privately publicly simply already
    too just did does can could may might should first last
""".split()
)
_PRONOUNS = {"he", "she"}
_PRESS = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "press secretary",
    "press officer",
    "press aide",
    "press secretary's",
    "mouthpiece",
}
ROLE_WORDS = set(
    """
    president president-elect vice vice-president prime minister secretary spokesperson spokesman
    spokeswoman press senator sen. rep. representative congressman congresswoman governor gov. mayor
    chancellor chief ceo director ambassador commissioner chairman chairwoman chair chairperson
    speaker leader king queen prince princess pope general gen. admiral adm. colonel col. lt.
    lieutenant captain capt. sgt. sergeant commander officer judge justice attorney lawyer professor
    prof. dr. mr. mrs. ms. analyst economist expert official adviser advisor aide author founder
    executive deputy foreign defense defence state interior finance treasury coach manager editor
    correspondent reporter journalist host anchor researcher scientist envoy diplomat negotiator
    candidate nominee lawmaker legislator counsel prosecutor head premier archbishop bishop cardinal
    rabbi imam sheikh emir senior former acting assistant associate general-elect strategist
    pollster historian activist campaigner commentator columnist presidential ministerial delegate
    mp mep sir dame lord lady councillor councilor superintendent inspector detective trooper
    attorney-general solicitor barrister physician doctor surgeon nurse teacher principal student
    spokesperson's owner partner president's architect engineer
""".split()
)
ORG_WORDS = set(
    """
    kremlin ministry office department house agency newsweek reuters times post news council
    committee party government police army military court university inc inc. corp corp. bank union
    commission administration company group institute foundation nato un u.n. eu pentagon parliament
    senate congress cabinet embassy service forces ap afp cnn bbc fbi cia tass ria journal network
    association federation league board bureau authority authorities ltd llc plc organization
    organisation fund centre center club team campaign coalition alliance guardian telegraph
""".split()
)
_PARTICLES = set(
    """
    de van von der den da del della di du la le bin al ibn dos das ter el y
""".split()
)
_DAYS_MONTHS = set(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
""".split()
)
STOPWORDS = set(
    """
    a an the and or but if then though although however when while after before meanwhile also still
    yet as in on at for with to of by from so now later earlier speaking asked since because this
    that these those it its his her their our we they i you he she there here what who why how where
    which is are was were be been being do does did has have had not no yes about into over under
    during until despite amid among against without within will would can could should may might
    must shall than too very just only even more most some any all both each other such own same up
    down out off again further once us me him them my your whom whose per via upon let like unlike
    what's it's
""".split()
)
_DETS = {"the", "a", "an"}

_OPEN_DQ = "\u201c\u201e"  # “ „
_CLOSE_DQ = "\u201d\u201f"  # ” ‟
_ANY_DQ = '"' + _OPEN_DQ + _CLOSE_DQ
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]))*\.?|\d[\d,.:]*|[^\w\s]")
_ABBREV = set(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp co ltd no nos vs jan feb mar
    apr jun jul aug sep sept oct nov dec mt ft rev hon adm cmdr maj pres approx dept est fig vol
""".split()
)


# --------------------------------------------------------------------------- data


@dataclass
class Quotation:
    """One attributed statement; ``quote == text[start:end]``."""

    start: int
    end: int
    quote: str
    speaker: str
    kind: str  # "direct" | "reported"
    sentence_start: int
    sentence_end: int
    role: str = ""
    speaker_type: str = "person"  # "person" | "org" | "unknown"


@dataclass
class _Person:
    name: str
    role: str = ""
    kind: str = "person"

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()


@dataclass
class _Subject:
    kind: str  # "name" | "pronoun" | "role" | "org"
    text: str
    start: int
    name: str = ""
    role: str = ""


# --------------------------------------------------------------------------- sentences and quote marks


def _quote_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """Paired double quotes in text[lo:hi] as (open, inner_start, inner_end, close_end).

    An unclosed quote runs to ``hi`` (news prose leaves a quote open when it
    continues in the next paragraph); its close_end equals inner_end.
    """
    spans: list[tuple[int, int, int, int]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _ANY_DQ:
            continue
        if ch in _OPEN_DQ or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = i
            else:
                open_at = i  # a stray opener: restart from here
        elif open_at is not None:
            spans.append((open_at, open_at + 1, i, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, open_at + 1, hi, hi))
    if not spans:
        spans = _single_quote_spans(text, lo, hi)
    return spans


def _single_quote_spans(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """British-style ‘…’ quotes: an opener at a word start, a closer not followed by a letter."""
    spans = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch == "\u2018" and (i == lo or not text[i - 1].isalnum()):
            open_at = i
        elif ch == "\u2019" and open_at is not None and (i + 1 >= hi or not text[i + 1].isalpha()):
            if i > open_at + 1 and not text[i - 1].isspace():
                spans.append((open_at, open_at + 1, i, i + 1))
                open_at = None
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[^\W_a-z])")


def _is_abbrev(text: str, dot: int, lo: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or an initial?"""
    j = dot
    while j > lo and not text[j - 1].isspace() and text[j - 1] not in '("“':
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if (
        re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", word)
        and len(word.replace(".", "")) <= 3
        and (len(word) == 1 or "." in word)
    ):
        return True  # initials and U.S.-style abbreviations
    return word.lower() in _ABBREV


def _split_paragraph(
    text: str, a: int, b: int, quotes: list[tuple[int, int, int, int]]
) -> list[tuple[int, int]]:
    cuts = [a]
    for m in _BOUNDARY_RE.finditer(text, a, b):
        p = m.start()
        end = m.end()
        inside = next((q for q in quotes if q[1] <= p < q[2]), None)
        if inside is not None and not (inside[3] == end and inside[2] != inside[3]):
            continue  # a full stop inside a quotation that goes on
        if text[p] == "." and m.group().startswith(".") and len(m.group().rstrip("\"”’')]")) == 1:
            if _is_abbrev(text, p, a):
                continue
        nxt = end
        while nxt < b and text[nxt].isspace():
            nxt += 1
        cuts.append(nxt)
    cuts.append(b)
    spans = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


@functools.lru_cache(maxsize=64)
def _layout(
    text: str,
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, int, int], ...], frozenset]:
    """Sentences, quote spans and the indices of sentences that start a paragraph/heading."""
    sentences: list[tuple[int, int]] = []
    quotes: list[tuple[int, int, int, int]] = []
    barriers: set[int] = set()
    for a, b in _paragraphs(text):
        q = _quote_spans(text, a, b)
        quotes.extend(q)
        if _is_heading(text[a:b]):
            barriers.add(len(sentences))
        sentences.extend(_split_paragraph(text, a, b, q))
    return tuple(sentences), tuple(quotes), frozenset(barriers)


def _is_heading(line: str) -> bool:
    return len(line.split()) <= 8 and line.rstrip()[-1:] not in '.!?:"”’)'


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence offsets in ``text``: newlines always end one; never split inside a quotation."""
    return list(_layout(text)[0])


# --------------------------------------------------------------------------- tokens and noun phrases


def _tokens(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text, a, b)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _low(tok: str) -> str:
    return tok.lower().replace("’", "'")


def _base(tok: str) -> str:
    low = _low(tok)
    return low[:-2] if low.endswith("'s") else low


def _is_role(tok: str) -> bool:
    low = _base(tok)
    return low in ROLE_WORDS or low.split("-")[0] in ROLE_WORDS


def _clean_name(tok: str) -> str:
    if tok.endswith(".") and not re.fullmatch(r"(?:[^\W\d_]\.)+", tok):
        tok = tok[:-1]
    return tok


def _phrase_start(toks: list[tuple[str, int, int]]) -> int:
    """Index where a trailing subject noun phrase begins (len(toks) when none)."""
    i = len(toks)
    while i > 0:
        tok = toks[i - 1][0]
        low = _low(tok)
        if low in _DETS:
            i -= 1
            break
        if _is_cap(tok) or _is_role(tok):
            i -= 1
            continue
        if low in _PARTICLES and i < len(toks) and _is_cap(toks[i][0]):
            i -= 1
            continue
        if low == "of" and i < len(toks) and _is_role(toks[i][0]) and i >= 2 and _is_role(toks[i - 2][0]):
            i -= 1
            continue
        break
    return i


def _parse_np(toks: list[tuple[str, int, int]]) -> _Subject | None:
    """Read a noun phrase that should be a speaker: pronoun, name with role, role phrase, organisation."""
    had_det = False
    while toks and (_low(toks[0][0]) in STOPWORDS or _low(toks[0][0]).rstrip(".") in _DAYS_MONTHS):
        if _low(toks[0][0]) in _PRONOUNS and len(toks) == 1:
            break
        had_det = had_det or _low(toks[0][0]) in _DETS
        toks = toks[1:]
    if not toks or any(t[0] in ",;:()" for t in toks):
        return None
    start = toks[0][1]
    words = [t[0] for t in toks]
    raw = " ".join(words)
    if len(words) == 1 and _low(words[0]) in _PRONOUNS:
        return _Subject("pronoun", raw, start)
    if len(words) > 8:
        return None
    lows = [_base(w) for w in words]
    titled = any(_is_role(w) for w in words[:-1]) and _is_cap(words[-1]) and not _is_role(words[-1])
    if any(low in ORG_WORDS for low in lows) and not titled:
        if all(_is_cap(w) for w in words):
            name = ("the " if had_det else "") + " ".join(_clean_name(w) for w in words)
            return _Subject("org", raw, start, name=name)
        return None
    last_role = max(
        (k for k, w in enumerate(words) if _is_role(w) or not (_is_cap(w) or _low(w) in _PARTICLES)),
        default=-1,
    )
    name_words = words[last_role + 1 :]
    role_words = words[: last_role + 1]
    if name_words and not all(_is_cap(w) or _low(w) in _PARTICLES for w in name_words):
        return None
    if name_words and (len(name_words) > 5 or not _is_cap(name_words[-1])):
        return None
    role = " ".join(role_words)
    if not name_words:
        if role_words and any(_is_role(w) for w in role_words):
            return _Subject("role", raw, start, role=role)
        return None
    if any(_low(w).rstrip(".") in _DAYS_MONTHS for w in name_words):
        return None
    if any(w.endswith(("'s", "’s")) for w in name_words):
        return None
    name = " ".join(_clean_name(w) for w in name_words)
    if had_det and not role_words:
        return _Subject("org", raw, start, name="the " + name)
    return _Subject("name", raw, start, name=name, role=role)


def _strip_trailing(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    while toks and (
        _low(toks[-1][0]) in _AUX_ADV or (_low(toks[-1][0]).endswith("ly") and not _is_cap(toks[-1][0]))
    ):
        toks = toks[:-1]
    return toks


def _subject_before(text: str, lo: int, verb_start: int) -> _Subject | None:
    """The speaker phrase that ends right before a speech verb (adverbs, an appositive allowed)."""
    toks = _strip_trailing(_tokens(text, lo, verb_start))
    if toks and toks[-1][0] == ",":
        # an appositive: "Tristan Snell, a lawyer and author, wrote" / "Her spokesperson, Jane Doe, said"
        k = len(toks) - 2
        while k >= 0 and toks[k][0] not in ",;:":
            k -= 1
        if k < 0 or toks[k][0] != ",":
            return None
        inner = toks[k + 1 : -1]
        head = toks[:k]
        inner_np = _parse_np(inner) if inner else None
        if inner_np is not None and inner_np.kind == "name" and not inner_np.role:
            before = head[_phrase_start(head) :]
            outer = _parse_np(before) if before else None
            if outer is not None and outer.kind == "role":
                inner_np.role = outer.role
            return inner_np
        if not inner or _low(inner[0][0]) not in _DETS | {"who"} and not _is_role(inner[0][0]):
            return None
        head = _strip_trailing(head)
        np = _parse_np(head[_phrase_start(head) :]) if head else None
        if np is not None and np.kind == "name" and not np.role:
            appos = text[inner[0][1] : inner[-1][2]]
            np.role = re.sub(r"^(?:a|an|the)\s+", "", appos)
        return np
    if not toks:
        return None
    np_toks = toks[_phrase_start(toks) :]
    if not np_toks and _low(toks[-1][0]) in _PRONOUNS:
        np_toks = toks[-1:]
    return _parse_np(np_toks) if np_toks else None


def _only_punct(text: str, a: int, b: int) -> bool:
    return not any(ch.isalnum() for ch in text[a:b])


# --------------------------------------------------------------------------- people in one article


class _Registry:
    """People introduced in an article, and who each later mention refers to."""

    def __init__(self) -> None:
        self.people: list[_Person] = []

    def add(self, name: str, role: str = "", kind: str = "person") -> _Person:
        found = self.find(name)
        if found is not None and (len(name.split()) <= len(found.name.split())):
            found.role = _better_role(found.role, role)
            return found
        if found is not None:  # a fuller form of a name seen short first
            found.name = name
            found.role = _better_role(found.role, role)
            return found
        person = _Person(name, role, kind)
        self.people.append(person)
        return person

    def find(self, name: str) -> _Person | None:
        low = name.lower()
        for p in reversed(self.people):
            if p.name.lower() == low:
                return p
        parts = low.split()
        hits = [
            p
            for p in self.people
            if p.kind == "person" and (p.surname == parts[-1] or (len(parts) == 1 and p.surname == low))
        ]
        if len({p.name for p in hits}) == 1:
            return hits[0]
        return None

    def by_role(self, role_phrase: str) -> _Person | None:
        heads = _role_keys(role_phrase)
        if not heads:
            return None
        hits = [p for p in self.people if p.kind == "person" and p.role and heads & _role_keys(p.role)]
        if len({p.name for p in hits}) == 1:
            return hits[0]
        return None


def _better_role(old: str, new: str) -> str:
    """Keep the more informative description of a person's role (an appositive beats a bare title)."""
    if not new:
        return old
    if not old:
        return new
    return new if len(new.split()) > len(old.split()) and len(new.split()) <= 8 else old


def _role_keys(role: str) -> set[str]:
    """Role nouns of a phrase, with press roles folded to one key ("press secretary" ~ "spokesperson")."""
    low = role.lower().replace("’", "'")
    keys = set()
    if any(p in low for p in _PRESS):
        keys.add("<press>")
        low = low.replace("press secretary", " ").replace("press officer", " ").replace("press aide", " ")
    for w in re.findall(r"[\w'.-]+", low):
        w = w[:-2] if w.endswith("'s") else w
        if w in ROLE_WORDS and w not in {
            "senior",
            "former",
            "acting",
            "deputy",
            "vice",
            "assistant",
            "associate",
            "foreign",
            "defense",
            "defence",
            "state",
            "interior",
            "finance",
            "treasury",
            "press",
            "presidential",
            "ministerial",
        }:
            keys.add("<press>" if w in _PRESS else w.split("-")[0])
    return keys


# --------------------------------------------------------------------------- attribution


_SPEECH_RE = re.compile(r"\b(" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_AFTER_VERB_RE = re.compile(
    r"\s*,?\s*(said|says|wrote|writes|added|adds|told|asked|continued|explained|noted|argued|insisted|"
    r"warned|replied|posted|tweeted|stated|declared|recalled)\s+"
)
# A new clause with its own subject ends a reported statement.
_CLAUSE_END_RE = re.compile(r";|(?<=[,\"”’])\s+(?:but|while|although|though|whereas|yet)\s")
# "Though X maintains that …, the rest": the statement ends at the comma.
_SUBORDINATE_RE = re.compile(
    r"(?:though|although|while|as|if|because|since|when|whereas|even though)\s", re.I
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
_COORD_RE = re.compile(
    r",?\s+(?:but|and|while|yet)\s+(?:also\s+|later\s+|then\s+)?("
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences, self.quotes, self.barriers = _layout(text)
        self.reg = _Registry()
        self.out: list[Quotation] = []
        self.people_of: list[_Person] = []
        self.sent_speakers: list[list[_Person]] = []
        self.sent_mentions: list[list[_Person]] = []

    # ----- helpers
    def _quotes_in(self, a: int, b: int) -> list[tuple[int, int, int, int]]:
        return [q for q in self.quotes if a <= q[0] < b]

    def _inside_quote(self, pos: int) -> bool:
        return any(q[1] <= pos < q[2] for q in self.quotes)

    def _register_people(self) -> None:
        """First pass: names introduced with a role ("spokesperson Dmitry Peskov") or an appositive."""
        text = self.text
        for a, b in self.sentences:
            toks = [t for t in _tokens(text, a, b) if not self._inside_quote(t[1])]
            i = 0
            while i < len(toks):
                j = i
                while j < len(toks) and (
                    _is_cap(toks[j][0])
                    or _is_role(toks[j][0])
                    or (_low(toks[j][0]) in _PARTICLES and j + 1 < len(toks) and _is_cap(toks[j + 1][0]))
                ):
                    j += 1
                if j > i:
                    np = _parse_np(toks[i:j])
                    nxt = toks[j][0] if j < len(toks) else ""
                    after = toks[j + 1][0] if j + 1 < len(toks) else ""
                    if np is not None and np.kind == "name":
                        appos = (
                            nxt == ","
                            and _low(after) in _DETS
                            and any(_is_role(t[0]) for t in toks[j + 2 : j + 5])
                        )
                        if (np.role and any(_is_role(w) for w in np.role.split())) or appos:
                            self.reg.add(np.name, np.role if np.role else "")
                    i = j
                i += 1

    def _mentions(self, a: int, b: int) -> list[_Person]:
        found: list[_Person] = []
        for tok, s, _e in _tokens(self.text, a, b):
            if _is_cap(tok) and not self._inside_quote(s):
                p = self.reg.find(_clean_name(tok).removesuffix("'s").removesuffix("’s"))
                if (
                    p is not None
                    and p.kind == "person"
                    and p.surname == _clean_name(tok).lower().split("'")[0]
                ):
                    found.append(p)
                elif p is not None and p.kind == "person" and _clean_name(tok).lower().startswith(p.surname):
                    found.append(p)
        return found

    def _resolve(self, subj: _Subject, idx: int) -> _Person | None:
        if subj.kind == "name":
            known = self.reg.find(subj.name)
            if known is not None and known.kind == "person":
                if len(subj.name.split()) > len(known.name.split()):
                    known.name = subj.name
                known.role = _better_role(known.role, subj.role)
                return known
            kind = "person" if len(subj.name.split()) > 1 else "unknown"
            return self.reg.add(subj.name, subj.role, kind)
        if subj.kind == "org":
            return _Person(
                subj.name[:1].upper() + subj.name[1:] if subj.name.startswith("the ") else subj.name,
                "",
                "org",
            )
        if subj.kind == "role":
            return self.reg.by_role(subj.role)
        if subj.kind == "pronoun":
            return self._antecedent(idx)
        return None

    def _antecedent(self, idx: int) -> _Person | None:
        """He/she: the speaker of the nearest earlier sentence, or its only named person."""
        k = idx - 1
        steps = 0
        while k >= 0 and steps < 3:
            if (k + 1) in self.barriers and k + 1 <= idx:
                return None
            speakers = [p for p in self.sent_speakers[k] if p.kind != "org"]
            if speakers:
                return speakers[-1]
            people = {p.name: p for p in self.sent_mentions[k]}
            if len(people) == 1:
                return next(iter(people.values()))
            if len(people) > 1:
                return None
            k -= 1
            steps += 1
        return None

    def _emit(self, a: int, b: int, person: _Person, kind: str, sent: tuple[int, int], idx: int) -> None:
        text = self.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if kind == "reported":
            while b > a and text[b - 1] in ".:":
                b -= 1
        if b - a < 3 or len(text[a:b].split()) < (3 if kind == "reported" else 1):
            return
        if any(q.start == a and q.end == b for q in self.out):
            return
        self.out.append(
            Quotation(a, b, text[a:b], person.name, kind, sent[0], sent[1], person.role, person.kind)
        )
        self.people_of.append(person)
        self.sent_speakers[idx].append(person)

    # ----- the rules
    def run(self) -> list[Quotation]:
        self._register_people()
        for idx, sent in enumerate(self.sentences):
            self.sent_speakers.append([])
            self.sent_mentions.append(self._mentions(*sent))
            self._direct(idx, sent)
            self._reported(idx, sent)
        for q, person in zip(self.out, self.people_of, strict=True):  # names and roles as finally known
            q.speaker, q.role = person.name, person.role
        self.out.sort(key=lambda q: q.start)
        return self.out

    def _direct(self, idx: int, sent: tuple[int, int]) -> None:
        text = self.text
        a, b = sent
        quotes = self._quotes_in(a, b)
        prev_close = a
        attributed: list[tuple[tuple[int, int, int, int], _Person]] = []
        for q in quotes:
            person = self._attribute_quote(idx, a, b, q, prev_close)
            if person is not None:
                attributed.append((q, person))
            prev_close = q[3]
        # a second quote right after `"…," X said,` continues X
        for q in quotes:
            if any(q is aq for aq, _ in attributed):
                continue
            for aq, person in attributed:
                if aq[3] <= q[0] and _is_attribution_gap(text, aq[3], q[0]):
                    attributed.append((q, person))
                    break
        # a sentence that is nothing but a quote continues the previous speaker's quote
        if quotes and not attributed and idx > 0 and idx not in self.barriers:
            outside = "".join(text[s:e] for s, e in _gaps(a, b, quotes))
            prev = [q for q in self.out if q.kind == "direct" and q.sentence_end <= a]
            if (
                not any(ch.isalnum() for ch in outside)
                and prev
                and prev[-1].sentence_start == self.sentences[idx - 1][0]
            ):
                last = prev[-1]
                person = _Person(last.speaker, last.role, last.speaker_type)
                attributed.extend((q, person) for q in quotes)
        for q, person in sorted(attributed, key=lambda x: x[0][0]):
            self._emit(q[1], q[2], person, "direct", sent, idx)

    def _attribute_quote(
        self, idx: int, a: int, b: int, q: tuple[int, int, int, int], lo: int
    ) -> _Person | None:
        text = self.text
        closed = q[2] != q[3]
        # "…," X said / "…," he told attendees
        if closed:
            m = _SPEECH_RE.search(text, q[3], b)
            if m and not self._inside_quote(m.start()):
                subj = _subject_before(text, q[3], m.start())
                if subj is not None and _only_punct(text, q[3], subj.start):
                    return self._resolve(subj, idx)
            m = _AFTER_VERB_RE.match(text, q[3], b)
            if m:
                end = m.end()
                stop = re.search(r"[,.;:!?\"“”]|\s(?:who|which|in|on|at|during|after|before)\s", text[end:b])
                stop_at = end + stop.start() if stop else b
                subj = _parse_np(_tokens(text, end, stop_at))
                if subj is not None and subj.kind != "pronoun":
                    return self._resolve(subj, idx)
        # X said: "…" / X told reporters "…" / X wrote on X, formerly Twitter: "…"
        prefix = text[lo : q[0]].rstrip()
        verbs = [m for m in _SPEECH_RE.finditer(text, lo, q[0]) if not self._inside_quote(m.start())]
        if not verbs:
            return None
        v = verbs[-1]
        between = text[v.end() : q[0]].strip()
        if prefix.endswith(":"):
            if re.search(r"\bthat\b", between) or len(between.split()) > 12:
                return None
        else:
            between = between.rstrip(",")
            if re.search(r"\bthat\b|[.;:!?]", between) or len(between.split()) > 3:
                return None
        subj = _subject_before(text, lo, v.start())
        if subj is None:
            return None
        return self._resolve(subj, idx)

    def _reported(self, idx: int, sent: tuple[int, int]) -> None:
        text = self.text
        a, b = sent
        for m in _SPEECH_RE.finditer(text, a, b):
            if self._inside_quote(m.start()):
                continue
            verb = m.group(1).lower()
            rest = text[m.end() : b]
            t = re.match(r"((?:\s+[^\s,.;:!?\"“”]+){0,10}?)\s+that\s+", rest)
            if t is not None and re.search(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b", t.group(1)):
                t = None
            if t is not None:
                clause_start = m.end() + t.end()
            elif verb in _BARE_CLAUSE_VERBS and re.match(r"\s+(?:he|she|they|it|we|i|there)\s", rest, re.I):
                clause_start = m.end() + 1
            else:
                continue
            if any(q[0] <= clause_start < q[3] for q in self.quotes):
                continue
            # the subject: before the verb, or the subject of the verb this one is coordinated with
            subj = _subject_before(text, a, m.start())
            if subj is None:
                coord = _coordinated_subject(text, a, m.start())
                if coord is not None:
                    subj = _subject_before(text, a, coord)
            if subj is None:
                continue
            person = self._resolve(subj, idx)
            if person is None:
                continue
            clause_end = b
            if _SUBORDINATE_RE.match(text, a):
                comma = text.find(",", clause_start, b)
                while comma != -1 and self._inside_quote(comma):
                    comma = text.find(",", comma + 1, b)
                if comma != -1:
                    clause_end = comma
            for rx in (_COORD_RE, _CLAUSE_END_RE):
                nxt = rx.search(text, clause_start, clause_end)
                while nxt is not None and self._inside_quote(nxt.end() - 1):
                    nxt = rx.search(text, nxt.end(), clause_end)
                if nxt is not None:
                    clause_end = nxt.start()
            self._emit(clause_start, clause_end, person, "reported", sent, idx)
        self._according(idx, sent)

    def _according(self, idx: int, sent: tuple[int, int]) -> None:
        text = self.text
        a, b = sent
        for m in _ACCORDING_RE.finditer(text, a, b):
            if self._inside_quote(m.start()):
                continue
            stop = re.search(r"[,.;:!?]|\s(?:who|which|in|on|at|during)\s", text[m.end() : b])
            np_end = m.end() + stop.start() if stop else b
            subj = _parse_np(_tokens(text, m.end(), np_end))
            if subj is None or subj.kind == "pronoun":
                continue
            person = self._resolve(subj, idx)
            if person is None:
                continue
            if _only_punct(text, a, m.start()) and np_end < b and text[np_end] == ",":
                self._emit(np_end + 1, b, person, "reported", sent, idx)
            elif _only_punct(text, np_end, b) and text[a : m.start()].rstrip().endswith(","):
                self._emit(a, m.start(), person, "reported", sent, idx)


def _gaps(a: int, b: int, quotes: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    out, pos = [], a
    for q in quotes:
        out.append((pos, q[0]))
        pos = q[3]
    out.append((pos, b))
    return out


def _is_attribution_gap(text: str, a: int, b: int) -> bool:
    """Text between two quotes is just ``, X said,`` (short, with a speech verb, ending in a comma)."""
    gap = text[a:b].strip()
    return bool(gap.endswith(",") and len(gap.split()) <= 8 and _SPEECH_RE.search(gap))


def _coordinated_subject(text: str, a: int, verb_start: int) -> int | None:
    """For ``X acknowledged that … but emphasized that``: where the first verb starts."""
    head = text[a:verb_start]
    m = re.search(r"(?:,\s*|\s)(?:but|and|yet)\s+(?:also\s+)?$", head)
    if m is None:
        return None
    firsts = [v for v in _SPEECH_RE.finditer(text, a, a + m.start())]
    return firsts[0].start() if firsts else None


@functools.lru_cache(maxsize=64)
def _extract_cached(text: str) -> tuple[Quotation, ...]:
    return tuple(_Extractor(text).run())


def extract_quotations(text: str) -> list[Quotation]:
    """All attributed direct and reported statements in ``text``, in text order."""
    if not text:
        return []
    return [Quotation(**vars(q)) for q in _extract_cached(text)]


# --------------------------------------------------------------------------- matching names


def _name_tokens(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower().replace("’", "'")
    words = re.findall(r"[\w'.-]+", name)
    out = []
    for w in words:
        w = w[:-2] if w.endswith("'s") else w.rstrip(".'")
        if w and w not in _DETS:
            out.append(w)
    return out


def _same_word(a: str, b: str) -> bool:
    """Equal, or spelling variants that differ by one trailing letter (Zelensky / Zelenskyy)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and len(long_) - len(short) == 1 and long_.startswith(short)


def speaker_matches(query_name: str, speaker: str, aliases: Iterable[str] = (), role: str = "") -> bool:
    """Does a name from a question refer to this speaker?

    Surname or full-name match, case- and accent-insensitive ("peskov" ~ "Dmitry Peskov",
    "Putin" !~ "Peskov"). A query naming a role ("the Kremlin spokesperson") matches when
    all its words are in the speaker's name plus ``role``.
    """
    q = [w for w in _name_tokens(query_name) if w not in STOPWORDS]
    if not q:
        return False
    q_roles = [w for w in q if w in ROLE_WORDS]
    q_names = [w for w in q if w not in ROLE_WORDS]
    role_toks = _name_tokens(role)
    role_phrase = q[-1] in ROLE_WORDS  # "the Kremlin spokesperson": a role, not the name "Kremlin"
    for name in (speaker, *aliases):
        toks = _name_tokens(name)
        if not toks:
            continue
        if q_names and _name_match(q_names, toks) and not role_phrase:
            return True
        if q_roles and role_toks:
            have = toks + role_toks
            if all(any(_same_word(w, t) for t in have) for w in q_names) and (
                set(q_roles) <= set(have) or _role_keys(" ".join(q_roles)) & _role_keys(role)
            ):
                return True
    return False


def _name_match(q_names: list[str], toks: list[str]) -> bool:
    if not all(any(_same_word(w, t) for t in toks) for w in q_names):
        return False
    if _same_word(q_names[-1], toks[-1]) or len(toks) == 1:
        return True
    return len(q_names) == 1 and _same_word(q_names[0], toks[0])  # a lone first name


__all__ = [
    "Quotation",
    "ROLE_WORDS",
    "STOPWORDS",
    "extract_quotations",
    "sentence_spans",
    "speaker_matches",
]
