"""The `interleave` command: traces, outcomes, JSON, replays, and bad input that exits 2 with
one message on stderr and never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli import main

RACE = """\
import threading

counter = 0

def increment():
    global counter
    counter += 1

threads = [threading.Thread(target=increment) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""


@pytest.fixture
def program_file(tmp_path):
    """Write a program to a file and return its path as text."""

    def write(source: str, name: str = "prog.py") -> str:
        path = tmp_path / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return str(path)

    return write


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: (exit status, stdout, stderr)."""

    def call(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return call


def assert_usage_error(status: int, out: str, err: str) -> None:
    assert status == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err
    assert "\n\n" not in err.strip()  # one paragraph


# -- run -------------------------------------------------------------------------------------


def test_run_a_file_prints_the_trace_table_and_the_outcome(cli, program_file):
    status, out, err = cli("run", program_file(RACE))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["step", "thread", "line", "action", "shared"]
    assert lines[1].split() == ["1", "MainThread", "3", "write", "counter", "←", "0", "counter=0"]
    assert any("read counter → 0" in line for line in lines)
    assert "── finished after 13 steps" in lines
    assert lines[-4:] == ["output:", "  1", "globals: counter=1", "schedule: a2babcbcaca3"]


def test_run_a_scenario_by_id(cli):
    status, out, err = cli("run", "race-counter")
    assert (status, err) == (0, "")
    assert "── finished after 19 steps" in out
    assert out.rstrip().endswith("schedule: a2babcbcbcbcbcaca3")


def test_summary_prints_only_the_outcome(cli, program_file):
    status, out, _ = cli("run", program_file(RACE), "--summary")
    assert status == 0
    assert out.splitlines() == ["── finished after 13 steps", "output:", "  1",
                                "globals: counter=1", "schedule: a2babcbcaca3"]


@pytest.mark.parametrize(("max_states", "says"), [
    ("100000", "\nno data races\n"), ("10", "\nno data races in the states walked so far\n")])
def test_no_race_is_claimed_only_of_what_the_search_walked(cli, program_file, max_states, says):
    locked = RACE.replace("counter += 1", "with lock:\n        counter += 1").replace(
        "counter = 0", "counter = 0\nlock = threading.Lock()")
    status, out, _ = cli("explore", "--max-states", max_states, program_file(locked))
    assert status == 0 and says in out


ORDERS = """\
import threading
order = []
def work(name):
    order.append(name * 12)
threads = [threading.Thread(target=work, args=(c,)) for c in "AB"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(order))
"""


def test_outcomes_that_print_alike_show_the_globals_that_tell_them_apart(cli, program_file):
    """`order` is too long to show whole, but it is what tells the two outcomes apart."""
    status, out, _ = cli("explore", program_file(ORDERS))
    assert status == 0
    lines = [line for line in out.splitlines() if "finished · prints 2" in line]
    assert len(lines) == 2
    assert any("order=['AAAAAAAAAAAA', 'BBBBBBBBBBBB']" in line for line in lines)
    assert any("order=['BBBBBBBBBBBB', 'AAAAAAAAAAAA']" in line for line in lines)


def test_deadlock_is_a_result_with_who_holds_and_waits(cli):
    status, out, err = cli("run", "deadlock-two-locks", "--schedule", "a2bc")
    assert (status, err) == (0, "")
    assert "── DEADLOCK after 4 steps" in out
    assert "no thread can move:" in out
    assert "  thread_1: holds lock_a; blocked on lock_b (held by thread_2)" in out
    assert "  thread_2: holds lock_b; blocked on lock_a (held by thread_1)" in out


def test_step_limit_is_a_result(cli):
    status, out, _ = cli("run", "lesson-counter", "--max-steps", "100", "--summary")
    assert status == 0
    assert "after 100 steps: the step limit of 100 was reached (--max-steps raises it)" in out


def test_uncaught_exceptions_are_listed(cli, program_file):
    status, out, _ = cli("run", program_file("""
        import threading
        lock = threading.Lock()
        def f():
            lock.release()
        t = threading.Thread(target=f)
        t.start()
        t.join()
    """), "--summary")
    assert status == 0
    assert "exception in Thread-1 (f): RuntimeError: release unlocked lock" in out


def test_json_has_exactly_the_documented_shape(cli, program_file):
    status, out, _ = cli("run", program_file(RACE), "--json")
    assert status == 0
    data = json.loads(out)
    assert set(data) == {"schedule", "steps", "outcome"}
    assert data["schedule"] == "a2babcbcaca3"
    assert set(data["outcome"]) == {"kind", "globals", "output", "errors", "blocked", "reason"}
    assert data["outcome"] == {"kind": "done", "globals": {"counter": 1}, "output": ["1"],
                               "errors": [], "blocked": [], "reason": ""}
    assert len(data["steps"]) == 13
    assert data["steps"][0] == {"step": 0, "thread": "MainThread", "tid": 0, "line": 3,
                                "kind": "write", "action": "write counter ← 0",
                                "changes": {"counter": "0"}}
    for step in data["steps"]:
        assert set(step) == {"step", "thread", "tid", "line", "kind", "action", "changes"}


def test_json_summary_has_a_step_count_instead_of_steps(cli, program_file):
    status, out, _ = cli("run", program_file(RACE), "--json", "--summary")
    assert status == 0
    data = json.loads(out)
    assert set(data) == {"schedule", "step_count", "outcome"}
    assert data["step_count"] == 13


def test_json_of_a_deadlock_and_of_errors(cli):
    data = json.loads(cli("run", "deadlock-two-locks", "--schedule", "a2bc", "--json")[1])
    assert data["outcome"]["kind"] == "deadlock"
    assert data["outcome"]["blocked"][1] == {
        "thread": "thread_1", "reason": "blocked on lock_b (held by thread_2)",
        "holds": ["lock_a"], "waits_for": "thread_2"}
    data = json.loads(cli("run", "bounded-semaphore", "--json", "--summary")[1])
    assert data["outcome"]["errors"] == [{"thread": "buggy_cleanup", "type": "ValueError",
                                          "message": "Semaphore released too many times"}]


def test_schedule_replays_a_run_exactly(cli):
    first = json.loads(cli("run", "condition-if-bug", "--policy", "random", "--seed", "3",
                           "--json")[1])
    again = json.loads(cli("run", "condition-if-bug", "--schedule", first["schedule"],
                           "--json")[1])
    assert again == first


def test_schedule_then_policy(cli):
    status, out, _ = cli("run", "race-counter", "--schedule", "a3bc", "--policy", "rr",
                         "--summary")
    assert status == 0
    assert "── finished" in out
    assert "schedule: a3bc" in out


def test_a_schedule_that_ends_early_pauses(cli):
    status, out, _ = cli("run", "race-counter", "--schedule", "a3", "--summary")
    assert status == 0
    assert "── paused after 3 steps" in out


@pytest.mark.parametrize("policy", ["rr", "random", "cpython"])
def test_every_policy_runs(cli, policy):
    status, out, _ = cli("run", "lock-counter", "--policy", policy, "--quantum", "3",
                         "--summary")
    assert status == 0
    assert "output:\n  4\n" in out


# -- bad input -----------------------------------------------------------------------------


def test_missing_file(cli):
    status, out, err = cli("run", "no/such/file.py")
    assert_usage_error(status, out, err)
    assert err == "interleave: no such file: no/such/file.py\n"


def test_unknown_scenario(cli):
    status, out, err = cli("run", "no-such-scenario")
    assert_usage_error(status, out, err)
    assert "'no-such-scenario' is neither a file nor a scenario id" in err


def test_compile_error_shows_line_column_source_and_caret(cli, program_file):
    path = program_file("import threading\nx = 1\nasync def a():\n    pass\n")
    status, out, err = cli("run", path)
    assert_usage_error(status, out, err)
    lines = err.splitlines()
    assert lines[0].startswith(f"{path}:3:1: ")
    assert "async" in lines[0]
    assert lines[1:3] == ["    async def a():", "    ^"]
    assert lines[3].startswith("hint: ")


def test_syntax_error_caret_points_at_the_column(cli, program_file):
    status, out, err = cli("run", program_file("x = 1\nprint(x))\n"))
    assert_usage_error(status, out, err)
    lines = err.splitlines()
    assert lines[0].endswith(":2:9: SyntaxError: unmatched ')'")
    assert lines[1:3] == ["    print(x))", "            ^"]


def test_unreadable_file(cli, tmp_path):
    path = tmp_path / "binary.py"
    path.write_bytes(b"\xff\xfe\x00")
    status, out, err = cli("run", str(path))
    assert_usage_error(status, out, err)
    assert err.startswith(f"interleave: cannot read {path}: ")


@pytest.mark.parametrize(("schedule", "message"), [
    ("a2z", "interleave: the schedule names thread 25, but the program has only 3 thread(s) "
            "so far\n"),
    ("a0", "interleave: bad schedule at character 1: a repeat count of 0\n"),
    ("a3!", "interleave: bad schedule at character 3 ('!'): expected a thread letter a-z/A-Z "
            "(or _N_, or ~ and a policy's name) optionally followed by a count\n"),
    ("ab", "interleave: step 2: Thread-1 (increment) has not been started yet\n"),
    ("a2b9", "interleave: step 9: Thread-1 (increment) has already finished\n"),
    ("a5", "interleave: step 4: MainThread cannot run: waiting for Thread-1 (increment) to "
           "finish (join)\n"),
])
def test_bad_schedules(cli, schedule, message):
    status, out, err = cli("run", "race-counter", "--schedule", schedule)
    assert_usage_error(status, out, err)
    assert err == message


def test_schedule_naming_a_blocked_thread(cli):
    status, out, err = cli("run", "deadlock-two-locks", "--schedule", "a2bcb")
    assert_usage_error(status, out, err)
    assert err == ("interleave: step 5: thread_1 cannot run: blocked on lock_b "
                   "(held by thread_2)\n")


def test_quantum_without_a_policy(cli):
    status, out, err = cli("run", "race-counter", "--schedule", "a2", "--quantum", "3")
    assert_usage_error(status, out, err)
    assert err == "interleave: --quantum goes with --policy\n"


@pytest.mark.parametrize("argv", [
    ["run", "race-counter", "--quantum", "0"],
    ["run", "race-counter", "--policy", "bogus"],
    ["run"],
    ["bogus"],
])
def test_argument_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    assert info.value.code == 2
    assert out == ""
    assert "error:" in err
    assert "Traceback" not in err


def test_a_budget_blown_at_once_is_a_result(cli, program_file):
    status, out, err = cli("run", program_file("x = 10**10**10\n"), "--summary")
    assert (status, err) == (0, "")
    assert "100,000 bits" in out


def test_a_budget_blown_in_a_thread_is_a_result(cli, program_file):
    status, out, err = cli("run", program_file("""
        import threading
        def f():
            x = 10**10**10
        t = threading.Thread(target=f)
        t.start()
        t.join()
    """), "--summary")
    assert (status, err) == (0, "")
    assert "10 ** 10000000000 is over the limit of 100,000 bits for one integer" in out


FOUR_THREADS = """\
import threading
def f():
    pass
for _ in range(4):
    threading.Thread(target=f).start()
"""


@pytest.mark.parametrize("command", [["run", "--summary"], ["explore"],
                                     ["verify", "--schedule", "a2", "--goal", "deadlock"]])
def test_budget_flags_lower_the_budgets(cli, program_file, command):
    name, *rest = command
    status, out, err = cli(name, program_file(FOUR_THREADS), *rest, "--max-threads", "3")
    assert err == "" and status in (0, 1)
    assert "the program creates more than 3 threads (the limit for one run)" in out


@pytest.mark.parametrize(("flags", "says"), [
    (["--max-source-bytes", "10"], "the program is over the limit of 10 bytes"),
    (["--max-nesting", "1"], "nested too deeply (over 1 levels)"),
])
def test_budget_flags_for_the_source(cli, program_file, flags, says):
    status, out, err = cli("run", program_file("if True:\n    if True:\n        x = 1\n"),
                           *flags)
    assert status == 2 and says in err


def test_budget_flags_for_values(cli, program_file):
    _, out, _ = cli("run", program_file("x = 2 ** 200\n"), "--summary", "--max-int-bits", "100")
    assert "2 ** 200 is over the limit of 100 bits for one integer" in out
    _, out, _ = cli("run", program_file("x = [0] * 11\n"), "--summary", "--max-items", "10")
    assert "over the limit of 10 items" in out
    _, out, _ = cli("run", program_file("x = 0\nwhile x < 1000:\n    x += 1\n"), "--summary",
                    "--max-local-ops", "500")
    assert "ran 500 operations without touching shared state" in out


def test_serve_refuses_a_bad_setting_before_starting(cli, monkeypatch):
    monkeypatch.setenv("INTERLEAVE_MAX_THREADS", "many")
    status, out, err = cli("serve")
    assert (status, out) == (2, "")
    assert err == ("interleave: INTERLEAVE_MAX_THREADS must be a whole number above 0, "
                   "not 'many'\n")


@pytest.mark.parametrize(("env", "flag", "proxies"), [
    ({}, [], None),
    ({"INTERLEAVE_TRUSTED_PROXIES": "10.0.0.5"}, [], "10.0.0.5"),
    ({"INTERLEAVE_TRUSTED_PROXIES": "10.0.0.5"}, ["--forwarded-allow-ips", "10.9.9.9"],
     "10.9.9.9"),
])
def test_serve_trusts_only_the_proxies_it_is_told_of(cli, monkeypatch, env, flag, proxies):
    """uvicorn's own default would trust 127.0.0.1's X-Forwarded-For."""
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli("serve", *flag)[0] == 0
    assert started["proxy_headers"] is (proxies is not None)
    assert started["forwarded_allow_ips"] == proxies
    # h11 (httptools refuses an address over 64 KiB), with room for the longest one we answer
    assert started["http"] == "h11" and started["h11_max_incomplete_event_size"] > 128_000


def test_serve_refuses_budgets_a_scenario_does_not_fit(cli, monkeypatch):
    monkeypatch.setenv("INTERLEAVE_MAX_SOURCE_BYTES", "100")
    status, _, err = cli("serve")
    assert status == 2 and "over the limit of 100 bytes" in err


def test_engine_failures_never_reach_the_user_as_tracebacks(program_file):
    path = program_file("""
        import threading
        def f(a, b):
            pass
        t = threading.Thread(target=f, args=(1,))
        t.start()
        t.join()
    """)
    done = subprocess.run([sys.executable, "-m", "app.cli", "run", path, "--summary"],
                          capture_output=True, text=True, timeout=60)
    # The program's thread reports its TypeError as CPython does (threading.py's frames
    # above it); no frame of the engine's own code is shown.
    assert "Exception in thread Thread-1 (f):" in done.stderr
    assert done.stderr.count("Traceback") == 1 and "app/" not in done.stderr
    assert done.returncode == 0


def test_json_with_tuple_keys_in_a_global(cli, program_file):
    status, out, err = cli("run", program_file("d = {(1, 2): 3}\nprint(d)\n"), "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["outcome"]["output"] == ["{(1, 2): 3}"]


def test_json_is_strict_json(cli, program_file):
    status, out, _ = cli("run", program_file("x = float('inf')\ny = float('nan')\n"), "--json")
    assert status == 0

    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    json.loads(out, parse_constant=refuse)


# -- scenarios -------------------------------------------------------------------------------


def test_scenarios_lists_ids_titles_and_challenges(cli):
    status, out, err = cli("scenarios")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("race-counter ")  # the path's order (issue 15)
    assert "Race condition" in lines[0]
    assert lines[1].strip().startswith("challenge: ")
    assert sum(1 for line in lines if not line.startswith(" ")) == 18


def test_scenarios_json(cli):
    status, out, _ = cli("scenarios", "--json")
    assert status == 0
    data = json.loads(out)
    assert [s["id"] for s in data][:3] == ["race-counter", "lock-counter", "rlock-reentrant"]
    for s in data:
        assert set(s) == {"id", "title", "idea", "explain", "challenge", "goal", "policy"}


# -- the installed console script ------------------------------------------------------------


def test_console_script_end_to_end(program_file):
    script = shutil.which("interleave")
    command = [script] if script else [sys.executable, "-m", "app.cli"]
    done = subprocess.run([*command, "run", program_file(RACE), "--json", "--summary"],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    data = json.loads(done.stdout)
    assert data["outcome"]["output"] == ["1"]
    bad = subprocess.run([*command, "run", "race-counter", "--schedule", "zz"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith("interleave: ") and "Traceback" not in bad.stderr


# -- long runs stream ------------------------------------------------------------------------

LONG = """\
import threading
counter = 0
def work():
    global counter
    for _ in range(3000):
        counter += 1
threads = [threading.Thread(target=work, name=f"worker-{i}") for i in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""


def test_streamed_json_is_what_the_engine_reports(cli, program_file):
    """The CLI writes steps as they are taken (more than one chunk here); the document is
    exactly `Run.to_dict()` of the same run."""
    from app.engine import RoundRobin, compile_program, jsonable, run

    path = program_file(LONG)
    status, out, _ = cli("run", path, "--json")
    assert status == 0
    program = compile_program(Path(path).read_text(encoding="utf-8"))
    expected = jsonable(run(program, RoundRobin()).to_dict())
    assert json.loads(out) == expected
    assert len(expected["steps"]) > 4096


def test_streamed_table_sizes_its_thread_column_on_the_first_chunk(cli, program_file):
    status, out, _ = cli("run", program_file(LONG))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["step", "thread", "line", "action", "shared"]
    header_width = lines[0].index("line")
    assert lines[1][:header_width].rstrip().endswith("MainThread")
    assert sum(1 for line in lines if "worker-1" in line) > 4096
    assert lines[-1].startswith("schedule: ")


def test_a_reader_that_stops_early_is_not_an_error(program_file):
    """`interleave run … --json | head -c 100`: the pipe closes mid-run; exit 0, no traceback."""
    script = shutil.which("interleave")
    command = [script] if script else [sys.executable, "-m", "app.cli"]
    with subprocess.Popen([*command, "run", program_file(LONG), "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        head = proc.stdout.read(100)
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
    assert head.startswith(b'{"steps": [')
    assert err == b""


def test_a_set_of_strings_runs_the_same_in_every_process(program_file):
    """Strings hash differently in every CPython process unless PYTHONHASHSEED is set: the
    command sets it, so a set of them iterates in one order, whatever the caller's seed."""
    import os

    path = program_file("""
        words = {"apple", "banana", "cherry", "date", "elder", "fig", "grape"}
        print(list(words))
    """)
    outputs = set()
    for seed in ("1", "2", "3", "random"):
        done = subprocess.run([sys.executable, "-m", "app.cli", "run", path, "--summary"],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
