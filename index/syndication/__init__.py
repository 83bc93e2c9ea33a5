"""Syndicated copies: MinHash signatures of article texts and the groups of near-duplicates."""

from index.syndication.groups import GROUP_KEY, THRESHOLD, find_groups, regroup
from index.syndication.minhash import signature

__all__ = ["GROUP_KEY", "THRESHOLD", "find_groups", "regroup", "signature"]
