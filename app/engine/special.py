"""Special methods of a program's classes (`__str__`, `__eq__`, `__lt__`, `__hash__`, `__len__`
…), reached from Python's own operators and built-ins on its objects.

`==`, `sorted`, `in`, `len` and dict keys on the program's values run on the host: for an
`Instance` they call the host methods installed here, which run the class's own special
method in the thread whose step this is (`RUNNING`, set by the machine around a step of a
program whose classes define one: `Program.special`). Outside a step (the page comparing
two states, the trace describing a value) no program code runs: objects compare by identity
and show CPython's default text, `<__main__.Account object at 0x…>`, with an address made
from the object's serial number so a run reads the same every time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from .classes import MISSING, Instance, UserClass, class_of
from .machine import RUNNING
from .nested import call_now
from .records import compared
from .stdlib.enum import acts_as_value, flag_contains, flag_parts, int_value, text
from .values import OWN_REPRS, OWN_TEXTS, TEXTS, Function, SimException, ThreadHandle, fail

#: `obj.op(other)` → the reflected method tried when the first answers NotImplemented.
_REFLECTED = {"__eq__": "__eq__", "__ne__": "__ne__", "__lt__": "__gt__",
              "__gt__": "__lt__", "__le__": "__ge__", "__ge__": "__le__"}
_SYMBOL = {"__lt__": "<", "__gt__": ">", "__le__": "<=", "__ge__": ">="}


def default_repr(obj: Any) -> str:
    cls = class_of(obj)
    name = cls.qualname if cls is not None else "object"
    serial = obj.serial if isinstance(obj, Instance) else 0
    return f"<__main__.{name} object at 0x{0x7f3a5c000000 + 16 * serial:x}>"


def run_special(obj: Any, name: str, args: list[Any], allowance: Any = None) -> Any:
    """The class's `name` run on `obj`, or MISSING if it defines none or no step runs.
    Calls that share an `allowance` (nested.Allowance) share its operations."""
    cls = class_of(obj)
    if cls is None:
        return MISSING
    method = cls.lookup(name)
    if not isinstance(method, Function):
        return MISSING
    running = RUNNING.get()
    if running is None:
        return MISSING
    m, th = running
    return call_now(m, th, method, [obj, *args], allowance=allowance)


#: The texts objects' own `__repr__` gave, made first as the thread's own calls, by the id of
#: each object, while the container that holds them is shown (`Shown`).
MADE: ContextVar[dict[int, str] | None] = ContextVar("MADE", default=None)
#: While a `%` format is read through once, to learn which objects' own texts it takes
#: (formatting.push_percent_texts): each (object, method) asked for, none of them run.
ASKED: ContextVar[list[tuple[Any, str]] | None] = ContextVar("ASKED", default=None)


def text_of(obj: Any, which: str) -> str | None:
    """`str(obj)` (`which` "__str__") or `repr(obj)` by the class's own method, checked to
    be a string as CPython checks it; None if the class defines neither."""
    made = MADE.get()
    if made is not None and which == "__repr__" and id(obj) in made:
        return made[id(obj)]
    asked = ASKED.get()
    if asked is not None:
        asked.append((obj, which))
        return ""
    cls = class_of(obj)
    if cls is not None and "enum" in cls.options and not isinstance(
            cls.lookup(which), Function):
        return text(obj, which)
    result = run_special(obj, which, [])
    if result is MISSING and which == "__str__":
        which = "__repr__"
        result = run_special(obj, which, [])
    if result is MISSING:
        return None
    if not isinstance(result, str):
        raise fail("TypeError", f"{which} returned non-string (type "
                                f"{type(result).__name__})")
    return result


def _generated(self: Instance, name: str, other: Any) -> Any:
    """What `@dataclass` writes: `==` (and with order=True, `<` …) on the compared fields'
    tuple of two objects of the same class."""
    options = self.cls.options
    if self.cls.fields is None or not ("eq" in options if name in ("__eq__", "__ne__")
                                       else "order" in options) or (
            self.cls.lookup(name) is not MISSING):
        return MISSING
    if not isinstance(other, Instance) or other.cls is not self.cls:
        return NotImplemented
    return getattr(compared(self), name)(compared(other))


#: `@functools.total_ordering`: (root, missing) → (negate the root's result, then `and
#: self != other` / `or self == other` / neither), as Lib/functools.py derives each.
_DERIVED = {
    ("__lt__", "__gt__"): (True, "ne"), ("__lt__", "__le__"): (False, "eq"),
    ("__lt__", "__ge__"): (True, ""), ("__le__", "__ge__"): (True, "eq"),
    ("__le__", "__lt__"): (False, "ne"), ("__le__", "__gt__"): (True, ""),
    ("__gt__", "__lt__"): (True, "ne"), ("__gt__", "__ge__"): (False, "eq"),
    ("__gt__", "__le__"): (True, ""), ("__ge__", "__le__"): (True, "eq"),
    ("__ge__", "__gt__"): (False, "ne"), ("__ge__", "__lt__"): (True, ""),
}


def _total(self: Instance, name: str, other: Any) -> Any:
    """The comparison `@total_ordering` gave the class or a base (a subclass inherits it)."""
    root = next((o[5:] for cls in self.cls.mro if isinstance(cls, UserClass)
                 for o in cls.options if o.startswith("total")), None)
    if root is None or (root, name) not in _DERIVED:
        return MISSING
    result = run_special(self, root, [other])
    if result is MISSING or result is NotImplemented:
        return result
    negate, then = _DERIVED[root, name]
    value = (not result) if negate else result
    if then == "ne":
        return value and self != other
    if then == "eq":
        return value or self == other
    return value


def _comparison(name: str) -> Callable[[Instance, Any], Any]:
    def compare(self: Instance, other: Any) -> Any:
        if acts_as_value(self.cls):  # an IntEnum member compares as its int (StrEnum: str)
            return getattr(self.attrs["value"], name)(int_value(other))
        result = _generated(self, name, other)
        if result is MISSING:
            result = run_special(self, name, [other])
        if result is MISSING and name in _SYMBOL:
            result = _total(self, name, other)
        if result is MISSING and name == "__ne__":
            result = _not_equal(self, other)
        if result is MISSING or result is NotImplemented:
            return declined_comparison(name, self, other)
        return result
    return compare


def declined_comparison(name: str, obj: Instance, other: Any) -> Any:
    """`obj op other` once `obj`'s own method is missing or answered NotImplemented:
    `other`'s reflected one, then identity for `==` and `!=`, or CPython's TypeError."""
    result: Any = MISSING
    if isinstance(other, Instance) and other is not obj:
        result = run_special(other, _REFLECTED[name], [obj])
        if result is MISSING and name == "__ne__":
            result = _not_equal(other, obj)
    if result is MISSING or result is NotImplemented:
        if name == "__eq__":
            return obj is other
        if name == "__ne__":
            return obj is not other
        raise fail("TypeError", f"'{_SYMBOL[name]}' not supported between instances "
                                f"of '{_type(obj)}' and '{_type(other)}'")
    return result


def _not_equal(obj: Instance, other: Any) -> Any:
    """`object.__ne__`, for a class that defines `__eq__` but not `__ne__`: the inverse of
    its `__eq__`, unless that is NotImplemented (or missing)."""
    equal = _generated(obj, "__eq__", other)
    if equal is MISSING:
        equal = run_special(obj, "__eq__", [other])
    if equal is MISSING or equal is NotImplemented:
        return equal
    return not equal


def _type(value: Any) -> str:
    cls = class_of(value)
    return cls.name if cls is not None else type(value).__name__


def _hash(self: Instance) -> int:
    cls = self.cls
    if acts_as_value(cls):
        return hash(self.attrs["value"])
    result = run_special(self, "__hash__", [])
    if result is MISSING:
        found = cls.lookup("__hash__")
        if "hash" in cls.options and found is MISSING:
            return hash(compared(self))
        if found is None or found is MISSING and (
                cls.lookup("__eq__") is not MISSING or "eq" in cls.options):
            raise fail("TypeError", f"unhashable type: '{cls.name}'")  # `__hash__ = None`
        return self.serial
    if not isinstance(result, int):
        raise fail("TypeError", "__hash__ method should return an integer")
    return result


def _len(self: Instance) -> int:
    if "flag" in self.cls.options:
        return len(flag_parts(self))
    result = run_special(self, "__len__", [])
    if result is MISSING:
        raise fail("TypeError", f"object of type '{self.cls.name}' has no len()")
    if not isinstance(result, int):
        raise fail("TypeError", f"'{type(result).__name__}' object cannot be interpreted as "
                                f"an integer")
    return result


def _bool(self: Instance) -> bool:
    if "flag" in self.cls.options:  # a Flag's empty member is false
        return bool(self.attrs["value"])
    result = run_special(self, "__bool__", [])
    if result is MISSING:
        if self.cls.lookup("__len__") is not MISSING:
            return _len(self) != 0
        return True
    if not isinstance(result, bool):
        raise fail("TypeError", f"__bool__ should return bool, returned "
                                f"{type(result).__name__}")
    return result


def iterable(obj: Instance) -> bool:
    cls = obj.cls
    return cls.lookup("__iter__") is not MISSING or cls.lookup("__getitem__") is not MISSING or (
        "flag" in cls.options)


def _contains(self: Instance, item: Any) -> bool:
    if "flag" in self.cls.options:
        return flag_contains(self, item)
    result = run_special(self, "__contains__", [item])
    if result is MISSING:
        if iterable(self) and RUNNING.get() is not None:  # CPython walks it, as `in` does
            return any(x is item or x == item for x in iter(self))  # type: ignore[call-overload]
        raise fail("TypeError", f"argument of type '{self.cls.name}' is not iterable")
    return bool(result)


def _getitem(self: Instance, key: Any) -> Any:
    result = run_special(self, "__getitem__", [key])
    if result is MISSING:
        raise fail("TypeError", f"'{self.cls.name}' object is not subscriptable")
    return result


def _setitem(self: Instance, key: Any, value: Any) -> None:
    if run_special(self, "__setitem__", [key, value]) is MISSING:
        raise fail("TypeError", f"'{self.cls.name}' object does not support item assignment")


def _delitem(self: Instance, key: Any) -> None:
    if run_special(self, "__delitem__", [key]) is MISSING:
        raise fail("TypeError", f"'{self.cls.name}' object doesn't support item deletion")


for _name in _REFLECTED:
    setattr(Instance, _name, _comparison(_name))
for _name, _method in {"__hash__": _hash, "__len__": _len, "__bool__": _bool,
                       "__contains__": _contains, "__getitem__": _getitem,
                       "__setitem__": _setitem, "__delitem__": _delitem}.items():
    setattr(Instance, _name, _method)


def text_method(value: Any, which: str) -> Function | None:
    """The program's `__str__` (falling back to `__repr__`, as `object.__str__` does) or
    `__repr__` of an object, when `print`, `str()`, `repr()` or an f-string would run it:
    those call it as the thread's own call (`Converted`), so a lock it takes may wait."""
    if type(value) is not Instance and not (type(value) is ThreadHandle and value.cls):
        return None  # a Thread subclass's object has its class too
    cls = value.cls
    if "enum" in cls.options and not isinstance(cls.lookup(which), Function):
        return None
    method = cls.lookup(which)
    if not isinstance(method, Function) and which == "__str__":
        method = cls.lookup("__repr__")
    return method if isinstance(method, Function) and not method.code.generator else None


#: The containers whose items a text shows, and how many items a walk for objects with their
#: own `__repr__` looks at before it leaves them to be shown inside the step.
_HOLDERS = (list, tuple, dict, set, frozenset, deque)
_LOOKED_AT = 1_000


def shown_objects(value: Any) -> list[Instance] | None:
    """The objects of the program's with their own `__repr__` inside a container, each
    once, in the order its text shows them: what `print(items)` runs before it prints. None
    if there are none, or more items than a walk looks at."""
    found: dict[int, Instance] = {}
    seen: set[int] = set()
    todo = [value]
    looked = 0
    while todo:
        item = todo.pop()
        looked += 1
        if looked > _LOOKED_AT:
            return None
        if isinstance(item, _HOLDERS):
            if id(item) in seen:
                continue
            seen.add(id(item))
            inside = [x for kv in item.items() for x in kv] if isinstance(item, dict) else item
            todo.extend(reversed(list(inside)))
        elif type(item) is Instance and text_method(item, "__repr__") is not None:
            found.setdefault(id(item), item)
    return list(found.values()) or None


class Shown:
    """A container's text, made once its objects' own texts were (`MADE`): what `print` or
    `str()` called on it shows, standing in its place while the call runs again."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __reduce__(self) -> tuple[Any, ...]:
        return Shown, (self.text,)


TEXTS[Shown] = lambda shown: shown.text
OWN_REPRS.append(lambda value, strict: value.text if type(value) is Shown else None)


def exception_text(exc: SimException) -> str | None:
    """`str(exc)` by its class's own `__str__`, if it has one and a step is running."""
    if exc.cls is None or not isinstance(exc.cls.lookup("__str__"), Function):
        return None
    return text_of(exc, "__str__")


def _own_text(value: Any) -> str | None:
    return (exception_text(value) if isinstance(value, SimException)
            else text_of(value, "__str__"))


OWN_TEXTS.append(_own_text)
