"""The corpus of real threading programs (issue 13): does each one run as written?

    python bench/corpus.py            # per program: compiles? runs? prints what CPython prints?
    python bench/corpus.py --record   # run CPython 3.13 on each program again -> expected.json
    python bench/corpus.py --record a b   # only programs a.py and b.py (the others are kept)

The programs live in tests/programs/real/, CPython's output in expected.json there. A program
runs as written if it compiles (default budgets) and runs to `done` under the `cpython` policy;
a deterministic one must also print CPython's stdout and stderr (logging, deprecation
warnings), which the engine keeps apart.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine import (  # noqa: E402
    DONE,
    CompileError,
    InterleaveError,
    compile_program,
    make_policy,
    run,
)

REAL = ROOT / "tests" / "programs" / "real"
EXPECTED = REAL / "expected.json"
CPYTHON_313 = Path("/root/.pyenv/versions/3.13.0/bin/python")
RUNS = 5
TIMEOUT = 20

#: Programs whose output depends on the wall clock, on unseeded random numbers, on a process id
#: or on a data race, even when five runs happened to agree: recorded, never compared.
VARIES = {
    "barrier_runners": "finishing order from unseeded random sleeps",
    "camelcase_thread_subclass": "print order from unseeded random sleeps",
    "check_then_act_race": "two threads wake from equal sleeps at once: their prints interleave",
    "counter_race": "an unlocked counter: the total depends on when the GIL switches",
    "ctime_clock_thread": "prints time.ctime()",
    "dining_philosophers_class": "who eats when, from unseeded random sleeps",
    "download_simulation": "unseeded random durations and time.time() elapsed",
    "logging_asctime_daemon": "%(asctime)s in the log lines",
    "matrix_row_sums": "time.time() elapsed",
    "monte_carlo_pi": "unseeded random darts",
    "os_pid_workers": "prints os.getpid()",
    "pipeline_random_logging": "unseeded random messages",
    "random_sleep_workers": "unseeded random sleeps",
    "rate_limited_api": "unseeded random sleeps and time.time() offsets",
    "sequential_vs_threads": "time.time() elapsed",
    "threadpool_elapsed": "time.time() elapsed",
    "timing_decorator": "time.time() elapsed",
}


@dataclass(frozen=True)
class Attempt:
    """What the engine made of one program today."""

    name: str
    error: CompileError | None = None
    kind: str = ""
    output: tuple[str, ...] = ()
    reason: str = ""

    @property
    def runs(self) -> bool:
        return self.kind == DONE


def attempt(name: str) -> Attempt:
    """Compile and run one corpus program under the `cpython` policy."""
    try:
        program = compile_program((REAL / f"{name}.py").read_text(), f"{name}.py")
    except CompileError as e:
        return Attempt(name, error=e)
    try:
        outcome = run(program, make_policy("cpython"), record=False).outcome
    except InterleaveError as e:
        return Attempt(name, kind="error", reason=f"{type(e).__name__}: {e}")
    return Attempt(name, kind=outcome.kind, output=outcome.output, reason=outcome.reason)


def printed(lines: tuple[str, ...]) -> list[str]:
    """The engine's outcome lines as CPython's recorded text lines them: captured as text, a
    "\r" (a progress line's) reads as a line break, which the engine's lines keep."""
    return "".join(line + "\n" for line in lines).splitlines()


def names() -> list[str]:
    return sorted(p.stem for p in REAL.glob("*.py"))


def record(python: Path, only: list[str]) -> None:
    """Run each program RUNS times, one at a time (a loaded machine reorders prints), and keep
    the commonest output; a program is deterministic if all runs agree and it is not in VARIES.

    Each run is in an empty directory of its own: a program that writes a file leaves it there,
    not in the checkout, and starts without the last run's."""
    expected = json.loads(EXPECTED.read_text()) if only else {}
    for name in only or names():
        seen = []
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as where:
                shutil.copy(REAL / f"{name}.py", where)
                done = subprocess.run([str(python), f"{name}.py"], capture_output=True,
                                      text=True, timeout=TIMEOUT, cwd=where)
            # Tracebacks and warnings name the file: by its name, as the engine does.
            seen.append((done.stdout.replace(f"{where}/", ""),
                         done.stderr.replace(f"{where}/", "")))
        (stdout, stderr), _ = Counter(seen).most_common(1)[0]
        stable = len(set(seen)) == 1
        expected[name] = {"deterministic": stable and name not in VARIES,
                          "stdout": stdout, "stderr": stderr}
        print(f"{name:<28} {'same' if stable else 'varies'} over {RUNS} runs", flush=True)
    EXPECTED.write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")


def report() -> None:
    expected = json.loads(EXPECTED.read_text())
    blockers: Counter[str] = Counter()
    running = matching = deterministic = 0
    print(f"{'program':<28} {'compiles':<8} {'runs':<6} {'CPython':<16} first compile error")
    for name in names():
        if name not in expected:
            print(f"{name:<28} not recorded: python bench/corpus.py --record {name}")
            continue
        want = expected[name]
        got = attempt(name)
        deterministic += want["deterministic"]
        if got.error is not None:
            blockers[got.error.message] += 1
            where = f"{got.error.line}:{got.error.col}"
            print(f"{name:<28} {'no':<8} {'-':<6} {'-':<16} {where} {got.error.message}")
            continue
        same = printed(got.output) == want["stdout"].splitlines()
        if got.runs:
            running += same or not want["deterministic"]
            matching += same and want["deterministic"]
        else:
            blockers[f"compiles, but the run ends `{got.kind}`"] += 1
        verdict = ("same" if same else "differs") + ("" if want["deterministic"] else " (varies)")
        runs = got.kind if got.runs else f"{got.kind}: {got.reason}"
        print(f"{name:<28} {'yes':<8} {runs:<6} {verdict if got.runs else '-'}")
    total = len(expected)
    print(f"\ncorpus: {running} of {total} programs run as written "
          f"({matching} of {deterministic} deterministic ones print what CPython prints)")
    print("\nblockers (each program's first):")
    for message, count in blockers.most_common():
        print(f"{count:>4}  {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true",
                        help=f"re-run CPython {RUNS} times per program and rewrite expected.json")
    parser.add_argument("only", nargs="*", help="with --record: only these programs (no .py)")
    parser.add_argument("--python", type=Path, default=CPYTHON_313,
                        help="the CPython 3.13 to record with")
    args = parser.parse_args()
    if args.record:
        record(args.python, args.only)
    else:
        report()


if __name__ == "__main__":
    main()
