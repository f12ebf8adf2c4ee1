"""Handlers, `raise`, `except` matching and `assert`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..classes import (
    UserClass,
    as_exception,
    matches,
)
from ..code import Instr
from ..introspection import type_of
from ..tracebacks import traceback_value
from ..values import (
    ExceptionClass,
    SimException,
    Thrown,
    fail,
)
from .flow import Label

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def setup(handler: Label, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.handlers.append((handler.pc, len(f.stack)))
        f.pc += 1
    return Instr("SETUP", handler, line, col, run)


def pop_handler(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.handlers.pop()
        f.pc += 1
    return Instr("POP_HANDLER", None, line, col, run)


def raise_(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        raise_exc(as_exception(th.frames[-1].stack.pop()))
    return Instr("RAISE", None, line, col, run)


def raise_exc(exc: SimException) -> None:
    raise Thrown(exc)


def raise_from(line: int, col: int) -> Instr:
    """`raise exc from cause`: the cause is kept as the exception's `__cause__`."""
    def run(m: Machine, th: Thread) -> None:
        s = th.frames[-1].stack
        cause = s.pop()
        exc = as_exception(s.pop())
        if cause is not None:
            cause = as_exception(cause)
        attrs = exc.attrs
        if attrs is None:
            attrs = {}
            object.__setattr__(exc, "attrs", attrs)
        attrs["__cause__"] = cause
        raise_exc(exc)
    return Instr("RAISE", None, line, col, run)


def reraise(line: int, col: int) -> Instr:
    """Re-raise the exception on the stack (end of a `finally`, unmatched `except`)."""
    def run(m: Machine, th: Thread) -> None:
        raise_exc(th.frames[-1].stack.pop())
    return Instr("RERAISE", None, line, col, run)


def exc_info(line: int, col: int) -> Instr:
    """Stack: exc -> its class, exc, traceback: what `__exit__` is given when the body of a
    `with` raises."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        exc = f.stack.pop()
        tb = traceback_value(exc.tb, m.program.filename) if isinstance(exc, SimException) else None
        f.stack.extend((type_of(exc), exc, tb))
        f.pc += 1
    return Instr("EXC_INFO", None, line, col, run)


def match_exc(line: int, col: int) -> Instr:
    """Stack: exc, class (or tuple of classes) -> exc, matched."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        classes = f.stack.pop()
        exc = f.stack[-1]
        options = classes if isinstance(classes, tuple) else (classes,)
        for cls in options:
            if not isinstance(cls, ExceptionClass) and not (
                    isinstance(cls, UserClass) and isinstance(cls.native, ExceptionClass)):
                raise fail("TypeError", "catching classes that do not inherit from "
                                        "BaseException is not allowed")
        f.stack.append(any(matches(exc, c) for c in options))
        f.pc += 1
    return Instr("MATCH_EXC", None, line, col, run)


def fail_instr(type_: str, message: str, line: int, col: int) -> Instr:
    """Raise a fixed exception (e.g. a bare `raise` outside `except`)."""
    def run(m: Machine, th: Thread) -> None:
        raise fail(type_, message)
    return Instr("FAIL", type_, line, col, run)


def assert_fail(has_msg: bool, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        args = (th.frames[-1].stack.pop(),) if has_msg else ()
        raise_exc(SimException("AssertionError", args))
    return Instr("ASSERT_FAIL", None, line, col, run)


def raise_in_handler(has_cause: bool, line: int, col: int) -> Instr:
    """`raise exc` (or `raise exc from cause`) in an `except` block: stack [exc, (cause),
    handled]. The exception raised keeps the one handled as its `__context__`, as CPython's
    every raise does while an exception is handled."""
    inner = raise_from(line, col) if has_cause else raise_(line, col)

    def run(m: Machine, th: Thread) -> None:
        handled = th.frames[-1].stack.pop()
        try:
            inner.run(m, th)
        except Thrown as e:
            _chain(e.exc, handled)
            raise
    return Instr("RAISE", None, line, col, run)


def chain_context(line: int, col: int) -> Instr:
    """An exception leaving an `except` block that no `raise` there made (an operation's, a
    called function's): stack [exc, handled] -> exc, the handled one its `__context__` if
    nothing set one, as CPython sets it wherever the exception was raised."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        handled = f.stack.pop()
        exc = f.stack[-1]
        if isinstance(exc, SimException) and "__context__" not in (exc.attrs or {}):
            _chain(exc, handled)
        f.pc += 1
    return Instr("CHAIN", None, line, col, run)


def _chain(exc: SimException, handled: Any) -> None:
    """`exc.__context__ = handled`, unless it is `exc` itself; a chain that would come back
    to `exc` is cut where it would, as CPython cuts it (`_PyErr_SetObject`)."""
    if handled is exc or not isinstance(handled, SimException):
        return
    link: Any = handled
    while isinstance(link, SimException) and link.attrs:
        if link.attrs.get("__context__") is exc:
            link.attrs["__context__"] = None
            break
        link = link.attrs.get("__context__")
    attrs = exc.attrs
    if attrs is None:
        attrs = {}
        object.__setattr__(exc, "attrs", attrs)
    attrs["__context__"] = handled
