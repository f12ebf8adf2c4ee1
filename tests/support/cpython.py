"""Real CPython, the oracle (../shared/SEMANTICS.md): where it is, how long it may take, and how
its stderr reports the exceptions that ended threads."""

from __future__ import annotations

import re
from pathlib import Path

#: The version the engine models (the `cpython_exe` fixture falls back to this interpreter).
CPYTHON_313 = Path("/root/.pyenv/versions/3.13.0/bin/python")
#: Seconds one CPython run may take.
CPYTHON_TIMEOUT = 30

CHAINED = ("During handling of the above exception, another exception occurred:",
           "The above exception was the direct cause of the following exception:")


def parse_tracebacks(stderr: str) -> list[tuple[str, str, str]]:
    """Uncaught exceptions in CPython's stderr as (thread, type, message), in order.

    A thread's report starts with "Exception in thread NAME:", the main thread's with
    "Traceback (most recent call last):"; a chained traceback continues the same report, whose
    last unindented "Type: message" line is the exception that ended the thread.
    """
    found: list[tuple[str, str, str]] = []
    thread: str | None = None
    last: str | None = None
    chained = False

    def flush() -> None:
        if thread is not None and last is not None:
            kind, _, message = last.partition(": ")
            found.append((thread, kind.removeprefix("threading."), message))

    for line in stderr.splitlines():
        header = re.fullmatch(r"Exception in thread (.+):", line)
        if header:
            flush()
            thread, last, chained = header.group(1), None, False
        elif line == "Traceback (most recent call last):":
            if not chained and last is not None or thread is None:
                flush()
                thread, last = "MainThread", None
            chained = False
        elif line in CHAINED:
            chained = True
        elif line and not line.startswith(" ") and thread is not None:
            last = line
    flush()
    return found


#: A CPython that execs the single-threaded programs sent to it, one JSON string a line, and
#: answers each with a line of JSON: {"output": lines printed, "error": [type, message]}.
WORKER = r"""
import contextlib, io, json, sys
for line in sys.stdin:
    source = json.loads(line)
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})
        except Exception as e:
            error = [type(e).__name__, str(e)]
    sys.stdout.write(json.dumps({"output": out.getvalue().splitlines(), "error": error}) + "\n")
    sys.stdout.flush()
"""
