"""Attribution cues: the patterns around a quotation that say who spoke."""

from __future__ import annotations

import re

from index.quotations.wordlists import AFTER_QUOTE_VERBS, SPEECH_VERBS
from index.text.marks import QuoteSpan

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# a plural subject speaks in the base form, before "that" or as a quote's closing tag: "Defense analysts agree that …",
# "Critics warn that …", '"…," the authors argue.' (only there: "to explain", "will argue" are no statements)
_PLURAL_VERBS = ("agree|warn|argue|note|claim|insist|suggest|explain|add|contend|maintain|stress|acknowledge|admit|"
                 "estimate|recommend|concede|caution|allege")
SPEECH_RE = re.compile(r"\b(" + _VERBS + r"|(?:(?<=s\s)|(?<=they\s)|(?<=also\s))(?:" + _PLURAL_VERBS
                       + r")(?=\s+that\b|\s*[.,](?:\s|$)))\b")
# "He went on to explain that …", "She goes on to mention …", "X continues to maintain …": the verb is the base
# form after "go on to" / "continue to", and the subject comes before "went"
GO_ON_RE = re.compile(r"\b(?:(?:went|goes|go|gone)\s+on|continue[sd]?)\s+to\s+(say|explain|add|note|insist|argue|claim|"
                      r"admit|reveal|stress|mention|maintain|describe)\b")
# '"…," said X' / '"…," X said'
AFTER_VERB_RE = re.compile(r"\s*,?\s*(" + "|".join(AFTER_QUOTE_VERBS) + r")\s+")
# A new clause with its own subject ends a reported statement.
CLAUSE_END_RE = re.compile(
    r";|(?<=[,\"”’])\s+(?:but|while|although|though|whereas|yet)\s"
    r"|\s[-–—]\s(?=meaning\b|which\s+means\b)"  # "… next year - meaning it's possible …": the writer's gloss
    r"|,\s+(?:adding|noting|saying|insisting|explaining|stressing|arguing|warning|claiming|asserting)\b"  # ", adding"
)
# "Though X maintains that …, the rest": the statement ends at the comma.
SUBORDINATE_RE = re.compile(r"(?:though|although|while|as|if|because|since|when|whereas|even though)\s", re.I)
ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Aa]s per)\s+")  # "as per the management"
AFTER_ACCORDING_RE = re.compile(r"\s*,?\s*according\s+to\s+")  # '"…," according to economists at Goldman Sachs'

# "…, according to CME Group." at the end of a sentence: the credit covers all of it.
END_CREDIT_RE = re.compile(r",\s+according to\s+[^,;:]+[.!?]?$")
# "… but emphasized that …": a second statement by the same subject.
COORD_RE = re.compile(r",?\s+(?:but|and|while|yet)\s+(?:also\s+|later\s+|then\s+)?(" + _VERBS + r")\b")
# "Tass quoted X as saying that …"
QUOTED_AS_RE = re.compile(r"\bquoted\s+(.{2,80}?)\s+as\s+(?:saying|telling)\b")
# '"…," X was quoted as saying': the passive, its subject before "was"
PASSIVE_QUOTED_RE = re.compile(r"\s+(?:was|is|were|are|has\s+been|had\s+been)\s+quoted\s+as\s+$")


def gaps(a: int, b: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The stretches of ``[a, b)`` outside the quotations."""
    out, pos = [], a
    for q in quotes:
        out.append((pos, q.open))
        pos = q.close_end
    out.append((pos, b))
    return out


def is_attribution_gap(text: str, a: int, b: int) -> bool:
    """Text between two quotes is just ``, X said,`` (short, with a speech verb, ending in a comma)."""
    gap = text[a:b].strip()
    return bool(gap.endswith(",") and len(gap.split()) <= 8 and SPEECH_RE.search(gap))


def coordinated_subject(text: str, a: int, verb_start: int) -> int | None:
    """For ``X acknowledged that … but emphasized that``: where the first verb starts."""
    head = text[a:verb_start]
    m = re.search(r"(?:,\s*|\s)(?:but|and|yet)\s+(?:also\s+)?$", head)
    if m is None:
        return None
    firsts = list(SPEECH_RE.finditer(text, a, a + m.start()))
    return firsts[0].start() if firsts else None


__all__ = [
    "ACCORDING_RE", "AFTER_ACCORDING_RE", "AFTER_VERB_RE", "CLAUSE_END_RE", "COORD_RE", "END_CREDIT_RE",
    "GO_ON_RE", "PASSIVE_QUOTED_RE", "QUOTED_AS_RE", "SPEECH_RE", "SUBORDINATE_RE", "coordinated_subject", "gaps",
    "is_attribution_gap",
]
