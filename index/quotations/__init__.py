"""Quotations as data: who said what in each article, found once at index time and stored.

``extract_quotations(text)`` reads one article (``shared_quotations``: the same, uncopied, for a
reader); ``speaker_matches`` says whether a name from a question refers to a speaker;
``QuotationIndex`` keeps them in Chroma beside the chunks.
"""

from index.quotations.attribution import extract_quotations, shared_quotations
from index.quotations.names import speaker_matches
from index.quotations.quotation import Quotation

__all__ = ["Quotation", "extract_quotations", "shared_quotations", "speaker_matches"]
