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


@dataclass(eq=False, slots=True)
class ThreadHandle:
    """The value of a `threading.Thread` object: an index into the machine's thread table,
    and the thread's name (which `t.name = ...` changes here and in the table)."""

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


#: Nesting a repr follows before it stops: CPython's own limit is its recursion limit (about
#: 1,000); printing a deeper value raises RecursionError here a little earlier.
MAX_REPR_DEPTH = 300
_OPEN = {list: "[", tuple: "(", dict: "{"}
_CLOSE = {list: "]", tuple: ")", dict: "}"}


def display(value: Any) -> str:
    """`str(value)` as the simulated program would print it (RecursionError, as in CPython,
    for a value nested too deeply to show)."""
    if isinstance(value, str):
        return value
    if isinstance(value, SimException):
        return value.message
    return _Repr(strict=True, limit=None).of(value, 0)


def represent(value: Any, limit: int | None = None) -> str:
    """`repr(value)`, with our own objects shown the way CPython shows theirs. Never raises:
    a value that contains itself shows `[...]` as in CPython, one nested too deeply `…`, and
    with `limit`, the text stops with `…` after about that many characters."""
    return _Repr(strict=False, limit=limit).of(value, 0)


#: Characters of a value an event's description shows (a step on a million-item list must not
#: spend a second describing it).
SHOWN = 200


def shown(value: Any) -> str:
    """A value as a step's description shows it: its repr, cut after about SHOWN characters."""
    return represent(value, SHOWN)


class _Repr:
    def __init__(self, strict: bool, limit: int | None) -> None:
        self.strict = strict
        self.left = limit if limit is not None else -1
        self.active: set[int] = set()  # containers being shown: a cycle shows `[...]`

    def of(self, value: Any, depth: int) -> str:
        if self.left == 0:
            return "…"
        kind = type(value)
        if kind in _OPEN:
            text = self._container(value, kind, depth)
        else:
            text = _scalar(value)
        if self.left > 0:
            self.left = max(0, self.left - len(text))
        return text

    def _container(self, value: Any, kind: type, depth: int) -> str:
        if id(value) in self.active:
            return _OPEN[kind] + "..." + _CLOSE[kind]
        if depth >= MAX_REPR_DEPTH:
            if self.strict:
                raise RecursionError("maximum recursion depth exceeded while getting the "
                                     "repr of an object")
            return "…"
        self.active.add(id(value))
        try:
            if kind is dict:
                parts = []
                for k, v in value.items():
                    if self.left == 0:
                        parts.append("…")
                        break
                    parts.append(f"{self.of(k, depth + 1)}: {self.of(v, depth + 1)}")
            else:
                parts = []
                for v in value:
                    if self.left == 0:
                        parts.append("…")
                        break
                    parts.append(self.of(v, depth + 1))
        finally:
            self.active.discard(id(value))
        inner = ", ".join(parts)
        if kind is tuple and len(value) == 1:
            inner += ","
        return _OPEN[kind] + inner + _CLOSE[kind]


def _scalar(value: Any) -> str:
    from .primitives import Primitive  # the primitives module imports this one

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


def type_name(value: Any) -> str:
    """The name of a value's simulated type, as CPython's messages put it (`'_thread.lock'
    object has no attribute 'x'`)."""
    from .primitives import Lock, Primitive  # the primitives module imports this one

    if isinstance(value, Lock):
        return value.type_name
    if isinstance(value, Primitive):
        return value.kind
    if isinstance(value, ThreadHandle):
        return "Thread"
    if isinstance(value, Function):
        return "function"
    if isinstance(value, SimException):
        return value.type
    if isinstance(value, ThreadLocal):
        return "_thread._local"
    return type(value).__name__


# Python formats our objects itself in some of its messages (`[].index(t)`, a KeyError's key):
# there they read as the program sees them, never with a memory address that differs from
# run to run.
for _kind in (ThreadHandle, Function, BoundMethod, ThreadLocal, ExceptionClass):
    _kind.__repr__ = represent  # type: ignore[assignment]
    _kind.__str__ = display  # type: ignore[assignment]


PLAIN_TYPES = (int, float, str, bool, type(None))


def is_plain(value: Any, depth: int = 0, active: set[int] | None = None) -> bool:
    """Plain data: what `--json` and the explorer report as a global's value. A value that
    contains itself, or is nested deeper than MAX_REPR_DEPTH, is not."""
    if isinstance(value, PLAIN_TYPES):
        return True
    if not isinstance(value, list | tuple | dict) or depth >= MAX_REPR_DEPTH:
        return False
    active = set() if active is None else active
    if id(value) in active:
        return False
    active.add(id(value))
    items = [x for kv in value.items() for x in kv] if isinstance(value, dict) else value
    plain = all(is_plain(v, depth + 1, active) for v in items)
    active.discard(id(value))
    return plain


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
