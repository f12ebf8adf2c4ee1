"""Object-oriented threading programs (tests/programs/oop/), written in the styles of
tutorials, books, course repositories and Stack Overflow answers: each runs as written
under the `cpython` policy, and one whose output CPython 3.13 prints the same in three runs
must print exactly that (issue 13)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.engine import DONE, compile_program, make_policy, run

OOP = Path(__file__).parent / "programs" / "oop"
NAMES = sorted(p.stem for p in OOP.glob("*.py"))


def test_the_corpus_is_large_and_realistic():
    assert len(NAMES) >= 25
    for name in NAMES:
        assert 14 <= len((OOP / f"{name}.py").read_text().splitlines()) <= 83, name


@pytest.mark.parametrize("name", NAMES)
def test_program_prints_what_cpython_prints(name, cpython_exe):
    path = OOP / f"{name}.py"
    outcome = run(compile_program(path.read_text()), make_policy("cpython"),
                  record=False).outcome
    assert outcome.kind == DONE, (outcome.kind, outcome.reason)
    done = [subprocess.run([cpython_exe, str(path)], capture_output=True, text=True,
                           timeout=60) for _ in range(3)]
    if "Traceback" not in done[0].stderr:  # no uncaught exception there: none here
        assert not outcome.errors, outcome.errors
    runs = {d.stdout for d in done}
    if len(runs) == 1:
        assert list(outcome.output) == runs.pop().splitlines()
