"""Long explorations as a stream of Server-Sent Events: their progress about four times a
second, then the result, each an HTML fragment that htmx's hx-sse extension swaps in.

The search runs in a worker thread. When the learner cancels (htmx aborts the request) or
leaves, the stream is closed and the search is told to stop at its next check, so an abandoned
search costs no more than a few milliseconds more of CPU.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi.responses import StreamingResponse

from ..engine import Exploration, Outcome
from .limits import BUSY, Busy, Slots

Progress = Callable[[int, int, float, tuple[Outcome, ...]], None]
ProgressHtml = Callable[[int, int, float, tuple[Outcome, ...]], str]
Search = Callable[[Progress, Callable[[], bool]], Exploration]


def event(html: str) -> str:
    """One unnamed SSE message (htmx swaps its data into the request's target)."""
    return "".join(f"data: {line}\n" for line in html.splitlines() or [""]) + "\n"


def stream(search: Search, progress_html: ProgressHtml,
           result_html: Callable[[Exploration], str], slots: Slots,
           note_html: Callable[[str], str]) -> StreamingResponse:
    """`note_html(words)` shows a word about waiting for a free slot, or about giving up."""
    return StreamingResponse(_events(search, progress_html, result_html, slots, note_html),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def _events(search: Search, progress_html: ProgressHtml,
                  result_html: Callable[[Exploration], str], slots: Slots,
                  note_html: Callable[[str], str]) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    if not slots.take():
        yield event(note_html("Waiting for a free explorer: others are exploring…"))
        try:
            await slots.take_async()
        except Busy:
            yield event(note_html(BUSY))
            return
    try:
        async for item in _explore(loop, slots, search, progress_html, result_html):
            yield item
    finally:
        slots.give_back()


async def _explore(loop: asyncio.AbstractEventLoop, slots: Slots, search: Search,
                   progress_html: ProgressHtml,
                   result_html: Callable[[Exploration], str]) -> AsyncIterator[str]:
    updates: asyncio.Queue[tuple[int, int, float, tuple[Outcome, ...]]] = asyncio.Queue()
    stop = threading.Event()

    def progress(states: int, transitions: int, seconds: float,
                 found: tuple[Outcome, ...]) -> None:
        loop.call_soon_threadsafe(updates.put_nowait, (states, transitions, seconds, found))

    task = loop.run_in_executor(slots.threads, search, progress, stop.is_set)
    try:
        while not task.done():
            update = asyncio.ensure_future(updates.get())
            both: set[asyncio.Future[Any]] = {update, task}
            done, _ = await asyncio.wait(both, return_when=asyncio.FIRST_COMPLETED)
            if update in done:
                yield event(progress_html(*update.result()))
            else:
                update.cancel()
        yield event(result_html(await task))
    finally:
        stop.set()  # a closed stream (cancel, navigation) ends the search too
