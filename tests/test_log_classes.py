"""stdlib/log_classes.py: a program's `logging.Handler` and `logging.Filter` subclasses, filter
functions and `LoggerAdapter`, against CPython 3.13, one fresh interpreter per program (logging's
state is the process's)."""

from __future__ import annotations

import subprocess

import pytest

from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT
from tests.support.running import outcome

PROGRAMS = [
    # a handler of the program's: emit, format, its level, the record's fields
    """
import logging
class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.seen = []
    def emit(self, record):
        self.seen.append((record.levelname, record.name, record.getMessage(), self.format(record)))
h = Collect()
h.setFormatter(logging.Formatter("%(levelname)s|%(message)s"))
log = logging.getLogger("app.db")
log.setLevel(logging.DEBUG)
log.addHandler(h)
log.propagate = False
log.debug("below the handler's level")
log.info("rows=%d", 3)
log.error("%s failed", "query")
print(h.seen)
print(repr(h), h.level, log.handlers == [h])
""",
    # filters: by name, a function, one that adds a field the format names, a handler's own
    """
import logging, sys
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(name)s %(user)s %(message)s"))
class AddUser(logging.Filter):
    def filter(self, record):
        record.user = "ada"
        return True
root = logging.getLogger("svc")
root.addHandler(out)
root.addFilter(AddUser())
root.warning("first")
root.addFilter(lambda record: "secret" not in record.getMessage())
root.warning("a secret")
root.warning("public")
out.addFilter(lambda r: r.levelno >= logging.ERROR)
root.warning("dropped by the handler's filter")
root.error("kept")
print(len(root.filters), len(out.filters))
""",
    # the Filter by name
    """
import logging, sys
logging.basicConfig(stream=sys.stdout, format="%(name)s: %(message)s")
h = logging.getLogger().handlers[0]
h.addFilter(logging.Filter("app"))
for name in ("app", "app.db", "application", "other"):
    logging.getLogger(name).warning("hello")
""",
    # a Formatter subclass, on a StreamHandler and a handler of the program's
    """
import logging, sys
class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper() + f" ({record.levelno})"
out = logging.StreamHandler(sys.stdout)
out.setFormatter(Upper("%(name)s:%(message)s"))
class Echo(logging.Handler):
    def emit(self, record):
        print("echo", self.format(record))
echo = Echo()
echo.setFormatter(Upper())
log = logging.getLogger("fmt")
log.addHandler(out)
log.addHandler(echo)
log.warning("hello %s", "there")
print(isinstance(out.formatter, logging.Formatter), out.formatter.datefmt)
""",
    # LoggerAdapter: its extra in the record, a subclass's process, its exception
    """
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(funcName)s:%(lineno)d [%(conn)s] %(message)s")
base = logging.getLogger("net")
adapter = logging.LoggerAdapter(base, {"conn": 7})
def serve():
    adapter.info("open %s", "x")
    adapter.debug("debug too")
serve()
class Tagged(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return f"<{self.extra['conn']}> {msg}", kwargs
tagged = Tagged(base, {"conn": 9})
tagged.warning("careful")
try:
    {}["k"]
except KeyError:
    tagged.exception("lookup failed")
print(adapter.name, adapter.isEnabledFor(logging.DEBUG), adapter.getEffectiveLevel())
""",
]


def _lines(stdout: str) -> list[str]:
    """Without a traceback's frames, which name the file (`<string>` for `-c`)."""
    return [line for line in stdout.splitlines() if not line.startswith("  ")]


@pytest.mark.parametrize("program", PROGRAMS)
def test_logging_classes_as_in_cpython(program):
    done = outcome(program)
    assert done.kind == "done", (done.reason, done.errors)
    real = subprocess.run([str(CPYTHON_313), "-c", program], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT)
    assert real.returncode == 0, real.stderr
    assert _lines("\n".join(done.output)) == _lines(real.stdout)
    assert list(done.stderr) == real.stderr.splitlines()
