"""A loop is a livelock only if a fair scheduler can keep the program going round it
(app/engine/fairness.py): Peterson's busy wait is not one, two threads that undo each other's
work for ever are."""

from __future__ import annotations

from collections.abc import Iterator

from app.engine import compile_program, explorer
from app.engine.explorer import LIVELOCK, explore
from app.engine.fairness import loops
from tests.support.answering import assert_witnesses_replay

PETERSON = """\
import threading
flag = [False, False]
turn = 0
counter = 0
def worker(me):
    global turn, counter
    other = 1 - me
    for _ in range(2):
        flag[me] = True
        turn = other
        while flag[other] and turn == other:
            pass
        counter += 1
        flag[me] = False
threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""

#: Each thread backs off when it sees the other's flag: they can undo each other for ever,
#: both taking turns.
POLITE = """\
import threading
a = b = 0
def left():
    global a
    while True:
        a = 1
        if b == 1:
            a = 0
def right():
    global b
    while True:
        b = 1
        if a == 1:
            b = 0
t1 = threading.Thread(target=left, daemon=True)
t2 = threading.Thread(target=right, daemon=True)
t1.start()
t2.start()
t1.join()
"""


def _livelock(source: str) -> str:
    program = compile_program(source)
    found = explore(program, count=False)
    assert found.complete
    assert_witnesses_replay(program, found)
    reasons = [f.outcome.reason for f in found.outcomes if f.outcome.kind == LIVELOCK]
    assert len(reasons) == 1
    return reasons[0]


def test_a_busy_wait_runs_forever_only_if_the_other_thread_never_runs():
    reason = _livelock(PETERSON)
    assert reason.startswith("the program runs forever only if Thread-2 (worker) never gets "
                             "a turn when it could move: Thread-1 (worker) can go round")
    forever = next(f for f in explore(compile_program(PETERSON), count=False).outcomes
                   if f.outcome.kind == LIVELOCK)
    assert forever.starved == ("Thread-2 (worker)",)
    assert forever.to_dict()["starved"] == ["Thread-2 (worker)"]
    assert {f.outcome.output for f in explore(compile_program(PETERSON)).outcomes
            if f.outcome.kind != LIVELOCK} == {("4",)}


def test_threads_that_undo_each_other_run_forever_under_any_scheduler():
    assert _livelock(POLITE) == ("the program can run forever: this schedule reaches a state "
                                 "it can return to")



def test_past_a_bound_a_livelock_does_not_say_whether_it_is_fair(monkeypatch):
    """Working fairness out is pure Python over the loops' states: past FAIRNESS_MOST of
    them, the reason stays the plain one rather than overrun the time budget."""
    monkeypatch.setattr(explorer, "FAIRNESS_MOST", 10)
    assert _livelock(PETERSON) == ("the program can run forever: this schedule reaches a state "
                                   "it can return to")


class _Graph:
    """Edges as (from, thread, to)."""

    def __init__(self, *edges: tuple[int, str, int]) -> None:
        self.edges = edges

    def steps(self, v: int) -> Iterator[tuple[int, int]]:
        return iter([(w, ord(tid)) for u, tid, w in self.edges if u == v])


def test_a_thread_that_can_move_only_at_times_must_still_get_its_turn():
    """Strong fairness: b can move in state 1 only; a fair run never passes there for ever
    without b moving, and the rest ({0}) has no loop."""
    graph = _Graph((0, "a", 1), (1, "a", 0), (1, "b", 2))
    fair, found = loops(graph, [0, 1, 2])
    assert fair is None
    assert [(loop.state, loop.going, loop.starved) for loop in found] == [
        (0, frozenset({ord("a")}), frozenset({ord("b")}))]


def test_a_fair_loop_inside_a_starving_one():
    """Where b cannot move (state 0) a keeps going round on its own: that loop is fair."""
    graph = _Graph((0, "a", 0), (0, "a", 1), (1, "a", 0), (1, "b", 2))
    fair, _ = loops(graph, [0, 1, 2])
    assert fair is not None and fair.state == 0 and not fair.starved
