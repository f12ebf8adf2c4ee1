"""A compiled program: the module body's code plus what the analysis found."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .budgets import Budgets
    from .code import Code


class Names(NamedTuple):
    """What a program's text names, read from the compiler's syntax tree once. Questions
    asked of a program long after it is compiled (may it list threads? read the clock?)
    read these instead of parsing the source again or keeping its tree alive."""

    #: Every `x.attribute`.
    attributes: frozenset[str]
    #: Every bare name loaded, stored or deleted.
    variables: frozenset[str]
    #: The modules of every `import module`.
    imports: frozenset[str]
    #: (module, name) of every `from module import name`; module is "" in `from . import`.
    imported_from: frozenset[tuple[str, str]]


def names_in(tree: ast.Module) -> Names:
    """The names `tree` holds."""
    attributes: set[str] = set()
    variables: set[str] = set()
    imports: set[str] = set()
    imported_from: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            attributes.add(node.attr)
        elif isinstance(node, ast.Name):
            variables.add(node.id)
        elif isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported_from.update((node.module or "", alias.name) for alias in node.names)
    return Names(frozenset(attributes), frozenset(variables), frozenset(imports),
                 frozenset(imported_from))


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
    #: What its text names (before private names are mangled).
    names: Names
    #: Whether a class of its defines a special method Python's operators call (`__eq__`,
    #: `__str__`…): its steps then run with `machine.RUNNING` set.
    special: bool = False

    def line(self, number: int) -> str:
        """Source line `number` (1-based), stripped; "" when out of range."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].strip()
        return ""
