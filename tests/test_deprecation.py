"""`deprecation`: the DeprecationWarnings CPython 3.13 prints for the camelCase threading API,
checked against CPython itself (the oracle) and for each old name."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from app.engine import DONE, RoundRobin, compile_program, run
from app.engine.deprecation import ADVICE

LEGACY = """
import threading
t = threading.Thread(target=lambda: None)
for _ in range(2):
    t.setName("Legacy-1")
print(t.getName(), threading.currentThread().getName())
e = threading.Event()
print(e.isSet(), t.isDaemon())
t.setDaemon(True)
c = threading.Condition()
with c:
    c.notifyAll()
print(threading.activeCount())
"""


def _stderr(source: str, filename: str = "prog.py") -> tuple[str, ...]:
    result = run(compile_program(source, filename), RoundRobin())
    assert result.outcome.kind == DONE
    return result.outcome.stderr


def test_the_warnings_are_cpythons(cpython_exe: str, tmp_path: Path) -> None:
    path = tmp_path / "prog.py"
    path.write_text(LEGACY)
    real = subprocess.run([cpython_exe, str(path)], capture_output=True, text=True, timeout=30)
    assert real.returncode == 0, real.stderr
    assert _stderr(LEGACY, str(path)) == tuple(real.stderr.splitlines())
    assert len(real.stderr.splitlines()) == 2 * len(ADVICE)  # every old name, once each


@pytest.mark.parametrize("old", sorted(ADVICE))
def test_each_old_name_gives_its_advice_with_the_calling_line(old: str) -> None:
    call = {"currentThread": "threading.currentThread()",
            "activeCount": "threading.activeCount()", "getName": "t.getName()",
            "setName": "t.setName('x')", "isDaemon": "t.isDaemon()",
            "setDaemon": "t.setDaemon(True)", "isSet": "e.isSet()",
            "notifyAll": "c.notifyAll()"}[old]
    source = textwrap.dedent(f"""\
        import threading
        t = threading.Thread(target=print)
        e = threading.Event()
        c = threading.Condition()
        c.acquire()
        x = {call}
    """)
    assert _stderr(source) == (
        f"prog.py:6: DeprecationWarning: {old}() is deprecated, {ADVICE[old]}", f"  x = {call}")


def test_a_line_warns_once_however_often_it_runs_and_from_whichever_thread() -> None:
    stderr = _stderr(textwrap.dedent("""\
        import threading
        def work():
            for _ in range(3):
                threading.currentThread()
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        threading.currentThread()
    """))
    assert [line for line in stderr if "DeprecationWarning" in line] == [
        "prog.py:4: DeprecationWarning: currentThread() is deprecated, use current_thread() "
        "instead",
        "prog.py:10: DeprecationWarning: currentThread() is deprecated, use current_thread() "
        "instead"]
