"""`time`: a virtual clock, so that a run is a pure function of its program and schedule.

`Machine.clock` counts nanoseconds since the program started; `time.time()` reads it from
machine.EPOCH_NS (2026-01-01 00:00:00, the simulated process running in UTC), `monotonic()`
and `perf_counter()` from 0. Computing takes no time: only sleeps and timeouts move the clock.
`sleep(s)` is one step that hands the GIL over and sets the thread's wake-up time
(`Thread.until`); its next step wakes it, moving the clock there if it is behind. A timed wait
that times out moves it to its deadline the same way (primitives.py). So under any schedule
the clock only moves forward, and a thread reads it no earlier than its own wake-up time.
The `cpython` policy (policies.py) runs sleepers in the order of their wake-up times once
nothing else can run, as a real run does; other schedules may wake them in any order.

A program that cannot read the clock (`reads_clock`) sees only how deadlines compare: its
snapshots rebase the clock to 0 (`rebase`), so that a loop that sleeps comes back to the same
state, and the explorer's graph of states stays finite where it was before the clock.

The functions that make text (`ctime`, `strftime`, `asctime`) run the host's on a tuple of
numbers, never on a value of the program's.
"""

from __future__ import annotations

import calendar
import math
import time as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import ATTRIBUTES
from ..classes import MISSING
from ..errors import BudgetError
from ..machine import EPOCH_NS, seconds_ns
from ..values import TYPE_NAMES, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread
    from ..program import Program

HINT = ("Interleave's time module has a virtual clock: sleep, time, time_ns, monotonic, "
        "monotonic_ns, perf_counter, perf_counter_ns, process_time, thread_time, ctime, "
        "asctime, strftime, localtime, gmtime, mktime, timezone, tzname.")


def now(m: Machine) -> float:
    """`time.time()`: seconds since 1970 on the virtual clock."""
    return (EPOCH_NS + m.clock) / 1e9


#: The names that read the clock (logging's records do too).
_READERS = frozenset({"time", "time_ns", "monotonic", "monotonic_ns", "perf_counter",
                      "perf_counter_ns", "ctime", "asctime", "strftime", "localtime", "gmtime",
                      "now", "today", "utcnow"})  # datetime's too


#: Modules that read the clock themselves: logging's records carry the time, a sched
#: scheduler's `timefunc` is `time.monotonic` unless given another, timeit's timer is
#: `time.perf_counter`.
_READING_MODULES = frozenset({"logging", "sched", "timeit"})


def reads_clock(program: Program) -> bool:
    """Whether `program` may read the clock: it names one of its readers, or imports a
    module that reads it."""
    names = program.names
    return (not names.attributes.isdisjoint(_READERS)
            or not names.imports.isdisjoint(_READING_MODULES)
            or any(module in _READING_MODULES or module == "time" and name in _READERS
                   for module, name in names.imported_from))


def rebase(m: Machine) -> None:
    """Move the clock to 0 and every wake-up time and deadline with it, those already due to
    0 (which one is later no longer matters: each is due): for a program that cannot read
    the clock, the same state."""
    shift = m.clock
    for th in m.threads:
        if th.until is not None:
            th.until = max(0, th.until - shift)
        deadline = getattr(th.wait, "deadline", None)
        if deadline is not None:
            th.wait.deadline = max(0, deadline - shift)
    m.clock = 0


def _sleep(m: Machine, th: Thread, seconds: Any) -> None:
    ns = seconds_ns(seconds)
    if ns < 0:
        raise fail("ValueError", "sleep length must be non-negative")
    # Sleeping lets the GIL go, even for 0 s: the `cpython` policy's slice ends at a thread
    # that has a wake-up time (runner.py).
    th.until = m.clock + ns


def _when(m: Machine, seconds: Any) -> float:
    """The argument of ctime/localtime/gmtime: None means now."""
    if seconds is None:
        return now(m)
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise fail("TypeError", f"'{type_name(seconds)}' object cannot be interpreted as an "
                                f"integer")
    if isinstance(seconds, float) and not math.isfinite(seconds):
        raise fail("ValueError", "Invalid value NaN (not a number)" if math.isnan(seconds)
                   else "cannot convert float infinity to integer")
    if abs(seconds) > 10**11:
        raise fail("OverflowError", "timestamp out of range for platform time_t")
    return seconds


def _fields(m: Machine, seconds: Any) -> tuple[int, ...]:
    """The nine numbers of `gmtime(seconds)`, which is also `localtime` in UTC."""
    return tuple(host.gmtime(_when(m, seconds)))


def _struct(m: Machine, seconds: Any) -> host.struct_time:
    """`localtime(seconds)`: CPython's struct_time (a tuple with named fields), in UTC."""
    return host.gmtime(_when(m, seconds))


_STRUCT_FIELDS = frozenset({"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                            "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"})
ATTRIBUTES[host.struct_time] = lambda t, name: (
    getattr(t, name) if name in _STRUCT_FIELDS else MISSING)
TYPE_NAMES[host.struct_time] = lambda t: "time.struct_time"


def _tuple_arg(m: Machine, t: Any, fname: str) -> tuple[int, ...]:
    if t is None:
        return _fields(m, None)
    if not isinstance(t, tuple) or not all(isinstance(x, int) and not isinstance(x, bool)
                                            for x in t):
        raise fail("TypeError", "Tuple or struct_time argument required")
    if len(t) != 9:
        raise fail("TypeError", f"{fname}(): illegal time tuple argument")
    return t


#: The longest strftime format one step may expand (a directive makes at most a few dozen
#: characters).
MAX_FORMAT = 10_000


def check_format(fmt: Any) -> str:
    """A strftime format: a str, short enough to expand within one step."""
    if not isinstance(fmt, str):
        raise fail("TypeError", f"strftime() argument 1 must be str, not {type_name(fmt)}")
    if len(fmt) > MAX_FORMAT:
        raise BudgetError(f"a strftime format of {len(fmt):,} characters is over the limit "
                          f"of {MAX_FORMAT:,}")
    return fmt


def _strftime(m: Machine, th: Thread, fmt: Any, t: Any = None) -> str:
    check_format(fmt)
    fields = _tuple_arg(m, t, "strftime")
    try:
        return host.strftime(fmt, host.struct_time(fields))
    except (ValueError, OverflowError) as e:
        raise fail(type(e).__name__, str(e)) from None


def _asctime(m: Machine, th: Thread, t: Any = None) -> str:
    try:
        return host.asctime(host.struct_time(_tuple_arg(m, t, "asctime")))
    except (ValueError, OverflowError) as e:
        raise fail(type(e).__name__, str(e)) from None


def _mktime(m: Machine, th: Thread, t: Any) -> float:
    """`mktime(t)`: `localtime`'s inverse, in the process's zone, UTC."""
    fields = _tuple_arg(m, t, "mktime")
    if not all(-10**7 < x < 10**7 for x in fields):
        raise fail("OverflowError", "mktime argument out of range")
    return float(calendar.timegm(fields))


def _ns(m: Machine) -> int:
    return m.clock


def _clock(name: str, fn: Any) -> Builtin:
    # Reading the clock is a step: which steps other threads took before it decides what it
    # reads (their sleeps' wake-ups move it).
    return Builtin(name, lambda m, th: fn(m), "always", "time")


TABLE: dict[str, Any] = {
    "sleep": Builtin("sleep", _sleep, "always", "time"),
    "time": _clock("time", now),
    "time_ns": _clock("time_ns", lambda m: EPOCH_NS + m.clock),
    "monotonic": _clock("monotonic", lambda m: m.clock / 1e9),
    "monotonic_ns": _clock("monotonic_ns", _ns),
    "perf_counter": _clock("perf_counter", lambda m: m.clock / 1e9),
    "perf_counter_ns": _clock("perf_counter_ns", _ns),
    # CPU time: computing takes none.
    "process_time": Builtin("process_time", lambda m, th: 0.0, module="time"),
    "process_time_ns": Builtin("process_time_ns", lambda m, th: 0, module="time"),
    "thread_time": Builtin("thread_time", lambda m, th: 0.0, module="time"),
    "thread_time_ns": Builtin("thread_time_ns", lambda m, th: 0, module="time"),
    "ctime": Builtin("ctime", lambda m, th, s=None: host.asctime(host.gmtime(_when(m, s))),
                     "always", "time"),
    "asctime": Builtin("asctime", _asctime, "always", "time"),
    "strftime": Builtin("strftime", _strftime, "always", "time"),
    "localtime": Builtin("localtime", lambda m, th, s=None: _struct(m, s), "always", "time"),
    "gmtime": Builtin("gmtime", lambda m, th, s=None: _struct(m, s), "always", "time"),
    "mktime": Builtin("mktime", _mktime, module="time"),
    "timezone": 0, "altzone": 0, "daylight": 0, "tzname": ("UTC", "UTC"),
}
