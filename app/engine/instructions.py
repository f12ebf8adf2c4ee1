"""The instruction set: one factory per operation, each returning an `Instr` whose `run` does it.

Runs are closures over their arguments: the interpreter's inner loop is `ins.run(m, th)`, with
no decoding. Visible instructions return an event tuple for the trace:

    ("read", name, value) · ("write", name, value) · ("compute", a, op, b, result)
    ("call", text, result) · ("sync", text, primitive) · ("test", text, result)

docs/semantics.md lists which source constructs become which steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import arith, formatting
from .calls import (
    CONTAINERS,
    PENDING,
    BoundMethod,
    Builtin,
    call_method,
    call_value,
    callee_name,
    delete_attribute,
    get_attribute,
    method_is_step,
    method_ready,
    push_frame,
    set_attribute,
    takes_waiting,
)
from .classes import (
    MISSING,
    Instance,
    Super,
    UserClass,
    holds_data,
    label_of,
    make_class,
    matches,
    raising,
    shared_object,
)
from .code import Code, Instr
from .errors import BudgetError
from .generators import Generator, ended, listed, resume
from .iterators import ITERABLES, SeqIter, WaitingIter, make_iter
from .machine import OUTER
from .objects import drop_result, property_function
from .primitives import Primitive
from .special import Converted, text_method
from .stdlib.collections import defaultdict
from .stdlib.enum import make_members
from .values import (
    ExceptionClass,
    Function,
    MethodDescriptor,
    SimException,
    ThreadHandle,
    fail,
    shown,
    type_name,
)

if TYPE_CHECKING:
    from .budgets import Budgets
    from .machine import Machine, Thread


# -- visibility helpers ------------------------------------------------------------------------


def _top_is_container(th: Thread) -> bool:
    return isinstance(th.frames[-1].stack[-1], CONTAINERS)


def _top2_container(th: Thread) -> bool:
    s = th.frames[-1].stack
    return isinstance(s[-1], CONTAINERS) or isinstance(s[-2], CONTAINERS)


# -- constants, locals, globals ----------------------------------------------------------------


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
    if isinstance(value, Primitive | Instance) and "#" in value.label:
        value.label = name
    elif isinstance(value, list | tuple) and depth < LABEL_DEPTH:
        for i, item in enumerate(value[:LABEL_ITEMS]):
            _label(item, f"{name}[{i}]", depth + 1)


def _closure(f: Any, depth: int) -> dict[str, Any]:
    scope = f.closure
    for _ in range(depth - 1):
        scope = scope[OUTER]
    return scope


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


def read(name: str, line: int, col: int) -> Instr:
    """A read of a shared variable: one step (LOAD_GLOBAL in CPython)."""
    def run(m: Machine, th: Thread) -> tuple:
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
    def run(m: Machine, th: Thread) -> tuple:
        f = th.frames[-1]
        value = m.globals[name] = f.stack.pop()
        f.pc += 1
        return ("write", name, value)
    return Instr("WRITE", name, line, col, run, visible=True)


# -- stack -------------------------------------------------------------------------------------


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


# -- operators ---------------------------------------------------------------------------------


def binop(op: str, budgets: Budgets, line: int, col: int, inplace: bool = False) -> Instr:
    fn = arith.operator_for(op, budgets, inplace)

    def run(m: Machine, th: Thread) -> tuple | None:
        s = th.frames[-1].stack
        b = s.pop()
        a = s[-1]
        s[-1] = result = fn(a, b)
        th.frames[-1].pc += 1
        if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
            return ("call", f"{shown(a)} {op} {shown(b)}", result)
        return None
    return Instr("BINOP", op, line, col, run, visible=_top2_container)


def compute(op: str, budgets: Budgets, line: int, col: int, inplace: bool = False) -> Instr:
    """The arithmetic of a statement that writes shared state: its own step (`+1`)."""
    fn = arith.operator_for(op, budgets, inplace)

    def run(m: Machine, th: Thread) -> tuple:
        f = th.frames[-1]
        s = f.stack
        b = s.pop()
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result)
    return Instr("COMPUTE", op, line, col, run, visible=True)


def compute_const(op: str, b: Any, budgets: Budgets, line: int, col: int) -> Instr:
    """`compute` with a constant right operand (`counter += 1`): one instruction, not two."""
    fn = arith.operator_for(op, budgets, inplace=True, right=b)

    def run(m: Machine, th: Thread) -> tuple:
        f = th.frames[-1]
        s = f.stack
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result)
    return Instr("COMPUTE_CONST", (op, b), line, col, run, visible=True)


def unaryop(op: str, line: int, col: int) -> Instr:
    fn = arith.UNARY[op]

    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        value = f.stack[-1]
        f.stack[-1] = result = fn(value)
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("test", f"not {shown(value)}", result)
        return None
    return Instr("UNARY", op, line, col, run, visible=_top_is_container)


def compare(op: str, line: int, col: int) -> Instr:
    fn = arith.COMPARE[op]

    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        b = s.pop()
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        if isinstance(a, CONTAINERS) or isinstance(b, CONTAINERS):
            return ("test", f"{shown(a)} {op} {shown(b)}", result)
        return None
    return Instr("COMPARE", op, line, col, run, visible=_top2_container)


# -- control flow ------------------------------------------------------------------------------


class Label:
    """A jump target, resolved when the code is finished."""

    __slots__ = ("pc",)

    def __init__(self) -> None:
        self.pc = -1


def jump(target: Label, line: int, col: int, backward: bool = False) -> Instr:
    if backward:
        def run(m: Machine, th: Thread) -> None:
            th.frames[-1].pc = target.pc
            th.brk = True  # a loop back-edge checks the eval breaker
    else:
        def run(m: Machine, th: Thread) -> None:
            th.frames[-1].pc = target.pc
    return Instr("JUMP_BACK" if backward else "JUMP", target, line, col, run)


def branch(when: bool, target: Label, line: int, col: int, keep: bool = False) -> Instr:
    """Jump if the truth of the top of stack equals `when`. Pops it unless `keep` and jumping
    (`and`/`or` keep the deciding value). Testing a list or dict reads it: a step."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        value = f.stack[-1]
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
        if type(f.stack[-1]) is not Generator:  # a generator is its own iterator
            f.stack[-1] = it = make_iter(f.stack[-1])
            if private and type(it) is SeqIter:
                it.shared = False
        f.pc += 1
    return Instr("GET_ITER", None, line, col, run)


def for_iter(done: Label, line: int, col: int) -> Instr:
    """Next item of the iterator on the stack, or pop it and jump to `done`. Taking the next
    item of a list reads the list: a step; of a range, local."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        it = f.stack[-1]
        if type(it) is Generator:  # its frame runs: its YIELD or its end moves this loop on
            f.pc += 1
            resume(m, th, it, ("loop", done.pc))
            return None
        has, value = it.take(m, th) if isinstance(it, WaitingIter) else it.next()
        if value is PENDING:  # `iter(q.get, None)`: the get waits; this loop head again
            return ("sync", f"{it.describe()} waits", getattr(it, "fn", None))
        if has:
            f.stack.append(value)
            f.pc += 1
        else:
            f.stack.pop()
            f.pc = done.pc
        if it.shared:
            if has:
                return ("test", f"next item of {it.describe()}", value)
            return ("call", f"{it.describe()} has no more items: the loop ends", None)
        return None
    def why(m: Machine, th: Thread) -> str | None:
        it = th.frames[-1].stack[-1]
        return it.why(m, th) if isinstance(it, WaitingIter) else None

    return Instr("FOR_ITER", done, line, col, run,
                 visible=lambda th: th.frames[-1].stack[-1].shared is True,
                 guard=lambda m, th: why(m, th) is None, blocked=why)


def for_next(body: Label, name: str, line: int, col: int) -> Instr:
    """The bottom of a `for` loop over a range or tuple into a local: back-edge, next item and
    store in one instruction. Loops over lists keep FOR_ITER (each item is a step)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        it = f.stack[-1]
        th.brk = True  # the loop back-edge
        if it.shared:
            f.pc = body.pc - 2  # back to FOR_ITER, which makes the list read a step
            return
        has, value = it.next()
        if has:
            f.locals[name] = value
            f.pc = body.pc
        else:
            f.stack.pop()
            f.pc += 1
    return Instr("FOR_NEXT", (name, body), line, col, run)


# -- functions ---------------------------------------------------------------------------------


def make_function(code: Code, ndefaults: int, closure: bool | str, line: int,
                  col: int) -> Instr:
    """`closure`: the function sees this frame's locals (True), what this frame itself sees
    ("outer", in a class body) or no enclosing function's names (False)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        defaults: tuple = ()
        if ndefaults:
            defaults = tuple(f.stack[-ndefaults:])
            del f.stack[-ndefaults:]
        seen = f.closure if closure == "outer" else f.locals if closure else None
        f.stack.append(Function(code, defaults, seen))
        f.pc += 1
    return Instr("MAKE_FUNCTION", code.name, line, col, run)


def namespace(line: int, col: int) -> Instr:
    """The end of a class body: its locals, the class's namespace, are what it returns."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.append({k: v for k, v in f.locals.items() if not k.startswith(".")})
        f.pc += 1
    return Instr("NAMESPACE", None, line, col, run)


def build_class(name: str, qualname: str, nbases: int, annotations: tuple[str, ...],
                line: int, col: int) -> Instr:
    """Stack: bases…, namespace → the class (`classes.make_class`)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        namespace = s.pop()
        bases = tuple(s[len(s) - nbases:]) if nbases else ()
        del s[len(s) - nbases:]
        cls = make_class(name, qualname, bases, namespace, annotations)
        if "enum" in cls.options:
            make_members(m, cls)
        s.append(cls)
        f.pc += 1
    return Instr("BUILD_CLASS", name, line, col, run)


def make_super(line: int, col: int) -> Instr:
    """Stack: class, object → `super(class, object)`."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        obj = f.stack.pop()
        owner = f.stack[-1]
        if not isinstance(owner, UserClass):
            raise fail("TypeError", f"super() argument 1 must be a type, not "
                                    f"{type_name(owner)}")
        f.stack[-1] = Super(owner, obj)
        f.pc += 1
    return Instr("SUPER", None, line, col, run)


def _split_args(stack: list, nargs: int, kwnames: tuple[str, ...]) -> tuple[list, dict]:
    total = nargs + len(kwnames)
    values = stack[len(stack) - total:] if total else []
    if kwnames:
        args = values[:nargs]
        return args, dict(zip(kwnames, values[nargs:], strict=True))
    return values, {}


def call(nargs: int, kwnames: tuple[str, ...], text: str, line: int, col: int,
         private: bool = False) -> Instr:
    """Call the value below the arguments. A step when the callee touches shared state
    (`private`: its only container argument is one only the main thread can reach)."""
    return _call("CALL", (nargs, kwnames), nargs + len(kwnames),
                 lambda s: _split_args(s, nargs, kwnames), text, line, col, private)


#: Built-ins that take an object's text: its `__str__` (`__repr__`) runs before them.
_TEXT_CALLS = frozenset({"print", "str", "repr"})


def _text_first_arg(m: Machine, th: Thread, callee: Builtin, args: list, total: int) -> bool:
    """`print(obj)`, `str(obj)`, `repr(obj)` of an object with the program's own text
    method: that call pushed for the first such argument (its RETURN puts the text in the
    argument's place, and the call runs again)."""
    which = "__repr__" if callee.name == "repr" else "__str__"
    if callee.name != "print" and total != 1:
        return False
    for i, arg in enumerate(args):
        method = text_method(arg, which)
        if method is not None:
            if callee.name == "print":
                converted = Converted(total - i, method.code.name, "arg")
            else:
                converted = Converted(total + 1, method.code.name, "result")
            push_frame(m, th, method, [arg], {}).cleanup = converted
            return True
    return False


def call_spread(has_kwargs: bool, text: str, line: int, col: int) -> Instr:
    """`f(*args, **kwargs)`: the arguments gathered (GATHER, GATHER_KEYWORDS) into a tuple and,
    with `has_kwargs`, a dict above the callee."""
    total = 2 if has_kwargs else 1

    def read(s: list) -> tuple[list, dict]:
        return list(s[-total]), (s[-1] if has_kwargs else {})
    return _call("CALL_SPREAD", has_kwargs, total, read, text, line, col, False)


def _call(op: str, arg: Any, total: int, read: Any, text: str, line: int, col: int,
          private: bool) -> Instr:
    """A call of the value below `total` operands, which `read` turns into its arguments."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        callee = s[-total - 1]
        args, kwargs = read(s)
        if m.program.special and type(callee) is Builtin and callee.name in _TEXT_CALLS and (
                not callee.module) and op == "CALL" and _text_first_arg(m, th, callee, args,
                                                                        total):
            # an argument's __str__ runs first, then this call again
            return ("call", f"{text}: {th.frames[-1].code.qualname}()", None) if (
                callee.visible([*args, *kwargs.values()])) else None
        if isinstance(callee, BoundMethod) and method_is_step(callee.obj, callee.name):
            # `release = lock.release; release()`, a pool's worker calling `event.wait`:
            # the call may wait, and stays put until it returns, as `obj.name()` does.
            obj = callee.obj
            returned, result, words = call_method(m, th, obj, callee.name, args, kwargs)
            if result is PENDING:
                return ("sync", words, obj)
            del s[len(s) - total - 1:]  # the caller's stack, under any frame the call pushed
            f.pc += 1
            th.brk = True
            if not returned:
                return None  # the method's frame returns its result
            s.append(result)
            return ("sync", words, obj) if isinstance(obj, Primitive) else (
                "call", text, result)
        operands = s[len(s) - total - 1:]
        del s[len(s) - total - 1:]
        f.pc += 1
        th.brk = True
        try:
            returned, result, _ = call_value(m, th, callee, args, kwargs)
        except BudgetError:  # the run stops here: leave the thread whole, before the call
            s.extend(operands)
            f.pc -= 1
            raise
        if returned:
            s.append(result)
            if isinstance(callee, Builtin) and callee.visible([*args, *kwargs.values()]):
                return ("call", text, result)
        return None

    def visible(th: Thread) -> bool:
        s = th.frames[-1].stack
        callee = s[-total - 1]
        if isinstance(callee, Builtin):
            args, kwargs = read(s)
            return callee.visible([*args, *kwargs.values()])
        if isinstance(callee, BoundMethod):
            return method_is_step(callee.obj, callee.name)
        return False

    def waiting(m: Machine, th: Thread) -> str | None:
        """A method that may wait, called as a value, waits as `obj.name()` does; a built-in
        walking results still to come (`list(executor.map(…))`) waits for them."""
        s = th.frames[-1].stack
        args, kwargs = read(s)
        callee = s[-total - 1]
        if isinstance(callee, BoundMethod):
            return method_ready(m, th, callee.obj, callee.name, args, kwargs)
        if isinstance(callee, MethodDescriptor) and callee.owner == "Thread" and args:
            return method_ready(m, th, args[0], callee.name, args[1:], kwargs)
        for value in args:
            if isinstance(value, WaitingIter):
                why = value.why_all()
                if why is not None:
                    return why
        return None

    return Instr(op, arg, line, col, run, visible=False if private else visible,
                 guard=lambda m, th: waiting(m, th) is None, blocked=waiting)


def gather(spread: tuple[bool, ...], line: int, col: int) -> Instr:
    """The positional arguments of a call with `*`: the values on the stack, those marked in
    `spread` unpacked, as one tuple (within the items budget)."""
    count = len(spread)

    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        values = s[len(s) - count:]
        callee = s[-count - 1]
        items: list[Any] = []
        for given, unpack in zip(values, spread, strict=True):
            if not unpack:
                items.append(given)
                continue
            value = listed(m, th, given)
            if not isinstance(value, ITERABLES):
                raise fail("TypeError", f"{callee_name(callee)} argument after * must be an "
                                        f"iterable, not {type_name(value)}")
            arith.check_ranges([value], m.program.budgets)
            if len(items) + len(value) > m.program.budgets.items:
                raise BudgetError(f"a call with {len(items) + len(value):,} arguments is over "
                                  f"the limit of {m.program.budgets.items:,} items")
            items.extend(value)
        del s[len(s) - count:]
        s.append(tuple(items))
        f.pc += 1
    return Instr("GATHER", spread, line, col, run)


def gather_keywords(names: tuple[str | None, ...], line: int, col: int) -> Instr:
    """The keyword arguments of a call with `**`: one dict of the named values and the
    mappings (a None name) merged in order, refusing a name given twice as CPython does."""
    count = len(names)

    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        values = s[len(s) - count:]
        callee = s[-count - 2]  # below the positional arguments' tuple
        merged: dict[str, Any] = {}
        for name, value in zip(names, values, strict=True):
            if name is not None:
                pairs: Any = ((name, value),)
            elif isinstance(value, dict):
                pairs = value.items()
            else:
                raise fail("TypeError", f"{callee_name(callee)} argument after ** must be a "
                                        f"mapping, not {type_name(value)}")
            for key, item in pairs:
                if not isinstance(key, str):
                    raise fail("TypeError", "keywords must be strings")
                if key in merged:
                    raise fail("TypeError", f"{callee_name(callee)} got multiple values for "
                                            f"keyword argument '{key}'")
                merged[key] = item
        del s[len(s) - count:]
        s.append(merged)
        f.pc += 1
    return Instr("GATHER_KEYWORDS", names, line, col, run)


def call_method_instr(name: str, nargs: int, kwnames: tuple[str, ...], text: str,
                      line: int, col: int, private: bool = False) -> Instr:
    """`obj.name(args)`: a step on a primitive, thread, list or dict; may block."""
    return _call_method("CALL_METHOD", (name, nargs, kwnames), name, nargs + len(kwnames),
                        lambda s: _split_args(s, nargs, kwnames), text, line, col, private)


def call_method_spread(name: str, has_kwargs: bool, text: str, line: int, col: int) -> Instr:
    """`obj.name(*args, **kwargs)` (`executor.submit(fn, *args)`): the arguments gathered
    (GATHER, GATHER_KEYWORDS) into a tuple and, with `has_kwargs`, a dict above `obj`."""
    total = 2 if has_kwargs else 1

    def read(s: list) -> tuple[list, dict]:
        return list(s[-total]), (s[-1] if has_kwargs else {})
    return _call_method("CALL_METHOD_SPREAD", (name, has_kwargs), name, total, read, text,
                        line, col, False)


def _call_method(op: str, arg: Any, name: str, total: int, read: Any, text: str, line: int,
                 col: int, private: bool) -> Instr:
    """A method call on the value below `total` operands, which `read` turns into its
    arguments."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        obj = s[-total - 1]
        args, kwargs = read(s)
        shared = method_is_step(obj, name) or takes_waiting(args)
        if not shared:  # a user function behind a thread-local attribute returns later
            del s[len(s) - total - 1:]
            f.pc += 1
            th.brk = True
        returned, result, words = call_method(m, th, obj, name, args, kwargs)
        if not shared:
            if returned:
                s.append(result)
            return None
        if result is PENDING:
            return ("sync", words, obj)
        del s[len(s) - total - 1:]
        s.append(result)
        f.pc += 1
        th.brk = True
        if isinstance(obj, Primitive):
            return ("sync", words, obj)
        return ("call", words if words.startswith(("start", "join")) or
                "is_alive" in words else text, result)

    def ready(m: Machine, th: Thread) -> bool:
        return why(m, th) is None

    def why(m: Machine, th: Thread) -> str | None:
        s = th.frames[-1].stack
        obj = s[-total - 1]
        args, kwargs = read(s)
        return method_ready(m, th, obj, name, args, kwargs)

    def visible(th: Thread) -> bool:
        s = th.frames[-1].stack
        return method_is_step(s[-total - 1], name) or bool(total) and takes_waiting(read(s)[0])

    return Instr(op, arg, line, col, run, visible=False if private else visible,
                 guard=ready, blocked=why)


def ret(line: int, col: int) -> Instr:
    """A return; the thread's last one is a step of its own when the thread ends asleep
    (`time.sleep` just before): that step wakes it, so its end comes at the virtual time a
    join sees."""
    def run(m: Machine, th: Thread) -> tuple | None:
        frames = th.frames
        done = frames.pop()
        value = done.stack.pop()
        if frames:
            if done.cleanup is None:  # a callback's (Barrier action's) value is dropped
                frames[-1].stack.append(value)
            elif type(done.cleanup) is Generator:
                ended(th, done.cleanup, value)
            elif type(done.cleanup) is Converted:  # an object's text, for print or format
                th.brk = True
                done.cleanup.land(m, frames[-1], value)
            th.brk = True  # back in the caller, after a CALL
            return None
        m.finish(th)
        return ("call", "wakes up and ends", None)
    return Instr("RETURN", None, line, col, run, visible=_ends_asleep)


def _ends_asleep(th: Thread) -> bool:
    return th.until is not None and len(th.frames) == 1


# -- attributes, items, collections ------------------------------------------------------------


def get_attr(name: str, line: int, col: int, settled: bool = True,
             keep: bool = False) -> Instr:
    """`obj.name`. A step on a primitive (its state), and, unless only `__init__` sets the
    attribute (`settled`), on a value an object of the program's shares (classes.py).
    `keep`: the object stays below the value (`obj.name += v` writes it back)."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        obj = s[-1]
        if type(obj) is Instance and name in obj.attrs and name not in obj.cls.properties:
            value = obj.attrs[name]  # the common case, first
            if keep:
                s.append(value)
            else:
                s[-1] = value
            f.pc += 1
            if settled or obj.building:
                return None
            return ("read", f"{obj.label}.{name}", value)
        getter = property_function(obj, name, "fget")
        if getter is not None:  # runs as a call of the thread's (its lock may wait)
            if not keep:
                s.pop()
            f.pc += 1
            push_frame(m, th, getter, [obj], {})
            return None
        value = get_attribute(m, th, obj, name)
        if keep:
            s.append(value)
        else:
            s[-1] = value
        f.pc += 1
        if isinstance(obj, Primitive):
            return ("call", f"{obj.label}.{name} → {shown(value)}", value)
        if not settled and holds_data(obj, name):
            return ("read", f"{label_of(obj)}.{name}", value)
        return None

    if settled:
        def visible(th: Thread) -> bool:
            return isinstance(th.frames[-1].stack[-1], Primitive)
    else:
        def visible(th: Thread) -> bool:
            obj = th.frames[-1].stack[-1]
            if type(obj) is Instance:
                return not obj.building and name in obj.attrs
            return isinstance(obj, Primitive) or holds_data(obj, name)
    return Instr("GET_ATTR", name, line, col, run, visible=visible)


def set_attr(name: str, line: int, col: int, settled: bool = True,
             under: bool = False) -> Instr:
    """Stack: value, obj (`under`: obj, value, as `obj.name += v` leaves them). A step when
    the attribute is shared state (see `get_attr`)."""
    where = -2 if under else -1

    def run(m: Machine, th: Thread) -> tuple | None:
        s = th.frames[-1].stack
        if under:
            value = s.pop()
            obj = s.pop()
        else:
            obj = s.pop()
            value = s.pop()
        if type(obj) is Instance and name not in obj.cls.properties and not obj.cls.guarded:
            obj.attrs[name] = value  # the common case, first
            th.frames[-1].pc += 1
            if settled or obj.building:
                return None
            return ("write", f"{obj.label}.{name}", value)
        setter = property_function(obj, name, "fset")
        if setter is not None:  # a call of the thread's; what it returns is dropped
            th.frames[-1].pc += 1
            push_frame(m, th, setter, [obj, value], {}).cleanup = drop_result
            return ("call", f"{label_of(obj)}.{name} ← {shown(value)} (its setter)",
                    None) if not settled and shared_object(obj) else None
        shared = not settled and shared_object(obj)
        set_attribute(m, th, obj, name, value)
        th.frames[-1].pc += 1
        return ("write", f"{label_of(obj)}.{name}", value) if shared else None
    return Instr("SET_ATTR", (name, where), line, col, run, visible=False if settled else (
        lambda th: shared_object(th.frames[-1].stack[where])))


def compute_attr(op: str, budgets: Budgets, line: int, col: int, right: Any = None,
                 constant: bool = False) -> Instr:
    """The arithmetic of `obj.name += v`: its own step when the object is shared (stack:
    obj, old value[, v]), a local one on an object still being built. With `constant`, v
    is `right`, not on the stack (`self.n += 1`)."""
    fn = arith.operator_for(op, budgets, inplace=True, **({"right": right} if constant else {}))

    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        b = right if constant else s.pop()
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result) if shared_object(s[-2]) else None
    depth = -2 if constant else -3
    return Instr("COMPUTE_ATTR", (op, right) if constant else op, line, col, run,
                 visible=lambda th: shared_object(th.frames[-1].stack[depth]))


def subscr(text: str, line: int, col: int, private: bool = False) -> Instr:
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        key = s.pop()
        obj = s[-1]
        if type(obj) is defaultdict and key not in obj:  # runs its factory
            s[-1] = value = obj.missing(m, th, key)
        else:
            s[-1] = value = obj[key]
        f.pc += 1
        if isinstance(obj, CONTAINERS):
            return ("call", text, value)
        return None
    return Instr("SUBSCR", None, line, col, run, visible=False if private else (
        lambda th: isinstance(th.frames[-1].stack[-2], CONTAINERS)))


def store_subscr(text: str, line: int, col: int, private: bool = False) -> Instr:
    """Stack: value, obj, key."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        key = s.pop()
        obj = s.pop()
        value = s.pop()
        if isinstance(obj, CONTAINERS) or type(obj) is Instance:  # its __setitem__
            obj[key] = value
        else:
            raise fail("TypeError",
                       f"'{type_name(obj)}' object does not support item assignment")
        f.pc += 1
        return ("call", f"{text} ← {shown(value)}", value)
    return Instr("STORE_SUBSCR", None, line, col, run, visible=False if private else (
        lambda th: isinstance(th.frames[-1].stack[-2], CONTAINERS)))


def delete_attr(name: str, line: int, col: int) -> Instr:
    """`del obj.name`: a write (a step) when the object is shared."""
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        obj = f.stack.pop()
        shared = shared_object(obj)
        delete_attribute(m, th, obj, name)
        f.pc += 1
        return ("write", f"del {label_of(obj)}.{name}", None) if shared else None
    return Instr("DELETE_ATTR", name, line, col, run,
                 visible=lambda th: shared_object(th.frames[-1].stack[-1]))


def delete_subscr(text: str, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> tuple:
        f = th.frames[-1]
        s = f.stack
        key = s.pop()
        obj = s.pop()
        if not isinstance(obj, CONTAINERS) and type(obj) is not Instance:
            raise fail("TypeError",
                       f"'{type_name(obj)}' object doesn't support item deletion")
        del obj[key]
        f.pc += 1
        return ("call", f"del {text}", None)
    return Instr("DELETE_SUBSCR", None, line, col, run, visible=True)


def build(kind: str, n: int, line: int, col: int) -> Instr:
    """BUILD_LIST / BUILD_TUPLE / BUILD_SET / BUILD_DICT (n pairs) / BUILD_SLICE /
    BUILD_STRING."""
    count = 2 * n if kind == "dict" else n

    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        items = s[len(s) - count:] if count else []
        del s[len(s) - count:]
        if kind == "list":
            value: Any = items
        elif kind == "tuple":
            value = tuple(items)
        elif kind == "set":
            value = set(items)
        elif kind == "dict":
            value = dict(zip(items[::2], items[1::2], strict=True))
        elif kind == "slice":
            value = slice(*items)
        else:
            value = formatting.join(items, m.program.budgets)
        s.append(value)
        f.pc += 1
    return Instr("BUILD_" + kind.upper(), n, line, col, run)


def list_append(depth: int, line: int, col: int) -> Instr:
    """Comprehension: append the top of stack to the (fresh, unshared) list at `depth`."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        value = f.stack.pop()
        f.stack[-depth].append(value)
        f.pc += 1
    return Instr("LIST_APPEND", depth, line, col, run)


def collect(kind: str, depth: int, line: int, col: int) -> Instr:
    """Set or dict comprehension: add the top of stack (a set's item, or a dict's key and
    value) to the fresh, unshared set or dict at `depth` below them."""
    if kind == "set":
        def run(m: Machine, th: Thread) -> None:
            f = th.frames[-1]
            value = f.stack.pop()
            f.stack[-depth].add(value)
            f.pc += 1
    else:
        def run(m: Machine, th: Thread) -> None:
            f = th.frames[-1]
            value = f.stack.pop()
            key = f.stack.pop()
            f.stack[-depth][key] = value
            f.pc += 1
    return Instr("SET_ADD" if kind == "set" else "MAP_ADD", depth, line, col, run)


def format_value(conversion: int, has_spec: bool, line: int, col: int) -> Instr:
    """An f-string's field: `conversion` is -1 (none) or the code of `s`, `r` or `a`."""
    convert = None if conversion == -1 else chr(conversion)

    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        s = f.stack
        if m.program.special and type(s[-2 if has_spec else -1]) in _OWN_TEXT and (
                _text_first(m, th, s, convert, has_spec)):
            return None  # its __str__ or __repr__ runs first, then this again
        spec = s.pop() if has_spec else ""
        value = s[-1]
        s[-1] = text = formatting.format_field(value, convert, spec, m.program.budgets)
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("call", f"format {text}", text)
        return None
    return Instr("FORMAT", conversion, line, col, run,
                 visible=lambda th: isinstance(
                     th.frames[-1].stack[-2 if has_spec else -1], CONTAINERS))


#: The objects whose class may be the program's, with its own `__str__`.
_OWN_TEXT = (Instance, ThreadHandle)


def _text_first(m: Machine, th: Thread, s: list, convert: str | None,
                has_spec: bool) -> bool:
    """An f-string field of an object whose text is the program's `__str__` / `__repr__`:
    that call pushed (its frame's RETURN puts the text in the object's place)."""
    value = s[-2 if has_spec else -1]
    if value.cls is None:  # a plain thread
        return False
    if convert is None:
        if (has_spec and s[-1]) or value.cls.lookup("__format__") is not MISSING:
            return False
        convert = "s"
    if convert not in ("s", "r"):
        return False
    which = "__repr__" if convert == "r" else "__str__"
    method = text_method(value, which)
    if method is None:
        return False
    push_frame(m, th, method, [value], {}).cleanup = Converted(
        2 if has_spec else 1, method.code.name, "format")
    return True


def unpack(n: int, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> tuple | None:
        f = th.frames[-1]
        value = f.stack.pop()
        items = listed(m, th, value)
        if not isinstance(items, ITERABLES):
            raise fail("TypeError", f"cannot unpack non-iterable {type_name(value)} object")
        items = list(items)
        if len(items) < n:
            raise fail("ValueError",
                       f"not enough values to unpack (expected {n}, got {len(items)})")
        if len(items) > n:
            raise fail("ValueError", f"too many values to unpack (expected {n})")
        f.stack.extend(reversed(items))
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("call", f"unpack {shown(value)}", value)
        return None
    return Instr("UNPACK", n, line, col, run, visible=_top_is_container)


# -- exceptions --------------------------------------------------------------------------------


def setup(handler: Label, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.handlers.append((handler.pc, len(f.stack)))
        f.pc += 1
    return Instr("SETUP", handler, line, col, run)


def pop_handler(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.handlers.pop()
        f.pc += 1
    return Instr("POP_HANDLER", None, line, col, run)


def _as_exception(value: Any) -> SimException:
    if isinstance(value, ExceptionClass):
        return SimException(value.name)
    if isinstance(value, UserClass):
        return raising(value)
    if isinstance(value, SimException):
        return value
    raise fail("TypeError", "exceptions must derive from BaseException")


def raise_(line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        raise_exc(_as_exception(th.frames[-1].stack.pop()))
    return Instr("RAISE", None, line, col, run)


def raise_exc(exc: SimException) -> None:
    from .values import Thrown

    raise Thrown(exc)


def raise_from(line: int, col: int) -> Instr:
    """`raise exc from cause`: the cause is kept as the exception's `__cause__`."""
    def run(m: Machine, th: Thread) -> None:
        s = th.frames[-1].stack
        cause = s.pop()
        exc = _as_exception(s.pop())
        if cause is not None:
            cause = _as_exception(cause)
        if exc.attrs is None:
            object.__setattr__(exc, "attrs", {})
        exc.attrs["__cause__"] = cause
        raise_exc(exc)
    return Instr("RAISE", None, line, col, run)


def reraise(line: int, col: int) -> Instr:
    """Re-raise the exception on the stack (end of a `finally`, unmatched `except`)."""
    def run(m: Machine, th: Thread) -> None:
        raise_exc(th.frames[-1].stack.pop())
    return Instr("RERAISE", None, line, col, run)


def exc_info(line: int, col: int) -> Instr:
    """Stack: exc -> its class, exc, traceback (None here): what `__exit__` is given when
    the body of a `with` raises."""
    def run(m: Machine, th: Thread) -> None:
        from .introspection import type_of  # introspection imports calls, which imports us

        f = th.frames[-1]
        exc = f.stack.pop()
        f.stack.extend((type_of(exc), exc, None))
        f.pc += 1
    return Instr("EXC_INFO", None, line, col, run)


def match_exc(line: int, col: int) -> Instr:
    """Stack: exc, class (or tuple of classes) -> exc, matched."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        classes = f.stack.pop()
        exc = f.stack[-1]
        options = classes if isinstance(classes, tuple) else (classes,)
        for cls in options:
            if not isinstance(cls, ExceptionClass) and not (
                    isinstance(cls, UserClass) and isinstance(cls.native, ExceptionClass)):
                raise fail("TypeError", "catching classes that do not inherit from "
                                        "BaseException is not allowed")
        f.stack.append(any(matches(exc, c) for c in options))
        f.pc += 1
    return Instr("MATCH_EXC", None, line, col, run)


def fail_instr(type_: str, message: str, line: int, col: int) -> Instr:
    """Raise a fixed exception (e.g. a bare `raise` outside `except`)."""
    def run(m: Machine, th: Thread) -> None:
        raise fail(type_, message)
    return Instr("FAIL", type_, line, col, run)


def assert_fail(has_msg: bool, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> None:
        args = (th.frames[-1].stack.pop(),) if has_msg else ()
        raise_exc(SimException("AssertionError", args))
    return Instr("ASSERT_FAIL", None, line, col, run)
