"""The library features added for programs that lean on the standard library (itertools,
datetime, statistics, lru_cache, sys.stderr, threading.excepthook, match, :=, timed future
waits): their values survive snapshots (every explored step lands where a replay does) and
what they print is CPython's."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from app.engine import DONE, CompileError, Explicit, compile_program, make_policy, run
from tests.support.cpython import CPYTHON_TIMEOUT
from tests.support.walking import walk

SHARED_ITERATORS = """
import itertools, threading, sys
from datetime import datetime, timedelta
from functools import lru_cache
tickets = itertools.count(1)
colors = itertools.cycle("rg")
start = datetime(2024, 1, 1)
got = []
@lru_cache(maxsize=None)
def square(n):
    return n * n
def take():
    n = next(tickets)
    got.append((n, next(colors), square(n), str(start + timedelta(minutes=n))))
    print(n, file=sys.stderr)
ts = [threading.Thread(target=take) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(got), square.cache_info().misses)
"""

MATCH_AND_HOOK = """
import threading
seen = []
def hook(args):
    seen.append(args.exc_type.__name__)
threading.excepthook = hook
def work(cmd):
    match cmd:
        case ("add", n) if (k := n * 2) > 0:
            seen.append(k)
        case {"fail": reason}:
            raise ValueError(reason)
        case _:
            seen.append("other")
ts = [threading.Thread(target=work, args=(c,)) for c in (("add", 2), {"fail": "x"})]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(map(str, seen)))
"""

TIMED_FUTURE = """
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError, wait
def slow():
    time.sleep(0.2)
    return 1
with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(slow)
    try:
        f.result(timeout=0.1)
    except TimeoutError:
        print("not yet", f.running())
    done, _ = wait([f], timeout=1)
    print(len(done), f.result(timeout=1))
"""


@pytest.mark.parametrize("source", [SHARED_ITERATORS, MATCH_AND_HOOK, TIMED_FUTURE],
                         ids=["iterators", "match", "future"])
def test_every_step_lands_where_a_replay_does(source):
    walk(compile_program(textwrap.dedent(source)), limit=400)


@pytest.mark.parametrize("source", [SHARED_ITERATORS, MATCH_AND_HOOK, TIMED_FUTURE],
                         ids=["iterators", "match", "future"])
def test_prints_what_cpython_prints(source, cpython_exe):
    outcome = run(compile_program(source), make_policy("cpython"), record=False).outcome
    assert outcome.kind == DONE, outcome.reason
    real = subprocess.run([cpython_exe, "-c", source], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT)
    assert list(outcome.output) == real.stdout.splitlines()
    assert list(outcome.stderr) == [line for line in real.stderr.splitlines()
                                    if not line.startswith(("Traceback", " "))]


FEATURES = sorted((Path(__file__).parent / "programs" / "libs_features").glob("*.py"))


@pytest.mark.parametrize("path", FEATURES, ids=lambda p: p.stem)
def test_a_feature_program_prints_what_cpython_prints(path, cpython_exe):
    outcome = run(compile_program(path.read_text()), make_policy("cpython"),
                  record=False).outcome
    assert outcome.kind == DONE, outcome.reason
    real = subprocess.run([cpython_exe, str(path)], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT)
    assert list(outcome.output) == real.stdout.splitlines()


@pytest.mark.parametrize(("source", "says"), [
    ("name = input('Name: ')\n", "cannot read input"),
    ("import shutil\n", "Only open(), io.StringIO, csv and pathlib.Path are simulated"),
    ("from multiprocessing import Pool\n", "processes are outside"),
    ("import multiprocessing\np = multiprocessing.Process(target=print)\n",
     "multiprocessing.dummy.Pool"),
    ("from multiprocessing.pool import Pool\n", "Supported from multiprocessing.pool: ThreadPool"),
    ("from urllib.request import urlopen\n", "network"),
    ("import asyncio\n", "async code"),
    ("import numpy as np\n", "outside the standard library"),
    ("import re\n", "str's methods"),
])
def test_what_stays_refused_says_what_to_write_instead(source, says):
    with pytest.raises(CompileError) as refused:
        compile_program(source)
    assert says in refused.value.hint and refused.value.line >= 1


def test_a_sleeper_wakes_while_other_threads_work_without_sleeping():
    """Real Python's pipeline: a producer and a consumer that never sleep, and a main thread
    that sleeps 0.1 s and then sets the event that ends them; and a spinning stop flag."""
    source = """
    import threading, time, queue
    stop = threading.Event()
    q = queue.Queue(maxsize=10)
    def producer():
        n = 0
        while not stop.is_set():
            n += 1
            q.put(n)
    def consumer():
        while not stop.is_set() or not q.empty():
            q.get()
    threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    stop.set()
    for t in threads:
        t.join()
    print("stopped at", round(time.monotonic(), 3), q.empty())
    """
    program = compile_program(textwrap.dedent(source))
    first = run(program, make_policy("cpython"), record=False)
    assert first.outcome.kind == DONE and first.outcome.output == ("stopped at 0.1 True",)
    again = run(program, Explicit(first.schedule), record=False)
    assert again.outcome.output == first.outcome.output


CONTEXT_MANAGER = """
import threading
from contextlib import contextmanager
lock = threading.Lock()
log = []
@contextmanager
def held(name):
    with lock:
        log.append(name)
        yield len(log)
def work(name):
    with held(name) as n:
        log.append(n)
ts = [threading.Thread(target=work, args=(c,)) for c in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log)
"""


def test_a_context_manager_generator_lands_where_a_replay_does():
    walk(compile_program(CONTEXT_MANAGER), limit=400)


def test_an_exception_thrown_into_a_context_manager_generator_lands_where_a_replay_does():
    """The block's exception is thrown in at the `yield`: its `finally` releases the lock."""
    source = CONTEXT_MANAGER.replace("        yield len(log)", """\
        try:
            yield len(log)
        finally:
            log.append("out")""").replace("        log.append(n)", """\
        log.append(n)
        raise ValueError(name)""")
    walk(compile_program(source), limit=400)
