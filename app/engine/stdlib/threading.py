"""`threading`: threads, the synchronisation primitives (app/engine/primitives.py) and the
module's functions, the deprecated camelCase names CPython 3.13 still accepts included."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import primitives as prim
from ..calls import Builtin
from ..machine import PID
from ..values import ExceptionClass, ThreadHandle, ThreadLocal, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def _thread_ctor(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> ThreadHandle:
    names = ("group", "target", "name", "args", "kwargs")
    daemon = kwargs.pop("daemon", None)
    group, target, name, targs, tkwargs = prim.bind("Thread", args, kwargs, names,
                                                    (None, None, None, (), None))
    if group is not None:
        raise fail("AssertionError", "group argument must be None for now")
    new = m.new_thread(th, name, target, targs, tkwargs or {}, daemon)
    return new.handle


def _ctor(make: Callable[..., Any], names: tuple[str, ...], defaults: tuple[Any, ...],
          kind: str) -> Builtin:
    def run(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        obj = make(*prim.bind(kind, args, kwargs, names, defaults))
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
    return [t.handle for t in m.threads if t.state == "alive"]


def _active_count(m: Machine, th: Thread) -> int:
    return sum(t.state == "alive" for t in m.threads)


def _function(name: str, fn: Callable[..., Any], shared: str = "never") -> Builtin:
    return Builtin(name, fn, shared, "threading")


_current_thread = _function("current_thread", lambda m, th: th.handle)

TABLE: dict[str, Any] = {
    "Thread": _function("Thread", _thread_ctor),
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
    "enumerate": _function("enumerate", _alive, "always"),
    # The names CPython 3.13 still accepts, with a DeprecationWarning.
    "currentThread": _function("currentThread", lambda m, th: th.handle),
    "activeCount": _function("activeCount", _active_count, "always"),
    "BrokenBarrierError": ExceptionClass("BrokenBarrierError"),
    "ThreadError": ExceptionClass("RuntimeError"),
    "TIMEOUT_MAX": prim.TIMEOUT_MAX,
}


HINT = "Supported: " + ", ".join(sorted(TABLE)) + "."
