"""Runtime values that are not plain Python data: exceptions, functions, thread handles.

Plain data (int, bool, str, None, float, list, dict, tuple) is represented by the real Python
objects, so arithmetic and error messages are CPython's own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .code import Code

#: Built-in exception classes a program may name, with their base class (CPython's hierarchy).
EXCEPTION_BASES: dict[str, str | None] = {
    "BaseException": None,
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
    "OverflowError": "ArithmeticError",
    "LookupError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "RuntimeError": "Exception",
    "RecursionError": "RuntimeError",
    "NotImplementedError": "RuntimeError",
    "BrokenBarrierError": "RuntimeError",
    "ValueError": "Exception",
    "TypeError": "Exception",
    "AssertionError": "Exception",
    "NameError": "Exception",
    "UnboundLocalError": "NameError",
    "AttributeError": "Exception",
    "StopIteration": "Exception",
}

#: `threading.ThreadError` is `RuntimeError` itself (SEMANTICS.md, top).
EXCEPTION_ALIASES = {"ThreadError": "RuntimeError"}


def is_subclass(name: str, base: str) -> bool:
    """`issubclass` over EXCEPTION_BASES."""
    current: str | None = name
    while current is not None:
        if current == base:
            return True
        current = EXCEPTION_BASES.get(current)
    return False


@dataclass(frozen=True, slots=True)
class ExceptionClass:
    """A built-in exception class used as a value (`except ValueError`, `raise ValueError`)."""

    name: str


@dataclass(frozen=True, slots=True)
class SimException:
    """An exception raised inside the simulated program."""

    type: str
    args: tuple[Any, ...] = ()

    @property
    def message(self) -> str:
        """`str(exc)` as CPython computes it (KeyError shows the repr of its key)."""
        if not self.args:
            return ""
        if len(self.args) == 1:
            arg = self.args[0]
            return repr(arg) if self.type == "KeyError" else display(arg)
        return display(self.args)

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


@dataclass(frozen=True, slots=True)
class ThreadHandle:
    """The value of a `threading.Thread` object: an index into the machine's thread table."""

    tid: int
    name: str


@dataclass(eq=False, slots=True)
class Function:
    """A user-defined function or lambda. `closure` is the defining frame's locals, if any."""

    code: Code
    defaults: tuple[Any, ...] = ()
    closure: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class BoundMethod:
    """`obj.method` taken as a value without calling it (e.g. `target=lock.release`)."""

    obj: Any
    name: str


@dataclass(eq=False, slots=True)
class ThreadLocal:
    """`threading.local()`: one attribute namespace per thread."""

    data: dict[int, dict[str, Any]] = field(default_factory=dict)


def display(value: Any) -> str:
    """`str(value)` as the simulated program would print it."""
    if isinstance(value, str):
        return value
    if isinstance(value, SimException):
        return value.message
    return represent(value)


def represent(value: Any) -> str:
    """`repr(value)`, with our own objects shown the way CPython shows theirs."""
    from .primitives import Primitive  # the primitives module imports this one

    if isinstance(value, list):
        return "[" + ", ".join(represent(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(represent(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{represent(k)}: {represent(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Primitive):
        return value.describe()
    if isinstance(value, ThreadHandle):
        return f"<Thread({value.name})>"
    if isinstance(value, Function):
        return f"<function {value.code.name}>"
    if isinstance(value, SimException):
        return f"{value.type}({', '.join(represent(a) for a in value.args)})"
    if isinstance(value, ExceptionClass):
        return f"<class '{value.name}'>"
    if isinstance(value, ThreadLocal):
        return "<_thread._local object>"
    if isinstance(value, BoundMethod):
        return f"<bound method {value.name}>"
    return repr(value)


PLAIN_TYPES = (int, float, str, bool, type(None))


def is_plain(value: Any) -> bool:
    """Plain data: what `--json` and the explorer report as a global's value."""
    if isinstance(value, PLAIN_TYPES):
        return True
    if isinstance(value, list | tuple):
        return all(is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(is_plain(k) and is_plain(v) for k, v in value.items())
    return False


class Thrown(Exception):
    """Carries a simulated exception out of an instruction to the machine's unwinder."""

    def __init__(self, exc: SimException) -> None:
        super().__init__(exc)
        self.exc = exc


def fail(type_: str, message: str | None = None) -> Thrown:
    """The Thrown to raise for a simulated `type_(message)`."""
    return Thrown(SimException(type_, () if message is None else (message,)))


def jsonable(value: Any) -> Any:
    """`value` as strict JSON data: keys as strings, tuples as lists, inf/nan and other
    objects as their repr (JSON has no tuples, no tuple keys and no Infinity)."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else represent(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return represent(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return represent(value)
