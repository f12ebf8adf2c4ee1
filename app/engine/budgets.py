"""What one program may use: the limits that keep hostile input from hanging the engine.

A program is compiled under its budgets and runs under them (`Program.budgets`), so the
compiler, the machine and its arithmetic all answer to the same ones. Steps per run and an
exploration's states and seconds are not here: every run and search is given those itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budgets:
    #: Bytes of source, checked before `ast.parse`.
    source_bytes: int = 64_000
    #: Nested blocks (`if` in `for` in `def` …), checked before `ast.parse` too.
    nesting: int = 40
    #: Threads one run may create, MainThread included.
    threads: int = 64
    #: Bits in one integer a `**`, `<<` or `*` may make (`10**10**10` is refused at once).
    int_bits: int = 100_000
    #: Items in one sequence a repetition (`[0] * n`, `'a' * n`) may make.
    items: int = 1_000_000
    #: Local operations one thread may run between two steps before it counts as an endless
    #: loop.
    local_ops: int = 100_000
    #: Characters of output (`print`) one run may keep.
    output: int = 1_000_000


DEFAULT_BUDGETS = Budgets()
