"""Calling things: user functions, built-ins, `threading`'s API, and methods of every value.

A call is a step when it touches shared state (a primitive, another thread, a list or dict, the
output); otherwise it is local. Every call is an eval-breaker point for the `cpython` policy.
One invariant the explorer relies on (app/engine/parts.py): a step of a thread reads and writes
the shared state and that thread's own frames, and looks at another thread only through its
header (name, state, what it waits for: `Thread` but its frames). A step that read another
thread's frames would make remembered steps wrong.
"""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from . import deprecation, objects
from . import primitives as prim
from .arith import check_ranges, check_result
from .builtin import CONTAINERS as CONTAINERS  # re-exported: where containers are named
from .builtin import Builtin, GenericAlias
from .classes import (
    MISSING,
    Instance,
    Method,
    Property,
    Super,
    UserClass,
    class_of,
    is_thread_class,
    setattr_hook,
)
from .code import Code, Instr
from .encoding import check_bytes, check_codec
from .errors import BudgetError
from .formatting import check_width, format_method
from .generators import (
    PUSHED,
    Generator,
    Pulled,
    generator_method,
    make_generator,
    to_collect,
    walked,
)
from .introspect import property_method
from .iterators import SeqIter, WaitingIter
from .keyed import list_sort
from .machine import PID, Frame, push_frame, showing
from .nested import call_now
from .returns import ret
from .stdlib.enum import acts_as_value
from .stdlib.threading import cancel_timer
from .threadstate import ALIVE, BREAKER, NEW
from .tracebacks import TracebackValue, fresh, traceback_value
from .upcalls import PENDING, UP
from .values import (
    BoundMethod,
    DictView,
    ExceptionClass,
    Function,
    LibraryObject,
    MethodDescriptor,
    Partial,
    SimException,
    ThreadHandle,
    ThreadLocal,
    Thrown,
    TypeValue,
    fail,
    is_subclass,
    mappingproxy,
    represent,
    shown,
    type_name,
)

if TYPE_CHECKING:
    from .budgets import Budgets
    from .machine import Machine, Thread


# -- user functions ----------------------------------------------------------------------------


def start_thread(m: Machine, th: Thread) -> None:
    """`thread.start()`: the new thread enters its target and runs up to its first step."""
    th.state = ALIVE
    if not th.daemon:
        m.live += 1
    try:
        enter_function(m, th, th.target, _star_args(th.target, th.args),
                       _star_kwargs(th.target, th.kwargs), at_root=True)
    except Thrown as e:  # e.g. the target's arguments do not fit: the new thread fails
        m.unwind(th, e.exc)
        return
    m.settle(th)


def _star_args(target: Any, args: Any) -> list[Any]:
    """`target(*args)` as Thread.run does it, with CPython's error for a non-iterable."""
    if isinstance(args, list | tuple | str | range | dict | set | frozenset):
        return list(args)
    raise Thrown(SimException("TypeError", (
        f"{callee_name(target)} argument after * must be an iterable, not "
        f"{type_name(args)}",)))


def _star_kwargs(target: Any, kwargs: Any) -> dict[str, Any]:
    if isinstance(kwargs, dict):
        return dict(kwargs)
    raise Thrown(SimException("TypeError", (
        f"{callee_name(target)} argument after ** must be a mapping, not "
        f"{type_name(kwargs)}",)))


def enter_function(m: Machine, th: Thread, target: Any, args: list[Any],
                   kwargs: dict[str, Any], at_root: bool = False) -> None:
    """Start running `target` in `th` (a thread's target, or a callback such as an action)."""
    if isinstance(target, Method) and isinstance(target.fn, Function):
        target, args = target.fn, [target.obj, *args]  # `target=self.work`
    if isinstance(target, Function):
        if target.code.generator:  # the call only makes a generator: nothing runs
            make_generator(target, args, kwargs)
            m.finish(th)
            return
        push_frame(m, th, target, args, kwargs)
        return
    if target is None and at_root:
        m.finish(th)  # Thread() with no target runs nothing
        return
    # A built-in or method as a thread target: run it as the thread's only step.
    th.frames.append(_trampoline(target, args, kwargs))


@cache
def _trampoline_code() -> Code:
    """Code that calls a non-Python thread target (e.g. `target=print`) once. A primitive's
    method (`target=q.get`, `target=event.wait`) may wait: the thread then stays in the call,
    blocked as a `CALL_METHOD` would be, until the method's next move can be taken."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        callee, *args = f.stack
        th.brk = BREAKER
        returned, result, text = call_value(m, th, callee, args, f.locals[".kwargs"])
        method = stepping_method(callee, args, f.locals[".kwargs"])
        obj = method[0].obj if method is not None else None
        if result is PENDING:
            return ("sync", text, obj)
        f.stack.clear()
        f.pc += 1
        f.stack.append(result if returned else None)
        if isinstance(obj, prim.Primitive):
            return ("sync", text, obj)
        return ("call", f"call {represent(callee)}", result)

    def why(m: Machine, th: Thread) -> str | None:
        f = th.frames[-1]
        callee, *args = f.stack
        method = stepping_method(callee, args, f.locals[".kwargs"])
        if method is None:
            return None
        bound, margs, mkwargs = method
        return method_ready(m, th, bound.obj, bound.name, margs, mkwargs)

    code = Code("<call>", ())
    code.instrs.append(Instr("CALL_TARGET", None, 0, 0, run, visible=True,
                             guard=lambda m, th: why(m, th) is None, blocked=why))
    code.instrs.append(ret(0, 0))
    return code


def _trampoline(target: Any, args: list[Any], kwargs: dict[str, Any]) -> Frame:
    """A tiny frame that calls `target(*args, **kwargs)` once and returns."""
    frame = Frame(_trampoline_code(), {}, None)
    frame.stack.extend([target, *args])
    frame.locals[".kwargs"] = kwargs
    return frame


def call_in_thread(m: Machine, th: Thread, fn: Any,
                   on_raise: Callable[[Machine, Thread], None]) -> None:
    """Call `fn()` from inside a primitive (Barrier's action); its return value is dropped."""
    if isinstance(fn, Function):
        push_frame(m, th, fn, [], {}).cleanup = on_raise
        return
    th.frames.append(_trampoline(fn, [], {}))
    th.frames[-1].cleanup = on_raise


# -- calling any value -------------------------------------------------------------------------


def callee_name(callee: Any) -> str:
    """A callable as CPython names it in an argument error: `__main__.f()`, `print()`,
    `list.append()`."""
    if isinstance(callee, Function):
        return f"__main__.{callee.code.qualname or callee.code.name}()"
    if isinstance(callee, Method):  # `obj.method`: named as its function
        return callee_name(callee.fn)
    if isinstance(callee, BoundMethod):
        return f"{type_name(callee.obj)}.{callee.name}()"
    if isinstance(callee, Builtin):
        return f"{callee.name}()"
    return f"{type_name(callee)} object"


def call_value(m: Machine, th: Thread, callee: Any, args: list[Any],
               kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """Call `callee`. Returns (returned, result, text): returned is False when a user
    function's frame was pushed (its RETURN will deliver the result)."""
    if isinstance(callee, Function):
        if callee.code.generator:
            return True, make_generator(callee, args, kwargs), ""
        push_frame(m, th, callee, args, kwargs)
        return False, None, ""
    if isinstance(callee, Builtin):
        result = callee.fn(m, th, *args, **kwargs)
        if result is PUSHED:  # `next(generator)`: its frame runs, its YIELD gives the result
            return False, None, ""
        return True, result, f"{callee.name}(…) → {shown(result)}"
    if isinstance(callee, MethodDescriptor):
        return _call_descriptor(m, th, callee, args, kwargs)
    if isinstance(callee, GenericAlias):  # `list[int]("ab")` is `list("ab")`
        return call_value(m, th, callee.origin, args, kwargs)
    if isinstance(callee, Partial):
        return call_value(m, th, callee.func, [*callee.args, *args], {**callee.kwargs, **kwargs})
    if isinstance(callee, ExceptionClass):
        if kwargs:
            raise fail("TypeError", f"{callee.name}() takes no keyword arguments")
        return True, SimException(callee.name, tuple(args)), ""
    if isinstance(callee, BoundMethod):
        return call_method(m, th, callee.obj, callee.name, args, kwargs)
    if isinstance(callee, Method):
        return call_value(m, th, callee.fn, [callee.obj, *args], kwargs)
    if isinstance(callee, UserClass):
        made, obj = objects.construct(m, th, callee, args, kwargs)
        return made, obj, ""
    if isinstance(callee, Instance) and callee.cls.lookup("__call__") is not MISSING:
        return call_value(m, th, objects.get(m, th, callee, "__call__"), args, kwargs)
    if isinstance(callee, LibraryObject) and "__call__" in callee.METHODS:  # a namedtuple
        return True, callee.call_in(m, th, "__call__", args, kwargs), ""
    raise fail("TypeError", f"'{type_name(callee)}' object is not callable")


def _call_descriptor(m: Machine, th: Thread, method: MethodDescriptor, args: list[Any],
                     kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    if not args:
        raise fail("TypeError", f"unbound method {method.owner}.{method.name}() needs an "
                                f"argument")
    if method.owner == "Thread":  # `threading.Thread.join(self)`, `super().join()`
        if not isinstance(args[0], ThreadHandle):
            raise fail("AttributeError", f"'{type_name(args[0])}' object has no attribute "
                                         f"'_started'")
        if method.name == "run":
            return call_value(m, th, objects.NATIVES["Thread.run"], args, kwargs)
        return _thread_method(m, th, args[0], method.name, args[1:], kwargs)
    owner = _CLASS_TYPES[method.owner]
    if method.name in _TYPE_LEVEL:
        return call_method(m, th, owner(), method.name, args, kwargs)
    if not isinstance(args[0], owner):
        raise fail("TypeError", f"descriptor '{method.name}' for '{method.owner}' objects "
                                f"doesn't apply to a '{type_name(args[0])}' object")
    return call_method(m, th, args[0], method.name, args[1:], kwargs)


def call_method(m: Machine, th: Thread, obj: Any, name: str, args: list[Any],
                kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """`obj.name(*args, **kwargs)`; for a primitive this may leave the thread in the call."""
    native = _thread_native(obj, name, args)
    if native is not None:  # `Thread.join(self)`, `super().start()`: Thread's own method
        handle, rest = native
        if name == "run":
            return call_value(m, th, objects.NATIVES["Thread.run"], [handle, *rest], kwargs)
        return _thread_method(m, th, handle, name, rest, kwargs)
    if user_method(obj, name):
        if name == "__exit__" and not args:  # a `with` body that ended without an exception
            args = [None, None, None]
        return call_value(m, th, get_attribute(m, th, obj, name), args, kwargs)
    if name == "__exit__" and not (isinstance(obj, LibraryObject) and obj.EXIT_SEES_EXCEPTION):
        args = []  # a built-in's exit takes (and ignores) the exception's details
    method = _native_method(obj, name)
    if method is not None:
        return call_value(m, th, method, args, kwargs)
    for kind, call in _KIND_METHODS:
        if isinstance(obj, kind):
            return call(m, th, obj, name, args, kwargs)
    if isinstance(obj, Builtin) and (descriptor := _descriptor(obj, name)) is not None:
        return _call_descriptor(m, th, descriptor, args, kwargs)
    return _builtin_method(m, th, obj, name, args, kwargs)


def _primitive_method(m: Machine, th: Thread, obj: prim.Primitive, name: str,
                      args: list[Any], kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """A lock's, an event's… method, through its class's table: a blocking one that cannot
    finish yet leaves the thread waiting in the call."""
    handler = type(obj).METHODS.get(name)
    if handler is None:
        raise _no_attribute(obj, name)
    outcome = handler(m, th, obj, obj.bind(name, tuple(args), kwargs))
    if isinstance(outcome, prim.Pending):
        return False, PENDING, outcome.text
    return True, outcome.result, outcome.text


def _local_method(m: Machine, th: Thread, obj: ThreadLocal, name: str, args: list[Any],
                  kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """A function the calling thread stored in a `threading.local()`."""
    return call_value(m, th, get_attribute(m, th, obj, name), args, kwargs)


def _library_method(m: Machine, th: Thread, obj: LibraryObject, name: str, args: list[Any],
                    kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """A library object's declared method; one may resume a generator (contextlib's
    `__enter__`), which then runs as the thread's next frame."""
    if name not in obj.METHODS:
        raise _no_attribute(obj, name)
    result = obj.call_in(m, th, name, args, kwargs)
    if result is PUSHED:
        return False, None, ""
    return True, result, f"{name}(…) → {shown(result)}"


def _generator_method(m: Machine, th: Thread, obj: Generator, name: str, args: list[Any],
                      kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """`g.send(v)`, `g.close()`…: one that resumes the generator returns when it yields."""
    result = generator_method(m, th, obj, name, args, kwargs)
    return result is not PUSHED, result, ""


def _exception_method(m: Machine, th: Thread, obj: SimException, name: str, args: list[Any],
                      kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """`e.add_note(text)`: a line the traceback shows under the exception's (3.11+);
    `e.with_traceback(tb)`: `e` with those frames (a `raise` adds its own in front)."""
    if name == "with_traceback":
        if kwargs or len(args) != 1:
            raise fail("TypeError", f"BaseException.with_traceback() takes exactly one argument "
                                    f"({len(args) + len(kwargs)} given)")
        if not isinstance(args[0], TracebackValue | None):
            raise fail("TypeError", "__traceback__ must be a traceback or None")
        object.__setattr__(obj, "tb", () if args[0] is None else fresh(args[0].entries))
        return True, obj, ""
    if name != "add_note":
        raise fail("AttributeError", f"'{type_name(obj)}' object has no attribute '{name}'")
    if kwargs or len(args) != 1:
        raise fail("TypeError", f"BaseException.add_note() takes exactly one argument "
                                f"({len(args) + len(kwargs)} given)")
    if not isinstance(args[0], str):
        raise fail("TypeError", f"note must be a str, not '{type_name(args[0])}'")
    attrs = obj.attrs
    if attrs is None:
        attrs = {}
        object.__setattr__(obj, "attrs", attrs)
    attrs.setdefault("__notes__", []).append(args[0])
    return True, None, ""


def _builtin_method(m: Machine, th: Thread, obj: Any, name: str, args: list[Any],
                    kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """An allowed method of a built-in value (`items.append(x)`), run by the host once its
    arguments are walked and the budgets say its result is not too big."""
    allowed = SAFE_METHODS.get(type(obj))
    if name == "translate" and args and not isinstance(args[0], dict):
        # the host would call the table's own __getitem__: only a dict's is run here
        raise fail("TypeError", f"translate() takes a dict here (str.maketrans makes one), "
                                f"not {type_name(args[0])}")
    if allowed is None or name not in allowed:
        read = ATTRIBUTES.get(type(obj))
        found = MISSING if read is None else read(obj, name)
        if isinstance(found, Method):  # the program's function a library class holds
            return call_value(m, th, found, args, kwargs)  # (a typed namedtuple's method)
        raise _no_attribute(obj, name)
    for arg in args:
        if isinstance(arg, _LAZY):  # `"".join(g)`, `items.extend(g)`: sized first
            args = [list(a) if type(a) is Pulled else a for a in walked(m, th, args)]
            break
    budgets = m.program.budgets
    check_ranges(args, budgets)
    check_codec(obj, name, args, kwargs)
    if name in ("to_bytes", "from_bytes"):
        _check_int_bytes(name, args, kwargs, budgets)
    if name in PADDING and args:
        check_width(args[0], budgets)
    elif name in SIZED:
        check_result(obj, name, args, kwargs, budgets)
    result: Any
    if name in FORMAT_METHODS:  # our own walk over the fields: no real attribute lookups
        result = showing(m, th, format_method, obj, name, args, kwargs, budgets,
                         partial(get_attribute, m, th))
    elif name == "sort" and type(obj) is list:  # a key function is the program's to call
        list_sort(m, th, obj, *args, **kwargs)
        result = None
    elif type(obj) in OWN_METHODS:
        result = OWN_METHODS[type(obj)](m, obj, name, args, kwargs)
    else:
        result = getattr(obj, name)(*args, **kwargs)
        check_bytes(result, budgets)
    if name in VIEW_METHODS:
        kind = type(result).__name__
        result = DictView(result, kind) if kind in _VIEWS else list(result)
    return True, result, f"{name}(…) → {shown(result)}"


def _check_int_bytes(name: str, args: list[Any], kwargs: dict[str, Any],
                     budgets: Budgets) -> None:
    """`n.to_bytes(length)` makes `length` bytes: at most the items budget; the int
    `int.from_bytes(data)` makes has 8 bits a byte: at most the integer budget."""
    if name == "to_bytes":
        length = args[0] if args else kwargs.get("length", 1)
        if isinstance(length, int) and length > budgets.items:
            raise BudgetError(f"to_bytes({length:,}) is over the limit of {budgets.items:,} "
                              f"items")
        return
    data = args[0] if args else kwargs.get("bytes", b"")
    if isinstance(data, bytes | bytearray) and 8 * len(data) > budgets.int_bits:
        raise BudgetError(f"int.from_bytes() of {len(data):,} bytes is over the limit of "
                          f"{budgets.int_bits:,} bits for one integer")


#: Values a method or built-in walks through by running them: generators and iterators.
_LAZY = (Generator, SeqIter)

#: What `str.encode`, `bytes()` and a literal make (encoding.py); those that make more
#: than they read are sized first, as on text (`replace`, `join`, the paddings).
_BYTES_METHODS = frozenset({
    "decode", "hex", "startswith", "endswith", "strip", "lstrip", "rstrip", "split", "rsplit",
    "upper", "lower", "title", "capitalize", "swapcase", "find", "rfind", "index", "rindex",
    "count", "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace", "isascii",
    "splitlines", "partition", "rpartition", "removeprefix", "removesuffix", "fromhex",
    "replace", "join", "center", "ljust", "rjust", "zfill"})
_SET_READS = frozenset({"union", "intersection", "difference", "symmetric_difference",
                        "issubset", "issuperset", "isdisjoint", "copy"})
SAFE_METHODS: dict[type, frozenset[str]] = {
    list: frozenset({"append", "pop", "insert", "remove", "extend", "index", "count", "clear",
                     "copy", "reverse", "sort"}),
    dict: frozenset({"get", "keys", "values", "items", "pop", "setdefault", "update", "clear",
                     "copy", "popitem", "fromkeys"}),
    str: frozenset({"upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "join",
                    "format", "startswith", "endswith", "replace", "find", "rfind", "index",
                    "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
                    "islower", "title", "capitalize", "swapcase", "partition", "rpartition",
                    "splitlines", "ljust", "rjust", "center", "zfill", "format_map", "casefold",
                    "expandtabs", "removeprefix", "removesuffix", "isidentifier", "isnumeric",
                    "isdecimal", "istitle", "isascii", "isprintable", "maketrans",
                    "translate", "encode"}),
    bytes: _BYTES_METHODS,
    # a list's ways to change it, each sized as a list's are (`SIZED`)
    bytearray: _BYTES_METHODS | {"append", "extend", "insert", "pop", "remove", "clear",
                                 "reverse", "copy"},
    tuple: frozenset({"index", "count"}),
    set: frozenset({*_SET_READS, "add", "discard", "remove", "pop", "update", "clear",
                    "intersection_update", "difference_update",
                    "symmetric_difference_update"}),
    frozenset: _SET_READS,
    # `to_bytes` and `from_bytes` are sized first (`_check_int_bytes`)
    int: frozenset({"bit_length", "bit_count", "to_bytes", "from_bytes", "as_integer_ratio",
                    "conjugate"}),
    float: frozenset({"is_integer", "as_integer_ratio", "hex", "fromhex", "conjugate"}),
    complex: frozenset({"conjugate"}),
    mappingproxy: frozenset({"get", "keys", "values", "items", "copy"}),
}
#: Library types whose allowed methods run through a function of their module's, which
#: checks what the host method would not (a strftime format's length): type → run(m, obj,
#: name, args, kwargs).
OWN_METHODS: dict[type, Callable[..., Any]] = {}
#: Methods whose result is a view or an iterator (`Counter.elements`): the program gets a list,
#: shown as the view it stands for (`DictView`).
VIEW_METHODS = frozenset({"keys", "values", "items", "elements"})
_VIEWS = frozenset({"dict_keys", "dict_values", "dict_items", "odict_keys", "odict_values",
                    "odict_items"})
#: The built-in types whose methods a program may take from the type (`str.lower`).
_CLASS_TYPES: dict[str, type] = {kind.__name__: kind for kind in SAFE_METHODS} | {
    "OrderedDict": OrderedDict}
FORMAT_METHODS = frozenset({"format", "format_map"})
#: Methods whose first argument is the width of the string they make.
PADDING = frozenset({"ljust", "rjust", "center", "zfill"})
#: Methods whose result's size `arith.check_result` works out before they run.
SIZED = frozenset({"append", "insert", "extend", "update", "replace", "join", "split",
                   "rsplit", "elements", "extendleft", "expandtabs", "translate"})
#: Methods of a built-in type that do not use the object they are called on (a static or
#: class method): `str.maketrans(...)` is `"".maketrans(...)`.
_TYPE_LEVEL = frozenset({"maketrans", "fromkeys", "fromhex", "from_bytes"})


def _no_attribute(obj: Any, name: str) -> Exception:
    kind = _type_object(obj)
    if kind is not None:
        return fail("AttributeError", f"type object '{kind}' has no attribute '{name}'")
    return fail("AttributeError", f"'{type_name(obj)}' object has no attribute '{name}'")


#: Classes CPython writes in C, whose name in its messages includes their module.
_C_TYPES = frozenset({"collections.deque", "collections.defaultdict", "collections.OrderedDict"})


def _type_object(obj: Any) -> str | None:
    """The name CPython's messages give a built-in or library class `obj` (`int`,
    `datetime.date`, `Queue`), or None for a value that is no class."""
    if isinstance(obj, ExceptionClass | TypeValue):
        return obj.name
    if isinstance(obj, Builtin) and obj.type_name == "type":
        return obj.key if obj.key in _C_TYPES else obj.name
    text = repr(obj) if isinstance(obj, LibraryObject) and type_name(obj) == "type" else ""
    return text[len("<class '"):-len("'>")] if text.startswith("<class '") else None


def method_ready(m: Machine, th: Thread, obj: Any, name: str, args: list[Any],
                 kwargs: dict[str, Any]) -> str | None:
    """Why `obj.name(...)` cannot run now, or None if it can."""
    held = held_callee(obj, name)
    method = stepping_method(held, args, kwargs) if held is not None else None
    if method is not None:  # `self.get()` after `self.get = q.get`
        held_method, margs, mkwargs = method
        return method_ready(m, th, held_method.obj, held_method.name, margs, mkwargs)
    for arg in args:  # `", ".join(executor.map(…))`, `results.extend(…)` wait for them
        if isinstance(arg, WaitingIter):
            why = arg.why_all()
            if why is not None:
                return why
    if isinstance(obj, prim.Primitive):
        ready = type(obj).READY.get(name)
        if ready is None:
            return None
        try:
            bound = obj.bind(name, tuple(args), kwargs)
        except Exception:  # the call will raise: that is a move
            return None
        return ready(m, th, obj, bound)
    native = _thread_native(obj, name, args)
    if native is not None:
        obj, args = native
    if isinstance(obj, ThreadHandle) and name == "join":
        return _join_ready(m, th, obj, args, kwargs)
    return None


def _thread_native(obj: Any, name: str, args: list[Any]) -> tuple[ThreadHandle, list[Any]] | None:
    """`Thread.join(self, …)` or `super().join(…)` in a Thread subclass that overrides
    `join`: the thread object and the arguments for Thread's own method, else None."""
    if name not in THREAD_METHODS and name != "run":
        return None
    if (is_thread_class(obj) or _is_timer(obj)) and args and isinstance(args[0], ThreadHandle):
        return args[0], list(args[1:])
    if isinstance(obj, Super) and isinstance(obj.obj, ThreadHandle) and not (
            objects.super_finds(obj, name)):
        return obj.obj, list(args)
    return None


def method_is_step(obj: Any, name: str) -> bool:
    """Whether a method call on `obj` touches state other threads can see (a method of the
    program's own class is not: its body's steps are; a built-in or a primitive's method
    the object holds under that name is the call itself)."""
    if type(obj) is Instance:  # every call of a program's method comes here: kept short
        held = obj.attrs.get(name, MISSING)
        if held is MISSING:
            held = obj.cls.lookup(name)
        return type(held) in _HELD and _held_is_step(held)
    held = held_callee(obj, name)
    if held is not None:
        return _held_is_step(held)
    if is_thread_class(obj) or (isinstance(obj, Super) and isinstance(obj.obj, ThreadHandle)):
        return name in THREAD_METHODS and name != "run" and (  # `Thread.join(t)` …
            not isinstance(obj, Super) or not objects.super_finds(obj, name))
    if name == "run" and isinstance(obj, ThreadHandle):  # its target's steps are its own
        return False
    return isinstance(obj, (prim.Primitive, ThreadHandle, LibraryObject, *CONTAINERS)) and (
        not user_method(obj, name))


def stepping_method(callee: Any, args: list[Any], kwargs: dict[str, Any]
                    ) -> tuple[BoundMethod, list[Any], dict[str, Any]] | None:
    """A call of a primitive's (or a thread's, a shared container's) method that is a step,
    through any `functools.partial` around it or as `Thread.join(t)`, with the arguments it
    is called with; else None."""
    while isinstance(callee, Partial):
        args, kwargs = [*callee.args, *args], {**callee.kwargs, **kwargs}
        callee = callee.func
    if isinstance(callee, MethodDescriptor) and callee.owner == "Thread" and args and (
            isinstance(args[0], ThreadHandle)):  # `map(threading.Thread.join, threads)`
        callee, args = BoundMethod(args[0], callee.name), args[1:]
    if isinstance(callee, BoundMethod) and method_is_step(callee.obj, callee.name):
        return callee, args, kwargs
    return None


def _held_is_step(held: BoundMethod | Builtin | Partial) -> bool:
    if isinstance(held, Builtin):
        return held.shared != "never"
    return stepping_method(held, [], {}) is not None


def held_callee(obj: Any, name: str) -> BoundMethod | Builtin | Partial | None:
    """What `obj.name(…)` calls when the program's object holds a primitive's method (or a
    partial of one) or a built-in under that name (`self.get = q.get`, `now = time.monotonic`
    in its class): a call that is a step, and may wait, as the same call written out is;
    else None."""
    if type(obj) is Instance:  # the common case, on every call of a program's method
        value = obj.attrs.get(name, MISSING)
        if value is MISSING:
            value = obj.cls.lookup(name)
    elif isinstance(obj, ThreadHandle):
        value = obj.attrs.get(name, MISSING) if obj.attrs else MISSING
        if value is MISSING:
            cls = class_of(obj)
            value = cls.lookup(name) if cls is not None else MISSING
    else:
        return None
    return value if type(value) in _HELD else None


#: What a program's object may hold that `obj.name()` then calls as the library's call.
_HELD = frozenset({BoundMethod, Builtin, Partial})


def user_method(obj: Any, name: str) -> bool:
    """Whether `obj.name` is found in the program's own class or object (or `super()`)."""
    if isinstance(obj, Super | UserClass | Instance):
        return True
    cls = class_of(obj)
    if cls is None:
        return isinstance(obj, ThreadHandle | Function) and name in obj.attrs
    return name in (getattr(obj, "attrs", None) or ()) or cls.lookup(name) is not MISSING


def takes_waiting(args: list[Any]) -> bool:
    """Whether a method's arguments hold results still to come (`", ".join(ex.map(…))`):
    then the call is a step, which waits for them."""
    return any(isinstance(arg, WaitingIter) for arg in args)


def walks_code(obj: Any, args: list[Any]) -> bool:
    """Whether a built-in value's method walks a generator (`", ".join(g)`, `items.extend(g)`):
    its code then runs first, as the thread's own (generators.collect)."""
    return type(obj) in SAFE_METHODS and to_collect(args) is not None


# -- attributes --------------------------------------------------------------------------------


def get_attribute(m: Machine, th: Thread, obj: Any, name: str) -> Any:
    """`obj.name`: the program's own objects first (their attributes are shared state), then
    what the engine gives every value, then its kind's own, then a built-in type's methods."""
    if isinstance(obj, Instance | UserClass | Super) or class_of(obj) is not None or (
            isinstance(obj, ThreadHandle | Function) and name in obj.attrs):
        value = objects.get(m, th, obj, name)
        if value is not MISSING:
            return value
        if isinstance(obj, Instance) and acts_as_value(obj.cls) and (
                name in SAFE_METHODS.get(type(obj.attrs["value"]), ())):
            return BoundMethod(obj.attrs["value"], name)  # `Color.RED.upper()`: its str's
        if isinstance(obj, Instance):
            return _getattr_hook(m, th, obj, name)
    value = _native_attribute(obj, name)
    if value is MISSING:
        for kind, read in _KIND_ATTRIBUTES:
            if isinstance(obj, kind):
                value = read(m, th, obj, name)
                break
    if value is MISSING:
        value = _builtin_attribute(obj, name)
    if value is MISSING and name == "__class__":  # `e.__class__.__name__`: `type(e)`
        value = UP.type_of(obj)
    if value is MISSING:
        raise _no_attribute(obj, name)
    return value


def _getattr_hook(m: Machine, th: Thread, obj: Instance, name: str) -> Any:
    """An instance without `name`: its class's `__getattr__` gets a say (a proxy delegates
    this way), but never for a dunder name, which CPython looks up on the type alone."""
    hook = obj.cls.lookup("__getattr__")
    if isinstance(hook, Function) and not name.startswith("__"):
        return call_now(m, th, hook, [obj, name])
    raise _no_attribute(obj, name)


def _native_attribute(obj: Any, name: str) -> Any:
    """What the engine gives types and functions of its own, whatever their kind:
    `threading.Thread.__init__`, `object.__new__`, `f.__name__`; else MISSING."""
    method = _native_method(obj, name)
    if method is not None:
        return method
    if name == "__name__":
        own = _own_name(obj)
        if own is not None:
            return own
    if name == "__doc__" and isinstance(obj, Function):  # unless its dict has one (wraps)
        return obj.code.doc
    return MISSING


def _native_method(obj: Any, name: str) -> Any:
    """`threading.Thread.__init__(self, …)`, `object.__new__(cls)`: a method the engine
    writes itself for a built-in class a program's class may call through, else None."""
    if name == "__init__" and (isinstance(obj, ExceptionClass) or is_thread_class(obj)
                               or _is_timer(obj)):
        return objects.native_init(obj)
    if isinstance(obj, Builtin) and obj.key == "object" and f"object.{name}" in objects.NATIVES:
        return objects.NATIVES[f"object.{name}"]
    return None


def _property_attribute(m: Machine, th: Thread, obj: Property, name: str) -> Any:
    """`prop.getter`, `prop.fget`: a property's own methods and functions."""
    method = property_method(obj, name)
    return MISSING if method is None else method


def _local_attribute(m: Machine, th: Thread, obj: ThreadLocal, name: str) -> Any:
    """A `threading.local()`'s attribute: the asking thread's own, if it set one."""
    space = obj.data.get(th.tid, {})
    if name not in space:
        raise fail("AttributeError", f"'_thread._local' object has no attribute '{name}'")
    return space[name]


def _thread_attribute(m: Machine, th: Thread, obj: ThreadHandle, name: str) -> Any:
    """A thread object's properties, read from the thread itself (a rename shows at once),
    and `threading.Thread`'s methods."""
    target = m.threads[obj.tid]
    if name == "name":
        return target.name
    if name == "daemon":
        return target.daemon
    if name == "ident" or name == "native_id":
        if target.state == NEW:
            return None
        return obj.tid if name == "ident" else PID + obj.tid
    if name in THREAD_METHODS:
        return BoundMethod(obj, name)
    return MISSING


def _primitive_attribute(m: Machine, th: Thread, obj: prim.Primitive, name: str) -> Any:
    """A lock's, an event's… properties (`sem._value`) and methods, from its class's tables."""
    prop = type(obj).PROPERTIES.get(name)
    if prop is not None:
        return prop(obj)
    if name in type(obj).METHODS:
        return BoundMethod(obj, name)
    return MISSING


#: An exception's attributes that chain it to others, which a program may set.
_CHAINING = frozenset({"__cause__", "__context__", "__suppress_context__"})


def _set_chaining(exc: SimException, name: str, value: Any) -> None:
    """`e.__cause__ = x` (which also suppresses the context, as `raise … from` does),
    `e.__context__ = x`, `e.__suppress_context__ = flag`, checked as CPython checks them."""
    if name == "__suppress_context__":
        if not isinstance(value, bool):
            raise fail("TypeError", "attribute value type must be bool")
    elif value is not None and not isinstance(value, SimException):
        what = "cause" if name == "__cause__" else "context"
        raise fail("TypeError", f"exception {what} must be None or derive from BaseException")
    attrs = exc.attrs
    if attrs is None:
        attrs = {}
        object.__setattr__(exc, "attrs", attrs)
    attrs[name] = value
    if name == "__cause__":
        attrs["__suppress_context__"] = True


def _exception_attribute(m: Machine, th: Thread, obj: SimException, name: str) -> Any:
    """An exception's `args`, its `__cause__` (None unless `raise … from` set it), its
    `__context__` (the exception a `raise` in an `except` block handled), and a SystemExit's
    `code` and a StopIteration's `value`, worked out from its arguments as CPython does."""
    if name == "args":
        return obj.args
    if name in ("__cause__", "__context__"):
        return (obj.attrs or {}).get(name)
    if name == "__suppress_context__":  # `raise … from` sets it, `from None` too
        attrs = obj.attrs or {}
        return attrs.get(name, "__cause__" in attrs)
    if name == "__traceback__":
        return traceback_value(obj.tb, m.program.filename)
    if name == "__notes__":  # what `add_note` added, if anything
        notes = (obj.attrs or {}).get(name)
        return MISSING if notes is None else notes
    if name in ("add_note", "with_traceback"):
        return BoundMethod(obj, name)
    if name == "code" and obj.type == "SystemExit":
        return obj.args[0] if len(obj.args) == 1 else (obj.args or None)
    if name == "value" and obj.type == "StopIteration":
        return obj.args[0] if obj.args else None
    if name in ("errno", "strerror", "filename") and is_subclass(obj.type, "OSError"):
        if name == "filename":
            return (obj.attrs or {}).get(name)
        paired = len(obj.args) >= 2
        return obj.args[name == "strerror"] if paired else None
    return MISSING


def _method_attribute(m: Machine, th: Thread, obj: Method, name: str) -> Any:
    """A bound method's `__self__`, `__func__` and (its function's) `__name__`."""
    if name == "__name__":
        return get_attribute(m, th, obj.fn, name)
    if name == "__self__":
        return obj.obj
    if name == "__func__":
        return obj.fn
    return MISSING


def _library_attribute(m: Machine, th: Thread, obj: LibraryObject, name: str) -> Any:
    """A library object's attributes and methods, as its class declares them."""
    if name in obj.ATTRIBUTES:
        return obj.attribute(name)
    if name in obj.METHODS:
        return BoundMethod(obj, name)
    return MISSING


def _partial_attribute(m: Machine, th: Thread, obj: Partial, name: str) -> Any:
    """A `functools.partial`'s `func`, `args` and `keywords`."""
    if name == "func":
        return obj.func
    if name == "args":
        return obj.args
    if name == "keywords":
        return obj.kwargs
    return MISSING


def _field_attribute(m: Machine, th: Thread, obj: tuple[Any, ...], name: str) -> Any:
    """A field of a library's named tuple (`wait(fs).done`), or its `_fields`."""
    fields = getattr(type(obj), "_fields", ())
    if name in fields:
        return getattr(obj, name)
    if name == "_fields" and fields:
        return fields
    return MISSING


#: Each kind of value's own attributes: the first kind `obj` is gives them, or MISSING.
_KIND_ATTRIBUTES: tuple[tuple[type, Callable[[Machine, Thread, Any, str], Any]], ...] = (
    (Property, _property_attribute),
    (ThreadLocal, _local_attribute),
    (ThreadHandle, _thread_attribute),
    (prim.Primitive, _primitive_attribute),
    (SimException, _exception_attribute),
    (Method, _method_attribute),
    (Partial, _partial_attribute),
    (LibraryObject, _library_attribute),
    (tuple, _field_attribute),
)


def _builtin_attribute(obj: Any, name: str) -> Any:
    """A built-in value's allowed methods (`items.append`), a built-in type's (`str.lower`),
    and the attributes a library module gives its types; else MISSING."""
    if name in SAFE_METHODS.get(type(obj), ()):
        return BoundMethod(obj, name)
    descriptor = _descriptor(obj, name)
    if descriptor is not None:
        return descriptor
    read = ATTRIBUTES.get(type(obj))
    return MISSING if read is None else read(obj, name)


#: Attributes of a library module's types (a namedtuple's fields, a deque's `maxlen`):
#: type → read(obj, name), which gives MISSING for a name the type does not have.
ATTRIBUTES: dict[type, Callable[[Any, str], Any]] = {}

#: The parts every number has (`z.real`, `z.imag`), and those of an int (a fraction's).
_NUMBER_PARTS: dict[str, Callable[[Any], Any]] = {
    "real": operator.attrgetter("real"), "imag": operator.attrgetter("imag")}
_INT_PARTS: dict[str, Callable[[Any], Any]] = {
    **_NUMBER_PARTS, "numerator": operator.attrgetter("numerator"),
    "denominator": operator.attrgetter("denominator")}


def _number_part(parts: dict[str, Callable[[Any], Any]]) -> Callable[[Any, str], Any]:
    return lambda number, name: parts[name](number) if name in parts else MISSING


ATTRIBUTES.update({int: _number_part(_INT_PARTS), bool: _number_part(_INT_PARTS),
                   float: _number_part(_NUMBER_PARTS), complex: _number_part(_NUMBER_PARTS)})


def _descriptor(obj: Any, name: str) -> MethodDescriptor | None:
    """`str.lower`: a method of a built-in type, taken from the type."""
    if name in THREAD_METHODS | {"run"} and is_thread_class(obj) and not isinstance(
            obj, UserClass):
        return MethodDescriptor("Thread", name)  # `threading.Thread.join(self)`
    if isinstance(obj, Builtin) and not obj.module and obj.name in _CLASS_TYPES and (
            name in SAFE_METHODS.get(_CLASS_TYPES[obj.name], ())):
        return MethodDescriptor(obj.name, name)
    if isinstance(obj, Builtin) and obj.key == "collections.OrderedDict" and name == "fromkeys":
        return MethodDescriptor("OrderedDict", name)  # its other methods are not taken so
    return None


def _own_name(obj: Any) -> str | None:
    """`obj.__name__` of a function, a class or a primitive's method (`lock.acquire`)."""
    if isinstance(obj, Function):
        return obj.name
    if isinstance(obj, Builtin | BoundMethod):
        return obj.name
    if isinstance(obj, ExceptionClass):  # `io.UnsupportedOperation` is its module's
        return obj.name.rpartition(".")[2]
    if isinstance(obj, TypeValue):
        return obj.short
    return None


def delete_attribute(m: Machine, th: Thread, obj: Any, name: str) -> None:
    """`del obj.name`: only the program's own objects and classes hold deletable ones; an
    object whose class has its own `__delattr__` calls it."""
    hook = obj.cls.lookup("__delattr__") if type(obj) is Instance else MISSING
    if isinstance(hook, Function):
        call_now(m, th, hook, [obj, name])
        return
    if isinstance(obj, Instance | UserClass | ThreadHandle) or class_of(obj) is not None:
        objects.delete(m, th, obj, name)
        return
    raise _no_dict(obj, name)


def set_attribute(m: Machine, th: Thread, obj: Any, name: str, value: Any) -> None:
    if type(obj) is Instance and (hook := setattr_hook(obj.cls)) is not None:
        call_now(m, th, hook, [obj, name, value])  # `setattr(obj, …)`: its own __setattr__
        return
    if isinstance(obj, SimException) and name in _CHAINING:  # any exception's, checked
        _set_chaining(obj, name, value)
        return
    if objects.set_value(m, th, obj, name, value):
        return
    if isinstance(obj, ThreadLocal):
        obj.data.setdefault(th.tid, {})[name] = value
        return
    if isinstance(obj, LibraryObject) and name in obj.SETTABLE:
        obj.set_attribute(name, value)
        return
    if isinstance(obj, prim.Primitive) and name in type(obj).SETTERS:
        type(obj).SETTERS[name](obj, value)
        return
    if isinstance(obj, ThreadHandle):
        objects.set_thread_state(m, obj, name, value)
        return
    raise _no_dict(obj, name)


def _no_dict(obj: Any, name: str) -> Exception:
    """CPython 3.13's error for setting or deleting an attribute of a built-in value."""
    return fail("AttributeError", f"'{type_name(obj)}' object has no attribute '{name}' and "
                                  f"no __dict__ for setting new attributes")


# -- threads -----------------------------------------------------------------------------------

#: CPython 3.13's deprecated accessors (a DeprecationWarning there), each the attribute it
#: reads, or sets with its parameter's name.
_OLD_GETTERS = {"getName": "name", "isDaemon": "daemon"}
_OLD_SETTERS = {"setName": ("name", "name"), "setDaemon": ("daemon", "daemonic")}
THREAD_METHODS = frozenset({"start", "join", "is_alive", "cancel", "run", *_OLD_GETTERS,
                            *_OLD_SETTERS})


def _thread_method(m: Machine, th: Thread, handle: ThreadHandle, name: str, args: list[Any],
                   kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    target = m.threads[handle.tid]
    if name == "start":
        _python_method_args("Thread.start", (), args, kwargs)
        if not objects.initialized(handle):
            raise fail("RuntimeError", "thread.__init__() not called")
        if target.state != NEW:
            raise fail("RuntimeError", "threads can only be started once")
        run = handle.cls.lookup("run") if handle.cls is not None else MISSING
        if run is not MISSING:  # a subclass's run() is what the thread runs
            target.target, target.args, target.kwargs = Method(run, handle), (), {}
        start_thread(m, target)
        m.handoff = target.tid
        return True, None, f"start {target.name}"
    if name == "join":
        return _join(m, th, handle, target, args, kwargs)
    if name == "run":  # called, not started: the target runs in the calling thread
        _python_method_args("Thread.run", (), args, kwargs)
        return call_value(m, th, objects.NATIVES["Thread.run"], [handle], {})
    if name == "is_alive":
        _python_method_args("Thread.is_alive", (), args, kwargs)
        alive = target.state == ALIVE
        return True, alive, f"{target.name}.is_alive() → {alive}"
    if name == "cancel":  # a Timer's
        _python_method_args("Timer.cancel", (), args, kwargs)
        return cancel_timer(m, th, handle)
    if name in _OLD_GETTERS:
        _python_method_args(f"Thread.{name}", (), args, kwargs)
        deprecation.warn(m, th, name)
        value = get_attribute(m, th, handle, _OLD_GETTERS[name])
        return True, value, f"{target.name}.{name}() → {shown(value)}"
    if name in _OLD_SETTERS:
        attribute, parameter = _OLD_SETTERS[name]
        (value,) = _python_method_args(f"Thread.{name}", (parameter,), args, kwargs)
        deprecation.warn(m, th, name)
        set_attribute(m, th, handle, attribute, value)
        return True, None, f"{target.name}.{name}({shown(value)})"
    raise _no_attribute(handle, name)


#: Each kind of value's methods: the first kind `obj` is runs `obj.name(…)`.
_KIND_METHODS: tuple[tuple[type, Callable[..., tuple[bool, Any, str]]], ...] = (
    (prim.Primitive, _primitive_method),
    (ThreadHandle, _thread_method),
    (ThreadLocal, _local_method),
    (LibraryObject, _library_method),
    (Generator, _generator_method),
    (SimException, _exception_method),
)


def _join(m: Machine, th: Thread, handle: ThreadHandle, target: Thread, args: list[Any],
          kwargs: dict[str, Any]) -> tuple[bool, Any, str]:
    """`t.join(timeout)`: one step, or with a timeout on a running thread two: *wait* (up to
    the timeout, on the virtual clock) and then see it finished, or time out."""
    w = th.wait
    if w is not None and w.obj is handle:
        th.wait = None
        if target.state == ALIVE:
            prim.time_out(m, w)
            return True, None, f"join {target.name}: times out, still running"
        return True, None, f"join {target.name}: it has finished"
    (timeout,) = prim.bind("join", tuple(args), kwargs, ("timeout",), (None,))
    if target.state == NEW:
        raise fail("RuntimeError", "cannot join thread before it is started")
    if target is th:
        raise fail("RuntimeError", "cannot join current thread")
    if timeout is not None and not isinstance(timeout, int | float):  # `max(timeout, 0)`
        raise fail("TypeError", f"'>' not supported between instances of 'int' and "
                                f"'{type_name(timeout)}'")
    if target.state == ALIVE:
        if timeout is not None and prim.positive(timeout):
            th.wait = prim.Wait(handle, True)  # type: ignore[arg-type]
            prim.start_timer(m, th, th.wait, timeout)
            return False, PENDING, f"join {target.name}: waits up to {shown(timeout)} s"
        return True, None, f"join {target.name}: times out, still running"
    return True, None, f"join {target.name}: it has finished"


def _python_method_args(qualname: str, params: tuple[str, ...], args: list[Any],
                        kwargs: dict[str, Any]) -> list[Any]:
    """The arguments of a method CPython writes in Python (after `self`), bound with the
    messages of a Python function's TypeError."""
    if len(args) > len(params):
        takes = len(params) + 1
        raise fail("TypeError", f"{qualname}() takes {takes} positional "
                                f"{'argument' if takes == 1 else 'arguments'} but "
                                f"{len(args) + 1} were given")
    values = dict(zip(params, args, strict=False))
    for key, value in kwargs.items():
        if key not in params:
            raise fail("TypeError", f"{qualname}() got an unexpected keyword argument '{key}'")
        if key in values:
            raise fail("TypeError", f"{qualname}() got multiple values for argument '{key}'")
        values[key] = value
    for param in params:
        if param not in values:
            raise fail("TypeError", f"{qualname}() missing 1 required positional argument: "
                                    f"'{param}'")
    return [values[p] for p in params]


def _join_ready(m: Machine, th: Thread, handle: ThreadHandle, args: list[Any],
                kwargs: dict[str, Any]) -> str | None:
    target = m.threads[handle.tid]
    timeout = args[0] if args else kwargs.get("timeout")
    if target.state != ALIVE or target is th or timeout is not None:
        return None
    return f"waiting for {target.name} to finish (join)"


def _is_timer(value: Any) -> bool:
    """Whether `value` is `threading.Timer` (`threading.Timer.__init__(self, …)`)."""
    return getattr(value, "key", None) == "threading.Timer"


UP.call_value = call_value
UP.call_in_thread = call_in_thread
