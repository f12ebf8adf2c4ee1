"""The built-in functions a program names without an import (`print`, `len`, `sorted`,
`int` …) and the table of them: CPython's own where that is safe, each checked first
against the program's budgets.
"""


from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .arith import check_ranges, total
from .builtin import Builtin, positional
from .classes import MISSING, Instance
from .conversions import CONVERSIONS
from .errors import BudgetError
from .formatting import format_builtin
from .generators import Generator, walked
from .introspect import CLASS_BUILTINS
from .iteration import iter_, next_
from .iterators import LazyIter, SeqIter, reversed_list
from .keyed import max_, min_, sorted_
from .machine import showing
from .special import run_special
from .stdlib.containers_base import held_items
from .stdlib.io import OPEN
from .stdlib.sys import REDIRECTS, current, write_to
from .values import (
    ExceptionClass,
    display,
    fail,
    quoted,
    type_name,
)

if TYPE_CHECKING:
    from .machine import Machine, Thread


def _print(m: Machine, th: Thread, *args: Any, sep: Any = " ", end: Any = "\n",
           file: Any = None, flush: Any = False, **others: Any) -> None:
    for name in others:
        raise fail("TypeError", f"print() got an unexpected keyword argument '{name}'")
    for what, value in (("sep", sep), ("end", end)):
        if value is not None and not isinstance(value, str):
            raise fail("TypeError", f"{what} must be None or a string, not "
                                    f"{type_name(value)}")
    sep = " " if sep is None else sep
    end = "\n" if end is None else end
    budget = m.program.budgets.output
    texts = showing(m, th, lambda: [display(a, budget) for a in args])
    parts = [part for i, text in enumerate(texts) for part in ((sep, text) if i else (text,))]
    if file is None and REDIRECTS["stdout"] not in m.globals:
        m.write([*parts, end])
    else:  # what sys.stdout names now, sys.stderr or a file of the program's
        write_to(m, current(m, "stdout") if file is None else file, [*parts, end], th)


def _pure(fn: Callable[..., Any], name: str, shared: str = "containers") -> Builtin:
    return Builtin(name, lambda m, th, *a, **k: fn(*a, **k), shared)


def _walking(fn: Callable[..., Any], name: str,
             items: Callable[[Any], Any] | None = None) -> Builtin:
    """A built-in that walks through its arguments: a range in them must fit the budget.
    `items`: what it reads of each argument (a mapping's items, for `dict`)."""
    def call(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        check_ranges(args, m.program.budgets)
        if items is not None:
            args = tuple(map(items, args))
        return fn(*walked(m, th, args), **kwargs)
    return Builtin(name, call, "containers")


def _str(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> str:
    """str(object=''): a program has no bytes to decode, so an encoding is refused as
    CPython refuses it for the object given."""
    for name in kwargs:
        if name not in ("object", "encoding", "errors"):
            raise fail("TypeError", f"str() got an unexpected keyword argument '{name}'")
    if len(args) > 3:
        raise fail("TypeError", f"str expected at most 3 arguments, got {len(args)}")
    value = args[0] if args else kwargs.get("object", "")
    encoding = args[1] if len(args) > 1 else kwargs.get("encoding", "utf-8")
    if not isinstance(encoding, str):
        raise fail("TypeError", f"str() argument 'encoding' must be str, not "
                                f"{type_name(encoding)}")
    decoding = len(args) > 1 or "encoding" in kwargs or "errors" in kwargs
    if decoding and (args or "object" in kwargs):
        raise fail("TypeError", "decoding str is not supported" if isinstance(value, str)
                   else f"decoding to str: need a bytes-like object, {type_name(value)} found")
    return showing(m, th, display, value, m.program.budgets.items)


def _repr(m: Machine, th: Thread, value: Any) -> str:
    return showing(m, th, quoted, value, m.program.budgets.items)


def _round(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """round(number, ndigits=None), which for an int and ndigits < 0 computes
    10 ** -ndigits: once that is over twice the int, the answer is 0, given at once (CPython
    takes minutes for `round(1, -14000000)`)."""
    given = len(args) + len(kwargs)
    if given > 2:
        raise fail("TypeError", f"round() takes at most 2 arguments ({given} given)")
    for i, name in enumerate(("number", "ndigits")[:len(args)]):
        if name in kwargs:
            raise fail("TypeError", f"argument for round() given by name ('{name}') and "
                                    f"position ({i + 1})")
    if not args and "number" not in kwargs:
        raise fail("TypeError", "round() missing required argument 'number' (pos 1)")
    for name in kwargs:
        if name not in ("number", "ndigits"):
            raise fail("TypeError", f"round() got an unexpected keyword argument '{name}'")
    number = args[0] if args else kwargs["number"]
    ndigits = args[1] if len(args) > 1 else kwargs.get("ndigits")
    if (isinstance(number, int) and isinstance(ndigits, int) and ndigits < 0
            and -ndigits > number.bit_length() // 3 + 1):  # 10**k >= 2**(3k) > 2 * |number|
        return 0
    if type(number) is not Instance and not hasattr(type(number), "__round__"):
        raise fail("TypeError", f"type {type_name(number)} doesn't define __round__ method")
    return round(number, ndigits)


#: Bits one digit makes in the bases whose text CPython converts without a limit on digits
#: (base 0 reads a prefix: `0x` is the widest).
_DIGIT_BITS = {2: 1, 4: 2, 8: 3, 16: 4, 32: 5, 0: 4}


def _int(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """int(), with a string in a power-of-two base checked against the integer budget first
    (CPython limits decimal text to 4,300 digits, not these)."""
    if args and isinstance(args[0], str):
        base = args[1] if len(args) > 1 else kwargs.get("base", 10)
        bits = m.program.budgets.int_bits
        if isinstance(base, int) and len(args[0]) * _DIGIT_BITS.get(base, 0) > bits:
            raise BudgetError(f"int() of {len(args[0]):,} digits in base {base} is over the "
                              f"limit of {bits:,} bits for one integer")
    return int(*args, **kwargs)


def _sum(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    budgets = m.program.budgets
    args = tuple(walked(m, th, args))
    check_ranges(args, budgets)
    if len(args) == 2 and not kwargs or len(args) == 1 and set(kwargs) <= {"start"}:
        return total(args[0], args[1] if len(args) == 2 else kwargs.get("start", 0), budgets)
    return sum(*args, **kwargs)  # CPython's own TypeError


def _len(m: Machine, th: Thread, value: Any) -> int:
    if not hasattr(type(value), "__len__"):  # ours: none has a length
        raise fail("TypeError", f"object of type '{type_name(value)}' has no len()")
    return len(value)


#: The name of the iterator `reversed()` makes of each type; of any other, "reversed".
_REVERSED: dict[type, str] = {list: "list_reverseiterator", range: "range_iterator"}


def _reversed(m: Machine, th: Thread, seq: Any) -> Any:
    """A list's reversed iterator reads the list as it goes, as CPython's does (an item
    popped meanwhile is not given); an object's `__reversed__` gives its own."""
    if isinstance(seq, Generator | SeqIter):  # an iterator has no end to start from
        raise fail("TypeError", f"'{type_name(seq)}' object is not reversible")
    if type(seq) is list:
        return reversed_list(seq)
    if type(seq) is Instance and (own := run_special(seq, "__reversed__", [])) is not MISSING:
        return own
    check_ranges([seq], m.program.budgets)
    kind = _REVERSED.get(type(seq), "reversed")
    return LazyIter(list(reversed(seq)), False, kind)


def _range(m: Machine, th: Thread, *args: Any) -> range:
    return range(*args)


#: The built-in exception classes, one object each (`IOError is OSError`).
_EXCEPTIONS = {name: ExceptionClass(name) for name in (
    "BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError",
    "LookupError", "IndexError", "KeyError", "RuntimeError", "RecursionError",
    "NotImplementedError", "ValueError", "TypeError", "AssertionError", "NameError",
    "UnboundLocalError", "AttributeError", "StopIteration", "SystemExit", "OSError",
    "TimeoutError", "KeyboardInterrupt", "GeneratorExit", "ConnectionError",
    "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "FileNotFoundError", "FileExistsError", "PermissionError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "EOFError", "ImportError",
    "ModuleNotFoundError", "MemoryError", "BufferError",
    "UnicodeError", "UnicodeEncodeError", "UnicodeDecodeError", "FloatingPointError",
    "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning", "FutureWarning",
    "PendingDeprecationWarning", "ResourceWarning", "SyntaxWarning")}


BUILTINS: dict[str, Any] = {
    "__name__": "__main__",  # a program always runs as the main module
    "NotImplemented": NotImplemented,  # what a special method returns to pass
    "print": Builtin("print", _print, "always"),
    "open": OPEN,
    "len": Builtin("len", positional(_len, "len", 1, 1), "containers"),
    "min": Builtin("min", min_, "containers"),
    "max": Builtin("max", max_, "containers"),
    "sum": Builtin("sum", _sum, "containers"),
    "abs": _pure(abs, "abs"),
    "round": Builtin("round", _round, "containers"),
    "divmod": _pure(divmod, "divmod"),
    "sorted": Builtin("sorted", sorted_, "containers"),
    "range": Builtin("range", positional(_range, "range", 1, 3)),
    "next": Builtin("next", positional(next_, "next", 1, 2), "waiting"),
    "iter": Builtin("iter", positional(iter_, "iter", 1, 2)),
    "list": _walking(list, "list"),
    "dict": _walking(dict, "dict", held_items),
    "tuple": _walking(tuple, "tuple"),
    "set": _walking(set, "set"),
    "frozenset": _walking(frozenset, "frozenset"),
    "reversed": Builtin("reversed", positional(_reversed, "reversed", 1, 1), "containers"),
    "str": Builtin("str", _str, "containers"),
    "repr": Builtin("repr", positional(_repr, "repr", 1, 1), "containers"),
    "format": Builtin("format", lambda m, th, *a, **k: showing(
        m, th, format_builtin, a, k, m.program.budgets),
                      "containers"),
    "int": Builtin("int", _int),
    "float": _pure(float, "float", "never"),
    "bool": _pure(bool, "bool"),
    **{name: Builtin(name, fn) for name, fn in CONVERSIONS.items()},
    **CLASS_BUILTINS,
    **_EXCEPTIONS,
    # CPython keeps these two names of OSError for old code (`except IOError:`)
    "IOError": _EXCEPTIONS["OSError"],
    "EnvironmentError": _EXCEPTIONS["OSError"],
}
