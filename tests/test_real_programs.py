"""Issue 13, "real programs run as written": the corpus in tests/programs/real/.

Each program is written the way threading tutorials, courses and books write them (random,
logging, classes, `if __name__ == "__main__":`, queues, thread pools …); expected.json holds
what CPython 3.13 printed (`python bench/corpus.py --record`: five runs each; a program is
deterministic when the runs agree and its output reads no clock, no unseeded random number, no
process id and no race). A program runs as written when it compiles with the default budgets
and runs to `done` under the `cpython` policy; a deterministic one must then print CPython's
stdout, and its stderr (logging's default stream, the DeprecationWarnings of the camelCase
API), which the engine keeps apart (`outcome.stderr`). Every program of the corpus does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.engine import DONE, compile_program, make_policy, run

REAL = Path(__file__).parent / "programs" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text())
NAMES = sorted(p.stem for p in REAL.glob("*.py"))


def _printed(lines: tuple[str, ...]) -> list[str]:
    """The engine's outcome lines as CPython's recorded text lines them: captured as text
    (universal newlines), a progress line's "\r" reads as a line break."""
    return "".join(line + "\n" for line in lines).splitlines()


def _source(name: str) -> str:
    return (REAL / f"{name}.py").read_text()


def test_every_program_has_cpython_output_and_a_realistic_size():
    assert len(NAMES) >= 36
    assert set(NAMES) == set(EXPECTED)
    for name in NAMES:
        assert 14 <= len(_source(name).splitlines()) <= 80, name
        assert set(EXPECTED[name]) == {"deterministic", "stdout", "stderr"}, name


@pytest.mark.parametrize("name", NAMES)
def test_program_runs_as_written(name):
    """Named as CPython ran it (`python NAME.py`): its warnings name the file."""
    outcome = run(compile_program(_source(name), filename=f"{name}.py"), make_policy("cpython"),
                  record=False).outcome
    assert outcome.kind == DONE, (outcome.kind, outcome.reason)
    assert not outcome.errors or not EXPECTED[name]["deterministic"], outcome.errors
    if EXPECTED[name]["deterministic"]:
        assert _printed(outcome.output) == EXPECTED[name]["stdout"].splitlines()
        assert _printed(outcome.stderr) == EXPECTED[name]["stderr"].splitlines()
