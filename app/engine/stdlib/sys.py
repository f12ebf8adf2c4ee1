"""`sys`: the switch interval, `exit`, and a few constants.

`setswitchinterval(s)` is the `cpython` policy's switch interval for the rest of the run: its
slices are `s / 0.005` times the length they have by default (policies.CPython), so a
lesson that sets 1e-6 to provoke lost updates provokes them here too. Under the other
policies it changes nothing, as the schedule is theirs. The interval is kept with the
program's state (a hidden variable), so a snapshot carries it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..calls import Builtin
from ..machine import DEFAULT_SWITCH_INTERVAL, MAX_DEPTH, SWITCH_INTERVAL
from ..values import SimException, Thrown, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from sys: setswitchinterval, getswitchinterval, exit, getrecursionlimit, "
        "maxsize.")


def _setswitchinterval(m: Machine, th: Thread, *args: Any) -> None:
    if len(args) != 1:
        raise fail("TypeError", f"sys.setswitchinterval() takes exactly one argument "
                                f"({len(args)} given)")
    (interval,) = args
    if not isinstance(interval, int | float):
        raise fail("TypeError", f"must be real number, not {type_name(interval)}")
    if interval <= 0:
        raise fail("ValueError", "switch interval must be strictly positive")
    m.globals[SWITCH_INTERVAL] = float(interval)


def _getswitchinterval(m: Machine, th: Thread, *args: Any) -> float:
    if args:
        raise fail("TypeError", f"sys.getswitchinterval() takes no arguments "
                                f"({len(args)} given)")
    return m.globals.get(SWITCH_INTERVAL, DEFAULT_SWITCH_INTERVAL)


def _exit(m: Machine, th: Thread, *args: Any) -> None:
    """Raises SystemExit: uncaught, it ends its thread quietly (MainThread's too: the
    others still run to their end, as at CPython's exit)."""
    if len(args) > 1:
        raise fail("TypeError", f"exit expected at most 1 argument, got {len(args)}")
    raise Thrown(SimException("SystemExit", tuple(args)))


def _function(name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, module="sys")


TABLE: dict[str, Any] = {
    "setswitchinterval": _function("setswitchinterval", _setswitchinterval),
    "getswitchinterval": _function("getswitchinterval", _getswitchinterval),
    "exit": _function("exit", _exit),
    "getrecursionlimit": _function("getrecursionlimit", lambda m, th: MAX_DEPTH),
    "maxsize": 2**63 - 1,
}
