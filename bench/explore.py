"""Explorer speed on a fixed set of programs.

    python bench/explore.py [--max-seconds S] [--quick] [--harmony PATH]

For each program: states, transitions, schedules, seconds, transitions per second, and the
reduction factor: transitions a walk of every schedule would take without merging states,
divided by the transitions taken. Also times `interleave explore` as a whole process on the
N x K counters, the figure to compare with other tools, and, where the Harmony model checker
is installed (`pip install harmony`; found on PATH or given), Harmony on the same counters in
its own language, with the states each tool's step walks through.
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
from app.scenarios import get  # noqa: E402


def counter(threads: int, k: int, lock: bool = False) -> str:
    body = ("        with lock:\n            counter += 1\n" if lock
            else "        counter += 1\n")
    return (f"import threading\ncounter = 0\nlock = threading.Lock()\n"
            f"def work():\n    global counter\n    for _ in range({k}):\n{body}"
            f"threads = [threading.Thread(target=work) for _ in range({threads})]\n"
            f"for t in threads: t.start()\nfor t in threads: t.join()\nprint(counter)\n")


def philosophers(n: int) -> str:
    return (f"import threading\nN = {n}\nforks = [threading.Lock() for _ in range(N)]\n"
            f"meals = 0\n"
            f"def philosopher(i):\n    global meals\n    with forks[i]:\n"
            f"        with forks[(i + 1) % N]:\n            meals += 1\n"
            f"threads = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]\n"
            f"for t in threads: t.start()\nfor t in threads: t.join()\n")


def harmony_counter(threads: int, k: int) -> str:
    """The N x K counter in Harmony's language: its threads start together, and a step is a
    run of one thread's instructions up to its next shared access."""
    return (f"count = 0\n\ndef worker():\n    for i in {{1..{k}}}:\n"
            f"        count = count + 1\n\nfor i in {{1..{threads}}}:\n    spawn worker()\n")


def time_harmony(harmony: str, threads: int, k: int) -> tuple[float, int]:
    """Seconds for Harmony to check the N x K counter as a whole process, and its states."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"counter{threads}{k}.hny"
        path.write_text(harmony_counter(threads, k))
        start = time.perf_counter()
        done = subprocess.run([harmony, "-R", "-s", "--noweb", str(path)], cwd=folder,
                              capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    found = re.search(r"(\d+) states", done.stdout)
    if found is None:
        raise SystemExit(f"harmony printed no state count:\n{done.stdout}{done.stderr}")
    return seconds, int(found.group(1))


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
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="only the small programs")
    parser.add_argument("--harmony", default=shutil.which("harmony"),
                        help="the harmony command to compare with (default: from PATH)")
    args = parser.parse_args()
    print(f"{'program':<32} {'states':>8} {'transitions':>11} {'schedules':>18} {'s':>7} "
          f"{'trans/s':>8} {'reduction':>10}")
    for name, source in programs(args.quick):
        result = explore(compile_program(source), max_seconds=args.max_seconds,
                         max_states=2_000_000)
        rate = result.transitions / result.seconds if result.seconds else 0
        reduction = (f"{result.unreduced_transitions / result.transitions:,.0f}x"
                     if result.unreduced_transitions and result.complete else "-")
        schedules = f"{result.schedules:,}" if result.schedules is not None else "unbounded"
        mark = "" if result.complete else "  (partial: time limit)"
        print(f"{name:<32} {result.states:>8,} {result.transitions:>11,} {schedules:>18} "
              f"{result.seconds:>7.2f} {rate:>8,.0f} {reduction:>10}{mark}")
    print("\nwhole process, `interleave explore --json`"
          + (", and Harmony on the same counters" if args.harmony else
             " (Harmony not found: pass --harmony PATH to compare)"))
    # As installed: with compiled bytecode (this machine sets PYTHONDONTWRITEBYTECODE, which
    # would add 0.1 s of compiling the engine to every run).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app"], check=True, cwd=ROOT,
                   env=env, capture_output=True)
    for n, k in ((3, 3), (4, 4), (5, 3)):
        if args.quick and n * k > 9:
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(counter(n, k))
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "app.cli", "explore", f.name, "--json",
                               "--max-seconds", str(args.max_seconds),
                               "--max-states", "2000000"],
                              check=True, capture_output=True, cwd=ROOT, env=env)
        seconds = time.perf_counter() - start
        result = json.loads(done.stdout)
        mark = "" if result["complete"] else f"  (partial: {result['stopped']})"
        line = f"  {n} x {k}: {seconds:.2f} s, {result['states']:,} states{mark}"
        if args.harmony:
            theirs, states = time_harmony(args.harmony, n, k)
            line += f"; Harmony {theirs:.2f} s, {states:,} states"
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
