"""Explorations in processes of their own, so a search never slows anyone's page.

An exploration is seconds of pure CPU. In a thread of the worker it would hold the GIL against
every page the worker serves (under load, steps waited seconds behind a search); in a child
process, at a lower CPU priority, it uses the time the workers leave. Children
come from a fork server that has the engine imported, so starting one costs milliseconds, and
each exits when its search ends, giving all its memory back. Each has a memory limit and dies
with its worker (app/web/children.py).

The child sends its progress and then its result through a pipe. The parent can stop it (the
learner cancelled or left): a shared event the search checks every few dozen states, then, if
it does not stop in time, termination. Nothing outlives its request.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..engine import Budgets, Exploration, InterleaveError, compile_program, explore, parse_goal
from .children import CONTEXT as _CONTEXT
from .children import confine
from .streaming import Progress

#: Seconds a child may run past its own time budget before it is stopped by force.
GRACE = 5.0
#: How much lower a search's CPU priority is than the pages' (Unix nice levels).
NICENESS = 19


@dataclass(frozen=True)
class Job:
    source: str
    filename: str
    budgets: Budgets
    max_states: int
    max_seconds: float
    goal: str = ""
    memory_bytes: int = 2**30


def explore_apart(job: Job, progress: Progress | None = None,
                  should_stop: Any = None) -> Exploration:
    """Run `job` in a child process; the same answer `explore()` gives, and its progress."""
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    stop = _CONTEXT.Event()
    child = _CONTEXT.Process(target=_child, args=(job, sender, stop), daemon=True)
    child.start()
    sender.close()
    deadline = time.monotonic() + job.max_seconds + GRACE
    try:
        while True:
            if should_stop is not None and should_stop():
                stop.set()  # the search returns what it has, marked cancelled
            if time.monotonic() > deadline:
                raise InterleaveError("the exploration did not stop within its time budget")
            if not receiver.poll(0.05):
                continue
            try:
                message = receiver.recv()
            except EOFError:
                raise InterleaveError("the exploration ended without an answer") from None
            if message[0] == "progress":
                if progress is not None:
                    progress(*message[1:])
            elif message[0] == "result":
                return message[1]
            else:
                raise InterleaveError(message[1])
    finally:
        receiver.close()
        stop.set()
        child.join(1)
        if child.is_alive():
            child.terminate()
            child.join()


def _child(job: Job, sender: Connection, stop: Any) -> None:
    confine(job.memory_bytes)
    os.nice(NICENESS)  # pages first: a search gets the CPU the workers leave
    try:
        program = compile_program(job.source, job.filename, job.budgets)
        goal = parse_goal(job.goal, job.budgets) if job.goal else None
        result = explore(program, max_states=job.max_states, max_seconds=job.max_seconds,
                         goal=goal, should_stop=stop.is_set,
                         progress=lambda *update: sender.send(("progress", *update)))
        sender.send(("result", result))
    except InterleaveError as e:
        sender.send(("error", str(e)))
    except MemoryError:
        sender.send(("error", f"The exploration needed more than its "
                              f"{job.memory_bytes // 2**20:,} MB of memory, so it was stopped: "
                              f"give it fewer states (max_states)."))
    finally:
        sender.close()
