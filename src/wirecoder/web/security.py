"""What keeps untrusted news text and untrusted clients harmless.

- `SecurityHeaders`: a strict Content-Security-Policy (scripts, styles and data from this origin
  only, no inline code), nosniff, no framing, no referrer, on every response.
- `RateLimit`: a token bucket per client address; over the limit is a 429.
- `BodyLimit`: request bodies past a size cap are refused with 413, whether or not they declare
  a Content-Length.
- `token_ok`: constant-time comparison of a bearer token.
- `safe_url`: only http(s) links are ever rendered as links.
Templates autoescape everything, and the explorer's JavaScript writes text with `textContent`
only (tests/web/test_security.py checks both).
"""

from __future__ import annotations

import json
import logging
import math
import secrets
import threading
import time
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def error_body(status: int, message: str) -> bytes:
    """The one error shape of the API: {"ok": false, "error": ..., "status": ...}."""
    return json.dumps({"ok": False, "error": message, "status": status}).encode()


async def send_error(send: Send, status: int, message: str,
                     extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = error_body(status, message)
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), *HEADERS, *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (replacing any the app set itself).

    It is also the last resort for errors: an exception nothing else handled becomes a 500 in
    the one error shape (with these headers), and is logged, never shown to the client.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        names = {name for name, _ in HEADERS}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = kept + HEADERS
                started.append(True)
            await send(message)

        started: list[bool] = []
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("request %s crashed", scope.get("path"))
            if started:
                raise
            await send_error(send, 500, "internal error; see the server log.")


class RateLimit:
    """A token bucket per client address: `rate` requests a second, bursts up to `burst`.

    Static files are not counted (a page pulls several). Buckets of idle clients are dropped
    so the table cannot grow without bound.
    """

    MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, *, rate: float, burst: int) -> None:
        self.app, self.rate, self.burst = app, rate, burst
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self.lock:
            tokens, last = self.buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if len(self.buckets) >= self.MAX_CLIENTS and client not in self.buckets:
                full = self.burst / self.rate
                self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < full}
            if tokens < 1:
                self.buckets[client] = (tokens, now)
                return (1 - tokens) / self.rate
            self.buckets[client] = (tokens - 1, now)
            return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith("/static/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.allow(client)
        if wait:
            await send_error(send, 429, "too many requests; slow down and retry shortly.",
                             [(b"retry-after", str(max(1, math.ceil(wait))).encode())])
            return
        await self.app(scope, receive, send)


class BodyTooLargeError(HTTPException):
    """Raised while reading a body past the cap; an HTTPException, so FastAPI passes it on."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body is larger than {max_bytes} bytes; send less at a "
                              "time.")


class BodyLimit:
    """Refuses request bodies larger than `max_bytes` with 413."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"request body is larger than {self.max_bytes} bytes; send less at a time."
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await send_error(send, 400, "Content-Length is not a number.")
                    return
                if declared > self.max_bytes:
                    await send_error(send, 413, too_large)
                    return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLargeError(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLargeError:
            if not started:
                await send_error(send, 413, too_large)


def token_ok(authorization: str | None, expected: str | None) -> bool:
    """True when `Authorization: Bearer <token>` carries the expected token (constant time)."""
    if not expected or not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return secrets.compare_digest(given.strip().encode(), expected.encode())


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) link, else None (so `javascript:` never becomes a link)."""
    if not isinstance(url, str) or len(url) > 2000:
        return None
    if any(unicodedata.category(ch)[0] in "CZ" and ch != " " for ch in url) or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def clip(text: object, limit: int = 300) -> str:
    """Text cut to `limit` characters, so one huge field cannot swamp a listing."""
    if text is None:
        return ""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
