"""The sandbox and the explorers' children: a request's work is stopped at its time and memory
limits without harm to the worker, and no child outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.engine import DEFAULT_BUDGETS
from app.web.explorers import Job, explore_apart
from app.web.sandbox import Limits, Sandbox, Stopped
from tests.support.processes import alive, children
from tests.support.servers import REPO
from tests.support.workloads import allocate, fail, keep, sleep, spin

MB = 2**20


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(1, Limits(seconds=1.0, memory_bytes=256 * MB, recycle_bytes=32 * MB))
    box.start()
    yield box
    box.close()


def test_work_past_its_cpu_time_is_stopped_and_the_next_call_is_served(sandbox):
    start = time.monotonic()
    with pytest.raises(Stopped, match="more than the 1 s of work"):
        sandbox.call(spin)
    assert time.monotonic() - start < 2.5
    assert sandbox.call(allocate, 10) == 10


def test_work_stuck_in_one_long_call_is_stopped_by_the_deadline(sandbox):
    start = time.monotonic()
    with pytest.raises(Stopped, match="more than the 1 s of work"):
        sandbox.call(sleep, 30)
    assert time.monotonic() - start < 2
    assert sandbox.call(allocate, 10) == 10


def test_work_past_its_memory_is_stopped(sandbox):
    with pytest.raises(Stopped, match="more than the 256 MB of memory"):
        sandbox.call(allocate, 1024 * MB)
    assert sandbox.call(allocate, 100 * MB) == 100 * MB  # within the limit, in a fresh child


def test_a_child_that_has_grown_is_replaced(sandbox):
    first = sandbox.call(keep, 8 * MB)
    assert sandbox.call(keep, 8 * MB) == first
    grown = sandbox.call(keep, 40 * MB)  # past the 32 MB it may grow by: answered, then gone
    assert grown == first
    assert sandbox.call(keep, 1) != first


def test_the_works_own_exception_comes_back_as_it_was(sandbox):
    with pytest.raises(ValueError, match="the program's own"):
        sandbox.call(fail)
    assert sandbox.call(allocate, 1) == 1


def test_an_exploration_past_its_memory_is_stopped_with_a_message():
    source = "x = [0] * 1000\nwhile True:\n    x = x + [0] * 1000\n"
    job = Job(source, "program.py", DEFAULT_BUDGETS, 10**9, 30.0, memory_bytes=40 * MB)
    with pytest.raises(Exception, match="more than its 40 MB of memory"):
        explore_apart(job)


def test_children_die_with_their_worker(tmp_path: Path):
    """A worker killed mid-request (SIGKILL: no clean-up) takes its children with it."""
    script = tmp_path / "worker.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from app.engine import DEFAULT_BUDGETS
        from app.web.explorers import Job, explore_apart
        from app.web.sandbox import Limits, Sandbox
        from tests.support.workloads import sleep
        if __name__ == "__main__":
            box = Sandbox(1, Limits(seconds=60, memory_bytes=256 * 2**20,
                                    recycle_bytes=64 * 2**20))
            box.start()
            print(box.idle[0].process.pid, flush=True)
            source = open({str(REPO / "app/scenarios/lesson_counter.py")!r}).read()
            job = Job(source, "x.py", DEFAULT_BUDGETS, 10**9, 60.0)
            import threading
            threading.Thread(target=box.call, args=(sleep, 60), daemon=True).start()
            explore_apart(job)
    """))
    worker = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=REPO)
    sandbox_child = int(worker.stdout.readline())
    deadline = time.monotonic() + 20
    while not (explorer := _grandchildren(worker.pid)):
        assert time.monotonic() < deadline, "the exploration did not start"
        time.sleep(0.1)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    deadline = time.monotonic() + 3
    while alive(sandbox_child) or any(alive(p) for p in explorer):
        assert time.monotonic() < deadline, "a child outlived its worker"
        time.sleep(0.05)


def _grandchildren(pid: int) -> list[int]:
    """The worker's grandchildren: the fork server's children, sandbox child aside."""
    tree = children()
    found = [grandchild for child in tree.get(pid, []) for grandchild in tree.get(child, [])]
    return found if len(found) >= 2 else []
