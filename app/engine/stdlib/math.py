"""`math`: the functions and constants a threading lesson computes with (a square root for a
Monte Carlo estimate of pi, a factorial as the "work" of a worker), CPython's own.

Each function takes only numbers (`int`, `float`, `bool`), checked before the host function
sees them: a simulated value never reaches a host method (`__float__`, `__index__`) by way of
`math`, and the error is CPython's ("must be real number, not str"). Functions whose result
grows with their argument (`factorial`, `comb`, `perm`, `prod`, `pow` of ints through `**`
is arith's) are checked against the program's integer budget first. Each call is local work,
not a step: it reads nothing another thread can change.
"""

from __future__ import annotations

import math as host
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..errors import BudgetError
from ..generators import listed
from ..values import fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from math: the constants pi, e, tau, inf, nan and the functions "
        + ", ".join(sorted(("sqrt", "isqrt", "floor", "ceil", "trunc", "fabs", "exp", "log",
                            "log2", "log10", "pow", "sin", "cos", "tan", "atan2", "hypot",
                            "degrees", "radians", "isclose", "isfinite", "isinf", "isnan",
                            "gcd", "lcm", "factorial", "comb", "perm", "prod", "fsum",
                            "dist"))) + ".")

_NUMBER = (int, float)


def _real(value: Any) -> float | int:
    if not isinstance(value, _NUMBER):
        raise fail("TypeError", f"must be real number, not {type_name(value)}")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int):
        raise fail("TypeError", f"'{type_name(value)}' object cannot be interpreted as an "
                                f"integer")
    return value


def _numbers(values: Any) -> list[float | int]:
    if not isinstance(values, list | tuple | range):
        raise fail("TypeError", f"'{type_name(values)}' object is not iterable")
    return [_real(v) for v in values]


def _host(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a host `math` function, its ValueError and OverflowError as the program's."""
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (ValueError, OverflowError) as e:
            raise fail(type(e).__name__, str(e)) from None
    return call


def _reals(name: str, fn: Callable[..., Any]) -> Builtin:
    run = _host(fn)
    return Builtin(name, lambda m, th, *a: run(*map(_real, a)), module="math")


def _integers(name: str, fn: Callable[..., Any]) -> Builtin:
    run = _host(fn)
    return Builtin(name, lambda m, th, *a: run(*map(_integer, a)), module="math")


def _bits_of_factorial(n: int) -> int:
    """An upper bound on the bits of n!: n·log2(n)."""
    return int(n * host.log2(n)) + 1 if n > 1 else 1


def _check_bits(m: Machine, bits: int, what: str) -> None:
    limit = m.program.budgets.int_bits
    if bits > limit:
        raise BudgetError(f"{what} is over the limit of {limit:,} bits for one integer")


def _factorial(m: Machine, th: Thread, n: Any) -> int:
    n = _integer(n)
    if n >= 0:
        _check_bits(m, _bits_of_factorial(n), f"factorial({n:,})")
    return cast("int", _host(host.factorial)(n))


def _falling(name: str, fn: Callable[..., Any]) -> Builtin:
    """`comb(n, k)` and `perm(n, k)`: at most n!/(n-k)!, so k·log2(n) bits."""
    def call(m: Machine, th: Thread, n: Any, k: Any = None) -> int:
        n = _integer(n)
        k = n if k is None and name == "perm" else _integer(k)
        if n > 1 and k > 0:
            _check_bits(m, int(min(k, n) * host.log2(n)) + 1, f"{name}({n:,}, {k:,})")
        return cast("int", _host(fn)(n, k))
    return Builtin(name, call, module="math")


def _prod(m: Machine, th: Thread, values: Any, *, start: Any = 1) -> Any:
    numbers = _numbers(listed(m, th, values))
    bits = sum(abs(v).bit_length() for v in (*numbers, start) if isinstance(v, int))
    _check_bits(m, bits, "prod() of these numbers")
    return host.prod(numbers, start=_real(start))


def _isclose(m: Machine, th: Thread, a: Any, b: Any, *, rel_tol: Any = 1e-09,
             abs_tol: Any = 0.0) -> bool:
    return bool(_host(host.isclose)(_real(a), _real(b), rel_tol=_real(rel_tol),
                                    abs_tol=_real(abs_tol)))


def _log(m: Machine, th: Thread, x: Any, *base: Any) -> float:
    return cast("float", _host(host.log)(_real(x), *map(_real, base)))


def _dist(m: Machine, th: Thread, p: Any, q: Any) -> float:
    return cast("float", _host(host.dist)(_numbers(p), _numbers(q)))


def _fsum(m: Machine, th: Thread, values: Any) -> float:
    return cast("float", _host(host.fsum)(_numbers(listed(m, th, values))))


TABLE: dict[str, Any] = {
    "pi": host.pi, "e": host.e, "tau": host.tau, "inf": host.inf, "nan": host.nan,
    **{name: _reals(name, getattr(host, name)) for name in (
        "sqrt", "floor", "ceil", "trunc", "fabs", "exp", "log2", "log10", "pow", "sin", "cos",
        "tan", "atan2", "degrees", "radians", "isfinite", "isinf", "isnan")},
    **{name: _integers(name, getattr(host, name)) for name in ("isqrt", "gcd", "lcm")},
    "hypot": _reals("hypot", host.hypot),
    "log": Builtin("log", _log, module="math"),
    "isclose": Builtin("isclose", _isclose, module="math"),
    "factorial": Builtin("factorial", _factorial, module="math"),
    "comb": _falling("comb", host.comb),
    "perm": _falling("perm", host.perm),
    "prod": Builtin("prod", _prod, module="math"),
    "fsum": Builtin("fsum", _fsum, module="math"),
    "dist": Builtin("dist", _dist, module="math"),
}
