"""`collections.abc`'s and `numbers`' classes as `isinstance` asks them
(`isinstance(item, Iterable)` in a flatten helper, `isinstance(f, Callable)`,
`isinstance(amount, numbers.Number)` in a validator): each answers for a simulated value
what CPython's `__subclasshook__` or its registrations answer for the real one, from the
methods a program's class defines or the built-in type a value has. In annotations they
are skipped, as typing's names are; a class cannot derive from them here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ..builtin import Builtin
from ..calls import ATTRIBUTES
from ..classes import MISSING, Instance, Method, UserClass
from ..generators import Generator
from ..introspect import LIBRARY_TYPES
from ..iterators import SeqIter
from ..protocols import UserIter
from ..values import (
    BoundMethod,
    DictView,
    ExceptionClass,
    Function,
    MethodDescriptor,
    Partial,
    TypeValue,
)


@dataclass(frozen=True, slots=True)
class AbcClass:
    """One of collections.abc's (or numbers') classes, as a value."""

    name: str
    module: str = "collections.abc"
    type_name: ClassVar[str] = "abc.ABCMeta"

    def __repr__(self) -> str:
        return f"<class '{self.module}.{self.name}'>"

    def __getitem__(self, params: Any) -> AbcClass:
        """`Iterable[int]` outside an annotation (a type alias): the class, as a hint."""
        return self


def _has(obj: Any, *names: str) -> bool:
    return type(obj) is Instance and all(obj.cls.lookup(n) is not MISSING for n in names)


_SEQUENCES = (list, tuple, str, bytes, range, deque)
_SIZED = (*_SEQUENCES, dict, set, frozenset)


def _sized(obj: Any) -> bool:
    return isinstance(obj, _SIZED) or _has(obj, "__len__")


def _iterable(obj: Any) -> bool:
    return isinstance(obj, (*_SIZED, Generator, SeqIter, UserIter)) or _has(obj, "__iter__")


def _iterator(obj: Any) -> bool:
    return isinstance(obj, Generator | SeqIter | UserIter) or _has(obj, "__iter__", "__next__")


def _hashable(obj: Any) -> bool:
    if isinstance(obj, DictView):  # a values view is hashable (by identity), not a set-like
        return obj.type_name.endswith("values")
    if type(obj) is Instance:  # `__eq__` without `__hash__` makes a class unhashable
        return obj.cls.lookup("__hash__") is not None and not (
            isinstance(obj.cls.lookup("__eq__"), Function)
            and obj.cls.lookup("__hash__") is MISSING)
    return not isinstance(obj, list | dict | set | deque)


def _callable(obj: Any) -> bool:
    return _has(obj, "__call__") or isinstance(obj, Function | Builtin | BoundMethod | Method
                                               | ExceptionClass | Partial | MethodDescriptor
                                               | TypeValue | UserClass | AbcClass)


def _view(*kinds: str) -> Callable[[Any], bool]:
    return lambda obj: isinstance(obj, DictView) and obj.type_name.split("_")[-1] in kinds


CHECKS: dict[str, Callable[[Any], bool]] = {
    "Iterable": _iterable,
    "Iterator": _iterator,
    "Generator": lambda obj: type(obj) is Generator and obj.kind == "generator",
    "Sized": _sized,
    "Container": lambda obj: isinstance(obj, _SIZED) or _has(obj, "__contains__"),
    "Collection": lambda obj: isinstance(obj, _SIZED) or _has(
        obj, "__len__", "__iter__", "__contains__"),
    "Reversible": lambda obj: isinstance(obj, (*_SEQUENCES, dict)) or _has(
        obj, "__reversed__", "__iter__"),
    "Hashable": _hashable,
    "Callable": _callable,
    "Sequence": lambda obj: isinstance(obj, _SEQUENCES) and not isinstance(obj, DictView),
    "MutableSequence": lambda obj: isinstance(obj, list | deque) and not isinstance(
        obj, DictView),
    "Mapping": lambda obj: isinstance(obj, dict),
    "MutableMapping": lambda obj: isinstance(obj, dict) and type(obj).__name__ != "mappingproxy",
    "Set": lambda obj: isinstance(obj, set | frozenset) or _view("keys", "items")(obj),
    "MutableSet": lambda obj: isinstance(obj, set),
    "MappingView": _view("keys", "values", "items"),
    "KeysView": _view("keys"),
    "ValuesView": _view("values"),
    "ItemsView": _view("items"),
}


def _integral(obj: Any) -> bool:
    return isinstance(obj, int) or (type(obj) is Instance and "intenum" in obj.cls.options)


#: numbers' tower: each class, and what is one (Decimal is a Number, no Real).
NUMBERS: dict[str, Callable[[Any], bool]] = {
    "Number": lambda obj: _integral(obj) or isinstance(obj, float | complex | Decimal),
    "Complex": lambda obj: _integral(obj) or isinstance(obj, float | complex),
    "Real": lambda obj: _integral(obj) or isinstance(obj, float),
    "Rational": _integral,
    "Integral": _integral,
}


def _abc_instance(cls: Any, obj: Any) -> bool | None:
    if not isinstance(cls, AbcClass):
        return None
    return (NUMBERS if cls.module == "numbers" else CHECKS)[cls.name](obj)


LIBRARY_TYPES.append(_abc_instance)
ATTRIBUTES[AbcClass] = lambda cls, name: cls.name if name in ("__name__", "__qualname__") else (
    cls.module if name == "__module__" else MISSING)
TABLE: dict[str, Any] = {name: AbcClass(name) for name in CHECKS}
#: The `numbers` module.
NUMBERS_TABLE: dict[str, Any] = {name: AbcClass(name, "numbers") for name in NUMBERS}
NUMBERS_HINT = "Supported from numbers: " + ", ".join(NUMBERS) + " (for isinstance)."
