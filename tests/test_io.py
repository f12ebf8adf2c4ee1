"""stdlib/io.py: `io.StringIO`, against CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CompileError, compile_program
from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("program", [
    "buf = io.StringIO()\nfor i in range(3):\n    print('line', i, file=buf)\n"
    "print(repr(buf.getvalue()), buf.tell())\nbuf.seek(0)\n"
    "print(repr(buf.readline()), repr(buf.read(4)), buf.readlines())",
    "buf = io.StringIO('hello world')\nprint(buf.tell(), buf.write('HELLO'), buf.getvalue())",
    "with io.StringIO('a\\nb\\n') as s:\n    print(s.read(), s.closed)\nprint(s.closed)\n"
    "s.write('x')",
    "b = io.StringIO()\nprint(b.write('abc'), b.writelines(['d', 'e']), b.getvalue(), "
    "b.truncate(2), b.getvalue())\nb.write(5)",
    "b = io.StringIO()\nb.seek(3)\nb.write('x')\nprint(repr(b.getvalue()))",
    "io.StringIO(5)",
])
def test_a_string_buffer_answers_as_cpython(cpython_worker: Answer, program):
    source = "import io\n" + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_buffer_past_the_items_budget_is_a_limit():
    assert outcome("import io\nb = io.StringIO()\nb.write('x' * 900_000)\n"
                   "b.write('y' * 900_000)\n").kind == "limit"


def test_files_stay_refused():
    with pytest.raises(CompileError, match="io.open is not supported"):
        compile_program("import io\nf = io.open('data.txt')\n")
