"""Fixtures shared by the suite: run a snippet in the engine, enumerate what it can do, and ask
real CPython (the oracle, ../shared/SEMANTICS.md) what it prints."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.engine import Policy, RoundRobin, Run, compile_program, run
from tests.support.bruteforce import Reached, reached
from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT, WORKER, parse_tracebacks


@pytest.fixture(scope="session")
def cpython_exe() -> str:
    """CPython 3.13 (the version the engine models), or this interpreter when it is missing."""
    return str(CPYTHON_313) if CPYTHON_313.exists() else sys.executable


@pytest.fixture
def run_source() -> Callable[..., Run]:
    """Compile a (dedented) snippet and run it, round-robin one step at a time by default."""

    def run_it(source: str, policy: Policy | None = None, **options: Any) -> Run:
        return run(compile_program(textwrap.dedent(source)), policy or RoundRobin(1), **options)

    return run_it


@pytest.fixture
def reachable() -> Callable[..., list[Reached]]:
    """Every distinct outcome some schedule reaches (brute force over all schedules)."""
    return reached


@pytest.fixture(scope="session")
def run_cpython(cpython_exe: str) -> Callable[[str], tuple[list[str], list[tuple[str, str, str]]]]:
    """Run a program under real CPython: (stdout lines, uncaught exceptions)."""

    def run_it(source: str) -> tuple[list[str], list[tuple[str, str, str]]]:
        done = subprocess.run([cpython_exe, "-c", textwrap.dedent(source)], capture_output=True,
                              text=True, timeout=CPYTHON_TIMEOUT)
        return done.stdout.splitlines(), parse_tracebacks(done.stderr)

    return run_it


@pytest.fixture(scope="session")
def cpython_worker(cpython_exe: str) -> Iterator[Callable[[str], dict[str, Any]]]:
    """One long-lived CPython that execs single-threaded programs sent to it, one per line:
    Hypothesis examples then cost a round trip each, not an interpreter start."""
    proc = subprocess.Popen([cpython_exe, "-c", WORKER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None

    def ask(source: str) -> dict[str, Any]:
        proc.stdin.write(json.dumps(source) + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())

    try:
        yield ask
    finally:
        proc.stdin.close()
        proc.stdout.close()
        try:
            proc.wait(timeout=CPYTHON_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
