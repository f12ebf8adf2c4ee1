"""Security headers on every response, and limits on the address's length and the body's
size (from its Content-Length; FastAPI's own limit catches a chunked body), as a plain ASGI
middleware (no per-request task). A refusal says which limit, in JSON under /api.

A strict Content-Security-Policy: scripts and styles only from our own files, never inline.
Framing: embed pages may be framed by the sites in the `frame_ancestors` setting (default
any); every other page only by ourselves. No X-Frame-Options: it cannot express a list, and
CSP supersedes it.
"""

from __future__ import annotations

import json
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
    def __init__(self, app: ASGIApp, frame_ancestors: str, max_url: int, max_body: int
                 ) -> None:
        self.app = app
        self.max_url, self.max_body = max_url, max_body
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
        too_big = self._too_big(scope)
        if too_big is not None:
            status, message = too_big
            api = scope["path"].startswith(("/api/", "/oembed"))
            body = json.dumps({"error": message}).encode() if api else message.encode()
            kind = b"application/json" if api else b"text/plain; charset=utf-8"
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", kind), *extra]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _too_big(self, scope: Scope) -> tuple[int, str] | None:
        if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > (
                self.max_url):
            return 414, f"The address is over {self.max_url:,} characters."
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                return 413, f"The request body is over the limit of {self.max_body:,} bytes."
        return None
