"""MinHash signatures of article texts (datasketch), small enough to live in the article's metadata.

A text's features are its word 5-shingles: lower-cased ``\\w+`` words, five at a time, so a
syndicated copy with different furniture (datelines, "Advertisement", share bars, footers) and
light edits keeps most of them while two different stories share almost none. The signature is
``NUM_PERM`` 32-bit minimum hashes, stored as ``VERSION:base64``; a stored signature of another
version is recomputed. Texts with fewer than ``MIN_SHINGLES`` shingles get no signature: too short
to tell a syndicated copy from a shared boilerplate paragraph.
"""

from __future__ import annotations

import base64
import re

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch >= 2: hash values carry no trace of their scheme, so it is pinned
MIN_SHINGLES = 20
VERSION = f"mh1-w{SHINGLE_WORDS}-p{NUM_PERM}"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The distinct word ``size``-shingles of ``text`` (lower-cased words)."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(features: set[bytes]):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(sorted(features))
    return m


def signature(text: str) -> str:
    """``VERSION:base64`` of the text's MinHash, or "" when the text is too short to compare."""
    features = shingles(text)
    if len(features) < MIN_SHINGLES:
        return ""
    values = minhash(features).hashvalues.astype(np.uint32)
    return f"{VERSION}:{base64.b64encode(values.tobytes()).decode('ascii')}"


def is_current(sig: object) -> bool:
    """A stored value this version can read ("" counts: the text was too short)."""
    return isinstance(sig, str) and (sig == "" or sig.startswith(VERSION + ":"))


def decode(sig: str):
    """The ``LeanMinHash`` of a stored signature (None for "" or another version)."""
    from datasketch import LeanMinHash

    if not sig or not sig.startswith(VERSION + ":"):
        return None
    values = np.frombuffer(base64.b64decode(sig.split(":", 1)[1]), dtype=np.uint32).astype(np.uint64)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


__all__ = ["MIN_SHINGLES", "NUM_PERM", "SHINGLE_WORDS", "VERSION", "decode", "is_current", "shingles", "signature"]
