"""Language features and small built-ins (issue 13): each program in tests/programs/language/
prints what CPython 3.13 prints, uncaught exceptions included, under round-robin and the
`cpython` policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine import CompileError, CPython, RoundRobin, compile_program, run
from app.engine.explorer import explore
from tests.support.running import as_run_cpython
from tests.support.walking import walk

LANGUAGE = Path(__file__).parent / "programs" / "language"
PROGRAMS = sorted(p.stem for p in LANGUAGE.glob("*.py"))


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(run_cpython, name):
    source = (LANGUAGE / f"{name}.py").read_text()
    expected = run_cpython(source)
    for policy in (RoundRobin(1), CPython()):
        assert as_run_cpython(source, policy) == expected, type(policy).__name__


#: Small programs whose new values other threads reach, for the explorer's parts.
SHARED_SET = """
import threading
seen = set()
def add(n):
    seen.add(n)
    if n in seen:
        seen.discard(n - 1)
ts = [threading.Thread(target=add, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), {t.name for t in ts} == {"Thread-1 (add)", "Thread-2 (add)"})
"""


SHARED_GENERATOR = """
import threading
def count(n):
    for i in range(n):
        print("made", i)
        yield i
source = count(3)
def take():
    try:
        for x in source:
            print("took", x)
    except ValueError as e:
        print(e)
ts = [threading.Thread(target=take) for _ in range(2)]
for t in ts:
    t.start()
mine = (x * 2 for x in [1, 2])
print(next(mine), list(mine))
"""


SHARED_CLOSURE = """
import functools
import threading
def make_counter():
    count = 0
    def bump(step):
        nonlocal count
        count += step
        return count
    return bump
def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        first, *others = args
        return fn(first + len(others))
    return wrapper
bump = traced(make_counter())
ts = [threading.Thread(target=bump, args=(i, 0)) for i in (1, 10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bump(0), [t.name for t in ts], sorted(map(abs, {-1, 2})))
"""


GENERATOR_ARGUMENT = """
import threading
total = 0
def gen(n, step):
    for i in range(n):
        yield i * step
def consume(g):
    global total
    for x in g:
        total += x
ts = [threading.Thread(target=consume, args=(gen(2, s),)) for s in (1, 10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total)
"""


#: A shared variable one thread deletes while another reads it.
SHARED_DELETE = """
import threading
token = 1
def take():
    global token
    del token
def look():
    try:
        print(token)
    except NameError as e:
        print(e)
ts = [threading.Thread(target=take), threading.Thread(target=look)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""


#: A decorator's counter kept on the wrapper function, which every thread's call bumps.
FUNCTION_ATTRIBUTE = """
import functools
import threading
def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper
@counted
def work(n):
    return n
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(work.calls, work.__wrapped__(3))
"""


#: Two threads ended by an exception whose text its class's `__str__` makes from shared state.
OWN_TEXT_REPORT = """
import threading
seen = []
class Failed(Exception):
    def __str__(self):
        return f"failed after {len(seen)} others"
def work():
    seen.append(1)
    raise Failed()
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""


#: Threads that close generators whose `finally` releases a shared lock.
GENERATOR_CLOSE = """
import threading
lock = threading.Lock()
log = []
def held(name):
    with lock:
        try:
            yield name
        finally:
            log.append(name)
def work(name):
    g = held(name)
    next(g)
    g.close()
ts = [threading.Thread(target=work, args=(c,)) for c in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log), lock.locked())
"""


#: `yield from` a generator whose return value, kept on the generator, is the expression's.
YIELD_FROM = """
import threading
done = []
def part(n):
    for i in range(n):
        done.append(i)
        yield i
    return n * 10
def whole(n):
    total = yield from part(n)
    done.append(total)
    yield total
ts = [threading.Thread(target=lambda n=n: list(whole(n))) for n in (1, 2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(done))
"""


@pytest.mark.parametrize("source", [SHARED_SET, SHARED_GENERATOR, SHARED_CLOSURE,
                                    GENERATOR_ARGUMENT, SHARED_DELETE, FUNCTION_ATTRIBUTE,
                                    OWN_TEXT_REPORT, GENERATOR_CLOSE, YIELD_FROM],
                         ids=["shared-set", "shared-generator", "shared-closure",
                              "generator-argument", "shared-delete", "function-attribute",
                              "own-text-report", "generator-close", "yield-from"])
def test_every_step_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=2000)


def test_an_attribute_of_a_function_is_shared_state_whose_update_can_be_lost():
    result = explore(compile_program(FUNCTION_ATTRIBUTE))
    assert sorted(o.outcome.output for o in result.outcomes) == [("1 3",), ("2 3",)]
    assert {r.variable for r in result.races} == {"work.calls"}  # named as wraps named it


def test_deleting_a_shared_variable_is_a_step_that_races_with_a_read():
    result = explore(compile_program(SHARED_DELETE))
    assert sorted(o.outcome.output for o in result.outcomes) == [
        ("1",), ("name 'token' is not defined",)]
    assert [(r.variable, r.first.kind, r.second.kind) for r in result.races] == [
        ("token", "write", "read")]


@pytest.mark.parametrize(("source", "line", "message"), [
    ("def f():\n    def g():\n        nonlocal x\n", 3, "no binding for nonlocal 'x' found"),
    ("nonlocal x\n", 1, "nonlocal declaration not allowed at module level"),
    ("x = yield 1\n", 1, "'yield' outside function"),
    ("def f():\n    return ((yield x) for x in [1])\n", 2,
     "'yield' inside generator expression"),
    ("a, *b, *c = [1, 2]\n", 1, "multiple starred expressions in assignment"),
])
def test_what_cpython_refuses_to_compile_is_a_compile_error(source, line, message):
    with pytest.raises(CompileError) as info:
        compile_program(source)
    assert (info.value.line, info.value.message) == (line, message)


def _switches(source: str) -> int:
    steps = run(compile_program(source), CPython()).steps
    return sum(a.thread != b.thread for a, b in zip(steps, steps[1:], strict=False))


def test_setswitchinterval_sets_the_cpython_policys_interval():
    body = ("import threading\nn = 0\ndef work():\n    global n\n    for _ in range(300):\n"
            "        n += 1\nts = [threading.Thread(target=work) for _ in range(2)]\n"
            "for t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n")
    default = _switches(body)
    assert _switches("import sys\nsys.setswitchinterval(0.005)\n" + body) == default
    assert _switches("import sys\nsys.setswitchinterval(1e-6)\n" + body) > 10 * default
    assert _switches("import sys\nsys.setswitchinterval(1)\n" + body) < default


@pytest.mark.parametrize("source", [
    "import functools\n"
    "sorted(range(1000), key=functools.cmp_to_key(lambda a, b: len([y for y in range(200)])))\n",
])
def test_calls_inside_one_builtin_share_one_budget(source):
    outcome = run(compile_program(source), CPython()).outcome
    assert outcome.kind == "limit"
    assert "inside the calls made by one built-in" in outcome.reason


@pytest.mark.parametrize("source", [
    "def g():\n    while True:\n        yield 1\nlist(g())\n",
    "def g():\n    while True:\n        for _ in range(1000):\n            pass\n"
    "        yield 1\nsum(g())\n",
    "list(map(lambda x: [y for y in range(200)], range(1000)))\n",
    "def g():\n    while True:\n        yield 1\nany(x == 2 for x in g())\n",
    "sorted(range(1000), key=lambda x: [y for y in range(200)])\n",
    "max(range(1000), key=lambda x: [y for y in range(200)])\n",
])
def test_a_generator_a_builtin_takes_whole_runs_within_the_threads_budget(source):
    """`list(g)` runs `g` first as the thread's own code (generators.collect), `any(g)` walks
    it as the thread's own code (lazy.py), and so do a key function's calls (keyed.py): an
    endless one meets the budget of local operations between two steps."""
    outcome = run(compile_program(source), CPython()).outcome
    assert outcome.kind == "limit"
    assert "without touching shared state" in outcome.reason


def test_id_numbers_objects_in_the_order_asked_the_same_in_every_run():
    source = ("a = [1]\nb = a\nc = [1]\n"
              "print(id(a) == id(b), id(a) == id(c), id(None) == id(None))\n"
              "print(id(c) - id(a), id(a))\n")
    outputs = {run(compile_program(source), policy).outcome.output
               for policy in (RoundRobin(1), CPython())}
    assert len(outputs) == 1
    first, second = outputs.pop()
    assert first == "True False True"
    assert second.split()[0] == "48" and int(second.split()[1]) > 10**12
