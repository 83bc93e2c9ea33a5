"""Page furniture: the lines of a scraped page that are not the article.

Applied to every article body before it is stored, line by line, by general rules (no site,
outlet or article is named): a line goes when it is

* a widget label on its own ("Advertisement", "Loading...", "Read more", "Most read", "Watch now"), and
  "Loading" glued between two sentences of a paragraph or before its first;
* a share bar (only network names and "Share"/"Email"/"Print");
* template leftovers (``{{ ... }}``);
* a sign-up prompt (a line starting "Sign up"/"Subscribe"/"Click here", or one that names a
  newsletter together with signing up and an email address or inbox);
* a cross-promotion link ("Read more: ...", "RELATED: ...", "See also: ...", "Watch This Story | ...");
* a photo credit or caption ("Credit: ...", "(Getty Images)", "Photo: ...", "© ...", a caption ending
  "… training session. (Getty)", or signed "Kevin Lamarque | Reuters"), and on a
  page whose captions are numbered ("6 The striker scored twice Credit: Getty"), an unpunctuated
  line with the same number in front;
* an affiliate disclosure ("... we may earn a commission ...");
* a promotional headline set in capitals, six words or more ("DOCTORS URGE VACCINATIONS AHEAD OF ...").

What remains is the stored text, and every offset (chunks, quotations) points into it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LABEL_RE = re.compile(
    r"(?:advertisement|advertisements|advert|ad|sponsored(?: content)?|loading(?:\.{3}|…)?|read more|read next|"
    r"most read|most popular|watch now|watch|listen|audio|video|see more|show more|continue reading|related|"
    r"related (?:articles|stories|content|coverage)|recommended|trending|share|share this(?: article| story)?|"
    r"skip advertisement|story continues below(?: advertisement)?|article continues below(?: this ad)?|"
    r"advertisement article continues below this ad|getty images|image|photo|close|menu|print|comments?)"
    r"[\s:.…]*",
    re.IGNORECASE,
)
_SHARE_WORDS = frozenset(
    "facebook twitter x whatsapp reddit email e-mail share print linkedin pinterest copy link messenger telegram "
    "flipboard tumblr comments comment threads bluesky".split()
)
_TEMPLATE_RE = re.compile(r"\{\{.*?\}\}")
_PROMPT_START_RE = re.compile(r"(?:sign up|subscribe|click here|tap here|download the|get the latest|skip past)\b",
                              re.IGNORECASE)
_NEWSLETTER_RE = re.compile(r"\bnewsletters?\b", re.IGNORECASE)
_SIGNUP_RE = re.compile(r"\b(?:sign up|sign-up|subscribe|signing up)\b", re.IGNORECASE)
_EMAIL_RE = re.compile(r"\b(?:e-?mail|inbox)\b", re.IGNORECASE)
_PROMO_LINK_RE = re.compile(r"(?:read more|read also|also read|more|related|see also|watch|listen|recommended)"
                            r"(?:\s+(?:this|the)\s+(?:story|video|clip))?\s*[:|]",
                            re.IGNORECASE)
_CREDIT = r"\(?\b(?:credit|credits|photo|photograph|picture|image|illustration|feature image credit)s?\s*(?::|by\b)"
# a caption ends with its credit; a credit line on its own is short
_CREDIT_RE = re.compile(_CREDIT, re.IGNORECASE)
_CREDIT_LINE_RE = re.compile(r"(?:" + _CREDIT + r"|\(?©|\((?:[\w ]+ )?(?:images?|photos?)\)$)", re.IGNORECASE)
# a caption that ends on a picture agency's name in brackets, after its full stop
_AGENCY_END_RE = re.compile(r"[.!?]\s*\((?:Getty(?: Images)?|AP|AFP|AAP|EPA|Reuters|Supplied|Shutterstock)\)$")
# a caption signed "Photographer | Agency" at its end: "… in Bali, November 14, 2022. Kevin Lamarque | Reuters"
_PIPED_CREDIT_RE = re.compile(r"\|\s*(?:[\w .'-]+ via )?(?:Getty Images|Reuters|AFP|AP|EPA|Shutterstock|Bloomberg|"
                              r"Anadolu)$")
_GALLERY_RE = re.compile(r"(\d{1,2}) [A-Z][^.!?]*")
_GALLERY_CREDIT_RE = re.compile(r"(\d{1,2}) [A-Z].*\bCredit:")
# every credit pattern holds one of these (a cheap test before the patterns)
_CREDIT_WORDS = ("credit", "photo", "picture", "image", "illustration", "©")
_DISCLOSURE_RE = re.compile(r"\b(?:earn (?:a|an affiliate) commission|affiliate links?)\b", re.IGNORECASE)


# a widget label glued between two sentences of a paragraph ("… next week. Loading Clark also said …") or before
# the first ("Loading Blue Apron soared 134.5 per cent …")
_INLINE_LABEL_RE = re.compile(r"(?:(?<=[.!?”\"’] )|^[ \t]*)Loading (?=[A-Z“\"‘])", re.MULTILINE)


class Removed(NamedTuple):
    line: str
    rule: str


def _credit_at_end(line: str) -> bool:
    """A credit ("Photo: ...", "Credit: ...") followed by at most ten more words to the end of the line."""
    ends = [m.end() for m in _CREDIT_RE.finditer(line)]
    return bool(ends) and len(line[ends[-1] :].split()) <= 10


def furniture_rule(line: str, gallery: frozenset[str] = frozenset()) -> str:
    """The rule a (stripped, non-empty) line falls under, or "" when it is article text.

    ``gallery``: the picture numbers the page's credited captions start with ("6 … Credit: …"); an
    unpunctuated line with the same number in front is a caption too.
    """
    if _LABEL_RE.fullmatch(line):
        return "label"
    words = re.findall(r"[\w-]+", line.lower())
    if len(words) >= 2 and set(words) <= _SHARE_WORDS:
        return "share bar"
    if "{{" in line and _TEMPLATE_RE.search(line):
        return "template"
    if _PROMPT_START_RE.match(line) or (
        "newsletter" in line.lower() and _NEWSLETTER_RE.search(line) and _SIGNUP_RE.search(line)
        and _EMAIL_RE.search(line)
    ):
        return "sign-up prompt"
    if _PROMO_LINK_RE.match(line) and len(line) < 200:
        return "promotion link"
    low = line.lower()
    if any(w in low for w in _CREDIT_WORDS) and (
        (len(words) <= 40 and _credit_at_end(line)) or (len(words) <= 12 and _CREDIT_LINE_RE.match(line))
    ):
        return "photo credit"
    if line.endswith(")") and len(words) <= 40 and _AGENCY_END_RE.search(line):
        return "photo credit"  # "Samu Kerevi of Australia reacts after the loss. (Getty)"
    if "|" in line and len(words) <= 60 and _PIPED_CREDIT_RE.search(line):
        return "photo credit"
    m = _GALLERY_RE.fullmatch(line) if line[:1].isdigit() else None
    if m and m.group(1) in gallery and len(words) <= 25:
        return "gallery caption"
    if ("commission" in low or "affiliate" in low) and _DISCLOSURE_RE.search(line) and len(words) <= 60:
        return "disclosure"
    if (len(words) >= 6 and not any(ch.islower() for ch in line) and sum(ch.isupper() for ch in line) >= 20
            and not line.endswith("?")):  # a question in capitals is usually a section heading
        return "capitals promotion"
    return ""


def strip_furniture(text: str) -> tuple[str, list[Removed]]:
    """``text`` without its furniture lines (see the module docstring), and what was removed."""
    kept: list[str] = []
    removed: list[Removed] = []
    lines = text.split("\n")
    gallery = frozenset(m.group(1) for m in (_GALLERY_CREDIT_RE.match(line.strip()) for line in lines) if m)
    for line in lines:
        rule = furniture_rule(line.strip(), gallery) if line.strip() else ""
        if rule:
            removed.append(Removed(line.strip(), rule))
        else:
            kept.append(line)
    inline = _INLINE_LABEL_RE.findall("\n".join(kept))
    removed += [Removed("Loading", "label") for _ in inline]
    if not removed:
        return text, removed
    return re.sub(r"\n{3,}", "\n\n", _INLINE_LABEL_RE.sub("", "\n".join(kept))), removed


__all__ = ["Removed", "furniture_rule", "strip_furniture"]
