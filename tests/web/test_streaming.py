"""Streamed explorations: the event format, and a closed stream stopping the search."""

from __future__ import annotations

import threading
import time
from typing import Any

from app.engine import compile_program, explore
from app.web.limits import BUSY, Slots
from app.web.streaming import event, stream
from tests.support.servers import run_async as run


def events_of(*args: Any) -> Any:
    """The events `stream` sends (its response's body, read without a server)."""
    return stream(*args).body_iterator


def test_an_event_carries_every_line_of_its_html():
    assert event("<p>a</p>") == "data: <p>a</p>\n\n"
    assert event("<ol>\n<li>x</li>\n</ol>") == "data: <ol>\ndata: <li>x</li>\ndata: </ol>\n\n"


def test_progress_then_the_result():
    program = compile_program("x = 1\n")

    def search(progress, should_stop):
        progress(1, 2, 0.5, ())
        return explore(program)

    async def collect() -> list[str]:
        return [e async for e in events_of(search, lambda s, t, sec, found: f"{s} {t} {sec}",
                                           lambda r: f"done {r.states}", Slots(1, 1), str)]

    states = explore(program).states
    assert run(collect()) == [event("1 2 0.5"), event(f"done {states}")]


def test_closing_the_stream_stops_the_search():
    stopped = threading.Event()

    def search(progress, should_stop):
        while not should_stop():  # a search that would run for ever
            progress(0, 0, 0.0, ())
            time.sleep(0.01)
        stopped.set()

    slots = Slots(1, 1)

    async def read_one_then_leave() -> None:
        events = events_of(search, lambda *a: "tick", lambda r: "done", slots, str)
        assert await anext(events) == event("tick")
        await events.aclose()

    run(read_one_then_leave())
    assert stopped.wait(2), "the search went on after its stream was closed"
    assert slots.take(), "the slot was given back"


def test_a_search_waits_for_a_free_slot_and_says_so():
    program = compile_program("x = 1\n")
    slots = Slots(1, 5)
    slots.take()

    async def collect() -> list[str]:
        events = events_of(lambda progress, stop: explore(program), lambda *a: "tick",
                           lambda r: "done", slots, lambda words: f"note: {words}")
        seen = [await anext(events)]
        slots.give_back()  # another search ends
        return seen + [e async for e in events]

    seen = run(collect())
    assert seen[0].startswith("data: note: Waiting for a free explorer")
    assert seen[-1] == event("done")


def test_a_search_that_finds_no_slot_in_time_gives_up_with_a_message():
    slots = Slots(1, 0.3)
    slots.take()

    async def collect() -> list[str]:
        return [e async for e in events_of(lambda p, s: None, lambda *a: "tick",
                                           lambda r: "done", slots, lambda w: w)]

    assert run(collect())[-1] == event(BUSY)


def test_a_live_exploration_shows_the_outcomes_found_so_far(client):
    """Issue 18: the stream shows outcomes as they are found, not just counters (the
    lesson's counter: its probes find 400000 and a lost update long before the walk ends)."""
    text = client.get("/explore/s/lesson-counter?stream=1").text
    shown = [line for line in text.splitlines() if "Found so far" in line]
    assert shown and "prints 400000" in shown[-1]
