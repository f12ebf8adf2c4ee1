"""The output pane's lines (app/web/output.py) and where a crash happened (crashes.py), as
the replays remember them: the same from a cold start as stepped on from a kept page."""

from __future__ import annotations

from app.engine import DEFAULT_BUDGETS, compile_program, make_policy, run
from app.web.output import printed
from app.web.plan import explicit
from app.web.replay import Replays
from app.web.view import build

PARTS = """import threading
import logging
def half(word):
    print(word, end="")
def whole():
    print("!")
    logging.warning("done")
a = threading.Thread(target=half, args=("ab",), name="A")
b = threading.Thread(target=whole, name="B")
a.start(); a.join()
b.start(); b.join()
print("end")
1 / 0
"""


def test_a_line_is_tagged_with_every_thread_that_wrote_part_of_it() -> None:
    program = compile_program(PARTS, "<test>", DEFAULT_BUDGETS)
    plan = explicit(run(program, make_policy("rr")).schedule, 1_000)
    done = Replays().at(program, plan, plan.total)
    lines = printed(done.machine, done.writers, plan.total - 1).lines
    assert [(ln.stream, ln.text, ln.threads) for ln in lines] == [
        ("stdout", "ab!", ("A", "B")),
        ("stderr", "WARNING:root:done", ("B",)),
        ("stdout", "end", ("MainThread",)),
        # Its crash, reported as CPython's interpreter reports one.
        ("stderr", "Traceback (most recent call last):", ("MainThread",)),
        ("stderr", '  File "<test>", line 13, in <module>', ("MainThread",)),
        ("stderr", "    1 / 0", ("MainThread",)),
        ("stderr", "    ~~^~~", ("MainThread",)),
        ("stderr", "ZeroDivisionError: division by zero", ("MainThread",)),
    ]
    assert [ln.new for ln in lines] == [False, False, True, True, True, True, True, True]
    # MainThread's crash at the module's last line, found by watching the replay unwind.
    assert [(c.tid, c.line) for c in done.crashes] == [(0, 13)]


def test_stepping_on_from_a_kept_page_remembers_what_a_cold_replay_does() -> None:
    program = compile_program(PARTS, "<test>", DEFAULT_BUDGETS)
    plan = explicit(run(program, make_policy("rr")).schedule, 1_000)
    cold = Replays().at(program, plan, plan.total)
    warm = Replays()
    for n in range(plan.total + 1):  # a learner clicking through: each page steps on by one
        walked = warm.at(program, plan, n)
    assert walked.writers.entries() == cold.writers.entries() != []
    assert walked.crashes == cold.crashes
    assert walked.steps == cold.steps


CALLEE = """import threading
class Overdrawn(Exception):
    pass
class Account:
    def __init__(self):
        self.balance = 10
    def withdraw(self, amount):
        if amount > self.balance:
            raise Overdrawn(amount)
        self.balance -= amount
acct = Account()
def spend():
    acct.withdraw(50)
t = threading.Thread(target=spend)
t.start()
t.join()
"""


def test_a_crash_in_a_called_method_is_shown_at_its_raise() -> None:
    program = compile_program(CALLEE, "<test>", DEFAULT_BUDGETS)
    view = build(Replays(), program, run(program, make_policy("rr")).schedule, None, "rr", 1_000)
    (thread,) = [t for t in view.threads if t.name == "Thread-1 (spend)"]
    assert (thread.status, thread.line) == ("crashed", 9)
    assert thread.first_line <= 7 and thread.last_line >= 13  # the method and the target
    assert thread.reason == "Overdrawn: 50 at line 9"
