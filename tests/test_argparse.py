"""stdlib/argparse.py: an `ArgumentParser`'s options, defaults and parsed values, against
CPython 3.13 (the `cpython_worker` fixture, whose command line is empty too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CPython, compile_program, run
from tests.support.running import as_cpython_worker, as_run_cpython, outcome

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import argparse
p = argparse.ArgumentParser(description='demo')
p.add_argument('-n', '--num-threads', type=int, default=4, help='how many')
p.add_argument('--delay', type=float, default='0.5')
p.add_argument('-v', '--verbose', action='store_true')
p.add_argument('-q', action='store_false', dest='loud')
p.add_argument('--level', action='count', default=0)
p.add_argument('--mode', choices=['a', 'b'], default='a')
p.add_argument('--tag', action='append')
p.add_argument('--name')
"""

PROGRAMS = [
    "print(p.parse_args())",
    "a = p.parse_args([])\nprint(a.num_threads, a.delay, a.verbose, a.loud, a.level, a.mode, "
    "a.tag, a.name)",
    "a = p.parse_args(['-n', '8', '--verbose', '-q', '--level', '--level', '--tag', 'x', "
    "'--tag', 'y', '--name=z', '--delay', '1.5'])\nprint(a)",
    "print(p.parse_args(['--num-threads=3', '-v']).num_threads)",
    "print(p.parse_args(['--mode', 'b']).mode)",
    "a = argparse.Namespace(x=1, y='s')\nprint(a, a.x, a.y, a == argparse.Namespace(x=1, y='s'))",
    "print(p.parse_args([]) == p.parse_args([]))",
    "p.parse_args(['-n'])", "print(p.parse_args(['--tag=a', '--tag', 'b=c']).tag)",
    "q = argparse.ArgumentParser()\nq.add_argument('--t', action='append', default=['z'])\n"
    "print(q.parse_args(['--t', 'q']), q.parse_args([]))",
    "q = argparse.ArgumentParser()\nq.add_argument('x', type=int)\nq.add_argument('y')\n"
    "print(q.parse_args(['1', 'b']))\nq.parse_args(['1', 'b', 'c'])",
    "q = argparse.ArgumentParser()\nq.add_argument('--r', required=True)\nq.parse_args([])",
    "q = argparse.ArgumentParser()\nq.add_argument('--x-y', dest='xy', default=[])\n"
    "print(q.parse_args([]))",
    "p.parse_args(['--mode', 'c'])",
    "p.parse_args(['-n', 'many'])",
    "p.parse_args(['--unknown'])",
    "q = argparse.ArgumentParser()\nq.add_argument('path')\nq.parse_args([])",
    "q = argparse.ArgumentParser()\nq.add_argument('path')\nprint(q.parse_args(['f.txt']))",
    "q = argparse.ArgumentParser()\nq.add_argument('-v', action='count', default=0)\n"
    "q.add_argument('-q', action='store_true')\nq.add_argument('-n', type=int)\n"
    "print(q.parse_args(['-vvq', '-n4']), q.parse_args(['-qv', '-n', '7', '-v']))",
    "q = argparse.ArgumentParser()\nq.add_argument('urls', nargs='*')\n"
    "s = q.add_subparsers(dest='cmd')\ns.add_parser('get').add_argument('--save')\n"
    "print(q.parse_args(['get', '--save', 'x']), q.parse_args(['a', 'b', 'get']))",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_parser_answers_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except SystemExit as e:\n    print('exit', e.code)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="a Namespace has no __dict__ here: vars() refuses it and "
                                       "a program cannot set its attributes")
@pytest.mark.parametrize("program", ["print(vars(p.parse_args([])))",
                                     "a = p.parse_args([])\na.extra = 5\nprint(a.extra)"])
def test_a_namespace_is_an_object_with_a_dict(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)



HELP = """
import argparse
import threading

def build():
    parser = argparse.ArgumentParser(
        prog="pool", epilog="Example: %(prog)s -n 8 --verbose",
        description="Run a pool of worker threads that process jobs from a shared queue, "
                    "with optional rate limiting.")
    parser.add_argument("-n", "--num-threads", type=int, default=4,
                        help="number of worker threads (default: %(default)s)")
    parser.add_argument("--delay", type=float, default=0.1, help="seconds to sleep between jobs")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every job")
    parser.add_argument("--mode", choices=["fifo", "lifo", "priority"], default="fifo",
                        help="queue discipline")
    parser.add_argument("jobs", nargs="*", type=int, help="job sizes")
    group = parser.add_argument_group("limits", "resource limits for the pool")
    group.add_argument("--max-jobs", metavar="N", type=int, default=100)
    ex = parser.add_mutually_exclusive_group()
    ex.add_argument("--quiet", action="store_true")
    ex.add_argument("--loud", action="store_true")
    parser.add_argument("--version", action="version", version="%(prog)s 1.0")
    return parser

p = build()
p.print_usage()
p.print_help()
print(repr(p.format_usage()))
args = p.parse_args([])
print(args)
args = p.parse_args(["-n", "2", "5", "6", "--mode", "lifo", "--max-jobs=3"])
print(args)

d = argparse.ArgumentParser(prog="bench", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument("--threads", type=int, default=8, help="how many threads")
d.add_argument("--rounds", type=int, default=1000, help="increments per thread")
d.add_argument("--lock", action="store_true", help="use a lock")
d.print_help()

cli = argparse.ArgumentParser(prog="bank")
cli.add_argument("--seed", type=int, default=1)
sub = cli.add_subparsers(dest="command", help="what to do")
dep = sub.add_parser("deposit", help="deposit money")
dep.add_argument("amount", type=int)
dep.add_argument("--threads", type=int, default=2)
dep.set_defaults(func="do_deposit")
wd = sub.add_parser("withdraw", help="withdraw money", aliases=["wd"])
wd.add_argument("amount", type=int)
cli.print_help()
dep.print_help()
print(cli.parse_args([]))
print(cli.parse_args(["deposit", "50", "--threads", "3"]))
print(cli.parse_args(["--seed", "7", "wd", "10"]))
try:
    cli.parse_args(["steal", "5"])
except SystemExit as e:
    print("exit", e.code)
try:
    p.parse_args(["--quiet", "--loud"])
except SystemExit as e:
    print("exit", e.code)
try:
    p.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)
try:
    d.parse_args(["-h"])
except SystemExit as e:
    print("exit", e.code)
"""


def test_help_usage_groups_and_subcommands_print_as_in_cpython(run_cpython):
    """CPython's formatter (3.13's `-n, --num-threads NUM_THREADS`), wrapping at 78
    columns; argument groups, exclusive groups, subcommands with aliases and defaults."""
    assert as_run_cpython(HELP, CPython()) == run_cpython(HELP)


def test_a_parser_is_named_after_the_program_file():
    """CPython's default prog is `os.path.basename(sys.argv[0])`."""
    program = compile_program("import argparse\nargparse.ArgumentParser().print_usage()\n",
                              "/home/me/course/workers.py")
    assert run(program, CPython(), record=False).outcome.output == ("usage: workers.py [-h]",)


@pytest.mark.parametrize("text", ["%(default)999s", "%*s", "%(prog).500s"])
def test_a_help_text_asking_for_a_huge_field_is_refused(text):
    done = outcome(f"import argparse\np = argparse.ArgumentParser()\n"
                   f"p.add_argument('--x', help={text!r})\np.print_help()\n")
    assert done.errors[0].type == "ValueError"


def test_choices_are_bounded_before_a_help_lists_them():
    done = outcome("import argparse\np = argparse.ArgumentParser()\n"
                   "p.add_argument('--n', type=int, choices=range(10**9))\n")
    assert done.kind == "limit" and "choices" in done.reason
