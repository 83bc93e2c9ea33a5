"""Fetching that behaves, over real HTTP to servers on 127.0.0.1 / 127.0.0.2 started here.

Refusals are proven without traffic: the check runs before any connection, so the server that
would have been reached counts zero hits; other refused addresses are checked with an injected
resolver and ``check_url`` alone, never with a connection that could leave the machine.
"""

from __future__ import annotations

import time

import pytest
from news_server import NewsServer, Route

from index.errors import FetchError
from index.web.addresses import AddressPolicy, check_url, networks
from index.web.fetch import USER_AGENT, Fetcher
from index.web.pacing import HostPacer

LOOPBACK_ONLY = AddressPolicy(allow_private=False, trusted=networks(["127.0.0.1/32"]))


def test_get_sends_a_named_user_agent_and_returns_the_body(server, web_settings):
    server.routes["/a"] = Route(b"<p>hello</p>", etag=True, last_modified="Mon, 09 Oct 2023 09:00:00 GMT")
    with Fetcher(web_settings) as f:
        got = f.get(server.url("/a"))
    assert (got.status, got.body, got.final_url) == (200, b"<p>hello</p>", server.url("/a"))
    assert got.etag and got.last_modified == "Mon, 09 Oct 2023 09:00:00 GMT"
    assert server.requests[0][1]["user-agent"] == USER_AGENT and USER_AGENT.startswith("news-assistant/")


def test_conditional_get_gives_not_modified(server, web_settings):
    server.routes["/a"] = Route(b"body", etag=True)
    server.routes["/b"] = Route(b"body", last_modified="Mon, 09 Oct 2023 09:00:00 GMT")
    with Fetcher(web_settings) as f:
        first = f.get(server.url("/a"))
        assert f.get(server.url("/a"), etag=first.etag).not_modified
        assert f.get(server.url("/b"), last_modified="Mon, 09 Oct 2023 09:00:00 GMT").not_modified
        server.routes["/a"] = Route(b"new body", etag=True)
        changed = f.get(server.url("/a"), etag=first.etag)
    assert changed.status == 200 and changed.body == b"new body"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1:70/", "http:///x"])
def test_only_http_and_https(url, web_settings):
    with Fetcher(web_settings) as f, pytest.raises(FetchError) as err:
        f.get(url)
    assert "only http and https" in err.value.reason or "no host" in err.value.reason


def test_loopback_is_refused_before_connecting(server, web_settings):
    asked = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"]

    server.routes["/a"] = Route(b"secret")
    strict = web_settings.replace(allow_private_urls=False)
    with Fetcher(strict, resolver=resolver) as f:
        with pytest.raises(FetchError) as by_name:
            f.get(f"http://wire.test:{server.port}/a")
        with pytest.raises(FetchError) as by_literal:
            f.get(server.url("/a"))
    assert asked == [("wire.test", server.port)]
    assert "127.0.0.1 is a loopback address" in by_name.value.reason
    assert "ASSISTANT_ALLOW_PRIVATE_URLS=1" in by_literal.value.reason
    assert server.hits["/a"] == 0, "the refusal must come before any connection"


@pytest.mark.parametrize("address, kind", [
    ("10.1.2.3", "private"), ("192.168.0.10", "private"), ("172.16.5.4", "private"), ("fd00::1", "private"),
    ("127.0.0.5", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("0.0.0.0", "reserved"),
    ("100.64.0.1", "reserved"),
])
def test_every_private_range_is_refused(address, kind):
    with pytest.raises(FetchError) as err:
        check_url("http://news.test/a", AddressPolicy(), lambda host, port: [address])
    assert f"is a {kind} address" in err.value.reason


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    with pytest.raises(FetchError, match="10.0.0.1 is a private address"):
        check_url("https://news.test/", AddressPolicy(), lambda host, port: ["93.184.216.34", "10.0.0.1"])
    public = check_url("https://news.test/", AddressPolicy(), lambda host, port: ["93.184.216.34"])
    assert (public.host, public.port, public.addresses) == ("news.test", 443, ("93.184.216.34",))
    allowed = check_url("http://news.test/", AddressPolicy(allow_private=True), lambda host, port: ["10.0.0.1"])
    assert allowed.addresses == ("10.0.0.1",)


def test_every_redirect_hop_is_checked_again(server, web_settings):
    with NewsServer("127.0.0.2") as inside:
        inside.routes["/secret"] = Route(b"internal data")
        server.routes["/hop"] = Route(status=302, location=inside.url("/secret"))
        server.routes["/hop-by-name"] = Route(status=301, location=f"http://intranet.test:{inside.port}/secret")
        strict = web_settings.replace(allow_private_urls=False)
        resolver = {"intranet.test": ["127.0.0.2"]}
        with Fetcher(strict, policy=LOOPBACK_ONLY, resolver=lambda h, p: resolver[h]) as f:
            with pytest.raises(FetchError) as literal:
                f.get(server.url("/hop"))
            with pytest.raises(FetchError) as named:
                f.get(server.url("/hop-by-name"))
        assert inside.hits["/secret"] == 0, "a redirect to a refused address must not be followed"
    assert server.hits["/hop"] == 1 and server.hits["/hop-by-name"] == 1
    assert literal.value.path == server.url("/hop")
    assert "redirected to" in literal.value.reason and "127.0.0.2 is a loopback address" in literal.value.reason
    assert "127.0.0.2 is a loopback address" in named.value.reason


def test_a_redirect_to_another_scheme_is_refused(server, web_settings):
    server.routes["/to-file"] = Route(status=302, location="file:///etc/passwd")
    with Fetcher(web_settings) as f, pytest.raises(FetchError, match="only http and https"):
        f.get(server.url("/to-file"))


def test_redirects_are_followed_up_to_the_limit(server, web_settings):
    for i in range(6):
        server.routes[f"/r{i}"] = Route(status=302, location=f"/r{i + 1}")  # relative Location
    server.routes["/r6"] = Route(b"arrived")
    with Fetcher(web_settings.replace(max_redirects=6)) as f:
        got = f.get(server.url("/r0"))
    assert got.body == b"arrived" and got.final_url == server.url("/r6")
    server.hits.clear()
    with Fetcher(web_settings.replace(max_redirects=5)) as f, pytest.raises(FetchError, match=r"too many redirects"):
        f.get(server.url("/r0"))
    assert server.hits["/r5"] == 1 and server.hits["/r6"] == 0


def test_a_slow_response_times_out(server, web_settings):
    server.routes["/slow"] = Route(b"late", delay=5)
    started = time.monotonic()
    impatient = web_settings.replace(fetch_timeout=0.5)
    with Fetcher(impatient) as f, pytest.raises(FetchError, match="timed out after 0.5 s"):
        f.get(server.url("/slow"))
    assert time.monotonic() - started < 4, "the fetch must give up, not wait for the server"


def test_a_trickling_body_hits_the_overall_deadline(server, web_settings):
    server.routes["/drip"] = Route(b"x" * 100_000, drip=0.2)  # 1 KiB every 0.2 s: 20 s in all
    started = time.monotonic()
    with Fetcher(web_settings.replace(fetch_timeout=1)) as f, pytest.raises(FetchError, match="still arriving"):
        f.get(server.url("/drip"))
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("send_length", [True, False])
def test_a_50_mb_body_is_cut_at_the_size_cap(server, web_settings, send_length):
    server.routes["/huge"] = Route(size=50 * 1024 * 1024, send_length=send_length)
    with Fetcher(web_settings) as f, pytest.raises(FetchError) as err:
        f.get(server.url("/huge"))
    assert "response too large" in err.value.reason and "max_fetch_mb" in err.value.reason
    if send_length:
        assert "52,428,800 bytes" in err.value.reason  # refused on the header, before reading
    else:
        assert f"more than {web_settings.max_fetch_bytes:,} bytes" in err.value.reason


def test_http_errors_are_one_line(server, web_settings):
    server.routes["/gone"] = Route(b"", status=410)
    with Fetcher(web_settings) as f:
        with pytest.raises(FetchError) as missing:
            f.get(server.url("/nowhere"))
        with pytest.raises(FetchError) as gone:
            f.get(server.url("/gone"))
    assert str(missing.value) == f"{server.url('/nowhere')}: HTTP 404 Not Found"
    assert gone.value.reason == "HTTP 410 Gone"


def test_pacer_spaces_requests_per_host():
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)
    assert pacer.wait("a.test") == 0
    assert pacer.wait("b.test") == 0, "another host does not wait"
    now[0] += 0.5
    assert pacer.wait("A.test") == 1.5, "host names are case-insensitive"
    assert pacer.wait("a.test") == 2.0
    assert slept == [1.5, 2.0]


def test_requests_to_one_host_are_spaced_by_the_delay(server, web_settings):
    server.routes["/a"] = Route(b"a")
    with Fetcher(web_settings.replace(fetch_delay=0.5)) as f:
        for _ in range(3):
            f.get(server.url("/a"))
    times = [t for path, _, t in server.requests if path == "/a"]
    # as the server saw them (connection set-up jitters by a few ms; without pacing the gap is ~5 ms)
    assert len(times) == 3 and all(b - a >= 0.4 for a, b in zip(times, times[1:]))
