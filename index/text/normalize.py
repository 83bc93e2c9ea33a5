"""Text normalisation, applied once at load time.

The stored article text is ``normalize_text(raw)``: Unicode NFC and ``\\r\\n``
/ ``\\r`` turned into ``\\n``. Nothing else is changed, so every character
offset we keep (chunks, quotes) points into exactly the text a reader sees
with ``assistant show ID``.
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalize_text(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\ufeff", "")


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the idempotency key for re-indexing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
