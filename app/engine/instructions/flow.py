"""Jumps, branches and loops: `for` over a list, a generator or results still to come."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..calls import (
    CONTAINERS,
)
from ..classes import Instance
from ..code import Instr
from ..formatting import push_next, push_own, push_truth
from ..generators import Generator, resume
from ..iteration import make_iter
from ..iterators import SeqIter, WaitingIter
from ..protocols import UserIter
from ..threadstate import BREAKER
from ..upcalls import PENDING
from ..values import fail, shown, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread
from .base import _top_is_container


class Label:
    """A jump target, resolved when the code is finished."""

    __slots__ = ("pc",)

    def __init__(self) -> None:
        self.pc = -1


def jump(target: Label, line: int, col: int, backward: bool = False) -> Instr:
    if backward:
        def run(m: Machine, th: Thread) -> None:
            th.frames[-1].pc = target.pc
            th.brk = BREAKER  # a loop back-edge checks the eval breaker
    else:
        def run(m: Machine, th: Thread) -> None:
            th.frames[-1].pc = target.pc
    return Instr("JUMP_BACK" if backward else "JUMP", target, line, col, run)


def branch(when: bool, target: Label, line: int, col: int, keep: bool = False) -> Instr:
    """Jump if the truth of the top of stack equals `when`. Pops it unless `keep` and jumping
    (`and`/`or` keep the deciding value). Testing a list or dict reads it: a step."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        value = f.stack[-1]
        if type(value) is Instance and push_truth(m, th, value, when, target.pc, keep):
            return None  # its `__bool__` or `__len__` runs first: its RETURN branches
        truth = bool(value)
        if truth == when:
            f.pc = target.pc
            if not keep:
                f.stack.pop()
        else:
            f.stack.pop()
            f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("test", f"{shown(value)} is {'non-empty' if truth else 'empty'}", truth)
        return None
    op = ("JUMP_IF_TRUE" if when else "JUMP_IF_FALSE") + ("_OR_KEEP" if keep else "")
    return Instr(op, target, line, col, run, visible=_top_is_container)


def get_iter(line: int, col: int, private: bool = False) -> Instr:
    """`private`: iterating a list only the main thread can reach is local."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        if push_own(m, th, f.stack[-1], "__iter__", [], 1, "iter"):
            return  # an object's own `__iter__`, as the thread's call: its RETURN gives it
        if type(f.stack[-1]) is not Generator:  # a generator is its own iterator
            f.stack[-1] = it = make_iter(f.stack[-1])
            if private and type(it) is SeqIter:
                it.shared = False
        f.pc += 1
    return Instr("GET_ITER", None, line, col, run)


def for_iter(done: Label, line: int, col: int) -> Instr:
    """Next item of the iterator on the stack, or pop it and jump to `done`. Taking the next
    item of a list reads the list: a step; of a range, local."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        return _advance(m, th, th.frames[-1].stack[-1], None, done)

    return Instr("FOR_ITER", done, line, col, run,
                 visible=lambda th: th.frames[-1].stack[-1].shared is True,
                 guard=lambda m, th: _waits(m, th, -1) is None,
                 blocked=lambda m, th: _waits(m, th, -1))


def send(done: Label, line: int, col: int) -> Instr:
    """The loop of `yield from`: the value sent to the delegating generator (on top, above
    the iterator) goes on to the iterator, as `it.send(v)`, or `next(it)` for None; its next
    item is then on the stack for YIELD, or at its end the iterator is popped and the code
    jumps to `done`."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        stack = th.frames[-1].stack
        sent = stack.pop()
        it = stack[-1]
        if sent is not None and not (type(it) is Generator and it.kind == "generator"):
            stack.append(sent)
            raise fail("AttributeError",
                       f"'{type_name(it)}' object has no attribute 'send'")
        return _advance(m, th, it, sent, done)

    return Instr("SEND", done, line, col, run,
                 visible=lambda th: th.frames[-1].stack[-2].shared is True,
                 guard=lambda m, th: _waits(m, th, -2) is None,
                 blocked=lambda m, th: _waits(m, th, -2))


def _advance(m: Machine, th: Thread, it: Any, sent: Any, done: Label
             ) -> tuple[Any, ...] | None:
    """Move the loop over `it` (on top of the stack) on by one item, `sent` to a generator."""
    f = th.frames[-1]
    if type(it) is Generator:  # its frame runs: its YIELD or its end moves this loop on
        f.pc += 1
        resume(m, th, it, ("loop", done.pc), sent)
        return None
    if type(it) is UserIter and sent is None and push_next(m, th, it, done.pc):
        return None  # its `__next__` runs as the thread's own: its RETURN moves the loop on
    has, value = it.take(m, th) if isinstance(it, WaitingIter) else it.next()
    if value is PENDING:  # `iter(q.get, None)`: the get waits; this loop head again
        return ("sync", f"{it.describe()} waits", getattr(it, "fn", None))
    if has:
        f.stack.append(value)
        f.pc += 1
    else:
        f.stack.pop()
        f.pc = done.pc
    if it.shared is True:
        if has:
            return ("test", f"next item of {it.describe()}", value)
        return ("call", f"{it.describe()} has no more items: the loop ends", None)
    return None


def _waits(m: Machine, th: Thread, at: int) -> str | None:
    """Why the iterator at `at` on the stack cannot give its next item now (None: it can)."""
    it = th.frames[-1].stack[at]
    return it.why(m, th) if isinstance(it, WaitingIter) else None


def for_next(body: Label, name: str, line: int, col: int) -> Instr:
    """The bottom of a `for` loop over a range or tuple into a local: back-edge, next item and
    store in one instruction. Loops over lists keep FOR_ITER (each item is a step)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        it = f.stack[-1]
        th.brk = BREAKER  # the loop back-edge
        if it.shared:  # back to FOR_ITER: a list's item is a step, an object's `__next__`
            f.pc = body.pc - 2  # the thread's own call
            return
        has, value = it.next()
        if has:
            f.locals[name] = value
            f.pc = body.pc
        else:
            f.stack.pop()
            f.pc += 1
    return Instr("FOR_NEXT", (name, body), line, col, run)
