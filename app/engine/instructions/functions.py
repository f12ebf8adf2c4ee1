"""Making functions and classes, calling anything (with `*`/`**`), and methods that may
wait. Returning is `returns.ret`, which the runtime's own codes use too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import arith
from ..builtin import COLLECTING, Builtin
from ..calls import (
    call_method,
    call_value,
    callee_name,
    method_is_step,
    method_ready,
    stepping_method,
    takes_waiting,
    walks_code,
)
from ..classes import (
    Instance,
    Super,
    UserClass,
    make_class,
)
from ..code import Code, Instr
from ..errors import BudgetError
from ..formatting import BOOL, Converted, push_own, push_texts, push_truth
from ..generators import collect, listed, rest, to_collect
from ..iterators import ITERABLES, LazyIter, SeqIter, WaitingIter
from ..keyed import own_key, push_keys
from ..lazy import walker
from ..machine import push_frame
from ..objects import init_subclass, set_names
from ..primitives import Primitive
from ..special import iterable, text_method
from ..stdlib.bases import held_items, written_base
from ..stdlib.collections import TypedDictClass, typed_namedtuple
from ..stdlib.enum import make_members
from ..stdlib.typing import NAMED_TUPLE, TYPED_DICT
from ..threadstate import BREAKER
from ..upcalls import PENDING
from ..values import (
    BoundMethod,
    Function,
    LibraryObject,
    MethodDescriptor,
    Partial,
    fail,
    type_name,
)

if TYPE_CHECKING:
    from ..machine import Machine, Thread


def make_function(code: Code, ndefaults: int, closure: bool | str, line: int,
                  col: int) -> Instr:
    """`closure`: the function sees this frame's locals (True), what this frame itself sees
    ("outer", in a class body) or no enclosing function's names (False)."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        defaults: tuple[Any, ...] = ()
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
                line: int, col: int, keywords: tuple[str, ...] = ()) -> Instr:
    """Stack: bases…, keyword values…, namespace → the class (`classes.make_class`); the
    keywords go to the bases' `__init_subclass__`."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        namespace = s.pop()
        given = dict(zip(keywords, s[len(s) - len(keywords):], strict=True))
        del s[len(s) - len(keywords):]
        bases = tuple(s[len(s) - nbases:]) if nbases else ()
        del s[len(s) - nbases:]
        if any(base is NAMED_TUPLE for base in bases):
            s.append(typed_namedtuple(name, namespace, annotations))
            f.pc += 1
            return
        if any(base is TYPED_DICT for base in bases):
            s.append(TypedDictClass(name))
            f.pc += 1
            return
        bases = tuple(written_base(m, base) for base in bases)
        cls = make_class(name, qualname, bases, namespace, annotations)
        set_names(m, th, cls)
        if "enum" in cls.options:
            make_members(m, th, cls)
        else:
            init_subclass(m, th, cls, given)
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


def _split_args(stack: list[Any], nargs: int, kwnames: tuple[str, ...]
                ) -> tuple[list[Any], dict[str, Any]]:
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


def _text_first_arg(m: Machine, th: Thread, callee: Any, args: list[Any], total: int) -> bool:
    """`print(obj)`, `str(obj)`, `repr(obj)` of an object with the program's own text
    method: that call pushed for the first such argument (its RETURN puts the text in the
    argument's place, and the call runs again)."""
    if not (m.program.special and type(callee) is Builtin and callee.name in _TEXT_CALLS
            and not callee.module):
        return False
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


def _texts_first(m: Machine, th: Thread, callee: Any, args: list[Any], total: int) -> bool:
    """`print(items)`, `str(items)`, `repr(items)` of a container holding objects with their
    own `__repr__`: those run first as the thread's own calls (formatting.push_texts)."""
    if not (m.program.special and type(callee) is Builtin and callee.name in _TEXT_CALLS
            and not callee.module) or (callee.name != "print" and total != 1):
        return False
    return push_texts(m, th, args, len(th.frames[-1].stack) - total)


def _length_first(m: Machine, th: Thread, callee: Any, args: list[Any], total: int) -> bool:
    """`len(obj)` of an object whose class defines `__len__`, `bool(obj)` of one that
    defines `__bool__` (or `__len__`), `format(obj, spec)` of one that defines `__format__`:
    that call pushed, so a lock it takes may wait, as `print(obj)`'s `__str__` may."""
    if type(callee) is not Builtin or callee.module or total != len(args) or not args:
        return False
    if callee.name == "len" and total == 1:
        return push_own(m, th, args[0], "__len__", [], 2, "length")
    if callee.name == "bool" and total == 1:
        return push_truth(m, th, args[0], True, BOOL, False)
    if callee.name == "format" and total <= 2 and all(type(a) is str for a in args[1:]):
        return push_own(m, th, args[0], "__format__", [args[1] if total == 2 else ""],
                        total + 1, "formatted")
    return False


def _runs_first(m: Machine, th: Thread, op: str, callee: Any, args: list[Any],
                kwargs: dict[str, Any], total: int, text: str
                ) -> tuple[bool, tuple[Any, ...] | None]:
    """Whether code of the program's runs before the call, which then runs again (its
    instruction stays put), and the step's event: a generator's items for a built-in that
    takes them all, or an argument's `__str__` for `print`."""
    if _takes_all(callee) and _collects(m, th, [*args, *kwargs.values()]):
        return True, ("call", text, None)
    if op == "CALL" and (_items_first(m, th, callee, args, total)
                         or _keys_first(m, th, callee, args, kwargs, total)):
        return True, ("call", text, None)
    if op == "CALL" and (_text_first_arg(m, th, callee, args, total)
                         or _length_first(m, th, callee, args, total)
                         or _texts_first(m, th, callee, args, total)):
        return True, ("call", f"{text}: {th.frames[-1].code.qualname}()", None) if (
            callee.visible([*args, *kwargs.values()])) else None
    return False, None


#: The built-ins that take every item of an object of the program's (`list(obj)`), and
#: those that order items by a key (`sorted(xs, key=f)`).
_WALKING = frozenset({"list", "tuple", "set", "frozenset", "sorted", "sum", "min", "max",
                      "collections.deque", "math.prod", "math.fsum"})
_KEYED = frozenset({"sorted", "min", "max"})


def _items_first(m: Machine, th: Thread, callee: Any, args: list[Any], total: int) -> bool:
    """`list(obj)`, `sorted(obj)`, `sum(obj)` … of an object of the program's: its items
    are taken first by the library's loop over it (lazy.py), as the thread's own code (its
    `__iter__` and `__next__` may wait), and the call runs again on them."""
    if not args or type(args[0]) is not Instance or not (
            type(callee) is Builtin and callee.key in _WALKING):
        return False
    first = args[0]
    if not iterable(first) or (callee.key in ("min", "max") and len(args) != 1):
        return False
    gen = walker(first)
    stack = th.frames[-1].stack
    stack[len(stack) - total] = gen  # in the first argument's place: collected there
    collect(m, th, gen)
    return True


def _keys_first(m: Machine, th: Thread, callee: Any, args: list[Any], kwargs: dict[str, Any],
                total: int) -> bool:
    """`sorted(xs, key=f)`, `min(xs, key=f)`, `max(xs, key=f)` with a key of the program's:
    `f` runs first on each item as the thread's own code (keyed.push_keys); the items, taken
    now, and then their keys stand in the arguments' places for the call made again. (So
    does `xs.sort(key=f)`, whose items are the list's: `_call_method`.)"""
    key = kwargs.get("key")
    if key is None or len(args) != 1 or not (type(callee) is Builtin and callee.key in _KEYED):
        return False
    if not own_key(key) or not isinstance(args[0], (*ITERABLES, SeqIter)):
        return False
    arith.check_ranges(args, m.program.budgets)
    items = tuple(rest(m, th, args[0]))
    stack = th.frames[-1].stack
    start = len(stack) - total
    stack[start] = LazyIter(list(items), False, "list_iterator")
    slot = next(i for i in range(len(stack) - 1, start, -1) if stack[i] is key)
    push_keys(m, th, key, items, slot)
    return True


def _takes_all(callee: Any) -> bool:
    """A built-in that takes every item of what it walks (`list`, `sum`, `sorted`…)."""
    return type(callee) is Builtin and callee.key in COLLECTING


def _collects(m: Machine, th: Thread, args: list[Any]) -> bool:
    """Whether a generator among the arguments of a call that takes all its items was set
    running (generators.collect) to give them first."""
    gen = to_collect(args)
    if gen is None:
        return False
    collect(m, th, gen)
    return True


def call_spread(has_kwargs: bool, text: str, line: int, col: int) -> Instr:
    """`f(*args, **kwargs)`: the arguments gathered (GATHER, GATHER_KEYWORDS) into a tuple and,
    with `has_kwargs`, a dict above the callee."""
    total = 2 if has_kwargs else 1

    def read(s: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        return list(s[-total]), (s[-1] if has_kwargs else {})
    return _call("CALL_SPREAD", has_kwargs, total, read, text, line, col, False)


def _call(op: str, arg: Any, total: int, read: Any, text: str, line: int, col: int,
          private: bool) -> Instr:
    """A call of the value below `total` operands, which `read` turns into its arguments."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        callee = s[-total - 1]
        args, kwargs = read(s)
        first, event = _runs_first(m, th, op, callee, args, kwargs, total, text)
        if first:
            return event
        method = stepping_method(callee, args, kwargs)
        if method is not None:
            # `release = lock.release; release()`, a pool's worker calling `event.wait`,
            # `partial(q.get, timeout=1)()`: the call may wait, and stays put until it
            # returns, as `obj.name()` does.
            bound, margs, mkwargs = method
            obj = bound.obj
            returned, result, words = call_method(m, th, obj, bound.name, margs, mkwargs)
            if result is PENDING:
                return ("sync", words, obj)
            del s[len(s) - total - 1:]  # the caller's stack, under any frame the call pushed
            f.pc += 1
            th.brk = BREAKER
            if not returned:
                return None  # the method's frame returns its result
            s.append(result)
            return ("sync", words, obj) if isinstance(obj, Primitive) else (
                "call", text, result)
        operands = s[len(s) - total - 1:]
        del s[len(s) - total - 1:]
        f.pc += 1
        th.brk = BREAKER
        try:
            returned, result, _ = call_value(m, th, callee, args, kwargs)
        except BudgetError:  # the run stops here: leave the thread whole, before the call
            s.extend(operands)
            f.pc -= 1
            raise
        if result is PENDING:  # `next(executor.map(f, xs, timeout=1))` waits: this again
            s.extend(operands)
            f.pc -= 1
            return ("sync", f"{text}: waits", None)
        if returned:
            s.append(result)
        if isinstance(callee, Builtin) and callee.visible([*args, *kwargs.values()]) or (
                isinstance(callee, LibraryObject) and callee.CALL_IS_STEP):
            # a step, also one whose frame returns the result (`all(g)`: lazy.py)
            return ("call", text, result if returned else None)
        return None

    def visible(th: Thread) -> bool:
        s = th.frames[-1].stack
        callee = s[-total - 1]
        if isinstance(callee, Builtin):
            args, kwargs = read(s)
            return callee.visible([*args, *kwargs.values()])
        if isinstance(callee, BoundMethod | Partial | MethodDescriptor):
            return stepping_method(callee, *read(s)) is not None
        return isinstance(callee, LibraryObject) and callee.CALL_IS_STEP

    def waiting(m: Machine, th: Thread) -> str | None:
        """A method that may wait, called as a value, waits as `obj.name()` does; a built-in
        walking results still to come (`list(executor.map(…))`) waits for them."""
        s = th.frames[-1].stack
        args, kwargs = read(s)
        callee = s[-total - 1]
        method = stepping_method(callee, args, kwargs)
        if method is not None:
            bound, margs, mkwargs = method
            return method_ready(m, th, bound.obj, bound.name, margs, mkwargs)
        if isinstance(callee, BoundMethod):
            return method_ready(m, th, callee.obj, callee.name, args, kwargs)
        if isinstance(callee, MethodDescriptor) and callee.owner == "Thread" and args:
            return method_ready(m, th, args[0], callee.name, args[1:], kwargs)
        return _results_to_come(m, th, callee, args)

    return Instr(op, arg, line, col, run, visible=False if private else visible,
                 guard=lambda m, th: waiting(m, th) is None, blocked=waiting)


def _results_to_come(m: Machine, th: Thread, callee: Any, args: list[Any]) -> str | None:
    """Why a call given results still to come cannot run yet: `next(as_completed(fs))` waits
    for one item, `list(executor.map(…))` for them all."""
    one = isinstance(callee, Builtin) and callee.key == "next"
    for value in args:
        if isinstance(value, WaitingIter):
            why = value.why(m, th) if one else value.why_all()
            if why is not None:
                return why
    return None


def gather(spread: tuple[bool, ...], line: int, col: int) -> Instr:
    """The positional arguments of a call with `*`: the values on the stack, those marked in
    `spread` unpacked, as one tuple (within the items budget)."""
    count = len(spread)

    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        values = s[len(s) - count:]
        callee = s[-count - 1]
        if _collects(m, th, [v for v, unpack in zip(values, spread, strict=True) if unpack]):
            return  # `f(*g)`: g's items first, as the thread's own code; then this again
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
            value = held_items(value)  # `f(**registry)`: a dict subclass's items
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

    def read(s: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        return list(s[-total]), (s[-1] if has_kwargs else {})
    return _call_method("CALL_METHOD_SPREAD", (name, has_kwargs), name, total, read, text,
                        line, col, False)


def _call_method(op: str, arg: Any, name: str, total: int, read: Any, text: str, line: int,
                 col: int, private: bool) -> Instr:
    """A method call on the value below `total` operands, which `read` turns into its
    arguments."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        obj = s[-total - 1]
        args, kwargs = read(s)
        if walks_code(obj, args) and _collects(m, th, args):
            return ("call", text, None)  # `", ".join(g)`: g's items first; then this call
        key = kwargs.get("key")
        if op == "CALL_METHOD" and name == "sort" and type(obj) is list and own_key(key):
            slot = next(i for i in range(len(s) - 1, len(s) - total - 1, -1) if s[i] is key)
            push_keys(m, th, key, tuple(obj), slot)  # its keys first, then the sort again
            return ("call", f"{text}: its keys first", None)
        shared = method_is_step(obj, name) or takes_waiting(args)
        if not shared:  # a user function behind a thread-local attribute returns later
            del s[len(s) - total - 1:]
            f.pc += 1
            th.brk = BREAKER
        returned, result, words = call_method(m, th, obj, name, args, kwargs)
        if not shared:
            if returned:
                s.append(result)
            return None
        if result is PENDING:
            return ("sync", words, obj)
        del s[len(s) - total - 1:]
        if returned:  # else a frame gives the result (a `@contextmanager`'s generator)
            s.append(result)
        f.pc += 1
        th.brk = BREAKER
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
