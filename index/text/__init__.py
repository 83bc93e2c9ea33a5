"""Text rules every layer shares: normalisation at load time, and the quote-matching fold.

``normalize`` is what stored article text is (offsets point into it); ``fold`` is the only
normalisation allowed when a quote is matched against it.
"""

from index.text.fold import fold, locate, strip_marks, verify
from index.text.normalize import content_hash, normalize_text

__all__ = ["content_hash", "fold", "locate", "normalize_text", "strip_marks", "verify"]
