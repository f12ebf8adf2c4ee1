"""The simulated library modules (app/engine/stdlib): what only they define, and that
snapshots tell their functions from the built-ins of the same name."""

from __future__ import annotations

import textwrap

from app.engine import CPython, RoundRobin, compile_program, run
from app.engine.machine import PID
from app.engine.snapshot import restore, snapshot
from tests.support.running import as_run_cpython


def test_the_process_has_one_fixed_pid_and_mainthreads_native_id_is_it():
    source = ("import os\nimport threading\nfrom os import getpid\n"
              "def work():\n    print(threading.get_native_id(), "
              "threading.current_thread().native_id)\n"
              "t = threading.Thread(target=work)\nprint(t.native_id)\nt.start()\nt.join()\n"
              "print(os.getpid(), getpid(), threading.get_native_id(), "
              "threading.main_thread().native_id)\n")
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert list(outcome.output) == ["None", f"{PID + 1} {PID + 1}", f"{PID} {PID} {PID} {PID}"]


def test_a_snapshot_keeps_a_modules_function_apart_from_the_builtin_of_its_name():
    source = "import threading\nmine = threading.enumerate\ntheirs = enumerate\n"
    m = run(compile_program(source), RoundRobin(1)).machine
    assert m is not None
    again = restore(m, snapshot(m))
    assert again.globals["mine"] is m.globals["mine"]
    assert again.globals["theirs"] is m.globals["theirs"]
    assert again.globals["mine"] is not again.globals["theirs"]


def test_a_star_import_binds_the_modules_public_names(run_cpython):
    """`from threading import *` (older tutorials): threading's `enumerate` shadows the
    built-in, as in CPython; a name the program binds itself is its own variable."""
    source = textwrap.dedent("""
        from threading import *
        from queue import *
        from time import *
        def work(q):
            q.put(current_thread().name)
        q = Queue()
        t = Thread(target=work, args=(q,), name="w")
        t.start()
        t.join()
        sleep(0.01)
        print(q.get(), active_count(), [t.name for t in enumerate()])
        try:
            q.get_nowait()
        except Empty:
            print("Empty")
        Timer = "mine"
        print(Timer, Lock().locked())
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_threading_names_cpython_gives_to_builtin_objects(run_cpython):
    """`threading.ThreadError` is the built-in RuntimeError itself; the hook's argument is a
    `_thread._ExceptHookArgs`."""
    source = textwrap.dedent("""
        import threading
        print(threading.ThreadError is RuntimeError)
        try:
            threading.Lock().release()
        except threading.ThreadError as e:
            print("caught", e)
        threading.excepthook = lambda args: print(type(args).__name__, args.exc_type.__name__)
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)
