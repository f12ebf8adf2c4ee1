"""machine.py: the scheduling interface (enabled, step, over), a copy made by
snapshot.clone, and a late begin()."""

from __future__ import annotations

from app.engine import clone, compile_program
from app.engine.machine import Machine

SOURCE = """import threading
counter = 0
seen = [0, 0]
def work(i):
    global counter
    seen[i] = 1
    counter += 1
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter, seen)
"""


def _started() -> Machine:
    """MainThread stepped until it blocks in its first join, both workers started."""
    m = Machine(compile_program(SOURCE))
    while 0 in m.enabled():
        m.step(0)
    return m


def _finish(m: Machine) -> None:
    while not m.over():
        m.step(m.enabled()[0])


def test_only_main_is_enabled_at_first() -> None:
    m = Machine(compile_program(SOURCE))
    assert m.enabled() == [0]
    assert not m.over()
    assert m.threads[0].name == "MainThread"


def test_started_threads_become_enabled_and_join_blocks_main() -> None:
    m = _started()
    assert m.enabled() == [1, 2]
    assert m.next_instr(m.threads[0]).op == "CALL_METHOD"
    assert not m.can_run(m.threads[0])


def test_running_to_the_end_matches_cpython() -> None:
    m = _started()
    _finish(m)
    assert m.over()
    assert m.enabled() == []
    assert m.output == ["2 [1, 1]\n"]
    assert [t.state for t in m.threads] == ["finished"] * 3


def test_copy_is_independent() -> None:
    m = _started()
    twin = clone(m)
    _finish(twin)
    assert twin.over() and twin.output == ["2 [1, 1]\n"]
    assert not m.over()
    assert m.output == []
    assert m.enabled() == [1, 2]
    assert m.globals is not twin.globals
    _finish(m)
    assert m.output == twin.output


def test_start_false_waits_for_begin() -> None:
    program = compile_program(SOURCE)
    late = Machine(program, start=False)
    assert not late.over()
    late.begin()
    now = Machine(program)
    assert late.enabled() == now.enabled() == [0]
    assert late.next_instr(late.threads[0]) is now.next_instr(now.threads[0])
    _finish(late)
    assert late.output == ["2 [1, 1]\n"]
