"""Work for the sandbox's children in tests/web/test_sandbox.py. A child finds a function by
its module's name: these live in a module of their own, which a script of that test imports
too, rather than in the test module."""

from __future__ import annotations

import os
import time

_kept: list[bytes] = []


def spin() -> None:
    while True:
        pass


def sleep(seconds: float) -> None:
    time.sleep(seconds)  # one C call: only the parent's deadline can stop it


def allocate(size: int) -> int:
    return len(bytearray(size))


def keep(size: int) -> int:
    _kept.append(b"x" * size)  # touched: resident, not only mapped
    return os.getpid()


def fail() -> None:
    raise ValueError("the program's own")
