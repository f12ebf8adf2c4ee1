"""Snapshots: a machine's whole state as bytes, which is both its copy and its identity.

Machines are copied this way (`clone`), and the explorer writes its states' parts with
the same writers (`parts`), keying a state kept whole by these bytes. Pickle walks the
state in C and keeps its aliasing (two names for one list stay one list, cycles included); our
own objects are written as a short tag and their fields (`Pickler.reducer_override`), and code
and built-ins as references, so a snapshot holds only what a step can change. Equal bytes mean
equal states: nothing a program could observe tells them apart. (The converse mostly holds
too; where it does not, say a dict built in another order, the explorer only merges fewer
states.)
"""

from __future__ import annotations

import io
import pickle
import weakref
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from .builtin import Builtin
from .classes import (
    ClassMethod,
    Field,
    Instance,
    Method,
    Property,
    StaticMethod,
    Super,
    UserClass,
)
from .code import Code
from .generators import Generator
from .iterators import LazyIter, SeqIter
from .library import BY_NAME
from .machine import Frame, Machine, Thread
from .primitives import Primitive, Wait
from .stdlib.future import Future
from .stdlib.random import Random
from .stdlib.time import reads_clock, rebase
from .threadstate import NO_BREAK
from .values import BoundMethod, ExceptionClass, Function, SimException, ThreadHandle, ThreadLocal

_CODES: weakref.WeakValueDictionary[int, Code] = weakref.WeakValueDictionary()
_thread_fields = attrgetter(*Thread.__slots__)
_frame_fields = attrgetter(*Frame.__slots__)
_wait_fields = attrgetter("obj", "timed", "notified", "timed_out", "saved", "index", "phase",
                          "deadline")


def _code(code: Code) -> tuple[Any, ...]:
    if _CODES.get(id(code)) is not code:
        _CODES[id(code)] = code
    return (rebuild, ("code", id(code)))


def _iter(it: SeqIter) -> tuple[Any, ...]:
    seq = it.seq
    if type(seq) is range:  # the common `for _ in range(n)`: no range object to pickle
        return (rebuild, ("range", seq.start, seq.stop, seq.step, it.i))
    return (rebuild, ("iter", seq, it.i, it.shared))


#: type → how to write it: (rebuild function, its arguments[, state set after creation]).
#: Objects that can sit on a reference cycle (a function's closure, a primitive's action)
#: get their contents as state, so pickle can create them first.
_WRITERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {
    Thread: lambda th: (rebuild, ("thread", _thread_fields(th))),
    Frame: lambda f: (rebuild, ("frame", _frame_fields(f))),
    SeqIter: _iter,
    Code: _code,
    Builtin: lambda b: (rebuild, ("builtin", b.key)),
    Function: lambda fn: (rebuild, ("function", fn.code, fn.defaults, fn.label),
                          (fn.closure, fn.owner, fn.attrs)),
    ThreadHandle: lambda h: (rebuild, ("handle", h.tid, h.name),
                             (h.cls, h.attrs, h.building)),
    SimException: lambda e: (rebuild, ("exception", e.type, e.args, e.cls, e.shown),
                             (e.attrs, e.tb)),
    UserClass: lambda c: (rebuild, ("userclass", c.name, c.qualname), c.__getstate__()),
    Instance: lambda o: (rebuild, ("instance", o.serial),
                         (o.cls, o.attrs, o.label, o.building)),
    Method: lambda b: (rebuild, ("bound", b.fn, b.obj)),
    Super: lambda b: (rebuild, ("super", b.owner, b.obj)),
    StaticMethod: lambda w: (rebuild, ("staticmethod", w.fn)),
    ClassMethod: lambda w: (rebuild, ("classmethod", w.fn)),
    Property: lambda w: (rebuild, ("property", w.fget, w.fset)),
    Field: lambda f: (rebuild, ("field", f.default, f.factory, f.repr, f.init, f.compare)),
    ExceptionClass: lambda c: (rebuild, ("class", c.name)),
    BoundMethod: lambda b: (rebuild, ("method", b.obj, b.name)),
    ThreadLocal: lambda t: (rebuild, ("local",), t.data),
    Wait: lambda w: (rebuild, ("wait", _wait_fields(w))),
    # Its hash is its number: a set holding it may be read back before its state is.
    Future: lambda f: (rebuild, ("future", f.number), f.__dict__),
    Random: lambda r: (rebuild, ("random", r.state())),
    LazyIter: lambda it: (rebuild, ("lazy", it.seq, it.i, it.shared, it.kind)),
    Generator: lambda g: (rebuild, ("generator",), (g.name, g.kind, g.frame, g.state,
                                                    g.returned, *g.after)),
}


def _new_thread(values: tuple[Any, ...]) -> Thread:
    th = Thread.__new__(Thread)
    (th.tid, th.name, th.target, th.args, th.kwargs, th.daemon, th.state, th.frames, th.wait,
     th.brk, th.handle, th.until) = values
    return th


def _new_frame(values: tuple[Any, ...]) -> Frame:
    f = Frame.__new__(Frame)
    f.code, f.pc, f.locals, f.stack, f.handlers, f.closure, f.cleanup = values
    return f


def _new_iter(seq: Any, i: int, shared: bool) -> SeqIter:
    it = SeqIter(seq, shared)
    it.i = i
    return it


def _new_lazy(seq: Any, i: int, shared: bool, kind: str) -> LazyIter:
    it = LazyIter(seq, shared, kind)
    it.i = i
    return it


def _new_range_iter(start: int, stop: int, step: int, i: int) -> SeqIter:
    return _new_iter(range(start, stop, step), i, False)


class _Function(Function):
    """Rebuilt in two steps (create, then set the closure) so closures may be cyclic."""

    __slots__ = ()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.closure, self.owner, self.attrs = state


def _new_future(number: int) -> Future:
    made = Future.__new__(Future)
    made.number = number
    return made


def _new_instance(serial: int) -> Instance:
    obj = Instance.__new__(Instance)
    obj.serial = serial
    return obj


class _Local(ThreadLocal):
    __slots__ = ()

    def __setstate__(self, data: dict[Any, Any]) -> None:
        self.data = data


_READERS: dict[str, Callable[..., Any]] = {
    "thread": _new_thread,
    "frame": _new_frame,
    "iter": _new_iter,
    "range": _new_range_iter,
    "code": lambda uid: _CODES[uid],
    "builtin": lambda name: BY_NAME[name],
    "function": lambda code, defaults, label: _Function(code, defaults, None, label),
    "handle": ThreadHandle,
    "exception": lambda type_, args, cls, shown: SimException(type_, args, cls, None, shown),
    "userclass": lambda name, qualname: UserClass(name, qualname, (), {}),
    "instance": _new_instance,
    "future": _new_future,
    "bound": Method,
    "super": Super,
    "staticmethod": StaticMethod,
    "classmethod": ClassMethod,
    "property": Property,
    "field": Field,
    "class": ExceptionClass,
    "method": BoundMethod,
    "local": lambda: _Local(),
    "wait": lambda values: Wait(*values),
    "primitive": lambda cls: cls.__new__(cls),
    "random": Random.restored,
    "lazy": _new_lazy,
    "generator": lambda: Generator.__new__(Generator),
}


def rebuild(kind: str, *args: Any) -> Any:
    """Read back an object written as `(rebuild, (kind, *args))`."""
    return _READERS[kind](*args)


def register_reader(kind: str, read: Callable[..., Any]) -> None:
    """How objects of `kind` are read back, for a module that writes some of its own (the
    explorer's parts write thread headers apart from their frames)."""
    if kind in _READERS:
        raise ValueError(f"a reader for {kind!r} exists already")
    _READERS[kind] = read


class Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        writer = _WRITERS.get(type(obj))
        if writer is not None:
            return writer(obj)
        if isinstance(obj, Primitive):
            return (rebuild, ("primitive", type(obj)), obj.__dict__)
        for kind in _REBUILT:  # an object rebuilt as a subclass of its kind
            if isinstance(obj, kind):
                return _WRITERS[kind](obj)
        return NotImplemented


#: Kinds a snapshot rebuilds as a subclass (to set their state after creating them).
_REBUILT = (Function, ThreadLocal)


def contents(m: Machine) -> tuple[Any, ...]:
    """What a step can change, in the order every snapshot writes it."""
    for th in m.threads:
        th.brk = NO_BREAK  # only the cpython policy reads it, and never across a snapshot
    if m.clock and not reads_clock(m.program):
        rebase(m)  # the same state to a program that cannot read the clock
    return (m.globals, m.threads, m.output, m.errors, m.unnamed, m.serial, m.live, m.rng,
            m.errput, m.clock, m.logging)


def rebuilt(like: Machine, values: tuple[Any, ...]) -> Machine:
    """A machine for the same program as `like`, holding `values` (read from `contents`)."""
    new = Machine.__new__(Machine)
    new.program = like.program
    (new.globals, new.threads, new.output, new.errors, new.unnamed, new.serial,
     new.live, new.rng, new.errput, new.clock, new.logging) = values
    new.printed = None  # counted again at the next print
    new.handoff = None
    return new


def snapshot(m: Machine) -> bytes:
    buffer = io.BytesIO()
    Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(contents(m))
    return buffer.getvalue()


def restore(like: Machine, data: bytes) -> Machine:
    """A machine for the same program as `like`, in the state `data` was taken in."""
    return rebuilt(like, pickle.loads(data))


def clone(m: Machine) -> Machine:
    return copied(m)[0]


def copied(m: Machine) -> tuple[Machine, int]:
    """A twin to go on with, and the bytes of its snapshot (what keeping it costs, about). A
    policy taking over from it sees the thread a `start()` just handed the GIL to, as it
    would on `m` (snapshots leave that out: states do not differ by it)."""
    data = snapshot(m)
    twin = restore(m, data)
    twin.handoff = m.handoff
    return twin, len(data)


#: The subclasses objects are rebuilt as, each standing for its first base.
REBUILT_KINDS = (_Function, _Local)
