"""Language features and small built-ins (issue 13): each program in tests/programs/language/
prints what CPython 3.13 prints, uncaught exceptions included, under round-robin and the
`cpython` policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine import CPython, RoundRobin, compile_program, run

LANGUAGE = Path(__file__).parent / "programs" / "language"
PROGRAMS = sorted(p.stem for p in LANGUAGE.glob("*.py"))


def _engine(source: str, policy) -> tuple[list[str], list[tuple[str, str, str]]]:
    outcome = run(compile_program(source), policy).outcome
    assert outcome.kind == "done", (outcome.kind, outcome.reason)
    return list(outcome.output), [(e.thread, e.type, e.message) for e in outcome.errors]


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(run_cpython, name):
    source = (LANGUAGE / f"{name}.py").read_text()
    expected = run_cpython(source)
    for policy in (RoundRobin(1), CPython()):
        assert _engine(source, policy) == expected, type(policy).__name__
