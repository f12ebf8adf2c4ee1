"""Which steps are plain: they depend on a thread's frames and one value, not on the rest of
the shared part (see `parts`, which remembers them).

A step is plain when its instruction reads or writes a shared variable holding a number, does
arithmetic on numbers, calls a lock (`with lock:`, acquire, release), a queue, a semaphore
or an event (`put`, `get`, `with sem:`, `set`, with arguments that are values) or reads an item
of a shared list of locks or numbers (`forks[i]`), and the local instructions that run after it
cannot look at anything other threads change. For frames that hold no object of the shared
part, that is the case when the code they run is sealed: it loads no constant but a scalar,
no closure variable, and asks for no other thread. For frames that hold some (the lock
of a `with`), the local instructions after the step must be blind: they move values between
the frame's stack, its locals and the program's constants, loop over a range, or compute on
values known to be numbers (`(i + 1) % N`), without looking at anything else; and they must
end where they were read to end.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .builtin import Builtin
from .code import Code
from .generators import Generator
from .lifted import NUMBER_TYPES, QUEUES, Call, item_key
from .machine import Machine, Thread
from .opcodes import ARITHMETIC, BLIND, BY_KIND, PLAIN, SHARED_ARITHMETIC
from .primitives import Event, Lock, RLock, Semaphore

#: Constants a plain step's local instructions may load (a missing one raises NameError).
_CONSTANTS = frozenset({int, float, bool, type(None), str, bytes, complex})


class Written(NamedTuple):
    """What a plain step writes."""

    #: A shared variable's name, or a lock's position in the shared part's table.
    where: str | int
    #: The key of the value (`value_key`), or the lock's state.
    key: tuple[Any, ...]
    value: Any


class Plain(NamedTuple):
    """A remembered plain step."""

    #: The number of the thread's frames after it.
    frames: int
    written: Written | None
    #: Whether the thread ended with it (its last write, then a return).
    ended: bool


class PlainKey(NamedTuple):
    """What a plain step is remembered by."""

    tid: int
    frames: int
    #: The key of the value read (a number, a lock's state, a list's items), or None.
    read: tuple[Any, ...] | None
    #: For frames that hold objects of the shared part, what their positions stand for
    #: (`Parts._meaning`).
    meaning: tuple[Any, ...]
#: Where a plain step of frames holding objects of the shared part may end (`Rules.blind_ends`),
#: and the constants its local instructions load, by name.
Blind = tuple[frozenset[int], tuple[str, ...]]
#: Which values are numbers where local instructions start: per item of the stack,
#: and the names of the locals and of the program's constants that are.
_Numbers = tuple[tuple[bool, ...], frozenset[str], frozenset[str]]
#: Where the local instructions after a plain step may end: before an instruction (its
#: position), or with the thread's end (`ENDS_THREAD`).
ENDS_THREAD = -1
#: The calls on objects whose state a shared part keeps beside its bytes (`lifted`) that are
#: plain steps: they read and change that state only. (A lock's timed `acquire` may wait
#: with a deadline; the others' timed calls are not worked out: `lifted.call_lifted`.)
_CALLS: dict[type, frozenset[str]] = {
    Lock: frozenset({"acquire", "release", "__enter__", "__exit__", "locked"}),
    **dict.fromkeys(QUEUES, frozenset({"put", "get", "put_nowait", "get_nowait", "task_done",
                                       "join", "qsize", "empty", "full"})),
    Semaphore: frozenset({"acquire", "release", "__enter__", "__exit__"}),
    Event: frozenset({"set", "clear", "is_set", "wait"})}
_CALLS[RLock] = _CALLS[Lock]
#: The calls among those that return an item (any value); the others return a number, a
#: bool or None.
_GET_ITEMS = frozenset({"get", "get_nowait"})

class Next(NamedTuple):
    """The next step of frames that may be plain."""

    #: The instruction, or "LOCK" for a call on a lock, "STATE" for one worked out on the
    #: lifted state of a queue, a semaphore or an event (`lifted`), "ITEM" for an item of a
    #: list.
    op: str
    #: The variable, or the lock's or list's position in the shared part's table.
    where: Any
    #: For frames that hold objects of the shared part, where the local instructions after it
    #: may end.
    blind: Blind | None
    #: For a "STATE" call, the call (worked out on the object's state: `lifted.call_lifted`).
    call: Call | None = None


class Rules:
    """Which steps of one program's threads may be plain, per code and position (cached)."""

    def __init__(self) -> None:
        #: Per code: whether no object of the shared part can reach its local instructions;
        #: per (code, position, which values are numbers there): where the local
        #: instructions after it end (`blind_ends`).
        self.seals: dict[Code, bool] = {}
        self.blinds: dict[tuple[Code, int, _Numbers], Blind | None] = {}

    def next_step(self, m: Machine, th: Thread, holds: bool, positions: dict[int, int]
                  ) -> Next | None:
        """The (instruction, variable or lock, ends) of `th`'s next step if it may be plain
        (see `Next`), for frames that `holds` objects of the shared part or not.

        Frames that hold none must run only sealed code. Frames that hold some must take a
        step that looks at none of them, or only at a lock's state (a call on the lock, as
        "LOCK", with the lock's position), or at the items of a list (`lst[i]`, as "ITEM",
        with the list's position): its operands are numbers, and the local
        instructions after it only move values around (`Rules.blind_ends`)."""
        f = th.frames[-1]
        ins = f.code.instrs[f.pc]
        if ins.op not in PLAIN and not (holds and ins.op in BY_KIND):
            return None
        if not holds:
            sealed = all(self.sealed(frame.code, m.globals) for frame in th.frames) and not (
                _holds_generator(th))
            return Next(ins.op, ins.arg, None) if sealed else None
        op, where = ins.op, ins.arg
        number = op != "ITEM"  # what the step leaves on the stack is a number
        call = None
        if op == "CALL_METHOD":
            name, nargs, kwnames = ins.arg
            operands = nargs + len(kwnames)
            obj = f.stack[-operands - 1]
            kind = type(obj)
            where = positions.get(id(obj), -1)
            if (name not in _CALLS.get(kind, ()) or where < 0
                    or name == "acquire" and operands):  # a timed acquire may wait
                return None
            number = name not in _GET_ITEMS
            if kind in (Lock, RLock):
                op = "LOCK"
            else:
                op, args = "STATE", tuple(f.stack[len(f.stack) - operands:])
                call = (name, args, kwnames, tuple(map(item_key, args)))
        elif op == "SUBSCR":
            seq = f.stack[-2]
            where = positions.get(id(seq), -1)
            if type(seq) is not list or where < 0:
                return None
            op, operands = "ITEM", 1
        else:
            operands = SHARED_ARITHMETIC.get(op, 0)
        if call is not None:
            if None in call[3]:
                return None  # an argument that is not a value
        elif any(type(v) not in NUMBER_TYPES for v in f.stack[len(f.stack) - operands:]):
            return None
        # Which values on the stack and in the locals are numbers after the step.
        stack = [type(v) in NUMBER_TYPES for v in f.stack]
        del stack[len(stack) - operands - (op in ("WRITE", "LOCK", "STATE", "ITEM")):]
        if op != "WRITE":
            stack.append(number)  # a number read or computed, a lock's True or None
        numbers = frozenset(name for name, v in f.locals.items() if type(v) in NUMBER_TYPES)
        constants = frozenset(name for name, v in m.globals.items()
                              if name not in m.program.shared and type(v) in NUMBER_TYPES)
        blind = self.blind_ends(f.code, f.pc, (tuple(stack), numbers, constants))
        if blind is None:
            return None
        if op == "STATE":  # a call that waits stays where it is
            blind = (blind[0] | {f.pc}, blind[1])
        return Next(op, where, blind, call)

    def blind_ends(self, code: Code, pc: int, numbers: _Numbers) -> Blind | None:
        """Where the local instructions that may run after the one at `pc` end, if they are
        all `BLIND`, or arithmetic on numbers only (`numbers` says which values are
        those when they start): before a step, an instruction that is one by the kind of its
        object (`BY_KIND`) or a loop's next item of a list, or with the thread's end.
        Else None."""
        key = (code, pc, numbers)
        if key not in self.blinds:
            self.blinds[key] = _blind_ends(code, pc, numbers)
        return self.blinds[key]

    def sealed(self, code: Code, constants: dict[str, Any]) -> bool:
        """Whether no object of the shared part can reach `code`'s local instructions (so
        none can read what other threads change: another thread's `ident`, a lock's state
        in `str(lock)`): it loads no constant but a scalar (`_CONSTANTS`; constants are bound
        before any thread can start), no closure variable, defines no function, and asks for
        no other thread's handle."""
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


def _holds_generator(th: Thread) -> bool:
    """Whether `th`'s frames hold a generator: its code runs when they resume it, and is not
    among the frames' codes that `Rules.sealed` checks."""
    return any(type(v) is Generator for f in th.frames
               for v in (*f.stack, *f.locals.values()))


def _blind_ends(code: Code, pc: int, numbers: _Numbers) -> Blind | None:
    """Where every path of local instructions from `pc + 1` ends (following both ways of a
    loop instruction), and the constants loaded on the way; None if one of them is not
    blind. Along each path it follows which values are numbers (`numbers`), as far as
    it can tell: arithmetic is blind where both operands are. See `Rules.blind_ends`."""
    instrs = code.instrs
    ends: set[int] = set()
    names: set[str] = set()
    stack0, locals0, constants = numbers
    unknown = None  # after a loop instruction: which values are numbers is not followed
    seen: set[tuple[Any, ...]] = set()
    todo: list[tuple[int, tuple[bool, ...] | None, frozenset[str] | None]] = [
        (pc + 1, stack0, locals0)]
    while todo:
        at, stack, local = todo.pop()
        if (at, stack, local) in seen:
            continue
        seen.add((at, stack, local))
        if at >= len(instrs) or len(seen) > _MAX_WALK:
            return None
        ins = instrs[at]
        op = ins.op
        if ins.visible is True or (op in BY_KIND and callable(ins.visible)):
            ends.add(at)
            continue
        if op not in BLIND and op not in ARITHMETIC:
            return None
        if op == "RETURN":
            ends.add(ENDS_THREAD)
            continue
        if op == "FOR_ITER":  # a step for a list, then the end; local for a range
            ends.add(at)
            todo += [(at + 1, unknown, unknown), (ins.arg.pc, unknown, unknown)]
            continue
        if op == "FOR_NEXT":  # the next item, the loop's end, or a step for a list
            body = ins.arg[1].pc
            todo += [(body, unknown, unknown), (at + 1, unknown, unknown),
                     (body - 2, unknown, unknown)]
            continue
        if op == "LOAD_GLOBAL":
            names.add(ins.arg)
        if op in ("JUMP", "JUMP_BACK"):
            todo.append((ins.arg.pc, stack, local))
            continue
        if stack is None or local is None:
            if op in ARITHMETIC:
                return None  # on values not followed
            todo.append((at + 1, None, None))
            continue
        moved = _moved(ins, list(stack), local, constants)
        if moved is None:
            return None
        todo.append((at + 1, *moved))
    return frozenset(ends), tuple(sorted(names))


#: How many (instruction, numbers) pairs `_blind_ends` walks at most.
_MAX_WALK = 256


def _moved(ins: Any, stack: list[bool], local: frozenset[str], constants: frozenset[str]
           ) -> tuple[tuple[bool, ...], frozenset[str]] | None:
    """Which values are numbers after the local instruction `ins`, as far as it can
    tell; None if it computes on a value that may not be one (or the stack runs out)."""
    op = ins.op
    taken = ARITHMETIC.get(op, 0)
    if taken:
        if len(stack) < taken or not all(stack[-taken:]):
            return None
        del stack[-taken:]
        stack.append(True)
    elif op == "LOAD_LOCAL":
        stack.append(ins.arg in local)
    elif op == "LOAD_GLOBAL":
        stack.append(ins.arg in constants)
    elif op == "CONST":
        stack.append(type(ins.arg) in NUMBER_TYPES)
    elif op in ("STORE_LOCAL", "POP"):
        if not stack:
            return None
        value = stack.pop()
        if op == "STORE_LOCAL":
            local = local | {ins.arg} if value else local - {ins.arg}
    elif op == "DUP":
        if not stack:
            return None
        stack.append(stack[-1])
    elif op == "BUILD_TUPLE":
        if len(stack) < ins.arg:
            return None
        del stack[len(stack) - ins.arg:]
        stack.append(False)
    elif op == "ROT":
        if len(stack) < ins.arg:
            return None
        stack.insert(len(stack) - ins.arg, stack.pop())
    return tuple(stack), local


def ended_in(ends: frozenset[int], event: Any, ended: bool, depth: int,
             frames: list[Any]) -> bool:
    """Whether a step just run ended where the local instructions after it were read to
    end (`Rules.blind_ends`): without raising, in the same frame or with the thread's end."""
    if event is not None and event[0] == "raise":
        return False
    if ended:
        return ENDS_THREAD in ends
    return len(frames) == depth and frames[-1].pc in ends
