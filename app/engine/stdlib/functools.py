"""`functools`: `wraps` (for decorators), `partial`, `reduce`, `total_ordering`,
`lru_cache`/`cache` and `cached_property` (classes.CachedProperty, read in objects.get);
`singledispatch`, `singledispatchmethod` and `partialmethod` are dispatch.py's.

`wraps(f)` is what CPython makes it, a partial of `update_wrapper`: the wrapper it returns
takes `f`'s name (`__name__`, and so a thread's default name) and is otherwise the same
function. `reduce` calls the program's function through `nested.call_now`, inside its step.

`lru_cache(maxsize)` and `cache` wrap a function in a `Cached`: a call looks its arguments up
(CPython's key: the positional arguments, then the keywords in order), and on a miss runs the
function inside that one step (`call_now`), so a memoized `fib(30)` is one step, and a cached
function that waits (a lock, a sleep) is refused as a key function's wait is. The cache
keeps at most `maxsize` results, the least recently used leaving first, and never more than
the items budget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ..builtin import Builtin, positional
from ..calls import SAFE_METHODS
from ..classes import CachedProperty, UserClass
from ..generators import rest
from ..introspect import callable_
from ..keyed import KEY_OBJECT
from ..nested import Allowance, call_now
from ..values import (
    BoundMethod,
    Function,
    LibraryObject,
    Partial,
    fail,
    type_name,
)
from . import dispatch

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from functools: wraps, partial, reduce, total_ordering, lru_cache, cache, "
        "cached_property, cmp_to_key, singledispatch, singledispatchmethod, partialmethod.")

_MISSING: Any = object()


def _update_wrapper(m: Machine, th: Thread, wrapper: Any, wrapped: Any) -> Any:
    """`functools.update_wrapper(wrapper, wrapped)`: the wrapper, named as the wrapped, with
    its attributes and `__wrapped__`, as CPython's."""
    name = wrapped.name if isinstance(wrapped, Function | Builtin) else None
    if isinstance(wrapper, Function) and name is not None:
        wrapper.label = name
        if isinstance(wrapped, Function):
            wrapper.attrs["__doc__"] = wrapped.attrs.get("__doc__", wrapped.code.doc)
            wrapper.attrs.update(wrapped.attrs)
        wrapper.attrs["__wrapped__"] = wrapped
    return wrapper


_UPDATE_WRAPPER = Builtin("update_wrapper", _update_wrapper, module="functools")


def _wraps(m: Machine, th: Thread, wrapped: Any) -> Partial:
    return Partial(_UPDATE_WRAPPER, (), {"wrapped": wrapped})


def _partial(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Partial:
    if not args:
        raise fail("TypeError", "type 'partial' takes at least one argument")
    func, *given = args
    if not callable_(m, th, func):
        raise fail("TypeError", "the first argument must be callable")
    return Partial(func, tuple(given), kwargs)


_PARTIAL = Builtin("partial", _partial, module="functools")


def _cached_property(m: Machine, th: Thread, fn: Any) -> CachedProperty:
    if not isinstance(fn, Function):
        raise fail("TypeError", f"cached_property takes a function here, not {type_name(fn)}")
    return CachedProperty(fn)


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
    if not isinstance(cls, UserClass):
        raise fail("AttributeError", f"'{type_name(cls)}' object has no attribute '__lt__'")
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__")
             if isinstance(cls.lookup(op), Function)]
    if not roots:
        raise fail("ValueError", "must define at least one ordering operation: < > <= >=")
    cls.options = tuple(sorted({*cls.options, "total" + max(roots)}))
    return cls
class CacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int | None
    currsize: int


SAFE_METHODS[CacheInfo] = SAFE_METHODS[tuple] | {"_asdict", "_replace"}


class Cached(LibraryObject):
    """A function wrapped by `lru_cache(maxsize)` (None: unbounded) or `cache`."""

    __slots__ = ("fn", "maxsize", "results", "hits", "misses")
    METHODS = frozenset({"__call__", "cache_info", "cache_clear", "cache_parameters"})
    CALL_IS_STEP = True  # its cache is shared
    ATTRIBUTES = frozenset({"__name__"})
    BINDS = True  # `@lru_cache` on a method (its cache then holds `self` too)

    def __init__(self, fn: Any, maxsize: int | None) -> None:
        self.fn, self.maxsize = fn, maxsize
        self.results: dict[Any, Any] = {}
        self.hits = self.misses = 0

    def __repr__(self) -> str:
        return "<functools._lru_cache_wrapper object>"

    def attribute(self, name: str) -> Any:
        return self.fn.name if isinstance(self.fn, Function | Builtin) else "<callable>"

    def call_in(self, m: Machine, th: Thread, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> Any:
        if name == "__call__":
            return self._call(m, th, args, kwargs)
        if args or kwargs:
            raise fail("TypeError", f"{name}() takes no arguments")
        if name == "cache_info":
            return CacheInfo(self.hits, self.misses, self.maxsize, len(self.results))
        if name == "cache_parameters":
            return {"maxsize": self.maxsize, "typed": False}
        self.results.clear()
        self.hits = self.misses = 0
        return None

    def _call(self, m: Machine, th: Thread, args: list[Any], kwargs: dict[str, Any]) -> Any:
        key = (*args, _KWD_MARK, *kwargs.items()) if kwargs else tuple(args)
        hash(key)  # CPython's TypeError for an unhashable argument, before the call
        if key in self.results:
            self.hits += 1
            value = self.results.pop(key)
            self.results[key] = value  # now the most recently used
            return value
        self.misses += 1
        value = call_now(m, th, self.fn, args, kwargs)
        if self.maxsize != 0:
            self.results.pop(key, None)  # a recursive call may have stored it meanwhile
            self.results[key] = value
            limit = m.program.budgets.items if self.maxsize is None else min(
                self.maxsize, m.program.budgets.items)
            while len(self.results) > limit:
                del self.results[next(iter(self.results))]
        return value


#: What separates the positional arguments from the keywords in a key (CPython's kwd_mark).
_KWD_MARK = ("functools._lru_cache_wrapper kwd_mark",)


def _lru_cache(m: Machine, th: Thread, maxsize: Any = 128, typed: Any = False) -> Any:
    """`lru_cache(maxsize=128)` (a decorator), or `@lru_cache` on a function itself."""
    if isinstance(maxsize, Function | Builtin | Partial | BoundMethod):
        return Cached(maxsize, 128)
    if isinstance(maxsize, bool) or maxsize is not None and not isinstance(maxsize, int):
        raise fail("TypeError", "Expected first argument to be an integer, a callable, or None")
    size = None if maxsize is None else max(0, maxsize)
    return Partial(_DECORATE, (size,), {})


_DECORATE = Builtin("_lru_cache_wrapper", lambda m, th, size, fn: Cached(fn, size),
                    module="functools")


TABLE: dict[str, Any] = {
    "wraps": Builtin("wraps", _wraps, module="functools"),
    "update_wrapper": _UPDATE_WRAPPER,
    "partial": _PARTIAL,
    "reduce": Builtin("reduce", positional(_reduce, "reduce", 2, 3), "containers", "functools"),
    "total_ordering": Builtin("total_ordering", _total_ordering, module="functools"),
    "lru_cache": Builtin("lru_cache", _lru_cache, module="functools"),
    "cache": Builtin("cache", lambda m, th, fn: Cached(fn, None), module="functools"),
    "cached_property": Builtin("cached_property", _cached_property, module="functools"),
    "_lru_cache_wrapper": _DECORATE,
    **{name: dispatch.written(name, _UPDATE_WRAPPER, _PARTIAL) for name in (
        "singledispatch", "singledispatchmethod", "partialmethod")},
    "cmp_to_key": Builtin("cmp_to_key", lambda m, th, cmp: Partial(KEY_OBJECT, (cmp,), {}),
                          module="functools"),
}
