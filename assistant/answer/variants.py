"""Product variants: "Galaxy Watch 6 Classic" is not "Galaxy Watch 6", and "Xbox Series S" is not "Xbox Series X".

A name the question asks about that ends in a model designator (a single capital letter, a model number such as
"6", "15" or "S23", or one of "Pro", "Max", "Plus", "Ultra", "Mini", "Classic", "Lite", "SE", "XL", "XS") is a
variant of a product line. A sentence that names the line without that designator, or with another one, is about a
sibling product, unless it also names the variant asked: a deals list's "Galaxy Watch 6 went down to $269" does not
give the price of the Watch 6 Classic.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’+]*")
_DESIGNATOR = re.compile(r"(?:[A-Z]|(?!(?:19|20)\d\d$)\d{1,4}[A-Za-z]{0,2}|[A-Z]\d{1,3}|Pro|Max|Plus|Ultra|Mini|"
                         r"Classic|Lite|SE|XL|XS)")


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised or numbered words with only spaces between them: "Samsung Galaxy Watch 6 Classic"."""
    runs: list[list[str]] = []
    end = -1  # where the run being read stops, -1 when none is
    for m in _TOKEN.finditer(text):
        w = m.group()
        if not (w[:1].isupper() or w[:1].isdigit()):
            end = -1
        elif end >= 0 and not text[end : m.start()].strip():
            runs[-1].append(w)
            end = m.end()
        else:
            runs.append([w])
            end = m.end()
    return runs


def _find(seq: list[str], tokens: list[str]) -> list[int]:
    n = len(seq)
    return [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == seq]


def names_sibling(question: str, sentence: str) -> bool:
    """Does ``sentence`` name a sibling of a product variant the question asks about, and not the variant itself?"""
    tokens = [m.group() for m in _TOKEN.finditer(sentence)]
    for run in _runs(question):
        last = run[-1].removesuffix("'s").removesuffix("’s")
        if len(run) < 3 or not _DESIGNATOR.fullmatch(last):
            continue
        run = [*run[:-1], last]
        if any(_find(run[k:], tokens) for k in range(len(run) - 1)):
            continue  # the variant asked is named
        for k in range(len(run) - 2):
            base = run[k:-1]
            for i in _find(base, tokens):
                after = tokens[i + len(base)] if i + len(base) < len(tokens) else ""
                if last not in tokens or _DESIGNATOR.fullmatch(after):
                    return True
    return False


__all__ = ["names_sibling"]
