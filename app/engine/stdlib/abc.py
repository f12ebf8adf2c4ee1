"""`abc`: `ABC` (and `metaclass=ABCMeta`) and `@abstractmethod`, as CPython 3.13 gives them:
a class deriving from `ABC` that still has an abstract method cannot be instantiated
(`TypeError: Can't instantiate abstract class Shape without an implementation for abstract
method 'area'`); `@abstractmethod` on a class that does not derive from ABC does nothing.

`ABC` is a marker among a class's bases, as `object` is (classes.make_class): it is not in
the class's `__mro__` here. The abstract method's body stays callable (`super().area()`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import Abstract, class_of
from ..introspect import LIBRARY_TYPES
from ..values import fail

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def _abc(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    raise fail("TypeError", "Can't instantiate abstract class ABC directly")


def _abstractmethod(m: Machine, th: Thread, fn: Any) -> Abstract:
    return Abstract(fn)


def _abc_instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, ABC)`: whether its class derives from ABC (which keeps the class's
    abstract methods, if only none); None for any other class."""
    if getattr(cls, "key", None) != "abc.ABC":
        return None
    own = class_of(obj)
    return own is not None and own.abstract is not None


LIBRARY_TYPES.append(_abc_instance)
TABLE: dict[str, Any] = {
    "ABC": Builtin("ABC", _abc, module="abc"),
    "ABCMeta": Builtin("ABCMeta", _abc, module="abc"),
    "abstractmethod": Builtin("abstractmethod", _abstractmethod, module="abc"),
}
HINT = "Supported from abc: ABC, ABCMeta (as metaclass=ABCMeta), abstractmethod."
