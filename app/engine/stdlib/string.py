"""`string`: the module's constants (CPython's `Lib/string.py`), for programs that build
passwords or alphabets from them."""

from __future__ import annotations

from typing import Any

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_PUNCTUATION = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
_WHITESPACE = " \t\n\r\v\f"

TABLE: dict[str, Any] = {
    "ascii_lowercase": _LOWER,
    "ascii_uppercase": _UPPER,
    "ascii_letters": _LOWER + _UPPER,
    "digits": _DIGITS,
    "hexdigits": _DIGITS + "abcdef" + "ABCDEF",
    "octdigits": "01234567",
    "punctuation": _PUNCTUATION,
    "whitespace": _WHITESPACE,
    "printable": _DIGITS + _LOWER + _UPPER + _PUNCTUATION + _WHITESPACE,
}

HINT = "Supported from string: its constants (" + ", ".join(sorted(TABLE)) + ")."
