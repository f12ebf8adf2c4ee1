"""`traceback`: `print_exc()`, `format_exc()`, `print_exception()`, `format_exception()`
and `format_exception_only()`, for the worker that reports an exception it caught.

The exception is the one the calling code is handling (the hidden local its `except` keeps,
as logging's `exception()` finds it), or the one given. Its report is CPython 3.13's, with
the frames it passed through (tracebacks.py):

    Traceback (most recent call last):
      File "prog.py", line 9, in <module>
        f(0)
        ~^^^
      File "prog.py", line 3, in f
        return 1 / x
               ~~^~~
    ZeroDivisionError: division by zero

`print_*` write to the program's stderr, or to `file=sys.stdout`.

`sys.exc_info()` is here too, as it finds the same exception: `(type, value, None)`, as no
traceback object is modelled (`exc.__traceback__` is None too); `sys` cannot name the classes
without standing above the built-ins (library.py puts it in sys's table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..introspection import type_of
from ..machine import reported
from ..tracebacks import lines, only
from ..values import ExceptionClass, SimException, fail, type_name
from .log_handlers import handled
from .sys import current, write_to

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from traceback: print_exc, format_exc, print_exception, format_exception, "
        "format_exception_only.")


def _exception_of(args: tuple[Any, ...], kwargs: dict[str, Any], fname: str) -> Any:
    """The exception `print_exception(exc)` or `print_exception(type, value, tb)` names."""
    value = kwargs.pop("value", None)
    if args:
        value = args[1] if len(args) > 1 else args[0]
    if value is None:
        return None
    if isinstance(value, ExceptionClass):
        return SimException(value.name)
    if not isinstance(value, SimException):
        raise fail("TypeError", f"{fname}(): exception must be an exception, not "
                                f"{type_name(value)}")
    return value


def _write(m: Machine, th: Thread, file: Any, lines: list[str]) -> None:
    """Each line as CPython's `print(line, file=file, end="")` writes it: the line, then
    the empty end (a program's own file object sees both calls)."""
    pieces = [piece for line in lines for piece in (line, "")]
    write_to(m, current(m, "stderr") if file is None else file, pieces, th)


def _print_exc(m: Machine, th: Thread, limit: Any = None, file: Any = None,
               chain: Any = True) -> None:
    _write(m, th, file, _report(m, handled(th)))


def _format_exc(m: Machine, th: Thread, limit: Any = None, chain: Any = True) -> str:
    return "".join(_report(m, handled(th)))


def _print_exception(m: Machine, th: Thread, *args: Any, limit: Any = None, file: Any = None,
                     chain: Any = True, **kwargs: Any) -> None:
    _write(m, th, file, _report(m, _exception_of(args, kwargs, "print_exception")))


def _format_exception(m: Machine, th: Thread, *args: Any, limit: Any = None,
                      chain: Any = True, **kwargs: Any) -> list[str]:
    return _report(m, _exception_of(args, kwargs, "format_exception"))


def _format_exception_only(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> list[str]:
    exc = _exception_of(args, kwargs, "format_exception_only")
    return ["NoneType: None\n"] if exc is None else only(reported(exc))


def _report(m: Machine, exc: SimException | None) -> list[str]:
    """The lines of `exc`'s report, its text by its class's own `__str__`, if any."""
    return lines(m.program, None if exc is None else reported(exc))


def exc_info(m: Machine, th: Thread) -> tuple[Any, Any, None]:
    """`sys.exc_info()`: the exception being handled, or `(None, None, None)`."""
    exc = handled(th)
    return (None, None, None) if exc is None else (type_of(exc), exc, None)


TABLE: dict[str, Any] = {name: Builtin(name, fn, "always", "traceback") for name, fn in (
    ("print_exc", _print_exc), ("format_exc", _format_exc),
    ("print_exception", _print_exception), ("format_exception", _format_exception),
    ("format_exception_only", _format_exception_only))}
