"""Generated input, valid and not: the compiler and the engine raise only their own documented
errors (InterleaveError and its kinds), never a Python error from inside, and never hang."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import scenarios
from app.engine import (
    Budgets,
    Explicit,
    InterleaveError,
    compile_program,
    explore,
    make_policy,
    run,
)
from tests.support.generated import threaded_programs
from tests.support.replaying import SHORT_SCENARIOS

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


#: One step that builds something whose size the program chooses: `{n}` is a size near a
#: budget (or far past it), and nothing built may be larger than the budget allows.
SIZED = [
    "x = [0] * {n}\n", "x = 'ab' * {n}\n", "x = 'a'.ljust({n})\n", "x = 'a'.zfill({n})\n",
    "x = f'{{1:>{n}}}'\n", "x = '%{n}d' % 1\n", "x = '%*d' % ({n}, 1)\n",
    "x = '%.{n}f' % 1.5\n", "x = '{{:{n}}}'.format(1)\n", "x = '{{:{{}}}}'.format(1, {n})\n",
    "x = format(1, '>{n}')\n", "x = list(range({n}))\n", "x = [0] * 100\nx.extend(range({n}))\n",
    "x = ('a' * 100).replace('a', 'b' * ({n} // 100 + 1))\n", "x = ','.join(['ab'] * {n})\n",
    "x = [[0] * 100] * ({n} // 100 + 1)\ny = sum(x, [])\n", "x = [0] * 10\nx = x * ({n} // 10)\n",
    "x = 2 ** {n}\n", "x = 1 << {n}\n", "x = 3 * (1 << ({n} - 3))\n", "x = round(1, -{n})\n",
    "x = divmod(10 ** 300, 7)\ny = str(10 ** ({n} // 3))\n", "x = int('9' * {n})\n",
    "x = 'a' * 10\nwhile True:\n    x = x + x\n", "x = [0]\nwhile True:\n    x.extend(x)\n",
    "x = 'x' * ({n} // 2)\nwhile True:\n    print(x)\n",
]
SMALL = Budgets(items=10_000, int_bits=10_000)


def _sizes(budget: int) -> st.SearchStrategy[int]:
    return st.sampled_from([budget - 1, budget, budget + 1, budget * 10, 10**12]) | st.integers(
        budget // 2, budget * 2)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(template=st.sampled_from(SIZED), n=_sizes(SMALL.items) | _sizes(SMALL.int_bits))
def test_a_size_near_a_budget_is_built_within_it_or_refused(template, n):
    program = compile_program(template.format(n=n), "sized.py", SMALL)
    result = run(program, make_policy("rr"), max_steps=40, record=False)
    assert result.outcome.kind in ("done", "limit"), result.outcome
    assert result.machine is not None
    for value in result.machine.globals.values():
        if isinstance(value, int):
            assert value.bit_length() <= SMALL.int_bits
        elif isinstance(value, str | list | tuple):
            assert len(value) <= SMALL.items
    assert sum(len(line) for line in result.machine.output) <= SMALL.output
