"""`uuid`: `uuid4()` for the request and job ids of worker-thread lessons, `uuid5`/`uuid3`
of a name, and `UUID(text)`. A UUID is the host's immutable value (its `str`, `repr`,
comparisons and fields are CPython's); a program reads only the fields in `_FIELDS`.

CPython's `uuid4` reads `os.urandom`, so its ids differ in every run. A run here must be a
pure function of its program and its schedule, so the ids come from a generator of the
machine's own, seeded as the `random` module's is (stdlib/random.py) but apart from it: a
program's `random.seed(1)` numbers are then CPython's whether or not it also makes ids.
Each `uuid4()` is a step (it draws from state every thread shares).
"""

from __future__ import annotations

import uuid as host
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..calls import ATTRIBUTES
from ..classes import MISSING
from ..errors import BudgetError
from ..introspect import LIBRARY_CLASSES, LIBRARY_TYPES
from ..values import TEXTS, TYPE_NAMES, fail, type_name
from .random import own_generator

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from uuid: uuid4, uuid5, uuid3, UUID, NAMESPACE_DNS, NAMESPACE_URL, "
        "NAMESPACE_OID, NAMESPACE_X500.")

#: Where a machine keeps its generator of ids (a name no program can write: not an identifier).
GENERATOR = ".uuid"
#: The longest name `uuid5`/`uuid3` hash, and the longest text `UUID()` reads.
MAX_NAME = 10_000
_FIELDS = frozenset({"hex", "int", "version", "urn", "bytes", "variant", "fields",
                     "time_low", "time_mid", "node"})


def _uuid4(m: Machine, th: Thread) -> host.UUID:
    rng = own_generator(m, GENERATOR)
    return host.UUID(int=rng.call(m, "getrandbits", [128], {}), version=4)


def _named(version: int) -> Builtin:
    """`uuid5(namespace, name)` (SHA-1) or `uuid3` (MD5): the same id for the same name."""
    def make(m: Machine, th: Thread, namespace: Any, name: Any) -> host.UUID:
        if not isinstance(namespace, host.UUID):
            raise fail("AttributeError", f"'{type_name(namespace)}' object has no attribute "
                                         f"'bytes'")
        if not isinstance(name, str):  # a program has no bytes (builtin_functions._str)
            raise fail("TypeError", f"can't concat {type_name(name)} to bytes")
        if len(name) > MAX_NAME:
            raise BudgetError(f"a name of more than {MAX_NAME:,} characters is over the limit")
        return host.uuid5(namespace, name) if version == 5 else host.uuid3(namespace, name)
    return Builtin(f"uuid{version}", make, module="uuid")


def _uuid(m: Machine, th: Thread, hex: Any = None, *args: Any, **kwargs: Any) -> host.UUID:
    """`UUID(text)` or `UUID(int=n)`: the other ways of making one are not offered."""
    if args or set(kwargs) - {"int"} or (hex is None) == ("int" not in kwargs):
        raise fail("TypeError", "UUID() takes a hex string or int= here")
    if hex is not None:
        if not isinstance(hex, str):
            raise fail("AttributeError", f"'{type_name(hex)}' object has no attribute "
                                         f"'replace'")
        if len(hex) > MAX_NAME:
            raise BudgetError(f"a text of more than {MAX_NAME:,} characters is over the limit")
        try:
            return host.UUID(hex)
        except ValueError:
            raise fail("ValueError", "badly formed hexadecimal UUID string") from None
    number = kwargs["int"]
    if not isinstance(number, int) or isinstance(number, bool) or not (
            0 <= number < 1 << 128):
        raise fail("ValueError", "int is out of range (need a 128-bit value)")
    return host.UUID(int=number)


def _field(value: host.UUID, name: str) -> Any:
    return getattr(value, name) if name in _FIELDS else MISSING


ATTRIBUTES[host.UUID] = _field
TEXTS[host.UUID] = str
TYPE_NAMES[host.UUID] = lambda u: "UUID"

TABLE: dict[str, Any] = {
    "uuid4": Builtin("uuid4", _uuid4, "always", "uuid"),
    "uuid5": _named(5),
    "uuid3": _named(3),
    "UUID": Builtin("UUID", _uuid, module="uuid"),
    "NAMESPACE_DNS": host.NAMESPACE_DNS,
    "NAMESPACE_URL": host.NAMESPACE_URL,
    "NAMESPACE_OID": host.NAMESPACE_OID,
    "NAMESPACE_X500": host.NAMESPACE_X500,
}


def _instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, uuid.UUID)` (see `introspect.LIBRARY_TYPES`)."""
    if not isinstance(cls, Builtin) or cls.key != "uuid.UUID":
        return None
    return isinstance(obj, host.UUID)


LIBRARY_TYPES.append(_instance)
LIBRARY_CLASSES[host.UUID] = lambda u: TABLE["UUID"]
