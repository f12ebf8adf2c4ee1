"""The built-ins about classes: `isinstance`, `issubclass`, `staticmethod`, `classmethod`,
`property` (and its `.setter`), `object`, and `callable` (a class, or an object whose class
has `__call__`).

A type a program names is one of our values: a class of its own (UserClass), an exception
class, `threading.Thread`, or a built-in such as `int` (a Builtin whose host type is in
`_HOST_TYPES`, so `isinstance(3, int)` asks the host about builtin data only).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .builtin import Builtin, UnionType, positional
from .classes import (
    MISSING,
    ClassMethod,
    Instance,
    Method,
    Property,
    StaticMethod,
    UserClass,
    is_thread_class,
)
from .values import (
    BoundMethod,
    ExceptionClass,
    Function,
    MethodDescriptor,
    Partial,
    TypeValue,
    fail,
    is_subclass,
)

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: Built-in types a program may name, by the name of their Builtin.
_HOST_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": float, "complex": complex, "str": str, "bytes": bytes, "bool": bool,
    "bytearray": bytearray, "list": list, "dict": dict,
    "tuple": tuple, "range": range, "set": set, "frozenset": frozenset,
}
#: Classes of library modules (`collections.deque`, `queue.Queue`, a namedtuple class), each
#: module's test: (class, obj) → whether obj is an object of that class, None for a class
#: that is not one of that module's.
LIBRARY_TYPES: list[Callable[[Any, Any], bool | None]] = []
#: `type(obj)` for their objects: host type → the class a program names.
LIBRARY_CLASSES: dict[type, Callable[[Any], Any]] = {}


def _first_subclass(sub: Any, classes: Any) -> bool:
    """Whether `sub` is a subclass of `classes` or one of them, which CPython checks in
    order: a class that matches ends the check before one that is not a class."""
    if isinstance(classes, UnionType):  # `issubclass(bool, int | str)`
        classes = tuple(TypeValue("NoneType") if c is None else c for c in classes.args)
    for cls in classes if isinstance(classes, tuple) else (classes,):
        if not _is_type(cls):
            raise fail("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, "
                                    "or a union")
        if _one_subclass(sub, cls):
            return True
    return False


def _is_type(value: Any) -> bool:
    return isinstance(value, UserClass | ExceptionClass) or is_thread_class(value) or (
        isinstance(value, Builtin) and value.name in (*_HOST_TYPES, "object", "type")
        and not value.module) or library_instance(value, None) is not None


def library_instance(cls: Any, obj: Any) -> bool | None:
    for test in LIBRARY_TYPES:
        found = test(cls, obj)
        if found is not None:
            return found
    return None


def _issubclass(m: Machine, th: Thread, sub: Any, classes: Any) -> bool:
    if not _is_type(sub):
        raise fail("TypeError", "issubclass() arg 1 must be a class")
    return _first_subclass(sub, classes)


def is_int_class(sub: Any, cls: Any) -> bool:
    """Whether `cls` is `int` and `sub` an IntEnum: its members are ints, as in CPython."""
    return isinstance(cls, Builtin) and cls.key == "int" and isinstance(sub, UserClass) and (
        "intenum" in sub.options)


def _one_subclass(sub: Any, cls: Any) -> bool:
    if isinstance(cls, Builtin) and cls.name == "object" or is_int_class(sub, cls):
        return True
    if isinstance(sub, UserClass):
        if cls in sub.mro or (getattr(cls, "key", None) == "abc.ABC"
                              and sub.abstract is not None):  # ABC is no base kept here
            return True
        native = sub.native
        return isinstance(native, ExceptionClass) and isinstance(cls, ExceptionClass) and (
            is_subclass(native.name, cls.name))
    if isinstance(sub, ExceptionClass) and isinstance(cls, ExceptionClass):
        return is_subclass(sub.name, cls.name)
    host = (_HOST_TYPES.get(sub.name), _HOST_TYPES.get(cls.name)) if isinstance(
        sub, Builtin) and isinstance(cls, Builtin) and not sub.module and not cls.module else ()
    if host and isinstance(host[0], type) and host[1] is not None:
        return issubclass(host[0], host[1])  # `issubclass(bool, int)`
    return bool(sub == cls)


def _wrapper(kind: type) -> Any:
    def wrap(m: Machine, th: Thread, fn: Any) -> Any:
        return kind(fn)
    return wrap


def _property(m: Machine, th: Thread, fget: Any = None, fset: Any = None,
              fdel: Any = None, doc: Any = None) -> Property:
    return Property(fget, fset, fdel)


def property_method(prop: Property, name: str) -> Builtin | None:
    """`prop.setter` / `prop.getter` / `prop.deleter`: a decorator that makes the property
    anew."""
    if name == "setter":
        return Builtin("setter", lambda m, th, fn: Property(prop.fget, fn, prop.fdel))
    if name == "getter":
        return Builtin("getter", lambda m, th, fn: Property(fn, prop.fset, prop.fdel))
    if name == "deleter":
        return Builtin("deleter", lambda m, th, fn: Property(prop.fget, prop.fset, fn))
    return None


CLASS_BUILTINS: dict[str, Builtin] = {
    "issubclass": Builtin("issubclass", positional(_issubclass, "issubclass", 2, 2)),
    "staticmethod": Builtin("staticmethod", _wrapper(StaticMethod)),
    "classmethod": Builtin("classmethod", _wrapper(ClassMethod)),
    "property": Builtin("property", _property),
}


def callable_(m: Machine, th: Thread, value: Any) -> bool:
    if isinstance(value, Instance):
        return value.cls.lookup("__call__") is not MISSING
    return isinstance(value, Function | Builtin | BoundMethod | ExceptionClass | Partial
                      | MethodDescriptor | TypeValue | UserClass | Method)
