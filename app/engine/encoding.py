"""Bytes a program makes from text: `text.encode()`, what `hashlib` hashes, and back with
`data.decode()` or `data.hex()`.

A literal (`b"..."`, as long as the program's text), `str.encode` and `bytes()`
(conversions.py: of a count, a text and its codec, or ints) are a program's ways to bytes
(it has no `bytearray`), so that
`hashlib.sha256(password.encode()).hexdigest()` runs as written. The codecs are a few
named ones: the host's lookup of any other name could load a codec module of the host, and
some (punycode, idna) take time quadratic in the text. The bytes one call makes are at most
the items budget (utf-8 may make four of each character); `+` and `*` on bytes are sized as
on text (arith), and `%` on bytes is refused (arith).
"""

from __future__ import annotations

from typing import Any

from .budgets import Budgets
from .errors import BudgetError
from .values import fail, type_name

#: The codecs a program may name, as CPython spells them (any case, `_` or `-`).
CODECS = frozenset({"utf-8", "utf8", "ascii", "latin-1", "latin1", "iso-8859-1",
                    "utf-16", "utf-32", "cp1252"})
ERRORS = frozenset({"strict", "ignore", "replace", "backslashreplace", "surrogateescape"})
#: The methods of text and bytes that take a codec.
CODEC_METHODS = frozenset({"encode", "decode"})


def check_codec(obj: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Refuse a codec or an error handler not offered, before the host looks it up."""
    if name not in CODEC_METHODS or not isinstance(obj, str | bytes | bytearray):
        return
    encoding = args[0] if args else kwargs.get("encoding", "utf-8")
    errors = args[1] if len(args) > 1 else kwargs.get("errors", "strict")
    for what, value, allowed in (("encoding", encoding, CODECS), ("errors", errors, ERRORS)):
        if not isinstance(value, str):
            raise fail("TypeError", f"{name}() argument '{what}' must be str, not "
                                    f"{type_name(value)}")
        if value.lower().replace("_", "-") not in allowed:
            raise fail("LookupError", f"the {what} {value!r} is not supported here (only "
                                      f"{', '.join(sorted(allowed))})")


def check_bytes(result: Any, budgets: Budgets) -> None:
    """The bytes `encode` made must fit the items budget."""
    if isinstance(result, bytes | bytearray) and len(result) > budgets.items:
        raise BudgetError(f"encode() made {len(result):,} bytes, over the limit of "
                          f"{budgets.items:,} items")
