"""`atexit`: `register` and `unregister`, for the lessons that clean up (close a pool, print a
summary) when the program ends.

CPython runs the functions once the main thread's code is over and `threading._shutdown` has
joined every non-daemon thread, last registered first, in the main thread; daemon threads are
still running meanwhile. Here the main thread, its code over, runs `_RUN` (compiled by our
compiler, so each join and each function's steps are the program's kind of steps): it joins
the non-daemon threads, then calls the functions. One that raises is reported on stderr, as
CPython's "Exception ignored in atexit callback", and the others still run.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..code import COMPILERS, Code
from ..machine import AT_EXIT, SHUT_DOWN, push_frame
from ..upcalls import UP
from ..values import Function, SimException, display, fail, represent
from .threading import TABLE as THREADING

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from atexit: register, unregister."

#: `threading._shutdown`, then `atexit._run_exitfuncs`.
_RUN = '''
def _run_exitfuncs(functions, enumerate, main, report):
    while True:
        others = [t for t in enumerate() if t is not main and not t.daemon]
        if not others:
            break
        for t in others:
            t.join()
    while functions:
        function, args, kwargs = functions.pop()
        try:
            function(*args, **kwargs)
        except BaseException as exc:
            report(function, exc)
'''


@cache
def _run_code() -> Code:
    code = COMPILERS.function(_RUN)
    code.qualname = "atexit._run_exitfuncs"
    return code


def _register(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    if not args:
        raise fail("TypeError", "register() takes at least 1 argument (0 given)")
    function, rest = args[0], list(args[1:])
    m.globals.setdefault(AT_EXIT, []).append((function, rest, kwargs))
    return function


def _unregister(m: Machine, th: Thread, function: Any) -> None:
    functions = m.globals.get(AT_EXIT)
    if functions:
        functions[:] = [f for f in functions if f[0] is not function and f[0] != function]


def _report(m: Machine, th: Thread, function: Any, exc: SimException) -> None:
    """CPython's report of a function that raised, without the traceback's frames."""
    message = display(exc)
    m.write([f"Exception ignored in atexit callback {represent(function)}:\n"
             f"{exc.type}{': ' + message if message else ''}\n"], "stderr")


def at_exit(m: Machine, th: Thread) -> None:
    """The main thread's code is over: it runs `_run_exitfuncs` next (the thread pools' workers
    end meanwhile, as CPython's `_python_exit` tells them to before the joins)."""
    functions = m.globals.pop(AT_EXIT)
    m.globals[SHUT_DOWN] = True
    push_frame(m, th, Function(_run_code()),
               [functions, THREADING["enumerate"], th.handle, _REPORT], {})


UP.at_exit = at_exit
_REPORT = Builtin("report", _report, "always", "atexit")

TABLE: dict[str, Any] = {
    "register": Builtin("register", _register, "always", "atexit"),
    "unregister": Builtin("unregister", _unregister, "always", "atexit"),
    ".report": _REPORT,  # not a name a program can write: in the table for snapshots only
}
