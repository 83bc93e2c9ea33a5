"""HTTP GET that behaves: a named user agent, timeouts, a size cap, per-host pacing, checked redirects.

- Only http and https; the host's addresses are checked (``addresses.check_url``) before any
  connection, and the connection goes to an address that was checked (TLS still verifies the
  host name: it is sent as SNI and matched against the certificate).
- Redirects are followed by hand, at most ``max_redirects``, each hop checked like the first URL.
- ``fetch_timeout`` bounds connecting, each read, and the whole download; ``max_fetch_mb`` bounds
  the (decompressed) body: a larger ``Content-Length`` is refused before reading, a body that
  grows past the cap is cut off there.
- Conditional requests: pass the ETag / Last-Modified of the last fetch and a 304 comes back as
  ``Fetched.not_modified`` with no body.
- Proxy environment variables are ignored (a proxy would bypass the address check).

Every failure is a ``FetchError`` whose message is one line naming the URL and the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin

from index.errors import FetchError
from index.settings import Settings
from index.web.addresses import AddressPolicy, Resolver, Target, check_url, system_resolver
from index.web.pacing import HostPacer

REDIRECTS = {301, 302, 303, 307, 308}


def _user_agent() -> str:
    try:
        v = version("news-assistant")
    except PackageNotFoundError:
        v = "dev"
    return f"news-assistant/{v} (offline news reader; feed and article fetcher)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class Fetched:
    """One response: ``url`` as asked, ``final_url`` after redirects; ``body`` empty on a 304."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


class Fetcher:
    """Fetches URLs under the rules above. Use as a context manager (it holds a connection pool)."""

    def __init__(self, settings: Settings, *, resolver: Resolver = system_resolver,
                 policy: AddressPolicy | None = None, pacer: HostPacer | None = None) -> None:
        self.policy = policy or AddressPolicy(allow_private=settings.allow_private_urls)
        self.resolver = resolver
        self.timeout = settings.fetch_timeout
        self.max_bytes = settings.max_fetch_bytes
        self.max_redirects = settings.max_redirects
        self.pacer = pacer or HostPacer(settings.fetch_delay)
        self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self):
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                trust_env=False, follow_redirects=False, timeout=httpx.Timeout(self.timeout),
                headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
            )
        return self._client

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
        """GET ``url`` following checked redirects; ``FetchError`` for every refusal or failure."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for hop in range(self.max_redirects + 1):
            try:
                target = check_url(current, self.policy, self.resolver)
                self.pacer.wait(target.host)
                status, resp_headers, body = self._request(target, headers)
            except FetchError as exc:
                if hop == 0:
                    raise
                raise FetchError(url, f"redirected to {current}: {exc.reason}") from exc
            if status in REDIRECTS:
                location = resp_headers.get("location", "").strip()
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location)
                continue
            return Fetched(
                url=url, final_url=current, status=status, body=body,
                content_type=resp_headers.get("content-type", ""), etag=resp_headers.get("etag", ""),
                last_modified=resp_headers.get("last-modified", ""),
            )
        raise FetchError(url, f"too many redirects (more than {self.max_redirects})")

    def _request(self, target: Target, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """One request to the first checked address that accepts a connection."""
        import httpx

        deadline = time.monotonic() + self.timeout
        failure: Exception | None = None
        for address in target.addresses:
            pinned = httpx.URL(target.url).copy_with(host=address)
            extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
            try:
                with self.client.stream("GET", pinned, headers={**headers, "Host": _host_header(target)},
                                        extensions=extensions) as resp:
                    return self._read(target.url, resp, deadline)
            except httpx.ConnectError as exc:
                failure = exc  # try the host's next address
            except httpx.TimeoutException as exc:
                raise FetchError(target.url, f"timed out after {self.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(target.url, f"the connection failed: {type(exc).__name__}: {exc}") from exc
        raise FetchError(target.url, f"could not connect to {target.host}: {failure}")

    def _read(self, url: str, resp, deadline: float) -> tuple[int, dict[str, str], bytes]:
        status = resp.status_code
        headers = {k.lower(): v for k, v in resp.headers.items()}
        if status in REDIRECTS or status == 304:
            return status, headers, b""
        if status >= 400 or status < 200:
            raise FetchError(url, f"HTTP {status} {resp.reason_phrase}".rstrip())
        limit = f"the limit is {self.max_bytes:,} (max_fetch_mb)"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"response too large: {int(declared):,} bytes, {limit}")
        body = bytearray()
        for chunk in resp.iter_bytes():  # as the bytes arrive: no buffering past the deadline
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchError(url, f"response too large: more than {self.max_bytes:,} bytes, {limit}")
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {self.timeout:g} s (the response was still arriving)")
        return status, headers, bytes(body)


__all__ = ["Fetched", "Fetcher", "USER_AGENT"]
