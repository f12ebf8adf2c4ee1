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
from ..classes import Abstract
from ..values import fail

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def _abc(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    raise fail("TypeError", "Can't instantiate abstract class ABC directly")


def _abstractmethod(m: Machine, th: Thread, fn: Any) -> Abstract:
    return Abstract(fn)


TABLE: dict[str, Any] = {
    "ABC": Builtin("ABC", _abc, module="abc"),
    "ABCMeta": Builtin("ABCMeta", _abc, module="abc"),
    "abstractmethod": Builtin("abstractmethod", _abstractmethod, module="abc"),
}
HINT = "Supported from abc: ABC, ABCMeta (as metaclass=ABCMeta), abstractmethod."
