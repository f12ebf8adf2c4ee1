"""`threading`: threads, the synchronisation primitives (app/engine/primitives.py) and the
module's functions, the deprecated camelCase names CPython 3.13 still accepts included.

`threading.excepthook = hook` (compiled as a call of `set_excepthook`) keeps the program's
hook with its state (a hidden variable): a thread other than the main one that ends with an
exception then calls `hook(args)` as its last code, as CPython's `Thread._bootstrap_inner`
does, and ends normally, the exception not reported; if the hook raises, the thread ends
with that exception.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .. import primitives as prim
from ..binding import bind_params
from ..builtin import Builtin, ModuleVariable
from ..code import COMPILERS, Code
from ..deprecation import warn
from ..introspect import LIBRARY_TYPES
from ..machine import EXCEPTHOOK, HOOK_CODE_NAME, PID, Machine, push_frame
from ..objects import NATIVES, type_label
from ..threadstate import ALIVE
from ..tracebacks import traceback_value
from ..upcalls import UP
from ..values import (
    TYPE_NAMES,
    ExceptionClass,
    Function,
    SimException,
    ThreadHandle,
    ThreadLocal,
    fail,
    type_name,
)

if TYPE_CHECKING:
    from ..machine import Thread


def _init(kind: str, names: tuple[str, ...], defaults: tuple[Any, ...],
          kwonly: tuple[str, ...] = ()) -> Callable[[tuple[Any, ...], dict[str, Any]], list[Any]]:
    """The arguments of `kind(...)`, bound to `kind.__init__(self, *names, *, *kwonly)` (every
    keyword-only one with a default, last in `defaults`): CPython's is Python code, so its
    TypeErrors are a Python function's, `self` counted."""
    init = Function(Code("__init__", ("self", *names), kwonly=kwonly, kwdefaults=kwonly,
                         qualname=f"{kind}.__init__"), defaults)

    def bound(args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
        values = bind_params(init, [None, *args], kwargs)
        return [values[name] for name in (*names, *kwonly)]
    return bound


def _lock_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
    """`threading.Lock()` is C code (`_thread.lock`), in its own words."""
    if kwargs:
        raise fail("TypeError", "lock() takes no keyword arguments")
    if args:
        raise fail("TypeError", f"lock expected 0 arguments, got {len(args)}")
    return []


_THREAD_ARGS = _init("Thread", ("group", "target", "name", "args", "kwargs"),
                     (None, None, None, (), None, None), ("daemon",))


def _thread_ctor(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> ThreadHandle:
    group, target, name, targs, tkwargs, daemon = _THREAD_ARGS(args, kwargs)
    if group is not None:
        raise fail("AssertionError", "group argument must be None for now")
    new = m.new_thread(th, name, target, targs, tkwargs or {}, daemon)
    return new.handle


# -- excepthook -------------------------------------------------------------------------------

class ExceptHookArgs(NamedTuple):
    """What the hook gets (CPython's `_thread._ExceptHookArgs`)."""

    exc_type: Any
    exc_value: Any
    exc_traceback: Any
    thread: Any


TYPE_NAMES[ExceptHookArgs] = lambda args: "_ExceptHookArgs"


def _set_excepthook(m: Machine, th: Thread, hook: Any) -> None:
    if hook is DEFAULT_HOOK:  # `threading.excepthook = threading.__excepthook__`
        m.globals.pop(EXCEPTHOOK, None)
    else:
        m.globals[EXCEPTHOOK] = hook


def _default_hook(m: Machine, th: Thread, args: Any) -> None:
    """`threading.__excepthook__(args)` (a program's hook passing the exception on): the
    exception reported as ending `args.thread`, as when no hook is set."""
    if not isinstance(args, ExceptHookArgs):
        raise fail("TypeError", "_thread._excepthook argument type must be ExceptHookArgs")
    if isinstance(args.exc_value, SimException) and args.exc_value.type != "SystemExit":
        tid = args.thread.tid if isinstance(args.thread, ThreadHandle) else th.tid
        m.errors.append((tid, args.exc_value))


#: CPython's `_thread._excepthook`, which `threading.__excepthook__` keeps.
DEFAULT_HOOK = Builtin("_excepthook", _default_hook, "always", "threading")


SET_EXCEPTHOOK = Builtin("set_excepthook", _set_excepthook, "always", "threading")


@cache
def _hook_code() -> Any:
    code = COMPILERS.function("def call_hook(hook, args):\n    hook(args)\n")
    code.name = HOOK_CODE_NAME
    return code


def run_excepthook(m: Machine, th: Thread, exc: SimException) -> bool:
    """Call the program's hook for the exception that ends `th`, if it set one and `th` is
    not the main thread; whether it did."""
    hook = m.globals.get(EXCEPTHOOK)
    if hook is None or th.tid == 0:
        return False
    kind = exc.cls if exc.cls is not None else ExceptionClass(exc.type)
    tb = traceback_value(exc.tb, m.program.filename)
    push_frame(m, th, Function(_hook_code()), [hook, ExceptHookArgs(kind, exc, tb, th.handle)],
               {})
    return True


# -- Timer ------------------------------------------------------------------------------------

#: `threading.Timer.run` (Lib/threading.py), compiled by our compiler like a program's code, so
#: the timer thread's wait, the call and the final `set` are the steps CPython's code takes.
_TIMER_RUN = """
def run(finished, interval, function, args, kwargs):
    finished.wait(interval)
    if not finished.is_set():
        function(*args, **kwargs)
    finished.set()
"""


@cache
def _timer_run() -> Function:
    run = Machine(COMPILERS.program(_TIMER_RUN)).globals["run"]
    code = run.code
    code.name = code.qualname = "Timer.run"
    for ins in code.instrs:
        ins.line = ins.col = 0  # not a line of the program's
    return cast("Function", run)


def _timer(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> ThreadHandle:
    """`threading.Timer(interval, function, args=None, kwargs=None)`: a thread named
    `Thread-N` that waits `interval` seconds on its Event (`finished`), then calls `function`
    unless `cancel()` set the Event first."""
    interval, function, targs, tkwargs = prim.bind("Timer", args, kwargs, (
        "interval", "function", "args", "kwargs"), (None, None))
    finished = prim.Event()
    name = m.default_name(None)  # Timer.__init__ gives Thread.__init__ no target
    finished.label = f"{name}'s timer"
    # The arguments as a list of their own: the thread's header and its frame then hold
    # the same object, which a state in parts keeps one (a tuple it would copy).
    targs = [] if targs is None else list(targs) if isinstance(targs, tuple) else targs
    tkwargs = {} if tkwargs is None else tkwargs
    new = m.new_thread(th, name, _timer_run(), (finished, interval, function, targs, tkwargs),
                       {}, None)
    # The attributes CPython's Timer has (`timer.finished.is_set()`).
    new.handle.attrs.update(interval=interval, function=function, args=targs, kwargs=tkwargs,
                            finished=finished)
    return new.handle


def timer_init(m: Machine, th: Thread, handle: ThreadHandle, interval: Any, function: Any,
               args: Any = None, kwargs: Any = None) -> None:
    """`threading.Timer.__init__` on an object of a Timer subclass: the attributes CPython's
    sets (`interval`, `function`, `args`, `kwargs`, the Event `finished`), which a subclass's
    own `run()` uses (the repeating-timer recipe), and Timer's run as the default."""
    NATIVES["Thread.__init__"].fn(m, th, handle)
    finished = prim.Event()
    finished.label = f"{handle.name}'s timer"
    targs = [] if args is None else args
    tkwargs = {} if kwargs is None else kwargs
    handle.attrs.update(interval=interval, function=function, args=targs, kwargs=tkwargs,
                        finished=finished)
    target = m.threads[handle.tid]
    target.target, target.args = _timer_run(), (finished, interval, function, targs, tkwargs)


def cancel_timer(m: Machine, th: Thread, handle: ThreadHandle) -> tuple[bool, Any, str]:
    """`timer.cancel()`: set the timer's Event, so it calls nothing if it has not yet."""
    target = m.threads[handle.tid]
    finished = handle.attrs.get("finished") if handle.cls is not None else None
    if not isinstance(finished, prim.Event):
        if getattr(target.target, "code", None) is not _timer_run().code:  # a copy's is rebuilt
            raise fail("AttributeError", "'Thread' object has no attribute 'cancel'")
        finished = target.args[0]
    done = prim.Event.METHODS["set"](m, th, finished, [])
    assert isinstance(done, prim.Done)
    return True, None, f"cancel {target.name}: {done.text}"


def _ctor(make: Callable[..., Any], names: tuple[str, ...], defaults: tuple[Any, ...],
          kind: str) -> Builtin:
    bound = _lock_args if kind == "Lock" else _init(kind, names, defaults)

    def run(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        obj = make(*bound(args, kwargs))
        m.serial += 1
        obj.label = f"{kind}#{m.serial}"
        return obj
    return Builtin(kind, run, module="threading")


def _condition(lock: Any = None) -> prim.Condition:
    if lock is None:
        lock = prim.RLock()
        lock.label = "its RLock"
    elif not isinstance(lock, prim.Lock):
        raise fail("AttributeError",
                   f"'{type_name(lock)}' object has no attribute 'acquire'")
    return prim.Condition(lock)


def _alive(m: Machine, th: Thread) -> list[ThreadHandle]:
    """`threading.enumerate()`: the threads started and not yet finished, oldest first."""
    return [t.handle for t in m.threads if t.state == ALIVE]


def _active_count(m: Machine, th: Thread) -> int:
    return sum(t.state == ALIVE for t in m.threads)


def _function(name: str, fn: Callable[..., Any], shared: str = "never") -> Builtin:
    return Builtin(name, fn, shared, "threading")


def _old(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A camelCase name CPython 3.13 still accepts, with its DeprecationWarning."""
    def call(m: Machine, th: Thread) -> Any:
        warn(m, th, name)
        return fn(m, th)
    return call


_current_thread = _function("current_thread", lambda m, th: th.handle)
#: Where a machine keeps the size `threading.stack_size(n)` set (a name no program can write).
_STACK_SIZE = ".stack_size"


def _stack_size(m: Machine, th: Thread, *args: Any) -> int:
    """`threading.stack_size([size])`: the size new threads would get, 0 for the platform's
    default; a size is checked as CPython checks it, kept, and changes nothing simulated."""
    if len(args) > 1:
        raise fail("TypeError", f"stack_size expected at most 1 argument, got {len(args)}")
    old = cast("int", m.globals.get(_STACK_SIZE, 0))
    if args:
        size = args[0]
        if not isinstance(size, int):
            raise fail("TypeError", f"'{type_name(size)}' object cannot be interpreted as an "
                                    f"integer")
        if size < 0:
            raise fail("ValueError", "size must be 0 or a positive value")
        if 0 < size < 32768:
            raise fail("ValueError", f"size not valid: {int(size)} bytes")
        m.globals[_STACK_SIZE] = int(size)
    return old


TABLE: dict[str, Any] = {
    "Thread": _function("Thread", _thread_ctor),
    "Timer": _function("Timer", _timer),
    "Lock": _ctor(prim.Lock, (), (), "Lock"),
    "RLock": _ctor(prim.RLock, (), (), "RLock"),
    "Condition": _ctor(_condition, ("lock",), (None,), "Condition"),
    "Semaphore": _ctor(prim.Semaphore, ("value",), (1,), "Semaphore"),
    "BoundedSemaphore": _ctor(lambda v: prim.Semaphore(v, bounded=True), ("value",), (1,),
                              "BoundedSemaphore"),
    "Event": _ctor(prim.Event, (), (), "Event"),
    "Barrier": _ctor(prim.Barrier, ("parties", "action", "timeout"), (None, None),
                     "Barrier"),
    "local": _function("local", lambda m, th: ThreadLocal()),
    "current_thread": _current_thread,
    "main_thread": _function("main_thread", lambda m, th: m.threads[0].handle),
    "get_ident": _function("get_ident", lambda m, th: th.tid),
    "get_native_id": _function("get_native_id", lambda m, th: PID + th.tid),
    "active_count": _function("active_count", _active_count, "always"),
    "stack_size": _function("stack_size", _stack_size, "always"),
    "enumerate": _function("enumerate", _alive, "always"),
    # The names CPython 3.13 still accepts, with a DeprecationWarning.
    "currentThread": _function("currentThread", _old(lambda m, th: th.handle, "currentThread")),
    "activeCount": _function("activeCount", _old(_active_count, "activeCount"), "always"),
    "BrokenBarrierError": ExceptionClass("BrokenBarrierError"),
    "ThreadError": ExceptionClass("RuntimeError"),
    "TIMEOUT_MAX": prim.TIMEOUT_MAX,
}


#: The classes `isinstance` takes (`RLock` is a factory: CPython refuses it), each with the
#: kinds of primitive that are its objects.
_CLASSES = {"Lock": ("Lock",), "Condition": ("Condition",), "Event": ("Event",),
            "Semaphore": ("Semaphore", "BoundedSemaphore"),
            "BoundedSemaphore": ("BoundedSemaphore",), "Barrier": ("Barrier",)}


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, threading.Event)` (see `introspect.LIBRARY_TYPES`)."""
    if not isinstance(cls, Builtin) or cls.module != "threading" or cls.name not in _CLASSES:
        return None
    return isinstance(obj, prim.Primitive) and obj.kind in _CLASSES[cls.name]


LIBRARY_TYPES.append(_instance)

HINT = ("Supported: " + ", ".join(sorted(TABLE)) + ", and setting threading.excepthook.")
TABLE["set_excepthook"] = SET_EXCEPTHOOK  # what `threading.excepthook = hook` calls
TABLE["__excepthook__"] = DEFAULT_HOOK
TABLE["excepthook"] = ModuleVariable(_function(
    "excepthook", lambda m, th: m.globals.get(EXCEPTHOOK, DEFAULT_HOOK)))


def _timer_init_native(m: Machine, th: Thread, obj: Any, *args: Any, **kwargs: Any) -> None:
    if not isinstance(obj, ThreadHandle):
        raise fail("TypeError", f"descriptor '__init__' requires a 'Timer' object but "
                                f"received a '{type_label(obj)}'")
    timer_init(m, th, obj, *args, **kwargs)


# `Timer.__init__` among the natives (objects.native_init), and the program's excepthook for
# the machine: both are the library's, which stands above them (upcalls.py).
NATIVES["Timer.__init__"] = Builtin("__init__", _timer_init_native, module="Timer")
UP.excepthook = run_excepthook
