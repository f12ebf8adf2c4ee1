"""`copy`: `copy(x)` and `deepcopy(x)`, for the snapshot a thread takes of shared data.

Builtin data (lists, dicts, sets, tuples, deques, Counters, defaultdicts) and objects of the
program's classes are copied the way CPython's `copy` module copies them: a new object with
the same attributes (shallow), or with copies of them all, each object copied once however
many times it is reached (deep). Immutable values are themselves. A lock, a queue or a thread
cannot be copied (CPython's `cannot pickle '_thread.lock' object`). A deep copy makes at most
as many objects as a step's local operations (the budgets' local_ops). Each call is one step
when `x` is a shared container.
"""

from __future__ import annotations

from collections import Counter, OrderedDict, deque
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import Instance
from ..errors import BudgetError
from ..primitives import Primitive
from ..values import ThreadHandle, fail, type_name
from .collections import defaultdict

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from copy: copy, deepcopy."

_ATOMIC = (int, float, bool, str, bytes, complex, type(None), range)
_CONTAINERS = (list, dict, set, deque, Counter, OrderedDict, defaultdict)


def _refuse(value: Any) -> None:
    if isinstance(value, Primitive | ThreadHandle):
        kind = "_thread.lock" if type_name(value) == "lock" else type_name(value)
        raise fail("TypeError", f"cannot pickle '{kind}' object")


def _new_instance(m: Machine, obj: Instance) -> Instance:
    m.serial += 1
    new = Instance(obj.cls, m.serial)
    new.building = False
    return new


def _arguments(name: str, args: tuple[Any, ...], most: int) -> Any:
    """`x`, from the arguments of `copy(x)` or `deepcopy(x, memo=None, _nil=[])`, refused in
    the words of CPython's Python functions."""
    if not args:
        raise fail("TypeError", f"{name}() missing 1 required positional argument: 'x'")
    if len(args) > most:
        takes = "1 positional argument" if most == 1 else f"from 1 to {most} positional arguments"
        raise fail("TypeError", f"{name}() takes {takes} but {len(args)} were given")
    return args[0]


def _copy(m: Machine, th: Thread, *args: Any) -> Any:
    x = _arguments("copy", args, 1)
    _refuse(x)
    if isinstance(x, _CONTAINERS):
        return x.copy()
    if type(x) is Instance:
        new = _new_instance(m, x)
        new.attrs = dict(x.attrs)
        return new
    return x  # immutable, or a value of ours that is its own copy (a function, an exception)


class _Deep:
    def __init__(self, m: Machine) -> None:
        self.m = m
        self.memo: dict[int, Any] = {}
        budgets = m.program.budgets
        self.left = min(budgets.items, budgets.local_ops)  # one step's worth of work

    def copy(self, x: Any) -> Any:
        if isinstance(x, _ATOMIC):
            return x
        _refuse(x)
        found = self.memo.get(id(x))
        if found is not None:
            return found
        self.left -= 1
        if self.left < 0:
            raise BudgetError("deepcopy() would copy more objects than one step may make")
        if isinstance(x, tuple) and type(x) is tuple:
            items = [self.copy(v) for v in x]
            if all(new is old for new, old in zip(items, x, strict=True)):
                return x  # as CPython's: a tuple of what copies as itself is itself
            return self.memo.setdefault(id(x), tuple(items))
        if isinstance(x, list):
            new_list: list[Any] = self.memo.setdefault(id(x), [])
            new_list.extend(self.copy(v) for v in x)
            return new_list
        if isinstance(x, deque):
            new_deque: deque[Any] = self.memo.setdefault(id(x), deque(maxlen=x.maxlen))
            new_deque.extend(self.copy(v) for v in x)
            return new_deque
        if isinstance(x, dict):
            new_dict = self.memo.setdefault(id(x), x.copy())
            new_dict.clear()
            for k, v in x.items():
                new_dict[self.copy(k)] = self.copy(v)
            return new_dict
        if isinstance(x, set | frozenset):
            return self.memo.setdefault(id(x), type(x)(self.copy(v) for v in x))
        if type(x) is Instance:
            new = self.memo.setdefault(id(x), _new_instance(self.m, x))
            new.attrs = {k: self.copy(v) for k, v in x.attrs.items()}
            return new
        return x  # functions, classes, exceptions: CPython copies these as themselves


def _deepcopy(m: Machine, th: Thread, *args: Any) -> Any:
    return _Deep(m).copy(_arguments("deepcopy", args, 3))


TABLE: dict[str, Any] = {
    "copy": Builtin("copy", _copy, "containers", "copy"),
    "deepcopy": Builtin("deepcopy", _deepcopy, "containers", "copy"),
}
