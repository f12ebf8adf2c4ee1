"""Races on items of containers and attributes of objects (app/engine/accesses.py): accesses to
different items do not race; container methods, `in` and `len()` are accesses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import compile_program
from app.engine.accesses import Access, accesses, conflict
from app.engine.explorer import explore
from app.engine.parts import Blown, Parts
from app.engine.policies import Explicit
from app.engine.runner import run
from tests.support.walking import canonical


def two_threads(setup: str, first: str, second: str | None = None, after: str = "") -> str:
    """A program whose two threads run `first` and `second` (the same by default) once, after
    `setup`; MainThread joins them, then runs `after`."""
    def body(code: str) -> str:
        return "".join(f"    {line}\n" for line in code.splitlines())
    return (f"import threading\nfrom collections import deque\n{setup}\n"
            f"def one():\n{body(first)}def two():\n{body(second or first)}"
            "a = threading.Thread(target=one)\nb = threading.Thread(target=two)\n"
            f"a.start()\nb.start()\na.join()\nb.join()\n{after}\n")


def races(source: str) -> set[str]:
    result = explore(compile_program(source))
    assert result.complete
    return {r.variable for r in result.races}


# -- the two defects ---------------------------------------------------------------------------

def test_two_threads_writing_different_items_of_a_list_do_not_race():
    source = ("import threading\nseen = [0, 0]\ndef work(i):\n    seen[i] = 1\n"
              "ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]\n"
              "for t in ts: t.start()\nfor t in ts: t.join()\nprint(seen)\n")
    assert races(source) == set()


def test_two_threads_writing_one_item_race_on_that_item():
    assert races(two_threads("seen = [0, 0]", "seen[0] = 1", "seen[0] = 2")) == {"seen[0]"}
    # an index from the end is the same item
    assert races(two_threads("seen = [0, 0]", "seen[-1] = 1", "seen[1] = 2")) == {"seen[1]"}


def test_two_threads_writing_different_dict_keys_do_not_race():
    assert races(two_threads("d = {}", 'd["a"] = 1', 'd["b"] = 2')) == set()
    assert races(two_threads("d = {'a': 0}", 'd["a"] = 1', 'd["a"] = 2')) == {"d['a']"}


def test_check_then_append_races_and_duplicates_the_item():
    source = two_threads("seen = []", 'if "job" not in seen:\n    seen.append("job")',
                         after="print(seen)")
    result = explore(compile_program(source))
    assert {f.outcome.output for f in result.outcomes} == {("['job']",), ("['job', 'job']",)}
    assert {r.variable for r in result.races} == {"seen"}
    assert {(r.first[2], r.second[2]) for r in result.races} >= {("read", "write"),
                                                                  ("write", "write")}


@pytest.mark.parametrize("other", ["n = len(items)", "x = items[0]", "items.pop()",
                                   "x = 1 in items", "x = list(items)", "items.extend([1])",
                                   "print(items)", "for x in items:\n    pass"])
def test_append_races_with_what_reads_or_changes_the_list(other):
    assert races(two_threads("items = [1, 2]", "items.append(3)", other)) == {"items"}


@pytest.mark.parametrize("first, second", [
    ("x = items[0]", "x = items[1]"), ("x = len(items)", "x = items[0]"),
    ("x = 1 in items", "y = items[0]"), ("items[0] = 5", "items[1] = 6"),
    ("x = len(items)", "items[1] = 6"), ("x = items.count(1)", "y = len(items)"),
])
def test_accesses_that_do_not_conflict_do_not_race(first, second):
    assert races(two_threads("items = [1, 2]", first, second)) == set()


# -- dict keys, sets, deques -------------------------------------------------------------------

@pytest.mark.parametrize("first, second, expected", [
    ('if "k" not in d:\n    d["k"] = 1', None, {"d['k']"}),
    ('d.setdefault("c", 1)', 'x = d.get("c")', {"d['c']"}),
    ('d.setdefault("a", 1)', 'x = d.get("a")', set()),  # "a" is there: nothing changes
    ('d.setdefault("c", 1)', 'x = d.get("b")', set()),
    ('x = d.get("a")', 'd["b"] = 1', set()),
    ('x = len(d)', 'd["new"] = 1', {"d"}),  # a new key changes the size
    ('x = len(d)', 'd["a"] = 2', set()),  # an existing key's value does not
    ('d.pop("a")', 'x = d["a"]', {"d['a']"}),
    ('d.pop("a")', 'x = d["b"]', set()),
    ('d.update({"a": 5})', 'x = d["b"]', {"d"}),
    ('del d["a"]', 'x = "a" in d', {"d['a']"}),
    ('x = list(d.items())', 'd["b"] = 3', {"d"}),
    ('d["a"] += 1', 'x = "a" in d', set()),  # a new value: the key was there, and still is
    ('d["c"] = 1', 'x = "c" in d', {"d['c']"}),
    ('d.pop("a")', 'x = "a" not in d', {"d['a']"}),
])
def test_dict_keys(first, second, expected):
    assert races(two_threads("d = {'a': 1, 'b': 2}", first, second)) == expected


def test_counters_per_key_race_only_on_the_same_key():
    setup = "from collections import Counter, defaultdict\nc = Counter()\ndd = defaultdict(int)"
    assert races(two_threads(setup, 'c["x"] += 1', 'c["y"] += 1')) == set()
    assert races(two_threads(setup, 'c["x"] += 1')) == {"c['x']"}
    assert races(two_threads(setup, 'dd["x"] += 1', 'dd["y"] += 1')) == set()
    assert races(two_threads(setup, 'dd["x"] += 1')) == {"dd['x']"}


@pytest.mark.parametrize("first, second, expected", [
    ("s.add(1)", "s.add(2)", set()),
    ("s.add(3)", None, {"s[3]"}),
    ("s.add(3)", "x = 3 in s", {"s[3]"}),
    ("s.add(3)", "x = 4 in s", set()),
    ("s.add(3)", "x = len(s)", {"s"}),
    ("s.discard(1)", "x = len(s)", {"s"}),
    ("s.discard(5)", "x = len(s)", set()),  # nothing to discard: the set stays as it was
    ("global s\ns |= {7}", "x = 1 in s", {"s"}),  # in place: a write of all of it
])
def test_sets(first, second, expected):
    assert races(two_threads("s = {1}", first, second)) == expected


@pytest.mark.parametrize("first, second", [
    ("dq.append(1)", "dq.popleft()"), ("if dq:\n    dq.popleft()", None),
    ("dq.appendleft(0)", "x = len(dq)"), ("dq.rotate(1)", "x = dq[0]"),
])
def test_deques(first, second):
    assert races(two_threads("dq = deque([1, 2])", first, second)) == {"dq"}


def test_reading_a_deque_twice_does_not_race():
    assert races(two_threads("dq = deque([1, 2])", "x = dq[0]", "y = len(dq)")) == set()


# -- attributes of shared objects --------------------------------------------------------------

COUNTER_CLASS = ("class Counter:\n    def __init__(self):\n        self.count = 0\n"
                 "    def bump(self):\n        self.count += 1\n")


def test_an_attribute_of_one_object_incremented_in_two_threads_races():
    source = two_threads(COUNTER_CLASS + "c = Counter()", "c.count += 1",
                         after="print(c.count)")
    assert races(source) == {"c.count"}


def test_the_same_attribute_of_two_objects_does_not_race():
    setup = COUNTER_CLASS + "p = Counter()\nq = Counter()"
    assert races(two_threads(setup, "p.count += 1", "q.count += 1")) == set()
    assert races(two_threads(setup, "p.bump()", "q.bump()")) == set()
    assert races(two_threads(setup, "p.bump()", "p.bump()")) == {"p.count"}


# -- what is whose -----------------------------------------------------------------------------

def test_each_thread_s_own_list_never_races():
    source = ("import threading\ndef work():\n    mine = []\n    mine.append(1)\n"
              "    mine[0] = 2\n    print(len(mine))\n"
              "ts = [threading.Thread(target=work) for _ in range(2)]\n"
              "for t in ts: t.start()\nfor t in ts: t.join()\n")
    assert races(source) == set()


def test_two_lists_handed_to_threads_are_two_things_and_one_is_one():
    worker = "def work(out):\n    out.append(1)\n"
    two = ("import threading\n" + worker + "def main():\n    a, b = [], []\n"
           "    ts = [threading.Thread(target=work, args=(x,)) for x in (a, b)]\n"
           "    for t in ts: t.start()\n    for t in ts: t.join()\nmain()\n")
    assert races(two) == set()
    one = two.replace("for x in (a, b)", "for x in (a, a)")
    assert races(one) == {"out"}  # named as the threads name it


def test_a_race_keeps_its_json_shape_and_names_the_item():
    result = explore(compile_program(two_threads("d = {'a': 0}", 'd["a"] += 1')))
    shapes = [r.to_dict() for r in result.races]
    assert shapes and all(set(s) == {"variable", "first", "second", "witness"} for s in shapes)
    assert all(set(s["first"]) == {"thread", "line", "access"} for s in shapes)
    assert {s["variable"] for s in shapes} == {"d['a']"}


# -- the model: accesses that do not conflict commute ------------------------------------------

COMMUTING = [
    two_threads("items = [1, 2, 3]", "items[0] = 5\nx = items[1]\nitems.append(4)",
                "items[1] = 6\ny = len(items)\nitems.pop()"),
    two_threads("d = {'a': 1, 'b': 2}", 'd["a"] += 1\nx = d.get("b")\nx = "c" in d',
                'd["b"] += 1\ny = len(d)\nd.pop("a")'),
    two_threads("s = {1, 2}", "s.add(3)\nx = 1 in s", "s.discard(2)\nx = len(s)"),
    two_threads("dq = deque([1, 2])", "dq.append(3)\nx = dq[0]", "if dq:\n    dq.popleft()"),
    two_threads(COUNTER_CLASS + "p = Counter()\nq = Counter()", "p.bump()\nq.bump()",
                "q.bump()\np.count = 0"),
]


@pytest.mark.parametrize("source", COMMUTING, ids=range(len(COMMUTING)))
def test_steps_whose_accesses_do_not_conflict_commute(source):
    assert commuting_pairs(source)


def commuting_pairs(source: str, limit: int = 3000) -> int:
    """Check that in every state (up to `limit`), two threads' next steps whose accesses do
    not conflict lead to the same state in either order: a race can only be where the
    explorer reports one. Returns how many pairs it checked."""
    program = compile_program(source)
    like = run(program, Explicit(""), record=False).machine
    parts: Parts[tuple[Access, ...]] = Parts(like, accesses)
    first = parts.split(like)
    seen, todo, checked = {first}, [first], 0
    while todo and len(seen) < limit:
        state = todo.pop()
        moves = {tid: (found, after) for tid, found, after in parts.expand(state)
                 if not isinstance(after, Blown)}
        for t1, (found1, after1) in moves.items():
            if after1 not in seen:
                seen.add(after1)
                todo.append(after1)
            for t2, (found2, after2) in moves.items():
                if t2 <= t1 or any(conflict(a, b) for a in found1 for b in found2):
                    continue
                then2 = {tid: after for tid, _, after in parts.expand(after1)}.get(t2)
                then1 = {tid: after for tid, _, after in parts.expand(after2)}.get(t1)
                assert then1 is not None and then2 is not None
                if then1 != then2:
                    assert canonical(parts.join(then1)[0]) == canonical(parts.join(then2)[0])
                checked += 1
    return checked


def _guarded(line: str, indent: str = "") -> str:
    return f"{indent}try:\n{indent}    {line}\n{indent}except IndexError:\n{indent}    pass"


#: What generated threads do to shared containers and objects, each keeping what it reads in
#: a list of its own (`out`), so that a read's value is part of the state. Nothing that prints
#: or raises (an error's report, like a print, is output whose order two threads' steps
#: decide), and one new dict key at most (a dict's order is the one thing two writes of
#: different keys leave apart).
SNIPPETS = [
    _guarded("items[n % 3] = 7"), _guarded("out.append(items[1])"), "items.append(n)",
    "out.append(len(items))", "out.append(7 in items)",
    "if items:\n" + _guarded("items.pop()", "    "), "for x in items:\n    out.append(x)",
    "items += [n]", _guarded("items[2] += 1"),
    'd["a"] += n', 'out.append(d.get("b"))', 'out.append("a" in d)', "out.append(len(d))",
    'd.pop("b", None)', 'd["c"] = n', 'out.append("c" in d)', 'd.pop("c", None)',
    "s.add(n)", "s.discard(1)", "out.append(2 in s)", "out.append(len(s))",
    "dq.append(n)", "if dq:\n" + _guarded("dq.popleft()", "    "), "out.append(len(dq))",
    _guarded("out.append(dq[0])"), "box.a += 1", "box.b = n", "out.append(box.a)",
    "other.a += n",
]


@st.composite
def container_programs(draw) -> str:
    lines = ["import threading", "from collections import deque", "items = [10, 11, 12]",
             "d = {'a': 1, 'b': 2}", "s = {1, 2}", "dq = deque([5])", "results = [[], [], []]",
             "class Box:", "    def __init__(self):", "        self.a = 0", "        self.b = 0",
             "box = Box()", "other = Box()"]
    bodies = draw(st.lists(st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=3),
                           min_size=2, max_size=3))
    for i, body in enumerate(bodies):
        lines += [f"def worker{i}(n):", "    global items", "    out = results[n]"]
        lines += ["    " + line for snippet in body for line in snippet.splitlines()]
    lines += [f"t{i} = threading.Thread(target=worker{i}, args=({i},))"
              for i in range(len(bodies))]
    lines += [f"t{i}.start()" for i in range(len(bodies))]
    lines += [f"t{i}.join()" for i in range(len(bodies))]
    return "\n".join(lines) + "\n"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=container_programs())
def test_steps_of_generated_programs_whose_accesses_do_not_conflict_commute(source):
    commuting_pairs(source)


def test_a_container_an_object_holds_is_named_after_it():
    setup = ("class Bank:\n    def __init__(self):\n        self.log = []\n"
             "    def record(self, x):\n        self.log.append(x)\nbank = Bank()")
    assert races(two_threads(setup, "bank.record(1)", "bank.record(2)")) == {"bank.log"}
    queues = two_threads("queues = [[], []]", "queues[0].append(1)", "queues[1].append(2)")
    assert races(queues) == set()
    assert races(queues.replace("queues[1].append", "queues[0].append")) == {"queues[0]"}
