"""How many explorations run at once in one worker process (how often one client may ask
is app/web/rates.py's business).

An exploration is CPU-bound for up to its time budget. A few at a time keep page loads quick
for everyone else; a request beyond them waits for a free slot (a streamed one says so) and,
if none frees up in time, gets a 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from .errors import PageError

T = TypeVar("T")
BUSY = "The server is busy exploring for others: try again in a few seconds."


class Busy(PageError):
    """429 (this client asks too often) or 503 (the server is busy), with when to retry."""

    def __init__(self, status: int, message: str, retry_after: int) -> None:
        super().__init__(status, message)
        self.retry_after = retry_after


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

    async def explore(self, search: Callable[[], T]) -> T:
        """`search()` in a thread, within one of the worker's slots; waiting for the slot
        holds no thread (threads serve the pages)."""
        await self.explorations.take_async()
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self.explorations.threads, search)
        finally:
            self.explorations.give_back()

    @classmethod
    def of(cls, explorers: int, wait: float = 10.0) -> Limits:
        return cls(Slots(explorers, wait))
