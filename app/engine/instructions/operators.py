"""Arithmetic and comparisons: a step when an operand is a container other threads
may change, or (`compute`) when it is the middle of a shared read-modify-write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import arith
from ..calls import (
    CONTAINERS,
)
from ..code import Instr
from ..generators import Generator, Pulled
from ..machine import showing
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
        b = s.pop()
        a = s[-1]
        s[-1] = result = showing(m, th, fn, a, b) if shows else fn(a, b)
        th.frames[-1].pc += 1
        if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
            return ("call", f"{shown(a)} {op} {shown(b)}", result)
        return None
    # `+=` for an in-place one: it changes a container on its left (the explorer's accesses)
    return Instr("BINOP", op + "=" if inplace else op, line, col, run, visible=_top2_container)


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

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
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
