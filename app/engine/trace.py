"""What a run produced: its steps in words, and how it ended.

Events from the instructions are small tuples; this module turns them into words ("read
counter → 3") and works out the outcome (done, deadlock with who holds and waits for what,
limit, or paused when a schedule ran out first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .descriptions import describe_threads
from .machine import Machine
from .primitives import Primitive
from .threadstate import ALIVE
from .values import JsonableWalk, shown

DONE, DEADLOCK, LIMIT, PAUSED = "done", "deadlock", "limit", "paused"


# Not frozen: a frozen dataclass's __init__ (object.__setattr__ per field) took a third of a
# streamed run's time; nothing changes a Step once made.
@dataclass(slots=True)
class Step:
    index: int
    tid: int
    thread: str
    line: int
    kind: str
    action: str
    #: What this step changed, as name → new value in words.
    changes: dict[str, str]
    #: The shared variable a read or write step accessed ("" for other steps).
    variable: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.index, "thread": self.thread, "tid": self.tid, "line": self.line,
                "kind": self.kind, "action": self.action, "changes": self.changes}


def describe(event: Any) -> tuple[str, str, dict[str, str]]:
    """(kind, words, changes) for an event tuple returned by a visible instruction."""
    kind = event[0]
    if kind == "read":
        _, name, value = event
        return kind, f"read {name} → {_shown(value)}", {}
    if kind == "write":
        _, name, value = event
        text = _shown(value)
        return kind, f"write {name} ← {text}", {name: text}
    if kind == "compute":
        _, a, op, b, result = event
        return kind, f"{_shown(a)} {op} {_shown(b)} = {_shown(result)}", {}
    if kind == "sync":
        _, text, obj = event
        changes = {obj.label: obj.describe()} if isinstance(obj, Primitive) else {}
        return kind, text, changes
    if kind == "raise":
        return kind, f"raises {event[1]}", {}
    _, text, result = event
    if kind == "call" and result is not None and "→" not in text and "←" not in text:
        text = f"{text} → {_shown(result)}"
    elif kind == "test":
        text = f"{text} → {_shown(result)}"
    return kind, text, {}


#: Ints this small show as their own repr, well within SHOWN characters.
_SMALL = 10 ** 100


def _shown(value: Any) -> str:
    """`shown(value)`, fast for the small ints that most steps of a long run show."""
    if type(value) is int and -_SMALL < value < _SMALL:
        return repr(value)
    return shown(value)


@dataclass(frozen=True)
class Uncaught:
    """An exception that ended a thread (not `threading.ThreadError`, which is RuntimeError)."""

    thread: str
    type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"thread": self.thread, "type": self.type, "message": self.message}

    def __str__(self) -> str:
        return f"{self.thread}: {self.type}: {self.message}" if self.message else (
            f"{self.thread}: {self.type}")


@dataclass(frozen=True)
class Blocked:
    """A thread that cannot move when the run ends, and why."""

    thread: str
    reason: str
    holds: tuple[str, ...]
    waits_for: str | None  # the thread it waits for, when there is one

    def to_dict(self) -> dict[str, Any]:
        return {"thread": self.thread, "reason": self.reason, "holds": list(self.holds),
                "waits_for": self.waits_for}


@dataclass(frozen=True)
class Outcome:
    kind: str
    globals: dict[str, Any]
    output: tuple[str, ...]
    errors: tuple[Uncaught, ...]
    blocked: tuple[Blocked, ...] = ()
    #: Why a `limit` run stopped.
    reason: str = ""
    step_count: int = 0
    #: What the program wrote to stderr (logging's lines), as lines; `output` is stdout.
    stderr: tuple[str, ...] = ()
    #: With stderr: both streams' lines in the order written, as (stream, line).
    transcript: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Its fields, with `stderr` only when the program wrote to it."""
        data = {"kind": self.kind, "globals": self.globals, "output": list(self.output),
                "errors": [e.to_dict() for e in self.errors],
                "blocked": [b.to_dict() for b in self.blocked], "reason": self.reason}
        if self.stderr:
            data["stderr"] = list(self.stderr)
        return data

    def summary(self) -> str:
        head = {DONE: "finished", DEADLOCK: "DEADLOCK", LIMIT: "stopped: limit reached",
                PAUSED: "paused", "livelock": "LIVELOCK"}[self.kind]
        return f"{head} after {self.step_count:,} steps"


@dataclass
class Run:
    schedule: str
    outcome: Outcome
    steps: list[Step] = field(default_factory=list)
    #: The machine as the run left it (for pages that show every thread's state).
    machine: Machine | None = field(default=None, repr=False, compare=False)

    def to_dict(self, summary: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"schedule": self.schedule}
        if summary:
            data["step_count"] = self.outcome.step_count
        else:
            data["steps"] = [s.to_dict() for s in self.steps]
        data["outcome"] = self.outcome.to_dict()
        return data


def jsonable_globals(m: Machine) -> dict[str, Any]:
    """Module-level variables whose values are JSON-able data (what a test or grader checks),
    up to the items budget in all: the report of a run is never larger than one value may be."""
    walk = JsonableWalk(m.program.budgets.items)
    return {name: value for name, value in m.globals.items()
            if not name.startswith(".") and walk.take(value)}


def blocked_threads(m: Machine) -> tuple[Blocked, ...]:
    """Who cannot move, what each holds, and what it waits for (the wait-for graph)."""
    return tuple(Blocked(t.name, t.blocked or "ready", t.holds, t.waits_for)
                 for t in describe_threads(m) if t.state == ALIVE)


def outcome_of(m: Machine, kind: str, steps: int, reason: str = "") -> Outcome:
    errors = tuple(Uncaught(m.threads[tid].name, exc.type, exc.message)
                   for tid, exc in m.errors)
    # A budget blown mid-step leaves that step half done: only say who is blocked when the
    # run ended between steps.
    between_steps = kind in (DEADLOCK, PAUSED) or (
        kind == LIMIT and reason.startswith("the step limit"))
    blocked = blocked_threads(m) if between_steps else ()
    return Outcome(kind, jsonable_globals(m), tuple(m.lines()), errors, blocked, reason, steps,
                   tuple(m.lines("stderr")), tuple(m.transcript()) if m.errput else ())
