"""stdlib/warnings.py: `warn` and the filters, against CPython 3.13 running the same file
(`prog.py`, so that both name it alike in the lines they print on stderr)."""

from __future__ import annotations

import subprocess
import textwrap

import pytest

from app.engine import compile_program, make_policy, run
from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT
from tests.support.running import outcome

PROGRAMS = {
    "defaults_once_per_line": """
        import warnings
        def old(x):
            warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
            return x
        for i in range(3):
            old(i)
            warnings.warn(f"user {i % 2}")
        old(9)
        warnings.warn("pending", PendingDeprecationWarning)
        warnings.warn("runtime", RuntimeWarning)
        warnings.warn(UserWarning("an instance"))
        class MyWarning(UserWarning):
            pass
        warnings.warn("mine", MyWarning)
        print("done")
    """,
    "filters": """
        import warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.warn("hidden", DeprecationWarning)
        warnings.filterwarnings("error", message="Bad", category=UserWarning)
        try:
            warnings.warn("bad thing")
        except UserWarning as e:
            print("raised", type(e).__name__, e)
        warnings.warn("fine")
        warnings.simplefilter("always")
        for _ in range(2):
            warnings.warn("again")
        warnings.resetwarnings()
        warnings.warn("after reset", DeprecationWarning)
    """,
    "library_deprecations": """
        from datetime import datetime
        import warnings
        def stamp():
            return datetime.utcnow().year > 2000
        for _ in range(2):
            print(stamp(), datetime.utcfromtimestamp(0))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            datetime.utcnow()
    """,
    "catch_warnings": """
        import threading, warnings
        def work():
            warnings.warn("from a thread", RuntimeWarning)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            t = threading.Thread(target=work)
            t.start()
            t.join()
            warnings.warn("main", DeprecationWarning)
        print(len(caught), [str(w.message) for w in caught])
        print([w.category.__name__ for w in caught], caught[1].category is DeprecationWarning)
        print(caught[0].lineno, caught[0].filename)
        with warnings.catch_warnings(action="ignore"):
            warnings.warn("quiet")
        warnings.warn("loud")
    """,
    "captured_by_logging": """
        import logging, warnings
        warnings.warn("before any handler")
        logging.captureWarnings(True)
        warnings.warn("lost: py.warnings has only a NullHandler")
        logging.basicConfig(format="%(levelname)s|%(name)s|%(message)s")
        warnings.warn("old API", DeprecationWarning)
        logging.captureWarnings(False)
        warnings.warn("back to stderr")
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_warnings_as_cpython(name, tmp_path):
    source = textwrap.dedent(PROGRAMS[name])
    done = run(compile_program(source, "prog.py"), make_policy("cpython"), record=False).outcome
    assert done.kind == "done", (done.reason, done.errors)
    (tmp_path / "prog.py").write_text(source)
    real = subprocess.run([str(CPYTHON_313), "prog.py"], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT, cwd=tmp_path)
    assert real.returncode == 0, real.stderr
    here = f"{tmp_path}/"  # the file's path, which CPython's lines give in full
    assert list(done.output) == real.stdout.replace(here, "").splitlines()
    assert list(done.stderr) == real.stderr.replace(here, "").splitlines()


@pytest.mark.parametrize("source", [
    "import warnings\nrow = list(range(1000))\nwarnings.warn([row] * 1000)\n",
    "import csv, io\nrow = list(range(1000))\ncsv.writer(io.StringIO()).writerow([[row] * 1000])\n",
])
def test_a_huge_text_is_a_limit_before_it_is_made(source):
    done = outcome(source)
    assert done.kind == "limit", (done.kind, done.reason)
