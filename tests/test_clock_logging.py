"""The virtual clock (stdlib/time.py), `threading.Timer` and `logging` (stdlib/logging.py):
differential tests against CPython 3.13 for programs whose output a real run fixes (sleeps
long enough apart that the order is the clock's), and the engine's own rules: a run is a
function of its schedule, other policies may wake sleepers in any order, and the explorer's
remembered steps land where replays do."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from app.engine import DONE, Explicit, compile_program, make_policy, run
from app.engine.explorer import explore
from app.engine.runner import Run
from tests.support.walking import walk


def _cpython(exe: str, source: str) -> tuple[list[str], list[str]]:
    done = subprocess.run([exe, "-c", textwrap.dedent(source)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines(), done.stderr.splitlines()


def _ours(source: str, policy: str = "cpython") -> Run:
    result = run(compile_program(textwrap.dedent(source)), make_policy(policy), record=False)
    assert result.outcome.kind == DONE, result.outcome
    return result


SLEEP_ORDER = """
import threading, time
start = time.monotonic()
def worker(name, delay):
    time.sleep(delay)
    print(f"{name} wakes after {round(time.monotonic() - start, 1)}")
threads = [threading.Thread(target=worker, args=(n, d))
           for n, d in (("slow", 0.3), ("fast", 0.1), ("middle", 0.2))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done after", round(time.monotonic() - start, 1))
"""

TIMEOUTS = """
import threading, time
lock = threading.Lock()
ready = threading.Event()
cond = threading.Condition()
def holder(seconds):
    with lock:
        time.sleep(seconds)
def setter():
    time.sleep(0.3)
    ready.set()
h = threading.Thread(target=holder, args=(0.2,))
h.start()
print("acquire, 0.1 s:", lock.acquire(timeout=0.1))
print("acquire, 0.5 s:", lock.acquire(timeout=0.5))
lock.release()
s = threading.Thread(target=setter)
s.start()
print("event, 0.1 s:", ready.wait(0.1))
print("event, 1 s:", ready.wait(1))
with cond:
    print("condition, 0.05 s:", cond.wait(0.05))
s.join(timeout=1)
print("setter alive:", s.is_alive())
"""

TIMERS = """
import threading, time
start = time.monotonic()
def ring(what, when=""):
    print("ring", what, when, round(time.monotonic() - start, 1))
late = threading.Timer(0.3, ring, args=("late",), kwargs={"when": "at 0.3"})
early = threading.Timer(0.1, ring, ["early"])
never = threading.Timer(0.2, ring, ["never"])
for t in (late, early, never):
    t.start()
print(late.name, early.name, never.name)
never.cancel()
for t in (late, early, never):
    t.join()
print("alive:", late.is_alive(), "at", round(time.monotonic() - start, 1))
"""

HEARTBEAT = """
import threading, time
def beat():
    n = 0
    while True:
        n += 1
        print("beat", n)
        time.sleep(0.2)
threading.Thread(target=beat, daemon=True).start()
time.sleep(0.5)
print("main exits")
"""

TIME_TEXT = """
import time
print(time.ctime(0))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)))
print(time.strftime("%a %d %b", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(time.asctime((2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(time.gmtime(1.5)[:6])
"""

LOGGING = """
import logging, threading, time
logging.warning("no config yet: %s", "root")
log = logging.getLogger("shop")
print(log is logging.getLogger("shop"), log)
log.info("dropped: below WARNING")
logging.basicConfig(level=logging.DEBUG,
                    format="%(levelname)-8s|%(levelno)s|%(name)s|%(threadName)s|%(message)s")
logging.basicConfig(level=logging.ERROR)  # ignored: the root logger has its handler
def worker(n):
    log.debug("worker %d", n)
    time.sleep(n / 10)
    logging.info("with a mapping: %(n)s", {"n": n})
threads = [threading.Thread(target=worker, args=(i,), name=f"W{i}") for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
log.setLevel("WARNING")
log.info("dropped again")
log.log(logging.CRITICAL, "level %s", logging.getLevelName(logging.CRITICAL))
log.getChild("till").error("child of %s", "shop")
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.getChild("till"))
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(5))
"""

LOGGING_FIELDS = """
import logging
logging.basicConfig(format="%(asctime)s %(funcName)s:%(lineno)d %(relativeCreated)d "
                           "%(msecs)03d %(process)d %(processName)s %(module)s")
def where():
    logging.error("here")
where()
"""

LAST_RESORT = """
import logging
log = logging.getLogger(__name__)
log.info("dropped")
log.warning("bare message %d", 1)
log.setLevel(logging.DEBUG)
log.debug("still dropped: lastResort is at WARNING")
log.error("error %s", "shown")
"""


#: SLEEP_ORDER without the times (a loaded machine may wake CPython's sleepers late).
SLEEP_NAMES = SLEEP_ORDER.replace(" after {round(time.monotonic() - start, 1)}", "").replace(
    ', round(time.monotonic() - start, 1)', "")


@pytest.mark.parametrize("source", [SLEEP_NAMES, TIMEOUTS, TIMERS, HEARTBEAT, TIME_TEXT,
                                    LOGGING, LAST_RESORT],
                         ids=["sleep-order", "timeouts", "timers", "heartbeat", "time-text",
                              "logging", "last-resort"])
def test_prints_what_cpython_prints(cpython_exe, source):
    stdout, stderr = _cpython(cpython_exe, source)
    outcome = _ours(source).outcome
    assert list(outcome.output) == stdout
    assert list(outcome.stderr) == stderr


def test_record_fields_read_the_virtual_clock_and_the_caller():
    stderr = _ours(LOGGING_FIELDS).outcome.stderr
    assert stderr == ("2026-01-01 00:00:00,000 where:6 0 000 4242 MainProcess <program>",)


def test_asctime_counts_the_virtual_time_slept():
    source = """
    import logging, time
    logging.basicConfig(format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    time.sleep(3723.25)
    logging.warning("later")
    logging.basicConfig(force=True, format="%(asctime)s|%(created).2f|%(msecs)d")
    logging.warning("")
    """
    assert _ours(source).outcome.stderr == (
        "01:02:03 later", "2026-01-01 01:02:03,250|1767229323.25|250")


def test_the_clock_starts_at_the_documented_epoch():
    source = """
    import time
    print(time.time(), time.time_ns(), time.monotonic(), time.perf_counter_ns())
    time.sleep(1.5)
    print(time.ctime(), time.monotonic_ns())
    """
    assert _ours(source).outcome.output == (
        "1767225600.0 1767225600000000000 0.0 0", "Thu Jan  1 00:00:01 2026 1500000000")


def test_a_replayed_schedule_reads_the_same_clock():
    program = compile_program(SLEEP_ORDER + "print(time.time())\n")
    first = run(program, make_policy("cpython"), record=False)
    again = run(program, Explicit(first.schedule), record=False)
    assert again.outcome.output == first.outcome.output
    assert again.machine.clock == first.machine.clock == 3 * 10**8


def test_other_policies_may_wake_sleepers_in_any_order():
    """Round-robin wakes the slow sleeper (0.3 s) first, before the others have even gone to
    sleep: the clock only moves forward, so their sleeps start from 0.3."""
    outcome = _ours(SLEEP_ORDER, "rr").outcome
    assert [line for line in outcome.output if "wakes" in line] == [
        "slow wakes after 0.3", "fast wakes after 0.4", "middle wakes after 0.6"]


def test_the_explorer_finds_every_wake_up_order():
    source = """
    import threading, time
    order = []
    def nap(name, seconds):
        time.sleep(seconds)
        order.append(name)
    a = threading.Thread(target=nap, args=("a", 0.2))
    b = threading.Thread(target=nap, args=("b", 0.1))
    a.start()
    b.start()
    a.join()
    b.join()
    """
    found = explore(compile_program(textwrap.dedent(source))).outcomes
    assert {tuple(f.outcome.globals["order"]) for f in found} == {("a", "b"), ("b", "a")}


def test_a_thread_that_ends_asleep_wakes_in_a_step_of_its_own():
    source = """
    import threading, time
    def nap():
        time.sleep(2)
    t = threading.Thread(target=nap)
    t.start()
    t.join()
    print(time.monotonic())
    """
    result = run(compile_program(textwrap.dedent(source)), make_policy("cpython"))
    assert result.outcome.output == ("2.0",)
    assert "wakes up and ends" in [s.action for s in result.steps]


@pytest.mark.parametrize("source", [
    "import time\ntime.sleep('1')\n",
    "import time\ntime.sleep(-1)\n",
    "import logging\nlogging.basicConfig(format='no fields')\n",
    "import logging\nlogging.getLogger('x').setLevel('LOUD')\n",
    "import logging\nlogging.basicConfig(colour=True)\n",
], ids=["sleep-type", "sleep-negative", "format", "level", "unknown-argument"])
def test_errors_are_cpythons(run_cpython, source):
    _, cpython_errors = run_cpython(source)
    outcome = run(compile_program(source), make_policy("cpython"), record=False).outcome
    assert [(e.type, e.message) for e in outcome.errors] == [
        (kind, message) for _, kind, message in cpython_errors]


#: SLEEP_ORDER without the times (a loaded machine may wake CPython's sleepers late).
SLEEP_NAMES = SLEEP_ORDER.replace(" after {round(time.monotonic() - start, 1)}", "").replace(
    ', round(time.monotonic() - start, 1)', "")


@pytest.mark.parametrize("source", [SLEEP_NAMES, TIMEOUTS, TIMERS, LOGGING],
                         ids=["sleep-order", "timeouts", "timers", "logging"])
def test_every_step_lands_where_a_replay_does(source):
    walk(compile_program(textwrap.dedent(source)), limit=400)


def test_a_sleepers_wake_up_is_never_a_remembered_plain_step():
    """A worker reads a shared counter right after its sleep: the step that wakes it moves
    the clock, so it must not be taken for the same read remembered before the sleep."""
    source = """
    import threading, time
    counter = 0
    def worker():
        global counter
        for _ in range(2):
            counter += 1
            time.sleep(0.1)
        print(time.monotonic())
    a = threading.Thread(target=worker)
    b = threading.Thread(target=worker)
    a.start()
    b.start()
    """
    walk(compile_program(textwrap.dedent(source)), limit=3000)


#: The corpus of tests/test_real_programs.py, and what CPython printed for each program.
REAL = Path(__file__).parent / "programs" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text())


def _logging_corpus() -> list[str]:
    return [path.stem for path in sorted(REAL.glob("*.py")) if EXPECTED[path.stem]["deterministic"]
            and "import logging" in path.read_text()]


@pytest.mark.parametrize("name", _logging_corpus())
def test_a_corpus_program_logs_what_cpython_logs(name):
    source = (REAL / f"{name}.py").read_text()
    outcome = run(compile_program(source, f"{name}.py"), make_policy("cpython"),
                  record=False).outcome  # named as CPython ran it: `%(module)s` is its name
    assert list(outcome.stderr) == EXPECTED[name]["stderr"].splitlines()


POLLING = """
import threading, time
done = False
def waiter():
    while not done:
        time.sleep(0.1)
    print("saw done")
def setter():
    global done
    time.sleep(0.25)
    done = True
a = threading.Thread(target=waiter)
b = threading.Thread(target=setter)
a.start()
b.start()
"""


def test_a_program_that_cannot_read_the_clock_keeps_a_finite_state_graph():
    """Its snapshots rebase the clock to 0: each turn of the polling loop comes back to a
    state seen before, as it did before there was a clock."""
    found = explore(compile_program(textwrap.dedent(POLLING)), max_states=5000)
    assert found.complete
    assert ("saw done",) in {f.outcome.output for f in found.outcomes}
    assert _ours(POLLING).outcome.output == ("saw done",)


def test_a_program_that_reads_the_clock_sees_it_move_in_every_state():
    found = explore(compile_program(textwrap.dedent(POLLING) + "print(time.monotonic())\n"),
                    max_states=300)
    assert not found.complete


def test_the_cli_prints_the_programs_stderr_to_its_own_and_in_json(tmp_path, capsys):
    import json

    from app.cli import main

    path = tmp_path / "log.py"
    path.write_text("import logging\nlogging.warning('careful')\nprint('out')\n")
    assert main(["run", str(path), "--policy", "cpython"]) == 0
    out, err = capsys.readouterr()
    assert "output:\n  out\n" in out and "WARNING:root" not in out
    assert err == "stderr:\n  WARNING:root:careful\n"
    assert main(["run", str(path), "--json"]) == 0
    outcome = json.loads(capsys.readouterr().out)["outcome"]
    assert (outcome["output"], outcome["stderr"]) == (["out"], ["WARNING:root:careful"])


HANDLERS = """
import logging, threading
log = logging.getLogger("app")
handler = logging.StreamHandler()
handler.setFormatter(logging.Formatter("%(threadName)s %(name)s [%(levelname)s] %(message)s"))
handler.setLevel(logging.INFO)
log.addHandler(handler)
log.setLevel(logging.DEBUG)
print(handler, log.hasHandlers(), logging.getLogger("other").hasHandlers())
log.debug("below the handler's level")
def work(n):
    log.info("work %d", n)
t = threading.Thread(target=work, args=(1,), name="Worker")
t.start()
t.join()
db = logging.getLogger("app.db")
db.warning("from a child: %s", "propagates")
logging.basicConfig(format="root: %(message)s")
db.error("now twice")
quiet = logging.getLogger("quiet")
quiet.addHandler(logging.NullHandler())
quiet.warning("nowhere")
log.removeHandler(handler)
db.critical("root only")
print(db.name, db.level, db.parent, db.handlers, db.propagate, logging.getLogger().handlers)
"""


def test_handlers_and_formatters_print_what_cpython_prints(cpython_exe):
    stdout, stderr = _cpython(cpython_exe, HANDLERS)
    outcome = _ours(HANDLERS).outcome
    assert (list(outcome.output), list(outcome.stderr)) == (stdout, stderr)


def test_sleep_0_lets_the_others_run_under_the_cpython_policy():
    source = """
    import threading, time
    turns = []
    def take(name):
        for _ in range(3):
            turns.append(name)
            time.sleep(0)
    a = threading.Thread(target=take, args=("a",))
    b = threading.Thread(target=take, args=("b",))
    a.start()
    b.start()
    a.join()
    b.join()
    print("".join(turns))
    """
    assert _ours(source).outcome.output == ("ababab",)


def test_the_transcript_keeps_both_streams_in_the_order_written():
    source = """
    import logging
    print("a", end="")
    print("b")
    logging.warning("w1")
    logging.warning("w2")
    print("c")
    """
    outcome = _ours(source).outcome
    assert outcome.transcript == (("stdout", "ab"), ("stderr", "WARNING:root:w1"),
                                  ("stderr", "WARNING:root:w2"), ("stdout", "c"))
    assert _ours("print('only stdout')\n").outcome.transcript == ()


def test_mktime_inverts_localtime_in_the_processs_zone(cpython_exe):
    source = ("import time\nprint(time.mktime(time.localtime(1000)), time.timezone, time.tzname)\n"
              "print(time.mktime((2024, 2, 29, 12, 30, 0, 0, 1, -1)))\n"
              "print(time.strftime('%Y-%m-%d', time.localtime(time.mktime((2024, 3, 1, 0, 0, 0, "
              "0, 0, 0)))))\n")
    assert list(_ours(source).outcome.output) == _cpython(cpython_exe, source)[0]
