"""Built-ins that convert between numbers, text and bytes (`chr`, `ord`, `hex`, `bin`, `oct`,
`ascii`, `complex`, `bytes`, `bytearray`) and `pow`, each checking its argument types itself:
a simulated value never reaches a host method (`__index__`) by way of them, and the error is
CPython's. `pow` of ints is sized against the integer budget as `**` is, before it computes."""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, SupportsIndex, cast

from .arith import operator_for
from .classes import MISSING, Instance
from .encoding import check_bytes, check_codec
from .errors import BudgetError
from .generators import listed
from .special import run_special
from .values import fail, quoted, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread


def _integer(value: Any) -> int:
    if type(value) is Instance:  # its class's `__index__` (protocols.py)
        return operator.index(cast("SupportsIndex", value))
    if not isinstance(value, int):
        raise fail("TypeError", f"'{type_name(value)}' object cannot be interpreted as an "
                                f"integer")
    return value


def _chr(m: Machine, th: Thread, code: Any) -> str:
    return chr(_integer(code))


def _ord(m: Machine, th: Thread, text: Any) -> int:
    if not isinstance(text, str):
        raise fail("TypeError", f"ord() expected string of length 1, but {type_name(text)} "
                                f"found")
    return ord(text)


def _base(convert: Any) -> Any:
    return lambda m, th, number: convert(_integer(number))


def _pow(m: Machine, th: Thread, base: Any, exp: Any, mod: Any = None) -> Any:
    budgets = m.program.budgets
    if mod is None:
        return operator_for("**", budgets)(base, exp)
    values = (base, exp, mod)
    if not all(isinstance(v, int) for v in values):  # CPython's tries, in its order
        if any(isinstance(v, float) for v in values):
            raise fail("TypeError", "pow() 3rd argument not allowed unless all arguments are "
                                    "integers")
        raise fail("TypeError", "unsupported operand type(s) for ** or pow(): "
                                + ", ".join(f"'{type_name(v)}'" for v in values))
    # A squaring of a number as wide as `mod` per bit of `exp`: both wide takes minutes.
    if exp.bit_length() * max(mod.bit_length(), 64) > 64 * budgets.int_bits:
        raise BudgetError(f"pow() with a {exp.bit_length():,}-bit exponent modulo a "
                          f"{mod.bit_length():,}-bit number is over the limit of "
                          f"{budgets.int_bits:,} bits for one integer")
    return pow(base, exp, mod)


#: What `complex()` takes as a part: numbers, and (first, alone) a string.
_PARTS = (int, float, complex)


def _complex(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> complex:
    """`complex(real=0, imag=0)`: the host's, once each part is a number or a text (its
    parsing is linear), or an object whose class converts itself (`__complex__`, else
    `__float__` or `__index__`, which protocols.py runs); else CPython's TypeError."""
    given = len(args) + len(kwargs)
    if len(args) > 2 or given > 2:
        kind = "arguments" if len(args) > 2 else "keyword arguments"
        raise fail("TypeError", f"complex() takes at most 2 {kind} ({given} given)")
    for name in kwargs:
        if name not in ("real", "imag"):
            raise fail("TypeError", f"complex() got an unexpected keyword argument '{name}'")
    parts = [*args, *kwargs.values()]
    for i, part in enumerate(parts):
        if type(part) is Instance:
            own = run_special(part, "__complex__", [])
            if own is not MISSING:
                parts[i] = own
            elif part.cls.lookup("__float__") is MISSING and (
                    part.cls.lookup("__index__") is MISSING):
                parts[i] = None  # refused below, by its class's name
        which = "first" if i == 0 else "second"
        if isinstance(part, str) and i == 1:
            raise fail("TypeError", "complex() second arg can't be a string")
        if not isinstance(parts[i], (*_PARTS, Instance, str) if i == 0 else (*_PARTS, Instance)):
            kind = "a string or a number" if i == 0 else "a number"
            raise fail("TypeError", f"complex() {which} argument must be {kind}, not "
                                    f"'{type_name(part)}'")
    if len(args) == 2 and isinstance(parts[0], str):
        raise fail("TypeError", "complex() can't take second arg if first is a string")
    return complex(*parts[:len(args)], **dict(zip(kwargs, parts[len(args):], strict=True)))


def _ascii(m: Machine, th: Thread, value: Any) -> str:
    text = quoted(value, m.program.budgets.items)
    return text.encode("ascii", "backslashreplace").decode("ascii")


def _binary(kind: type[bytes] | type[bytearray]) -> Any:
    """`bytes()` or `bytearray()`: empty, of `n` zero bytes, `(text, encoding)` and of items
    (ints in range(256), a generator's or a list's), with CPython's errors; at most the items
    budget of them."""
    name = kind.__name__
    one = "bytes" if kind is bytes else "byte"

    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> bytes | bytearray:
        for key in kwargs:
            if key not in ("source", "encoding", "errors"):
                raise fail("TypeError", f"{name}() got an unexpected keyword argument '{key}'")
        if len(args) + len(kwargs) > 3:
            raise fail("TypeError", f"{name}() takes at most 3 arguments "
                                    f"({len(args) + len(kwargs)} given)")
        source, *options = [*args, *kwargs.values()] or [b""]
        limit = m.program.budgets.items
        if isinstance(source, str):
            if not options:
                raise fail("TypeError", "string argument without an encoding")
            check_codec(source, "encode", options, {})
            made = source.encode(*options)
            check_bytes(made, m.program.budgets)
            return kind(made)
        if options:
            raise fail("TypeError", "encoding without a string argument")
        if isinstance(source, int) and not isinstance(source, bool):
            if source < 0:
                raise fail("ValueError", "negative count")
            if source > limit:
                raise BudgetError(f"{name}({source:,}) is over the limit of {limit:,} items")
            return kind(source)
        if isinstance(source, bytes | bytearray):
            return kind(source)
        if isinstance(source, float):
            raise fail("TypeError", f"cannot convert 'float' object to {name}")
        items = listed(m, th, source)
        if not isinstance(items, list | tuple | range | set | frozenset | dict):
            raise fail("TypeError", f"cannot convert '{type_name(source)}' object to {name}")
        if len(items) > limit:
            raise BudgetError(f"{name}() of {len(items):,} items is over the limit of {limit:,}")
        for item in items:
            if not isinstance(item, int):
                raise fail("TypeError", f"'{type_name(item)}' object cannot be interpreted as "
                                        f"an integer")
            if not 0 <= item < 256:
                raise fail("ValueError", f"{one} must be in range(0, 256)")
        return kind(items)
    return make


#: name → function(machine, thread, *args), for builtin_functions.BUILTINS.
CONVERSIONS = {"chr": _chr, "complex": _complex, "bytes": _binary(bytes),
               "bytearray": _binary(bytearray), "ord": _ord, "hex": _base(hex),
               "bin": _base(bin), "oct": _base(oct), "pow": _pow, "ascii": _ascii}
