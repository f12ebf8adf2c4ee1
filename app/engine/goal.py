"""Goals: a small expression over a state, such as `counter == 1` or `at(7) >= 2`.

Used by challenges ("make the program print 1"), the explorer's `--goal` and the verifier. Like
programs, goals are parsed with `ast` and evaluated by walking the tree, never executed.

Names: the program's module-level variables (plain data), and
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

from .errors import CompileError
from .machine import ALIVE, Machine
from .trace import plain_globals

_BIN: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Div: operator.truediv,
}
_CMP: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
_FUNCS: dict[str, Callable[..., Any]] = {
    "len": len, "min": min, "max": max, "sum": sum, "abs": abs, "any": any, "all": all,
}
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
            return bool(_eval(self.tree.body, _Scope(m, final)))
        except _Missing:
            return False
        except (TypeError, ValueError, ArithmeticError, LookupError):
            return False

    __call__ = holds


def parse_goal(text: str) -> Goal:
    """Parse a goal; a CompileError (with position and hint) when it is not one."""
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
    return Goal(text.strip(), tree, anytime)


class _Missing(Exception):
    """A name the state does not have (yet): the goal is simply not met there."""


class _Scope:
    def __init__(self, m: Machine, final: bool) -> None:
        self.m = m
        self.final = final
        self._globals: dict[str, Any] | None = None

    def lookup(self, name: str) -> Any:
        m = self.m
        if name == "deadlock":
            return self.final and not m.over()
        if name == "done":
            return self.final and m.over()
        if name == "errors":
            return [exc.type for _, exc in m.errors]
        if name == "output":
            return m.lines()
        if self._globals is None:
            self._globals = plain_globals(m)
        if name not in self._globals:
            raise _Missing(name)
        return self._globals[name]

    def at(self, first: int, last: int | None = None) -> int:
        last = first if last is None else last
        return sum(1 for th in self.m.threads if th.state == ALIVE
                   and first <= self.m.next_instr(th).line <= last)


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
    if isinstance(node, ast.BinOp):
        return _BIN[type(node.op)](_eval(node.left, scope), _eval(node.right, scope))
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
        return _FUNCS[node.func.id](*args)
    raise CompileError(f"`{type(node).__name__}` is not allowed in a goal", 1, 1, "")
