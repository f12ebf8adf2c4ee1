"""stdlib/threading.py: the `threading` module's own functions and constructors (`Thread`'s
arguments, `Timer`, `current_thread`, `main_thread`, `enumerate`, `active_count`,
`get_ident`, `excepthook`, the primitives' constructors and their refusals), against CPython
3.13 (the `run_cpython` fixture, threads and their uncaught errors included)."""

from __future__ import annotations

import pytest

from app.engine import RoundRobin, compile_program, run

PROGRAMS = [
    # Thread's arguments and names
    """
import threading
def work(a, b=0, *, c=0):
    print('work', a, b, c, threading.current_thread().name)
t = threading.Thread(target=work, args=(1,), kwargs={'b': 2, 'c': 3}, name='w', daemon=True)
print(t.name, t.daemon, t.is_alive())
t.start()
t.join()
u = threading.Thread(target=work, args=[5])
print(u.name)
u.start()
u.join()
print(threading.Thread().name, threading.Thread(target=print).name)
""",
    """
import threading
try:
    threading.Thread(group=1)
except AssertionError as e:
    print('AssertionError', e)
for make in (lambda: threading.Thread(None, print, 'n', (), {}, True, 7),
             lambda: threading.Thread(target=print, target2=1),
             lambda: threading.Thread(None, print, target=print)):
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
""",
    # the module's functions
    """
import threading
main = threading.current_thread()
print(main.name, main is threading.main_thread(), threading.active_count(),
      [t.name for t in threading.enumerate()], threading.get_ident() == threading.get_ident())
def work():
    print(threading.active_count(), sorted(t.name for t in threading.enumerate()),
          threading.current_thread() is not threading.main_thread())
t = threading.Thread(target=work, name='w')
t.start()
t.join()
print(threading.active_count(), t.is_alive())
""",
    # Timer
    """
import threading
def ring(x):
    print('ring', x)
t = threading.Timer(0.01, ring, args=('a',))
t.start()
t.join()
c = threading.Timer(10, ring, args=('never',))
c.start()
c.cancel()
c.join()
print('done', c.is_alive())
""",
    # constructors' refusals
    """
import threading
for make in (lambda: threading.Semaphore(-1), lambda: threading.BoundedSemaphore(-2),
             lambda: threading.Barrier(0), lambda: threading.Lock(1),
             lambda: threading.Event(1), lambda: threading.Condition(5),
             lambda: threading.Semaphore(value='x'), lambda: threading.Lock(x=1),
             lambda: threading.Event(x=1), lambda: threading.Semaphore(1, 2),
             lambda: threading.Semaphore(x=1), lambda: threading.Barrier(),
             lambda: threading.Condition(None, 1), lambda: threading.Barrier(2, parties=2)):
    try:
        make()
        print('made')
    except Exception as e:
        print(type(e).__name__, e)
""",
    # uncaught errors in threads, and excepthook
    """
import threading
def boom():
    raise ValueError('in thread')
t = threading.Thread(target=boom, name='b')
t.start()
t.join()
def hook(args):
    print('hook', args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
u = threading.Thread(target=boom, name='c')
u.start()
u.join()
print('main goes on')
""",
    # a hook that passes the exception on to the default one, then the default restored
    """
import threading
def boom(n):
    raise ValueError(n)
def hook(args):
    print('seen', args.exc_value)
    threading.__excepthook__(args)
print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
print(threading.excepthook is hook)
for n, name in enumerate(['a', 'b']):
    t = threading.Thread(target=boom, args=(n,), name=name)
    t.start()
    t.join()
    threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
""",
]


@pytest.mark.parametrize("source", PROGRAMS)
def test_the_threading_module_answers_as_cpython(run_cpython, source):
    outcome = run(compile_program(source), RoundRobin()).outcome
    assert outcome.kind == "done", outcome.reason
    assert (list(outcome.output), [(e.thread, e.type, e.message) for e in outcome.errors]) == (
        run_cpython(source))


def test_stack_size_is_kept_and_checked_as_cpython_does(run_cpython):
    source = """
import threading
print(threading.stack_size())
for v in (100, -1, 32768, 'x', 0, True):
    try:
        print(threading.stack_size(v))
    except Exception as e:
        print(type(e).__name__, e)
print(threading.stack_size())
"""
    outcome = run(compile_program(source), RoundRobin()).outcome
    assert list(outcome.output) == run_cpython(source)[0]
