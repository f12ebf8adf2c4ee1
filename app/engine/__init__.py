"""The Interleave engine: compile a threading program, run it under a schedule, get a trace.

Pure and deterministic: the same program and schedule always give the same trace. The web
layer and the CLI use only the names exported here.
"""

from .compiler import compile_program
from .errors import BudgetError, CompileError, InterleaveError, ScheduleError
from .machine import Machine
from .policies import POLICIES, CPython, Explicit, Policy, Random, RoundRobin, Slice, make_policy
from .program import Program
from .runner import DEFAULT_MAX_STEPS, run
from .schedule import FORMAT_VERSION, decode, encode
from .trace import Blocked, Outcome, Run, Step, ThreadError

__all__ = [
    "DEFAULT_MAX_STEPS", "FORMAT_VERSION", "POLICIES", "Blocked", "BudgetError", "CPython",
    "CompileError", "Explicit", "InterleaveError", "Machine", "Outcome", "Policy", "Program",
    "Random", "RoundRobin", "Run", "ScheduleError", "Slice", "Step", "ThreadError",
    "compile_program", "decode", "encode", "make_policy", "run",
]
