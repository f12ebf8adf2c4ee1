"""`plain`: which steps may be plain (they depend on a thread's frames and one value only), and
the keys their values are remembered by."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from app.engine import Machine, Thread, compile_program
from app.engine.lifted import value_key
from app.engine.plain import ENDS_THREAD, Next, Rules


def _worker(source: str) -> tuple[Machine, Thread]:
    """A machine for `source` right after its main thread started a second one."""
    m = Machine(compile_program(textwrap.dedent(source)))
    while len(m.threads) < 2 or not m.threads[1].frames:
        m.step(0)
    return m, m.threads[1]


def _next(m: Machine, th: Thread, op: str, arg: object = None) -> Thread:
    """Step `th` until its next instruction is `op` (on `arg`, if given)."""
    for _ in range(100):
        ins = m.next_instr(th)
        if ins.op == op and (arg is None or ins.arg == arg):
            return th
        m.step(th.tid)
    raise AssertionError(f"{th.name} never reached {op}")


COUNTER = """
import threading
counter = 0
def work():
    global counter
    for _ in range(2):
        counter += 1
t = threading.Thread(target=work)
t.start()
t.join()
"""

WITH_LOCK = """
import threading
counter = 0
lock = threading.Lock()
def work():
    global counter
    with lock:
        counter += 1
t = threading.Thread(target=work)
t.start()
t.join()
"""


def test_value_key_tells_signed_zeros_apart() -> None:
    assert value_key(0.0) != value_key(-0.0)
    assert value_key(0.0) == value_key(0.0)
    assert value_key(float("nan")) == value_key(float("nan"))


def test_value_key_tells_ints_bools_and_floats_apart() -> None:
    assert len({value_key(1), value_key(True), value_key(1.0)}) == 3
    assert len({value_key(0), value_key(False), value_key(None)}) == 3
    assert value_key(10**30) == value_key(10**30)


def test_value_key_is_none_for_what_a_plain_step_may_not_hold() -> None:
    for value in ("1", b"1", [1], (1,), 1j, object()):
        assert value_key(value) is None


@given(st.one_of(st.integers(), st.booleans(), st.floats(), st.none()),
       st.one_of(st.integers(), st.booleans(), st.floats(), st.none()))
def test_value_keys_are_equal_exactly_for_values_a_program_cannot_tell_apart(
        a: object, b: object) -> None:
    same = type(a) is type(b) and repr(a) == repr(b)
    assert (value_key(a) == value_key(b)) is same


def test_a_read_and_write_of_a_shared_number_in_sealed_code_may_be_plain() -> None:
    m, th = _worker(COUNTER)
    rules = Rules()
    _next(m, th, "READ", "counter")
    assert rules.next_step(m, th, False, {}) == Next("READ", "counter", None)
    _next(m, th, "WRITE", "counter")
    assert rules.next_step(m, th, False, {}) == Next("WRITE", "counter", None)
    assert rules.seals == {th.frames[-1].code: True}


def test_arithmetic_on_a_shared_number_in_sealed_code_may_be_plain() -> None:
    m, th = _worker(COUNTER)
    _next(m, th, "READ", "counter")
    m.step(th.tid)
    assert m.next_instr(th).op == "COMPUTE_CONST"
    assert Rules().next_step(m, th, False, {}) == Next("COMPUTE_CONST", ("+", 1), None)


def test_code_that_loads_an_object_is_not_sealed() -> None:
    m, th = _worker(WITH_LOCK)  # `work` loads the lock
    _next(m, th, "READ", "counter")
    rules = Rules()
    assert rules.next_step(m, th, False, {}) is None
    assert rules.seals == {th.frames[-1].code: False}


def test_code_with_a_closure_is_not_sealed() -> None:
    m, th = _worker("""
    import threading
    counter = 0
    def make():
        step = 1
        def work():
            global counter
            counter += step
        return work
    t = threading.Thread(target=make())
    t.start()
    """)
    _next(m, th, "READ", "counter")
    assert Rules().next_step(m, th, False, {}) is None


def test_frames_holding_a_generator_are_not_plain() -> None:
    m, th = _worker("""
    import threading
    counter = 0
    def gen():
        yield 1
    def work():
        global counter
        g = gen()
        counter += 1
    t = threading.Thread(target=work)
    t.start()
    """)
    _next(m, th, "READ", "counter")
    assert Rules().next_step(m, th, False, {}) is None


def test_a_call_on_a_lock_the_shared_part_holds_may_be_plain() -> None:
    m, th = _worker(WITH_LOCK)
    lock = m.globals["lock"]
    _next(m, th, "CALL_METHOD")
    rules = Rules()
    step = rules.next_step(m, th, True, {id(lock): 3})
    assert step is not None and (step.op, step.where) == ("LOCK", 3)
    assert step.blind is not None
    ends, constants = step.blind
    assert ends == {th.frames[-1].pc + 3}  # the READ after `__enter__`, POP and SETUP
    assert constants == ()
    assert rules.next_step(m, th, False, {id(lock): 3}) is None  # not sealed
    assert rules.next_step(m, th, True, {}) is None  # a lock outside the shared part
    while m.next_instr(th).arg != ("__exit__", 0, ()):
        m.step(th.tid)
    step = rules.next_step(m, th, True, {id(lock): 3})
    assert step is not None and step.blind == (frozenset({ENDS_THREAD}), ())


def test_a_timed_acquire_is_not_plain() -> None:
    m, th = _worker("""
    import threading
    lock = threading.Lock()
    def work():
        lock.acquire(timeout=1)
        lock.release()
    t = threading.Thread(target=work)
    t.start()
    """)
    lock = m.globals["lock"]
    _next(m, th, "CALL_METHOD")
    assert Rules().next_step(m, th, True, {id(lock): 0}) is None
    m.step(th.tid)
    _next(m, th, "CALL_METHOD")
    step = Rules().next_step(m, th, True, {id(lock): 0})
    assert step is not None and step.op == "LOCK"


def test_an_item_of_a_shared_list_of_locks_may_be_plain() -> None:
    m, th = _worker("""
    import threading
    forks = [threading.Lock(), threading.Lock()]
    N = 2
    def work(i):
        with forks[(i + 1) % N]:
            pass
    t = threading.Thread(target=work, args=(0,))
    t.start()
    """)
    forks = m.globals["forks"]
    _next(m, th, "SUBSCR")
    step = Rules().next_step(m, th, True, {id(forks): 5})
    assert step is not None and (step.op, step.where) == ("ITEM", 5)
    assert Rules().next_step(m, th, True, {}) is None  # a list outside the shared part


def test_computing_on_a_value_that_is_not_a_number_is_not_plain() -> None:
    m, th = _worker("""
    import threading
    lock = threading.Lock()
    name = ""
    def work():
        global name
        with lock:
            name += "!"
    t = threading.Thread(target=work)
    t.start()
    """)
    lock = m.globals["lock"]
    _next(m, th, "READ", "name")
    step = Rules().next_step(m, th, True, {id(lock): 0})
    assert step is not None and step.op == "READ"  # what it reads is not known before
    m.step(th.tid)
    assert m.next_instr(th).op == "COMPUTE_CONST"
    assert Rules().next_step(m, th, True, {id(lock): 0}) is None
