"""stdlib/os.py: the simulated process's environment starts empty, and a program reads and
writes it as CPython's `os.environ` and `os.getenv` answer in a process started with no
environment variables."""

from __future__ import annotations

import subprocess
import textwrap

from tests.support.running import outcome

SOURCE = textwrap.dedent("""
    import os, threading
    workers = int(os.environ.get("WORKERS", "3"))
    print(workers, os.getenv("MODE"), os.getenv("MODE", "dev"), "MODE" in os.environ)
    def setter():
        os.environ["MODE"] = "prod"
    t = threading.Thread(target=setter)
    t.start()
    t.join()
    print(os.getenv("MODE"), os.environ["MODE"], os.name)  # (CPython adds LC_CTYPE)
    try:
        os.environ["NOPE"]
    except KeyError as e:
        print("KeyError", e)
    try:
        os.getenv(5)
    except TypeError as e:
        print("TypeError", e)
""")


def test_the_environment_answers_as_cpythons_when_started_empty(cpython_exe):
    done = subprocess.run([cpython_exe, "-c", SOURCE], capture_output=True, text=True,
                          timeout=30, env={})
    assert list(outcome(SOURCE).output) == done.stdout.splitlines()
