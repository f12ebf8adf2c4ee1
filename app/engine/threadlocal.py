"""Objects of a program's `threading.local` subclass (`class Context(threading.local)`):
each thread sees its own attributes, and `__init__` runs again, with the arguments the
object was made with, in each other thread the first time it touches the object (as
CPython's `_thread._local` does); the methods are the class's, shared.

A `LocalInstance` is an `Instance` (its class, its special methods) whose `attrs` is swapped
to the current thread's dict before every attribute access (objects.get and set_value, which
such an object always reaches: the fast paths test `type(obj) is Instance`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .classes import Instance, UserClass
from .nested import call_now
from .values import Function

if TYPE_CHECKING:
    from .machine import Machine, Thread


class LocalInstance(Instance):
    __slots__ = ("data", "init")

    def __init__(self, cls: UserClass, serial: int, tid: int, args: list[Any],
                 kwargs: dict[str, Any]) -> None:
        super().__init__(cls, serial)
        self.data: dict[int, dict[str, Any]] = {tid: self.attrs}
        #: The arguments each thread's first touch runs `__init__` with.
        self.init = (list(args), dict(kwargs))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_new, (self.serial,), (self.cls, self.attrs, self.label, self.building,
                                       self.data, self.init))

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.cls, self.attrs, self.label, self.building, self.data, self.init = state


def _new(serial: int) -> LocalInstance:
    obj = LocalInstance.__new__(LocalInstance)
    obj.serial = serial
    return obj


def is_local_class(value: Any) -> bool:
    """Whether `value` is `threading.local` (a class may derive from it)."""
    return getattr(value, "key", None) == "threading.local"


def enter(m: Machine, th: Thread, obj: LocalInstance) -> None:
    """Make `obj.attrs` the current thread's; a thread's first touch runs `__init__`."""
    own = obj.data.get(th.tid)
    if own is not None:
        obj.attrs = own
        return
    obj.attrs = obj.data[th.tid] = {}
    init = obj.cls.lookup("__init__")
    if isinstance(init, Function):
        args, kwargs = obj.init
        call_now(m, th, init, [obj, *args], kwargs)
