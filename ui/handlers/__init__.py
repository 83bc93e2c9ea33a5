"""What the web UI's events do, as plain functions over a ``Context`` (the Engine and its catalog):
testable without a browser. Engine errors are shown as messages, never tracebacks, and no
message carries a local absolute path.
"""

from ui.handlers import articles, chat, conversations, evaluation, settings, speakers, uploads
from ui.handlers.context import Context

__all__ = ["Context", "articles", "chat", "conversations", "evaluation", "settings", "speakers", "uploads"]
