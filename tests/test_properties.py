"""Properties that hold for every schedule: a run's schedule replays it exactly, the primitives
keep their invariants at every step, and the schedule's text form round-trips."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import scenarios
from app.engine import (
    CPython,
    Machine,
    Random,
    clone,
    compile_program,
    decode,
    encode,
    primitives_of,
    run,
)
from app.engine.primitives import Lock, RLock, Semaphore
from app.engine.schedule import decode_runs, encode_runs
from tests.support.generated import threaded_programs
from tests.support.replaying import SHORT_SCENARIOS, assert_replays

# -- replay ----------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(scenario=st.sampled_from(SHORT_SCENARIOS), seed=st.integers(0, 2**32 - 1))
def test_a_random_run_of_a_scenario_replays_exactly(scenario, seed):
    program = compile_program(scenarios.get(scenario).source)
    assert_replays(program, seed)


@settings(max_examples=20, deadline=None)
@given(scenario=st.sampled_from(SHORT_SCENARIOS), interval=st.integers(1, 10),
       seed=st.integers(0, 2**32 - 1))
def test_a_cpython_policy_run_replays_exactly(scenario, interval, seed):
    program = compile_program(scenarios.get(scenario).source)
    assert_replays(program, seed, CPython(interval, seed))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=threaded_programs(), seed=st.integers(0, 2**32 - 1))
def test_a_random_run_of_a_generated_program_replays_exactly(source, seed):
    assert_replays(compile_program(source), seed)


@pytest.mark.parametrize("scenario", SHORT_SCENARIOS)
def test_a_runs_schedule_text_decodes_to_its_steps(scenario):
    result = run(compile_program(scenarios.get(scenario).source), Random(7))
    assert decode(result.schedule) == [s.tid for s in result.steps]
    assert [s.index for s in result.steps] == list(range(len(result.steps)))
    assert result.outcome.step_count == len(result.steps)


# -- the cpython policy: switches only at eval-breaker points (SEMANTICS.md §7) -----------------

GIL_COUNTER = """
import threading
counter = 0
def bump(value):
    return value + 1
def work():
    global counter
    for _ in range(20):
        {statement}
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""


@settings(max_examples=25, deadline=None)
@given(interval=st.integers(1, 40), seed=st.integers(0, 2**32 - 1))
def test_cpython_policy_never_switches_between_a_read_and_its_write(interval, seed):
    result = run(compile_program(GIL_COUNTER.format(statement="counter += 1")),
                 CPython(interval, seed))
    assert result.outcome.output == ("60",)
    for i, step in enumerate(result.steps):
        if step.kind == "read" and step.tid != 0:
            assert [s.tid for s in result.steps[i:i + 3]] == [step.tid] * 3
            assert [s.kind for s in result.steps[i:i + 3]] == ["read", "compute", "write"]


def test_cpython_policy_switches_after_a_call_between_read_and_write():
    source = GIL_COUNTER.format(statement="counter = bump(counter)")
    outputs = {run(compile_program(source), CPython(5, seed), record=False).outcome.output
               for seed in range(5)}
    assert any(int(out[0]) < 60 for out in outputs)


# -- invariants of the primitives, at every step ---------------------------------------------

CRITICAL_SECTIONS = """
import threading
lock = threading.Lock()
rlock = threading.RLock()
sem = threading.Semaphore(2)
pool = threading.BoundedSemaphore(2)
cond = threading.Condition(lock)
in_lock = []
in_sem = []

def locked(n):
    for _ in range(2):
        with lock:
            in_lock.append(n)
            in_lock.remove(n)

def reentrant(n):
    with rlock:
        with rlock:
            with lock:
                in_lock.append(n)
                in_lock.remove(n)

def limited(n):
    with sem:
        in_sem.append(n)
        in_sem.remove(n)

def sloppy(n):
    pool.acquire()
    pool.release()
    pool.release()  # one too many: a BoundedSemaphore refuses it

def waiting(n):
    with cond:
        cond.wait(1)
        in_lock.append(n)
        in_lock.remove(n)
        cond.notify_all()

threads = [threading.Thread(target=f, args=(i,)) for i, f in
           enumerate([locked, locked, reentrant, limited, limited, limited, sloppy, sloppy,
                      waiting])]
for t in threads:
    t.start()
"""


def check_invariants(m: Machine, before: dict[int, tuple]) -> dict[int, tuple]:
    """Assert every primitive is in a legal state, and no Lock changed hands while held."""
    now = {}
    for p in primitives_of(m):
        if isinstance(p, RLock):
            assert (p.holder is None) == (p.count == 0), p.describe()
            assert p.count >= 0
            now[id(p)] = (p.holder is not None, p.holder)
        elif isinstance(p, Lock):
            assert p.locked == (p.holder is not None), p.describe()
            now[id(p)] = (p.locked, p.holder)
        elif isinstance(p, Semaphore):
            assert p.value >= 0, p.describe()
            if p.bounded:
                assert p.value <= p.initial, p.describe()
    for key, (held, holder) in now.items():
        was_held, was_holder = before.get(key, (False, None))
        if held and was_held:
            assert holder == was_holder, "a held lock got a second holder"
    assert len(m.globals["in_lock"]) <= 1
    assert len(m.globals["in_sem"]) <= 2
    return now


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_primitives_keep_their_invariants_at_every_step(seed):
    rng = random.Random(seed)
    m = Machine(compile_program(CRITICAL_SECTIONS))
    state = check_invariants(m, {})
    for _ in range(3_000):
        enabled = m.enabled()
        if not enabled:
            break
        m.step(rng.choice(enabled))
        state = check_invariants(m, state)
    assert not m.enabled()
    assert m.over()
    # Each sloppy thread's extra release fails, or its partner's does.
    errors = [str(exc) for _, exc in m.errors]
    assert errors and set(errors) == {"ValueError: Semaphore released too many times"}


def test_machine_copy_is_independent():
    m = Machine(compile_program(CRITICAL_SECTIONS))
    twin = clone(m)
    while m.enabled():
        m.step(m.enabled()[-1])
    assert twin.enabled() == [0]
    assert twin.globals["in_lock"] == [] and not twin.errors
    assert len(twin.threads) < len(m.threads)


# -- the schedule's text form ------------------------------------------------------------------

runs_lists = st.lists(st.tuples(st.integers(0, 9999), st.integers(-2, 10**6)), max_size=40)


def merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for tid, count in runs:
        if count <= 0:
            continue
        if out and out[-1][0] == tid:
            out[-1][1] += count
        else:
            out.append([tid, count])
    return [(t, c) for t, c in out]


@given(runs_lists)
def test_encode_runs_then_decode_runs_gives_the_merged_runs(runs):
    text = encode_runs(runs)
    assert decode_runs(text) == merged(runs)
    assert encode_runs(decode_runs(text)) == text  # the text form is canonical


@given(st.lists(st.integers(0, 200), max_size=300))
def test_encode_then_decode_gives_the_steps(steps):
    text = encode(steps)
    assert decode(text) == steps
    assert set(text) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


@pytest.mark.parametrize(("text", "steps"), [
    ("", []),
    ("a3b2ab", [0, 0, 0, 1, 1, 0, 1]),
    ("zAZ", [25, 26, 51]),
    ("_52__60_3", [52, 60, 60, 60]),
    ("a12", [0] * 12),
])
def test_schedule_examples(text, steps):
    assert decode(text) == steps
    assert encode(steps) == text
