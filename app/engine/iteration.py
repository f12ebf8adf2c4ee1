"""The built-ins `iter` and `next`, `iter(callable, sentinel)`'s iterator, what a `for` loop
walks (`make_iter`), and an object of the program's walked by a host built-in (`sorted(obj)`).

They take any iterator there is: a generator (generators.py), an object of the program's
(protocols.py), a container's (iterators.py), and the calls of `iter(fn, sentinel)`, each of
which is a call like any other (calls.py). So they stand above all of those.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from .calls import call_method, method_is_step, method_ready
from .classes import Instance, UserClass
from .generators import PUSHED, Generator, rest, resume
from .introspect import callable_
from .iterators import ITERATOR_NAMES, DequeIter, LazyIter, SeqIter, WaitingIter
from .machine import RUNNING
from .nested import call_now
from .protocols import UserIter, next_of, user_iter
from .special import iterable
from .upcalls import PENDING
from .values import BoundMethod, DictView, Thrown, fail, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread


class CallIter(WaitingIter):
    """`iter(callable, sentinel)`: each item is a call of `fn` until it returns the sentinel
    (`for job in iter(q.get, None)`). Taking an item is a step; a primitive's method (a
    queue's `get`) waits in the `for` loop as the call itself would."""

    __slots__ = ("fn", "sentinel", "done")
    type_name = "callable_iterator"
    called = True

    def __init__(self, fn: Any, sentinel: Any) -> None:
        self.fn = fn
        self.sentinel = sentinel
        self.done = False

    def describe(self) -> str:
        return "iter(callable, sentinel)"

    def _method(self) -> tuple[Any, str] | None:
        fn = self.fn
        if type(fn) is BoundMethod and method_is_step(fn.obj, fn.name):
            return fn.obj, fn.name
        return None

    def why(self, m: Machine, th: Thread) -> str | None:
        method = self._method()
        if self.done or method is None:
            return None
        return method_ready(m, th, method[0], method[1], [], {})

    def why_all(self) -> str | None:
        return None

    def take(self, m: Machine | None, th: Thread | None) -> tuple[bool, Any]:
        if self.done:
            return False, None
        if m is None or th is None:
            raise fail("RuntimeError", "iter(callable, sentinel) is walked by a for loop "
                                       "here, not by a built-in")
        method = self._method()
        if method is not None:
            _, value, _ = call_method(m, th, method[0], method[1], [], {})
            if value is PENDING:  # it waits, as the call would: FOR_ITER stays put
                return True, value
        else:
            value = call_now(m, th, self.fn, [])
        if value is self.sentinel or value == self.sentinel:
            self.done = True
            return False, None
        return True, value


def next_(m: Machine, th: Thread, it: Any, *default: Any) -> Any:
    """`next(it[, default])`. On a generator its frame is pushed (PUSHED): its YIELD gives
    the call's result."""
    if len(default) > 1:
        raise fail("TypeError", f"next expected at most 2 arguments, got {len(default) + 1}")
    if type(it) is Generator:
        resume(m, th, it, ("call", *default))
        return PUSHED
    if type(it) is Instance:
        try:
            return next_of(it)
        except Thrown as e:
            if default and e.exc.type == "StopIteration":
                return default[0]
            raise
    if type(it) is UserIter or isinstance(it, WaitingIter):
        has, value = it.next() if isinstance(it, UserIter) else it.take(m, th)
        if value is PENDING:  # a timed wait of `executor.map`'s results: the call stays put
            if type(it) is CallIter:
                raise fail("RuntimeError", "next() on iter(callable, sentinel) whose call "
                                           "would wait: use a for loop")
            return PENDING
        if has:
            return value
        if default:
            return default[0]
        raise fail("StopIteration")
    if not isinstance(it, SeqIter):
        raise fail("TypeError", f"'{type_name(it)}' object is not an iterator")
    has, value = it.next()
    if has:
        return value
    if default:
        return default[0]
    raise fail("StopIteration")


#: The iterator `iter()` makes of each of a dict's views (`iter(d.items())`).
_VIEW_ITERATORS = {"dict_keys": "dict_keyiterator", "dict_values": "dict_valueiterator",
                   "dict_items": "dict_itemiterator", "odict_keys": "odict_iterator",
                   "odict_values": "odict_iterator", "odict_items": "odict_iterator"}


def iter_(m: Machine, th: Thread, value: Any, *sentinel: Any) -> Any:
    """`iter(value)`: a generator or iterator itself, else an iterator over it;
    `iter(fn, sentinel)`: calls of `fn` until one returns the sentinel."""
    if sentinel:
        if len(sentinel) > 1:
            raise fail("TypeError", f"iter expected at most 2 arguments, got "
                                    f"{len(sentinel) + 1}")
        if not callable_(m, th, value):
            raise fail("TypeError", "iter(v, w): v must be callable")
        return CallIter(value, sentinel[0])
    if type(value) is Generator or isinstance(value, SeqIter | UserIter):
        return value
    if type(value) is Instance:
        it = user_iter(value)
        # `return self`: the object is its own iterator (not so a walk of its __getitem__)
        return value if type(it) is UserIter and it.obj is value and it.index is None else it
    kind = (_VIEW_ITERATORS.get(value.type_name) if isinstance(value, DictView)
            else ITERATOR_NAMES.get(type(value)))
    if kind is None:
        raise fail("TypeError", f"'{type_name(value)}' object is not iterable")
    it = make_iter(value)
    assert isinstance(it, SeqIter)  # what ITERATOR_NAMES names: built-in containers
    return LazyIter(it.seq, it.shared, kind)


def make_iter(value: Any) -> SeqIter | WaitingIter | UserIter:
    """What a `for` loop walks over `value`: a container's items, an iterator itself, or an
    object of the program's through its `__iter__`; CPython's TypeError otherwise."""
    if isinstance(value, list | bytearray):
        return SeqIter(value, True)
    if isinstance(value, deque | dict | set) and not isinstance(value, OrderedDict):
        return DequeIter(value)  # (an OrderedDict's iterator has rules of its own: not here)
    if isinstance(value, dict | set):
        return SeqIter(list(value), True)
    if isinstance(value, frozenset):
        return SeqIter(tuple(value), False)
    if isinstance(value, range | tuple | str | bytes):
        return SeqIter(value, False)
    if isinstance(value, SeqIter | WaitingIter):
        return value
    if isinstance(value, Instance):
        return cast("SeqIter | WaitingIter | UserIter", user_iter(value))
    if isinstance(value, UserClass):  # an enumeration's members (stdlib/enum.py)
        return SeqIter(tuple(value), False)  # type: ignore[arg-type]  # enum.py gives it __iter__
    if isinstance(value, UserIter):
        return value
    raise fail("TypeError", f"'{type_name(value)}' object is not iterable")


def _host_iter(self: Instance) -> Iterator[Any]:
    """A host built-in walking the object (`sorted(obj)`, `list(obj)`, `max(obj)`)."""
    running = RUNNING.get()
    if running is None or not iterable(self):
        raise fail("TypeError", f"'{self.cls.name}' object is not iterable")
    m, th = running
    return iter(rest(m, th, user_iter(self)))


# Installed here, above generators (`rest`); protocols.py installs Instance's other host
# methods.
Instance.__iter__ = _host_iter  # type: ignore[attr-defined]
