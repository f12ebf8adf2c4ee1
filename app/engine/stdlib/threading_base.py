"""The `threading.Event`, `Semaphore` and `BoundedSemaphore` a program's class derives from
(`class Latch(threading.Event)`): CPython 3.13's Python (Lib/threading.py), run as the
program's code (stdlib/written.py), over the engine's own `Condition(Lock())`.

An Event or Semaphore the program makes directly is a primitive (app/engine/primitives.py),
each call one atomic step; a subclass overrides what that primitive does inside its step
(`set` calling `super().set()`, an `acquire` that counts), so it gets CPython's code instead,
whose `with self._cond:` and `wait` are steps of their own. The class statement takes this
class in place of the library's (bases.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import threading, time
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine

EVENTS = '''
def _make(Condition, Lock, _time):
    class Event:
        def __init__(self):
            self._cond = Condition(Lock())
            self._flag = False

        def is_set(self):
            return self._flag

        def set(self):
            with self._cond:
                self._flag = True
                self._cond.notify_all()

        def clear(self):
            with self._cond:
                self._flag = False

        def wait(self, timeout=None):
            with self._cond:
                signaled = self._flag
                if not signaled:
                    signaled = self._cond.wait(timeout)
                return signaled

    class Semaphore:
        def __init__(self, value=1):
            if value < 0:
                raise ValueError("semaphore initial value must be >= 0")
            self._cond = Condition(Lock())
            self._value = value

        def acquire(self, blocking=True, timeout=None):
            if not blocking and timeout is not None:
                raise ValueError("can't specify timeout for non-blocking acquire")
            rc = False
            endtime = None
            with self._cond:
                while self._value == 0:
                    if not blocking:
                        break
                    if timeout is not None:
                        if endtime is None:
                            endtime = _time() + timeout
                        else:
                            timeout = endtime - _time()
                            if timeout <= 0:
                                break
                    self._cond.wait(timeout)
                else:
                    self._value -= 1
                    rc = True
            return rc

        __enter__ = acquire  # Semaphore's own, whatever a subclass makes of acquire

        def release(self, n=1):
            if n < 1:
                raise ValueError("n must be one or more")
            with self._cond:
                self._value += n
                self._cond.notify(n)

        def __exit__(self, t, v, tb):
            self.release()

    class BoundedSemaphore(Semaphore):
        def __init__(self, value=1):
            super().__init__(value)
            self._initial_value = value

        def release(self, n=1):
            if n < 1:
                raise ValueError("n must be one or more")
            with self._cond:
                if self._value + n > self._initial_value:
                    raise ValueError("Semaphore released too many times")
                self._value += n
                self._cond.notify(n)

    return {"threading.Event": Event, "threading.Semaphore": Semaphore,
            "threading.BoundedSemaphore": BoundedSemaphore}

_made = _make(*_given)
'''

#: The library's classes a program's class may derive from in this module, by key.
DERIVABLE = frozenset({"threading.Event", "threading.Semaphore", "threading.BoundedSemaphore"})


def event_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written Event and semaphores, by key."""
    return library_classes(m, "threading", EVENTS, threading.TABLE["Condition"],
                           threading.TABLE["Lock"], time.TABLE["monotonic"])
