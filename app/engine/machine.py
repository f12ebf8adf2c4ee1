"""The machine: threads, their frames, the shared state, and one atomic step at a time.

`enabled()` says which threads can move; `step(tid)` moves one of them by exactly one visible
instruction and then runs its local instructions up to the next visible one. Nothing here
chooses a thread: that is the scheduler's job (see `policies`).
One invariant the explorer relies on (app/engine/parts.py): a step of a thread reads and writes
the shared state and that thread's own frames, and looks at another thread only through its
header (name, state, what it waits for: `Thread` but its frames). A step that read another
thread's frames would make remembered steps wrong.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from .binding import bind_params
from .classes import Method
from .errors import BudgetError
from .threadstate import ALIVE, BREAKER, CRASHED, FINISHED, NEW, NO_BREAK
from .tracebacks import left_thread, lines, passing, thread_report
from .upcalls import UP
from .values import (
    OWN_TEXTS,
    BoundMethod,
    Function,
    SimException,
    ThreadHandle,
    Thrown,
    fail,
    type_name,
)

if TYPE_CHECKING:
    from .code import Code, Instr
    from .program import Program

T = TypeVar("T")


#: The key under which a nested function's frame keeps its own closure (the locals of the
#: function around it), so that a function nested in it reaches further out.
OUTER = ".outer"
#: Where `sys.setswitchinterval` keeps the interval it sets (a hidden variable, so snapshots
#: carry it), and CPython's default, in seconds (policies.CPython scales its slices by it).
SWITCH_INTERVAL = ".switchinterval"
#: The hidden variable of the program's `threading.excepthook`, and the name of the code that
#: calls it (app/engine/stdlib/threading.py).
EXCEPTHOOK = ".excepthook"
#: Where `atexit.register` keeps the functions to call once the main thread's code is over,
#: and the mark that it is over while the main thread calls them (stdlib/atexit.py).
AT_EXIT, SHUT_DOWN = ".atexit", ".shutdown"
HOOK_CODE_NAME = "<threading.excepthook>"
DEFAULT_SWITCH_INTERVAL = 0.005
#: Nested calls one thread may make before RecursionError (CPython's default limit).
MAX_DEPTH = 1000
#: The simulated process's id (`os.getpid()`), fixed so that a run is a pure function of its
#: program and schedule. A thread's native id is PID + its index, MainThread's the pid itself,
#: as on Linux.
PID = 4242
#: The virtual clock's start: `time.time()` is EPOCH_NS + `Machine.clock` nanoseconds, 2026-01-01
#: 00:00:00 UTC (the simulated process runs in UTC), so that a run is a pure function of its
#: program and schedule. See stdlib/time.py for how time passes.
EPOCH_NS = 1_767_225_600 * 10**9


def seconds_ns(seconds: Any, what: str = "an integer") -> int:
    """A duration in seconds as nanoseconds, rounded up as CPython rounds a timeout; CPython's
    TypeError for anything but a number."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise fail("TypeError", f"'{type_name(seconds)}' object cannot be interpreted as "
                                f"{what}")
    if isinstance(seconds, int):
        return seconds * 10**9
    if math.isnan(seconds):
        raise fail("ValueError", "Invalid value NaN (not a number)")
    whole = math.floor(seconds)
    return whole * 10**9 + math.ceil((seconds - whole) * 1e9)


#: Python exceptions that local computation raises on user values; they become the program's own.
USER_ERRORS = (ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
               RecursionError, BufferError)

#: Messages the host interpreter (3.11/3.12) words differently from CPython 3.13, the model.
MESSAGES_3_13 = {
    "max() arg is an empty sequence": "max() iterable argument is empty",
    "min() arg is an empty sequence": "min() iterable argument is empty",
    "float modulo": "float modulo by zero",
}


def program_error(e: Exception) -> SimException:
    """A Python exception raised on the program's values, as the program's own exception."""
    args = e.args
    if not all(isinstance(a, str | int | float | bool | None) for a in args):
        args = (str(e),)  # a host object in the arguments (decimal's signals): its text only
    if len(args) == 1 and args[0] in MESSAGES_3_13:
        args = (MESSAGES_3_13[args[0]],)
    if isinstance(e, RecursionError):  # the host's own words say where it ran out
        args = ("maximum recursion depth exceeded",)
    if isinstance(e, UnicodeError):  # (codec, text, start, end, reason): its text says them
        args = (str(e),)
    return SimException(type(e).__name__, args)


#: The machine and thread whose step is running, while a program with special methods runs,
#: and while any step makes a text of the program's values (`showing`).
RUNNING: ContextVar[tuple[Machine, Thread] | None] = ContextVar("running", default=None)


def showing(m: Machine, th: Thread, show: Callable[..., T], *args: Any) -> T:
    """`show(*args)`, which makes a text of the program's values, with RUNNING set: a thread
    object's text says its state (`<Thread(Thread-1, started 1)>`), which only the machine
    knows. (Setting RUNNING on every step would cost a program without special methods a
    quarter of its speed; only the steps that make a text pay here.)"""
    if RUNNING.get() is not None:
        return show(*args)
    token = RUNNING.set((m, th))
    try:
        return show(*args)
    finally:
        RUNNING.reset(token)


class LocalLoop(BudgetError):
    """A thread ran its budget of local instructions (`local_ops`) without a visible step."""


def callable_name(target: Any) -> str | None:
    """`target.__name__`, as CPython puts it in a default thread name."""
    if isinstance(target, Function):
        return target.name
    if isinstance(target, BoundMethod):
        return target.name
    if hasattr(target, "obj") and hasattr(target, "fn"):  # a classes.Method
        return callable_name(target.fn)
    return getattr(target, "name", None) if target is not None else None


class Frame:
    """One activation of a function: its position, locals, operand stack and handlers."""

    __slots__ = ("code", "pc", "locals", "stack", "handlers", "closure", "cleanup")

    def __init__(self, code: Code, local_vars: dict[str, Any], closure: dict[str, Any] | None
                 ) -> None:
        self.code = code
        self.pc = 0
        self.locals = local_vars
        self.stack: list[Any] = []
        #: (handler pc, stack depth) pairs, innermost last.
        self.handlers: list[tuple[int, int]] = []
        self.closure = closure
        #: Called if an exception unwinds this frame (a Barrier action breaks its barrier).
        self.cleanup: Any = None


class Thread:
    """A simulated thread. `wait` holds the state of a blocking call that takes several steps."""

    __slots__ = (
        "tid", "name", "target", "args", "kwargs", "daemon", "state", "frames", "wait", "brk",
        "handle", "until",
    )

    def __init__(self, tid: int, name: str, target: Any, args: tuple[Any, ...],
                 kwargs: dict[str, Any],
                 daemon: bool) -> None:
        self.tid = tid
        self.name = name
        self.target = target
        self.args = args
        self.kwargs = kwargs
        self.daemon = daemon
        self.state = NEW
        self.frames: list[Frame] = []
        self.wait: Any = None
        #: NO_BREAK, BREAKER or YIELD (`threadstate`): the `cpython` policy switches threads
        #: only after an eval-breaker point, or at once after a YIELD.
        self.brk = NO_BREAK
        #: The program's `Thread` object for this thread: one, so `is` works as in CPython.
        self.handle = ThreadHandle(tid, name)
        #: After time.sleep: the virtual time (ns) it sleeps until. Its next step wakes it,
        #: moving the clock there if it is behind (`Machine.advance`).
        self.until: int | None = None

    @property
    def frame(self) -> Frame:
        return self.frames[-1]


class Machine:
    """The whole simulated process, within its program's budgets. Mutable; `copy()` gives an
    independent twin."""

    def __init__(self, program: Program, start: bool = True) -> None:
        """`start=False` leaves MainThread before its first local instructions, for a caller
        that wants a budget blown there (`x = 10**10**10`) as a result: it calls `begin()`."""
        self.program = program
        self.globals: dict[str, Any] = {}
        self.output: list[str] = []
        #: What the program wrote to stderr (logging's lines), kept apart from stdout: each
        #: text with how many texts `output` held then, which orders the two streams.
        self.errput: list[tuple[int, str]] = []
        #: Virtual time since the program started, in nanoseconds (stdlib/time.py).
        self.clock = 0
        #: The `logging` module's state (stdlib/logging.py), made at its first use.
        self.logging: Any = None
        #: The thread a `start()` just started, for the `cpython` policy: `Thread.start()`
        #: waits until the new thread runs (its `_started` Event), so that thread takes the
        #: GIL next. Not part of the state: the policy takes it at its next choice.
        self.handoff: int | None = None
        #: Characters in `output`, derived: a machine rebuilt from a snapshot counts them again.
        self.printed: int | None = 0
        #: Uncaught exceptions as (thread id, exception), in the order they happened.
        self.errors: list[tuple[int, SimException]] = []
        self.unnamed = 0
        #: Numbers the primitives a program creates, to name those no variable holds.
        self.serial = 0
        #: The `random` module's one generator, which every thread draws from
        #: (stdlib/random.py); made at its first use, so a program without it carries none.
        self.rng: Any = None
        main = Thread(0, "MainThread", None, (), {}, False)
        self.threads = [main]
        main.state = ALIVE
        #: Live non-daemon threads: the process ends when this reaches 0.
        self.live = 1
        main.frames.append(Frame(program.module, self.globals, None))
        if start:
            self.begin()

    def begin(self) -> None:
        token = RUNNING.set((self, self.threads[0]))
        try:
            self.settle(self.threads[0])
        finally:
            RUNNING.reset(token)

    # -- scheduling interface -------------------------------------------------------------

    def over(self) -> bool:
        """The process has ended: the main thread and every non-daemon thread are done."""
        return self.live == 0

    def can_run(self, th: Thread) -> bool:
        if th.state != ALIVE:
            return False
        f = th.frames[-1]
        guard = f.code.instrs[f.pc].guard
        return guard is None or guard(self, th)

    def enabled(self) -> list[int]:
        """Threads that can take a step now, by id. Empty once the process has ended."""
        if self.over():
            return []
        return [t.tid for t in self.threads if self.can_run(t)]

    def next_instr(self, th: Thread) -> Instr:
        f = th.frames[-1]
        return f.code.instrs[f.pc]

    def step(self, tid: int) -> Any:
        """Run thread `tid`'s next visible instruction, then its local ones. Returns the event."""
        th = self.threads[tid]
        f = th.frames[-1]
        return self.advance(th, f.code.instrs[f.pc])

    def advance(self, th: Thread, ins: Any) -> Any:
        """`step` for a caller that has already fetched the thread's next instruction."""
        if self.program.special and RUNNING.get() is None:
            token = RUNNING.set((self, th))  # its classes' special methods may run
            try:
                return self.advance(th, ins)
            finally:
                RUNNING.reset(token)
        if th.until is not None:  # the first step after a sleep: its time has passed
            if th.until > self.clock:
                self.clock = th.until
            th.until = None
        try:
            event = ins.run(self, th)
        except Thrown as e:
            event = ("raise", e.exc)
            self.unwind(th, e.exc, ins)
        except USER_ERRORS as e:
            exc = program_error(e)
            event = ("raise", exc)
            self.unwind(th, exc, ins)
        if th.state == ALIVE:
            f = th.frames[-1]
            if f.code.instrs[f.pc].visible is not True:
                self.settle(th)
        return event

    def settle(self, th: Thread) -> None:
        """Run local instructions until the thread sits on a visible one or ends."""
        budget = limit = self.program.budgets.local_ops
        while th.state == ALIVE:
            f = th.frames[-1]
            ins = f.code.instrs[f.pc]
            v = ins.visible
            if v is True or (v is not False and v(th)):
                return
            try:
                ins.run(self, th)
            except Thrown as e:
                self.unwind(th, e.exc, ins)
            except USER_ERRORS as e:
                self.unwind(th, program_error(e), ins)
            budget -= 1
            if not budget:
                raise LocalLoop(
                    f"{th.name} ran {limit:,} operations without touching shared state "
                    f"(line {program_line(th)}): an endless loop? (A long computation, such as a "
                    f"CPU-bound loop of millions of turns, is more than the simulator runs "
                    f"between two steps: make it shorter, or raise the budget of local "
                    f"operations, --max-local-ops.)"
                )

    def deliver(self, th: Thread, exc: SimException, depth: int = 0,
                ins: Instr | None = None) -> SimException | None:
        """Hand `exc` to the innermost handler in `th`'s frames above the first `depth`,
        popping (and cleaning up) the frames it leaves: None if one of them has one, else
        the exception as it left them (a StopIteration leaving a generator's frame is
        CPython's RuntimeError, PEP 479). `ins`: the instruction that raised it (its
        frame's line in the traceback)."""
        frames = th.frames
        if ins is not None and ins.op == "RAISE":  # `raise e`: this line, then where e was
            passing(exc, len(frames) - 1, frames[-1], ins, again=True)
        above = None
        while len(frames) > depth:
            f = frames[-1]
            passing(exc, len(frames) - 1, f, ins, above)
            above = f
            if f.handlers:
                pc, height = f.handlers.pop()
                del f.stack[height:]
                f.stack.append(exc)
                f.pc = pc
                return None
            frames.pop()
            if f.cleanup is not None:
                f.cleanup(self, th)
                # A special method a `for` loop called (`__next__`): its StopIteration ends
                # the loop, as CPython's FOR_ITER takes it (formatting.LoopItem).
                absorbs = getattr(f.cleanup, "absorbs", None)
                if absorbs is not None and absorbs(frames[-1], exc):
                    return None
            if exc.type == "StopIteration" and f.code.generator and f.code.first_line:
                exc = SimException("RuntimeError", ("generator raised StopIteration",),
                                   attrs={"__cause__": exc})
        return exc

    def unwind(self, th: Thread, exc: SimException, ins: Instr | None = None) -> None:
        """Deliver `exc` to the innermost handler, or end the thread with it (`ins`: the
        instruction that raised it)."""
        in_hook = any(f.code.name == HOOK_CODE_NAME for f in th.frames)
        hooked = not in_hook and EXCEPTHOOK in self.globals
        if not hooked and exc.type != "SystemExit" and not any(f.handlers for f in th.frames):
            exc = reported(exc)  # it ends the thread: its text, while its frames are there
        left = self.deliver(th, exc, ins=ins)
        if left is None:
            return
        exc = left
        if exc.type == "SystemExit":  # sys.exit(): the thread just ends
            self.end(th, FINISHED)
            return
        if th.tid:
            left_thread(exc, _run_of(th))
        if hooked and UP.excepthook(self, th, exc):
            return
        self.end(th, CRASHED)
        self.errors.append((th.tid, exc))
        # As CPython reports it: a thread's through threading.excepthook, MainThread's as the
        # interpreter prints an uncaught exception (the page also marks its line).
        self.write(thread_report(self.program, th.name, exc) if th.tid
                   else lines(self.program, exc), "stderr")

    # -- threads ---------------------------------------------------------------------------

    def new_thread(self, creator: Thread, name: str | None, target: Any, args: tuple[Any, ...],
                   kwargs: dict[Any, Any], daemon: bool | None) -> Thread:
        limit = self.program.budgets.threads
        if len(self.threads) >= limit:
            raise BudgetError(f"the program creates more than {limit} threads "
                              f"(the limit for one run)")
        if name is None:
            name = self.default_name(target)
        if daemon is None:
            daemon = creator.daemon  # CPython: a new thread inherits its creator's daemon flag
        th = Thread(len(self.threads), str(name), target, args, kwargs, daemon)
        self.threads.append(th)
        return th

    def default_name(self, target: Any) -> str:
        """The next `Thread-N`, with the target's name after it, as Thread.__init__ names a
        thread given no name."""
        self.unnamed += 1
        target_name = callable_name(target)
        return f"Thread-{self.unnamed}" + (f" ({target_name})" if target_name else "")

    def finish(self, th: Thread) -> None:
        self.end(th, FINISHED)

    def end(self, th: Thread, state: str) -> None:
        if th.tid == 0 and self.globals.get(AT_EXIT):  # first the atexit functions
            UP.at_exit(self, th)
            return
        th.state = state
        th.wait = None
        if not th.daemon:
            self.live -= 1

    # -- output ----------------------------------------------------------------------------

    def write(self, texts: list[str], stream: str = "stdout") -> None:
        """Print `texts`, joined, to `stream` ("stdout" or "stderr"): a BudgetError, and
        nothing printed, past the output budget, which both streams share (counted before the
        text is made: `print(*[s] * 1000)`)."""
        printed = self.printed
        if printed is None:
            printed = sum(map(len, self.output)) + sum(len(t) for _, t in self.errput)
        printed += sum(map(len, texts))
        limit = self.program.budgets.output
        if printed > limit:
            raise BudgetError(f"the program prints more than {limit:,} characters (the limit "
                              f"for one run)")
        if stream == "stderr":
            self.errput.append((len(self.output), "".join(texts)))
        else:
            self.output.append("".join(texts))
        self.printed = printed

    def lines(self, stream: str = "stdout") -> list[str]:
        """Printed output as lines (a trailing partial line counts as a line)."""
        return _lines("".join(t for _, t in self.errput) if stream == "stderr" else
                      "".join(self.output))

    def transcript(self) -> list[tuple[str, str]]:
        """Both streams' lines in the order they were written, each as (stream, line)."""
        runs: list[tuple[str, list[str]]] = []
        at = 0

        def add(stream: str, texts: list[str]) -> None:
            if runs and runs[-1][0] == stream:
                runs[-1][1].extend(texts)
            elif texts:
                runs.append((stream, list(texts)))

        for position, text in self.errput:
            add("stdout", self.output[at:position])
            at = max(at, position)
            add("stderr", [text])
        add("stdout", self.output[at:])
        return [(stream, line) for stream, texts in runs for line in _lines("".join(texts))]


def _run_of(th: Thread) -> str:
    """Whose `run` a thread runs (tracebacks.left_thread): a Thread subclass's own, a
    Timer's, or Thread's, which calls the target."""
    target = th.target
    if isinstance(target, Method) and getattr(target.fn.code, "name", "") == "run":
        return "own"
    if isinstance(target, Function) and target.code.name == "Timer.run":
        return "timer"
    return "target"


def program_line(th: Thread) -> int:
    """The line of the program's code `th` runs: the library's own code (a `map`'s loop) is
    at line 0, and the program's line is that of the code running it. 0 if none does (a
    thread pool's worker between two calls)."""
    for f in reversed(th.frames):
        line = f.code.instrs[min(f.pc, len(f.code.instrs) - 1)].line
        if line:
            return line
    return 0


def reported(exc: SimException) -> SimException:
    """The exception as a report words it (one that ends a thread, `traceback`'s, logging's
    `exception()`): one of a program's class with its own `__str__` keeps the text that
    gives, run now (a step is running), as CPython's report calls it; `<exception str()
    failed>` when it raises."""
    if exc.cls is None or exc.shown is not None:
        return exc
    try:
        text = next((t for own_text in OWN_TEXTS if (t := own_text(exc)) is not None), None)
    except Thrown:
        text = "<exception str() failed>"
    return exc if text is None else replace(exc, shown=text)


def _lines(text: str) -> list[str]:
    """Text as lines (a trailing partial line counts as a line)."""
    if not text:
        return []
    lines = text.split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def push_frame(m: Machine, th: Thread, fn: Function, args: list[Any],
               kwargs: dict[str, Any]) -> Frame:
    """Call the program's function `fn` in `th`: its frame, with the arguments bound, on top
    of the thread's frames (its first instruction runs next)."""
    local_vars = bind_params(fn, args, kwargs)
    if fn.closure is not None:  # for the functions nested in it (instructions.load_closure)
        local_vars[OUTER] = fn.closure
    if len(th.frames) >= MAX_DEPTH:
        raise fail("RecursionError", "maximum recursion depth exceeded")
    frame = Frame(fn.code, local_vars, fn.closure)
    th.frames.append(frame)
    th.brk = BREAKER  # function entry (RESUME) checks the eval breaker
    return frame
