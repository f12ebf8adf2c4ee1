"""Generated input, valid and not: the compiler and the engine raise only their own documented
errors (InterleaveError and its kinds), never a Python error from inside, and never hang."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import scenarios
from app.engine import Explicit, InterleaveError, compile_program, explore, run

from .test_properties import SHORT_SCENARIOS, threaded_programs

#: Pieces of Python and of its near misses, so generated text reaches deep into the compiler.
PIECES = [
    "import threading\n", "import os\n", "x = ", "counter", " += 1\n", "def f(", "):\n",
    "    ", "return ", "lambda: ", "[", "]", "(", ")", "{", "}", ":", ",", "1", "0", "-1",
    "10**10**10", "'s'", "None", "True", " if ", " else ", "for _ in range(3):\n",
    "while True:\n", "with lock:\n", "lock = threading.Lock()\n", "t = threading.Thread(",
    "target=f", "args=(1,)", ")\n", "t.start()\n", "t.join()\n", "global counter\n",
    "print(", "x.append(x)\n", "*", "**", "/", "%", "not ", " and ", " or ", "yield ",
    "async ", "await ", "class A:\n", "@f\n", "try:\n", "except Exception as e:\n",
    "finally:\n", "raise ValueError('v')\n", "nonlocal x\n", "del x\n", "x.__class__",
    "getattr(x, 'y')", "\n", "\t", "#", "\\", "\"", "'''", "\x00", "\ud800", "é",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=200))
def test_any_text_compiles_or_gets_a_compile_error(source):
    try:
        program = compile_program(source)
    except InterleaveError:
        return
    result = run(program, Explicit(""), max_steps=2_000, record=True)
    assert result.outcome.kind in ("done", "deadlock", "paused", "limit")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=st.sampled_from(SHORT_SCENARIOS),
       schedule=st.text(alphabet="abcdefzA_0123456789", max_size=40))
def test_any_schedule_runs_or_gets_a_schedule_error(scenario, schedule):
    program = compile_program(scenarios.get(scenario).source)
    try:
        result = run(program, Explicit(schedule), max_steps=5_000)
    except InterleaveError:
        return
    assert result.outcome.kind in ("done", "deadlock", "paused", "limit")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=threaded_programs())
def test_exploring_a_generated_program_ends_within_its_budget(source):
    result = explore(compile_program(source), max_states=3_000, max_seconds=5)
    assert result.outcomes or not result.complete
    assert result.seconds < 15
