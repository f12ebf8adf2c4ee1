"""Fixtures shared by the suite: run a snippet in the engine, enumerate what it can do, and ask
real CPython (the oracle, ../shared/SEMANTICS.md) what it prints."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.engine import Policy, RoundRobin, Run, compile_program, run
from tests.bruteforce import enumerate_outcomes

CPYTHON_313 = Path("/root/.pyenv/versions/3.13.0/bin/python")
CPYTHON_TIMEOUT = 30


@dataclass(frozen=True, eq=False)
class Reached:
    """One reachable outcome as data: what `enumerate_outcomes` reports, decoded."""

    kind: str
    globals: dict[str, Any]
    errors: tuple[str, ...]
    blocked: tuple[str, ...]


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

    def reach(source: str, keys: list[str] | None = None) -> list[Reached]:
        counts = enumerate_outcomes(compile_program(textwrap.dedent(source)), keys)
        return [Reached(kind, dict(ast.literal_eval(globals_)), errors, blocked)
                for kind, globals_, errors, blocked in counts]

    return reach


CHAINED = ("During handling of the above exception, another exception occurred:",
           "The above exception was the direct cause of the following exception:")


def parse_tracebacks(stderr: str) -> list[tuple[str, str, str]]:
    """Uncaught exceptions in CPython's stderr as (thread, type, message), in order.

    A thread's report starts with "Exception in thread NAME:", the main thread's with
    "Traceback (most recent call last):"; a chained traceback continues the same report, whose
    last unindented "Type: message" line is the exception that ended the thread.
    """
    found: list[tuple[str, str, str]] = []
    thread: str | None = None
    last: str | None = None
    chained = False

    def flush() -> None:
        if thread is not None and last is not None:
            kind, _, message = last.partition(": ")
            found.append((thread, kind.removeprefix("threading."), message))

    for line in stderr.splitlines():
        header = re.fullmatch(r"Exception in thread (.+):", line)
        if header:
            flush()
            thread, last, chained = header.group(1), None, False
        elif line == "Traceback (most recent call last):":
            if not chained and last is not None or thread is None:
                flush()
                thread, last = "MainThread", None
            chained = False
        elif line in CHAINED:
            chained = True
        elif line and not line.startswith(" ") and thread is not None:
            last = line
    flush()
    return found


@pytest.fixture(scope="session")
def run_cpython(cpython_exe: str) -> Callable[[str], tuple[list[str], list[tuple[str, str, str]]]]:
    """Run a program under real CPython: (stdout lines, uncaught exceptions)."""

    def run_it(source: str) -> tuple[list[str], list[tuple[str, str, str]]]:
        done = subprocess.run([cpython_exe, "-c", textwrap.dedent(source)], capture_output=True,
                              text=True, timeout=CPYTHON_TIMEOUT)
        return done.stdout.splitlines(), parse_tracebacks(done.stderr)

    return run_it


_WORKER = r"""
import contextlib, io, json, sys
for line in sys.stdin:
    source = json.loads(line)
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
        except Exception as e:
            error = [type(e).__name__, str(e)]
    sys.stdout.write(json.dumps({"output": out.getvalue().splitlines(), "error": error}) + "\n")
    sys.stdout.flush()
"""


@pytest.fixture(scope="session")
def cpython_worker(cpython_exe: str) -> Iterator[Callable[[str], dict[str, Any]]]:
    """One long-lived CPython that execs single-threaded programs sent to it, one per line:
    Hypothesis examples then cost a round trip each, not an interpreter start."""
    proc = subprocess.Popen([cpython_exe, "-c", _WORKER], stdin=subprocess.PIPE,
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


@pytest.fixture(scope="session")
def run_engine() -> Callable[[str], dict[str, Any]]:
    """Run a program in the engine and answer as `cpython_worker` does: what it printed and
    the error that ended MainThread (type and message), or None."""

    def run_it(source: str) -> dict[str, Any]:
        outcome = run(compile_program(textwrap.dedent(source)), RoundRobin(), record=False
                      ).outcome
        assert outcome.kind == "done", (outcome.kind, outcome.reason)
        errors = [[e.type, e.message] for e in outcome.errors if e.thread == "MainThread"]
        return {"output": list(outcome.output), "error": errors[0] if errors else None}

    return run_it
