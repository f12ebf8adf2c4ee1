"""`statistics`: the averages a lesson prints over its threads' timings or results (`mean`,
`median`, `stdev` …), CPython's own functions on the program's numbers.

The data is walked first (a generator or iterator as `sum` walks it, within the items
budget) and must hold only ints, floats and bools, checked before the host function sees
it: a simulated value never reaches a host method. Sums of ints are exact in CPython (its
Fractions): an int past the integer budget is refused first. Each call is local work.
"""

from __future__ import annotations

import math
import statistics as host
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..generators import Drawn, Pulled, rest
from ..iteration import make_iter
from ..values import EXCEPTION_BASES, ExceptionClass, SimException, Thrown, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_FUNCTIONS = ("mean", "fmean", "median", "median_low", "median_high", "mode", "multimode",
              "stdev", "pstdev", "variance", "pvariance", "geometric_mean", "harmonic_mean",
              "quantiles")
HINT = f"Supported from statistics: {', '.join(_FUNCTIONS)}, StatisticsError."

EXCEPTION_BASES["StatisticsError"] = "ValueError"


def _data(m: Machine, th: Thread, data: Any, strings: bool) -> list[Any]:
    """The items of `data`: numbers (or, for `strings`, also strs, which `mode` counts)."""
    taken = rest(m, th, data)
    if not isinstance(taken, Pulled | Drawn):
        make_iter(taken)  # CPython's TypeError for what is not iterable
    items = list(taken)
    bits = m.program.budgets.int_bits
    for item in items:
        if strings and isinstance(item, str):
            continue
        if not isinstance(item, int | float):
            raise fail("TypeError", f"can't convert type '{type_name(item)}' to numerator/"
                                    f"denominator")
        if isinstance(item, int) and item.bit_length() > bits:
            raise BudgetError(f"an int of {item.bit_length():,} bits is over the limit of "
                              f"{bits:,} bits for one integer")
    return items


def _geometric_mean(data: list[Any]) -> float:
    """CPython 3.13's `geometric_mean` (3.11's, the host's, refuses a zero and words its
    errors otherwise): a zero makes 0.0, a negative number is refused."""
    logs = []
    found_zero = False
    for x in data:
        if x > 0.0 or math.isnan(x):
            logs.append(math.log(x))
        elif x == 0.0:
            found_zero = True
        else:
            raise host.StatisticsError("No negative inputs allowed", x)
    total = math.fsum(logs)
    if not data:
        raise host.StatisticsError("Must have a non-empty dataset")
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / len(data))


def _quantiles(data: list[Any], n: int = 4, method: str = "exclusive") -> list[Any]:
    """CPython 3.13's `quantiles` (3.11's, the host's, refuses a single data point)."""
    if n < 1:
        raise host.StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise host.StatisticsError("must have at least one data point")
    result = []
    if method == "inclusive":
        for i in range(1, n):
            j, delta = divmod(i * (ld - 1), n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        for i in range(1, n):
            j = min(max(i * (ld + 1) // n, 1), ld - 1)
            delta = i * (ld + 1) - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f"Unknown method: {method!r}")


_OWN: dict[str, Callable[..., Any]] = {"geometric_mean": _geometric_mean, "quantiles": _quantiles}


def _function(name: str) -> Builtin:
    fn = _OWN.get(name) or getattr(host, name)
    strings = name in ("mode", "multimode")

    def call(m: Machine, th: Thread, data: Any, *args: Any, **kwargs: Any) -> Any:
        items = _data(m, th, data, strings)
        if any(not isinstance(a, int | float) for a in args):  # stdev(data, xbar)
            raise fail("TypeError", "must be real number")
        _check_options(m, name, args, kwargs)
        try:
            return fn(items, *args, **kwargs)
        except host.StatisticsError as e:
            raise Thrown(SimException("StatisticsError", e.args)) from None
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            raise fail(type(e).__name__, str(e)) from None
    return Builtin(name, call, "containers", "statistics")


def _check_options(m: Machine, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
                   ) -> None:
    """Only `quantiles` takes keywords, `n` (as many cut points as a list may hold) and
    `method`, as in CPython."""
    if name != "quantiles":
        if kwargs:
            raise fail("TypeError", f"{name}() got an unexpected keyword argument "
                                    f"'{next(iter(kwargs))}'")
        return
    if args:
        raise fail("TypeError", f"quantiles() takes 1 positional argument but "
                                f"{len(args) + 1} were given")
    for key, value in kwargs.items():
        if key not in ("n", "method"):
            raise fail("TypeError", f"quantiles() got an unexpected keyword argument '{key}'")
        if key == "n" and not isinstance(value, int):
            raise fail("TypeError", f"'{type_name(value)}' object cannot be interpreted as "
                                    f"an integer")
    if kwargs.get("n", 4) > m.program.budgets.items:
        raise BudgetError(f"quantiles(n={kwargs['n']:,}) would make more cut points than "
                          f"the limit for one sequence")


TABLE: dict[str, Any] = {
    **{name: _function(name) for name in _FUNCTIONS},
    "StatisticsError": ExceptionClass("StatisticsError"),
}
