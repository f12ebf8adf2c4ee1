"""`bisect`: `bisect_left`/`bisect_right`/`bisect` and `insort_left`/`insort_right`/`insort`
on a program's sorted list, CPython's own functions (C code: one step each, atomic like a
list's method). Items compare as the program compares them; a `key` runs through
`nested.call_now`, inside the step; an insertion is checked against the items budget."""

from __future__ import annotations

import bisect as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..nested import Allowance, call_now
from ..values import fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_NAMES = ("bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort")
HINT = "Supported from bisect: " + ", ".join(_NAMES) + "."


def _function(name: str) -> Builtin:
    fn = getattr(host, name)

    def call(m: Machine, th: Thread, *args: Any, key: Any = None, **kwargs: Any) -> Any:
        a, x, lo, hi = _bound(fn.__name__, args, kwargs)
        if isinstance(a, int | float | type(None)):
            raise fail("TypeError", f"object of type '{type_name(a)}' has no len()")
        if not isinstance(a, list | tuple):
            raise fail("TypeError", f"'{type_name(a)}' object is not a sorted sequence here")
        if name.startswith("insort"):
            if not isinstance(a, list):
                raise fail("AttributeError", f"'{type_name(a)}' object has no attribute "
                                             f"'insert'")
            if len(a) >= m.program.budgets.items:
                raise BudgetError(f"a list of more than {m.program.budgets.items:,} items is "
                                  f"over the limit for one sequence")
        keyed = None
        if key is not None:
            allowance = Allowance(m)
            keyed = lambda item: call_now(m, th, key, [item], allowance=allowance)  # noqa: E731
        try:
            return fn(a, x, lo, len(a) if hi is None else hi, key=keyed)
        except (ValueError, TypeError) as e:
            raise fail(type(e).__name__, str(e)) from None
    return Builtin(name, call, "containers", "bisect")


def _bound(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
    """(a, x, lo, hi) as CPython's argument clinic binds them, with its errors (`name` is
    the host function's: `bisect` is `bisect_right`)."""
    names = ("a", "x", "lo", "hi")
    if len(args) > len(names):
        raise fail("TypeError", f"{name}() takes at most 4 positional arguments "
                                f"({len(args)} given)")
    values = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key not in names:
            raise fail("TypeError", f"{name}() got an unexpected keyword argument '{key}'")
        if key in values:
            raise fail("TypeError", f"argument for {name}() given by name ('{key}') and "
                                    f"position ({names.index(key) + 1})")
        values[key] = value
    for i, required in enumerate(names[:2]):
        if required not in values:
            raise fail("TypeError", f"{name}() missing required argument '{required}' "
                                    f"(pos {i + 1})")
    return [values["a"], values["x"], values.get("lo", 0), values.get("hi")]


TABLE: dict[str, Any] = {name: _function(name) for name in _NAMES}
