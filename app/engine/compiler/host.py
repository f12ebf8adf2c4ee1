"""What the mixins of `FunctionCompiler` (`Statements`, `Expressions`, `Patterns`) use of
the class they are mixed into and of each other, declared once for the type checker: each
mixin derives from `Host` only when type checking, and from `object` when it runs."""

from __future__ import annotations

import ast
from abc import abstractmethod
from typing import Any

from ..code import Code, Instr
from ..instructions import Label
from ..scope import Scope
from .unit import Block, Unit


class Host:
    """`FunctionCompiler` as its mixins see it: its attributes, and as abstract methods those
    that another part defines."""

    unit: Unit
    scope: Scope
    code: Code
    blocks: list[Block]
    renames: dict[str, str]
    lent: dict[str, tuple[str, int]]

    def __init__(self, unit: Unit, scope: Scope, name: str) -> None: ...

    # function.py
    @abstractmethod
    def emit(self, instr: Instr) -> None: ...
    @abstractmethod
    def mark(self, label: Label) -> None: ...
    @abstractmethod
    def temp(self, what: str) -> str: ...
    @abstractmethod
    def text(self, node: ast.AST) -> str: ...
    @abstractmethod
    def function(self, node: ast.FunctionDef | ast.Lambda) -> Code: ...
    @abstractmethod
    def generator_expression(self, node: ast.GeneratorExp) -> Code: ...
    @abstractmethod
    def body(self, stmts: list[ast.stmt]) -> None: ...
    @abstractmethod
    def kind_of(self, name: str) -> str: ...
    @abstractmethod
    def lend(self, scope: Scope) -> dict[str, tuple[str, int]]: ...
    @abstractmethod
    def load_name(self, name: str, node: ast.AST) -> None: ...
    @abstractmethod
    def store(self, target: ast.AST) -> None: ...
    @abstractmethod
    def delete_name(self, target: ast.Name) -> None: ...
    @abstractmethod
    def private(self, node: ast.AST) -> bool: ...
    @abstractmethod
    def attr_name(self, node: ast.Attribute) -> str: ...
    @abstractmethod
    def settled(self, name: str) -> bool: ...
    @abstractmethod
    def imported(self, node: ast.AST, name: str, value: Any) -> None: ...

    # expressions.py
    @abstractmethod
    def expr(self, node: ast.expr, compute_step: bool = False) -> None: ...
    @abstractmethod
    def comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp,
                      generators: list[ast.comprehension], depth: int) -> None: ...
    @abstractmethod
    def condition(self, test: ast.expr, when: bool, target: Label) -> None: ...

    # statements.py
    @abstractmethod
    def is_shared_target(self, target: ast.AST) -> bool: ...
    @abstractmethod
    def qualified(self, name: str) -> str: ...
    @abstractmethod
    def closure_kind(self) -> bool | str: ...
    @abstractmethod
    def make_function(self, node: ast.FunctionDef | ast.Lambda) -> None: ...
