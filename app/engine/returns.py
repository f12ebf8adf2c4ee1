"""Returning from a frame: where the value lands.

Its own module, below `calls` and `instructions`, because the runtime builds a few codes of
its own that end in a return (a thread's call of a built-in target, an object's `__new__`
then `__init__`) as the compiler's do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .code import Instr
from .formatting import Converted
from .generators import Generator, ended
from .threadstate import BREAKER

if TYPE_CHECKING:
    from .machine import Machine, Thread


def ret(line: int, col: int) -> Instr:
    """A return; the thread's last one is a step of its own when the thread ends asleep
    (`time.sleep` just before): that step wakes it, so its end comes at the virtual time a
    join sees."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        frames = th.frames
        done = frames.pop()
        value = done.stack.pop()
        if frames:
            if done.cleanup is None:  # a callback's (Barrier action's) value is dropped
                frames[-1].stack.append(value)
            elif type(done.cleanup) is Generator:
                ended(th, done.cleanup, value)
            elif isinstance(done.cleanup, Converted):  # an object's text, for print or format
                th.brk = BREAKER
                done.cleanup.land(m, frames[-1], value)
            th.brk = BREAKER  # back in the caller, after a CALL
            return None
        m.finish(th)
        return ("call", "wakes up and ends", None)
    return Instr("RETURN", None, line, col, run, visible=_ends_asleep)


def _ends_asleep(th: Thread) -> bool:
    return th.until is not None and len(th.frames) == 1
