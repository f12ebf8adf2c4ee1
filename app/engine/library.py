"""The library as a program sees it: every built-in, and each module it may import (stdlib/).

A module is a table: each name a program may take from it (`threading.Lock`,
`from time import sleep`) and its value, a built-in of ours, an exception class or a
constant. Nothing else of a real module is reachable: the compiler refuses any other name,
with the module's hint.

Its own module, not the `stdlib` package's `__init__`: a library module is then imported
without every other one (`objects` uses `stdlib.enum`, which `stdlib.threading` does not
need), and only what reads the tables (the compiler, snapshots) stands above the library.
"""

from __future__ import annotations

from typing import Any

from . import builtin_functions, introspection, lazy
from .builtin import Builtin, ModuleVariable
from .objects import NATIVES
from .stdlib import (
    abc,
    abcs,
    argparse,
    atexit,
    bisect,
    collections,
    contextlib,
    copy,
    csv,
    dataclasses,
    datetime,
    decimal,
    dispatch,
    enum,
    functools,
    futures,
    hashlib,
    heapq,
    io,
    itertools,
    json,
    log_classes,
    log_config,
    logging,
    math,
    operator,
    os,
    pathlib,
    platform,
    pool,
    pprint,
    queue,
    random,
    sched,
    secrets,
    statistics,
    string,
    sys,
    textwrap,
    threading,
    time,
    timeit,
    traceback,
    types,
    typing,
    urllib_parse,
    uuid,
    warnings,
    weakref,
)

#: Every built-in a program may name without an import.
BUILTINS: dict[str, Any] = {**builtin_functions.BUILTINS, **introspection.TABLE, **lazy.TABLE}
_SIMULATED = (abc, argparse, atexit, bisect, collections, contextlib, copy, csv, dataclasses,
              datetime, decimal, enum, functools, hashlib, heapq, io, itertools, json, logging,
              math, operator, os, pathlib, platform, pprint, queue, random, sched, secrets,
              statistics, string, sys, textwrap, threading, time, timeit, traceback, types,
              typing, uuid, warnings, weakref)

# Since 3.11 `concurrent.futures.TimeoutError is TimeoutError`: the built-in's one object.
futures.TABLE["TimeoutError"] = BUILTINS["TimeoutError"]
# `threading.ThreadError is RuntimeError`, the built-in's one object too.
threading.TABLE["ThreadError"] = BUILTINS["RuntimeError"]
# `multiprocessing.TimeoutError` is its own class in CPython: here the built-in (stdlib/pool.py).
pool.PACKAGE_TABLE["TimeoutError"] = BUILTINS["TimeoutError"]
sys.TABLE["exc_info"] = Builtin("exc_info", traceback.exc_info, module="sys")

#: Module name → its table, and the hint for a name it does not have.
MODULES: dict[str, dict[str, Any]] = {
    **{module.__name__.rpartition(".")[2]: module.TABLE for module in _SIMULATED},
    "__future__": typing.FUTURE,
    "collections.abc": typing.ABC_TABLE | abcs.TABLE,
    "numbers": abcs.NUMBERS_TABLE,
    "os.path": os.PATH_TABLE,
    "logging.handlers": log_classes.HANDLERS,
    "logging.config": log_config.TABLE,
    # A package's table is empty: its submodules are modules of their own.
    "concurrent": {}, "concurrent.futures": futures.TABLE,
    "multiprocessing": pool.PACKAGE_TABLE, "multiprocessing.pool": pool.TABLE,
    "multiprocessing.dummy": pool.DUMMY_TABLE,
    "urllib": {}, "urllib.parse": urllib_parse.TABLE,
}
HINTS: dict[str, str] = {
    **{module.__name__.rpartition(".")[2]: module.HINT for module in _SIMULATED},
    "__future__": typing.FUTURE_HINT,
    "collections.abc": typing.ABC_HINT,
    "numbers": abcs.NUMBERS_HINT,
    "os.path": os.PATH_HINT,
    "logging.handlers": log_classes.HANDLERS_HINT,
    "logging.config": log_config.HINT,
    "concurrent": futures.PACKAGE_HINT, "concurrent.futures": futures.HINT,
    "multiprocessing": pool.PACKAGE_HINT, "multiprocessing.pool": pool.HINT,
    "multiprocessing.dummy": pool.DUMMY_HINT,
    "urllib": urllib_parse.PACKAGE_HINT, "urllib.parse": urllib_parse.HINT,
}

#: A module's names a program may assign (`threading.excepthook = hook`, `sys.stdout = f`):
#: the built-in the assignment calls with the value.
SETTERS: dict[tuple[str, str], Builtin] = {
    ("threading", "excepthook"): threading.SET_EXCEPTHOOK,
    ("sys", "stdout"): sys.SET_STDOUT, ("sys", "stderr"): sys.SET_STDERR}

#: Every built-in by its key (snapshots refer to them by it).
BY_NAME: dict[str, Builtin] = {
    b.key: b for table in (BUILTINS, NATIVES, *MODULES.values())
    for b in (v.getter if isinstance(v, ModuleVariable) else v for v in table.values())
    if isinstance(b, Builtin)} | {b.key: b for module in (
        log_classes, log_config, dispatch, weakref, json, string, timeit) for b in module.GIVEN}
