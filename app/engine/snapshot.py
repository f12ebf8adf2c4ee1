"""Snapshots: a machine's whole state as bytes, which is both its copy and its identity.

The explorer keys states by these bytes and rebuilds machines from them. Pickle walks the
state in C and keeps its aliasing (two names for one list stay one list), and code and
built-ins are pickled as references (`Code.__reduce__`, `Builtin.__reduce__`), so a snapshot
holds only what a step can change. Equal bytes mean equal states: nothing a program could
observe tells them apart. (The converse mostly holds too; where it does not, say a dict built
in another order, the explorer only merges fewer states.)
"""

from __future__ import annotations

import pickle

from .machine import Machine


def snapshot(m: Machine) -> bytes:
    for th in m.threads:
        th.brk = False  # only the cpython policy reads it, and never across a snapshot
    return pickle.dumps((m.globals, m.threads, m.output, m.errors, m.unnamed, m.serial,
                         m.live), protocol=pickle.HIGHEST_PROTOCOL)


def restore(like: Machine, data: bytes) -> Machine:
    """A machine for the same program as `like`, in the state `data` was taken in."""
    new = Machine.__new__(Machine)
    new.program = like.program
    new.max_threads = like.max_threads
    (new.globals, new.threads, new.output, new.errors, new.unnamed, new.serial,
     new.live) = pickle.loads(data)
    return new


def clone(m: Machine) -> Machine:
    return restore(m, snapshot(m))
