"""Who said what: quotations and their speakers in one article, by general rules of news prose.

Two kinds of statement:

* ``direct``: the words inside quote marks (``direct``);
* ``reported``: a clause the article reports as someone's statement (``reported``).

The rules of each kind live in their own module; this one walks the sentences, keeps what was
found and who said it, and reads the article twice: the second pass knows who speaks somewhere
in it, so a passing name does not capture a later "he said". Speakers are resolved within the
article (``coreference.Coreference``): a surname, a role phrase and he/she find the person
introduced earlier.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from index.quotations import blocks, direct, echoes, embedded, interviews, posts, reported, running
from index.quotations.coreference import Coreference
from index.quotations.entities import Speaker
from index.quotations.phrases import is_cap, low
from index.quotations.quotation import Quotation
from index.text.marks import QuoteSpan, inside_quotation
from index.text.sentences import Span, layout


class Extractor:
    """One reading of one article: the statements found so far and their speakers, in the order found."""

    def __init__(self, text: str, people: Coreference) -> None:
        self.text = text
        self.sentences, self.quotes, self.barriers = people.sentences, people.quotes, people.barriers
        self.people = people
        self.out: list[Quotation] = []
        self.speaker_of: list[Speaker] = []

    def quotes_in(self, a: int, b: int) -> list[QuoteSpan]:
        return [q for q in self.quotes if a <= q.open < b]

    def inside_quote(self, pos: int) -> bool:
        return inside_quotation(self.quotes, pos)

    def sentence_at(self, pos: int) -> int:
        """The sentence holding ``pos``, or the first one after it."""
        return next(i for i, s in enumerate(self.sentences) if s.start <= pos < s.end or s.start > pos)

    def credited(self, q: QuoteSpan) -> bool:
        """Do the words of quote ``q`` overlap a statement kept so far (its own, or one it sits in)?"""
        return any(o.start < q.inner_end and q.inner_start < o.end for o in self.out)

    def emit(self, a: int, b: int, person: Speaker, kind: str, sent: Span, idx: int) -> bool:
        """Keep ``text[a:b]`` (trimmed) as ``person``'s statement; False when too short or already kept."""
        text = self.text
        while a < b and (text[a].isspace() or kind == "reported" and text[a] in ",;:—–"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if kind == "reported":
            while b > a and text[b - 1] in ".:":
                b -= 1
        if b - a < 3 or len(text[a:b].split()) < (3 if kind == "reported" else 1):
            return False
        if kind == "direct" and is_title(text[a:b]):
            return False  # "Silent Night", "Winter Wonderland": a title quoted, not words spoken
        if any(q.start == a and q.end == b for q in self.out):
            return False
        self.out.append(Quotation(a, b, text[a:b], person.name, kind, sent.start, sent.end, person.role, person.kind))
        self.speaker_of.append(person)
        self.people.spoke(idx, person, a)
        return True

    def run(self) -> list[Quotation]:
        for idx, sent in enumerate(self.sentences):
            direct.attribute(self, idx, sent)
            reported.attribute(self, idx, sent)
            embedded.partial_quotes(self, idx, sent)
            embedded.nested(self, idx, sent)
            blocks.block_quote(self, idx, sent)
            interviews.named_answer(self, idx, sent)
            running.running(self, idx, sent)
        posts.posts(self)
        posts.signed(self)
        interviews.answers(self)
        echoes.echoes(self)
        for q, person in zip(self.out, self.speaker_of, strict=True):  # names and roles as finally known
            name, forms = person.name, person.forms | {person.name}
            bare = name.removeprefix("the ").removeprefix("The ")
            if person.kind == "org" and bare in self.people.acronyms:  # "the QRU": "the Queensland Rugby Union"
                name, forms = self.people.acronyms[bare], forms | {bare}
            q.speaker, q.role, q.speaker_type = name, person.role, person.kind
            q.aliases = tuple(sorted(forms - {name}))
        self.out.sort(key=lambda q: q.start)
        return self.out


TITLE_WORDS = 6  # a title quoted in prose is at most this long
_SMALL_TITLE_WORDS = frozenset("a an the of and or in on at to for with from by as but nor".split())


_ANSWER_RE = re.compile(r"(?:yes|no|yeah|nope|okay|ok|sure|absolutely|definitely|thanks),\s", re.I)


def is_title(quote: str) -> bool:
    """A short quote whose words are all capitalised, small words aside ("Silent Night", "The Lord of the Rings"):
    the title of a work or a name, not someone's words."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", quote)]
    if not words or len(words) > TITLE_WORDS or quote.rstrip()[-1:] in "?!" or _ANSWER_RE.match(quote):
        return False  # "Yes, Senator": an answer, not a title
    big = [w for w in words if low(w) not in _SMALL_TITLE_WORDS] or words
    return all(is_cap(w) for w in big) and is_cap(words[0])



@functools.lru_cache(maxsize=64)
def _extract_cached(text: str) -> tuple[Quotation, ...]:
    people = Coreference(text, *layout(text))
    first = Extractor(text, people.fork()).run()  # who speaks at all, for the second pass's he/she
    people.speakers = frozenset(q.speaker for q in first)
    return tuple(Extractor(text, people).run())


def extract_quotations(text: str) -> list[Quotation]:
    """All attributed direct and reported statements in ``text``, in text order (fresh copies)."""
    if not text:
        return []
    return [replace(q) for q in _extract_cached(text)]


def shared_quotations(text: str) -> tuple[Quotation, ...]:
    """The same statements as ``extract_quotations``, without copies: the cached objects themselves, for a
    caller that only reads them (changing one would change every later answer's)."""
    return _extract_cached(text) if text else ()


__all__ = ["Extractor", "extract_quotations", "shared_quotations"]
