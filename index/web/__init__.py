"""Articles from the web: URL checks, polite fetching, feeds, pages, the fetch cache, the feed list, polling.

Modules: ``addresses`` (which URLs may be fetched), ``pacing`` (per-host delay), ``fetch`` (HTTP GET
that behaves), ``feeds`` (RSS/Atom items), ``pages`` (web articles), ``cache`` (what the last fetch
returned), ``collect`` (a URL to the articles that may have changed), ``subscriptions`` (the feed
list), ``poller`` (polling it in the background). Only the light ``addresses`` is imported here.
"""

from index.web.addresses import AddressPolicy, is_url

__all__ = ["AddressPolicy", "is_url"]
