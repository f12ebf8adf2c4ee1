"""generators.py: generators resumed by `for`, `next`, `send` and the built-ins that walk them,
against CPython 3.13 (the `cpython_worker` fixture): the same values in the same order, the same
side effects between them, and the same errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import RoundRobin, compile_program, run
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
def count(n):
    for i in range(n):
        print('give', i)
        yield i
    print('done')
    return 'result'
def echo():
    got = yield 'ready'
    while True:
        got = yield f'got {got}'
def boom():
    yield 1
    raise KeyError('inside')
"""

PROGRAMS = [
    "for x in count(3):\n    print('took', x)",
    "for x in count(5):\n    if x == 2:\n        break\nprint('after')",
    "g = count(2)\nprint(next(g), next(g))\nprint(next(g, 'default'))\nprint(next(g, 'again'))",
    "g = count(1)\nnext(g)\nnext(g)",
    "g = count(0)\ntry:\n    next(g)\nexcept StopIteration as e:\n"
    "    print('stop', e.args, e.value)",
    "try:\n    next(iter([]))\nexcept StopIteration as e:\n    print(e.args, e.value)",
    "print(list(count(3)), sum(count(4)), max(count(3)), sorted(count(2), reverse=True))",
    "print(any(count(5)), all(count(5)))",
    "print(list(zip(count(5), 'ab')))",
    "print(', '.join(str(x) for x in count(2)))",
    "print(dict((x, x * x) for x in count(2)), set(count(2)), tuple(count(1)))",
    "e = echo()\nprint(e.send(None), e.send(1), e.send('two'), next(e))",
    "e = echo()\ne.send(1)",
    "g = count(3)\nprint(next(g))\ng.close()\nprint(next(g, 'closed'))",
    "g = boom()\nprint(next(g))\nnext(g)",
    "g = boom()\nprint([x for x in g])",
    "g = (x * 2 for x in range(3))\nprint(next(g), list(g), list(g))",
    "g = (x for x in [1, 2])\nprint(iter(g) is g, type(g).__name__)",
    "def gen():\n    yield from count(2)\n    yield 'end'\nprint(list(gen()))",
    "def gen():\n    x = yield\n    print('x', x)\ng = gen()\nnext(g)\ntry:\n    g.send(5)\n"
    "except StopIteration:\n    print('stopped')",
    "def gen():\n    try:\n        yield 1\n    finally:\n        print('cleanup')\n"
    "for x in gen():\n    print(x)",
    "def gen():\n    yield 1\n    return\n    yield 2\nprint(list(gen()))",
    "def fib():\n    a, b = 0, 1\n    while True:\n        yield a\n        a, b = b, a + b\n"
    "g = fib()\nprint([next(g) for _ in range(10)])",
    "def gen(n):\n    if n:\n        yield from gen(n - 1)\n    yield n\nprint(list(gen(4)))",
    "g = count(2)\nfor x in g:\n    print('outer', x)\n    for y in g:\n        print('inner', y)",
    "def gen():\n    yield next(inner)\ninner = count(1)\nprint(list(gen()))",
    "g = count(2)\nprint(list(zip(g, g)))",
    "print(list(map(str, count(2))), list(filter(None, count(3))))",
    "print(list(enumerate(count(2))))",
    "next(5)",
    "g = count(2)\ng.send(3)",
    "def h():\n    while True:\n        try:\n            yield 1\n        except ValueError:\n"
    "            print('handled')\ng = h()\nnext(g)\nprint(g.throw(ValueError('v')))\n"
    "print(g.throw(ValueError))\ng.throw(KeyError('k'))",
    "g = count(2)\ng.throw(3)",
    "g = count(2)\ng.nope()",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_generator_runs_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", [
    "print(any(x == 1 for x in count(5)))", "print(all(x < 1 for x in count(5)))",
])
def test_lazy_generator_expressions(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", [
    "def gen():\n    r = yield from count(1)\n    print('r', r)\n    yield r\nprint(list(gen()))",
    "def gen():\n    r = yield from [1, 2]\n    yield r\nprint(list(gen()))",
])
def test_yield_from_is_the_generators_return_value(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


SUBGENERATOR = """\
def sub():
    try:
        while True:
            x = yield 's'
            print('sub got', x)
    except KeyError as e:
        print('sub caught', e)
        yield 'after-catch'
        return 'subret'
    finally:
        print('sub finally')
def outer():
    try:
        r = yield from sub()
        print('outer r', r)
        yield 'outer-next'
    except ValueError as e:
        print('outer caught', repr(e))
        yield 'outer-handled'
    finally:
        print('outer finally')
"""


@pytest.mark.parametrize("program", [
    "g = outer()\nprint(next(g), g.send(1), g.send(None))\ng.close()",
    "g = outer()\nnext(g)\nprint(g.throw(KeyError('k')))\nprint(next(g))\ng.close()",
    "g = outer()\nnext(g)\nprint(g.throw(ValueError('v')))\ng.close()",
    "g = outer()\nnext(g)\ng.close()\nprint(next(g, 'closed'))",
    "g = outer()\nnext(g)\ng.throw(TypeError('t'))",
    "def listy():\n    got = yield from [1, 2]\n    print('got', got)\n"
    "g = listy()\nnext(g)\ng.send(5)",
    "def avg():\n    n = 0\n    while (v := (yield n)) is not None:\n        n += v\n"
    "    return n\ndef d(out):\n    while True:\n        out.append((yield from avg()))\n"
    "out = []\ng = d(out)\nnext(g)\nfor v in (1, 2, None, 5, None):\n    g.send(v)\nprint(out)",
])
def test_yield_from_passes_send_throw_and_close_on(cpython_worker: Answer, program):
    # (each program ends its generators: one left suspended would print its `finally` in
    # the worker when collected, in another test's program)
    source = SUBGENERATOR + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", [
    "it = iter([1, 2, 3, 4, 5])\nprint(list(zip(it, it)), next(it, 'done'))",
    "it = iter('abcd')\nprint(dict(zip(it, it)))",
])
def test_one_iterator_given_twice_is_walked_once(cpython_worker: Answer, program):
    assert as_cpython_worker(program + "\n") == cpython_worker(program + "\n")


def test_a_generator_resumed_by_a_thread_runs_its_steps_in_that_thread():
    program = compile_program(
        "import threading\nitems = []\ndef gen():\n    items.append(1)\n    yield 1\n"
        "def take():\n    for x in gen():\n        items.append(x)\n"
        "t = threading.Thread(target=take)\nt.start()\nt.join()\nprint(items)\n")
    result = run(program, RoundRobin())
    assert list(result.outcome.output) == ["[1, 1]"]
    assert [s.line for s in result.steps if s.thread == "Thread-1 (take)"][:2] == [4, 8]


def test_a_generator_another_thread_is_running_raises_cpythons_error(reachable):
    outcomes = reachable("""
        import threading
        def gen():
            x = 0
            items.append(x)
            yield x
        items = []
        g = gen()
        def take():
            try:
                next(g)
            except ValueError as e:
                items.append(str(e))
        ts = [threading.Thread(target=take) for _ in range(2)]
        for t in ts:
            t.start()
    """, ["items"])
    assert {tuple(o.globals["items"]) for o in outcomes} >= {
        (0, "generator already executing"), (0, )}


GENEXP_PRELUDE = """\
import itertools
def check(x):
    print('check', x)
    return x > 2
xs = [1, 2, 3, 4, 5]
"""

#: Generator expressions are generators (CPython's `<genexpr>` functions): the first iterable
#: is evaluated where they are written, the rest as items are asked for.
GENEXPS = [
    "print(next(i for i in itertools.count() if i * i > 50))",
    "print(any(check(x) for x in xs))\nprint(all(check(x) for x in xs))",
    "g = (check(x) for x in xs)\nprint('made')\nprint(next(g))\nprint(type(g).__name__)",
    "print(list(x for x in xs), tuple(x for x in 'ab'), sorted((x for x in xs), reverse=True))",
    "print('-'.join(str(x) for x in xs), dict((k, v) for k, v in zip('ab', xs)))",
    "print(max((x for x in []), default='none'), max(x for x in xs), min(-x for x in xs))",
    "print(sum(x * x for x in range(10**9) if x < 5) if False else sum(x for x in xs if x < 3))",
    "print(list((a, b) for a in range(4) if a % 2 for b in range(a) if b != 1))",
    "def f(n):\n    base = 10\n    return [sum(base + i * j for j in range(n)) for i in range(3)]\n"
    "print(f(3))",
    "def late():\n    k = 1\n    g = (k * x for x in range(3))\n    k = 10\n    return list(g)\n"
    "print(late())",
    "def early():\n    src = [1, 2]\n    g = (x for x in src)\n    src = [7, 8]\n"
    "    return list(g)\nprint(early())",
    "out = []\nfor k in range(3):\n    out.append(list(k + v for v in range(2)))\nprint(out)",
    "class C:\n    vals = [1, 2, 3]\n    total = sum(v for v in vals)\n"
    "    def m(self):\n        return list(v * 2 for v in self.vals)\nprint(C.total, C().m())",
    "class C:\n    n = 2\n    try:\n        g = list(n for _ in range(1))\n"
    "    except NameError as e:\n        print('NameError', e)",
    "g = (1 / x for x in [1, 0, 2])\nprint(next(g))\ntry:\n    next(g)\n"
    "except ZeroDivisionError as e:\n    print('err', e)\nprint(next(g, 'over'))",
    "g = (x for x in range(5))\nprint(next(g))\ng.close()\nprint(next(g, 'closed'), list(g))",
    "try:\n    (x for x in 5)\nexcept TypeError as e:\n    print('at once:', e)",
    "g = (y for y in undefined_name)",
    "g = (undefined_name for y in [1])\nprint('made')\nnext(g)",
    "print(list(y for y in (x * 2 for x in range(3))))",
    "if any((n := x) > 2 for x in xs):\n    print('n', n)",
    "def w():\n    if any((m := x) > 3 for x in xs):\n        return m\nprint(w())",
    "print([fn() for fn in (lambda x=x: x for x in range(3))])",
    "print(3 in (x for x in xs), 9 in (x for x in xs), 1 not in (x for x in xs))",
    "g = (x for x in xs)\nprint(3 in g, list(g))",
    "g = (check(x) for x in xs)\nfor v in g:\n    if v:\n        break\nprint(list(g))",
    "g = (x for x in xs)\nprint(list(zip(g, 'ab')), list(g))",
    "import collections\nprint(collections.deque(x for x in xs), "
    "collections.Counter(x % 2 for x in xs))",
    "import math\nprint(math.prod(x for x in xs), math.fsum(x / 2 for x in xs))",
    "g = (x for x in xs)\nprint(iter(g) is g, g.send(None), next(g))",
    "items = [1, 2]\ng = (x for x in items)\nitems.append(3)\nprint(list(g))",
    "def gen():\n    yield from (x * 3 for x in range(3))\nprint(list(gen()))",
    "a, b = (x for x in [1, 2])\nx, *rest = (i * 2 for i in range(4))\nprint(a, b, x, rest)",
    "print([*(i for i in 'ab')], {*(i for i in 'aa')}, max(*(i for i in [3, 4])))",
    "for p, q in ((i, i * i) for i in range(2)):\n    print(p, q)",
    "g = (i for i in range(3))\nprint(sum(g, 10), sum(g, 10))",
    "print(list(zip(*((i, i + 1) for i in range(3)))))",
    "a, b = (x for x in [1, 2, 3])",
    "it = iter([1])\nprint(list(next(it) for _ in range(3)))",
    "def gen():\n    yield next(iter([]))\ntry:\n    next(gen())\nexcept RuntimeError as e:\n"
    "    print(type(e.__cause__).__name__, e)",
]


def _without_addresses(answer: dict[str, Any]) -> dict[str, Any]:
    """CPython's reprs name an address; the engine's name none."""
    return {**answer, "output": [re.sub(r" at 0x[0-9a-f]+", "", line)
                                 for line in answer["output"]]}


@pytest.mark.parametrize("program", GENEXPS)
def test_a_generator_expression_runs_as_in_cpython(cpython_worker: Answer, program):
    source = GENEXP_PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", [
    "print(x for x in [])",
    "def outer():\n    return (x for x in [])\nprint(outer())",
    "class K:\n    def m(self):\n        return (x for x in [])\nprint(K().m())",
])
def test_a_generator_expression_reads_as_in_cpython(cpython_worker: Answer, program):
    """`<generator object f.<locals>.<genexpr>>`: CPython's qualified name, no address."""
    source = program + "\n"
    assert as_cpython_worker(source) == _without_addresses(cpython_worker(source))


def test_a_generator_expression_over_a_huge_range_is_refused_not_built():
    program = compile_program("print(sum(x * x for x in range(10**9) if x < 5))\n")
    outcome = run(program, RoundRobin(), record=False).outcome
    assert outcome.kind == "limit" and "an endless loop?" in outcome.reason


def test_a_generator_expression_a_thread_walks_reads_the_list_an_item_a_step():
    program = compile_program(
        "import threading\nshared = [1, 2]\ndef reader():\n"
        "    for v in (x * 10 for x in shared):\n        print(v)\n"
        "t = threading.Thread(target=reader)\nt.start()\nt.join()\n")
    result = run(program, RoundRobin(), record=False)
    steps = [s for s in run(program, RoundRobin()).steps if s.thread == "Thread-1 (reader)"]
    assert list(result.outcome.output) == ["10", "20"]
    assert [s.line for s in steps] == [4, 5, 4, 5, 4]


def test_a_generator_expression_sees_another_threads_append(reachable):
    outcomes = reachable("""
        import threading
        items = [1]
        seen = []
        def reader():
            for v in (x for x in items):
                seen.append(v)
        t = threading.Thread(target=reader)
        t.start()
        items.append(2)
        t.join()
    """, ["seen"])
    assert {tuple(o.globals["seen"]) for o in outcomes} == {(1,), (1, 2)}


@pytest.mark.parametrize("call", [
    "print(sum(x for x in shared))", "print(*(x for x in shared))",
    "print([*(x for x in shared)])", "print(', '.join(str(x) for x in shared))"])
def test_a_generator_a_builtin_takes_whole_reads_the_list_an_item_a_step(call):
    """Its code runs first as the thread's own (generators.collect): each item of the shared
    list it walks is a step, and a print of the result is the last."""
    program = compile_program(
        f"import threading\nshared = [1, 2]\ndef reader():\n    {call}\n"
        "t = threading.Thread(target=reader)\nt.start()\nt.join()\n")
    steps = [s.action for s in run(program, RoundRobin()).steps
             if s.thread == "Thread-1 (reader)"]
    assert [a.split(" →")[0] for a in steps[:3]] == ["next item of [1, 2]"] * 2 + [
        "[1, 2] has no more items: the loop ends"]
    assert steps[-1].startswith("print(")
