"""`collections` (app/engine/stdlib/collections.py): deque, defaultdict, Counter, OrderedDict
and namedtuple against CPython 3.13, what a step is on a shared deque or Counter, snapshots
and the explorer's parts, and the budgets."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import DONE, Machine, compile_program, make_policy, run
from app.engine.snapshot import clone, snapshot
from tests.support.bruteforce import enumerate_outcomes
from tests.support.running import outcome
from tests.support.walking import walk

SINGLE_THREAD = """
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, d.maxlen)
print(d.popleft(), d.pop(), d)
d.rotate(1); print(d)
d.extend([7, 8, 9]); print(d)
for x in d:
    print(x, end=" ")
print()
print(list(d), sum(d), sorted(d), deque(), deque("ab"), bool(deque()))
d[0] = 42; del d[1]; print(d, d.count(42), d.index(42))
dd = defaultdict(int)
for w in "a b a c a".split():
    dd[w] += 1
print(dd, dd["zz"], len(dd), dd.get("q"), "q" in dd, dd.default_factory is int)
dl = defaultdict(list)
dl["x"].append(1); dl["x"].append(2); dl["y"]
print(dl, dict(dl), dl.copy(), sorted(dl.items()))
def zero():
    return [0]
f = defaultdict(zero)
f["k"][0] += 5
print(f["k"], len(f))
c = Counter("abracadabra")
print(c, c["a"], c["q"], c.most_common(2))
c.update(["a", "z"]); c["z"] += 5
print(c, c.total(), len(c), sorted(c.elements()))
print(Counter(), Counter(a=2) + Counter(a=1, b=1), Counter({"x": 3}) - Counter(x=1))
o = OrderedDict(); o["b"] = 1; o["a"] = 2; o.move_to_end("b")
print(o, OrderedDict(), list(o), o.popitem())
print(OrderedDict.fromkeys("abc", 0), OrderedDict.fromkeys([1, 2]), type(OrderedDict.fromkeys("a")))
P = namedtuple("Point", "x y")
p = P(1, y=2)
print(p, p.x, p.y, p[0], p == (1, 2), len(p), P._fields, p._asdict(), p._replace(x=5))
a, b = p
print(a + b, P._make([3, 4]), P.__name__, [P(i, i) for i in range(2)], {p: 1})
Q = namedtuple("Q", ["a", "b"], defaults=[0])
print(Q(1), Q(1, 2), Q._field_defaults)
for bad in ["x _y", "x x", "x class", "x 1y"]:
    try:
        namedtuple("P", bad)
    except ValueError as e:
        print(e)
for call in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: P(1, 2).z]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(e)
try:
    deque().popleft()
except IndexError as e:
    print(e)
try:
    defaultdict(None)["k"]
except KeyError as e:
    print("KeyError", e)
print(str(d), repr(c), f"{p}", [deque([1])], {"c": Counter("a")})
"""


def test_a_program_using_each_type_prints_what_cpython_prints(run_cpython):
    expected, errors = run_cpython(SINGLE_THREAD)
    assert not errors
    result = outcome(SINGLE_THREAD)
    assert result.kind == DONE and not result.errors
    assert list(result.output) == expected


TYPES = """
import queue
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple
d = deque([1])
c = Counter("aa")
P = namedtuple("P", "x")
print(isinstance(d, deque), isinstance(c, Counter), isinstance(c, dict), isinstance({}, Counter))
print(isinstance(P(1), tuple), isinstance(P(1), P), isinstance(queue.Queue(), queue.Queue))
print(type(d) is deque, type(c).__name__)
print(isinstance(queue.LifoQueue(), queue.Queue), isinstance(queue.SimpleQueue(), queue.Queue),
      isinstance(d, (list, deque)))
print(isinstance(defaultdict(int), dict), isinstance({}, defaultdict),
      isinstance(OrderedDict(), dict))
print(type(P(1)) is P, type(queue.Queue()) is queue.Queue, type(d).__name__, type(P(2)).__name__)
"""


def test_isinstance_and_type_know_the_library_classes(run_cpython):
    expected, errors = run_cpython(TYPES)
    assert not errors
    assert list(outcome(TYPES).output) == expected


THREADED = """
import threading
from collections import deque, defaultdict, Counter, namedtuple
Job = namedtuple("Job", "id size")
jobs = deque(Job(i, i * 10) for i in range(8))
sizes = defaultdict(list)
words = Counter()
lock = threading.Lock()
def worker(name):
    while True:
        with lock:
            if not jobs:
                return
            job = jobs.popleft()
            sizes[name].append(job.size)
            words.update(["job", name])
threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(jobs), sum(sum(v) for v in sizes.values()), words["job"])
"""


def test_locked_workers_sharing_a_deque_print_what_cpython_prints(run_cpython):
    expected, errors = run_cpython(THREADED)
    assert not errors
    assert list(outcome(THREADED).output) == expected == ["0 280 8"]


# -- steps ---------------------------------------------------------------------------------------


def test_append_and_popleft_are_one_step_each_on_a_shared_deque():
    trace = run(compile_program(textwrap.dedent("""
        import threading
        from collections import deque
        d = deque()
        def worker():
            d.append(1)
            d.popleft()
        t = threading.Thread(target=worker)
        t.start()
        t.join()
    """)), make_policy("rr"), record=True).steps
    worker = [s.action for s in trace if s.thread != "MainThread"]
    assert len(worker) == 2 and "append" in worker[0] and "popleft" in worker[1]


def test_two_threads_never_pop_the_same_item_but_check_then_act_can_fail():
    counts = enumerate_outcomes(compile_program(textwrap.dedent("""
        import threading
        from collections import deque
        d = deque([1])
        got = []
        def take():
            if d:
                got.append(d.popleft())
        ts = [threading.Thread(target=take) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    """)), ["got"])
    found = {(sig[1], sig[2]) for sig in counts}
    # Never [1, 1]: popleft is atomic. Both may pass `if d:` before either pops.
    assert found == {("[('got', [1])]", ()),
                     ("[('got', [1])]", ("Thread-2 (take): IndexError: pop from an empty deque",)),
                     ("[('got', [1])]", ("Thread-1 (take): IndexError: pop from an empty deque",))}


def test_counting_in_a_shared_counter_loses_updates_without_a_lock():
    counts = enumerate_outcomes(compile_program(textwrap.dedent("""
        import threading
        from collections import Counter
        c = Counter()
        def hit():
            c["x"] += 1
        ts = [threading.Thread(target=hit) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        n = c["x"]
    """)), ["n"])
    assert {sig[1] for sig in counts} == {"[('n', 1)]", "[('n', 2)]"}


def test_a_deque_changed_while_iterated_raises_as_in_cpython():
    result = outcome("""
        from collections import deque
        d = deque([1, 2])
        for x in d:
            d.append(x)
    """)
    assert [(e.type, e.message) for e in result.errors] == [
        ("RuntimeError", "deque mutated during iteration")]


def test_a_factory_that_raises_raises_from_the_item_read():
    result = outcome("""
        from collections import defaultdict
        d = defaultdict(lambda: 1 // 0)
        try:
            d["k"]
        except ZeroDivisionError as e:
            print("caught", e, len(d))
    """)
    assert result.output == ("caught integer division or modulo by zero 0",)


# -- snapshots, explorer, budgets --------------------------------------------------------------

EXPLORED = """
import threading
from collections import deque, defaultdict, Counter, namedtuple
P = namedtuple("P", "a b")
d = deque([P(1, 2)], maxlen=3)
dd = defaultdict(lambda: [0])
c = Counter()
def worker(k):
    item = d.popleft() if d else P(0, 0)
    dd[k][0] += item.a
    c[k] += 1
    d.append(item._replace(b=k))
ts = [threading.Thread(target=worker, args=(k,)) for k in "xy"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(d, dd, c)
"""


def test_every_step_on_collections_lands_where_a_replay_does():
    walk(compile_program(EXPLORED), limit=500)


TYPED_NAMEDTUPLE = """
import threading
from typing import NamedTuple
class Reading(NamedTuple):
    sensor: str
    value: int = 0
    def bumped(self):
        return self._replace(value=self.value + 1)
shared = [Reading("a")]
def work():
    shared.append(shared[-1].bumped())
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(shared)
"""


def test_a_typed_namedtuple_and_its_methods_land_where_a_replay_does():
    walk(compile_program(TYPED_NAMEDTUPLE), limit=200)


def test_a_machine_holding_collections_copies_exactly():
    m = Machine(compile_program(EXPLORED))
    while m.enabled():
        twin = clone(m)
        assert snapshot(twin) == snapshot(m)
        m.step(m.enabled()[-1])
    assert m.lines()[0].startswith("deque([")


@pytest.mark.parametrize("source", [
    "from collections import deque\nd = deque([1]) * 10**9",
    "from collections import deque\nd = deque(range(10**9))",
    "from collections import Counter\nc = Counter(range(10**9))",
    "from collections import Counter\nc = Counter(a=10**9)\nx = c.elements()",
    "from collections import deque\nd = deque([1] * 1000)\nfor _ in range(30):\n    d += d",
    "from collections import deque\nd = deque([1])\nfor _ in range(40):\n    d.extendleft(d)",
    "from collections import deque\nd = deque([1])\nfor _ in range(40):\n    d.extend(d)",
])
def test_a_collection_never_grows_past_the_items_budget(source):
    assert outcome(source, "rr").kind == "limit"
