"""Citations: exact offsets, checked even under ``python -O``; direct vs reported prose."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.answer.citations import citation, distinct, joined, said
from assistant.schema import Passage


def test_citation_is_the_span_or_an_error() -> None:
    p = Passage("a", "a:0", "t", "s", "", "", 0, 10, 1.0, "short text here")
    c = citation(1, p, 6, 10, "X", "direct")
    assert (c.quote, c.kind, c.speaker) == ("text", "direct", "X")
    with pytest.raises(ValueError):
        citation(1, p, 5, 99)


def test_direct_quoted_reported_labelled() -> None:
    assert said("Peskov", "We will see", "direct", 1) == "Peskov said: \u201cWe will see\u201d [1]"
    reported = said("Dmitry Peskov", "He said Russia had not received a request.", "reported", 2, again=True)
    assert reported == ("Reported by the article (not a direct quote), of Dmitry Peskov: "
                        "He said Russia had not received a request. [2]")
    assert "\u201c" not in reported and '"' not in reported
    # a sentence that names the speaker stands as the article has it, its own verb kept
    named = said("Peskov", "Peskov confirmed that Russia had not received a request.", "reported", 3, named=True)
    assert named == ("Reported by the article (not a direct quote): "
                     "Peskov confirmed that Russia had not received a request. [3]")


def test_citation_offsets_are_checked_even_under_python_O():
    """The offset promise must not be an ``assert`` that ``python -O`` strips."""
    code = (
        "from assistant.answer.citations import citation\n"
        "from assistant.schema import Passage\n"
        "p = Passage('a', 'a:0', 't', 's', '', '', 0, 5, 1.0, 'short text')\n"
        "try:\n    citation(1, p, 5, 99)\nexcept ValueError:\n    print('refused')\n"
    )
    out = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "refused", out.stderr


@pytest.mark.parametrize(("names", "listed"), [
    (["Mastercard's", "Mastercard", "MASTERCARD"], "Mastercard"),
    (["Craig Revel Horwood's", "TV", "Horwood", "TV"], "Craig Revel Horwood and TV"),
    (["BBC News", "Reuters", "BBC"], "BBC News and Reuters"),
    (["Jones'", "Smith", "Lee"], "Jones, Smith and Lee"),
    (["New York", "York City"], "New York and York City"),  # neither holds all of the other's words
])
def test_a_refusal_lists_each_name_once(names: list[str], listed: str) -> None:
    assert joined(distinct(names)) == listed
