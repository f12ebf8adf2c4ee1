"""`itertools`: the endless iterators (`count`, `cycle`, `repeat`), `islice`, and the common
finite ones (`chain`, `product`, `permutations`, `combinations`, `accumulate`, `groupby`,
`zip_longest`, `starmap`, `takewhile`, `dropwhile`, `filterfalse`, `compress`, `pairwise`,
`batched`, `tee`, `combinations_with_replacement`).

The endless ones are iterators of copyable state (`SeqIter` subclasses marked `endless`), taken
an item at a time: `next(counter)` is one step like any `next`, and a built-in that walks one
draws only what it needs (`zip(count(), names)`, generators.Drawn). `islice` over an
iterator is lazy too, so `islice(count(), 5)` ends. The finite ones work as `map` and
`filter` do here: their items are computed when they are made (a program's function they
call runs inside that step, nested.call_now), within the items budget, which the
combinatoric ones check before making anything.
"""

from __future__ import annotations

import itertools as host
import math
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..arith import operator_for
from ..budgets import DEFAULT_BUDGETS
from ..builtin import Builtin
from ..errors import BudgetError
from ..generators import Drawn, Pulled, rest
from ..iteration import make_iter
from ..iterators import LazyIter, SeqIter
from ..nested import Allowance, call_now
from ..values import LibraryObject, fail, represent, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from itertools: count, cycle, repeat, islice, chain, product, permutations, "
        "combinations, combinations_with_replacement, accumulate, groupby, zip_longest, "
        "starmap, takewhile, dropwhile, filterfalse, compress, pairwise, batched, tee.")


class Endless(LazyIter):
    """An iterator that may never end. The host walks one only for `x in it`: as far as the
    default items budget, then a BudgetError (CPython would search forever)."""

    __slots__ = ()
    endless = True

    def __iter__(self) -> Iterator[Any]:  # type: ignore[override]
        for _ in range(DEFAULT_BUDGETS.items):
            has, value = self.next()
            if not has:
                return
            yield value
        raise BudgetError("an endless iterator was searched past the limit for one sequence")


class Count(Endless):
    """`count(start, step)`: `seq` is the next value."""

    __slots__ = ("step",)

    def __init__(self, start: Any, step: Any) -> None:
        super().__init__(start, False, "itertools.count")
        self.step = step

    def next(self) -> tuple[bool, Any]:
        value = self.seq
        self.seq = value + self.step
        return True, value

    def __repr__(self) -> str:
        step = "" if self.step == 1 and type(self.step) is int else f", {self.step!r}"
        return f"count({self.seq!r}{step})"


class Cycle(Endless):
    """`cycle(iterable)`: its items, saved when it is made, over and over."""

    __slots__ = ()

    def next(self) -> tuple[bool, Any]:
        if not self.seq:
            return False, None
        value = self.seq[self.i % len(self.seq)]
        self.i = (self.i + 1) % len(self.seq)
        return True, value


class Repeat(Endless):
    """`repeat(obj)` with no count: `seq` is the object."""

    __slots__ = ()

    def next(self) -> tuple[bool, Any]:
        return True, self.seq

    def __repr__(self) -> str:
        return f"repeat({represent(self.seq)})"


class Islice(Endless):
    """`islice(iterator, start, stop, step)` over an iterator: `seq` is the iterator, `i` how
    many of its items were taken, `at` the index of the next item to give."""

    __slots__ = ("at", "stop", "step", "endless")

    def __init__(self, source: SeqIter, start: int, stop: int | None, step: int) -> None:
        super().__init__(source, False, "itertools.islice")
        self.at, self.stop, self.step = start, stop, step
        self.endless = stop is None and source.endless

    def next(self) -> tuple[bool, Any]:
        if self.stop is not None and self.at >= self.stop:
            return False, None
        while self.i < self.at:
            self.i += 1
            has, _ = self.seq.next()
            if not has:
                self.stop = self.at = 0
                return False, None
        self.i += 1
        has, value = self.seq.next()
        if not has:
            self.stop = self.at = 0
            return False, None
        self.at += self.step
        return True, value


def _result(items: list[Any], kind: str) -> LazyIter:
    return LazyIter(items, False, f"itertools.{kind}")


def _items(m: Machine, th: Thread, value: Any) -> list[Any]:
    """Every item of `value` (a generator run to its end within the budget)."""
    if isinstance(value, SeqIter) and value.endless:
        raise BudgetError("an endless iterator cannot be walked to its end (the limit for "
                          "one sequence)")
    return list(_walk(m, th, value))


def _walk(m: Machine, th: Thread, value: Any) -> Any:
    """`value` as a host iterable whose items are taken as asked for (generators.rest), after
    CPython's TypeError for what is not iterable."""
    taken = rest(m, th, value)
    if not isinstance(taken, Pulled | Drawn):
        make_iter(taken)
    return taken


def _check_size(size: int, m: Machine) -> None:
    limit = m.program.budgets.items
    if size > limit:
        raise BudgetError(f"itertools would make {size:,} items, over the limit of "
                          f"{limit:,} items for one sequence")


def _count(m: Machine, th: Thread, start: Any = 0, step: Any = 1) -> Count:
    for value in (start, step):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail("TypeError", "a number is required")
    return Count(start, step)


def _cycle(m: Machine, th: Thread, iterable: Any) -> Cycle:
    return Cycle(_items(m, th, iterable), False, "itertools.cycle")


def _repeat(m: Machine, th: Thread, obj: Any, times: Any = None) -> LazyIter:
    if times is None:
        return Repeat(obj, False, "itertools.repeat")
    if not isinstance(times, int):
        raise fail("TypeError", f"'{type_name(times)}' object cannot be interpreted as an "
                                f"integer")
    _check_size(times, m)
    return _result([obj] * max(0, times), "repeat")


def _index(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and 0 <= value <= sys.maxsize:
        return value
    raise fail("ValueError", f"{what} for islice() must be None or an integer: "
                             f"0 <= x <= sys.maxsize.")


def _islice(m: Machine, th: Thread, iterable: Any, *args: Any) -> LazyIter:
    if not 1 <= len(args) <= 3:
        raise fail("TypeError", f"islice expected at most 4 arguments, got {len(args) + 1}"
                   if args else "islice expected at least 2 arguments, got 1")
    if len(args) == 1:
        start, stop, step = 0, _index(args[0], "Stop argument"), 1
    else:
        start = _index(args[0], "Indices") or 0
        stop = _index(args[1], "Indices")
        step_arg = args[2] if len(args) == 3 else None
        step = 1 if step_arg is None else step_arg
        if not isinstance(step, int) or step < 1:
            raise fail("ValueError", "Step for islice() must be a positive integer or None.")
    if isinstance(iterable, SeqIter):
        return Islice(iterable, start, stop, step)
    taken = _walk(m, th, iterable)
    if isinstance(taken, Pulled):
        taken = list(host.islice(taken, stop))  # a generator: run only as far as needed
    return Islice(make_iter(taken), start, stop, step)  # type: ignore[arg-type]


class Chain(LibraryObject):
    """`itertools.chain`, whose `from_iterable` a program calls on the class."""

    __slots__ = ()
    METHODS = frozenset({"__call__", "from_iterable"})

    def __repr__(self) -> str:
        return "<class 'itertools.chain'>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_chain, ())

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise fail("TypeError", f"chain{'' if name == '__call__' else '.' + name}() "
                                    f"takes no keyword arguments")
        if name == "from_iterable":
            if len(args) != 1:
                raise fail("TypeError", f"chain.from_iterable() takes exactly one argument "
                                        f"({len(args)} given)")
            args = _items(m, th, args[0])
        items: list[Any] = []
        for part in args:
            items.extend(_items(m, th, part))
            _check_size(len(items), m)
        return _result(items, "chain")


CHAIN = Chain()


def _chain() -> Chain:
    return CHAIN


def _pools(m: Machine, th: Thread, iterables: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [tuple(_items(m, th, it)) for it in iterables]


def _product(m: Machine, th: Thread, *iterables: Any, repeat: Any = 1) -> LazyIter:
    if not isinstance(repeat, int):
        raise fail("TypeError", f"'{type_name(repeat)}' object cannot be interpreted as an "
                                f"integer")
    if repeat < 0:
        raise fail("ValueError", "repeat argument cannot be negative")
    pools = _pools(m, th, iterables) * repeat
    _check_size(math.prod(len(p) for p in pools) * max(1, len(pools)), m)
    return _result(list(host.product(*pools)), "product")


def _r(r: Any, n: int) -> int:
    if r is None:
        return n
    if not isinstance(r, int):
        raise fail("TypeError", "Expected int as r")
    if r < 0:
        raise fail("ValueError", "r must be non-negative")
    return r


def _perm(n: int, k: int) -> int:
    """math.perm(n, k), or a number past any budget at once when it is huge (k! > 2**64)."""
    return 2**64 if n >= k > 21 else math.perm(n, k)


def _comb(n: int, k: int) -> int:
    """math.comb(n, k), or a number past any budget at once when it is huge."""
    if k > n:
        return 0
    return 2**64 if n > 128 and 64 < k < n - 64 else math.comb(n, min(k, n - k))


def _permutations(m: Machine, th: Thread, iterable: Any, r: Any = None) -> LazyIter:
    pool = tuple(_items(m, th, iterable))
    k = _r(r, len(pool))
    _check_size(_perm(len(pool), k) * max(1, k), m)
    return _result(list(host.permutations(pool, k)), "permutations")


def _combinations(m: Machine, th: Thread, iterable: Any, r: Any) -> LazyIter:
    pool = tuple(_items(m, th, iterable))
    k = _r(r, len(pool))
    _check_size(_comb(len(pool), k) * max(1, k), m)
    return _result(list(host.combinations(pool, k)), "combinations")


def _with_replacement(m: Machine, th: Thread, iterable: Any, r: Any) -> LazyIter:
    pool = tuple(_items(m, th, iterable))
    k = _r(r, len(pool))
    _check_size((_comb(len(pool) + k - 1, k) if pool else int(k == 0)) * max(1, k), m)
    return _result(list(host.combinations_with_replacement(pool, k)),
                   "combinations_with_replacement")


def _calling(m: Machine, th: Thread, fn: Any) -> Any:
    """The program's `fn` as a host function, run inside this step."""
    allowance = Allowance(m)
    return lambda *args: call_now(m, th, fn, list(args), allowance=allowance)


def _accumulate(m: Machine, th: Thread, iterable: Any, func: Any = None, *,
                initial: Any = None) -> LazyIter:
    items = _items(m, th, iterable)
    if func is None:
        add = operator_for("+", m.program.budgets)
    else:
        add = _calling(m, th, func)
    return _result(list(host.accumulate(items, add, initial=initial)), "accumulate")


def _groupby(m: Machine, th: Thread, iterable: Any, key: Any = None) -> LazyIter:
    items = _items(m, th, iterable)
    keyed = host.groupby(items, None if key is None else _calling(m, th, key))
    return _result([(k, LazyIter(list(g), False, "itertools._grouper")) for k, g in keyed],
                   "groupby")


def _zip_longest(m: Machine, th: Thread, *iterables: Any, fillvalue: Any = None) -> LazyIter:
    pools = _pools(m, th, iterables)
    _check_size(max((len(p) for p in pools), default=0) * max(1, len(pools)), m)
    return _result(list(host.zip_longest(*pools, fillvalue=fillvalue)), "zip_longest")


def _starmap(m: Machine, th: Thread, function: Any, iterable: Any) -> LazyIter:
    call = _calling(m, th, function)
    return _result([call(*args) for args in _items(m, th, iterable)], "starmap")


def _takewhile(m: Machine, th: Thread, predicate: Any, iterable: Any) -> LazyIter:
    test = _calling(m, th, predicate)
    return _result(list(host.takewhile(test, _walk(m, th, iterable))), "takewhile")


def _dropwhile(m: Machine, th: Thread, predicate: Any, iterable: Any) -> LazyIter:
    return _result(list(host.dropwhile(_calling(m, th, predicate), _items(m, th, iterable))),
                   "dropwhile")


def _filterfalse(m: Machine, th: Thread, predicate: Any, iterable: Any) -> LazyIter:
    items = _items(m, th, iterable)
    if predicate is None:
        return _result([x for x in items if not x], "filterfalse")
    return _result(list(host.filterfalse(_calling(m, th, predicate), items)), "filterfalse")


def _compress(m: Machine, th: Thread, data: Any, selectors: Any) -> LazyIter:
    return _result(list(host.compress(_items(m, th, data), _items(m, th, selectors))),
                   "compress")


def _pairwise(m: Machine, th: Thread, iterable: Any) -> LazyIter:
    return _result(list(host.pairwise(_items(m, th, iterable))), "pairwise")


def _batched(m: Machine, th: Thread, iterable: Any, n: Any) -> LazyIter:
    if not isinstance(n, int):
        raise fail("TypeError", f"'{type_name(n)}' object cannot be interpreted as an integer")
    if n < 1:
        raise fail("ValueError", "n must be at least one")
    items = _items(m, th, iterable)
    return _result([tuple(items[i:i + n]) for i in range(0, len(items), n)], "batched")


def _tee(m: Machine, th: Thread, iterable: Any, n: Any = 2) -> tuple[LazyIter, ...]:
    if not isinstance(n, int):
        raise fail("TypeError", f"'{type_name(n)}' object cannot be interpreted as an integer")
    if n < 0:
        raise fail("ValueError", "n must be >= 0")
    items = _items(m, th, iterable)
    _check_size(len(items) * n, m)
    return tuple(_result(list(items), "_tee") for _ in range(n))


def _function(name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, "containers", "itertools")


TABLE: dict[str, Any] = {
    "chain": CHAIN,
    **{name: _function(name, fn) for name, fn in (
        ("count", _count), ("cycle", _cycle), ("repeat", _repeat), ("islice", _islice),
        ("product", _product), ("permutations", _permutations),
        ("combinations", _combinations),
        ("combinations_with_replacement", _with_replacement), ("accumulate", _accumulate),
        ("groupby", _groupby), ("zip_longest", _zip_longest), ("starmap", _starmap),
        ("takewhile", _takewhile), ("dropwhile", _dropwhile), ("filterfalse", _filterfalse),
        ("compress", _compress), ("pairwise", _pairwise), ("batched", _batched),
        ("tee", _tee))},
}
