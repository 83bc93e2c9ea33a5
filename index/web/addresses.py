"""Which URLs we may fetch: http(s) only, and never a private, loopback or link-local address by default.

The check runs on the addresses a host name resolves to, BEFORE any connection is opened, and the
fetcher then connects to exactly the address that was checked (no second lookup that a rebinding
DNS server could answer differently). Every redirect hop goes through the same check.

The resolver is injectable (``Resolver``: host, port -> addresses) so tests prove a refusal
without sending a packet anywhere.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from index.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]
SCHEMES = ("http", "https")
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: object) -> bool:
    """A string that names a URL (any scheme: non-http(s) ones are refused with a reason, not taken as paths)."""
    return isinstance(source, str) and bool(_URL_LIKE.match(source.strip()))


def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's resolver: every address of ``host``, in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(host, f"could not resolve the host name: {exc}") from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


@dataclass(frozen=True)
class Target:
    """A URL split into what we connect to: scheme, host name, port, and the checked addresses."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


def _kind(ip: IPAddress) -> str:
    """Why an address is not public ("" when it is)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "reserved"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_private:
        return "private"
    if ip.is_multicast or ip.is_reserved or not ip.is_global:
        return "reserved"
    return ""


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be contacted.

    ``allow_private`` (the ``allow_private_urls`` setting) lets every address through;
    ``trusted`` networks pass even when it is off (a test server, a known intranet proxy).
    """

    allow_private: bool = False
    trusted: tuple[IPNetwork, ...] = ()

    def refusal(self, address: str) -> str:
        """Why ``address`` may not be contacted, or "" when it may."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if self.allow_private or any(ip in net for net in self.trusted):
            return ""
        kind = _kind(ip)
        return f"{address} is a {kind} address" if kind else ""


def split_url(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of an http(s) URL; anything else is a ``FetchError`` naming the rule."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(url, "the URL has no host")
    return scheme, host, port or (443 if scheme == "https" else 80)


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def check_url(url: str, policy: AddressPolicy, resolver: Resolver = system_resolver) -> Target:
    """Resolve and check ``url`` without connecting; ``FetchError`` when any rule refuses it.

    A host is refused when ANY of its addresses is refused, so a name that resolves to both a
    public and a private address cannot be used to reach the private one.
    """
    scheme, host, port = split_url(url)
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = resolver(host, port)
        except FetchError as exc:
            raise FetchError(url, exc.reason) from exc
    if not addresses:
        raise FetchError(url, f"could not resolve the host name {host}")
    for address in addresses:
        try:
            why = policy.refusal(address)
        except ValueError as exc:
            raise FetchError(url, f"the resolver returned {address!r}, not an address") from exc
        if why:
            raise FetchError(
                url, f"refused: {why} (set allow_private_urls, env ASSISTANT_ALLOW_PRIVATE_URLS=1, to allow it)"
            )
    return Target(url=url, scheme=scheme, host=host, port=port, addresses=tuple(addresses))


def networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """``["127.0.0.1/32", ...]`` as networks (for ``AddressPolicy.trusted``)."""
    return tuple(ipaddress.ip_network(v, strict=False) for v in values)


__all__ = ["AddressPolicy", "Resolver", "SCHEMES", "Target", "check_url", "is_url", "networks", "split_url",
           "system_resolver"]
