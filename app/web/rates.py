"""How often one client may ask for work: every request that compiles or runs a program draws
on one of three budgets (steps, runs, explorations), each a moving one-minute window per client.

The windows are counted by the `limits` library in a storage: `memory://` (each worker for
itself) or Redis, which every worker and replica shares, so that adding workers does not add
budget. The check is an ASGI middleware in the worker, before a request reaches the sandbox or
the explorer: a refused request costs nothing. If Redis cannot be reached, each worker counts
for itself until it answers again: a limit never lapses, and no request waits long on a dead
server.

A client is its address as uvicorn reports it: the proxy's client only when uvicorn trusts
that proxy (INTERLEAVE_TRUSTED_PROXIES), so no one chooses their own with X-Forwarded-For.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Awaitable, Callable

import anyio
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.errors import StorageError
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import Request
from starlette.responses import Response

from .headers import ASGIApp, Message, Scope
from .settings import Settings

log = logging.getLogger(__name__)
#: Seconds one Redis command may take before the worker counts for itself (a round trip on
#: a local network takes a millisecond).
TIMEOUT = 0.5
#: Seconds a worker counts for itself after Redis failed, before it asks Redis again.
RETRY_SHARED = 30.0
#: Threads at once that wait on Redis in one worker.
CHECKERS = 16

ErrorPage = Callable[[Request, int, str], Response]


def budget(method: str, path: str) -> str | None:
    """Which budget a request draws on: every route that compiles or runs a program has one;
    the gallery, the editor's empty form, static files and the health check none."""
    if path.startswith("/explore/") or path == "/api/explore":
        return "explorations"
    if path.startswith("/export/") or path in ("/api/run", "/api/verify"):
        return "runs"
    if (path.startswith(("/s/", "/embed/")) or path in ("/p", "/api/compile")
            or (path == "/edit" and method == "POST")):
        return "steps"
    return None


def client(scope: Scope) -> str:
    """Who is asking: the client's address; an IPv6 one by its /64, the block one host is
    usually given (it could take a new address in it for every request)."""
    host = (scope.get("client") or ("unknown", 0))[0]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class Rates:
    """The three budgets, counted in the storage `settings` names."""

    def __init__(self, settings: Settings) -> None:
        uri = settings.rate_limit_storage
        self.in_memory = uri.startswith("memory:")
        self.items: dict[str, tuple[str, RateLimitItem]] = {
            "steps": ("requests", RateLimitItemPerMinute(settings.steps_per_minute)),
            "runs": ("runs", RateLimitItemPerMinute(settings.runs_per_minute)),
            "explorations": ("explorations",
                             RateLimitItemPerMinute(settings.explores_per_minute)),
        }
        options: dict[str, float] = {} if self.in_memory else {
            "socket_timeout": TIMEOUT, "socket_connect_timeout": TIMEOUT}
        storage = storage_from_string(uri, wrap_exceptions=True, **options)
        assert isinstance(storage, Storage)  # not one of limits' asyncio storages
        self.shared = MovingWindowRateLimiter(storage)
        self.local = (self.shared if self.in_memory
                      else MovingWindowRateLimiter(MemoryStorage()))
        self.shared_again = 0.0  # time.monotonic() from which Redis is asked again

    def refusal(self, which: str, client: str) -> tuple[str, int] | None:
        """Count this request; if it is over its budget, the message and seconds to wait."""
        what, item = self.items[which]
        wait = self._wait(item, ("interleave", which, client))
        if not wait:
            return None
        return (f"Too many {what} from you just now: at most {item.amount:,} a minute. "
                f"Try again in {wait} s.", wait)

    def _wait(self, item: RateLimitItem, key: tuple[str, ...]) -> int:
        if time.monotonic() >= self.shared_again:
            try:
                return _count(self.shared, item, key)
            except StorageError as e:
                self.shared_again = time.monotonic() + RETRY_SHARED
                log.warning("rate limits: the storage failed (%s); this worker counts for "
                            "itself for %g s", e.storage_error, RETRY_SHARED)
        return _count(self.local, item, key)


def _count(limiter: MovingWindowRateLimiter, item: RateLimitItem, key: tuple[str, ...]) -> int:
    """0 if the request fits in its window (and is counted), else whole seconds until the
    oldest request in the window leaves it."""
    if limiter.hit(item, *key):
        return 0
    reset = limiter.get_window_stats(item, *key).reset_time
    return max(1, math.ceil(reset - time.time()))


class RateLimits:
    """ASGI middleware: a request over its client's budget gets `error_page`'s 429, with
    Retry-After, and goes no further."""

    def __init__(self, app: ASGIApp, rates: Rates, error_page: ErrorPage) -> None:
        self.app, self.rates, self.error_page = app, rates, error_page
        self.checkers = anyio.CapacityLimiter(CHECKERS)

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        which = budget(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if which is None:
            await self.app(scope, receive, send)
            return
        if self.rates.in_memory:  # microseconds: not worth a thread
            refusal = self.rates.refusal(which, client(scope))
        else:  # a network round trip: never on the event loop
            refusal = await anyio.to_thread.run_sync(
                self.rates.refusal, which, client(scope), limiter=self.checkers)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        message, wait = refusal
        response = self.error_page(Request(scope), 429, message)
        response.headers["Retry-After"] = str(wait)
        await response(scope, receive, send)
