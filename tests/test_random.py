"""`random` (app/engine/stdlib/random.py): CPython's numbers for the same seed, CPython's errors,
a fixed seed without one, and draws that are part of the state a schedule reaches."""

from __future__ import annotations

import ast
import json
import subprocess
import textwrap
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import LIMIT, Explicit, RoundRobin, compile_program, explore, run
from app.engine import Random as RandomPolicy
from app.engine.stdlib.random import SEED
from tests.support.bruteforce import enumerate_outcomes, signature

SEEDS = [0, 1, 2, 7, 42, 99, 123, 2024, 31337, -5, 10**30, 2**64 + 1, 1.5, -0.25, "'abc'",
         "''", "'Interleave'", "True", *range(1000, 1012)]

DRAWS = """
import random
random.seed({seed})
print(random.randint(1, 6), random.random(), random.choice([10, 20, 30]), random.choice('xyz'))
x = list(range(10))
random.shuffle(x)
print(x, random.sample(range(100), 5), random.sample(['a', 'b', 'c', 'd'], 2))
print(random.uniform(-1, 1), random.randrange(50), random.randrange(3, 90, 7),
      random.randrange(10, 0, -3), random.randint(-10**20, 10**20))
print(random.choices([1, 2, 3], k=5), random.choices('ab', weights=[1, 3], k=4),
      random.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=3))
print(random.gauss(0, 1), random.gauss(10, 2), random.gauss(), random.sample(range(10**12), 3))
r = random.Random({seed})
print(r.randint(-5, 5), r.random(), r.sample(range(30), 4), r.gauss(1, 1), r.choice((4, 5)))
y = [1, 2, 3, 4, 5, 6]
r.shuffle(y)
r.seed(7)
print(y, r.random(), random.random(), r.uniform(2, 3), r.randrange(1, 10 ** 40))
random.seed(str({seed}))
print(random.random(), r.choices([0, 1], [5, 1], k=3))
state = random.getstate()
first = [random.random(), random.randbytes(5), r.randbytes(3)]
random.setstate(state)
print(first[0] == random.random(), first[1:], state[0], len(state[1]))
r.setstate(random.getstate())
print(r.random() == random.random())
"""

ERRORS = [
    "random.randint(5, 1)",
    "random.choice([])",
    "random.sample([1], 2)",
    "random.sample([1, 2], -1)",
    "random.randrange(0)",
    "random.randrange(-3)",
    "random.randrange(1.5)",
    "random.randrange(1, 5, 0)",
    "random.randrange(5, 1, 2)",
    "random.randrange(1, 2, 1.0)",
    "random.randrange(5, None, 2)",
    "random.randint(1)",
    "random.randint('a', 3)",
    "random.seed([1])",
    "random.choice(5)",
    "random.shuffle((1, 2))",
    "random.sample({1: 2}, 1)",
    "random.choices([], k=1)",
    "random.choices([1, 2], weights=[1], k=1)",
    "random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2])",
    "random.Random(1, 2)",
    "random.Random([1])",
    "random.Random(3).randint(2, 1)",
    "random.Random(3).choice([])",
    "random.random(1)",
    "random.random(x=1)",
    "random.gauss('a')",
]

_BATCH = r"""
import contextlib, io, json, random, sys
results = []
for source in json.load(sys.stdin):
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
        except Exception as e:
            error = f"{type(e).__name__}: {e}"
    results.append({"output": out.getvalue().splitlines(), "error": error})
json.dump(results, sys.stdout)
"""


@pytest.fixture(scope="module")
def cpython(cpython_exe: str) -> dict[str, dict]:
    """What CPython 3.13 does with every program of this file, asked in one batch."""
    sources = [textwrap.dedent(DRAWS).format(seed=s) for s in SEEDS] + [
        f"import random\n{line}\n" for line in ERRORS]
    done = subprocess.run([cpython_exe, "-c", _BATCH], input=json.dumps(sources),
                          capture_output=True, text=True, timeout=60, check=True)
    return dict(zip(sources, json.loads(done.stdout), strict=True))


def _ours(source: str) -> dict:
    m = run(compile_program(source), RoundRobin(1), record=False).machine
    assert m is not None
    return {"output": m.lines(), "error": str(m.errors[0][1]) if m.errors else None}


@pytest.mark.parametrize("seed", SEEDS, ids=str)
def test_a_seed_gives_cpythons_numbers(cpython, seed):
    source = textwrap.dedent(DRAWS).format(seed=seed)
    assert _ours(source) == cpython[source]


@pytest.mark.parametrize("line", ERRORS)
def test_errors_are_cpythons_types_and_messages(cpython, line):
    source = f"import random\n{line}\n"
    ours = _ours(source)
    assert ours == cpython[source]
    assert ours["error"] is not None


def test_without_a_seed_the_numbers_are_those_of_the_documented_seed():
    source = ("import random\nprint(random.random(), random.randint(1, 6))\n"
              "print(random.Random().random())\nrandom.seed()\nprint(random.random())\n")
    assert SEED == 0
    assert _ours(source)["output"] == ["0.8444218515250481 4", "0.8444218515250481",
                                       "0.8444218515250481"]


def test_a_program_reaches_only_the_generators_methods():
    for name in ("state", "restored", "_host"):  # the engine's own, not CPython's
        source = f"import random\nr = random.Random(1)\nprint(r.{name})\n"
        assert _ours(source)["error"] == (f"AttributeError: 'Random' object has no attribute "
                                          f"'{name}'")
    assert _ours("import random\nprint(random.Random(1))\n")["output"] == [
        "<random.Random object>"]


def test_sizes_are_checked_before_anything_is_built():
    for line, reason in (
            ("random.sample(range(10**12), 10**9)", "sample() of 1,000,000,000 items"),
            ("random.choices([1], k=10**7)", "choices() of 10,000,000 items"),
            ("random.Random(1).sample(range(10**8), 2 * 10**6)", "sample() of 2,000,000 items"),
            ("random.choices(range(3), range(10**10))", "walking range(0, 10000000000)")):
        outcome = run(compile_program(f"import random\nx = {line}\n"), RoundRobin(1),
                      record=False).outcome
        assert outcome.kind == LIMIT
        assert outcome.reason.startswith(reason)


#: Two threads draw from the module's generator: the order of the draws decides who gets what.
TWO_DRAWERS = """
import random
import threading
random.seed(3)
got = {}
def draw(name):
    got[name] = random.randint(1, 100)
    print(name, random.random())
a = threading.Thread(target=draw, args=('a',))
b = threading.Thread(target=draw, args=('b',))
a.start()
b.start()
a.join()
b.join()
"""


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6))
def test_replaying_a_schedule_gives_the_same_numbers(seed):
    program = compile_program(TWO_DRAWERS)
    first = run(program, RandomPolicy(seed), record=False)
    assert first.machine is not None
    for _ in range(2):
        again = run(program, Explicit(first.schedule), record=False).machine
        assert again is not None
        assert again.lines() == first.machine.lines()
        assert again.globals["got"] == first.machine.globals["got"]


def test_the_explorers_counts_equal_a_brute_force_enumeration():
    program = compile_program(TWO_DRAWERS)
    result = explore(program)
    assert result.complete
    got: Counter = Counter()
    for found in result.outcomes:
        got[signature(found.outcome)] += found.schedules
    expected = enumerate_outcomes(program)
    assert got == expected
    # who draws first gets the first number (31), whoever it is
    reached = {tuple(sorted(dict(ast.literal_eval(s[1]))["got"].items())) for s in expected}
    assert reached == {(("a", 31), ("b", 76)), (("a", 31), ("b", 17)),
                       (("a", 76), ("b", 31)), (("a", 17), ("b", 31))}
