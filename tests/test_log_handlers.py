"""stdlib/log_handlers.py and logging.py's handlers: a log file (`basicConfig(filename=)`,
`FileHandler`), a StreamHandler over a file or a StringIO, and `addLevelName`, against
CPython 3.13 run in an empty directory of its own (the run's files are its own too)."""

from __future__ import annotations

import subprocess
import textwrap

import pytest

from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT
from tests.support.running import outcome

PROGRAMS = {
    "basic_config_file": """
        import logging, threading
        logging.basicConfig(filename="app.log", filemode="w", level=logging.INFO,
                            format="%(threadName)s:%(levelname)s:%(message)s")
        def work(n):
            logging.info("item %d", n)
        for i in range(3):
            t = threading.Thread(target=work, args=(i,), name=f"w{i}")
            t.start()
            t.join()
        logging.warning("done")
        with open("app.log") as f:
            print(f.read(), end="")
    """,
    "file_handler_appends": """
        import logging
        open("run.log", "w").write("old line\\n")
        log = logging.getLogger("svc")
        handler = logging.FileHandler("run.log")
        handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
        log.addHandler(handler)
        log.error("first")
        print(open("run.log").read().splitlines())
        log.error("second")
        handler.close()
        print(open("run.log").read().splitlines())
        print(logging.FileHandler("other.log", mode="w").level)
    """,
    "stream_handler_on_stringio": """
        import io, logging
        buf = io.StringIO()
        log = logging.getLogger("cap")
        log.addHandler(logging.StreamHandler(buf))
        log.propagate = False
        log.warning("captured %s", 1)
        log.info("dropped")
        print(repr(buf.getvalue()))
    """,
    "rotating_file_handler": """
        import logging, os
        from logging.handlers import RotatingFileHandler
        handler = RotatingFileHandler("app.log", maxBytes=60, backupCount=2)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        log = logging.getLogger("rot")
        log.addHandler(handler)
        for i in range(9):
            log.warning("event number %d", i)
        for name in sorted(os.listdir()):
            print(name, open(name).read().splitlines())
    """,
    "queue_handler_and_listener": """
        import logging, logging.handlers, queue, sys, threading
        q = queue.Queue()
        root = logging.getLogger()
        root.addHandler(logging.handlers.QueueHandler(q))
        root.setLevel(logging.DEBUG)
        out = logging.StreamHandler(sys.stdout)
        out.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(message)s"))
        quiet = logging.StreamHandler(sys.stdout)
        quiet.setLevel(logging.ERROR)
        listener = logging.handlers.QueueListener(q, out, quiet, respect_handler_level=True)
        listener.start()
        def work(n):
            logging.debug("step %d", n)
            try:
                1 / (n - 1)
            except ZeroDivisionError:
                logging.exception("failed at %d", n)
        for i in range(3):
            t = threading.Thread(target=work, args=(i,), name=f"w{i}")
            t.start()
            t.join()
        listener.stop()
        print("queue empty:", q.empty())
    """,
    "root_disable_and_handler_lists": """
        import logging, sys
        logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
        log = logging.getLogger("x")
        print(logging.root is logging.getLogger(), logging.root.level)
        logging.disable(logging.WARNING)
        log.warning("hidden")
        log.error("above the disabled level")
        logging.disable(logging.NOTSET)
        log.warning("shown")
        log.addHandler(logging.StreamHandler(sys.stdout))
        log.handlers.clear()
        log.warning("once")
        root = logging.getLogger()
        for handler in root.handlers[:]:
            root.removeHandler(handler)
        log.warning("last resort")
        log.handlers = [logging.StreamHandler(sys.stdout)]
        log.warning("through the new list")
    """,
    "add_level_name": """
        import logging, sys
        logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(levelno)d %(message)s")
        logging.addLevelName(35, "NOTICE")
        logging.log(35, "a notice")
        print(logging.getLevelName(35), logging.getLevelName("NOTICE"), logging.getLevelName(36))
    """,
}


def _cpython(source: str, where: str) -> list[str]:
    done = subprocess.run([str(CPYTHON_313), "-c", source], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT, cwd=where)
    assert done.returncode == 0, done.stderr
    return [*done.stdout.splitlines(), "stderr:", *done.stderr.splitlines()]


def _frameless(lines: list[str]) -> list[str]:
    """Without a traceback's frames, which name the file (`<string>` for `-c`)."""
    return [line for line in lines if not line.startswith("  ")]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_handlers_as_cpython(name, tmp_path):
    source = textwrap.dedent(PROGRAMS[name])
    done = outcome(source)
    assert done.kind == "done", (done.kind, done.reason, done.errors)
    assert _frameless([*done.output, "stderr:", *done.stderr]) == _frameless(
        _cpython(source, str(tmp_path)))


def test_a_field_the_record_lacks_is_reported_and_the_run_goes_on():
    """CPython's handleError: '--- Logging error ---', the ValueError, the message and its
    arguments on stderr (its traceback lines are CPython's library's, not shown here)."""
    done = outcome("import logging, sys\nlogging.basicConfig(format='%(user)s %(message)s')\n"
                   "logging.warning('hello %s', 'you')\nprint('goes on')\n")
    assert done.kind == "done" and list(done.output) == ["goes on"]
    assert list(done.stderr) == [
        "--- Logging error ---", "ValueError: Formatting field not found in record: 'user'",
        "Message: 'hello %s'", "Arguments: ('you',)"]
