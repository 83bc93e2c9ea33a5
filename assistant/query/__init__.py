"""Query analysis: sub-questions, outlets and dates named in a question (see ``analysis``)."""

from assistant.query.analysis import QueryAnalyser, QueryAnalysis, SubQuestion

__all__ = ["QueryAnalyser", "QueryAnalysis", "SubQuestion"]
