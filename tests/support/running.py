"""Running a snippet in the engine for a test: its outcome, and what it printed and raised in
the shapes the CPython fixtures answer in (`run_cpython`, `cpython_worker`), so that a test
compares the engine with the oracle by `==`."""

from __future__ import annotations

import textwrap
from typing import Any

from app.engine import Outcome, Policy, RoundRobin, compile_program, make_policy, run


def outcome(source: str, policy: str = "cpython", seed: int = 0) -> Outcome:
    """The outcome of (dedented) `source` under the policy named, its steps not recorded."""
    return run(compile_program(textwrap.dedent(source)), make_policy(policy, seed=seed),
               record=False).outcome


def as_run_cpython(source: str, policy: Policy) -> tuple[list[str], list[tuple[str, str, str]]]:
    """What `source` prints under `policy`, and its uncaught exceptions as (thread, type,
    message): `run_cpython`'s answer. The run must end."""
    done = run(compile_program(source), policy).outcome
    assert done.kind == "done", (done.kind, done.reason, done.blocked)
    return list(done.output), [(e.thread, e.type, e.message) for e in done.errors]


def as_cpython_worker(source: str) -> dict[str, Any]:
    """What `source` prints, and the error that ended MainThread: `cpython_worker`'s answer
    (another thread's uncaught error goes to stderr, which the worker does not report). The
    run must end."""
    done = run(compile_program(source), RoundRobin(), record=False).outcome
    assert done.kind == "done", (done.kind, done.reason, done.blocked)
    errors = [[e.type, e.message] for e in done.errors if e.thread == "MainThread"]
    return {"output": list(done.output), "error": errors[0] if errors else None}
