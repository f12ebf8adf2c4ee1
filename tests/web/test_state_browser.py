"""Real programs in a real browser: objects drawn as boxes, the output pane growing with the
run, and a crash marked where it happened (issue 14 §1). Playwright drives chromium against
uvicorn (the fixtures in conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from app.engine import compile_program, make_policy, run
from app.web.source import encode_source
from tests.support.browsing import expect_at, step

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture reports it
    expect = None  # type: ignore[assignment]

ACCOUNT = """import threading


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def withdraw(self, amount):
        with self.lock:
            if self.balance >= amount:
                self.balance -= amount
                print("took", amount)


acct = Account(100)
t1 = threading.Thread(target=acct.withdraw, args=(30,))
t2 = threading.Thread(target=acct.withdraw, args=(50,))
t1.start()
t2.start()
t1.join()
t2.join()
print("left", acct.balance)
"""
T1, T2 = "Thread-1 (withdraw)", "Thread-2 (withdraw)"

CRASH = """import threading


def spend(amount):
    print("spending", amount)
    share = 100 / (amount - 70)
    print("share", share)


t1 = threading.Thread(target=spend, args=(60,))
t2 = threading.Thread(target=spend, args=(70,))
t1.start()
t2.start()
t1.join()
t2.join()
"""


def _url(source: str, schedule: str = "", at: int | None = None) -> str:
    url = f"/p?code={encode_source(source)}"
    if schedule:
        url += f"&schedule={schedule}"
    return url + (f"&at={at}" if at is not None else "")


def _steps(source: str) -> tuple[str, list[Any]]:
    done = run(compile_program(source), make_policy("rr"))
    return done.schedule, done.steps


def test_the_account_box_marks_the_balance_its_write_changes(page: Any) -> None:
    schedule, steps = _steps(ACCOUNT)
    write = next(s for s in steps if s.action.startswith("write acct.balance"))
    page.goto(_url(ACCOUNT, schedule, write.index))  # the step before the write
    box = page.locator("div.obj", has=page.locator("h3", has_text="acct: Account"))
    expect(box).to_have_count(1)
    expect(box.locator(".var.changed")).to_have_count(0)
    expect(box.locator(".var", has=page.locator("dt", has_text="lock")).locator("dd")
           ).to_have_text(f"Lock: held by {write.thread}")
    step(page, write.thread)
    expect_at(page, write.index + 1)
    changed = box.locator(".var.changed")
    expect(changed).to_have_count(1)
    expect(changed.locator("dt")).to_have_text("balance (changed by this step)")
    expect(changed.locator("dd")).to_have_text(write.changes["acct.balance"])
    assert changed.locator("dt").evaluate(  # marked by a sign too, not by colour alone
        "el => getComputedStyle(el, '::before').content") == '"✱ "'
    expect(box).to_have_class(re.compile(r"\bchanged\b"))
    # `acct` is drawn once, as its box: no second `acct = <…object at 0x…>` variable.
    expect(page.locator(".state")).not_to_contain_text("object at 0x")


def test_the_output_grows_with_the_run_each_line_tagged_with_its_thread(page: Any) -> None:
    schedule, steps = _steps(ACCOUNT)
    prints = [s for s in steps if s.action.startswith("print(")]
    page.goto(_url(ACCOUNT, schedule, 0))
    lines = page.locator(".printed .output li:not(.empty)")
    expect(lines).to_have_count(0)
    expect(page.locator(".printed .output")).to_have_text("Nothing printed yet.")
    shown = []
    for n, printing in enumerate(prints, 1):
        page.goto(_url(ACCOUNT, schedule, printing.index))
        step(page, printing.thread)  # the print itself, clicked
        expect_at(page, printing.index + 1)
        expect(lines).to_have_count(n)
        newest = lines.nth(n - 1)
        expect(newest.locator(".who")).to_contain_text(printing.thread)
        expect(newest).to_have_class(re.compile(r"\bnew\b"))
        shown.append(newest.locator("samp").inner_text())
    assert shown == ["took 30", "took 50", "left 20"]
    expect(lines.locator(".who")).to_have_text(
        [re.compile(rf"^{re.escape(T1)}"), re.compile(rf"^{re.escape(T2)}"),
         re.compile("^MainThread")])


def test_a_crashed_threads_line_is_marked_as_a_crash_not_a_wait(page: Any) -> None:
    schedule, steps = _steps(CRASH)
    last = max(s.index for s in steps if s.thread == "Thread-2 (spend)")
    page.goto(_url(CRASH, schedule, last))
    step(page, "Thread-2 (spend)")  # its print, then the division by zero
    expect_at(page, last + 1)
    pane = page.locator(".thread", has=page.locator("h2", has_text="Thread-2 (spend)"))
    expect(pane.locator(".badge")).to_have_text("crashed")
    crash = pane.locator(".code li.crash")
    expect(crash).to_have_count(1)
    expect(crash).to_contain_text("share = 100 / (amount - 70)")
    expect(crash).to_contain_text("(raised the exception that ended this thread)")
    expect(pane.locator(".why.crashed")).to_have_text(
        "✘ raised ZeroDivisionError: division by zero at line 6")
    expect(page.locator(".live")).to_contain_text(
        "Thread-2 (spend) crashed at line 6: ZeroDivisionError: division by zero")
    # Drawn apart from another thread's next line: not its marker, not its colour.
    here = page.locator(".thread li.here").first
    style = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el, '::marker').content]"
    assert crash.evaluate(style) != here.evaluate(style)
    assert crash.evaluate(style)[1] == '"✘ "'


#: Objects in objects, a Thread subclass with attributes, a deque, a lock in an attribute,
#: a future, and logging to stderr.
RICH = """import threading
import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(level=logging.INFO, format="%(threadName)s: %(message)s")


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = threading.Lock()


class Bank:
    def __init__(self):
        self.accounts = [Account("ana", 100), Account("bo", 50)]
        self.log = deque(maxlen=4)


class Teller(threading.Thread):
    def __init__(self, bank, amount):
        super().__init__()
        self.bank = bank
        self.amount = amount
        self.done = 0

    def run(self):
        acct = self.bank.accounts[0]
        with acct.lock:
            acct.balance -= self.amount
        self.bank.log.append(self.amount)
        self.done += 1
        logging.info("took %s", self.amount)


bank = Bank()
tellers = [Teller(bank, 10), Teller(bank, 20)]
for t in tellers:
    t.start()
for t in tellers:
    t.join()
with ThreadPoolExecutor(max_workers=1) as pool:
    future = pool.submit(sum, [1, 2, 3])
print("total", future.result(), bank.accounts[0].balance)
"""


def _no_sideways_overflow(page: Any, url: str, shot: Path) -> None:
    page.goto(url)
    page.screenshot(path=str(shot), full_page=True)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= page.evaluate("innerWidth"), f"{url} is {width} px wide"


def test_objects_and_output_fit_a_wide_and_a_narrow_screen(page: Any, narrow_page: Any,
                                                            tmp_path: Path) -> None:
    schedule, steps = _steps(RICH)
    urls = [_url(RICH, schedule), _url(RICH, schedule, len(steps) // 2),
            _url(ACCOUNT, *_steps(ACCOUNT)[:1]), _url(CRASH, _steps(CRASH)[0])]
    for name, tab in (("1280", page), ("360", narrow_page)):
        if name == "1280":
            tab.set_viewport_size({"width": 1280, "height": 800})
        for i, url in enumerate(urls):
            _no_sideways_overflow(tab, url, tmp_path / f"state-{name}-{i}.png")
            if i == 0:  # the whole run of RICH: every kind of box is there
                expect(tab.locator("div.obj h3")).to_have_text(
                    ["bank: Bank", "bank.accounts[0]: Account", "bank.accounts[1]: Account",
                     "Thread-1: Teller", "Thread-2: Teller"])
