"""Explorer speed on a fixed set of programs.

    python bench/explore.py [--max-seconds S] [--quick] [--harmony PATH]

For each program: states and seconds of the reduced search (what can happen), of the same
with schedules counted on the unreduced graph, of the reduced search that keeps every twin of
a state (`symmetry=False`), and of the unreduced search, with the ratio of states. Then
`interleave explore --no-count` as a whole process on the N x K counters (time and peak
memory), the figure to compare with other tools, and, where the Harmony model checker is
installed (`pip install harmony`; found on PATH or given), Harmony on the same counters in its
own language, with the ratios. Then what a search answers on the lesson's counter, which no
search can finish.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine import compile_program, parse_goal  # noqa: E402
from app.engine.explorer import explore  # noqa: E402
from app.scenarios import builtin, get  # noqa: E402
from app.sized import counter, philosophers, producers_consumers  # noqa: E402


def harmony_counter(threads: int, k: int) -> str:
    """The N x K counter in Harmony's language: its threads start together, and a step is a
    run of one thread's instructions up to its next shared access."""
    return (f"count = 0\n\ndef worker():\n    for i in {{1..{k}}}:\n"
            f"        count = count + 1\n\nfor i in {{1..{threads}}}:\n    spawn worker()\n")


def time_harmony(harmony: str, threads: int, k: int) -> tuple[float, int, int]:
    """Seconds for Harmony to check the N x K counter as a whole process, its states, and
    its peak memory in KiB."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"counter{threads}{k}.hny"
        path.write_text(harmony_counter(threads, k))
        seconds, peak, out = timed([harmony, "-R", "-s", "--noweb", str(path)], folder)
    found = re.search(r"(\d+) states", out)
    if found is None:
        raise SystemExit(f"harmony printed no state count:\n{out}")
    return seconds, int(found.group(1)), peak


#: Runs a command and prints its peak memory (KiB) last. A child's peak counts the memory
#: of the process it was forked from, so the command is started from this small process,
#: not from the benchmark (which grows as it explores).
_MEASURE = ("import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:]); "
            "_, status, usage = os.wait4(p.pid, 0); print(usage.ru_maxrss)")


def timed(command: list[str], cwd: str | Path, env: dict[str, str] | None = None
          ) -> tuple[float, int, str]:
    """Run `command` as a process of its own: its seconds, its peak memory (KiB, with the
    processes it waited for), and what it printed."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    out, _, peak = done.stdout.rstrip("\n").rpartition("\n")
    return seconds, int(peak), out + done.stderr


def programs(quick: bool) -> list[tuple[str, str]]:
    found = []
    for n in (2, 3):
        for k in range(1, 5):
            if quick and n * k > 6:
                continue
            found.append((f"{n} threads x {k} increments", counter(n, k)))
            found.append((f"{n} threads x {k} with lock", counter(n, k, lock=True)))
    found.append(("lesson deadlock", get("deadlock-two-locks").source))
    for n in (3, 4, 5):
        if not (quick and n > 3):
            found.append((f"{n} dining philosophers", philosophers(n)))
    found.append(("producer/consumer, 2 consumers", get("condition-queue").source))
    found.append(("queue, 2 producers 2 consumers", producers_consumers(2, 2)))
    for scenario_id, scenario in builtin().items():
        if scenario_id not in ("lesson-counter", "gil-call-race"):
            found.append((f"scenario {scenario_id}", scenario.source))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="only the small programs")
    parser.add_argument("--harmony", default=shutil.which("harmony"),
                        help="the harmony command to compare with (default: from PATH)")
    args = parser.parse_args()
    print(f"{'program':<36} {'reduced':>9} {'s':>6} {'counted s':>9} {'no twins':>9} {'s':>6} "
          f"{'unreduced':>9} {'s':>6} {'ratio':>6}")
    for name, source in programs(args.quick):
        program = compile_program(source)
        budgets = {"max_seconds": args.max_seconds, "max_states": 2_000_000}
        reduced = explore(program, count=False, **budgets)
        counted = explore(program, **budgets)
        twins = explore(program, count=False, symmetry=False, **budgets)
        full = explore(program, reduce=False, count=False, **budgets)
        mark = "" if reduced.complete and full.complete else "  (partial)"
        print(f"{name:<36} {reduced.states:>9,} {reduced.seconds:>6.2f} {counted.seconds:>9.2f} "
              f"{twins.states:>9,} {twins.seconds:>6.2f} "
              f"{full.states:>9,} {full.seconds:>6.2f} {full.states / reduced.states:>5.2f}x"
              f"{mark}")
    print("\nwhole process, `interleave explore --json --no-count` (what can happen)"
          + (", and Harmony on the same counters" if args.harmony else
             " (Harmony not found: pass --harmony PATH to compare)"))
    # As installed: with compiled bytecode (this machine sets PYTHONDONTWRITEBYTECODE, which
    # would add 0.1 s of compiling the engine to every run).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app"], check=True, cwd=ROOT,
                   env=env, capture_output=True)
    for n, k in ((3, 3), (4, 3), (4, 4), (5, 3)):
        if args.quick and n * k > 9:
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(counter(n, k))
        seconds, peak, out = timed([sys.executable, "-m", "app.cli", "explore", f.name,
                                    "--json", "--no-count", "--max-seconds",
                                    str(args.max_seconds), "--max-states", "2000000"],
                                   ROOT, env)
        result = json.loads(out)
        mark = "" if result["complete"] else f"  (partial: {result['stopped']})"
        line = (f"  {n} x {k}: {seconds:.2f} s, {result['states']:,} states, "
                f"{peak / 1024:,.0f} MB{mark}")
        if args.harmony:
            theirs, states, their_peak = time_harmony(args.harmony, n, k)
            line += (f"; Harmony {theirs:.2f} s, {states:,} states, {their_peak / 1024:,.0f} MB"
                     f"; time ratio {seconds / theirs:.1f}, memory ratio "
                     f"{peak / their_peak:.1f}")
        print(line)
    lesson_counter()


def lesson_counter() -> None:
    """A program whose walk cannot finish (1.2 M steps a run): what the search answers."""
    print("\nthe lesson's counter, 1.2 M steps a run: a search that cannot finish")
    lesson = compile_program(get("lesson-counter").source)
    start = time.perf_counter()
    found = explore(lesson, goal=parse_goal("counter < 400000"), goal_directed=True)
    goal = found.goal or {}
    print(f"  goal counter < 400000: "
          f"{'witness ' + goal['witness'] if goal.get('reachable') else 'no witness'} "
          f"in {time.perf_counter() - start:.2f} s")
    found = explore(lesson, max_seconds=5)
    counters = sorted(f.outcome.globals["counter"] for f in found.outcomes)
    print(f"  the page's 5 s: {len(counters)} outcome(s) found so far, counter = "
          f"{', '.join(f'{c:,}' for c in counters)} ({found.stopped})")


if __name__ == "__main__":
    main()
