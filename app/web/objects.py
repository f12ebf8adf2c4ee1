"""Which objects of the program's classes the state panel draws, found as Python Tutor finds
its heap: by following the globals, then what the threads' frames hold.

An object is drawn once, as a box, wherever it is found first; every other place that holds
it refers to it by its label. An object still in its `__init__` (`building`) is its creating
thread's own and is not drawn; one a thread's local names hold once built is shared state
(the thread may have handed it to others), so it is drawn too. A thread object is drawn only
when it carries attributes of its own (a `Thread` subclass's, or `t.result = …`); a class
only when it holds data attributes (`Account.count`), not just methods.
"""

from __future__ import annotations

from collections import deque
from itertools import islice
from typing import Any

from ..engine import Machine, thread_values
from ..engine.classes import (
    ClassMethod,
    Instance,
    Property,
    StaticMethod,
    UserClass,
    label_of,
)
from ..engine.values import Function, SimException, ThreadHandle

#: How deep into containers and attributes the walk goes, and how many items of each.
DEPTH, ITEMS = 6, 40
#: Objects drawn at most (the rest are referred to by label only).
MAX_OBJECTS = 60
_CODE = (Function, StaticMethod, ClassMethod, Property, UserClass)


def drawn(value: Any) -> bool:
    """Whether `value` is drawn as a box of its own (when it is reached)."""
    if type(value) is Instance:
        return True
    if isinstance(value, ThreadHandle):
        return value.cls is not None or bool(value.attrs)
    if isinstance(value, SimException):
        return value.cls is not None and bool(value.attrs)
    if isinstance(value, UserClass):
        return bool(class_data(value))
    return False


def title(obj: Any) -> str:
    """`acct: Account`, `Worker-1: Worker`, `class Account`; an object no module name
    holds is named as the trace names it, `Account#2`."""
    if isinstance(obj, UserClass):
        return f"class {obj.name}"
    cls = obj.cls.name if obj.cls is not None else "Thread"
    name = label_of(obj)
    return name if name.startswith(f"{cls}#") else f"{name}: {cls}"  # Account#2 says both


def attributes(obj: Any) -> dict[str, Any]:
    """The attributes a box lists: an object's own, a class's data."""
    if isinstance(obj, UserClass):
        return class_data(obj)
    return obj.attrs or {}


def class_data(cls: UserClass) -> dict[str, Any]:
    return {k: v for k, v in cls.attrs.items()
            if not (k.startswith("__") and k.endswith("__")) and not isinstance(v, _CODE)}


def key(obj: Any) -> tuple[str, Any]:
    """What names the same object in the machine one step before (a copy of this one)."""
    if type(obj) is Instance:
        return "object", obj.serial
    if isinstance(obj, ThreadHandle):
        return "thread", obj.tid
    return "named", label_of(obj)


def reachable(m: Machine) -> list[Any]:
    """The objects to draw, in the order a reader meets them: globals first (in their order),
    then each thread's frames, innermost last."""
    found: list[Any] = []
    seen: set[int] = set()

    def visit(value: Any, depth: int) -> None:
        if depth > DEPTH or id(value) in seen or len(found) >= MAX_OBJECTS:
            return
        if drawn(value):
            seen.add(id(value))
            if getattr(value, "building", False):
                return
            found.append(value)
            for item in islice(attributes(value).values(), ITEMS):
                visit(item, depth + 1)
        elif isinstance(value, list | tuple | deque | set | frozenset | dict):
            seen.add(id(value))
            for item in islice(value.values() if isinstance(value, dict) else value, ITEMS):
                visit(item, depth + 1)

    for name, value in m.globals.items():
        if not name.startswith("."):
            visit(value, 0)
    for value in thread_values(m):
        visit(value, 0)
    return found

