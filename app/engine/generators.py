"""Generators: a function with `yield` in it, run a piece at a time.

Calling a generator function makes a `Generator` holding the function's frame, not started.
Resuming it pushes that frame on the resuming thread's frames, so the body runs as that
thread's code, a step at a time (a `print` or a lock inside it is a step of that thread);
YIELD pops the frame again and hands the value to whoever resumed it, which `after` says:

- a `for` loop (FOR_ITER): the value lands on the loop's stack; at the generator's end the
  loop ends (`resume(..., ("loop", pc))`);
- `next(g[, default])` and `g.send(v)`: the value is the call's result; the end is
  StopIteration, or the default (`("call",)`, `("call", default)`);
- a built-in that takes every item (`list(g)`, `sum(g)`, `sorted(g)`, `"".join(g)`): the
  generator first runs to its end as the thread's own code, its items gathered (`collect`:
  a YIELD keeps going, `("collect", items)`), and the call is then made again on them; so a
  `f.result()` in `sum(f.result() for f in fs)` waits as it would in a loop;
- one that may stop early (`any(g)`, `zip(g, xs)`, `x in g`): the generator runs inside
  that built-in's step, as far as the built-in asks (`Pulled`), as a key function does
  (nested.py): its own steps are not recorded;
- a `@contextmanager`'s `__enter__` (`("enter",)`: its end is CPython's "generator didn't
  yield") and `__exit__` (`("exit", result, words)`: its end gives `result`, a `yield` is
  the RuntimeError `words` say).

The frame is suspended state like any other: snapshots write it with the generator. A
generator two threads share is resumed by one at a time: resuming it while its frame is on a
thread's frames is CPython's `ValueError: generator already executing`.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Any

from .binding import bind_params
from .classes import Instance, UserClass, as_exception
from .code import Instr
from .errors import BudgetError
from .iterators import LazyIter, SeqIter, WaitingIter
from .machine import MAX_DEPTH, OUTER, Frame
from .nested import Allowance, run_to
from .protocols import UserIter, user_iter
from .special import iterable
from .threadstate import BREAKER
from .upcalls import PENDING
from .values import ExceptionClass, SimException, Thrown, fail, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread
    from .values import Function

CREATED, SUSPENDED, RUNNING, DONE = "created", "suspended", "running", "done"
#: `after` for a resumption by a built-in that drains the generator.
NESTED = ("nested",)
#: What a drained generator's end leaves on the resumer's stack.
_END: Any = object()
#: A built-in's result meaning "a generator's frame was pushed: its YIELD delivers the value".
PUSHED: Any = object()


class Generator:
    """A generator object. Its frame's `cleanup` is the generator itself: an exception that
    unwinds the frame ends the generator (`__call__`)."""

    __slots__ = ("name", "kind", "frame", "state", "after", "returned")
    #: FOR_NEXT leaves the next item to FOR_ITER, which resumes the generator; FOR_ITER is a
    #: step only for `shared is True` (a list's items): a generator's steps are its own code's.
    shared = 1
    #: A built-in that walks it runs its code inside the call: the call is a step (builtin.py).
    runs_code = True

    def __init__(self, name: str, frame: Frame, kind: str = "generator") -> None:
        self.name = name
        #: Its type's name: "generator", or the built-in iterator its code is (lazy.py: `map`,
        #: `filter`, `zip`, `enumerate`), which has none of a generator's methods.
        self.kind = kind
        self.frame = frame
        self.state = CREATED
        self.after: tuple[Any, ...] = NESTED
        #: What its `return` gave (a `yield from` over it takes it as its value).
        self.returned: Any = None
        frame.cleanup = self

    def __call__(self, m: Machine, th: Thread) -> None:
        self.state = DONE

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        """`after` comes as its items (snapshot.py): a tuple several generators share
        (NESTED) is then one object neither in a snapshot nor in the state made from it."""
        self.name, self.kind, self.frame, self.state, self.returned, *after = state
        self.after = tuple(after)

    @property
    def type_name(self) -> str:
        return self.kind

    def __repr__(self) -> str:
        if self.kind != "generator":
            return f"<{self.kind} object>"
        return f"<generator object {self.name}>"


def make_generator(fn: Function, args: list[Any], kwargs: dict[str, Any],
                   kind: str = "generator") -> Generator:
    """What calling the generator function `fn` returns: its frame, bound, not started."""
    local_vars = bind_params(fn, args, kwargs)
    if fn.closure is not None:
        local_vars[OUTER] = fn.closure
    frame = Frame(fn.code, local_vars, fn.closure)
    return Generator(fn.code.qualname or fn.code.name, frame, kind)


def resume(m: Machine, th: Thread, gen: Generator, after: tuple[Any, ...], sent: Any = None
           ) -> None:
    """Run `gen` in `th` from where it stopped, `sent` the value of its `yield`; `after`
    says where its next value (or its end) goes."""
    if gen.state == RUNNING:
        raise fail("ValueError", "generator already executing")
    if gen.state == DONE:
        gen.after = after
        ended(th, gen, None)
        return
    if gen.state == CREATED and sent is not None:
        raise fail("TypeError", "can't send non-None value to a just-started generator")
    if len(th.frames) >= MAX_DEPTH:
        raise fail("RecursionError", "maximum recursion depth exceeded")
    if gen.state == SUSPENDED:
        gen.frame.stack.append(sent)
    gen.state = RUNNING
    gen.after = after
    th.frames.append(gen.frame)
    th.brk = BREAKER


def throw(m: Machine, th: Thread, gen: Generator, after: tuple[Any, ...], exc: SimException
          ) -> None:
    """`gen.throw(exc)`: raise `exc` at the `yield` where `gen` stopped. A handler of its own
    (`except`, `finally`) takes it there, and the generator runs on in `th`, `after` saying
    where its next value or its end goes; else the exception ends the generator and goes on
    from here. One not started or already ended just raises it, as in CPython."""
    if gen.state == RUNNING:
        raise fail("ValueError", "generator already executing")
    if gen.state != SUSPENDED:
        gen.state = DONE
        raise Thrown(exc)
    inner = _delegate(gen)
    if inner is not None and exc.type == "GeneratorExit":
        close(m, th, inner)
    elif inner is not None:
        _throw_through(m, th, gen, inner, after, exc)
        return
    gen.state = RUNNING
    gen.after = after
    th.frames.append(gen.frame)
    th.brk = BREAKER
    left = m.deliver(th, exc, len(th.frames) - 1)
    if left is not None:
        raise Thrown(left)


def _delegate(gen: Generator) -> Generator | None:
    """The generator `gen` is stopped in a `yield from` of, if any."""
    f = gen.frame
    stopped = f.code.instrs[f.pc - 1]
    if stopped.op != "YIELD" or not stopped.arg:
        return None
    inner = f.stack[-1]
    return inner if type(inner) is Generator and inner.kind == "generator" else None


def _throw_through(m: Machine, th: Thread, gen: Generator, inner: Generator,
                   after: tuple[Any, ...], exc: SimException) -> None:
    """`gen.throw(exc)` while `gen` is in `yield from inner`: thrown into `inner`, as CPython
    does, with `gen` running again at its YIELD; what `inner` yields `gen` yields, its end
    ends the `yield from`, and what comes out of it is raised in `gen` there."""
    f = gen.frame
    f.pc -= 1  # at its YIELD again, the SEND before it: its end jumps past the loop
    gen.state = RUNNING
    gen.after = after
    th.frames.append(f)
    th.brk = BREAKER
    try:
        throw(m, th, inner, ("loop", f.code.instrs[f.pc - 1].arg.pc), exc)
    except Thrown as e:
        left = m.deliver(th, e.exc, len(th.frames) - 1)
        if left is not None:
            raise Thrown(left) from None


def close(m: Machine, th: Thread, gen: Generator) -> None:
    """`gen.close()`: GeneratorExit thrown in at its `yield`, so that its `finally` (or a
    `with` around the `yield`) runs, inside this step, as a key function would. Its end, or
    GeneratorExit coming out, is a clean close; a `yield` instead is CPython's RuntimeError."""
    if gen.state == RUNNING:
        raise fail("ValueError", "generator already executing")
    if gen.state != SUSPENDED:
        gen.state = DONE
        return
    depth = len(th.frames)
    try:
        throw(m, th, gen, NESTED, SimException("GeneratorExit"))
        run_to(m, th, depth, Allowance(m))
    except Thrown as e:
        if e.exc.type == "GeneratorExit":
            return
        raise
    if th.frames[-1].stack.pop() is not _END:  # it yielded again
        raise fail("RuntimeError", "generator ignored GeneratorExit")


def ended(th: Thread, gen: Generator, value: Any) -> None:
    """`gen` has returned `value` (its frame already popped): tell whoever resumed it."""
    gen.state = DONE
    gen.returned = value
    after = gen.after
    caller = th.frames[-1]
    if after[0] == "loop":
        caller.stack.pop()
        caller.pc = after[1]
    elif after[0] == "call":
        if len(after) == 1:
            raise Thrown(SimException("StopIteration", () if value is None else (value,)))
        caller.stack.append(after[1])
    elif after[0] == "enter":
        raise Thrown(SimException("RuntimeError", ("generator didn't yield",)))
    elif after[0] == "exit":
        caller.stack.append(after[1])
    elif after[0] == "collect":  # the call that walks it is made again, on its items
        stack = caller.stack
        at = next(i for i in range(len(stack) - 1, -1, -1) if stack[i] is gen)
        stack[at] = LazyIter(after[1], False, "list_iterator")
    else:
        caller.stack.append(_END)


def yield_value(line: int, col: int, delegating: bool = False) -> Instr:
    """YIELD: suspend the generator whose frame is on top, its value to the resumer.
    `delegating`: the YIELD of a `yield from`, where `throw` goes on to the iterator."""
    def run(m: Machine, th: Thread) -> None:
        frames = th.frames
        f = frames[-1]
        gen = f.cleanup
        if gen.after[0] == "collect":  # it goes on, as `next` would resume it
            items = gen.after[1]
            items.append(f.stack[-1])
            f.stack[-1] = None
            f.pc += 1
            limit = m.program.budgets.items
            if len(items) > limit:
                raise BudgetError(f"a generator gave more than {limit:,} items to one "
                                  f"built-in (the limit for one sequence)")
            return
        frames.pop()
        value = f.stack.pop()
        f.pc += 1
        gen.state = SUSPENDED
        th.brk = BREAKER
        if gen.after[0] == "exit":  # a context manager's generator that does not stop
            raise Thrown(SimException("RuntimeError", (gen.after[2],)))
        frames[-1].stack.append(value)
    return Instr("YIELD", delegating or None, line, col, run)


class Pulled:
    """A generator or iterator as the host's built-ins iterate it (`sum`, `any`, `zip`, a
    sort): each item is taken when they ask for it, so `any(g)` stops at the first true item
    and `zip(g, xs)` at the shortest, as in CPython. A generator's frame runs inside the
    current step; every item it makes shares one Allowance, and the items one built-in takes
    stop at the items budget."""

    __slots__ = ("m", "th", "source", "allowance", "taken")

    def __init__(self, m: Machine, th: Thread, source: Generator) -> None:
        self.m, self.th, self.source = m, th, source
        self.allowance = Allowance(m)
        self.taken = 0

    def __iter__(self) -> Pulled:
        return self

    def __next__(self) -> Any:
        th = self.th
        depth = len(th.frames)
        resume(self.m, th, self.source, NESTED)
        run_to(self.m, th, depth, self.allowance)
        value = th.frames[-1].stack.pop()
        if value is _END:
            raise StopIteration
        self.taken += 1
        limit = self.m.program.budgets.items
        if self.taken > limit:
            raise BudgetError(f"an iterator gave more than {limit:,} items to one built-in "
                              f"(the limit for one sequence)")
        return value


def to_collect(args: list[Any]) -> Generator | None:
    """The first generator among a call's arguments that has items left to give."""
    return next((a for a in args if type(a) is Generator and a.state != DONE), None)


def collect(m: Machine, th: Thread, gen: Generator) -> None:
    """Run `gen` to its end as `th`'s own code, gathering its items, for the call about to
    walk it (its instruction stays put: it runs again once `gen` has ended)."""
    resume(m, th, gen, ("collect", []))


def rest(m: Machine, th: Thread, value: Any) -> Any:
    """What a built-in that walks `value` walks: a generator as the items it has left, made
    as they are asked for (`Pulled`); an iterator as the list of its remaining items (it is
    then exhausted: they were computed when it was made); anything else itself."""
    if type(value) is Instance and iterable(value):
        value = user_iter(value)
    if type(value) is Generator:
        return Pulled(m, th, value)
    if isinstance(value, SeqIter) and value.endless:  # `zip(itertools.count(), xs)`
        return Drawn(m, value)
    if isinstance(value, WaitingIter) and value.called:  # `list(iter(f, sentinel))`
        return _called(m, th, value)
    if isinstance(value, SeqIter):
        items: list[Any] = []
        while True:
            has, item = value.next()
            if not has:
                return items
            items.append(item)
    return value


def _called(m: Machine, th: Thread, it: WaitingIter) -> list[Any]:
    """Every item of `iter(f, sentinel)` for a built-in: calls of `f`, inside the step, up
    to the sentinel (a call that would wait cannot, as a key function's cannot)."""
    items: list[Any] = []
    limit = m.program.budgets.items
    while True:
        has, item = it.take(m, th)
        if not has:
            return items
        if item is PENDING:
            th.wait = None  # it does not wait here: the call is refused instead
            raise fail("RuntimeError", "a call that waits cannot run inside a built-in that "
                                       "walks iter(callable, sentinel): walk it with a for loop")
        items.append(item)
        if len(items) > limit:
            raise BudgetError(f"an iterator gave more than {limit:,} items to one built-in "
                              f"(the limit for one sequence)")


class Drawn:
    """An endless iterator (`itertools.count()`) as a built-in walks it: an item at a time,
    as many as it asks for, up to the items budget."""

    __slots__ = ("source", "left")

    def __init__(self, m: Machine, source: SeqIter) -> None:
        self.source = source
        self.left = m.program.budgets.items

    def __iter__(self) -> Drawn:
        return self

    def __next__(self) -> Any:
        if self.left == 0:
            raise BudgetError("an endless iterator gave more items to one built-in than the "
                              "limit for one sequence")
        self.left -= 1
        has, value = self.source.next()
        if not has:
            raise StopIteration
        return value


def listed(m: Machine, th: Thread, value: Any) -> Any:
    """A generator or iterator as the list of its remaining items; anything else itself
    (`a, b = map(int, pair)`, `print(*g)`)."""
    if type(value) is Generator or isinstance(value, SeqIter | UserIter) or (
            type(value) is Instance and iterable(value)):
        return list(rest(m, th, value))
    return value


def unpacked(m: Machine, th: Thread, value: Any, n: int) -> Any:
    """What `a, b = value` takes of a generator or iterator: at most n + 1 items, as CPython
    stops at the first one too many (a generator's code after it does not run); anything
    else as `listed`."""
    if type(value) is Generator:
        return list(islice(Pulled(m, th, value), n + 1))
    if isinstance(value, SeqIter):
        items: list[Any] = []
        while len(items) <= n:
            has, item = value.next()
            if not has:
                break
            items.append(item)
        return items
    return listed(m, th, value)


def walked(m: Machine, th: Thread, args: tuple[Any, ...] | list[Any]) -> list[Any]:
    """`args` with each generator or iterator among them as `rest` makes it. One iterator
    given twice is one Python iterator (`zip(it, it)` pairs its items up)."""
    made: dict[int, Any] = {}
    out = []
    for a in args:
        if id(a) not in made:
            items = rest(m, th, a)
            twice = sum(x is a for x in args) > 1
            made[id(a)] = iter(items) if items is not a and twice else items
        out.append(made[id(a)])
    return out


def delegated(line: int, col: int) -> Instr:
    """The value of `yield from it`, `it` on the stack once the loop over it has ended: a
    generator's return value, None for any other iterator."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        it = f.stack[-1]
        f.stack[-1] = it.returned if type(it) is Generator else None
        f.pc += 1
    return Instr("DELEGATED", None, line, col, run)


def generator_method(m: Machine, th: Thread, gen: Generator, name: str, args: list[Any],
                     kwargs: dict[str, Any]) -> Any:
    """`gen.send(value)` and `gen.throw(exc)` (PUSHED, as `next`), and `gen.close()`."""
    if gen.kind != "generator":
        raise fail("AttributeError", f"'{gen.kind}' object has no attribute '{name}'")
    if kwargs:
        raise fail("TypeError", f"generator.{name}() takes no keyword arguments")
    if name == "send" and len(args) == 1:
        resume(m, th, gen, ("call",), args[0])
        return PUSHED
    if name == "close" and not args:
        close(m, th, gen)
        return None
    if name == "throw" and len(args) == 1:
        if not isinstance(args[0], SimException | ExceptionClass | UserClass):
            raise fail("TypeError", f"exceptions must be classes or instances deriving from "
                                    f"BaseException, not {type_name(args[0])}")
        throw(m, th, gen, ("call",), as_exception(args[0]))
        return PUSHED
    if name in ("send", "close"):
        takes = "exactly one argument" if name == "send" else "no arguments"
        raise fail("TypeError", f"generator.{name}() takes {takes} ({len(args)} given)")
    raise fail("AttributeError", f"'generator' object has no attribute '{name}'")
