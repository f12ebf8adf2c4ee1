"""Goals: a small expression over a state, such as `counter == 1` or `at(7) >= 2`.

Used by challenges ("make the program print 1"), the explorer's `--goal` and the verifier. Like
programs, goals are parsed with `ast` and evaluated by walking the tree, never executed.

Names: the program's module-level variables (JSON-able data), and
- `deadlock`: the run ended with threads that can never move;
- `done`: the run ended (every thread finished, possibly with errors);
- `errors`: the exception type names raised and not caught, e.g. `"IndexError" in errors`;
- `output`: the printed lines.
Functions: `at(line)` / `at(first, last)` count the live threads whose next step is on that
line (or in that range), e.g. `at(8, 9) >= 2` for two threads inside a critical section;
`len`, `min`, `max`, `sum`, `abs`, `any`, `all`.

A goal that uses `at` is about any state along the way; any other goal is about the final
state only (`counter < 4` means "ends with counter below 4", not "passes through 0").
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .arith import operator_for, total
from .budgets import DEFAULT_BUDGETS, Budgets
from .errors import BudgetError, CompileError
from .machine import Machine, program_line
from .threadstate import ALIVE
from .values import JsonableWalk

_BIN: dict[type, str] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Mod: "%", ast.Div: "/",
}
_CMP: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
_FUNCS: dict[str, Callable[..., Any]] = {
    "len": len, "min": min, "max": max, "sum": sum, "abs": abs, "any": any, "all": all,
}
#: Errors that leave a goal unmet where they happen (`x[3]` on a shorter list), including a
#: value its operations would make too big (`s * 10**6` on the state's string).
_UNMET = (TypeError, ValueError, ArithmeticError, LookupError, BudgetError)
MAX_GOAL = 500


@dataclass(frozen=True)
class Goal:
    text: str
    tree: ast.Expression
    #: Whether the goal looks at states along the way (it uses `at`), not just the end.
    anytime: bool

    def holds(self, m: Machine, final: bool) -> bool:
        """The goal's truth in `m`; `final` says the run has ended there."""
        if not final and not self.anytime:
            return False
        try:
            return bool(_eval(self.tree.body, _Scope(m, final, m.program.budgets)))
        except (_Missing, *_UNMET):
            return False

    __call__ = holds


def parse_goal(text: str, budgets: Budgets = DEFAULT_BUDGETS) -> Goal:
    """Parse a goal; a CompileError (with position and hint) when it is not one, or when a
    part of it that does not depend on the state is over the program's `budgets`
    (`len([0] * 100000000)`). Such parts are worked out here, once, not at every step."""
    if len(text) > MAX_GOAL:
        raise CompileError(f"the goal is over {MAX_GOAL} characters", 1, 1, "")
    try:
        tree = ast.parse(text.strip(), "<goal>", mode="eval")
    except SyntaxError as e:
        raise CompileError(f"SyntaxError in goal: {e.msg}", 1, e.offset or 1,
                           "A goal is one expression, e.g. counter == 1") from None
    anytime = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in (*_FUNCS, "at"):
                raise CompileError("a goal may only call at(), len(), min(), max(), sum(), "
                                   "abs(), any() and all()", 1, node.col_offset + 1, "")
            anytime = anytime or node.func.id == "at"
        elif not isinstance(node, (ast.Expression, ast.BoolOp, ast.BinOp, ast.UnaryOp,
                                   ast.Compare, ast.Name, ast.Load, ast.Constant, ast.List,
                                   ast.Tuple, ast.Subscript, ast.boolop, ast.operator,
                                   ast.unaryop, ast.cmpop)) or isinstance(
                                       node, ast.Pow | ast.LShift | ast.MatMult):
            raise CompileError(f"`{type(node).__name__}` is not allowed in a goal", 1,
                               getattr(node, "col_offset", 0) + 1,
                               "Use variables, numbers, comparisons, and/or/not.")
    return Goal(text.strip(), _Folder(budgets).visit(tree), anytime)


class _Folder(ast.NodeTransformer):
    """Replaces each part of a goal that reads nothing of the state by its value."""

    def __init__(self, budgets: Budgets) -> None:
        self.scope = _Scope(None, False, budgets)

    def visit(self, node: ast.AST) -> Any:
        node = self.generic_visit(node)
        if not isinstance(node, ast.expr) or isinstance(node, ast.Constant | ast.Name) or (
                isinstance(node, ast.Call) and node.func.id == "at"):  # type: ignore[attr-defined]
            return node
        if isinstance(node, ast.Call):
            inside: list[ast.AST] = [*node.args, *node.keywords]
        else:
            inside = [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]
        if not all(isinstance(c, ast.Constant) for c in inside):
            return node
        try:
            value = _eval(node, self.scope)
        except BudgetError as e:
            raise CompileError(f"in the goal, {e}", 1, node.col_offset + 1, "") from None
        except _UNMET:  # left to fail where it is evaluated, as it always has
            return node
        return ast.copy_location(ast.Constant(value), node)


class _Missing(Exception):
    """A name the state does not have (yet): the goal is simply not met there."""


class _Scope:
    """What a goal's names and `at` read: a machine's state (None while folding constants)."""

    def __init__(self, m: Machine | None, final: bool, budgets: Budgets) -> None:
        self.m = m
        self.final = final
        self.budgets = budgets

    def lookup(self, name: str) -> Any:
        m = self.m
        assert m is not None
        if name == "deadlock":
            return self.final and not m.over()
        if name == "done":
            return self.final and m.over()
        if name == "errors":
            return [exc.type for _, exc in m.errors]
        if name == "output":
            return m.lines()
        # Only the variable named is walked (within the items budget), not every global.
        value = m.globals.get(name, _ABSENT)
        if name.startswith(".") or not JsonableWalk(self.budgets.items).take(value):
            raise _Missing(name)
        return value

    def at(self, first: int, last: int | None = None) -> int:
        m = self.m
        assert m is not None
        last = first if last is None else last
        return sum(1 for th in m.threads if th.state == ALIVE
                   and first <= program_line(th) <= last)


#: A global the state does not have: not JSON-able, so `_Missing`.
_ABSENT = object()


def _eval(node: ast.AST, scope: _Scope) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return scope.lookup(node.id)
    if isinstance(node, ast.BoolOp):
        values = (_eval(v, scope) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, scope)
        if isinstance(node.op, ast.Not):
            return not value
        return -value if isinstance(node.op, ast.USub) else +value
    if isinstance(node, ast.BinOp):  # `*` and `+` checked against the budgets, as in programs
        return operator_for(_BIN[type(node.op)], scope.budgets)(_eval(node.left, scope),
                                                                _eval(node.right, scope))
    if isinstance(node, ast.Compare):
        left = _eval(node.left, scope)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = _eval(right_node, scope)
            if not _CMP[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.List | ast.Tuple):
        return [_eval(e, scope) for e in node.elts]
    if isinstance(node, ast.Subscript):
        return _eval(node.value, scope)[_eval(node.slice, scope)]
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        args = [_eval(a, scope) for a in node.args]
        if node.func.id == "at":
            return scope.at(*args)
        if node.func.id == "sum" and len(args) == 2:  # `sum(lists, [])`: sized first
            return total(args[0], args[1], scope.budgets)
        return _FUNCS[node.func.id](*args)
    raise CompileError(f"`{type(node).__name__}` is not allowed in a goal", 1, 1, "")
