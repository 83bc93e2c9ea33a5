"""Turn files (text, Markdown, HTML, JSON, JSONL) into ``Article`` objects.

One module per concern: ``discover`` (which files), ``decode`` (bytes to text), ``metadata``
(titles, dates, the Article), one loader per format (``plain``, ``html``, ``records``), and
``files``, the gates every file goes through before its format's loader.
"""

from index.loaders.decode import decode_bytes
from index.loaders.discover import SUPPORTED_SUFFIXES, discover
from index.loaders.files import load_file, load_paths
from index.loaders.metadata import normalize_date, title_from_text
from index.loaders.result import LoadResult

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadResult",
    "decode_bytes",
    "discover",
    "load_file",
    "load_paths",
    "normalize_date",
    "title_from_text",
]
