"""Which steps are plain: they depend on a thread's frames and one value, not on the rest of
the shared part (see `parts`, which remembers them).

A step is plain when its instruction reads or writes a shared variable holding a number, does
arithmetic on numbers, calls a lock (`with lock:`, acquire, release) or reads an item of a
shared list of locks or numbers (`forks[i]`), and the local
instructions that run after it cannot look at anything other threads change. For frames that
hold no object of the shared part, that is the case when the code they run is sealed: it loads
no constant but a plain value, no closure variable, and asks for no other thread. For frames
that hold some (the lock of a `with`), the local instructions after the step must be blind:
they move values between the frame's stack, its locals and the program's constants, or loop
over a range, without looking at them; and they must end where they were read to end.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from .calls import Builtin
from .code import Code
from .machine import Machine, Thread
from .primitives import Lock, RLock

#: Instructions whose step may be plain, and the values a plain step may read or write: pickle
#: writes those whole, never as a reference to an equal object written before, so a part's
#: bytes do not depend on where a value came from.
PLAIN_OPS = frozenset({"READ", "WRITE", "COMPUTE", "COMPUTE_CONST"})
PLAIN_VALUES = frozenset({int, float, bool, type(None)})
#: Constants a plain step's local instructions may load (a missing one raises NameError).
_CONSTANTS = frozenset({int, float, bool, type(None), str, bytes, complex})


def value_key(value: Any) -> tuple | None:
    """A key equal for values a program cannot tell apart (not 0.0 and -0.0), None if the
    value is not one a plain step may read or write."""
    kind = type(value)
    if kind not in PLAIN_VALUES:
        return None
    return (kind, value.hex() if kind is float else value)


#: What a plain step writes: (variable, or a lock's position in the table; value key; value).
Written = tuple[str | int, tuple, Any]
#: A remembered plain step: the thread's frames after it, what it wrote or None, and whether
#: the thread ended with it (its last write, then a return).
Plain = tuple[int, Written | None, bool]
#: What a plain step is remembered by: (thread, frames, key of the value read or None, and
#: for frames that hold objects of the shared part, what their positions stand for:
#: `Parts._meaning`).
PlainKey = tuple[int, int, tuple | None, tuple]
#: Where a plain step of frames holding objects of the shared part may end (`Rules.blind_ends`),
#: and the constants its local instructions load, by name.
Blind = tuple[frozenset[int], tuple[str, ...]]
#: Local instructions that move values between a frame's stack, its locals and the program's
#: constants, or jump, without looking at them: a plain step of frames holding objects of the
#: shared part may run only these after its own instruction, and the loop instructions on an
#: iterator the frames hold themselves (`Rules.blind_ends`).
_BLIND_OPS = frozenset({"LOAD_LOCAL", "STORE_LOCAL", "POP", "DUP", "ROT", "CONST", "SETUP",
                        "POP_HANDLER", "JUMP", "JUMP_BACK", "LOAD_GLOBAL", "FOR_NEXT",
                        "FOR_ITER", "RETURN"})
#: Where the local instructions after a plain step may end: before an instruction (its
#: position), or with the thread's end (`ENDS_THREAD`).
ENDS_THREAD = -1
#: Locks, whose state a shared part keeps beside its bytes like a plain value (`LOCK_STATE`),
#: and the calls on them that are plain steps: they read and change that state only.
LOCK_NAMES: dict[type, tuple[str, ...]] = {Lock: ("locked", "holder"),
                                           RLock: ("locked", "holder", "count")}
LOCK_STATE = {kind: attrgetter(*names) for kind, names in LOCK_NAMES.items()}
_LOCK_CALLS = frozenset({"acquire", "release", "__enter__", "__exit__", "locked"})

#: The next step of frames that may be plain: (instruction, or "LOCK" for a call on a lock,
#: "ITEM" for an item of a list; the variable, or the lock's or list's position in the shared
#: part's table; and for frames that hold objects of the shared part, where the local
#: instructions after it may end).
Next = tuple[str, Any, Blind | None]


class Rules:
    """Which steps of one program's threads may be plain, per code and position (cached)."""

    def __init__(self) -> None:
        #: Per code: whether no object of the shared part can reach its local instructions;
        #: per (code, position): where the local instructions after it end (`blind_ends`).
        self.seals: dict[Code, bool] = {}
        self.blinds: dict[tuple[Code, int], Blind | None] = {}

    def next_step(self, m: Machine, th: Thread, holds: bool, positions: dict[int, int]
                  ) -> Next | None:
        """The (instruction, variable or lock, ends) of `th`'s next step if it may be plain
        (see `Next`), for frames that `holds` objects of the shared part or not.

        Frames that hold none must run only sealed code. Frames that hold some must take a
        step that looks at none of them, or only at a lock's state (a call on the lock, as
        "LOCK", with the lock's position), or at the items of a list (`lst[i]`, as "ITEM",
        with the list's position): its operands are plain values, and the local
        instructions after it only move values around (`Rules.blind_ends`)."""
        f = th.frames[-1]
        ins = f.code.instrs[f.pc]
        if ins.op not in PLAIN_OPS and not (holds and ins.op in ("CALL_METHOD", "SUBSCR")):
            return None
        if not holds:
            sealed = all(self.sealed(frame.code, m.globals) for frame in th.frames)
            return (ins.op, ins.arg, None) if sealed else None
        op, where = ins.op, ins.arg
        if op == "CALL_METHOD":
            name, nargs, kwnames = ins.arg
            operands = nargs + len(kwnames)
            lock = f.stack[-operands - 1]
            where = positions.get(id(lock), -1)
            if name not in _LOCK_CALLS or type(lock) not in LOCK_STATE or where < 0:
                return None
            op = "LOCK"
        elif op == "SUBSCR":
            seq = f.stack[-2]
            where = positions.get(id(seq), -1)
            if type(seq) is not list or where < 0:
                return None
            op, operands = "ITEM", 1
        else:
            operands = {"COMPUTE": 2, "COMPUTE_CONST": 1}.get(op, 0)
        if any(type(v) not in PLAIN_VALUES for v in f.stack[len(f.stack) - operands:]):
            return None
        blind = self.blind_ends(f.code, f.pc)
        return None if blind is None else (op, where, blind)

    def blind_ends(self, code: Code, pc: int) -> Blind | None:
        """Where the local instructions that may run after the one at `pc` end, if they are
        all `_BLIND_OPS`: before a step, a method call that is one by the kind of its object
        (a lock's, a thread's: `calls.method_is_step`) or a loop's next item of a list, or
        with the thread's end. Else None."""
        key = (code, pc)
        if key not in self.blinds:
            self.blinds[key] = _blind_ends(code, pc)
        return self.blinds[key]

    def sealed(self, code: Code, constants: dict[str, Any]) -> bool:
        """Whether no object of the shared part can reach `code`'s local instructions (so
        none can read what other threads change: another thread's `ident`, a lock's state
        in `str(lock)`): it loads no constant but a plain value (constants are bound before
        any thread can start), no closure variable, defines no function, and asks for no
        other thread's handle."""
        sealed = self.seals.get(code)
        if sealed is None:
            sealed = self.seals[code] = not any(
                ins.op in ("LOAD_CLOSURE", "MAKE_FUNCTION")
                or (ins.op == "LOAD_GLOBAL"
                    and type(constants.get(ins.arg)) not in _CONSTANTS)
                or (ins.op == "CONST" and type(ins.arg) is Builtin
                    and ins.arg.name == "main_thread")
                for ins in code.instrs)
        return sealed


def set_lock(lock: Lock, state: tuple) -> None:
    """Give `lock` the state `LOCK_STATE` read from it."""
    for name, value in zip(LOCK_NAMES[type(lock)], state, strict=True):
        setattr(lock, name, value)


def _blind_ends(code: Code, pc: int) -> Blind | None:
    """Where every path of local instructions from `pc + 1` ends (following both ways of a
    loop instruction), and the constants loaded on the way; None if one of them is not
    blind. See `Rules.blind_ends`."""
    instrs = code.instrs
    ends: set[int] = set()
    names: set[str] = set()
    seen: set[int] = set()
    todo = [pc + 1]
    while todo:
        at = todo.pop()
        if at in seen:
            continue
        seen.add(at)
        if at >= len(instrs):
            return None
        ins = instrs[at]
        op = ins.op
        if ins.visible is True or (op == "CALL_METHOD" and callable(ins.visible)):
            ends.add(at)
        elif op not in _BLIND_OPS:
            return None
        elif op == "RETURN":
            ends.add(ENDS_THREAD)
        elif op == "LOAD_GLOBAL":
            names.add(ins.arg)
            todo.append(at + 1)
        elif op == "JUMP" or op == "JUMP_BACK":
            todo.append(ins.arg.pc)
        elif op == "FOR_ITER":  # a step for a list, then the end; local for a range
            ends.add(at)
            todo += [at + 1, ins.arg.pc]
        elif op == "FOR_NEXT":  # the next item, the loop's end, or a step for a list
            body = ins.arg[1].pc
            todo += [body, at + 1, body - 2]
        else:
            todo.append(at + 1)
    return frozenset(ends), tuple(sorted(names))


def ended_in(ends: frozenset[int], event: Any, ended: bool, depth: int,
             frames: list[Any]) -> bool:
    """Whether a step just run ended where the local instructions after it were read to
    end (`Rules.blind_ends`): without raising, in the same frame or with the thread's end."""
    if event is not None and event[0] == "raise":
        return False
    if ended:
        return ENDS_THREAD in ends
    return len(frames) == depth and frames[-1].pc in ends
