"""`map`, `filter`, and `zip` and `enumerate` over iterators: lazy, as CPython's are; and
`any` and `all` over code that runs, as the thread's own calls of the library's function.

Each is a generator whose code is the library's own Python (below, compiled at line 0 as a
thread pool's worker loop is), with its type's name (`<map object>`, `type(m).__name__ ==
'map'`) and none of a generator's methods. So `map(print, xs)` prints nothing until it is
walked; `next(filter(None, it))` takes items up to the first true one; the function `map`
calls runs as the consumer's code, a step at a time in a `for` loop (a lock it takes may
make the consumer wait), or inside the step of a built-in that walks the map (`list`, `sum`);
and each item of a shared list they walk is a step, as a `for` loop's is.

What CPython does when the call is made is done here at once: each argument's iterator is
made (`map(f, 5)` is a TypeError there and then); an `executor.map` given to them has its
results taken then (the call waits for them, as a built-in walking them does).

`zip` and `enumerate` over containers only (lists, tuples, strings, ranges, a finite
iterator over one) take their items when called, in that one step, as before: only an
iterator that runs code or never ends (a generator, `itertools.count()`, a `map`) needs them
lazy, and a `for i, x in enumerate(items)` then costs no generator per loop.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from .arith import check_ranges
from .builtin import Builtin
from .classes import Instance
from .code import COMPILERS
from .generators import PUSHED, Generator, make_generator, walked
from .iteration import make_iter
from .iterators import LazyIter, SeqIter, WaitingIter
from .machine import push_frame
from .protocols import UserIter
from .values import Function, fail

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: The library's Python for each: `iterators` is a tuple (walking it is not a step), the
#: items gathered in tuples (building them is not one either).
SOURCES = {
    "map": '''
def map(function, iterators):
    if len(iterators) == 1:
        for x in iterators[0]:
            yield function(x)
        return
    while True:
        args = ()
        for it in iterators:
            for x in it:
                args = args + (x,)
                break
            else:
                return
        yield function(*args)
''',
    "filter": '''
def filter(function, iterator):
    if function is None:
        for x in iterator:
            if x:
                yield x
    else:
        for x in iterator:
            if function(x):
                yield x
''',
    # CPython's zip_next, with its `strict=True` checks and messages.
    "zip": '''
def zip(iterators, strict):
    if not iterators:
        return
    while True:
        items = ()
        for it in iterators:
            for x in it:
                items = items + (x,)
                break
            else:
                n = len(items)
                if strict and n:
                    raise ValueError(f"zip() argument {n + 1} is shorter than "
                                     f"argument{' ' if n == 1 else 's 1-'}{n}")
                if strict:
                    k = 1
                    for other in iterators[1:]:
                        for x in other:
                            raise ValueError(f"zip() argument {k + 1} is longer than "
                                             f"argument{' ' if k == 1 else 's 1-'}{k}")
                        k += 1
                return
        yield items
''',
    "enumerate": '''
def enumerate(iterator, start):
    for x in iterator:
        yield (start, x)
        start += 1
''',
    # A built-in that takes every item of an object of the program's (`list(obj)`) takes
    # them from this, which the thread runs first (instructions.functions: `_items_first`).
    "iterator": '''
def iterator(iterable):
    for x in iterable:
        yield x
''',
    # Not generators: `any` and `all` over code that runs are the thread's own calls of these.
    "any": '''
def any(iterable):
    for element in iterable:
        if element:
            return True
    return False
''',
    "all": '''
def all(iterable):
    for element in iterable:
        if not element:
            return False
    return True
''',
}


@cache
def _function(kind: str) -> Function:
    return Function(COMPILERS.function(SOURCES[kind]), (), None)


def _lazy(kind: str, args: list[Any]) -> Generator:
    return make_generator(_function(kind), args, {}, kind)


def walker(obj: Instance) -> Generator:
    """A generator over the items of an object of the program's, which its loop takes by
    the object's own `__iter__` and `__next__` (or `__getitem__`)."""
    return _lazy("iterator", [obj])


def _source(value: Any) -> Any:
    """What one of them walks for `value`: its iterator, made now (CPython's TypeError for a
    value that has none); the results of an `executor.map`, taken now."""
    if type(value) is Generator:
        return value
    if isinstance(value, WaitingIter):
        return LazyIter(list(value), False, value.type_name)
    return make_iter(value)


def _runs_code(value: Any) -> bool:
    """Whether walking `value` runs code or may never end: then only a lazy walk will do."""
    return (type(value) is Generator or type(value) is UserIter or type(value) is Instance
            or (isinstance(value, SeqIter) and value.endless))


def _tests_objects(value: Any) -> bool:
    """Whether `any(items)` or `all(items)` of a list or tuple tests an object of the
    program's, whose `__bool__` (or `__len__`) the library's loop runs as the thread's own
    call (its `if element:`)."""
    return isinstance(value, list | tuple) and any(type(x) is Instance for x in value)


def map_(m: Machine, th: Thread, function: Any, *iterables: Any, **kwargs: Any) -> Any:
    if kwargs:
        raise fail("TypeError", "map() takes no keyword arguments")
    if not iterables:
        raise fail("TypeError", "map() must have at least two arguments.")
    return _lazy("map", [function, tuple(_source(it) for it in iterables)])


def filter_(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    if kwargs:
        raise fail("TypeError", "filter() takes no keyword arguments")
    if len(args) != 2:
        raise fail("TypeError", f"filter expected 2 arguments, got {len(args)}")
    return _lazy("filter", [args[0], _source(args[1])])


def zip_(m: Machine, th: Thread, *iterables: Any, **kwargs: Any) -> Any:
    if any(_runs_code(it) for it in iterables):
        strict = kwargs.pop("strict", False)
        for name in kwargs:
            raise fail("TypeError", f"zip() got an unexpected keyword argument '{name}'")
        return _lazy("zip", [tuple(_source(it) for it in iterables), bool(strict)])
    check_ranges(iterables, m.program.budgets)
    return LazyIter(list(zip(*walked(m, th, iterables), **kwargs)), False,  # noqa: B905
                    "zip")


def enumerate_(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    iterable = args[0] if args else kwargs.get("iterable")
    if _runs_code(iterable):
        start = (args[1] if len(args) > 1 else kwargs.get("start", 0))
        if len(args) > 2 or set(kwargs) - {"iterable", "start"} or not isinstance(start, int):
            enumerate((), *args[1:], **kwargs)  # CPython's (the host's) TypeError
        return _lazy("enumerate", [_source(iterable), start])
    check_ranges(args, m.program.budgets)
    return LazyIter(list(enumerate(*walked(m, th, args), **kwargs)), False, "enumerate")


def _short_circuit(kind: str, host: Callable[..., bool]) -> Builtin:
    """`any(g)` and `all(g)` over a generator or iterator that runs code, or over objects of
    the program's: the library's function, called as the thread's own code, so an item that
    waits (`f.result()`, a `__bool__` taking a lock) waits in it, and the walk stops where
    CPython's does; over anything else, the host's at once."""
    def call(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs and (_runs_code(args[0]) or _tests_objects(args[0])):
            push_frame(m, th, _function(kind), [args[0]], {})
            return PUSHED
        check_ranges(args, m.program.budgets)
        return host(*walked(m, th, args), **kwargs)
    return Builtin(kind, call, "containers")


TABLE: dict[str, Builtin] = {
    "any": _short_circuit("any", any),
    "all": _short_circuit("all", all),
    "map": Builtin("map", map_, "containers"),
    "filter": Builtin("filter", filter_, "containers"),
    "zip": Builtin("zip", zip_, "containers"),
    "enumerate": Builtin("enumerate", enumerate_, "containers"),
}
