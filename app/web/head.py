"""HEAD answered on every GET route, as HTTP requires: link checkers, caches and uptime probes
send it, and FastAPI's routes answer only the methods they name.

The request is served as a GET and its body dropped; the headers (Content-Length, ETag,
Cache-Control) stay those of the GET. Outermost, so every layer inside sees a plain GET.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
