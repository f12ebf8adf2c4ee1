"""stdlib/log_config.py: `logging.config.dictConfig` configures what CPython 3.13's does,
in its order (existing loggers disabled, children of named ones reset), with its errors."""

from __future__ import annotations

import subprocess

from app.engine import compile_program, make_policy, run
from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT

PROGRAM = """
import logging
import logging.config
import sys

early = logging.getLogger("early")
child = logging.getLogger("svc.db")
child.setLevel(logging.ERROR)


class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 0


def make_stream_handler(stream):
    return logging.StreamHandler(stream)


logging.config.dictConfig({
    "version": 1,
    "formatters": {
        "plain": {"format": "%(name)s|%(levelname)s|%(message)s"},
        "loud": {"()": Upper, "fmt": "%(name)s: %(message)s"},
        "brace": {"format": "{levelname}:{message}", "style": "{"},
    },
    "filters": {
        "even": {"()": "__main__.OnlyEven"},
        "svc_only": {"name": "svc"},
    },
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                "formatter": "plain", "level": "INFO"},
        "shout": {"()": make_stream_handler, "stream": "ext://sys.stdout",
                  "formatter": "loud", "filters": ["even"]},
        "file": {"class": "logging.FileHandler", "filename": "app.log", "mode": "w",
                 "formatter": "brace"},
    },
    "loggers": {
        "svc": {"level": "DEBUG", "handlers": ["out", "file"], "propagate": False},
        "numbers": {"handlers": ["shout"], "level": "DEBUG", "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["out"]},
})
early.warning("early is disabled: %s", early.disabled)
print("early disabled:", early.disabled, "child level:", child.level, child.propagate)
logging.getLogger("svc").debug("debug is filtered by the handler level")
logging.getLogger("svc").info("svc info")
child.debug("child now at NOTSET, goes up to svc")
for n in range(4):
    logging.getLogger("numbers").info("number %d", n)
logging.warning("root warning")
print(open("app.log").read(), end="")

for bad in [{}, {"version": 2},
            {"version": 1,
             "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "nope"}}},
            {"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}},
            {"version": 1, "loggers": {"x": {"handlers": ["missing"]}}}]:
    try:
        logging.config.dictConfig(bad)
    except ValueError as e:
        print("ValueError:", e)
logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
print("svc still disabled?", logging.getLogger("svc").disabled)
"""


def test_dict_config_configures_as_cpythons(tmp_path):
    done = run(compile_program(PROGRAM, "prog.py"), make_policy("cpython"),
               record=False).outcome
    assert done.kind == "done", (done.reason, done.errors)
    (tmp_path / "prog.py").write_text(PROGRAM)
    real = subprocess.run([str(CPYTHON_313), "prog.py"], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT, cwd=tmp_path)
    assert real.returncode == 0, real.stderr
    assert list(done.output) == real.stdout.splitlines()
