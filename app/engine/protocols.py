"""Iterating an object of a program's class, and Python's arithmetic operators on one.

Iteration follows CPython's protocol: `iter(obj)` runs the class's `__iter__` (a generator
function gives a generator, which a `for` loop runs a step at a time like any other; `return
iter(self.items)` gives a list's iterator; `return self` an object whose `__next__` gives the
items until it raises StopIteration: a `UserIter`). A class with `__getitem__` and no
`__iter__` is iterated by index until IndexError, as CPython's sequence protocol does.

`+`, `-`, `*` … on an object run on the host (arith.py): the host methods installed on
`Instance` here run the class's `__add__`, `__radd__`, `__iadd__` … in the thread whose step
this is (special.py), and raise CPython's TypeError, with the class's name, when neither
operand has the method.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Any, cast

from .classes import MISSING, Instance, matches
from .errors import BudgetError
from .iterators import SeqIter
from .machine import RUNNING
from .nested import Allowance
from .special import run_special
from .stdlib.enum import combine, flag_parts, int_value, invert
from .values import ExceptionClass, Thrown, fail, type_name

_STOP = ExceptionClass("StopIteration")
_INDEX_ERROR = ExceptionClass("IndexError")


class UserIter:
    """An object of the program's as an iterator: its `__next__` (or, with `index` not
    None, its `__getitem__` at 0, 1, 2 …), run inside the step that takes the item."""

    __slots__ = ("obj", "index")
    #: As a generator's (1): FOR_NEXT leaves the next item to FOR_ITER, which runs the
    #: object's `__next__` as the thread's own call (formatting.push_next); not a step itself.
    shared = 1
    type_name = "iterator"

    def __init__(self, obj: Instance, index: int | None = None) -> None:
        self.obj = obj
        self.index = index

    def next(self, allowance: Any = None) -> tuple[bool, Any]:
        try:
            if self.index is None:
                return True, _special(self.obj, "__next__", [], allowance)
            value = _special(self.obj, "__getitem__", [self.index], allowance)
        except Thrown as e:
            if matches(e.exc, _INDEX_ERROR if self.index is not None else _STOP):
                return False, None
            raise
        self.index += 1
        return True, value

    def describe(self) -> str:
        return self.obj.label

    def __iter__(self) -> Iterator[Any]:
        """Every item, for a built-in that walks it (`sorted(obj)`), within the items budget
        (an iterator that never stops must not hang the engine)."""
        running = RUNNING.get()
        if running is None:
            raise fail("TypeError", f"'{self.obj.cls.name}' object is not iterable")
        limit = running[0].program.budgets.items
        allowance = Allowance(running[0])  # every item's call shares it, as a generator's
        taken = 0
        while True:
            has, value = self.next(allowance)
            if not has:
                return
            taken += 1
            if taken > limit:
                raise BudgetError(f"an iterator gave more than {limit:,} items to one "
                                  f"built-in (the limit for one sequence)")
            yield value


def _special(obj: Instance, name: str, args: list[Any], allowance: Any = None) -> Any:
    result = run_special(obj, name, args, allowance)
    if result is MISSING:
        raise fail("TypeError", f"'{type_name(obj)}' object is not iterable")
    return result


def user_iter(obj: Instance) -> Any:
    """`iter(obj)`: what its `__iter__` returns (a generator, an iterator of ours, or an
    object with `__next__`), or an index walk over its `__getitem__`."""
    cls = obj.cls
    if "flag" in cls.options:  # a Flag's member: the one-bit members it holds
        return SeqIter(tuple(flag_parts(obj)), False)
    if cls.lookup("__iter__") is MISSING:
        if cls.lookup("__getitem__") is MISSING:
            raise fail("TypeError", f"'{cls.name}' object is not iterable")
        return UserIter(obj, 0)
    return as_iterator(_special(obj, "__iter__", []))


def as_iterator(it: Any) -> Any:
    """What an `__iter__` returned, as the loop walks it, with CPython's TypeError for what
    is no iterator."""
    if isinstance(it, Instance):
        if it.cls.lookup("__next__") is MISSING:
            raise fail("TypeError", f"iter() returned non-iterator of type '{it.cls.name}'")
        return UserIter(it)
    if not hasattr(it, "next") and type_name(it) != "generator":
        raise fail("TypeError", f"iter() returned non-iterator of type '{type_name(it)}'")
    return it


def next_of(obj: Instance) -> Any:
    """`next(obj)` on an object of the program's: its `__next__`."""
    if obj.cls.lookup("__next__") is MISSING:
        raise fail("TypeError", f"'{obj.cls.name}' object is not an iterator")
    return run_special(obj, "__next__", [])


# -- arithmetic --------------------------------------------------------------------------------

#: method name → the operator's symbol in CPython's messages.
BINARY_NAMES = _BINARY = {
    "add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%",
    "pow": "** or pow()", "lshift": "<<", "rshift": ">>", "and": "&", "or": "|", "xor": "^",
    "matmul": "@"}
_CONCAT: dict[type, str] = {str: "str", list: "list", tuple: "tuple"}


def _as_int(self: Instance, name: str, other: Any, reflected: bool = False) -> Any:
    """`+`, `<<` … on an IntEnum member: on its int value (MISSING for other objects); `|`,
    `&`, `^` on a Flag's member with another: a member (enum.combine)."""
    if "flag" in self.cls.options and name in ("or", "and", "xor"):
        member = combine(self, name, other)
        if member is not None:
            return member
    if "intenum" not in self.cls.options:
        return MISSING
    mine, theirs = self.attrs["value"], int_value(other)
    op = getattr(operator, name if name in ("add", "sub", "mul", "truediv", "floordiv",
                                            "mod", "pow", "lshift", "rshift", "xor",
                                            "matmul") else f"{name}_")
    return op(theirs, mine) if reflected else op(mine, theirs)


def _binary(name: str) -> Callable[[Instance, Any], Any]:
    def method(self: Instance, other: Any) -> Any:
        if (as_int := _as_int(self, name, other)) is not MISSING:
            return as_int
        result = run_special(self, f"__{name}__", [other])
        if result is not MISSING and result is not NotImplemented:
            return result
        return declined(name, self, other)
    return method


def declined(name: str, self: Instance, other: Any) -> Any:
    """`self op other` once `self`'s own `__op__` is missing or answered NotImplemented:
    `other`'s `__rop__`, or CPython's TypeError."""
    if isinstance(other, Instance):  # one host type: the host never asks the right one
        result = run_special(other, f"__r{name}__", [self])
        if result is not MISSING and result is not NotImplemented:
            return result
    if name == "mul" and type(other) in _CONCAT:
        raise _not_a_count(self)
    raise _unsupported(name, self, other)


def _reflected(name: str) -> Callable[[Instance, Any], Any]:
    def method(self: Instance, other: Any) -> Any:
        if (as_int := _as_int(self, name, other, reflected=True)) is not MISSING:
            return as_int
        result = run_special(self, f"__r{name}__", [other])
        if result is not MISSING and result is not NotImplemented:
            return result
        return declined_reflected(name, self, other)
    return method


def declined_first(name: str, left: Instance, right: Instance) -> Any:
    """`left op right` once `right`'s own `__rop__`, tried first (its class derives from
    `left`'s and overrides it), answered NotImplemented: `left`'s `__op__`, or the
    TypeError."""
    result = run_special(left, f"__{name}__", [right])
    if result is not MISSING and result is not NotImplemented:
        return result
    raise _unsupported(name, left, right)


def declined_reflected(name: str, self: Instance, other: Any) -> Any:
    """`other op self`, `other` no object of the program's, once `self`'s `__rop__` is
    missing or answered NotImplemented: CPython's TypeError."""
    concat = _CONCAT.get(type(other))
    if name == "add" and concat is not None:
        raise fail("TypeError", f'can only concatenate {concat} (not "{self.cls.name}") '
                                f"to {concat}")
    if name == "mul" and concat is not None:
        raise _not_a_count(self)
    raise _unsupported(name, other, self)


def _inplace(name: str) -> Callable[[Instance, Any], Any]:
    def method(self: Instance, other: Any) -> Any:
        if (as_int := _as_int(self, name, other)) is not MISSING:
            return as_int
        for attempt in (f"__i{name}__", f"__{name}__"):
            result = run_special(self, attempt, [other])
            if result is not MISSING and result is not NotImplemented:
                return result
        if isinstance(other, Instance):
            result = run_special(other, f"__r{name}__", [self])
            if result is not MISSING and result is not NotImplemented:
                return result
        raise _unsupported(name, self, other, "=")
    return method


def _not_a_count(obj: Instance) -> Exception:
    """A sequence times an object that is no int, either way round."""
    return fail("TypeError", f"can't multiply sequence by non-int of type '{obj.cls.name}'")


def _unsupported(name: str, left: Any, right: Any, inplace: str = "") -> Exception:
    symbol = _BINARY[name]
    if inplace:
        symbol = "**=" if name == "pow" else symbol + inplace
    return fail("TypeError", f"unsupported operand type(s) for {symbol}: "
                             f"'{type_name(left)}' and '{type_name(right)}'")


def _unary(name: str, words: str) -> Callable[[Instance], Any]:
    def method(self: Instance) -> Any:
        if name == "__invert__" and "flag" in self.cls.options:
            return invert(self)
        if "intenum" in self.cls.options:  # `-Priority.HIGH`, `abs(m)`: on its int value
            return getattr(operator, name)(self.attrs["value"])
        result = run_special(self, name, [])
        if result is MISSING:
            raise fail("TypeError", f"{words}: '{self.cls.name}'")
        return result
    return method


def _number(name: str, kind: type, words: str) -> Callable[[Instance], Any]:
    def method(self: Instance) -> Any:
        if "intenum" in self.cls.options:
            return kind(self.attrs["value"])
        result = run_special(self, name, [])
        if result is MISSING:
            raise fail("TypeError", f"{words}, not '{self.cls.name}'")
        if not isinstance(result, kind):
            owner = f"{self.cls.name}." if kind is float else ""  # CPython 3.13's words
            raise fail("TypeError", f"{owner}{name} returned non-{kind.__name__} (type "
                                    f"{type_name(result)})")
        return result
    return method


for _name in _BINARY:
    setattr(Instance, f"__{_name}__", _binary(_name))
    setattr(Instance, f"__r{_name}__", _reflected(_name))
    setattr(Instance, f"__i{_name}__", _inplace(_name))
for _name, _method in {
    "__neg__": _unary("__neg__", "bad operand type for unary -"),
    "__pos__": _unary("__pos__", "bad operand type for unary +"),
    "__invert__": _unary("__invert__", "bad operand type for unary ~"),
    "__abs__": _unary("__abs__", "bad operand type for abs()"),
    "__int__": _number("__int__", int, "int() argument must be a string, a bytes-like "
                                       "object or a real number"),
    "__float__": _number("__float__", float,
                         "float() argument must be a string or a real number"),
}.items():
    setattr(Instance, _name, _method)


def _index(self: Instance) -> int:
    """`range(obj)`, `xs[obj]`, `bin(obj)`: an IntEnum member's value, or what the class's
    own `__index__` gives (an int)."""
    if "intenum" in self.cls.options:
        return cast("int", self.attrs["value"])
    result = run_special(self, "__index__", [])
    if result is MISSING:
        raise fail("TypeError", f"'{self.cls.name}' object cannot be interpreted as an "
                                f"integer")
    if not isinstance(result, int):
        raise fail("TypeError", f"__index__ returned non-int (type {type_name(result)})")
    return result


def _round(self: Instance, *ndigits: Any) -> Any:
    """`round(obj[, n])`: the class's own `__round__`."""
    result = run_special(self, "__round__", list(ndigits))
    if result is MISSING:
        raise fail("TypeError", f"type {self.cls.name} doesn't define __round__ method")
    return result


Instance.__index__ = _index  # type: ignore[attr-defined]
Instance.__round__ = _round  # type: ignore[attr-defined]
