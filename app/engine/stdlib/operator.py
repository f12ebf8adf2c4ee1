"""`operator`: `itemgetter` and `attrgetter` (the usual `key=` of a sort), and the operators
as functions (`operator.add`, `operator.mul` …), which compute exactly what the operator
does in a program, size checks included (arith.operator_for).

An itemgetter or attrgetter is a `Getter`: calling it indexes its argument (as `x[i]` on
builtin data) or reads its attributes through the program's objects (`calls.get_attribute`),
never an attribute of a host object.
"""

from __future__ import annotations

import operator as host
from typing import TYPE_CHECKING, Any

from ..arith import COMPARE, operator_for
from ..builtin import Builtin
from ..calls import get_attribute
from ..formatting import item
from ..nested import call_now
from ..values import LibraryObject, fail, represent, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_BINARY = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%",
           "pow": "**", "lshift": "<<", "rshift": ">>", "and_": "&", "or_": "|", "xor": "^"}
_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_UNARY = {"neg": host.neg, "pos": host.pos, "not_": host.not_, "truth": host.truth,
          "abs": host.abs, "invert": host.invert}

HINT = ("Supported from operator: itemgetter, attrgetter, methodcaller, " + ", ".join(
    sorted([*_BINARY, *_COMPARE, *_UNARY, "contains", "concat", "getitem"])) + ".")


class Getter(LibraryObject):
    """`itemgetter(*items)` (`kind` "item") or `attrgetter(*names)` ("attr")."""

    __slots__ = ("kind", "keys")
    METHODS = frozenset({"__call__"})

    def __init__(self, kind: str, keys: tuple[Any, ...]) -> None:
        self.kind, self.keys = kind, keys

    def __repr__(self) -> str:
        return f"operator.{self.kind}getter({', '.join(represent(k) for k in self.keys)})"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise fail("TypeError", f"{self.kind}getter() takes no keyword arguments")
        if len(args) != 1:
            raise fail("TypeError", f"{self.kind}getter expected 1 argument, got {len(args)}")
        (obj,) = args
        if self.kind == "item":
            found = [item(obj, key) for key in self.keys]
        else:
            found = []
            for dotted in self.keys:
                value = obj
                for part in dotted.split("."):
                    value = get_attribute(m, th, value, part)
                found.append(value)
        return found[0] if len(found) == 1 else tuple(found)


class MethodCaller(LibraryObject):
    """`methodcaller(name, *args, **kwargs)`: calling it with `obj` calls `obj.name(...)`,
    the method found as the program's `obj.name` finds it (`calls.get_attribute`) and run
    inside the step, as a key function is."""

    __slots__ = ("name", "args", "kwargs")
    METHODS = frozenset({"__call__"})

    def __init__(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs

    def __repr__(self) -> str:
        parts = [repr(self.name), *(represent(a) for a in self.args),
                 *(f"{k}={represent(v)}" for k, v in self.kwargs.items())]
        return f"operator.methodcaller({', '.join(parts)})"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise fail("TypeError", "methodcaller() takes no keyword arguments")
        if len(args) != 1:
            raise fail("TypeError", f"methodcaller expected 1 argument, got {len(args)}")
        method = get_attribute(m, th, args[0], self.name)
        return call_now(m, th, method, list(self.args), dict(self.kwargs))


def _methodcaller(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> MethodCaller:
    if not args:
        raise fail("TypeError", "methodcaller needs at least one argument, the method name")
    if not isinstance(args[0], str):
        raise fail("TypeError", "method name must be a string")
    return MethodCaller(args[0], args[1:], kwargs)


def _itemgetter(m: Machine, th: Thread, *items: Any) -> Getter:
    if not items:
        raise fail("TypeError", "itemgetter expected 1 argument, got 0")
    return Getter("item", items)


def _attrgetter(m: Machine, th: Thread, *names: Any) -> Getter:
    if not names:
        raise fail("TypeError", "attrgetter expected 1 argument, got 0")
    for name in names:
        if not isinstance(name, str):
            raise fail("TypeError", "attribute name must be a string")
    return Getter("attr", names)


def _binary(name: str, symbol: str) -> Builtin:
    def call(m: Machine, th: Thread, a: Any, b: Any) -> Any:
        return operator_for(symbol, m.program.budgets)(a, b)
    return Builtin(name, call, "containers", "operator")


def _concat(m: Machine, th: Thread, a: Any, b: Any) -> Any:
    if not isinstance(a, list | tuple | str):
        raise fail("TypeError", f"'{type_name(a)}' object can't be concatenated")
    return operator_for("+", m.program.budgets)(a, b)


def _getitem(m: Machine, th: Thread, obj: Any, key: Any) -> Any:
    return item(obj, key)


TABLE: dict[str, Any] = {
    "itemgetter": Builtin("itemgetter", _itemgetter, module="operator"),
    "attrgetter": Builtin("attrgetter", _attrgetter, module="operator"),
    "methodcaller": Builtin("methodcaller", _methodcaller, module="operator"),
    **{name: _binary(name, symbol) for name, symbol in _BINARY.items()},
    **{name: Builtin(name, lambda m, th, a, b, op=op: COMPARE[op](a, b), "containers",
                     "operator") for name, op in _COMPARE.items()},
    **{name: Builtin(name, lambda m, th, a, fn=fn: fn(a), "containers", "operator")
       for name, fn in _UNARY.items()},
    "contains": Builtin("contains", lambda m, th, a, b: b in a, "containers", "operator"),
    "concat": Builtin("concat", _concat, "containers", "operator"),
    "getitem": Builtin("getitem", _getitem, "containers", "operator"),
}
