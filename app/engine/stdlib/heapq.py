"""`heapq`: a heap kept in a program's list (`heappush`, `heappop`, `heapify` …) and
`nlargest`/`nsmallest`/`merge`, CPython's own functions.

CPython's are C code: each call is one step, atomic under the GIL, like a list's method (the
heap is a list other threads may hold). Items are compared as the program compares them (a
class's `__lt__` runs inside the step, as in a sort). A push is checked against the items
budget; a `key` function runs through `nested.call_now`, inside the step.
"""

from __future__ import annotations

import heapq as host
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..errors import BudgetError
from ..generators import rest
from ..iterators import LazyIter
from ..nested import Allowance, call_now
from ..values import fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_HEAP_FUNCTIONS = ("heappush", "heappop", "heapify", "heappushpop", "heapreplace")
HINT = ("Supported from heapq: " + ", ".join(_HEAP_FUNCTIONS)
        + ", nlargest, nsmallest, merge.")


def _heap(fname: str, heap: Any) -> list[Any]:
    if not isinstance(heap, list):
        which = "argument" if fname == "heapify" else "argument 1"  # heapify takes only it
        raise fail("TypeError", f"{fname}() {which} must be list, not {type_name(heap)}")
    return heap


def _host(fname: str, fn: Any) -> Builtin:
    def call(m: Machine, th: Thread, heap: Any, *args: Any) -> Any:
        items = _heap(fname, heap)
        if fname == "heappush" and len(items) >= m.program.budgets.items:
            raise BudgetError(f"a heap of more than {m.program.budgets.items:,} items is over "
                              f"the limit for one sequence")
        try:
            return fn(items, *args)
        except IndexError:
            raise fail("IndexError", "index out of range") from None
    return Builtin(fname, call, "containers", "heapq")


def _keyed(m: Machine, th: Thread, key: Any) -> Any:
    if key is None:
        return None
    allowance = Allowance(m)
    return lambda item: call_now(m, th, key, [item], allowance=allowance)


def _select(fname: str, fn: Any) -> Builtin:
    def call(m: Machine, th: Thread, n: Any, iterable: Any, key: Any = None) -> list[Any]:
        if not isinstance(n, int | float):  # CPython's first comparison of n: `n >= size`
            raise fail("TypeError", f"'>=' not supported between instances of "
                                    f"'{type_name(n)}' and 'int'")
        return cast("list[Any]", fn(n, list(rest(m, th, iterable)), key=_keyed(m, th, key)))
    return Builtin(fname, call, "containers", "heapq")


def _merge(m: Machine, th: Thread, *iterables: Any, key: Any = None,
           reverse: Any = False) -> LazyIter:
    pools = [list(rest(m, th, it)) for it in iterables]
    if sum(map(len, pools)) > m.program.budgets.items:
        raise BudgetError("merge() would make more items than the limit for one sequence")
    merged = host.merge(*pools, key=_keyed(m, th, key), reverse=bool(reverse))
    return LazyIter(list(merged), False, "generator")


TABLE: dict[str, Any] = {
    **{name: _host(name, getattr(host, name)) for name in _HEAP_FUNCTIONS},
    "nlargest": _select("nlargest", host.nlargest),
    "nsmallest": _select("nsmallest", host.nsmallest),
    "merge": Builtin("merge", _merge, "containers", "heapq"),
}
