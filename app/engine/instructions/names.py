"""Constants, locals, closures and globals (a shared variable's read and write are
steps), and the operand stack."""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Any, cast

from ..classes import (
    Instance,
)
from ..code import Instr
from ..machine import OUTER
from ..primitives import Primitive
from ..values import (
    fail,
)

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def const(value: Any, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.append(value)
        f.pc += 1
    return Instr("CONST", value, line, col, run)


def load_local(name: str, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        try:
            f.stack.append(f.locals[name])
        except KeyError:
            raise _unbound(f, name) from None
        f.pc += 1
    return Instr("LOAD_LOCAL", name, line, col, run)


def _unbound(f: Any, name: str) -> Exception:
    if f.code.name == "<module>":
        return fail("NameError", f"name '{name}' is not defined")
    return fail("UnboundLocalError",
                f"cannot access local variable '{name}' where it is not associated with a value")


def store_local(name: str, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.locals[name] = f.stack.pop()
        f.pc += 1
    return Instr("STORE_LOCAL", name, line, col, run)


def label_store(name: str, line: int, col: int) -> Instr:
    """Module-level `name = …`: give unnamed primitives the variable's name for the trace."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        _label(f.stack[-1], name)
        f.pc += 1
    return Instr("LABEL", name, line, col, run)


#: How deep and how far into lists `_label` looks: `forks = [Lock() for …]` and
#: `grid = [[Lock()] * 3]` are labelled; a long or deep list is not walked on every store.
LABEL_DEPTH, LABEL_ITEMS = 3, 256


def _label(value: Any, name: str, depth: int = 0) -> None:
    if isinstance(value, Primitive) and "#" in value.label:
        value.set_label(name)
    elif isinstance(value, Instance) and "#" in value.label:
        value.label = name
        if type(value) is Instance and depth < LABEL_DEPTH:  # `acct.lock`, not `Lock#2`
            for attr, item in islice(value.attrs.items(), LABEL_ITEMS):
                _label(item, f"{name}.{attr}", depth + 1)
    elif isinstance(value, list | tuple) and depth < LABEL_DEPTH:
        for i, item in enumerate(value[:LABEL_ITEMS]):
            _label(item, f"{name}[{i}]", depth + 1)


def _closure(f: Any, depth: int) -> dict[str, Any]:
    scope = f.closure
    for _ in range(depth - 1):
        scope = scope[OUTER]
    return cast("dict[str, Any]", scope)


def load_closure(name: str, line: int, col: int, depth: int = 1) -> Instr:
    """A variable of the function `depth` functions out (the closure's, or further)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        try:
            f.stack.append(_closure(f, depth)[name])
        except KeyError:
            raise fail("NameError", f"cannot access free variable '{name}' where it is not "
                                    f"associated with a value in enclosing scope") from None
        f.pc += 1
    return Instr("LOAD_CLOSURE", (name, depth) if depth > 1 else name, line, col, run)


def store_closure(name: str, line: int, col: int, depth: int = 1) -> Instr:
    """`nonlocal name; name = …`: the enclosing function's locals are the closure itself."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        _closure(f, depth)[name] = f.stack.pop()
        f.pc += 1
    return Instr("STORE_CLOSURE", name, line, col, run)


def load_global(name: str, line: int, col: int) -> Instr:
    """A read of a global no other thread writes: local, like reading a constant."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        try:
            f.stack.append(m.globals[name])
        except KeyError:
            raise fail("NameError", f"name '{name}' is not defined") from None
        f.pc += 1
    return Instr("LOAD_GLOBAL", name, line, col, run)


def store_global(name: str, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        m.globals[name] = f.stack.pop()
        f.pc += 1
    return Instr("STORE_GLOBAL", name, line, col, run)


def delete_local(name: str, line: int, col: int) -> Instr:
    """`del name` of a local (of a module-level name, in the module's code)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        if f.locals.pop(name, _GONE) is _GONE:
            raise _unbound(f, name)
        f.pc += 1
    return Instr("DELETE_LOCAL", name, line, col, run)


def delete_global(name: str, line: int, col: int, shared: bool) -> Instr:
    """`del name` of a global: a step when other threads use the variable (a write of it)."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        if m.globals.pop(name, _GONE) is _GONE:
            raise fail("NameError", f"name '{name}' is not defined")
        f.pc += 1
        return ("call", f"del {name}", None) if shared else None
    return Instr("DELETE_SHARED" if shared else "DELETE_GLOBAL", name, line, col, run,
                 visible=shared)


#: What a variable that is not bound holds, for `pop`.
_GONE = object()


def read(name: str, line: int, col: int) -> Instr:
    """A read of a shared variable: one step (LOAD_GLOBAL in CPython)."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        try:
            value = m.globals[name]
        except KeyError:
            raise fail("NameError", f"name '{name}' is not defined") from None
        f.stack.append(value)
        f.pc += 1
        return ("read", name, value)
    return Instr("READ", name, line, col, run, visible=True)


def write(name: str, line: int, col: int) -> Instr:
    """A write of a shared variable: one step (STORE_GLOBAL in CPython)."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        value = m.globals[name] = f.stack.pop()
        f.pc += 1
        return ("write", name, value)
    return Instr("WRITE", name, line, col, run, visible=True)




def pop(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.pop()
        f.pc += 1
    return Instr("POP", None, line, col, run)


def dup(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.append(f.stack[-1])
        f.pc += 1
    return Instr("DUP", None, line, col, run)


def dup2(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.extend(f.stack[-2:])
        f.pc += 1
    return Instr("DUP2", None, line, col, run)


def rot(n: int, line: int, col: int) -> Instr:
    """Move the top of the stack down to position n (ROT_TWO, ROT_THREE…)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.insert(len(f.stack) - n, f.stack.pop())  # index taken before the pop
        f.pc += 1
    return Instr("ROT", n, line, col, run)
