"""Child processes: where they come from, and the limits every one of them lives under.

A program from the internet is compiled, run and explored in children, never in a worker: a
step that escapes every budget of the engine (one C call that holds the interpreter for
minutes, an allocation of gigabytes) then costs one child, which is killed and replaced, and
never the worker with the other learners' requests in it.

Children come from one fork server per worker that has the web app imported, so starting
one costs milliseconds. Each caps its own memory (the kernel refuses its allocations past it,
which Python raises as MemoryError) and dies with its parent: on Linux the kernel kills it when
the fork server exits, and the fork server exits when its worker does; elsewhere a thread of
the child watches its parent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from multiprocessing import forkserver

CONTEXT = multiprocessing.get_context("forkserver")
CONTEXT.set_forkserver_preload(["app.main"])

_PR_SET_PDEATHSIG = 1
#: How often the portable watch looks for its parent, in seconds.
_WATCH = 0.5


def resident_bytes() -> int:
    """This process's memory in use now (Linux's statm; the peak elsewhere)."""
    resident = _statm(1)
    if resident is not None:
        return resident
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _statm(field: int) -> int | None:
    """Field `field` of Linux's /proc/self/statm (0: mapped, 1: resident), in bytes."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return None


def confine(memory_bytes: int) -> None:
    """Called first in a child: at most `memory_bytes` more than it maps now, and no life
    after its parent's."""
    _let_the_fork_server_go()
    limit = (_statm(0) or 0) + memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _die_with_parent()


def _let_the_fork_server_go() -> None:
    """The fork server exits when the write end of its "alive" pipe is closed everywhere,
    but it hands that end to each child it forks: a child that kept it would keep the fork
    server, and so itself, alive after the worker died. (CPython keeps the end in a private
    attribute; where it has none, there is nothing to close.)"""
    server = getattr(forkserver, "_forkserver", None)
    alive = getattr(server, "_forkserver_alive_fd", None)
    if alive is not None:
        os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]


def _die_with_parent() -> None:
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # it died before the request took effect
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
