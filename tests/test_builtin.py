"""builtin.py: a built-in as a program's value — how it shows, the type CPython gives it,
whether its call is a step, and `positional`, which refuses a call in CPython's words."""

from __future__ import annotations

import textwrap
from collections import deque

import pytest

from app.engine import RoundRobin, compile_program
from app.engine.builtin import Builtin, positional
from app.engine.values import Thrown
from tests.support.running import as_run_cpython, outcome
from tests.support.walking import walk


def _noop(m, th, *args):
    return args


def test_a_builtin_shows_as_cpython_shows_it():
    assert repr(Builtin("len", _noop)) == "<built-in function len>"
    assert repr(Builtin("int", _noop)) == "<class 'int'>"
    assert repr(Builtin("deque", _noop, module="collections")) == "<class 'collections.deque'>"
    assert Builtin("int", _noop).type_name == "type"
    assert Builtin("sleep", _noop, module="time").type_name == "builtin_function_or_method"
    assert Builtin("enumerate", _noop, module="threading").key == "threading.enumerate"


@pytest.mark.parametrize(("shared", "args", "step"), [
    ("always", [], True), ("never", [[1]], False), ("containers", [1, "a"], False),
    ("containers", [[1]], True), ("containers", [{}], True), ("containers", [deque()], True),
    ("containers", [{1}], True), ("containers", [(1,)], False)])
def test_a_call_is_a_step_as_its_arguments_say(shared, args, step):
    assert Builtin("f", _noop, shared).visible(args) == step


@pytest.mark.parametrize(("name", "least", "most", "args", "message"), [
    ("len", 1, 1, (), "len() takes exactly one argument (0 given)"),
    ("hash", 1, 1, (1, 2), "hash() takes exactly one argument (2 given)"),
    ("reversed", 1, 1, (), "reversed expected 1 argument, got 0"),
    ("hasattr", 2, 2, (1,), "hasattr expected 2 arguments, got 1"),
    ("getattr", 2, 3, (1,), "getattr expected at least 2 arguments, got 1"),
    ("getattr", 2, 3, (1, 2, 3, 4), "getattr expected at most 3 arguments, got 4"),
    ("next", 1, 2, (), "next expected at least 1 argument, got 0"),
])
def test_positional_refuses_in_cpythons_words(name, least, most, args, message):
    call = positional(_noop, name, least, most)
    with pytest.raises(Thrown) as raised:
        call(None, None, *args)
    assert (raised.value.exc.type, raised.value.exc.message) == ("TypeError", message)
    with pytest.raises(Thrown, match="takes no keyword arguments"):
        call(None, None, *range(least), x=1)
    assert call(None, None, *range(least)) == tuple(range(least))


GENERIC_ALIASES = """
import collections, queue, threading
class Job:
    pass
def handler():
    pass
Jobs = queue.Queue[int]
print(list[int], dict[str, int], tuple[int, ...], tuple[()], Jobs, set[str], type[int])
print(list[dict[str, list[int]]], collections.deque[int], collections.defaultdict[str, int])
print(queue.SimpleQueue[str], list[Job], list[handler], list['Job'], list[None], list[1, [2]])
print(int | None, None | int, list[int] | None, int | str | int, int | list[int])
print(type(list[int]), type(int | None), list[int] == list[int], (int | None) == (None | int))
print(list[int]('ab'), dict[str, int](a=1), type(Jobs()).__name__, {list[int]: 1}[list[int]])
results: dict[str, list[int]] = {}
for bad in (lambda: int[str], lambda: threading.Thread[int], lambda: print[int],
            lambda: print | int, lambda: int | 5, lambda: zip[int]):
    try:
        bad()
    except TypeError as e:
        print(e)
"""

UNION_CHECKS = """
print(isinstance(1, int | str), isinstance("a", int | None), isinstance(None, int | None))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(issubclass(bool, int | str))
"""


@pytest.mark.parametrize("source", [GENERIC_ALIASES, UNION_CHECKS], ids=["aliases", "checks"])
def test_a_generic_alias_evaluates_as_in_cpython(run_cpython, source):
    assert as_run_cpython(source, RoundRobin()) == run_cpython(source)


def test_a_generic_alias_s_text_is_bounded():
    """`a = dict[a, a]` doubles the text each time: it stops at a budget, never walks a
    deep alias to show it."""
    done = outcome("""
        a = list[int]
        for _ in range(40):
            a = dict[a, a]
    """)
    assert done.kind == "limit" and "type hint over" in done.reason
    deep = outcome("""
        a = int
        for _ in range(1500):
            a = list[a]
        print(len(str(a)))
    """)
    assert deep.kind == "done" and deep.output == ("9003",)


def test_a_generic_alias_in_shared_state_lands_where_a_replay_does():
    walk(compile_program(textwrap.dedent("""
        import queue, threading
        Jobs = queue.Queue[int]
        hint = int | None
        q = Jobs()
        def worker():
            q.put(len(str(list[int])))
        t = threading.Thread(target=worker)
        t.start()
        print(q.get(), hint, t)
        t.join()
    """)), limit=300)
