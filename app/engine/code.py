"""Compiled code: functions as lists of instructions, each one local or a visible step.

A *visible* instruction is one atomic step of the schedule (a shared read or write, a primitive
operation, a print…). Local instructions run eagerly right after the step before them, so a
parked thread always sits on its next visible instruction: that is what the page shows as
"next: …" and what decides whether the thread can move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .opcodes import OPS

if TYPE_CHECKING:
    from .machine import Machine, Thread
    from .program import Program

#: An instruction's effect. It returns an event tuple for a visible step (None for local ones).
Run = Callable[["Machine", "Thread"], Any]
#: Whether an instruction can run now; an instruction without a guard always can.
Guard = Callable[["Machine", "Thread"], bool]
#: Why an instruction cannot run now, asked when its guard says no (often the very function
#: the guard tests for None).
Blocked = Callable[["Machine", "Thread"], str | None]
#: Whether an instruction is a step, decided when it is reached (e.g. `len(x)` on a list).
Visibility = bool | Callable[["Thread"], bool]


class Instr:
    """One instruction. `op` and `arg` exist for listings and tests; `run` does the work."""

    __slots__ = ("op", "arg", "line", "col", "run", "visible", "guard", "blocked")

    def __init__(
        self,
        op: str,
        arg: Any,
        line: int,
        col: int,
        run: Run,
        visible: Visibility = False,
        guard: Guard | None = None,
        blocked: Blocked | None = None,
    ) -> None:
        if op not in OPS:
            raise ValueError(f"{op} is not declared in opcodes.py")
        self.op = op
        self.arg = arg
        self.line = line
        self.col = col
        self.run = run
        self.visible = visible
        self.guard = guard
        self.blocked = blocked

    def __repr__(self) -> str:
        return f"{self.line:>4} {self.op} {self.arg!r}" if self.arg is not None else (
            f"{self.line:>4} {self.op}"
        )


@dataclass(eq=False)
class Code:
    """A function body (or the module body) ready to run."""

    name: str
    #: The positional parameters, the first `posonly` of them positional-only.
    params: tuple[str, ...]
    instrs: list[Instr] = field(default_factory=list)
    posonly: int = 0
    kwonly: tuple[str, ...] = ()
    #: The keyword-only parameters that have a default: their defaults follow the positional
    #: ones in the function's `defaults`, in this order.
    kwdefaults: tuple[str, ...] = ()
    #: The names of `*args` and `**kwargs`, if the function takes them.
    varargs: str | None = None
    varkw: str | None = None
    #: `outer.<locals>.inner`, as CPython's messages name a function.
    qualname: str = ""
    first_line: int = 1
    #: The last source line of the body (the module's: 0, meaning the whole file).
    last_line: int = 0
    #: It has `yield` in it: a call makes a generator (app/engine/generators.py).
    generator: bool = False
    #: Its docstring (a function's `__doc__`).
    doc: str | None = None

    def __repr__(self) -> str:
        return f"<code {self.name}>"


class Compilers:
    """The compiler, lent to the library (stdlib/), which compiles a few functions of its own
    from Python source: a pool's worker loop, `Timer.run`, the call of `threading.excepthook`.

    The library sits below the compiler, which reads the library's tables to resolve a
    program's imports, so it cannot import the compiler: `compiler` fills `COMPILERS` when it
    is imported, and `app.engine` imports it before any program runs."""

    #: `compile_program(source)`: a whole program.
    program: Callable[[str], Program]
    #: `library_function(source)`: the code of the one function `source` defines, at line 0.
    function: Callable[[str], Code]


COMPILERS = Compilers()
