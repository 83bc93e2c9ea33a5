"""Organisations referred to again: "it", "the company", "the statement" (whose words a document carries).

A mixin of ``Coreference``: it reads the article's sentences, their subjects and the statements attributed so far.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.quotations.cues import SPEECH_RE
from index.quotations.entities import Speaker
from index.quotations.phrases import Subject, clean_name, is_cap

if TYPE_CHECKING:
    from index.quotations.entities import Registry
    from index.quotations.phrases import Token
    from index.text.sentences import Span

PRONOUN_REACH = 3  # sentences a he/she (or "it") looks back
# what an article calls a news outlet when it mentions it again: "the magazine said", "the outlet reported"
PRESS_NOUNS = frozenset("magazine newspaper paper outlet publication broadcaster tabloid".split())
_NAME = r"((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
# an outlet named as such: someone "told Time", "Time magazine", "in an interview with the Baltimore Banner"
_OUTLET_RE = re.compile(r"\b(?:told|interview with|according to)\s+" + _NAME + r"|" + _NAME
                        + r"\s+(?:magazine|newspaper|reported|reports)\b")


# "the HSF board", "the Premier League club's": the capitalised words that qualify a common noun
_QUALIFIED_RE = re.compile(r"(?:[Tt]he|[Ii]ts)\s+((?:[A-Z][\w&.'’-]*\s+){1,4})[a-z]")
# an organisation told something is not the one that speaks ("In a statement to 404 Media, the company said")
_RECIPIENT_RE = re.compile(r"\b(?:to|told|tells|with)\s+(?:the\s+)?(?:\d\S*\s+)?$", re.I)


class OrgMentions:
    """"It" and "the company": the organisation named or speaking just before."""

    text: str
    sentences: tuple[Span, ...]
    reg: Registry
    sent_tokens: list[list[Token]]
    sent_orgs: list[list[tuple[str, int]]]
    sent_speakers: list[list[Speaker]]
    barriers: set[int]
    _proper: set[str] | None

    def _subject(self, k: int) -> Subject | None:
        raise NotImplementedError

    def inside_quote(self, pos: int) -> bool:
        raise NotImplementedError

    def _outlet(self, idx: int) -> Speaker | None:
        """"The magazine said": the outlet named last before sentence ``idx`` (told Time, Time magazine), if one."""
        found = [m.group(1) or m.group(2) for k in range(idx + 1)
                 for m in _OUTLET_RE.finditer(self.text, *self.sentences[k]) if not self.inside_quote(m.start())]
        found = [n.removeprefix("The ").rstrip(".") for n in found]
        found = [n for n in found if self.reg.find(n) is None]  # "told Smith": a person, not an outlet
        return Speaker(found[-1], "", "org") if found else None

    def _issuer(self, idx: int) -> Speaker | None:
        """The report / the statement / the tweet: the organisation the sentence right before says spoke ("The QRU
        confirmed that. '…,' the statement read."), else the one that spoke or was named last."""
        last = self._subject_org(idx - 1) if idx > 0 and (idx - 1) not in self.barriers and SPEECH_RE.search(
            self.text, *self.sentences[idx - 1]) else None
        if last is not None:
            return Speaker(last.name, "", "org")
        return self._org_antecedent(idx, self.sentences[idx].end)

    def _epithet_org(self, idx: int, pos: int) -> Speaker | None:
        """"The digital freight broker told employees …": the organisation its own sentence opened with ("Honda never
        sold it abroad, and the automaker said …") or the previous sentence was about ("Convoy isn't a traditional
        deal"), named bare, else nobody: an epithet is no pronoun, and the organisation named last is often another."""
        before = self._opened_with(idx, pos) or (self._subject_org(idx - 1) if idx > 0 else None)
        # a business goes by its bare name ("Convoy"); "The Wall Street consensus remains" is about no company
        return Speaker(before.name, "", "org") if before is not None and not before.name.startswith("the ") else None

    def _opened_with(self, idx: int, pos: int) -> Subject | None:
        """The organisation sentence ``idx`` opened with, before ``pos`` ("Chelsea issued a statement in which it
        noted"), or None."""
        own = self._subject_org(idx)
        return own if own is not None and own.start < pos and self.text[own.start : pos].strip() else None

    def _org_antecedent(self, idx: int, pos: int) -> Speaker | None:
        """It / the company: the organisation this sentence opened with ("Chelsea issued a statement in which
        it noted"), else the one that spoke or was named in the last sentences, else the last one that spoke."""
        own = self._opened_with(idx, pos)
        if own is not None:
            return Speaker(own.name, "", "org")
        qualified = self._qualified(idx, pos)
        if qualified is not None:
            return qualified
        recent = range(max(0, idx - PRONOUN_REACH), idx + 1)
        orgs = {p.name: p for k in recent if k < idx for p in self.sent_speakers[k] if p.kind == "org"}
        if len(orgs) > 1:  # "… told the Guardian that it '…'. '…,' the company's statement reads": the nearest
            near = [{p.name: p for p in self.sent_speakers[k] if p.kind == "org"}
                    for k in range(idx - 1, recent[0] - 1, -1)]
            nearest = next(n for n in near if n)
            orgs = nearest if len(nearest) == 1 else orgs
        if not orgs:
            orgs = {name: Speaker(name, "", "org") for k in recent for name, at in self.sent_orgs[k] if at < pos
                    and not _RECIPIENT_RE.search(self.text, max(0, at - 8), at)}
        if not orgs:
            subjects = [self._subject_org(k) for k in recent if k < idx]
            orgs = {o.name: Speaker(o.name, "", "org") for o in subjects if o is not None}
        if not orgs:  # the only organisation that spoke before
            earlier = {p.name: p for k in range(idx) for p in self.sent_speakers[k] if p.kind == "org"}
            return next(iter(earlier.values())) if len(earlier) == 1 else None
        return next(iter(orgs.values())) if len(orgs) == 1 else None

    def _qualified(self, idx: int, pos: int) -> Speaker | None:
        """"The HSF board says": of the organisations that spoke before, the one the phrase at ``pos`` names by its
        name, a form of it or its initials ("HSF" for Hipgnosis Songs Fund), if exactly one."""
        m = _QUALIFIED_RE.match(self.text, pos)
        if m is None:
            return None
        asked = " ".join(w.removesuffix("'s").removesuffix("’s") for w in m.group(1).split())
        spoke = {p.name: p for k in range(idx) for p in self.sent_speakers[k] if p.kind == "org"}
        found = [p for p in spoke.values() if asked in (p.name, *p.forms)
                 or asked == "".join(w[0] for w in p.name.split() if w[:1].isupper())]
        return found[0] if len(found) == 1 else None

    def _subject_org(self, idx: int) -> Subject | None:
        """The sentence's subject when it names an organisation (or a name no person of the article has)."""
        subj = self._subject(idx)
        if subj is None or subj.kind not in ("org", "name") or subj.role:
            return None
        if subj.kind == "name":
            known = self.reg.find(subj.name)
            if known is not None and known.kind == "person" or len(subj.name.split()) > 1:
                return None
            if subj.name not in self._proper_words():
                return None  # "Lower yields rose": a capital only because the sentence starts there
        return subj

    def _proper_words(self) -> set[str]:
        """Words the article capitalises inside a sentence, not only at its start: proper nouns."""
        if self._proper is None:
            self._proper = {clean_name(t.text) for toks in self.sent_tokens for t in toks[1:] if is_cap(t.text)}
        return self._proper


__all__ = ["PRESS_NOUNS", "PRONOUN_REACH", "OrgMentions"]
