"""Engine speed: steps per second on the lesson's 4 x 100_000 counter, and on the same counter
kept in an object (`counter.n += 1`), against real CPython.

    python bench/engine.py [--repeat N]

Prints, for each program and policy: steps, best wall time in-process (`run(...,
record=False)`), steps/s, the whole `interleave run --summary` process time, and the ratio to
CPython running the same program with real threads (whole process, same interpreter).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine import CPython, RoundRobin, compile_program, run  # noqa: E402
from app.scenarios import get  # noqa: E402

POLICIES = {
    "rr quantum=1": (lambda: RoundRobin(1), ["--policy", "rr", "--quantum", "1"]),
    "rr quantum=100": (lambda: RoundRobin(100), ["--policy", "rr", "--quantum", "100"]),
    "cpython interval=100": (lambda: CPython(100), ["--policy", "cpython"]),
}


#: The lesson's counter as a class: every `counter.n += 1` reads, computes and writes an
#: attribute of a shared object, three steps like the global's.
CLASS_COUNTER = """\
import threading


class Counter:
    def __init__(self):
        self.n = 0


def work(counter, times):
    for _ in range(times):
        counter.n += 1


counter = Counter()
threads = [threading.Thread(target=work, args=(counter, 100_000)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter.n)
"""


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for title, source in (("the lesson's counter (a global)", get("lesson-counter").source),
                          ("the counter in an object (counter.n += 1)", CLASS_COUNTER)):
        print(f"\n{title}")
        measure(source, args.repeat)


def measure(source: str, repeat: int) -> None:
    program = compile_program(source)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
        path = f.name
    real = best_of(repeat, lambda: subprocess.run(
        [sys.executable, path], check=True, capture_output=True))
    print(f"CPython {sys.version.split()[0]} with real threads (whole process): {real:.3f} s")
    print(f"{'policy':<22} {'steps':>10} {'run() s':>8} {'steps/s':>12} {'CLI s':>7} "
          f"{'CLI/CPython':>11}")
    for name, (make, flags) in POLICIES.items():
        steps = run(program, make(), record=False).outcome.step_count
        inproc = best_of(repeat, lambda make=make: run(program, make(), record=False))
        cli = best_of(repeat, lambda flags=flags: subprocess.run(
            [sys.executable, "-m", "app.cli", "run", path, "--summary", *flags],
            check=True, capture_output=True, cwd=ROOT))
        print(f"{name:<22} {steps:>10,} {inproc:>8.3f} {steps / inproc:>12,.0f} {cli:>7.3f} "
              f"{cli / real:>10.1f}x")


if __name__ == "__main__":
    main()
