"""The library modules a program may import, one simulated module each in this package.

A module is a table: each name a program may take from it (`threading.Lock`,
`from time import sleep`) and its value, a built-in of ours, an exception class or a
constant. Nothing else of a real module is reachable: the compiler refuses any other name,
with the module's hint.
"""

from __future__ import annotations

from typing import Any

from ..calls import BUILTINS, Builtin
from . import futures, math, os, random, threading, time, typing

#: Module name → its table, and the hint for a name it does not have.
MODULES: dict[str, dict[str, Any]] = {
    "threading": threading.TABLE, "time": time.TABLE, "os": os.TABLE, "random": random.TABLE,
    "math": math.TABLE, "typing": typing.TABLE, "__future__": typing.FUTURE,
    # A package's table is empty: its submodules are modules of their own.
    "concurrent": {}, "concurrent.futures": futures.TABLE,
}
HINTS: dict[str, str] = {"threading": threading.HINT, "time": time.HINT, "os": os.HINT,
                         "random": random.HINT, "math": math.HINT, "typing": typing.HINT,
                         "__future__": typing.FUTURE_HINT, "concurrent": futures.PACKAGE_HINT,
                         "concurrent.futures": futures.HINT}

#: Every built-in by its key (snapshots refer to them by it).
BY_NAME: dict[str, Builtin] = {
    b.key: b for table in (BUILTINS, *MODULES.values()) for b in table.values()
    if isinstance(b, Builtin)}
