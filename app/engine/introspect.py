"""The built-ins about classes: `isinstance`, `issubclass`, `staticmethod`, `classmethod`,
`property` (and its `.setter`), `object`.

A type a program names is one of our values: a class of its own (UserClass), an exception
class, `threading.Thread`, or a built-in such as `int` (a Builtin whose host type is in
`_HOST_TYPES`, so `isinstance(3, int)` asks the host about plain data only).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from .builtin import Builtin
from .classes import (
    ClassMethod,
    Instance,
    Property,
    StaticMethod,
    UserClass,
    class_of,
    is_instance,
    is_thread_class,
)
from .values import ExceptionClass, SimException, ThreadHandle, fail, is_subclass, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: Built-in types a program may name, by the name of their Builtin.
_HOST_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": float, "str": str, "bool": bool, "list": list, "dict": dict,
    "tuple": tuple, "range": range, "set": set, "frozenset": frozenset,
}
#: The class of `object()`'s objects.
OBJECT = UserClass("object", "object", (), {})
OBJECT.mro = (OBJECT,)


def _options(classes: Any, fn: str) -> tuple[Any, ...]:
    options = classes if isinstance(classes, tuple) else (classes,)
    for cls in options:
        if not _is_type(cls):
            raise fail("TypeError", f"{fn}() arg 2 must be a type, a tuple of types, or a "
                                    f"union")
    return options


def _is_type(value: Any) -> bool:
    return isinstance(value, UserClass | ExceptionClass) or is_thread_class(value) or (
        isinstance(value, Builtin) and value.name in (*_HOST_TYPES, "object", "type")
        and not value.module)


def _isinstance(m: Machine, th: Thread, obj: Any, classes: Any) -> bool:
    return any(_one_instance(obj, cls) for cls in _options(classes, "isinstance"))


def _one_instance(obj: Any, cls: Any) -> bool:
    if isinstance(cls, Builtin):
        if cls.name == "object":
            return True
        if cls.name == "type":
            return isinstance(obj, UserClass | ExceptionClass)
        if is_thread_class(cls):
            return isinstance(obj, ThreadHandle)
        return class_of(obj) is None and isinstance(obj, _HOST_TYPES[cls.name])
    return is_instance(obj, cls)


def _issubclass(m: Machine, th: Thread, sub: Any, classes: Any) -> bool:
    if not _is_type(sub):
        raise fail("TypeError", "issubclass() arg 1 must be a class")
    return any(_one_subclass(sub, cls) for cls in _options(classes, "issubclass"))


def _one_subclass(sub: Any, cls: Any) -> bool:
    if isinstance(cls, Builtin) and cls.name == "object":
        return True
    if isinstance(sub, UserClass):
        if cls in sub.mro:
            return True
        native = sub.native
        return isinstance(native, ExceptionClass) and isinstance(cls, ExceptionClass) and (
            is_subclass(native.name, cls.name))
    if isinstance(sub, ExceptionClass) and isinstance(cls, ExceptionClass):
        return is_subclass(sub.name, cls.name)
    return sub == cls


def _type(m: Machine, th: Thread, *args: Any) -> Any:
    """`type(x)`: the program's class of an object of one, an exception's class, Thread, or
    the built-in type of plain data (`type(3) is int`)."""
    from .calls import BUILTINS  # calls imports this module
    from .stdlib.threading import TABLE

    if len(args) != 1:
        raise fail("TypeError", "type() takes 1 argument here (making classes with type() "
                                "is not supported)")
    (obj,) = args
    cls = class_of(obj)
    if cls is not None:
        return cls
    if isinstance(obj, SimException):
        return ExceptionClass(obj.type)
    if isinstance(obj, ThreadHandle):
        return TABLE["Thread"]
    if isinstance(obj, UserClass):
        return BUILTINS["type"]
    name = type(obj).__name__
    if name in _HOST_TYPES and name in BUILTINS:
        return BUILTINS[name]
    raise fail("TypeError", f"type() of a {type_name(obj)} is not supported here")


def _hash(m: Machine, th: Thread, value: Any) -> int:
    """`hash(x)`, the same in every run: a string's hash in CPython changes from process to
    process (PYTHONHASHSEED), so text is hashed by a fixed function of its characters."""
    if _has_text(value):
        digest = hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=8)
        return int.from_bytes(digest.digest(), "little", signed=True) >> 2
    return hash(value)


def _has_text(value: Any) -> bool:
    return isinstance(value, str | bytes) or (
        type(value) in (tuple, frozenset) and any(_has_text(v) for v in value))


def _object(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Instance:
    if args or kwargs:
        raise fail("TypeError", "object() takes no arguments")
    m.serial += 1
    obj = Instance(OBJECT, m.serial)
    obj.building = False
    return obj


def _wrapper(kind: type) -> Any:
    def wrap(m: Machine, th: Thread, fn: Any) -> Any:
        return kind(fn)
    return wrap


def _property(m: Machine, th: Thread, fget: Any = None, fset: Any = None) -> Property:
    return Property(fget, fset)


def property_method(prop: Property, name: str) -> Builtin | None:
    """`prop.setter` / `prop.getter`: a decorator that makes the property anew."""
    if name == "setter":
        return Builtin("setter", lambda m, th, fn: Property(prop.fget, fn))
    if name == "getter":
        return Builtin("getter", lambda m, th, fn: Property(fn, prop.fset))
    return None


CLASS_BUILTINS: dict[str, Builtin] = {
    "isinstance": Builtin("isinstance", _isinstance),
    "issubclass": Builtin("issubclass", _issubclass),
    "staticmethod": Builtin("staticmethod", _wrapper(StaticMethod)),
    "classmethod": Builtin("classmethod", _wrapper(ClassMethod)),
    "property": Builtin("property", _property),
    "object": Builtin("object", _object),
    "type": Builtin("type", _type),
    "hash": Builtin("hash", _hash),
}
