"""`hashlib`: `sha256`, `sha1`, `md5` (and `sha224`, `sha384`, `sha512`, `new(name)`) of the
bytes `text.encode()` makes (app/engine/encoding.py), for the lessons that hash passwords,
messages or the blocks of a toy blockchain in worker threads. The digests are the host's, so
CPython's.

A hash keeps the bytes it was given besides the host's hash object: a snapshot writes those
bytes (a host hash cannot be pickled) and rebuilds the host's from them. Keeping them is what
bounds a hash: the bytes one hash is given are at most the program's `items` budget, a
BudgetError past it. `update` on a shared hash is a step, as a call on any library object is.
"""

from __future__ import annotations

import hashlib as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..errors import BudgetError
from ..values import LibraryObject, fail

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: The algorithms offered, by CPython's names (`hashlib.new(name)` takes these).
ALGORITHMS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")

HINT = "Supported from hashlib: " + ", ".join((*ALGORITHMS, "new")) + "."


def _data(value: Any) -> bytes:
    """The bytes hashed from `value`, with CPython's TypeErrors for what is not bytes."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        raise fail("TypeError", "Strings must be encoded before hashing")
    raise fail("TypeError", "object supporting the buffer API required")


class Hash(LibraryObject):
    """A hash object (`hashlib.sha256(data)`): `update`, `digest`, `hexdigest`, `copy`."""

    __slots__ = ("algorithm", "data", "_host")
    type_name = "HASH"  # CPython's `_hashlib.HASH`
    METHODS = frozenset({"update", "digest", "hexdigest", "copy"})
    ATTRIBUTES = frozenset({"name", "digest_size", "block_size"})

    def __init__(self, algorithm: str, data: bytes = b"") -> None:
        self.algorithm = algorithm
        self.data = bytearray(data)
        self._host = host.new(algorithm, data)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Hash, (self.algorithm, bytes(self.data)))

    def __repr__(self) -> str:
        return f"<{self.algorithm} _hashlib.HASH object>"

    def attribute(self, name: str) -> Any:
        if name == "name":
            return self.algorithm
        return self._host.digest_size if name == "digest_size" else self._host.block_size

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            raise fail("TypeError", f"HASH.{name}() takes no keyword arguments")
        if name == "update":
            if len(args) != 1:
                raise fail("TypeError", f"HASH.update() takes exactly one argument "
                                        f"({len(args)} given)")
            self.feed(m, _data(args[0]))
            return None
        if args:
            raise fail("TypeError", f"HASH.{name}() takes no arguments ({len(args)} given)")
        if name == "copy":
            return Hash(self.algorithm, bytes(self.data))
        return self._host.digest() if name == "digest" else self._host.hexdigest()

    def feed(self, m: Machine, chunk: bytes) -> None:
        limit = m.program.budgets.items
        if len(self.data) + len(chunk) > limit:
            raise BudgetError(f"a hash of more than {limit:,} bytes is over the limit")
        self.data += chunk
        self._host.update(chunk)


def _constructor(algorithm: str) -> Builtin:
    def make(m: Machine, th: Thread, data: Any = b"", *, usedforsecurity: Any = True) -> Hash:
        made = Hash(algorithm)
        if data != b"":
            made.feed(m, _data(data))
        return made
    return Builtin(algorithm, make, module="hashlib")


_CONSTRUCTORS = {name: _constructor(name) for name in ALGORITHMS}


def _new(m: Machine, th: Thread, name: Any, data: Any = b"", **kwargs: Any) -> Hash:
    if not isinstance(name, str):
        raise fail("TypeError", "name must be a string")
    constructor = _CONSTRUCTORS.get(name.lower())
    if constructor is None:
        raise fail("ValueError", f"unsupported hash type {name}")
    made: Hash = constructor.fn(m, th, data, **kwargs)
    return made


TABLE: dict[str, Any] = {**_CONSTRUCTORS, "new": Builtin("new", _new, module="hashlib")}
