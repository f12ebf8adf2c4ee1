"""`dataclasses`: `@dataclass` (with or without arguments) and `field()`.

The decorator reads the class's annotated names (collected by the compiler from the class
body, in order) and makes them fields: `__init__` takes them in order, `repr` shows them
(`Item(name='widget', stock=100)`), `==` compares them; `order=True` adds `<` and friends.
The methods are ours (objects.py), not code generated into the program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import MISSING, Field, UserClass
from ..objects import dataclass_fields
from ..values import fail

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_OPTIONS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args",
            "kw_only", "slots", "weakref_slot")


def _apply(cls: Any, order: bool) -> UserClass:
    if not isinstance(cls, UserClass):
        raise fail("TypeError", "dataclass() should be called on a class")
    cls.fields = dataclass_fields(cls)
    cls.order = order
    return cls


def _dataclass(m: Machine, th: Thread, cls: Any = None, /, **options: Any) -> Any:
    for name in options:
        if name not in _OPTIONS:
            raise fail("TypeError", f"dataclass() got an unexpected keyword argument '{name}'")
    if options.get("frozen") or options.get("slots"):
        raise fail("TypeError", "frozen and slots dataclasses are not supported here")
    order = bool(options.get("order", False))
    if cls is None:
        return Builtin("dataclass", lambda m, th, c: _apply(c, order), module="dataclasses")
    return _apply(cls, order)


def _field(m: Machine, th: Thread, *, default: Any = MISSING, default_factory: Any = None,
           repr: bool = True, init: bool = True, **extra: Any) -> Field:
    if default is not MISSING and default_factory is not None:
        raise fail("ValueError", "cannot specify both default and default_factory")
    return Field(default, default_factory, bool(repr), bool(init), extra)


TABLE: dict[str, Any] = {
    "dataclass": Builtin("dataclass", _dataclass, module="dataclasses"),
    "field": Builtin("field", _field, module="dataclasses"),
}
HINT = "Supported: dataclass (with order=True), field(default=…, default_factory=…, repr=…)."
