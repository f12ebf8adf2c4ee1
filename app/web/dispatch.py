"""Requests answered in the sandbox: the worker hands a request's work to a child and sends
back its answer.

The child runs the same app (`answer`), so a page is the same page whichever process
computes it. The worker answers alone only what costs nothing and runs no program: static
files, the health check, and explorations, whose searches have children of their own (their
programs are compiled in the sandbox first).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any, NamedTuple

import anyio
from anyio.from_thread import BlockingPortal, start_blocking_portal
from starlette.requests import Request
from starlette.responses import Response

from .. import scenarios
from ..engine import Budgets, compile_program
from .errors import PageError
from .headers import ASGIApp, Message, Scope
from .sandbox import Busy, Sandbox, Stopped
from .settings import Settings

#: Paths the worker answers itself.
LOCAL = ("/static/", "/favicon.ico", "/healthz", "/explore/", "/api/explore")
BUSY = "The server is busy: try again in a few seconds."
#: Requests waiting for a child at once in one worker (each holds a thread while it waits).
WAITING = 32


class Sent(NamedTuple):
    """What a child needs of a request: its scope's plain parts and its body."""

    scope: dict[str, Any]
    body: bytes


class Answer(NamedTuple):
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


ErrorPage = Callable[[Request, int, str], Response]
_SCOPE_KEYS = ("type", "asgi", "http_version", "method", "scheme", "path", "raw_path",
               "query_string", "root_path", "headers", "client", "server")


class Isolated:
    """ASGI middleware: every request not in LOCAL is answered by a child of `sandbox`
    running `build(settings)`'s app; a request stopped there gets `error_page`'s 422."""

    def __init__(self, app: ASGIApp, sandbox: Sandbox, build: Callable[[Settings], Any],
                 settings: Settings, error_page: ErrorPage) -> None:
        self.app, self.sandbox, self.error_page = app, sandbox, error_page
        self.build, self.settings = build, settings
        self.waiting = anyio.CapacityLimiter(WAITING)

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http" or scope["path"].startswith(LOCAL):
            await self.app(scope, receive, send)
            return
        sent = Sent({k: scope[k] for k in _SCOPE_KEYS if k in scope}, await _body(receive))
        try:
            status, headers, body = await anyio.to_thread.run_sync(
                self._call, sent, limiter=self.waiting)
        except Stopped as e:
            await self.error_page(Request(scope), 422, str(e))(scope, receive, send)
            return
        except Busy:
            response = self.error_page(Request(scope), 503, BUSY)
            response.headers["Retry-After"] = "5"
            await response(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    def _call(self, sent: Sent) -> Answer:
        return self.sandbox.call(answer, self.build, self.settings, sent,
                                 affinity=_program_of(sent.scope))


async def compile_apart(request: Request, source: str, filename: str, budgets: Budgets
                        ) -> None:
    """Compile a program in the sandbox, for a request the worker answers itself (an
    exploration): its CompileError, or a 422 if compiling went past the limits."""
    sandbox: Sandbox = request.app.state.sandbox
    try:
        await anyio.to_thread.run_sync(sandbox.call, _compiles, source, filename, budgets)
    except Stopped as e:
        raise PageError(422, str(e)) from None
    except Busy:
        raise PageError(503, BUSY) from None


def _program_of(scope: dict[str, Any]) -> str:
    """Which program a request is about, as far as the address says: its `code`, or the
    scenario's path."""
    query = scope.get("query_string", b"").decode("latin-1")
    for part in query.split("&"):
        if part.startswith("code="):
            return part
    return scope["path"].rsplit("/", 1)[-1]


async def _body(receive: Callable[[], Awaitable[Message]]) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


# -- in the child ------------------------------------------------------------------------------

_apps: dict[Settings, Any] = {}
#: The child's event loop, in a thread of its own for the child's life: one run, so the
#: threads it runs the pages' handlers in are kept from one request to the next (a loop run
#: per request started a thread per request, a millisecond each).
_portal: BlockingPortal | None = None
_running: list[Any] = []  # the portal's context, kept: collected, it would stop the loop


def _compiles(source: str, filename: str, budgets: Budgets) -> None:
    """Only whether it compiles: a compiled program does not travel between processes."""
    compile_program(source, filename, budgets)


def ready(build: Callable[[Settings], Any], settings: Settings) -> Any:
    """The child's app for `settings`, built once per child (a sandbox's warm-up)."""
    global _portal
    app = _apps.get(settings)
    if app is None:
        # A child has its fork server's environment, as it was when the worker first
        # started a child: the teachers' scenarios are the ones the settings name.
        if os.environ.get(scenarios.ENV, "") != settings.scenario_folders:
            os.environ[scenarios.ENV] = settings.scenario_folders
            scenarios.catalog.cache_clear()
        app = _apps[settings] = build(settings)
    if _portal is None:
        _running.append(start_blocking_portal())
        _portal = _running[0].__enter__()  # ends with the child
    return app


def answer(build: Callable[[Settings], Any], settings: Settings, sent: Sent) -> Answer:
    """The child's side: `sent` answered by `build(settings)`'s app."""
    app = ready(build, settings)
    assert _portal is not None
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": sent.body, "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    _portal.call(app, dict(sent.scope), receive, send)
    return Answer(start["status"], list(start.get("headers", [])), b"".join(chunks))
