"""Security headers on every response, as a plain ASGI middleware (no per-request task).

A strict Content-Security-Policy: scripts and styles only from our own files, never inline.
Framing: embed pages may be framed by the sites in the `frame_ancestors` setting (default
any); every other page only by ourselves. No X-Frame-Options: it cannot express a list, and
CSP supersedes it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
                   Awaitable[None]]

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
          "frame-ancestors {ancestors}")


class SecurityHeaders:
    def __init__(self, app: ASGIApp, frame_ancestors: str = "*") -> None:
        self.app = app
        common = [(b"x-content-type-options", b"nosniff"),
                  (b"referrer-policy", b"strict-origin-when-cross-origin")]
        self.embed = [(b"content-security-policy",
                       POLICY.format(ancestors=frame_ancestors).encode()), *common]
        self.own = [(b"content-security-policy",
                     POLICY.format(ancestors="'self'").encode()), *common]

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.embed if scope["path"].startswith("/embed/") else self.own

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
