"""`contextlib`: `contextmanager` (a generator as a `with` block's manager: the timer a
lesson wraps around its threads), `suppress`, `nullcontext`, `redirect_stdout`,
`redirect_stderr`, `closing` and `ExitStack`.

A `@contextmanager` function is a `ManagerFactory`; calling it makes the generator and wraps
it in a `GeneratorManager`. `__enter__` resumes the generator (its code runs as the thread's
own steps, generators.resume) and gives what it yields; `__exit__` resumes it again, to its
end. When the block ends with an exception, it is thrown into the generator at its `yield`,
as CPython does: a `finally` around the `yield` runs (the lock it releases is released), and
an `except` there that lets the generator end swallows the exception (`__exit__` is True).

`ExitStack` and `closing` are CPython's Python, run as the program's code (stdlib/written.py):
an ExitStack's `enter_context(lock)` is the lock's acquire, a step that may wait, and
`closing(thing)` calls the program's own `thing.close()`.

`redirect_stdout(buf)` rebinds the program's `sys.stdout` (sys.py's `redirect`) for its block,
for every thread, as CPython's does: `print()` writes to `buf` meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import call_value
from ..generators import PUSHED, Generator, resume, throw
from ..introspection import isinstance_
from ..upcalls import UP
from ..values import Function, LibraryObject, fail, type_name
from .io import File
from .sys import REDIRECTS, Stream
from .written import library_classes

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_MANAGER_METHODS = frozenset({"__enter__", "__exit__"})


def _raised(args: list[Any]) -> Any:
    """The exception `__exit__(type, value, traceback)` was given, or None."""
    return args[1] if len(args) == 3 else None


class ManagerFactory(LibraryObject):
    """A function decorated with `@contextmanager`."""

    __slots__ = ("fn",)
    METHODS = frozenset({"__call__"})
    ATTRIBUTES = frozenset({"__name__"})
    BINDS = True  # `@contextmanager` on a method

    def __init__(self, fn: Any) -> None:
        self.fn = fn

    def __repr__(self) -> str:
        return f"<function {self.attribute('__name__')}>"

    def attribute(self, name: str) -> Any:
        return self.fn.name if isinstance(self.fn, Function) else "?"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if not (isinstance(self.fn, Function) and self.fn.code.generator):
            raise fail("TypeError", f"@contextmanager needs a generator function (one with "
                                    f"`yield`), not {type_name(self.fn)}")
        _, gen, _ = call_value(m, th, self.fn, args, kwargs)  # makes the generator
        return GeneratorManager(gen)


class GeneratorManager(LibraryObject):
    """What calling a `@contextmanager` function gives: the `with` block's manager."""

    __slots__ = ("gen",)
    METHODS = _MANAGER_METHODS
    EXIT_SEES_EXCEPTION = True

    def __init__(self, gen: Generator) -> None:
        self.gen = gen

    def __repr__(self) -> str:
        return "<contextlib._GeneratorContextManager object>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        raised = _raised(args) if name == "__exit__" else None
        if raised is not None:
            throw(m, th, self.gen, ("exit", True, "generator didn't stop after throw()"),
                  raised)
            return PUSHED
        if name == "__enter__":
            resume(m, th, self.gen, ("enter",))
        else:
            resume(m, th, self.gen, ("exit", False, "generator didn't stop"))
        return PUSHED


class Suppress(LibraryObject):
    """`suppress(*exceptions)`: a `with` block whose exception of those classes is dropped."""

    __slots__ = ("kinds",)
    METHODS = _MANAGER_METHODS
    EXIT_SEES_EXCEPTION = True

    def __init__(self, kinds: tuple[Any, ...]) -> None:
        self.kinds = kinds

    def __repr__(self) -> str:
        return "<contextlib.suppress object>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        raised = _raised(args) if name == "__exit__" else None
        if raised is not None:
            return any(isinstance_(m, th, raised, kind) for kind in self.kinds)
        return None


class NullContext(LibraryObject):
    """`nullcontext(value)`: a `with` block's manager that gives `value` and does nothing."""

    __slots__ = ("value",)
    METHODS = _MANAGER_METHODS

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<contextlib.nullcontext object>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        return self.value if name == "__enter__" else None


class Redirect(LibraryObject):
    """`redirect_stdout(target)` or `redirect_stderr(target)`: the stream names `target` for
    the block, then what it named before (a stack, as CPython's `_old_targets`)."""

    __slots__ = ("stream", "target", "old")
    METHODS = _MANAGER_METHODS

    def __init__(self, stream: str, target: Any) -> None:
        self.stream = stream
        self.target = target
        self.old: list[Any] = []

    def __repr__(self) -> str:
        return f"<contextlib.redirect_{self.stream} object>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        hidden = REDIRECTS[self.stream]
        if name == "__enter__":
            self.old.append(m.globals.get(hidden))
            m.globals[hidden] = self.target
            return self.target
        previous = self.old.pop()
        if previous is None:
            m.globals.pop(hidden, None)
        else:
            m.globals[hidden] = previous
        return None


def _redirect(stream: str) -> Builtin:
    def make(m: Machine, th: Thread, new_target: Any) -> Redirect:
        if new_target is not None and not isinstance(new_target, Stream | File):
            raise fail("TypeError", f"redirect_{stream}() writes to sys.stdout, sys.stderr, a "
                                    f"file or a StringIO, not {type_name(new_target)}")
        return Redirect(stream, new_target)
    return Builtin(f"redirect_{stream}", make, module="contextlib")


TABLE: dict[str, Any] = {
    "redirect_stdout": _redirect("stdout"),
    "redirect_stderr": _redirect("stderr"),
    "contextmanager": Builtin("contextmanager", lambda m, th, fn: ManagerFactory(fn),
                              module="contextlib"),
    "suppress": Builtin("suppress", lambda m, th, *kinds: Suppress(kinds),
                        module="contextlib"),
    "nullcontext": Builtin("nullcontext", lambda m, th, value=None: NullContext(value),
                           module="contextlib"),
}


#: CPython 3.13's `ExitStack` (Lib/contextlib.py), its synchronous half: the callbacks are
#: called last in, first out, each seeing the exception the ones before it left.
EXIT_STACK = '''
def _make():
    class ExitStack:
        def __init__(self):
            self._exit_callbacks = []

        def __enter__(self):
            return self

        def enter_context(self, cm):
            if not (hasattr(cm, "__enter__") and hasattr(cm, "__exit__")):
                cls = type(cm)
                raise TypeError(f"'{getattr(cls, '__module__', 'builtins')}.{cls.__name__}' "
                                f"object does not support the context manager protocol")
            result = cm.__enter__()
            self._exit_callbacks.append((True, cm))
            return result

        def push(self, exit):
            self._exit_callbacks.append((hasattr(exit, "__exit__"), exit))
            return exit

        def callback(self, callback, /, *args, **kwds):
            self._exit_callbacks.append((False, (callback, args, kwds)))
            return callback

        def pop_all(self):
            new_stack = ExitStack()
            new_stack._exit_callbacks = self._exit_callbacks
            self._exit_callbacks = []
            return new_stack

        def close(self):
            self.__exit__(None, None, None)

        def __exit__(self, exc_type, exc, tb):
            received_exc = exc is not None
            suppressed_exc = False
            pending_raise = False
            while self._exit_callbacks:
                is_cm, entry = self._exit_callbacks.pop()
                try:
                    if exc is None:
                        exc_type = tb = None
                    else:
                        exc_type = type(exc)
                    if is_cm:
                        stopped = entry.__exit__(exc_type, exc, tb)
                    elif isinstance(entry, tuple):
                        stopped = entry[0](*entry[1], **entry[2])
                    else:
                        stopped = entry(exc_type, exc, tb)
                    if stopped:
                        suppressed_exc = True
                        pending_raise = False
                        exc = None
                except BaseException as new_exc:
                    pending_raise = True
                    exc = new_exc
            if pending_raise:
                raise exc
            return received_exc and suppressed_exc

    class closing:
        def __init__(self, thing):
            self.thing = thing

        def __enter__(self):
            return self.thing

        def __exit__(self, *exc_info):
            self.thing.close()
    return {"contextlib.ExitStack": ExitStack, "contextlib.closing": closing}

_made = _make(*_given)
'''


def _written(name: str) -> Builtin:
    """`ExitStack()`, `closing(thing)`: an object of the machine's own class
    (stdlib/written.py)."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        cls = library_classes(m, "contextlib", EXIT_STACK)[f"contextlib.{name}"]
        made, obj = UP.call_value(m, th, cls, list(args), kwargs)[:2]
        return obj if made else PUSHED
    return Builtin(name, make, module="contextlib")


TABLE["ExitStack"] = _written("ExitStack")
TABLE["closing"] = _written("closing")
HINT = ("Supported from contextlib: contextmanager, suppress, nullcontext, redirect_stdout, "
        "redirect_stderr, closing, ExitStack.")
