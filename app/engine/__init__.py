"""The Interleave engine: compile a threading program, run it under a schedule, get a trace.

Pure and deterministic: the same program and schedule always give the same trace. The web
layer and the CLI use only the names exported here.
"""

from .budgets import DEFAULT_BUDGETS, Budgets
from .compiler import compile_program
from .descriptions import (
    Place,
    PrimitiveInfo,
    ThreadInfo,
    describe_primitive,
    describe_primitives,
    describe_threads,
    place_of,
    primitives_of,
    thread_values,
    why_blocked,
)
from .errors import BudgetError, CompileError, InterleaveError, ScheduleError
from .explorer import (
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_STATES,
    LIVELOCK,
    Exploration,
    Found,
    Race,
    explore,
)
from .goal import Goal, parse_goal
from .machine import Machine, Thread
from .policies import (
    DEFAULT_POLICY,
    POLICIES,
    CPython,
    Explicit,
    Policy,
    Random,
    RoundRobin,
    Slice,
    Until,
    make_policy,
)
from .primitives import Barrier, Condition, Event, Lock, Primitive, RLock, Semaphore
from .program import Program
from .racing import Side, SideBySide, races_at
from .runner import DEFAULT_MAX_STEPS, recorded_step, require_step, run
from .schedule import FORMAT_VERSION, decode, encode, length, thread_letter
from .snapshot import clone
from .threadstate import ALIVE, CRASHED, FINISHED, NEW
from .trace import (
    DEADLOCK,
    DONE,
    LIMIT,
    PAUSED,
    Blocked,
    Outcome,
    Run,
    Step,
    Uncaught,
    describe,
    outcome_of,
)
from .values import jsonable, represent, shown
from .verify import Verdict, verify

__all__ = [
    "ALIVE", "CRASHED", "DEADLOCK", "DEFAULT_BUDGETS", "DEFAULT_MAX_SECONDS", "DEFAULT_MAX_STATES",
    "DEFAULT_MAX_STEPS", "DEFAULT_POLICY", "DONE", "FINISHED", "FORMAT_VERSION", "LIMIT",
    "LIVELOCK", "NEW", "PAUSED", "POLICIES", "Barrier", "Blocked", "BudgetError", "Budgets",
    "CPython", "CompileError", "Condition", "Event", "Explicit", "Exploration", "Found", "Goal",
    "InterleaveError", "Lock", "Machine", "Outcome", "Place", "Policy", "Primitive",
    "PrimitiveInfo", "Program", "RLock", "Race", "Random", "RoundRobin", "Run", "ScheduleError",
    "Semaphore", "Side", "SideBySide", "Slice", "Step", "Thread", "ThreadInfo", "Uncaught",
    "Until", "Verdict", "clone", "compile_program", "decode", "describe", "describe_primitive",
    "describe_primitives", "describe_threads", "encode", "explore", "jsonable", "length",
    "make_policy", "outcome_of", "parse_goal", "place_of", "primitives_of", "races_at",
    "recorded_step", "represent", "require_step", "run", "shown", "thread_letter", "thread_values",
    "verify", "why_blocked",
]
