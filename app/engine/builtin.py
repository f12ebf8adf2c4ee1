"""`Builtin`: a built-in function or a library module's function, as a program's value.

Its own module so that every part of the runtime can make one (calls, objects, stdlib)
without importing the machinery that calls them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .iterators import WaitingIter
from .values import fail

#: What other threads may change the contents of: a touch of one is a step (a Counter or a
#: defaultdict is a dict; `collections.deque` is the host's own, app/engine/stdlib/collections).
CONTAINERS = (list, dict, set, deque)
#: Arguments that make a built-in's call a step: shared containers, and results still to
#: come (`list(executor.map(…))`, which waits for them: see `instructions.functions._call`).
_STEP_ARGS = (*CONTAINERS, WaitingIter)
#: The built-ins that take every item of a generator given to them (by key): its code runs
#: first, as the thread's own (generators.collect), so it does not make their call a step.
COLLECTING = frozenset({"list", "tuple", "set", "frozenset", "dict", "sorted", "sum", "min",
                        "max", "collections.deque", "collections.Counter",
                        "collections.OrderedDict", "collections.defaultdict", "math.prod",
                        "math.fsum"})
#: Built-ins that are classes in CPython (`<class 'int'>`), by key.
CLASSES = frozenset({"int", "float", "str", "bool", "list", "dict", "tuple", "set",
                     "frozenset", "range", "enumerate", "zip", "reversed", "map", "filter",
                     "object", "type", "threading.Thread", "collections.deque",
                     "collections.defaultdict", "collections.Counter", "collections.OrderedDict",
                     "collections.ChainMap",
                     "queue.Queue", "queue.LifoQueue", "queue.PriorityQueue",
                     "queue.SimpleQueue"})


@dataclass(frozen=True, slots=True)
class Builtin:
    """A built-in function or a library module's function (app/engine/stdlib), as a value.

    `shared`: "always" (a step whatever the arguments: print, sleep), "containers" (a step when
    an argument is a list or dict, whose contents other threads may change) or "never".
    `module`: the library module it belongs to, "" for a built-in.
    """

    name: str
    fn: Callable[..., Any]
    shared: str = "never"
    module: str = ""

    @property
    def type_name(self) -> str:
        return "type" if self.key in CLASSES else "builtin_function_or_method"

    @property
    def key(self) -> str:
        """Its name among every module's functions (`threading.enumerate` is not
        `enumerate`): what snapshots record."""
        return f"{self.module}.{self.name}" if self.module else self.name

    def __repr__(self) -> str:
        """As CPython shows a built-in: never the host function inside, nor its address."""
        if self.key in CLASSES:
            return f"<class '{self.key}'>"
        return f"<built-in function {self.name}>"

    def visible(self, args: list[Any]) -> bool:
        """A generator among the arguments (`runs_code`) of one that may stop early (`any`)
        makes the call a step too: its code runs inside the call, and may read what other
        threads change."""
        if self.shared == "always":
            return True
        return self.shared == "containers" and any(
            isinstance(a, _STEP_ARGS) or (getattr(a, "runs_code", False)
                                          and self.key not in COLLECTING) for a in args)


@dataclass(frozen=True, slots=True)
class ModuleVariable:
    """A module's name whose value is the run's own (`sys.argv`, a list a program may
    change): each use calls `getter`, which finds or makes it in the machine's state."""

    getter: Builtin


class SimObject:
    """`object()`: a value with an identity and nothing else (a sentinel)."""

    __slots__ = ()
    type_name = "object"

    def __repr__(self) -> str:
        return "<object object>"


def _object(m: Any, th: Any, *args: Any, **kwargs: Any) -> SimObject:
    if args or kwargs:
        raise fail("TypeError", "object() takes no arguments")
    return SimObject()


#: `object`: a built-in, and the base of every class (`cls.__mro__`, `cls.__bases__`).
OBJECT = Builtin("object", _object)


#: Built-ins CPython declares METH_O: a wrong count is "takes exactly one argument".
_ONE_ARGUMENT = frozenset({"len", "repr", "callable", "hash", "id"})


def positional(fn: Callable[..., Any], name: str, least: int, most: int) -> Callable[..., Any]:
    """`fn(m, th, *args)` for a built-in that takes no keywords, refusing other calls in
    CPython's words ("len() takes exactly one argument", "getattr expected at least 2
    arguments"): our own functions' names and signatures never show."""
    def call(m: Any, th: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs:
            raise fail("TypeError", f"{name}() takes no keyword arguments")
        count = len(args)
        if least <= count <= most:
            return fn(m, th, *args)
        if name in _ONE_ARGUMENT:
            raise fail("TypeError", f"{name}() takes exactly one argument ({count} given)")
        if least == most:
            raise fail("TypeError", f"{name} expected {least} argument{'s' * (least != 1)}, "
                                    f"got {count}")
        bound, limit = ("least", least) if count < least else ("most", most)
        raise fail("TypeError", f"{name} expected at {bound} {limit} argument"
                                f"{'s' * (limit != 1)}, got {count}")
    return call
