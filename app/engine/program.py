"""A compiled program: the module body's code plus what the analysis found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .budgets import Budgets
    from .code import Code


@dataclass(frozen=True, eq=False)
class Program:
    source: str
    filename: str
    module: Code
    #: Globals whose every access is a step (some function reads or writes them).
    shared: frozenset[str]
    #: Globals some function names: all a thread but MainThread can reach by name.
    named_in_functions: frozenset[str]
    lines: tuple[str, ...]
    #: The limits it was compiled under, and runs under.
    budgets: Budgets
    #: Whether a class of its defines a special method Python's operators call (`__eq__`,
    #: `__str__`…): its steps then run with `special.RUNNING` set.
    special: bool = False

    def line(self, number: int) -> str:
        """Source line `number` (1-based), stripped; "" when out of range."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].strip()
        return ""
