"""Articles from the web: URL checks, polite fetching, feeds, pages, the fetch cache, the feed list, polling."""

from index.web.addresses import AddressPolicy, is_url
from index.web.collect import SourceResult, collect_url
from index.web.fetch import Fetched, Fetcher

__all__ = ["AddressPolicy", "Fetched", "Fetcher", "SourceResult", "collect_url", "is_url"]
