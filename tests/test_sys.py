"""stdlib/sys.py: what a program reads and calls in `sys` (`exit`, `stdout`/`stderr`,
`maxsize`, `version_info`, the recursion limit and switch interval), against CPython 3.13 (the
`cpython_worker` fixture)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import RoundRobin, compile_program, make_policy, run
from tests.support.cpython import CPYTHON_313
from tests.support.running import as_cpython_worker, as_run_cpython

Answer = Callable[[str], dict[str, Any]]

PROGRAMS = [
    "print(sys.maxsize, sys.version_info[:2], sys.version_info.major, sys.platform)",
    "print(sys.getrecursionlimit(), sys.getswitchinterval())",
    "sys.setswitchinterval(0.01)\nprint(sys.getswitchinterval())",
    "sys.setswitchinterval(0)", "sys.setswitchinterval(-1)", "sys.setswitchinterval('a')",
    "print('to stderr', file=sys.stderr)\nsys.stderr.write('x\\n')\nprint('to stdout')",
    "print('a', file=sys.stdout, end='!\\n')",
    "try:\n    sys.exit(2)\nexcept SystemExit as e:\n    print('caught', e.code, e.args)",
    "try:\n    sys.exit('m')\nexcept SystemExit as e:\n    print(repr(e.code), str(e))",
    "try:\n    sys.exit(1, 2)\nexcept TypeError as e:\n    print(e)",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_sys_answers_as_in_cpython(cpython_worker: Answer, program):
    source = "import sys\n" + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


#: Programs that end the process, or write to the real stdout (the worker's is a StringIO):
#: each run by an interpreter of its own.
ENDING = [
    "sys.exit()", "sys.exit(3)", "sys.exit('bye')", "sys.exit(None)",
    "import threading\nt = threading.Thread(target=sys.exit, args=(4,))\nt.start()\nt.join()\n"
    "print('main goes on')",
    "n = sys.stdout.write('abc\\n')\nprint(n)\nsys.stdout.write(5)",
    "sys.stdout.reconfigure(line_buffering=True)\nsys.stdout.write('step 1 ')\n"
    "sys.stdout.write('step 2\\n')\nsys.stdout.reconfigure(colour=1)",
]


@pytest.mark.parametrize("program", ENDING)
def test_exits_and_writes_answer_as_in_cpython(run_cpython, program):
    source = "import sys\n" + program + "\n"
    assert as_run_cpython(source, RoundRobin()) == run_cpython(source)


def test_argv_is_the_script_as_python_script_gives_it(tmp_path):
    """`sys.argv` is what `python prog.py` gives a program run with no arguments: a list
    of the run's own, holding the script's name."""
    source = "import sys\nprint(sys.argv, sys.argv[0])\nsys.argv.append('-v')\nprint(sys.argv)\n"
    (tmp_path / "prog.py").write_text(source)
    cpython = subprocess.run([str(CPYTHON_313), "prog.py"], capture_output=True, text=True,
                             cwd=tmp_path, check=True)
    ran = run(compile_program(source, filename="prog.py"), make_policy("cpython"),
              record=False)
    assert list(ran.outcome.output) == cpython.stdout.splitlines()
