"""`timeit`: `default_timer` (the lessons' `start = timer()` around their threads), and
`timeit`, `repeat` and `Timer` over a callable, written in Python after CPython 3.13's
Lib/timeit.py (stdlib/written.py): the calls run as the thread's own code, each of their
steps the program's, and the time they take is the virtual clock's (time.py), which only
sleeps move. A statement given as a string of code is refused: nothing is executed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from ..values import fail
from .time import TABLE as TIME
from .written import library_classes

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from timeit: default_timer, and timeit, repeat and Timer with a callable "
        "(a string of code is not run here).")

TIMEIT = '''
def _make(default_timer, callable_or_none):
    class Timer:
        def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
            self.stmt = callable_or_none(stmt, "stmt")
            self.setup = callable_or_none(setup, "setup")
            self.timer = timer

        def timeit(self, number=1000000):
            if self.setup is not None:
                self.setup()
            start = self.timer()
            for _ in range(number):
                if self.stmt is not None:
                    self.stmt()
            return self.timer() - start

        def repeat(self, repeat=5, number=1000000):
            return [self.timeit(number) for _ in range(repeat)]

    def timeit(stmt="pass", setup="pass", timer=default_timer, number=1000000, globals=None):
        return Timer(stmt, setup, timer, globals).timeit(number)

    def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=5, number=1000000,
               globals=None):
        return Timer(stmt, setup, timer, globals).repeat(repeat, number)

    return {"timeit.Timer": Timer, "timeit.timeit": timeit, "timeit.repeat": repeat}

_made = _make(*_given)
'''


def _callable_or_none(m: Machine, th: Thread, value: Any, name: str) -> Any:
    """A callable statement as it is; "pass" as nothing to call; other code refused."""
    if value == "pass":
        return None
    if isinstance(value, str):
        raise fail("ValueError", f"timeit's {name} must be a callable here: a string of code "
                                 f"is not run")
    return value


#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (Builtin("callable_or_none", _callable_or_none, module="timeit"),)


def _written(name: str) -> Builtin:
    """`timeit.timeit(f, number=3)`, `Timer(f)`: the machine's own function or class,
    called as the thread's own call."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        made = library_classes(m, "timeit", TIMEIT, TIME["perf_counter"], *GIVEN)
        done, result = UP.call_value(m, th, made[f"timeit.{name}"], list(args), kwargs)[:2]
        return result if done else PUSHED
    return Builtin(name, make, module="timeit")


TABLE: dict[str, Any] = {
    "default_timer": TIME["perf_counter"],
    **{name: _written(name) for name in ("timeit", "repeat", "Timer")},
}
