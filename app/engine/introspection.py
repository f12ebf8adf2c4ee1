"""Built-ins that look at values or call through them: `hasattr`, `getattr`, `setattr`,
`isinstance`, `type`, `callable`, `hash`, `map`, `filter` and `object()`.

Attributes are reached only through `calls.get_attribute` and `set_attribute`, the simulated
types' allow-lists: a name from the program never meets the host's getattr. Types are the
built-ins that make them (`type(3) is int`), an exception class, or a `TypeValue` naming a
type the program cannot call (`NoneType`, `function`, `generator`, `Thread`).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from .builtin import OBJECT, Builtin, GenericAlias, UnionType, positional
from .builtin_functions import BUILTINS
from .calls import delete_attribute, get_attribute, set_attribute
from .classes import Instance, UserClass, class_of, is_instance, is_thread_class, make_class
from .errors import BudgetError
from .introspect import LIBRARY_CLASSES, callable_, is_int_class, library_instance
from .objects import init_subclass, set_names
from .stdlib.bases import written_base
from .upcalls import UP
from .values import (
    SCALAR_TYPES,
    ExceptionClass,
    SimException,
    ThreadHandle,
    Thrown,
    TypeValue,
    fail,
    is_subclass,
    type_name,
)

if TYPE_CHECKING:
    from .machine import Machine, Thread


#: Built-ins that are CPython's classes, and the host type each one checks in `isinstance`.
HOST_TYPES: dict[str, type] = {"int": int, "float": float, "complex": complex, "str": str,
                               "bytes": bytes, "bytearray": bytearray, "bool": bool,
                               "list": list, "dict": dict, "tuple": tuple, "set": set,
                               "frozenset": frozenset, "range": range}
#: Names `type()` gives our own values, where CPython's type lives in a module.
_QUALIFIED = {"Thread": "threading.Thread", "_MainThread": "threading._MainThread"}


def _attribute_name(name: Any) -> str:
    if not isinstance(name, str):
        raise fail("TypeError", f"attribute name must be string, not '{type_name(name)}'")
    return name


def getattr_(m: Machine, th: Thread, obj: Any, name: Any, *default: Any) -> Any:
    if len(default) > 1:
        raise fail("TypeError", f"getattr expected at most 3 arguments, got {len(default) + 2}")
    try:
        return get_attribute(m, th, obj, _attribute_name(name))
    except Thrown as e:
        if default and e.exc.type == "AttributeError":
            return default[0]
        raise


def hasattr_(m: Machine, th: Thread, obj: Any, name: Any) -> bool:
    try:
        get_attribute(m, th, obj, _attribute_name(name))
    except Thrown as e:
        if e.exc.type == "AttributeError":
            return False
        raise
    return True


def setattr_(m: Machine, th: Thread, obj: Any, name: Any, value: Any) -> None:
    set_attribute(m, th, obj, _attribute_name(name), value)


def type_of(value: Any) -> Any:
    """`type(value)`: the program's class of an object of one, else the built-in that makes
    it where there is one, so `type(x) is int`."""
    cls = class_of(value)
    if cls is not None:
        return cls
    if isinstance(value, UserClass):
        return TypeValue("type")
    of_library = LIBRARY_CLASSES.get(type(value))
    if of_library is not None:
        return of_library(value)
    kind = type(value)
    if kind.__name__ in HOST_TYPES and HOST_TYPES[kind.__name__] is kind:
        return BUILTINS[kind.__name__]
    if isinstance(value, SimException):
        found = BUILTINS.get(value.type)
        return found if isinstance(found, ExceptionClass) else ExceptionClass(value.type)
    if isinstance(value, ExceptionClass | TypeValue) or (
            isinstance(value, Builtin) and value.name in HOST_TYPES and not value.module):
        return TypeValue("type")
    name = type_name(value)
    return TypeValue(_QUALIFIED.get(name, name))


def _type(m: Machine, th: Thread, *args: Any) -> Any:
    """`type(obj)`, or `type(name, bases, namespace)`: a class made as a `class` statement
    makes it."""
    if len(args) == 3:
        return _new_class(m, th, *args)
    if len(args) != 1:
        raise fail("TypeError", "type() takes 1 or 3 arguments")
    return type_of(args[0])


def _new_class(m: Machine, th: Thread, name: Any, bases: Any, namespace: Any) -> UserClass:
    for i, (value, kind) in enumerate(((name, str), (bases, tuple), (namespace, dict))):
        if not isinstance(value, kind):
            raise fail("TypeError", f"type.__new__() argument {i + 1} must be "
                                    f"{kind.__name__}, not {type_name(value)}")
    cls = make_class(name, name, tuple(written_base(m, b) for b in bases), dict(namespace),
                     ())
    set_names(m, th, cls)
    init_subclass(m, th, cls)
    return cls


def _is_instance(value: Any, cls: Any) -> bool:
    if isinstance(cls, tuple):
        return any(_is_instance(value, c) for c in cls)
    if isinstance(cls, UnionType):  # `isinstance(x, int | None)`
        return any(value is None if c is None else _is_instance(value, c) for c in cls.args)
    if isinstance(cls, GenericAlias):
        raise fail("TypeError", "isinstance() argument 2 cannot be a parameterized generic")
    found = library_instance(cls, value)
    if found is not None:
        return found
    if isinstance(cls, UserClass | ExceptionClass):
        return is_instance(value, cls)
    if class_of(value) is not None and not (isinstance(cls, Builtin) and cls.name == "object"):
        return isinstance(cls, Builtin) and cls.key == "threading.Thread" and (
            isinstance(value, ThreadHandle)) or is_int_class(class_of(value), cls)
    if isinstance(cls, Builtin) and not cls.module and cls.name in HOST_TYPES:
        return isinstance(value, HOST_TYPES[cls.name])
    if isinstance(cls, Builtin) and not cls.module and cls.name in ("object", "type"):
        return cls.name == "object" or type_of(value) == TypeValue("type")
    if isinstance(cls, ExceptionClass):
        return isinstance(value, SimException) and is_subclass(value.type, cls.name)
    if isinstance(cls, TypeValue):
        return bool(type_of(value) == cls)
    if isinstance(cls, Builtin) and cls.key == "threading.Thread":
        return isinstance(value, ThreadHandle)
    raise fail("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union")


def isinstance_(m: Machine, th: Thread, value: Any, cls: Any) -> bool:
    return _is_instance(value, cls)


def hash_(m: Machine, th: Thread, value: Any) -> int:
    """`hash(value)`, the same in every run: a string's hash in CPython changes from process
    to process (PYTHONHASHSEED), so text is hashed by a fixed function of its characters;
    an object of a program's class by its `__hash__`, or its identity."""
    if isinstance(value, Instance):
        return hash(value)
    if isinstance(value, list | dict | set | bytearray):
        raise fail("TypeError", f"unhashable type: '{type_name(value)}'")
    if not isinstance(value, (*SCALAR_TYPES, complex, bytes, tuple, frozenset)):
        raise fail("TypeError", f"hash() of a '{type_name(value)}' is not supported here")
    if (inside := _unhashable(value)) is not None:
        raise fail("TypeError", f"unhashable type: '{type_name(inside)}'")
    if _has_text(value):
        digest = hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=8)
        return int.from_bytes(digest.digest(), "little", signed=True) >> 2
    return hash(value)


def _unhashable(value: Any) -> Any:
    """The first list, dict or set inside a tuple, which makes it unhashable, or None."""
    if type(value) is not tuple:
        return None
    for item in value:
        if isinstance(item, list | dict | set | bytearray):
            return item
        if (inside := _unhashable(item)) is not None:
            return inside
    return None


def _has_text(value: Any) -> bool:
    return isinstance(value, str | bytes) or (
        type(value) in (tuple, frozenset) and any(_has_text(v) for v in value))


#: Where `id()` keeps the objects it has numbered, in order (a hidden variable: snapshots
#: carry it, and it keeps them alive, so a number is never reused).
_IDS = ".ids"
#: The first number `id()` gives, and the step between two: they look like CPython's
#: addresses, and are the same in every run of the same program and schedule.
_ID_BASE, _ID_STEP = 0x7F3A_2C00_0000, 48
#: Objects one run may number: each id() looks through those numbered before.
MAX_IDS = 4096


def id_(m: Machine, th: Thread, value: Any) -> int:
    """`id(value)`: the order in which the program first asked for an object's id."""
    known = m.globals.setdefault(_IDS, [])
    for i, obj in enumerate(known):
        if obj is value:
            return _ID_BASE + _ID_STEP * i
    if len(known) >= MAX_IDS:
        raise BudgetError(f"the program asks for the id() of more than {MAX_IDS:,} objects "
                          f"(the limit for one run)")
    known.append(value)
    return _ID_BASE + _ID_STEP * (len(known) - 1)


def delattr_(m: Machine, th: Thread, obj: Any, name: Any) -> None:
    delete_attribute(m, th, obj, _attribute_name(name))


def vars_(m: Machine, th: Thread, *args: Any) -> Any:
    """`vars(obj)`: the object's own attributes, the dict its `__dict__` is."""
    if len(args) != 1:
        if args:
            raise fail("TypeError", f"vars expected at most 1 argument, got {len(args)}")
        raise fail("TypeError", "vars() without an argument (the caller's locals) is not "
                                "supported here")
    obj = args[0]
    if isinstance(obj, UserClass):
        return get_attribute(m, th, obj, "__dict__")
    if isinstance(obj, Instance | ThreadHandle) or (
            isinstance(obj, SimException) and obj.cls is not None):
        cls = class_of(obj)
        if cls is None or cls.slots is None:
            found = get_attribute(m, th, obj, "__dict__")
            if isinstance(found, dict):
                return found
    raise fail("TypeError", "vars() argument must have __dict__ attribute")


#: CPython 3.13's `dir(object())`, and what a class of the program's adds to it (without
#: `__slots__` in every class it derives from: `__dict__` and `__weakref__`).
_OBJECT_NAMES = frozenset({
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__"})
_CLASS_NAMES = frozenset({"__module__", "__firstlineno__", "__static_attributes__"})
_DICT_NAMES = frozenset({"__dict__", "__weakref__"})
#: What the built-in class a class derives from adds (an exception's; a thread's public
#: names: its private ones are CPython's implementation).
_NATIVE_NAMES: dict[str, frozenset[str]] = {
    "exception": frozenset({"__cause__", "__context__", "__setstate__",
                            "__suppress_context__", "__traceback__", "add_note", "args",
                            "with_traceback"}),
    "thread": frozenset({"daemon", "getName", "ident", "isDaemon", "is_alive", "join", "name",
                         "native_id", "run", "setDaemon", "setName", "start"})}


def dir_(m: Machine, th: Thread, *args: Any) -> list[str]:
    """`dir(obj)` of an object or a class of the program's: the sorted names it, its class
    and the classes that class derives from have, as CPython 3.13 lists them."""
    if len(args) != 1:
        if args:
            raise fail("TypeError", f"dir expected at most 1 argument, got {len(args)}")
        raise fail("TypeError", "dir() without an argument (the caller's names) is not "
                                "supported here")
    obj = args[0]
    cls = obj if isinstance(obj, UserClass) else class_of(obj)
    if cls is None:
        raise fail("TypeError", f"dir() of a '{type_name(obj)}' is not supported here: of "
                                f"an object or a class of the program's only")
    names = set(_OBJECT_NAMES | _CLASS_NAMES)
    for base in cls.mro:
        if isinstance(base, UserClass):
            names.update(base.attrs)
    if cls.slots is None:
        names |= _DICT_NAMES
    else:
        names.update(("__slots__", *cls.slots))
    native = cls.native
    if isinstance(native, ExceptionClass):
        names |= _NATIVE_NAMES["exception"]
    elif native is not None and is_thread_class(native):
        names |= _NATIVE_NAMES["thread"]
    if not isinstance(obj, UserClass):
        names.update(getattr(obj, "attrs", None) or ())
    return sorted(name for name in names if isinstance(name, str))


TABLE: dict[str, Builtin] = {
    name: Builtin(name, fn, shared) for name, fn, shared in (
        ("getattr", positional(getattr_, "getattr", 2, 3), "never"),
        ("hasattr", positional(hasattr_, "hasattr", 2, 2), "never"),
        ("setattr", positional(setattr_, "setattr", 3, 3), "never"),
        ("isinstance", positional(isinstance_, "isinstance", 2, 2), "never"),
        ("type", _type, "never"),
        ("callable", positional(callable_, "callable", 1, 1), "never"),
        ("hash", positional(hash_, "hash", 1, 1), "never"),
        ("id", positional(id_, "id", 1, 1), "never"),
        ("vars", vars_, "never"), ("delattr", positional(delattr_, "delattr", 2, 2), "never"),
        ("dir", dir_, "never"))}
TABLE["object"] = OBJECT
UP.type_of = type_of
