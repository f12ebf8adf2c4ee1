"""`snapshot`: a machine's state as bytes, its copy and its identity. A machine restored from
its snapshot must run on exactly like the original."""

from __future__ import annotations

import io
import pickle
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import Machine, compile_program, describe_threads, represent
from app.engine.snapshot import Pickler, clone, copied, rebuild, register_reader, restore, snapshot
from tests.support.generated import threaded_programs

# Objects of most kinds a snapshot writes by its own rules: closures, instances, generators,
# iterators, thread-locals, random, exceptions, a lock held across a step.
RICH = """
import threading
import random
total = 0
log = []
lock = threading.Lock()
local = threading.local()
random.seed(7)

class Box:
    def __init__(self, n):
        self.n = n
    def bump(self):
        self.n += 1
        return self.n

def counter(start):
    n = [start]
    def more():
        n[0] += 1
        return n[0]
    return more

def squares(k):
    for i in range(k):
        yield i * i

def work(name):
    global total
    local.name = name
    box = Box(len(name))
    more = counter(10)
    for sq in squares(3):
        with lock:
            total += sq + box.bump() + more()
    try:
        [][1]
    except IndexError as e:
        log.append((local.name, type(e).__name__))
    log.append(random.randint(0, 99))

threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "bc")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total, log)
"""


def _machine(source: str) -> Machine:
    return Machine(compile_program(textwrap.dedent(source)))


def _view(m: Machine) -> tuple:
    """All a program or its user can observe of `m`. (Not its snapshot's bytes: equal states
    mostly give equal bytes, not always, e.g. where a restored machine holds two equal
    strings that the original held as one.)"""
    return (represent(m.globals), m.transcript(), describe_threads(m), m.enabled(),
            [(tid, represent(e)) for tid, e in m.errors], m.clock)


def _run_on(m: Machine, choices: list[int]) -> list[tuple]:
    """Step `m` by `choices` (an index into the enabled threads each time), then by its first
    enabled thread to the end: what can be observed after each step."""
    seen = []
    for i in range(10_000):
        enabled = m.enabled()
        if not enabled:
            return seen
        m.step(enabled[choices[i] % len(enabled)] if i < len(choices) else enabled[0])
        seen.append(_view(m))
    raise AssertionError("the run did not end")


def test_a_restored_machine_runs_on_like_the_original_at_every_step() -> None:
    m = _machine(RICH)
    twins = []
    while m.enabled():
        twins.append(restore(m, snapshot(m)))
        m.step(m.enabled()[-1])
    assert m.lines() and not m.errors
    for twin in twins:
        _run_on(twin, [-1] * 10_000)
        assert _view(twin) == _view(m)


@settings(max_examples=30, deadline=None)
@given(source=threaded_programs(), before=st.lists(st.integers(0, 5), max_size=40),
       after=st.lists(st.integers(0, 5), max_size=40))
def test_a_clone_takes_the_same_steps_to_the_same_states(source: str, before: list[int],
                                                        after: list[int]) -> None:
    m = _machine(source)
    for choice in before:
        enabled = m.enabled()
        if not enabled:
            break
        m.step(enabled[choice % len(enabled)])
    twin = clone(m)
    assert snapshot(twin) == snapshot(m)
    assert _run_on(twin, after) == _run_on(m, after)


def test_a_snapshot_keeps_aliasing_and_cycles() -> None:
    m = _machine("""
    a = [1]
    b = a
    c = [a]
    c.append(c)
    """)
    _run_on(m, [])
    twin = clone(m)
    assert twin.globals["a"] is twin.globals["b"] is twin.globals["c"][0]
    assert twin.globals["c"][1] is twin.globals["c"]
    assert twin.globals["a"] is not m.globals["a"]


def test_a_clone_is_independent_of_the_original() -> None:
    m = _machine("""
    import threading
    items = []
    def work():
        items.append(1)
    t = threading.Thread(target=work)
    t.start()
    t.join()
    """)
    twin = clone(m)
    _run_on(twin, [])
    assert twin.globals["items"] == [1]
    assert m.globals["items"] == []
    assert not twin.enabled() and m.enabled()


def test_equal_states_give_equal_bytes_and_different_states_different_bytes() -> None:
    program = compile_program("import threading\nx = 0\ndef w():\n    global x\n    x += 1\n"
                              "t = threading.Thread(target=w)\nt.start()\nt.join()\n")
    one, two = Machine(program), Machine(program)
    assert snapshot(one) == snapshot(two)
    one.step(one.enabled()[0])
    assert snapshot(one) != snapshot(two)
    two.step(two.enabled()[0])
    assert snapshot(one) == snapshot(two)


def test_a_restored_machine_snapshots_to_the_bytes_it_was_restored_from() -> None:
    m = _machine(RICH)
    while m.enabled():
        restored = snapshot(restore(m, snapshot(m)))  # strings now unshared as pickle left them
        assert snapshot(restore(m, restored)) == restored
        m.step(m.enabled()[0])


def test_copied_gives_the_size_of_the_snapshot() -> None:
    m = _machine(RICH)
    twin, size = copied(m)
    assert size == len(snapshot(m))
    assert snapshot(twin) == snapshot(m)


class _Point:
    """An object written by a reader of its own, as the explorer's parts write theirs."""

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y

    def __reduce__(self) -> tuple:
        return (rebuild, ("test_snapshot.point", self.x, self.y))


def test_a_registered_reader_reads_back_what_its_writer_wrote() -> None:
    register_reader("test_snapshot.point", _Point)
    buffer = io.BytesIO()
    Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump([_Point(1, 2), _Point(3, 4)])
    points = pickle.loads(buffer.getvalue())
    assert [(p.x, p.y) for p in points] == [(1, 2), (3, 4)]
    assert all(type(p) is _Point for p in points)
    with pytest.raises(ValueError, match="exists already"):
        register_reader("test_snapshot.point", _Point)


@pytest.mark.parametrize("kind", ["thread", "frame", "code", "function"])
def test_the_engine_s_own_readers_cannot_be_replaced(kind: str) -> None:
    with pytest.raises(ValueError, match="exists already"):
        register_reader(kind, lambda *args: None)
