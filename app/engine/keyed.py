"""Built-ins that order values, `key=` and `reverse=` included: `sorted`, `min`, `max` and
`list.sort`, with CPython 3.13's results (stable sorts, the first of equal extremes) and
messages.

A key that is the program's own function (a lambda, a `def`, a method of its class) given to
`sorted`, `min`, `max` or `list.sort` is called first, once per item in order as CPython calls
it, as the thread's own code (`push_keys`: a property it reads may take a lock, and wait): the
call then runs again on the keys it made (`Keys`). Any other key (`len`, `rolls.get`), and a
key called where the call cannot be made again, runs through `nested.call_now`, inside the
one step that sorts. The keys are then compared by the real sort.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, cmp_to_key
from typing import TYPE_CHECKING, Any

from .arith import check_ranges
from .builtin import Builtin
from .classes import Method
from .code import COMPILERS
from .formatting import Converted
from .generators import rest
from .machine import RUNNING, push_frame
from .nested import Allowance, call_now
from .values import Function, Partial, fail, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread

_MISSING: Any = object()


class Keys:
    """A key function's results for the items it was called on, standing in the call's
    key argument while the call runs again (`push_keys`)."""

    __slots__ = ("fn", "items", "keys")

    def __init__(self, fn: Any, items: tuple[Any, ...], keys: list[Any]) -> None:
        self.fn, self.items, self.keys = fn, items, keys

    def __reduce__(self) -> tuple[Any, ...]:  # as Converted's: no dict on the way
        return Keys, (self.fn, self.items, self.keys)


def _keys(m: Machine, th: Thread, key: Any, items: list[Any]) -> list[Any]:
    if type(key) is Keys:
        if len(key.items) == len(items) and all(map(_same, key.items, items)):
            return key.keys
        key = key.fn  # the list changed meanwhile (another thread's): its keys now, at once
    allowance = Allowance(m)
    return [call_now(m, th, key, [item], allowance=allowance) for item in items]


#: Values a state split in parts may hold as two equal copies (parts.py copies them into
#: each part): the same item, if equal; any other object is the same only as itself.
_COPIED = frozenset({str, bytes, int, float, complex, bool, tuple, frozenset, range})


def _same(a: Any, b: Any) -> bool:
    return a is b or (type(a) is type(b) and type(a) in _COPIED and a == b)


#: The library's loop that calls a key function on each item, as the thread's own code.
_KEYS_SOURCE = """
def keys(key, items):
    return [key(item) for item in items]
"""


@cache
def _keys_function() -> Function:
    return Function(COMPILERS.function(_KEYS_SOURCE), (), None)


def own_key(key: Any) -> bool:
    """Whether `key` is the program's own code, which may wait: a function or a method."""
    fn = key.fn if type(key) is Method else key
    return isinstance(fn, Function) and not fn.code.generator


class KeysMade(Converted):
    """The `cleanup` of the frame calling a key on each item (`push_keys`): its RETURN puts
    the keys in the key argument's place (`slot` on the caller's stack), and the call, which
    stayed put, runs again."""

    __slots__ = ("slot", "fn", "items")

    def __init__(self, slot: int, fn: Any, items: tuple[Any, ...]) -> None:
        super().__init__(0, "key", "keys")
        self.slot, self.fn, self.items = slot, fn, items

    def __reduce__(self) -> tuple[Any, ...]:
        return KeysMade, (self.slot, self.fn, self.items)

    def land(self, m: Machine, frame: Any, value: Any) -> None:
        frame.stack[self.slot] = Keys(self.fn, self.items, value)


def push_keys(m: Machine, th: Thread, key: Any, items: tuple[Any, ...], slot: int) -> None:
    """Call `key` on each of `items` as the thread's own code; the keys then stand at
    `slot`, the key argument's place on the stack of the call that runs again."""
    frame = push_frame(m, th, _keys_function(), [key, items], {})
    frame.cleanup = KeysMade(slot, key, items)


class KeyObject:
    """What `functools.cmp_to_key(cmp)(x)` makes: `x`, ordered by the program's `cmp`. A
    sort by such a key calls `cmp` on the items themselves (`sort_list`); these objects
    compare only while a step of a program with special methods runs (RUNNING)."""

    __slots__ = ("cmp", "obj")
    type_name = "functools.KeyWrapper"

    def __init__(self, cmp: Any, obj: Any) -> None:
        self.cmp, self.obj = cmp, obj

    def _compare(self, other: Any) -> Any:
        running = RUNNING.get()
        if not isinstance(other, KeyObject) or running is None:
            raise fail("TypeError", "other argument must be K instance")
        return call_now(*running, self.cmp, [self.obj, other.obj])

    def __lt__(self, other: Any) -> bool:
        return bool(self._compare(other) < 0)

    def __gt__(self, other: Any) -> bool:
        return bool(self._compare(other) > 0)

    def __le__(self, other: Any) -> bool:
        return bool(self._compare(other) <= 0)

    def __ge__(self, other: Any) -> bool:
        return bool(self._compare(other) >= 0)

    def __eq__(self, other: Any) -> bool:
        return bool(self._compare(other) == 0)

    __hash__ = None  # type: ignore[assignment]


def _key_object(m: Machine, th: Thread, cmp: Any, obj: Any) -> KeyObject:
    return KeyObject(cmp, obj)


#: The function `functools.cmp_to_key(cmp)` makes is a partial of this one.
KEY_OBJECT = Builtin("K", _key_object, module="functools")


def sort_list(m: Machine, th: Thread, items: list[Any], key: Any = None,
              reverse: Any = False) -> None:
    """`items.sort(key=key, reverse=reverse)` in place."""
    if key is None:
        items.sort(reverse=reverse)
        return
    if type(key) is Partial and key.func is KEY_OBJECT:  # `key=cmp_to_key(cmp)`
        cmp, allowance = key.args[0], Allowance(m)
        items.sort(key=cmp_to_key(lambda a, b: _order(call_now(m, th, cmp, [a, b],
                                                                allowance=allowance))),
                   reverse=reverse)
        return
    keys = _keys(m, th, key, items)
    order = sorted(range(len(items)), key=keys.__getitem__, reverse=reverse)
    items[:] = [items[i] for i in order]


def _order(result: Any) -> int:
    """A `cmp` function's answer as the sort reads it: below, at or above zero."""
    if not isinstance(result, int | float):
        raise fail("TypeError", f"'<' not supported between instances of "
                                f"'{type_name(result)}' and 'int'")
    return -1 if result < 0 else int(result > 0)


def list_sort(m: Machine, th: Thread, items: list[Any], *args: Any, **kwargs: Any) -> None:
    """The `sort` method of a list: keyword arguments only, as CPython's."""
    if args:
        raise fail("TypeError", "sort() takes no positional arguments")
    key, reverse = kwargs.pop("key", None), kwargs.pop("reverse", False)
    for name in kwargs:
        raise fail("TypeError", f"sort() got an unexpected keyword argument '{name}'")
    sort_list(m, th, items, key, reverse)


def sorted_(m: Machine, th: Thread, *args: Any, key: Any = None, reverse: Any = False,
            **extra: Any) -> list[Any]:
    if len(args) != 1 or extra:
        return sorted(*args, key=None, reverse=reverse, **extra)  # CPython's own TypeError
    check_ranges(args, m.program.budgets)
    items = list(rest(m, th, args[0]))
    sort_list(m, th, items, key, reverse)
    return items


def _extreme(name: str, pick: Callable[..., Any]) -> Callable[..., Any]:
    def run(m: Machine, th: Thread, *args: Any, key: Any = None, default: Any = _MISSING,
            **extra: Any) -> Any:
        if extra:  # CPython 3.13's words (3.11's host says it otherwise)
            raise fail("TypeError", f"{name}() got an unexpected keyword argument "
                                    f"'{next(iter(extra))}'")
        if not args:
            raise fail("TypeError", f"{name} expected at least 1 argument, got 0")
        check_ranges(args, m.program.budgets)
        if len(args) == 1:
            items = list(rest(m, th, args[0]))
        elif default is not _MISSING:
            raise fail("TypeError", f"Cannot specify a default for {name}() with multiple "
                                    f"positional arguments")
        else:
            items = list(args)
        if not items:
            if default is not _MISSING:
                return default
            raise fail("ValueError", f"{name}() iterable argument is empty")
        if key is None:
            return pick(items)
        keys = _keys(m, th, key, items)
        token = RUNNING.set((m, th))  # `key=cmp_to_key(cmp)`: its KeyObjects call `cmp`
        try:
            return items[pick(range(len(items)), key=keys.__getitem__)]
        finally:
            RUNNING.reset(token)
    return run


min_ = _extreme("min", min)
max_ = _extreme("max", max)
