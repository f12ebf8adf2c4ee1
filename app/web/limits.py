"""Limits on the expensive requests, per worker process: how many explorations run at once,
and how often one client may ask for expensive work.

An exploration is CPU-bound for up to its time budget, in a worker thread. A few at a time
keep page loads quick for everyone else; a request beyond them waits for a free slot (a
streamed one says so) and, if none frees up in time, gets a 503 with Retry-After. A client
asking faster than its rate (a token bucket: a burst, then a steady rate) gets a 429 with
Retry-After. Replicas share nothing: each worker counts for itself.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from fastapi import Request

from .errors import PageError

T = TypeVar("T")
BUSY = "The server is busy exploring for others: try again in a few seconds."
#: Clients remembered at most; beyond it, those with full buckets are forgotten.
MAX_CLIENTS = 10_000


class Busy(PageError):
    """429 (this client asks too often) or 503 (the server is busy), with when to retry."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        super().__init__(status, message)
        self.retry_after = retry_after


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """`burst` requests at once, then `per_minute` a minute, per client."""

    def __init__(self, what: str, per_minute: int, burst: int) -> None:
        self.what, self.rate, self.burst = what, per_minute / 60, burst
        self.buckets: dict[str, _Bucket] = {}
        self.lock = threading.Lock()

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self.lock:
            bucket = self.buckets.get(client)
            if bucket is None:
                if len(self.buckets) >= MAX_CLIENTS:
                    self._forget_idle(now)
                bucket = self.buckets[client] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
            if bucket.tokens < 1:
                wait = math.ceil((1 - bucket.tokens) / self.rate)
                raise Busy(429, f"Too many {self.what} from you just now: at most "
                           f"{round(self.rate * 60)} a minute. Try again in {wait} s.", wait)
            bucket.tokens -= 1

    def _forget_idle(self, now: float) -> None:
        for client, b in list(self.buckets.items()):
            if b.tokens + (now - b.stamp) * self.rate >= self.burst:
                del self.buckets[client]


class Slots:
    """At most `count` explorations at once in this worker; a request waits up to `wait`
    seconds for one."""

    def __init__(self, count: int, wait: float) -> None:
        self.free = threading.BoundedSemaphore(count)
        self.wait = wait
        #: Threads that wait on the searches' processes: their own, so that a search never
        #: takes a thread the pages need (one per slot, so none ever queues).
        self.threads = ThreadPoolExecutor(count, thread_name_prefix="exploration")

    def take(self) -> bool:
        """Take a slot if one is free now; say whether one was."""
        return self.free.acquire(blocking=False)

    async def take_async(self) -> None:
        """Take a slot without holding a thread while waiting for it (polled: a request that
        goes away while waiting leaves nothing taken behind)."""
        deadline = time.monotonic() + self.wait
        while not self.take():
            if time.monotonic() > deadline:
                raise Busy(503, BUSY, 5)
            await asyncio.sleep(0.05)

    def give_back(self) -> None:
        self.free.release()


@dataclass
class Limits:
    explorations: Slots
    explore_rate: RateLimit
    run_rate: RateLimit

    async def explore(self, client: str, search: Callable[[], T]) -> T:
        """`search()` in a thread, within this client's rate and one of the worker's slots;
        waiting for the slot holds no thread (threads serve the pages)."""
        self.explore_rate.check(client)
        await self.explorations.take_async()
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self.explorations.threads, search)
        finally:
            self.explorations.give_back()

    @classmethod
    def of(cls, explorers: int, explores_per_minute: int, runs_per_minute: int,
           wait: float = 10.0) -> Limits:
        return cls(Slots(explorers, wait),
                   RateLimit("explorations", explores_per_minute,
                             max(1, explores_per_minute // 3)),
                   RateLimit("runs", runs_per_minute, max(1, runs_per_minute // 4)))


def client(request: Request) -> str:
    """Who is asking: the client's address (behind a proxy, uvicorn's --proxy-headers makes
    it the original client's)."""
    return request.client.host if request.client else "unknown"
