"""The explorer against an independent brute-force enumeration, closed forms and replays."""

from __future__ import annotations

import json
from collections import Counter
from math import comb
from pathlib import Path

import pytest

from app.engine import Explicit, ScheduleError, compile_program, decode, run
from app.engine.explorer import LIVELOCK, explore
from app.engine.goal import parse_goal
from app.scenarios import get
from app.sized import counter
from tests.support.bruteforce import enumerate_outcomes, signature

SEMANTICS = Path(__file__).parent / "programs" / "semantics"
CASES = {c["id"]: c for c in json.loads((SEMANTICS / "expected.json").read_text())}


def bare_counter(n: int) -> str:
    """Two threads of n unlocked increments, started by a main thread that then ends."""
    return (
        "import threading\ncounter = 0\n"
        f"def inc():\n    global counter\n    for _ in range({n}):\n        counter += 1\n"
        "t1 = threading.Thread(target=inc)\nt2 = threading.Thread(target=inc)\n"
        "t1.start()\nt2.start()\n"
    )


@pytest.mark.parametrize("row", ["S1", "S2", "S5", "S6", "S9", "S11", "S16", "S20", "S24",
                                 "S26", "S28"])
def test_counts_match_brute_force(row):
    case = CASES[row]
    program = compile_program((SEMANTICS / case["file"]).read_text())
    keys = sorted({k for o in case["outcomes"] for k in o["globals"]})
    expected = enumerate_outcomes(program, keys, max_depth=400)
    result = explore(program)
    got: Counter = Counter()
    for found in result.outcomes:
        got[signature(found.outcome, keys)] += found.schedules
    assert result.complete
    assert got == expected
    assert result.schedules == sum(expected.values())


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_two_bare_threads_give_the_closed_form(n):
    # After MainThread's three steps (write counter, start, start) only the two threads run.
    result = explore(compile_program(bare_counter(n)), prefix="a3")
    assert result.complete
    assert result.schedules == comb(6 * n, 3 * n)


@pytest.mark.parametrize("row", sorted(CASES))
def test_every_semantics_row_has_exactly_its_outcome_set(row):
    case = CASES[row]
    program = compile_program((SEMANTICS / case["file"]).read_text())
    keys = sorted({k for o in case["outcomes"] for k in o["globals"]})
    result = explore(program)
    assert result.complete
    got = {signature(f.outcome, keys) for f in result.outcomes}
    want = set()
    for o in case["outcomes"]:
        errors = tuple(sorted(e[:-2] if e.endswith(": ") else e for e in o["errors"]))
        blocked = tuple(sorted(o.get("blocked", []))) if o["kind"] == "deadlock" else ()
        globals_ = {k: o["globals"].get(k) for k in keys}
        want.add((o["kind"], repr(sorted(globals_.items())), errors, blocked))
    assert got == want


def test_every_witness_replays_to_its_outcome():
    for name in ("race-counter", "deadlock-two-locks", "condition-if-bug", "semaphore-pool"):
        program = compile_program(get(name).source)
        for found in explore(program).outcomes:
            replay = run(program, Explicit(found.witness)).outcome
            assert replay.kind == found.outcome.kind
            assert replay.globals == found.outcome.globals
            assert replay.errors == found.outcome.errors
            assert replay.output == found.outcome.output


def test_witnesses_are_shortest():
    # 2 x 1 unlocked: the lost update needs both reads before either write.
    result = explore(compile_program(counter(2, 1)))
    lost = next(f for f in result.outcomes if f.outcome.output == ("1",))
    assert run(compile_program(counter(2, 1)), Explicit(lost.witness)).outcome.output == ("1",)
    # main: write counter, start, start (3 steps); both reads, both adds, both writes (6);
    # main: join, join, read, print (4): 13 steps at the least.
    assert len(decode(lost.witness)) == 13


def test_the_lesson_counter_races_and_the_locked_one_does_not():
    racy = explore(compile_program(get("race-counter").source))
    assert {r.variable for r in racy.races} == {"counter"}
    locked = explore(compile_program(get("lock-counter").source))
    assert locked.races == []
    assert [f.outcome.output for f in locked.outcomes] == [("4",)]


def test_a_race_is_reported_even_when_every_outcome_is_right():
    # Two threads write the same constant: the result never changes, the race is there.
    source = (
        "import threading\nflag = False\n"
        "def go():\n    global flag\n    flag = True\n"
        "a = threading.Thread(target=go)\nb = threading.Thread(target=go)\n"
        "a.start()\nb.start()\na.join()\nb.join()\n"
    )
    result = explore(compile_program(source))
    assert len(result.outcomes) == 1
    assert [r.variable for r in result.races] == ["flag"]


def test_deadlock_reports_its_wait_for_cycle():
    result = explore(compile_program(get("deadlock-two-locks").source))
    assert len(result.deadlocks) == 1
    cycle = result.deadlocks[0].cycle
    assert {link["thread"] for link in cycle} == {"thread_1", "thread_2"}
    holds = {link["thread"]: link["holds"] for link in cycle}
    assert holds == {"thread_1": ["lock_a"], "thread_2": ["lock_b"]}
    waits = {link["thread"]: link["waits_for"] for link in cycle}
    assert waits == {"thread_1": "thread_2", "thread_2": "thread_1"}


def test_a_busy_wait_that_can_spin_forever_is_a_livelock_not_a_hang():
    source = (
        "import threading\nready = False\n"
        "def spin():\n    while not ready:\n        pass\n"
        "def release():\n    global ready\n    ready = True\n"
        "a = threading.Thread(target=spin)\nb = threading.Thread(target=release)\n"
        "a.start()\nb.start()\na.join()\nb.join()\n"
    )
    result = explore(compile_program(source))
    assert result.complete
    kinds = {f.outcome.kind for f in result.outcomes}
    assert kinds == {"done", LIVELOCK}
    assert result.schedules is None  # unbounded: it can spin any number of times
    livelock = next(f for f in result.outcomes if f.outcome.kind == LIVELOCK)
    assert livelock.schedules is None
    assert run(compile_program(source), Explicit(livelock.witness)).outcome.kind == "paused"


def test_budgets_stop_the_search_and_say_so():
    result = explore(compile_program(counter(3, 3)), max_states=500)
    assert not result.complete
    assert "state limit of 500" in result.stopped
    assert result.states <= 501


def test_cancel_returns_a_partial_result():
    result = explore(compile_program(counter(3, 3)), should_stop=lambda: True)
    assert not result.complete
    assert result.stopped == "cancelled"


def test_goal_with_a_witness_or_a_proof_of_impossibility():
    program = compile_program(counter(2, 2))
    found = explore(program, goal=parse_goal("counter == 2"))
    assert found.goal["reachable"]
    assert run(program, Explicit(found.goal["witness"])).outcome.globals["counter"] == 2
    locked = compile_program(counter(2, 2, lock=True))
    never = explore(locked, goal=parse_goal("counter < 4"))
    assert never.goal == {"reachable": False, "witness": None, "proof": True}


def test_goal_about_states_along_the_way():
    # Line 7 is `counter += 1`: two threads can be about to run it at once without the lock.
    racy = explore(compile_program(counter(2, 1)), goal=parse_goal("at(7) >= 2"))
    assert racy.goal["reachable"]
    locked = explore(compile_program(counter(2, 1, lock=True)), goal=parse_goal("at(8) >= 2"))
    assert locked.goal["proof"]


def test_a_prefix_restricts_to_its_completions():
    program = compile_program(get("race-counter").source)
    everything = explore(program)
    after = explore(program, prefix="a3")
    assert after.schedules < everything.schedules
    assert all(f.witness.startswith("a3") for f in after.outcomes)
    with pytest.raises(ScheduleError):
        explore(program, prefix="b")


def test_bad_goal_is_a_compile_error():
    from app.engine import CompileError

    for text in ("counter ==", "__import__('os')", "lambda: 1", "x.y"):
        with pytest.raises(CompileError):
            parse_goal(text)


def test_a_race_inside_a_lazy_map_is_at_the_programs_line():
    """A thread in a `map`'s own loop (the library's code, line 0) reading a shared list is
    at the line of the program's code that runs the map."""
    result = explore(compile_program(
        "import threading\nitems = [1, 2]\n"
        "def read():\n    print(list(map(abs, items)))\n"
        "def grow():\n    items.append(3)\n"
        "threads = [threading.Thread(target=read), threading.Thread(target=grow)]\n"
        "for t in threads: t.start()\nfor t in threads: t.join()\n"), count=False)
    assert result.races
    assert {(race.first.line, race.second.line) for race in result.races} <= {(4, 6), (6, 4)}
