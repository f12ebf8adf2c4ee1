"""`traceback`: `print_exc()`, `format_exc()`, `print_exception()`, `format_exception()`
and `format_exception_only()`, for the worker that reports an exception it caught, and
`print_tb()`, `format_tb()` and `extract_tb()` for the frames of its `__traceback__`.

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

`sys.exc_info()` is here too, as it finds the same exception: `(type, value, traceback)`;
`sys` cannot name the classes without standing above the built-ins (library.py puts it in
sys's table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..introspection import type_of
from ..machine import reported
from ..tracebacks import TracebackValue, frame_lines, lines, only, summaries, traceback_value
from ..values import ExceptionClass, SimException, fail, type_name
from .log_handlers import handled
from .sys import current, write_to

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from traceback: print_exc, format_exc, print_exception, format_exception, "
        "format_exception_only, print_tb, format_tb, extract_tb.")
#: No `tb` given: the exception's own frames are shown.
_OWN = object()


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


def _frames_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
    """The frames `print_exception(type, value, tb)` shows: tb's (none for None), or, with
    no tb given, the exception's own (None)."""
    tb = args[2] if len(args) > 2 else kwargs.pop("tb", _OWN)
    if tb is _OWN:
        return None
    return () if tb is None else _traceback(tb).entries


def _traceback(tb: Any) -> TracebackValue:
    if not isinstance(tb, TracebackValue):
        raise fail("AttributeError", f"'{type_name(tb)}' object has no attribute 'tb_frame'")
    return tb


def _limited(items: list[Any], limit: Any) -> list[Any]:
    """The first `limit` frames, or with a negative limit the last; all for None."""
    if limit is None:
        return items
    if not isinstance(limit, int):
        raise fail("TypeError", f"'>=' not supported between instances of "
                                f"'{type_name(limit)}' and 'int'")
    return items[:limit] if limit >= 0 else items[limit:]


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
    frames = _frames_of(args, kwargs)
    _write(m, th, file, _report(m, _exception_of(args, kwargs, "print_exception"), frames))


def _format_exception(m: Machine, th: Thread, *args: Any, limit: Any = None,
                      chain: Any = True, **kwargs: Any) -> list[str]:
    frames = _frames_of(args, kwargs)
    return _report(m, _exception_of(args, kwargs, "format_exception"), frames)


def _format_tb(m: Machine, th: Thread, tb: Any, limit: Any = None) -> list[str]:
    if tb is None:
        return []
    return frame_lines(m.program, _limited(list(_traceback(tb).entries), limit))


def _print_tb(m: Machine, th: Thread, tb: Any, limit: Any = None, file: Any = None) -> None:
    _write(m, th, file, _format_tb(m, th, tb, limit))


def _extract_tb(m: Machine, th: Thread, tb: Any, limit: Any = None) -> list[Any]:
    if tb is None:
        return []
    return _limited(summaries(m.program, _traceback(tb).entries), limit)


def _format_exception_only(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> list[str]:
    exc = _exception_of(args, kwargs, "format_exception_only")
    return ["NoneType: None\n"] if exc is None else only(reported(exc))


def _report(m: Machine, exc: SimException | None, frames: tuple[Any, ...] | None = None
            ) -> list[str]:
    """The lines of `exc`'s report, its text by its class's own `__str__`, if any."""
    return lines(m.program, None if exc is None else reported(exc), frames=frames)


def exc_info(m: Machine, th: Thread) -> tuple[Any, Any, Any]:
    """`sys.exc_info()`: the exception being handled, or `(None, None, None)`."""
    exc = handled(th)
    if exc is None:
        return None, None, None
    return type_of(exc), exc, traceback_value(exc.tb, m.program.filename)


TABLE: dict[str, Any] = {name: Builtin(name, fn, "always", "traceback") for name, fn in (
    ("print_exc", _print_exc), ("format_exc", _format_exc),
    ("print_exception", _print_exception), ("format_exception", _format_exception),
    ("format_exception_only", _format_exception_only), ("print_tb", _print_tb),
    ("format_tb", _format_tb), ("extract_tb", _extract_tb))}
