"""`functools`: `wraps` (for decorators), `partial`, `reduce` and `total_ordering`.

`wraps(f)` is what CPython makes it, a partial of `update_wrapper`: the wrapper it returns
takes `f`'s name (`__name__`, and so a thread's default name) and is otherwise the same
function. `reduce` calls the program's function through `nested.call_now`, inside its step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..calls import Builtin
from ..generators import rest
from ..nested import Allowance, call_now
from ..values import BoundMethod, ExceptionClass, Function, Partial, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from functools: wraps, partial, reduce, total_ordering."

_MISSING: Any = object()


def _update_wrapper(m: Machine, th: Thread, wrapper: Any, wrapped: Any) -> Any:
    """`functools.update_wrapper(wrapper, wrapped)`: the wrapper, named as the wrapped."""
    name = wrapped.name if isinstance(wrapped, Function | Builtin) else None
    if isinstance(wrapper, Function) and name is not None:
        wrapper.label = name
    return wrapper


_UPDATE_WRAPPER = Builtin("update_wrapper", _update_wrapper, module="functools")


def _wraps(m: Machine, th: Thread, wrapped: Any) -> Partial:
    return Partial(_UPDATE_WRAPPER, (), {"wrapped": wrapped})


def _partial(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Partial:
    if not args:
        raise fail("TypeError", "partial() missing required argument 'func'")
    func, *given = args
    if not isinstance(func, Function | Builtin | Partial | BoundMethod | ExceptionClass):
        raise fail("TypeError", "the first argument must be callable")
    return Partial(func, tuple(given), kwargs)


def _reduce(m: Machine, th: Thread, function: Any, iterable: Any,
            initial: Any = _MISSING) -> Any:
    items = iter(rest(m, th, iterable))
    value = initial
    if value is _MISSING:
        value = next(items, _MISSING)
        if value is _MISSING:
            raise fail("TypeError", "reduce() of empty iterable with no initial value")
    allowance = Allowance(m)
    for item in items:
        value = call_now(m, th, function, [value, item], allowance=allowance)
    return value


def _total_ordering(m: Machine, th: Thread, cls: Any) -> Any:
    """`@total_ordering`: the comparisons the class lacks, made from the one CPython picks
    as the root (special.py computes them as `Lib/functools.py` writes them)."""
    from ..classes import UserClass  # classes imports values, which the package imports

    if not isinstance(cls, UserClass):
        raise fail("AttributeError", f"'{type_name(cls)}' object has no attribute '__lt__'")
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
             if isinstance(cls.lookup(op), Function)]
    if not roots:
        raise fail("ValueError", "must define at least one ordering operation: < > <= >=")
    cls.options = tuple(sorted({*cls.options, "total" + max(roots)}))
    return cls


TABLE: dict[str, Any] = {
    "wraps": Builtin("wraps", _wraps, module="functools"),
    "update_wrapper": _UPDATE_WRAPPER,
    "partial": Builtin("partial", _partial, module="functools"),
    "reduce": Builtin("reduce", _reduce, "containers", "functools"),
    "total_ordering": Builtin("total_ordering", _total_ordering, module="functools"),
}
