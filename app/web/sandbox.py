"""The work of a request (compile, replay, render, run, verify, export) in a child process,
under a time and a memory limit, whatever the next hole in the engine's budgets turns out to be.

Each worker keeps a few children (`Sandbox`). A request's work is sent to an idle one, which
answers within `seconds` or is killed; it has `memory_bytes` to spend, past which its
allocations fail (MemoryError, answered as such) or the kernel stops it. Either way the
worker answers a clear 422 and starts a fresh child: a request can cost one child, never the
worker. The CPU limit is the kernel's too (RLIMIT_CPU, raised by `seconds` before each call),
so a child stuck in one long C call is stopped even if its parent is busy.

A child that has grown by more than `recycle_bytes` (its caches of replays and compiled
programs) finishes its answer and is replaced: the caches are bounded in bytes, not by count.
A program's work goes to the child that last served the same program when it is idle, where
its replays are likely cached.
"""

from __future__ import annotations

import math
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from .children import CONTEXT, confine, resident_bytes

#: How long a request waits for an idle child before it is told the server is busy.
WAIT = 10.0


class Stopped(Exception):
    """The work went past its time or memory limit and was stopped; the words say which."""


class _CPULimit(BaseException):
    """Raised by SIGXCPU's handler: a BaseException, so no `except Exception` in the engine
    can take it for the program's own error."""


@dataclass(frozen=True)
class Limits:
    seconds: float
    memory_bytes: int
    recycle_bytes: int


#: A module-level function and its arguments, called in a child before its first request.
Warm = tuple[Callable[..., Any], tuple[Any, ...]]


class _Child:
    def __init__(self, limits: Limits, warm: Warm | None) -> None:
        self.conn, theirs = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=_serve, args=(theirs, limits, warm),
                                       daemon=True, name="interleave-sandbox")
        self.process.start()
        theirs.close()
        self.last: Hashable = None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Sandbox:
    """`size` children; `call(fn, *args)` runs `fn(*args)` in one of them (fn must be a
    module-level function, its arguments and result picklable) and returns its result,
    re-raises its exception, or raises Stopped."""

    def __init__(self, size: int, limits: Limits, warm: Warm | None = None) -> None:
        self.size, self.limits, self.warm = size, limits, warm
        self.idle: list[_Child] = []
        self.started = 0
        self.changed = threading.Condition()
        self.closed = False

    def start(self) -> None:
        """Start every child now (they warm up while the first requests are on their way)."""
        while self._add():
            pass

    def call(self, fn: Callable[..., Any], *args: Any, affinity: Hashable = None) -> Any:
        child = self._take(affinity)
        try:
            answer = self._ask(child, fn, args)
        except BaseException:
            self._replace(child)
            raise
        kind, value, recycle = answer
        if recycle:
            self._replace(child)
        else:
            child.last = affinity
            self._give_back(child)
        if kind == "stopped":
            raise Stopped(value)
        if kind == "raised":
            raise value
        return value

    def close(self) -> None:
        with self.changed:
            self.closed = True
            children, self.idle = self.idle, []
            self.changed.notify_all()
        for child in children:
            child.kill()

    def _ask(self, child: _Child, fn: Callable[..., Any], args: tuple[Any, ...]
             ) -> tuple[str, Any, bool]:
        seconds = self.limits.seconds
        child.conn.send((fn, args))
        if not child.conn.poll(seconds + 0.25):  # the kernel's limit should come first
            raise Stopped(_over_time(seconds))
        try:
            return child.conn.recv()
        except (EOFError, OSError):  # it died: the kernel refused it memory past its limit
            raise Stopped(_over_memory(self.limits.memory_bytes)) from None

    def _take(self, affinity: Hashable) -> _Child:
        deadline = time.monotonic() + WAIT
        with self.changed:
            while True:
                if self.closed:
                    raise Stopped("The server is shutting down.")
                if self.idle:
                    for child in self.idle:
                        if child.last == affinity:
                            break
                    else:
                        child = self.idle[-1]
                    self.idle.remove(child)
                    return child
                if self.started < self.size:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Busy()
                self.changed.wait(left)
        self._add()
        return self._take(affinity)

    def _add(self) -> bool:
        """One more idle child, if the sandbox has room for it."""
        with self.changed:
            if self.closed or self.started >= self.size:
                return False
            self.started += 1
        try:
            child = _Child(self.limits, self.warm)
        except BaseException:
            with self.changed:
                self.started -= 1
            raise
        self._give_back(child)
        return True

    def _give_back(self, child: _Child) -> None:
        with self.changed:
            if self.closed:
                child.kill()
                return
            self.idle.append(child)
            self.changed.notify()

    def _replace(self, child: _Child) -> None:
        """This child's memory freed now, and a fresh child in its place."""
        child.kill()
        with self.changed:
            self.started -= 1
        self._add()


class Busy(Exception):
    """Every child stayed busy for WAIT seconds."""


def _over_time(seconds: float) -> str:
    return (f"This took more than the {seconds:g} s of work one request may use, so it was "
            f"stopped. Ask for fewer steps or a smaller program.")


def _over_memory(memory: int) -> str:
    return (f"This needed more than the {memory // 2**20:,} MB of memory one request may use, "
            f"so it was stopped. Ask for fewer steps or smaller values.")


# -- in the child ------------------------------------------------------------------------------


def _serve(conn: Connection, limits: Limits, warm: Warm | None) -> None:
    confine(limits.memory_bytes)
    signal.signal(signal.SIGXCPU, _on_cpu_limit)
    if warm is not None:
        warm[0](*warm[1])
    grown_from = resident_bytes()
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        _allow_cpu(limits.seconds)
        try:
            answer: tuple[str, Any] = ("returned", fn(*args))
        except _CPULimit:
            answer = ("stopped", _over_time(limits.seconds))
        except MemoryError:
            answer = ("stopped", _over_memory(limits.memory_bytes))
        except Exception as e:  # noqa: BLE001 - the caller re-raises it as its own
            answer = ("raised", e)
        recycle = answer[0] == "stopped" or (
            resident_bytes() - grown_from > limits.recycle_bytes)
        try:
            conn.send((*answer, recycle))
        except MemoryError:
            conn.send(("stopped", _over_memory(limits.memory_bytes), True))
        except Exception as e:  # noqa: BLE001 - an exception that will not pickle
            conn.send(("raised", RuntimeError(f"{type(e).__name__}: {e}"), recycle))
        if recycle:  # at once: a stopped call may still be running in another thread
            os._exit(0)


def _allow_cpu(seconds: float) -> None:
    """The kernel sends SIGXCPU once this call has used `seconds` of CPU (rounded up: the
    limit is in whole seconds)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(spent + seconds)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _on_cpu_limit(signum: int, frame: Any) -> None:
    raise _CPULimit
