"""Block quotations: a paragraph of someone's words set off by the paragraph that introduces it, without marks.

'Commenting in a statement, Ursula Pachl, deputy director general of BEUC, said:' then, as its own paragraph,
'The choice the tech giant is currently providing to consumers is unfair and illegal …'. Sites that print
statements as block quotes lose their quote marks when scraped; the introducing paragraph still ends on a colon
right after the speaker and a speech verb ("said:", "told us:", "writes:", "said on the stand:"). The paragraph
after it, when it has no quote marks of its own, is then that speaker's direct statement, word for word. After a
participle ("— writing in an emailed statement:") the speaker is the one person the introduction names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.before_verb import subject_before
from index.quotations.cues import SPEECH_RE
from index.quotations.phrases import parse_np, tokens
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor
    from index.quotations.entities import Speaker

BLOCK_MIN_WORDS = 6  # a block statement is a paragraph of prose, not a label
_TAIL_WORDS = 6  # the speech verb is among the last words before the colon ("said in a statement:")


def block_quote(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the paragraph after sentence ``idx`` as its speaker's statement when ``idx`` introduces it."""
    person = introduced(ex, idx)
    if person is None:
        return
    text = ex.text
    start = ex.sentences[idx + 1].start
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    block = text[start:end]
    if ex.quotes_in(start, end) or len(block.split()) < BLOCK_MIN_WORDS or block.rstrip().endswith(":"):
        return
    ex.emit(start, end, person, "direct", Span(start, end), idx + 1)


def introduced(ex: Extractor, idx: int) -> Speaker | None:
    """The speaker sentence ``idx`` introduces as a paragraph ending on a colon, for the paragraph after it (a
    statement in quote marks or without): "X said in a statement:", "— writing in an emailed statement:", and the
    label "From the Big Ten:" / "Statement from Michigan:"; None for anything else."""
    text = ex.text
    a, b = ex.sentences[idx]
    if not text[a:b].rstrip().endswith(":") or not text[b:].startswith("\n") or idx + 1 >= len(ex.sentences):
        return None
    if idx + 1 in ex.barriers or ex.quotes_in(a, b):
        return None  # a heading next, or an introduction that quotes: not a statement set off below it
    colon = text.rindex(":", a, b)
    label = _LABEL_RE.fullmatch(text, a, colon)
    if label:
        subj = parse_np(tokens(text, label.start(1), label.end(1)))
        return ex.people.resolve(subj, idx) if subj is not None and subj.kind in ("name", "org") else None
    verbs = list(SPEECH_RE.finditer(text, a, colon))
    if not verbs or len(text[verbs[-1].end() : colon].split()) > _TAIL_WORDS:
        return None
    subj = subject_before(text, a, verbs[-1].start())
    # a participle's subject is the clause's: "Meta spokesperson, Matt Pollard, sought to … — writing in a statement:"
    named = [p for p in ex.people.sent_mentions[idx] if not p.name.split()[-1].isupper()]  # "Norwegian DPA": a body
    named = named if verbs[-1].group().endswith("ing") else []
    if (subj is None or subj.kind == "pronoun") and len(named) != 1:
        return None
    return ex.people.resolve(subj, idx) if subj is not None and subj.kind != "pronoun" else named[0]


# a label that says whose statement follows: "From the Big Ten:", "Statement from Michigan:", "Full statement from X:"
_LABEL_RE = re.compile(r"(?:(?:(?:the|a|full|read\s+the)\s+)?(?:statement|response|comment|message)\s+)?from\s+"
                       r"((?:the\s+)?(?-i:[A-Z])[^:\n]{1,60})", re.I)


__all__ = ["BLOCK_MIN_WORDS", "block_quote", "introduced"]
