"""A program's class that derives from `concurrent.futures.ThreadPoolExecutor` (a pool that
counts or logs its tasks by overriding `submit`): the class statement derives from this
ThreadPoolExecutor, written in Python (stdlib/written.py), whose calls go to a pool of the
engine's own (futures.py) made in its `__init__`.

`map` is CPython's `Executor.map` (Lib/concurrent/futures/_base.py) as written there: it calls
`self.submit` for each item, so a subclass's `submit` sees `map`'s calls too, and its results
come from a generator that waits for each future in turn (with map's timeout, counted from the
call) and cancels those left when it stops. The pool's private attributes a program reads
(`self._max_workers`) are properties of the inner pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import futures, time
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine

EXECUTOR = '''
def _make(make_pool, monotonic):
    def _result_or_cancel(fut, timeout=None):
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()

    class ThreadPoolExecutor:
        def __init__(self, max_workers=None, thread_name_prefix="", initializer=None,
                     initargs=()):
            self._pool = make_pool(max_workers, thread_name_prefix, initializer, initargs)

        def submit(self, fn, /, *args, **kwargs):
            return self._pool.submit(fn, *args, **kwargs)

        def map(self, fn, *iterables, timeout=None, chunksize=1):
            if timeout is not None:
                end_time = timeout + monotonic()
            fs = [self.submit(fn, *args) for args in zip(*iterables)]

            def result_iterator():
                try:
                    fs.reverse()
                    while fs:
                        if timeout is None:
                            yield _result_or_cancel(fs.pop())
                        else:
                            yield _result_or_cancel(fs.pop(), end_time - monotonic())
                finally:
                    for future in fs:
                        future.cancel()
            return result_iterator()

        def shutdown(self, wait=True, *, cancel_futures=False):
            self._pool.shutdown(wait, cancel_futures=cancel_futures)

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            self.shutdown(wait=True)
            return False

        @property
        def _max_workers(self):
            return self._pool._max_workers

        @property
        def _thread_name_prefix(self):
            return self._pool._thread_name_prefix

        @property
        def _shutdown(self):
            return self._pool._shutdown

    return {"concurrent.futures.ThreadPoolExecutor": ThreadPoolExecutor}

_made = _make(*_given)
'''

#: The library's classes a program's class may derive from in this module, by key.
DERIVABLE = frozenset({"concurrent.futures.ThreadPoolExecutor"})


def executor_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written ThreadPoolExecutor, by key."""
    return library_classes(m, "concurrent.futures", EXECUTOR,
                           futures.TABLE["ThreadPoolExecutor"], time.TABLE["monotonic"])
