"""stdlib/contextlib.py: `contextmanager`, `suppress`, `nullcontext` and `ExitStack`, against
CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CPython, compile_program, explore
from tests.support.running import as_cpython_worker, as_run_cpython, outcome

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import contextlib
@contextlib.contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print('swallowed', e)
@contextlib.contextmanager
def twice():
    yield 1
    yield 2
@contextlib.contextmanager
def never():
    if False:
        yield
@contextlib.contextmanager
def stubborn():
    try:
        yield
    except ValueError:
        yield
"""

PROGRAMS = [
    "with tag('b') as t:\n    print('inside', t)",
    "with tag('a'):\n    with tag('b'):\n        print('deep')",
    "with swallow():\n    raise TypeError('t')",
    "with contextlib.suppress(KeyError, IndexError):\n    [][1]\nprint('suppressed')",
    "with contextlib.suppress(KeyError):\n    1 / 0",
    "with contextlib.suppress():\n    print('nothing')",
    "with contextlib.nullcontext(5) as v:\n    print(v)\nwith contextlib.nullcontext() as w:\n"
    "    print(w)",
    "with tag(5):\n    pass",
    # the block's exception is thrown into the generator at its yield
    "with tag('x'):\n    raise KeyError('k')",
    "with swallow():\n    raise ValueError('v')\nprint('after')",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_context_managers_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", ["with twice() as v:\n    print(v)",
                                     "with never():\n    pass",
                                     "with stubborn():\n    raise ValueError('v')"])
def test_a_generator_that_yields_twice_or_never_is_refused(cpython_worker: Answer, program):
    """CPython's RuntimeErrors: 'generator didn't stop' (after throw()), 'didn't yield'."""
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)



EXIT_STACKS = [
    # callbacks and managers are exited last in, first out
    "with contextlib.ExitStack() as s:\n    s.callback(print, 'one')\n"
    "    print(s.enter_context(tag('a')))\n    s.callback(print, 'two', sep='-')",
    # the block's exception reaches every exit; one that returns True swallows it
    "with contextlib.ExitStack() as s:\n    s.enter_context(tag('a'))\n"
    "    s.enter_context(swallow())\n    raise ValueError('v')\nprint('after')",
    "with contextlib.ExitStack() as s:\n    s.enter_context(tag('a'))\n    raise KeyError('k')",
    "with contextlib.ExitStack() as s:\n    s.enter_context(contextlib.suppress(KeyError))\n"
    "    {}['x']\nprint('suppressed')",
    # an exit that raises replaces the exception the later ones see
    "def bad(*a):\n    raise TypeError('from exit')\n"
    "with contextlib.ExitStack() as s:\n    s.push(lambda *a: print('saw', a[0]))\n"
    "    s.push(bad)\n    raise ValueError('v')",
    "s = contextlib.ExitStack()\ns.enter_context(5)",
    "with contextlib.ExitStack() as s:\n    s.callback(print, 'kept')\n    t = s.pop_all()\n"
    "print('between')\nt.close()\nt.close()",
    "with contextlib.ExitStack() as s:\n    f = s.callback(print, 'x')\n    print(f is print)",
    "with contextlib.ExitStack() as s:\n    for name in ['p', 'q']:\n"
    "        s.enter_context(tag(name))\n    print('body')",
]


@pytest.mark.parametrize("program", EXIT_STACKS)
def test_an_exit_stack_answers_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_an_exit_stack_waits_for_the_locks_it_enters(run_cpython):
    """`enter_context(lock)` acquires as `with lock:` does: a step that may wait, so the
    threads take the locks one after another and none is left held."""
    source = textwrap.dedent("""\
        import threading, time
        from contextlib import ExitStack
        locks = [threading.Lock() for _ in range(3)]
        order = []
        def worker(n):
            with ExitStack() as stack:
                for lock in locks:
                    stack.enter_context(lock)
                order.append(n)
                time.sleep(0.01)
                stack.callback(order.append, -n)
        ts = [threading.Thread(target=worker, args=(i,)) for i in range(1, 4)]
        for t in ts: t.start()
        for t in ts: t.join()
        print(sorted(order), [lock.locked() for lock in locks])
        print(all(order[i] == -order[i + 1] for i in range(0, 6, 2)))
    """)
    assert outcome(source).output == tuple(run_cpython(source)[0])
    assert reached_outcomes(source) == {tuple(run_cpython(source)[0])}


def reached_outcomes(source: str) -> set[tuple[str, ...]]:
    """What the explorer says the program may print: the locks make it one answer."""
    found = explore(compile_program(source), max_states=20_000)
    assert found.complete and not found.deadlocks
    return {o.outcome.output for o in found.outcomes}


REDIRECTS = [
    # print() goes to the buffer for the block, and back after it, nested as a stack
    "import io\nfrom contextlib import redirect_stdout\nouter, inner = io.StringIO(), "
    "io.StringIO()\nwith redirect_stdout(outer) as got:\n    print('a', got is outer)\n"
    "    with redirect_stdout(inner):\n        print('b', end='!')\n    print('c')\n"
    "print(repr(outer.getvalue()), repr(inner.getvalue()))\n",
    # sys.stdout.write and print(file=sys.stdout) name the redirected stream too
    "import io, sys\nfrom contextlib import redirect_stdout\nbuf = io.StringIO()\n"
    "with redirect_stdout(buf):\n    sys.stdout.write('w\\n')\n    print('p', file=sys.stdout)\n"
    "print(buf.getvalue().split())\n",
    # to stderr and back: nothing on stdout meanwhile (a file: tests/test_io.py)
    "import sys\nfrom contextlib import redirect_stdout\nwith redirect_stdout(sys.stderr):\n"
    "    print('hidden')\nprint('back')\n",
    "import io\nfrom contextlib import redirect_stderr\nimport sys\nbuf = io.StringIO()\n"
    "with redirect_stderr(buf):\n    print('err', file=sys.stderr)\nprint(repr(buf.getvalue()))\n",
]


@pytest.mark.parametrize("program", REDIRECTS)
def test_redirected_streams_as_in_cpython(cpython_worker: Answer, program):
    assert as_cpython_worker(program) == cpython_worker(program)


CLOSING = """
from contextlib import closing
class Conn:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)
with closing(Conn("a")) as c:
    print("using", c.name)
try:
    with closing(Conn("b")):
        raise ValueError("boom")
except ValueError as e:
    print("raised", e)
print(type(closing(Conn("c"))).__name__)
"""


def test_closing_calls_the_programs_close(cpython_worker: Answer):
    assert as_cpython_worker(CLOSING) == cpython_worker(CLOSING)


def test_a_contextmanager_in_a_loop_and_on_a_method(run_cpython):
    """`with held():` in a loop left a value on the stack under the loop's iterator (the
    engine crashed at the loop's next turn), and `@contextmanager` on a method did not bind
    `self` (TypeError: missing 1 required positional argument: 'self')."""
    source = textwrap.dedent("""
        import threading, time
        from contextlib import contextmanager
        lock = threading.Lock()
        @contextmanager
        def held():
            with lock:
                yield "held"
        class Store:
            def __init__(self):
                self._cond = threading.Condition()
                self.items = []
            @contextmanager
            def locked(self, tag):
                with self._cond:
                    yield tag
                    self._cond.notify_all()
        store = Store()
        def hold():
            with lock:
                time.sleep(0.05)
        threading.Thread(target=hold).start()
        time.sleep(0.01)
        for i in range(3):
            with held() as what, store.locked(i) as tag:
                store.items.append((what, tag))
        print(store.items, lock.locked())
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)
