"""The UI's HTML, one module per thing shown: answers, conversations, the source panel, timelines,
tables and evaluation reports. Everything from an article, a question or an error is escaped."""

__all__: list[str] = []
