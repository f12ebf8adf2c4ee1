"""`secrets`: `token_hex`, `token_urlsafe`, `token_bytes`, `randbelow`, `randbits`, `choice`
and `compare_digest`, for the session ids and tokens a worker-thread lesson hands out.

CPython draws them from the operating system, so they differ in every run; here they come
from a generator of the machine's own (`random.own_generator`), so a run stays a pure
function of its program and schedule, and the `random` module's numbers stay CPython's. A
token is at most the integer budget's bits (`getrandbits` checks it). Each call is a step.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..values import fail, type_name
from .random import Random, own_generator

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from secrets: token_hex, token_urlsafe, token_bytes, randbelow, randbits, "
        "choice, compare_digest.")
#: Where a machine keeps its generator of secrets.
GENERATOR = ".secrets"
#: `secrets.DEFAULT_ENTROPY`: the bytes of a token made with no size.
DEFAULT_ENTROPY = 32


def _generator(m: Machine) -> Random:
    return own_generator(m, GENERATOR)


def _token_bytes(m: Machine, th: Thread, nbytes: Any = None) -> bytes:
    n = DEFAULT_ENTROPY if nbytes is None else nbytes
    if not isinstance(n, int):
        raise fail("TypeError", f"'{type_name(n)}' object cannot be interpreted as an integer")
    if n < 0:
        raise fail("ValueError", "negative argument not allowed")
    number: int = _generator(m).call(m, "getrandbits", [n * 8], {})
    return number.to_bytes(n, "little")


def _randbelow(m: Machine, th: Thread, exclusive_upper_bound: Any) -> int:
    if isinstance(exclusive_upper_bound, int) and exclusive_upper_bound <= 0:
        raise fail("ValueError", "Upper bound must be positive.")
    drawn: int = _generator(m).call(m, "randrange", [exclusive_upper_bound], {})
    return drawn


def _compare_digest(m: Machine, th: Thread, a: Any, b: Any) -> bool:
    if not (isinstance(a, str) and isinstance(b, str) or isinstance(a, bytes) and isinstance(
            b, bytes)):
        raise fail("TypeError", f"unsupported operand types(s) or combination of types: "
                                f"'{type_name(a)}' and '{type_name(b)}'")
    if isinstance(a, str) and not (a.isascii() and b.isascii()):
        raise fail("TypeError", "comparing strings with non-ASCII characters is not supported")
    return bool(a == b)  # in constant time in CPython: time is not what a run here shows


def _function(name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, "always", "secrets")


TABLE: dict[str, Any] = {
    "token_bytes": _function("token_bytes", _token_bytes),
    "token_hex": _function("token_hex", lambda m, th, nbytes=None: _token_bytes(
        m, th, nbytes).hex()),
    "token_urlsafe": _function("token_urlsafe", lambda m, th, nbytes=None: base64.
                               urlsafe_b64encode(_token_bytes(m, th, nbytes)).rstrip(b"=").
                               decode("ascii")),
    "randbelow": _function("randbelow", _randbelow),
    "randbits": _function("randbits", lambda m, th, k: _generator(m).call(
        m, "getrandbits", [k], {})),
    "choice": _function("choice", lambda m, th, seq: _generator(m).call(m, "choice", [seq], {})),
    "compare_digest": Builtin("compare_digest", _compare_digest, module="secrets"),
    "DEFAULT_ENTROPY": DEFAULT_ENTROPY,
}
