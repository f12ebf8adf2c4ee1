"""Issue 13, "real programs run as written": the corpus in tests/programs/real/.

Each program is written the way threading tutorials, courses and books write them (random,
logging, classes, `if __name__ == "__main__":`, queues, thread pools …); expected.json holds
what CPython 3.13 printed (`python bench/corpus.py --record`: five runs each; a program is
deterministic when the runs agree and its output reads no clock, no unseeded random number, no
process id and no race). A program runs as written when it compiles with the default budgets
and runs to `done` under the `cpython` policy; a deterministic one must then print CPython's
stdout.

Most programs do not run yet. This file pins today's state down, so that each feature that
lands has to move its programs from the refused ones into RUNS_AS_WRITTEN. CPython's stderr
(logging's default stream, deprecation warnings) is in expected.json too: the engine keeps
the program's stderr apart (`outcome.stderr`), and tests/test_clock_logging.py compares it
for the deterministic programs that log.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.engine import DONE, CompileError, compile_program, make_policy, run

REAL = Path(__file__).parent / "programs" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text())
NAMES = sorted(p.stem for p in REAL.glob("*.py"))

#: Programs that run as written today (and, when deterministic, print what CPython prints).
RUNS_AS_WRITTEN = {
    "bank_account_lock",
    "bank_customers_random",
    "bank_transfer_random",
    "barrier_runners",
    "camelcase_api",
    "camelcase_thread_subclass",
    "check_then_act_race",
    "condition_buffer_class",
    "condition_notify_all",
    "countdown_logger",
    "counter_race",
    "counter_with_lock",
    "ctime_clock_thread",
    "daemon_heartbeat",
    "dataclass_inventory",
    "deque_job_buffer",
    "dining_philosophers",
    "dining_philosophers_class",
    "event_start_signal",
    "generator_pipeline",
    "join_timeout_alive",
    "keyword_only_workers",
    "logging_asctime_daemon",
    "logging_locked_database",
    "logging_thread_names",
    "lottery_draw",
    "matrix_row_sums",
    "monte_carlo_pi",
    "os_pid_workers",
    "parking_lot_semaphore",
    "password_generators",
    "pipeline_random_logging",
    "producer_consumer_queue",
    "queue_task_done_workers",
    "random_seeded_dice",
    "random_sleep_workers",
    "random_walkers",
    "rate_limited_api",
    "rlock_recursive_tree",
    "seeded_thread_subclass",
    "semaphore_connection_pool",
    "sequential_vs_threads",
    "square_cube_threads",
    "stop_event_thread_class",
    "thread_local_sessions",
    "thread_names_enumerate",
    "thread_subclass_basic",
    "thread_subclass_results",
    "ticket_booking",
    "timer_reminder",
    "timing_decorator",
    "word_count_mapreduce",
}

#: Programs that run to `done` today but print something else than CPython, and why.
RUNS_BUT_DIFFERS: dict[str, str] = {}

REFUSED = sorted(set(NAMES) - RUNS_AS_WRITTEN - set(RUNS_BUT_DIFFERS))


def _source(name: str) -> str:
    return (REAL / f"{name}.py").read_text()


def _run(name: str):
    return run(compile_program(_source(name)), make_policy("cpython"), record=False).outcome


def test_every_program_has_cpython_output_and_a_realistic_size():
    assert len(NAMES) >= 36
    assert set(NAMES) == set(EXPECTED)
    for name in NAMES:
        assert 14 <= len(_source(name).splitlines()) <= 80, name
        assert set(EXPECTED[name]) == {"deterministic", "stdout", "stderr"}, name


def test_the_sets_name_corpus_programs_once():
    assert RUNS_AS_WRITTEN <= set(NAMES)
    assert set(RUNS_BUT_DIFFERS) <= set(NAMES)
    assert not RUNS_AS_WRITTEN & set(RUNS_BUT_DIFFERS)


@pytest.mark.parametrize("name", sorted(RUNS_AS_WRITTEN))
def test_program_runs_as_written(name):
    outcome = _run(name)
    assert outcome.kind == DONE, (outcome.kind, outcome.reason)
    if EXPECTED[name]["deterministic"]:
        assert list(outcome.output) == EXPECTED[name]["stdout"].splitlines()


@pytest.mark.parametrize("name", sorted(RUNS_BUT_DIFFERS))
def test_program_runs_but_prints_something_else(name):
    outcome = _run(name)
    assert outcome.kind == DONE, (outcome.kind, outcome.reason)
    assert EXPECTED[name]["deterministic"]
    # Once it prints CPython's stdout, it belongs in RUNS_AS_WRITTEN.
    assert list(outcome.output) != EXPECTED[name]["stdout"].splitlines(), RUNS_BUT_DIFFERS[name]


@pytest.mark.parametrize("name", REFUSED)
def test_program_is_refused_with_a_position_and_a_hint(name):
    source = _source(name)
    with pytest.raises(CompileError) as refused:
        compile_program(source)
    error = refused.value
    assert 1 <= error.line <= len(source.splitlines())
    assert error.col >= 1
    assert error.message
    assert error.hint.strip()
