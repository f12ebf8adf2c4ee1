"""The DeprecationWarning CPython 3.13 prints for the camelCase threading API a program still
uses (`currentThread()`, `t.getName()`, `event.isSet()` …): to stderr, once per line, as the
default warning filter shows a warning from `__main__`:

    prog.py:12: DeprecationWarning: setName() is deprecated, set the name attribute instead
      t.setName("Legacy-1")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .machine import Frame, Machine, Thread

#: Old name → the advice CPython's message gives.
ADVICE = {
    "currentThread": "use current_thread() instead",
    "activeCount": "use active_count() instead",
    "getName": "get the name attribute instead",
    "setName": "set the name attribute instead",
    "isDaemon": "get the daemon attribute instead",
    "setDaemon": "set the daemon attribute instead",
    "isSet": "use is_set() instead",
    "notifyAll": "use notify_all() instead",
}
#: Where the lines already warned about are kept (a hidden variable: snapshots carry it).
_WARNED = ".warned"
_CALLS = ("CALL", "CALL_METHOD", "CALL_SPREAD", "CALL_METHOD_SPREAD")


def warn(m: Machine, th: Thread, old: str) -> None:
    """Print `old`'s DeprecationWarning for the line calling it, unless already shown."""
    line = calling_line(th.frames[-1])
    warned = m.globals.setdefault(_WARNED, [])
    if (line, old) in warned:
        return
    warned.append((line, old))
    name = m.program.filename
    m.write([f"{name}:{line}: DeprecationWarning: {old}() is deprecated, {ADVICE[old]}\n"
             f"  {m.program.line(line)}\n"], "stderr")


def calling_line(f: Frame) -> int:
    """The line of the call frame `f` is making: the instruction it is on, or (a call moves
    on before it calls) the one before it."""
    instrs = f.code.instrs
    here = instrs[min(f.pc, len(instrs) - 1)]
    if f.pc > 0 and here.op not in _CALLS and instrs[f.pc - 1].op in _CALLS:
        return instrs[f.pc - 1].line
    return here.line
