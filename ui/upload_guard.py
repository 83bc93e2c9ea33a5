"""Checks the type of every uploaded file on the server, before anything is written.

Gradio's upload route stores whatever it is sent (the component's ``file_types`` is
checked only by the browser, and by the event after the file is stored). This ASGI
middleware reads a multipart upload to the end, looks at each part's file name, and
answers 400 with a readable message when one has a type the app does not take: the
request never reaches Gradio, so nothing is saved. Accepted uploads are passed on
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from ui.handlers.uploads import UPLOAD_SUFFIXES, type_refusal

Scope = dict[str, Any]
Message = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
_FILENAME = re.compile(rb'filename="([^"]*)"|filename=([^;\r\n]*)', re.IGNORECASE)


def upload_filenames(body: bytes, boundary: bytes) -> list[str]:
    """The file names of a multipart body's parts (the boundary never occurs inside a part)."""
    names = []
    for part in body.split(b"--" + boundary):
        head_end = part.find(b"\r\n\r\n")
        if head_end < 0:
            continue
        for m in _FILENAME.finditer(part[:head_end]):
            raw = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
            names.append(raw.decode("utf-8", errors="replace"))
    return names


class UploadTypeGuard:
    def __init__(self, app: ASGIApp, suffixes: Sequence[str] = UPLOAD_SUFFIXES, max_bytes: int = 64 * 2**20) -> None:
        self.app = app
        self.suffixes = tuple(suffixes)
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        headers = dict(scope.get("headers") or []) if scope.get("type") == "http" else {}
        ctype = headers.get(b"content-type", b"").decode("latin-1")
        boundary = _BOUNDARY.search(ctype)
        if (scope.get("type") != "http" or scope.get("method") != "POST" or boundary is None
                or not ctype.lower().startswith("multipart/form-data")
                or not str(scope.get("path", "")).rstrip("/").endswith("/upload")):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await _refuse(send, 413, f"The upload is too large: over {self.max_bytes / 2**20:.0f} MiB at once.")
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        refused = [f"{name}: {why}" for name in upload_filenames(body, boundary.group(1).encode("latin-1"))
                   if (why := type_refusal(name, self.suffixes))]
        if refused:
            await _refuse(send, 400, "Not uploaded \u2014 " + "; ".join(refused))
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Callable[[Message], Awaitable[None]], status: int, text: str) -> None:
    data = text.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


__all__ = ["UploadTypeGuard", "upload_filenames"]
