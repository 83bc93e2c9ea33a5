"""Answers over indexed news articles, with quotes checked against the stored text."""
