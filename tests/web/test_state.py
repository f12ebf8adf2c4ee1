"""The state panel's model (app/web/state.py, objects.py): objects of the program's classes
as boxes, each drawn once and referred to by label, attributes marked by the step that read
or wrote them, and a primitive in an attribute told in a few words."""

from __future__ import annotations

from app.engine import DEFAULT_BUDGETS, compile_program, make_policy, run
from app.web.replay import Replays
from app.web.state import Panel
from app.web.view import build


def _panel(source: str, at: int | None = None) -> tuple[Panel, list]:
    program = compile_program(source, "<test>", DEFAULT_BUDGETS)
    done = run(program, make_policy("rr"))
    view = build(Replays(), program, done.schedule, at, "rr", 5_000)
    return view.shared, done.steps


def _box(p: Panel, title: str) -> dict[str, str]:
    (box,) = [b for b in p.boxes if b.title == title]
    return {row.name: row.text for row in box.attrs}


ACCOUNTS = """import threading
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 10
        self.lock = threading.Lock()
class Bank:
    rate = 2
    def __init__(self, accounts):
        self.accounts = accounts
        self.best = accounts[0]
accounts = [Account('ana'), Account('bo')]
bank = Bank(accounts)
alias = accounts[1]
def work():
    with accounts[0].lock:
        accounts[0].balance += 5
t = threading.Thread(target=work)
t.start()
t.join()
"""


def test_each_object_is_one_box_and_every_other_place_refers_to_it() -> None:
    p, _ = _panel(ACCOUNTS)
    assert [b.title for b in p.boxes] == [  # in the order the globals meet them
        "class Bank", "accounts[0]: Account", "accounts[1]: Account", "bank: Bank"]
    ids = {b.title: b.id for b in p.boxes}
    assert _box(p, "accounts[0]: Account") == {
        "owner": "'ana'", "balance": "15", "lock": "Lock: free"}
    assert _box(p, "class Bank") == {"rate": "2"}  # its data, not its methods
    assert _box(p, "bank: Bank") == {"accounts": "list of accounts[0], accounts[1]",
                                     "best": "accounts[0]"}
    names = {v.name: v for v in p.variables}
    assert set(names) == {"accounts", "alias"}  # `Account` holds only methods: it is code
    assert [(i.text, i.ref) for i in names["accounts"].items] == [
        ("accounts[0]", ids["accounts[0]: Account"]), ("accounts[1]", ids["accounts[1]: Account"])]
    assert (names["alias"].text, names["alias"].ref) == (
        "accounts[1]", ids["accounts[1]: Account"])
    assert "object at 0x" not in repr(p)


def test_the_attribute_a_step_reads_or_writes_is_marked() -> None:
    _, steps = _panel(ACCOUNTS)
    for kind in ("read", "write"):
        step = next(s for s in steps if s.kind == kind and s.variable.endswith(".balance"))
        p, _ = _panel(ACCOUNTS, step.index + 1)
        (box,) = [b for b in p.boxes if b.title == "accounts[0]: Account"]
        marked = [(r.name, r.read, r.changed) for r in box.attrs if r.read or r.changed]
        assert marked == [("balance", kind == "read", kind == "write")]
        assert box.changed == (kind == "write")
        assert not any(r.read or r.changed for b in p.boxes if b is not box for r in b.attrs)


def test_a_held_lock_in_an_attribute_says_who_holds_it() -> None:
    _, steps = _panel(ACCOUNTS)
    acquire = next(s for s in steps if s.action.startswith("acquire"))
    p, _ = _panel(ACCOUNTS, acquire.index + 1)
    assert _box(p, "accounts[0]: Account")["lock"] == "Lock: held by Thread-1 (work)"


OBJECTS = """import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
class Worker(threading.Thread):
    def __init__(self, jobs):
        super().__init__(name='w')
        self.jobs = jobs
        self.done = 0
    def run(self):
        while self.jobs:
            self.jobs.popleft()
            self.done += 1
class Job:
    pass
def main():
    job = Job()
    job.pool = ThreadPoolExecutor(max_workers=1)
    job.future = job.pool.submit(sum, [1, 2, 3])
    job.future.result()
    w = Worker(deque([3, 4]))
    w.start()
    w.join()
    job.pool.shutdown()
main()
"""


def test_objects_a_thread_holds_thread_objects_deques_and_futures_are_drawn() -> None:
    program = compile_program(OBJECTS, "<test>", DEFAULT_BUDGETS)
    done = run(program, make_policy("rr"))
    join = next(s for s in done.steps if s.action.startswith("join"))
    p = build(Replays(), program, done.schedule, join.index, "rr", 5_000).shared
    titles = [b.title for b in p.boxes]
    assert titles == ["Job#1", "w: Worker"]  # main()'s locals, in order
    (job,) = [b for b in p.boxes if b.title == "Job#1"]
    future = {r.name: r.text for r in job.attrs}["future"]
    assert future == "Future: finished: returned 6"
    (worker,) = [b for b in p.boxes if b.title == "w: Worker"]
    jobs = {r.name: r for r in worker.attrs}["jobs"]
    assert jobs.kind == "deque" and [i.text for i in jobs.items] == []
    half = next(s for s in done.steps if s.action.startswith("self.jobs.popleft"))
    p = build(Replays(), program, done.schedule, half.index + 1, "rr", 5_000).shared
    (worker,) = [b for b in p.boxes if b.title == "w: Worker"]
    jobs = {r.name: r for r in worker.attrs}["jobs"]
    assert [i.text for i in jobs.items] == ["4"]
