"""What all function compilers of one program share (`Unit`: the analysis, budgets and
imports) and the blocks that `break`, `continue` and `return` must leave (`Block`)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from .. import primitives as prim
from ..budgets import Budgets
from ..calls import THREAD_METHODS
from ..instructions import Label
from ..library import HINTS, MODULES
from ..scope import Analysis
from ..stdlib import future, futures
from .refusals import module_hint
from .source import error

#: Methods whose calls are steps of their own (they may block, or start or join a thread):
#: their arguments are given one by one.
OWN_STEPS = frozenset({*THREAD_METHODS, *(name for kind in (
    prim.Lock, prim.RLock, prim.Condition, prim.Semaphore, prim.Event, prim.Barrier,
    future.Future, futures.Executor, future.Waiting) for name in kind.METHODS)})
SUPPORTED_MODULES = ("Supported modules: " + ", ".join(sorted(MODULES))
                      + " (each with the names its hint lists).")


@dataclass
class Unit:
    """What every function's compiler shares: the analysis, the budgets, the imports."""

    analysis: Analysis
    lines: list[str]
    budgets: Budgets
    modules: dict[str, str] = field(default_factory=dict)  # alias → module
    imported: dict[str, Any] = field(default_factory=dict)  # name → value
    #: The module's docstring: the program's `__doc__` (`ArgumentParser(description=__doc__)`).
    doc: str | None = None

    def collect_imports(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name not in MODULES:
                        raise error(node, f"import of '{alias.name}' is not supported",
                                    module_hint(alias.name, SUPPORTED_MODULES))
                    # `import concurrent.futures` binds `concurrent`, the package.
                    top = alias.name.split(".")[0]
                    self.modules[alias.asname or top] = alias.name if alias.asname else top
            elif isinstance(node, ast.ImportFrom):
                if node.module not in MODULES or node.level:
                    raise error(node, f"import from '{node.module}' is not supported",
                                module_hint(node.module or "", SUPPORTED_MODULES))
                table = MODULES[node.module]
                for alias in node.names:
                    if alias.name == "*":
                        self._import_star(table)
                        continue
                    submodule = f"{node.module}.{alias.name}"
                    if submodule in MODULES:  # `from concurrent import futures`
                        self.modules[alias.asname or alias.name] = submodule
                        continue
                    if alias.name not in table:
                        raise error(node, f"{node.module}.{alias.name} is not supported",
                                    HINTS[node.module])
                    self.imported[alias.asname or alias.name] = table[alias.name]
        for name in (*self.modules, *self.imported):
            if self._binds(name):
                raise error(tree, f"the imported name '{name}' is assigned elsewhere",
                            "Keep imported names bound to what they import.")

    def _import_star(self, table: dict[str, Any]) -> None:
        """`from threading import *`: the module's public names, but those the program binds
        itself, which are then its variables, as an assignment after the import makes them."""
        for name, value in table.items():
            if not name.startswith("_") and not self._binds(name):
                self.imported[name] = value

    def _binds(self, name: str) -> bool:
        return bool(self.analysis.module_bindings.get(name, 0)) or (
            name in self.analysis.written_in_functions)


@dataclass
class Block:
    """An enclosing construct that `break`, `continue` and `return` must clean up after."""

    kind: str  # "loop", "for", "with", "try", "finally"
    brk: Label | None = None
    cont: Label | None = None
    name: str = ""
    finalbody: list[ast.stmt] | None = None
