"""Block quotations: a paragraph of someone's words set off by the paragraph that introduces it, without marks.

'Commenting in a statement, Ursula Pachl, deputy director general of BEUC, said:' then, as its own paragraph,
'The choice the tech giant is currently providing to consumers is unfair and illegal …'. Sites that print
statements as block quotes lose their quote marks when scraped; the introducing paragraph still ends on a colon
right after the speaker and a speech verb ("said:", "told us:", "writes:", "said on the stand:"). The paragraph
after it, when it has no quote marks of its own, is then that speaker's direct statement, word for word. After a
participle ("— writing in an emailed statement:") the speaker is the one person the introduction names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.quotations.before_verb import subject_before
from index.quotations.cues import SPEECH_RE
from index.text.sentences import Span

if TYPE_CHECKING:
    from index.quotations.attribution import Extractor

BLOCK_MIN_WORDS = 6  # a block statement is a paragraph of prose, not a label
_TAIL_WORDS = 6  # the speech verb is among the last words before the colon ("said in a statement:")


def block_quote(ex: Extractor, idx: int, sent: Span) -> None:
    """Emit the paragraph after sentence ``idx`` as its speaker's statement when ``idx`` introduces it."""
    text = ex.text
    a, b = sent
    if not text[a:b].rstrip().endswith(":") or not text[b:].startswith("\n") or idx + 1 >= len(ex.sentences):
        return
    if idx + 1 in ex.barriers or ex.quotes_in(a, b):
        return  # a heading next, or an introduction that quotes: not a statement set off below it
    colon = text.rindex(":", a, b)
    verbs = list(SPEECH_RE.finditer(text, a, colon))
    if not verbs or len(text[verbs[-1].end() : colon].split()) > _TAIL_WORDS:
        return
    subj = subject_before(text, a, verbs[-1].start())
    # a participle's subject is the clause's: "Meta spokesperson, Matt Pollard, sought to … — writing in a statement:"
    named = [p for p in ex.people.sent_mentions[idx] if not p.name.split()[-1].isupper()]  # "Norwegian DPA": a body
    named = named if verbs[-1].group().endswith("ing") else []
    if (subj is None or subj.kind == "pronoun") and len(named) != 1:
        return
    start = ex.sentences[idx + 1].start
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    block = text[start:end]
    if ex.quotes_in(start, end) or len(block.split()) < BLOCK_MIN_WORDS or block.rstrip().endswith(":"):
        return
    person = ex.people.resolve(subj, idx) if subj is not None and subj.kind != "pronoun" else named[0]
    if person is not None:
        ex.emit(start, end, person, "direct", Span(start, end), idx + 1)


__all__ = ["BLOCK_MIN_WORDS", "block_quote"]
