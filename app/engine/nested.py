"""Calling a program's own function from inside one step: a `key=` function, a
`defaultdict`'s factory, a class's `__str__` or `__eq__` reached from `print` or `==`.

The built-in that needs the answer cannot return to the scheduler half-way, so the function
runs to its end right there, in the calling thread, as part of the step that called it: no
other thread moves meanwhile (the model's simplification; CPython could switch inside, the
page says so where it matters). Its own steps are not recorded. A call that would block (a
lock another thread holds) cannot wait inside a step: it raises RuntimeError instead, in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .machine import USER_ERRORS, LocalLoop, program_error, program_line
from .upcalls import PENDING, UP
from .values import SimException, Thrown, fail

if TYPE_CHECKING:
    from .machine import Machine, Thread


class Allowance:
    """The local operations left to the calls one built-in makes inside one step: a key
    function called for each of a million items shares one `local_ops` budget, not a
    budget each."""

    __slots__ = ("left", "limit")

    def __init__(self, m: Machine) -> None:
        self.left = self.limit = m.program.budgets.local_ops


def call_now(m: Machine, th: Thread, fn: Any, args: list[Any],
             kwargs: dict[str, Any] | None = None, allowance: Allowance | None = None) -> Any:
    """`fn(*args, **kwargs)` run to its end inside the current step; its result. An exception
    it does not handle is raised here (as Thrown) for the caller's instruction to deliver.
    Calls that share an `allowance` share its operations."""
    depth = len(th.frames)
    returned, result, _ = UP.call_value(m, th, fn, args, kwargs or {})
    if returned:
        if result is PENDING:
            raise fail("RuntimeError", "a call that waits cannot run inside a key function, "
                                       "a factory or a special method in this simulator")
        return result
    run_to(m, th, depth, allowance or Allowance(m))
    return th.frames[-1].stack.pop()


def run_to(m: Machine, th: Thread, depth: int, allowance: Allowance) -> None:
    """Run `th` until its frames are back to `depth` (the pushed frame has returned)."""
    frames = th.frames
    while len(frames) > depth:
        f = frames[-1]
        ins = f.code.instrs[f.pc]
        if ins.guard is not None and not ins.guard(m, th):
            why = ins.blocked(m, th) if ins.blocked is not None else "it would wait"
            _raise_out(m, th, depth, SimException("RuntimeError", (
                f"line {ins.line}: {why}; a call inside a key function, a factory or a "
                f"special method cannot wait in this simulator",)))
        try:
            ins.run(m, th)
        except Thrown as e:
            _deliver(m, th, depth, e.exc)
        except USER_ERRORS as e:
            _deliver(m, th, depth, program_error(e))
        allowance.left -= 1
        if not allowance.left:
            raise LocalLoop(f"{th.name} ran {allowance.limit:,} operations inside the calls "
                            f"made by one built-in (line {program_line(th)}): an endless loop?")


def _deliver(m: Machine, th: Thread, depth: int, exc: SimException) -> None:
    """Hand `exc` to a handler in the frames above `depth`, or raise it out of the call."""
    left = m.deliver(th, exc, depth)
    if left is not None:
        raise Thrown(left)


def _raise_out(m: Machine, th: Thread, depth: int, exc: SimException) -> None:
    """Drop the frames above `depth`, each cleaned up (a generator's ends), and raise."""
    frames = th.frames
    while len(frames) > depth:
        f = frames.pop()
        if f.cleanup is not None:
            f.cleanup(m, th)
    raise Thrown(exc)
