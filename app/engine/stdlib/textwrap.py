"""`textwrap`: `dedent`, `indent`, `wrap`, `fill` and `shorten`, for programs that lay out
a report.

The work is the host's own `textwrap`, given only strings, ints and bools (checked here
first), never a program's object; `indent`'s `predicate`, a program's function, is called
through `nested.call_now` as a key function is. Each text is bounded before it is made: a
wrapped text is at most the text (its tabs expanded) plus an indent per line, and a line
holds a word or at least one character of one, so the lines are counted from the words and
the width.
"""

from __future__ import annotations

import textwrap as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..nested import Allowance, call_now
from ..values import fail, represent, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = "Supported from textwrap: dedent, indent, wrap, fill, shorten."

#: TextWrapper's options and the types each takes here (CPython's defaults otherwise).
_TEXTS = frozenset({"initial_indent", "subsequent_indent", "placeholder"})
_FLAGS = frozenset({"expand_tabs", "replace_whitespace", "fix_sentence_endings",
                    "break_long_words", "drop_whitespace", "break_on_hyphens"})
_NUMBERS = frozenset({"width", "tabsize", "max_lines"})


def _text(value: Any, name: str = "expandtabs") -> str:
    """The text to lay out: only a str, else CPython's AttributeError (its first method
    call on the value)."""
    if not isinstance(value, str):
        raise fail("AttributeError", f"'{type_name(value)}' object has no attribute '{name}'")
    return value


def _options(kwargs: dict[str, Any]) -> dict[str, Any]:
    for name, value in kwargs.items():
        if name in _TEXTS:
            ok = isinstance(value, str)
        elif name in _FLAGS:
            ok = isinstance(value, bool | int | None)
        elif name in _NUMBERS:
            ok = (value is None and name == "max_lines") or (
                isinstance(value, int) and not isinstance(value, bool))
        else:
            raise fail("TypeError", f"TextWrapper.__init__() got an unexpected keyword "
                                    f"argument '{name}'")
        if not ok:
            raise fail("TypeError", f"textwrap's {name} must be "
                                    f"{'a str' if name in _TEXTS else 'an int'} here, not "
                                    f"{represent(type_name(value))}")
    return kwargs


def _check_size(m: Machine, text: str, options: dict[str, Any]) -> None:
    """Refuse a layout that could pass the items budget, before it is made."""
    size = len(text)
    if options.get("expand_tabs", True) and "\t" in text:
        size *= max(1, options.get("tabsize", 8))
    indents = [len(options.get(k, "")) for k in ("initial_indent", "subsequent_indent")]
    room = max(1, options.get("width", 70) - max(indents))
    lines = len(text.split()) + size // room + 1
    size += lines * (sum(indents) + 1) + len(options.get("placeholder", ""))
    limit = m.program.budgets.items
    if size > limit:
        raise BudgetError(f"a wrapped text of up to {size:,} characters is over the limit of "
                          f"{limit:,}")


def _host(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except ValueError as e:  # CPython's words: invalid width, placeholder too large
        raise fail("ValueError", str(e)) from None


def _wrap(m: Machine, th: Thread, text: Any, width: Any = 70, **kwargs: Any) -> list[str]:
    options = _options({"width": width, **kwargs})
    _check_size(m, _text(text), options)
    return list(_host(host.wrap, text, **options))


def _fill(m: Machine, th: Thread, text: Any, width: Any = 70, **kwargs: Any) -> str:
    options = _options({"width": width, **kwargs})
    _check_size(m, _text(text), options)
    return str(_host(host.fill, text, **options))


def _shorten(m: Machine, th: Thread, text: Any, width: Any, **kwargs: Any) -> str:
    options = _options({"width": width, **kwargs})
    _check_size(m, _text(text, "strip"), options)
    return str(_host(host.shorten, text, **options))


def _dedent(m: Machine, th: Thread, text: Any) -> str:
    if not isinstance(text, str):
        raise fail("TypeError", f"expected string or bytes-like object, got "
                                f"{represent(type_name(text))}")
    return host.dedent(text)


def _indent(m: Machine, th: Thread, text: Any, prefix: Any, predicate: Any = None) -> str:
    """CPython 3.13's `textwrap.indent`: `prefix` before each line `predicate` accepts (by
    default each line that is not only whitespace), the pieces joined as it joins them."""
    lines = _text(text, "splitlines").splitlines(True)
    size = len(text) + (len(prefix) if isinstance(prefix, str) else 0) * len(lines)
    limit = m.program.budgets.items
    if size > limit:
        raise BudgetError(f"an indented text of up to {size:,} characters is over the limit "
                          f"of {limit:,}")
    pieces, allowance = [], Allowance(m)
    for line in lines:
        if (not line.isspace() if predicate is None
                else call_now(m, th, predicate, [line], allowance=allowance)):
            pieces.append(prefix)
        pieces.append(line)
    for i, piece in enumerate(pieces):
        if not isinstance(piece, str):
            raise fail("TypeError", f"sequence item {i}: expected str instance, "
                                    f"{type_name(piece)} found")
    return "".join(pieces)


TABLE: dict[str, Any] = {
    name: Builtin(name, fn, module="textwrap") for name, fn in (
        ("wrap", _wrap), ("fill", _fill), ("shorten", _shorten), ("dedent", _dedent),
        ("indent", _indent))}
