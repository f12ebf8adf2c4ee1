"""Arithmetic and comparisons: a step when an operand is a container other threads
may change, or (`compute`) when it is the middle of a shared read-modify-write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import arith
from ..calls import (
    CONTAINERS,
)
from ..classes import Instance
from ..code import Instr
from ..formatting import NOT, push_membership, push_own, push_percent_texts, push_truth
from ..generators import Generator, Pulled
from ..machine import showing
from ..protocols import BINARY_NAMES
from ..values import (
    shown,
)

if TYPE_CHECKING:
    from ..budgets import Budgets
    from ..machine import Machine, Thread
from .base import _top2_container, _top_is_container


def binop(op: str, budgets: Budgets, line: int, col: int, inplace: bool = False) -> Instr:
    fn = arith.operator_for(op, budgets, inplace)
    shows = op == "%"  # `text % values`: a thread among them says its state (`showing`)

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        s = th.frames[-1].stack
        if not inplace and _operator_pushed(m, th, op, s[-2], s[-1]):
            return _pushed_event(s[-2], op, s[-1])  # its RETURN gives the result
        if shows and type(s[-2]) is str and push_percent_texts(m, th, s[-2], s[-1], len(s) - 1):
            return _pushed_event(s[-2], op, s[-1])  # its objects' texts first, then this
        b = s.pop()
        a = s[-1]
        s[-1] = result = showing(m, th, fn, a, b) if shows else fn(a, b)
        th.frames[-1].pc += 1
        if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
            return ("call", f"{shown(a)} {op} {shown(b)}", result)
        return None
    # `+=` for an in-place one: it changes a container on its left (the explorer's accesses)
    return Instr("BINOP", op + "=" if inplace else op, line, col, run, visible=_top2_container)


#: An operator's symbol → its special methods' name (`+`: `__add__`, `__radd__`).
_OPERATOR_NAMES = {symbol: name for name, symbol in BINARY_NAMES.items()} | {"**": "pow"}
#: The values whose own operator answers NotImplemented for an object of the program's.
_PLAIN = (int, float, bool, complex, str, list, tuple)


#: A comparison's symbol → the method it calls.
_COMPARISONS = {"==": "__eq__", "!=": "__ne__", "<": "__lt__", ">": "__gt__", "<=": "__le__",
                ">=": "__ge__"}


def _comparison_pushed(m: Machine, th: Thread, method: str, a: Any, b: Any) -> bool:
    """`a == b`, `a < b` … with an object whose class defines that method itself: it runs
    as the thread's own call (a lock it takes may wait). Not for a dataclass's or an
    IntEnum's, nor when `b`'s class derives from `a`'s (its reflected method may go
    first): those compare inside the step (special.py)."""
    if type(a) is not Instance or a.cls.fields is not None or (
            type(b) is Instance and b.cls is not a.cls and a.cls in b.cls.mro):
        return False
    return push_own(m, th, a, method, [b], 2, "compare")


def _pushed_event(a: Any, op: str, b: Any) -> tuple[Any, ...] | None:
    """The step's event when the operator's special method was pushed: one for a container
    operand (the instruction is then visible), whose value comes with the RETURN."""
    if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
        return ("call", f"{shown(a)} {op} {shown(b)}", None)
    return None


def _operator_pushed(m: Machine, th: Thread, op: str, a: Any, b: Any) -> bool:
    """`a op b` with an object whose class defines the operator's method: that method run
    as the thread's own call (a lock it takes, a thread it joins, may wait); `b`'s reflected
    one first when its class derives from `a`'s and overrides it, as Python tries it."""
    name = _OPERATOR_NAMES.get(op)
    if name is None:
        return False
    if type(a) is Instance:
        reflected = f"__r{name}__"
        if type(b) is Instance and b.cls is not a.cls and a.cls in b.cls.mro and (
                b.cls.lookup(reflected) is not a.cls.lookup(reflected)):
            return push_own(m, th, b, reflected, [a], 2, "first")
        return push_own(m, th, a, f"__{name}__", [b], 2, "op")
    return (type(b) is Instance and type(a) in _PLAIN
            and push_own(m, th, b, f"__r{name}__", [a], 2, "rop"))


def compute(op: str, budgets: Budgets, line: int, col: int, inplace: bool = False) -> Instr:
    """The arithmetic of a statement that writes shared state: its own step (`+1`)."""
    fn = arith.operator_for(op, budgets, inplace)
    shows = op == "%"

    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        s = f.stack
        b = s.pop()
        a = s[-1]
        s[-1] = result = showing(m, th, fn, a, b) if shows else fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result)
    return Instr("COMPUTE", op + "=" if inplace else op, line, col, run, visible=True)


def compute_const(op: str, b: Any, budgets: Budgets, line: int, col: int) -> Instr:
    """`compute` with a constant right operand (`counter += 1`): one instruction, not two."""
    fn = arith.operator_for(op, budgets, inplace=True, right=b)

    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        s = f.stack
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result)
    return Instr("COMPUTE_CONST", (op, b), line, col, run, visible=True)


def unaryop(op: str, line: int, col: int) -> Instr:
    fn = arith.UNARY[op]

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        value = f.stack[-1]
        if op == "not" and type(value) is Instance and push_truth(m, th, value, False, NOT,
                                                                  False):
            return None  # its `__bool__` or `__len__` runs first: its RETURN gives `not`
        f.stack[-1] = result = fn(value)
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("test", f"not {shown(value)}", result)
        return None
    return Instr("UNARY", op, line, col, run, visible=_top_is_container)


def compare(op: str, line: int, col: int) -> Instr:
    """`in` over a generator takes its items until one equals, as CPython does (inside the
    step, as a built-in walks one)."""
    fn = arith.COMPARE[op]
    membership = op in ("in", "not in")
    method = _COMPARISONS.get(op)

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        if membership and push_own(m, th, s[-1], "__contains__", [s[-2]], 2, op):
            return _pushed_event(s[-2], op, s[-1])  # its RETURN gives the answer
        if membership and push_membership(m, th, s[-2], s[-1], op):
            return _pushed_event(s[-2], op, s[-1])  # each item's `__eq__`, then the answer
        if method is not None and _comparison_pushed(m, th, method, s[-2], s[-1]):
            return _pushed_event(s[-2], op, s[-1])
        b = s.pop()
        a = s[-1]
        if membership and type(b) is Generator:
            b = Pulled(m, th, b)
        s[-1] = result = fn(a, b)
        f.pc += 1
        if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
            return ("test", f"{shown(a)} {op} {shown(b)}", result)
        return None
    return Instr("COMPARE", op, line, col, run, visible=_top2_container)
