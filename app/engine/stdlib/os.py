"""`os`: `getpid()`, for the programs that print which process they run in: the simulated
process's fixed pid (machine.PID); `cpu_count()`, a fixed CPU_COUNT, which also sizes a
ThreadPoolExecutor made without `max_workers` (min(32, CPU_COUNT + 4) workers, as CPython);
and the environment a lesson reads its settings from (`os.environ.get("WORKERS", "4")`,
`os.getenv`): the simulated process's own, empty when it starts, so every run reads the
defaults the program gives (the host's variables are outside the simulation).

`os.path` works on the names of the run's own files (io.py): `join`, `basename` and the other
functions of names alone are posixpath's; `exists`, `isfile`, `isdir` and `getsize` look in
the run's directory, which `os.makedirs`, `os.mkdir`, `os.remove` and `os.rename` change and
`os.listdir` lists."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin, ModuleVariable
from ..machine import PID
from ..values import fail, type_name
from .io import MAX_FILES, dirs_of, files_of, key, not_found, os_error

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: The simulated machine's CPUs (`os.cpu_count()`, `os.process_cpu_count()`): fixed, so that
#: a run is a pure function of its program and schedule.
CPU_COUNT = 4

HINT = ("Supported from os: getpid, cpu_count, process_cpu_count, environ, getenv, name, sep, "
        "linesep, path, listdir, makedirs, mkdir, remove, unlink, rename (over the run's own "
        "in-memory directory): processes are outside the simulation.")
PATH_HINT = ("Supported from os.path: join, basename, dirname, split, splitext, normpath, "
             "isabs, exists, isfile, isdir, getsize (over the run's own in-memory directory).")
#: Where a machine keeps its environment (a name no program can write).
_ENVIRON = ".environ"


def _environ(m: Machine, th: Thread) -> dict[str, str]:
    return cast("dict[str, str]", m.globals.setdefault(_ENVIRON, {}))


def _getenv(m: Machine, th: Thread, key: Any, default: Any = None) -> Any:
    if not isinstance(key, str):
        raise fail("TypeError", f"str expected, not {type_name(key)}")
    return _environ(m, th).get(key, default)


def _names(fname: str, fn: Callable[..., Any]) -> Builtin:
    """One of posixpath's functions of names alone, given strings only."""
    def checked(m: Machine, th: Thread, *args: Any) -> Any:
        for arg in args:
            if not isinstance(arg, str):
                raise fail("TypeError", f"{fname}() argument must be str, bytes, or "
                                        f"os.PathLike object, not '{type_name(arg)}'"
                           if fname == "join" else f"expected str, bytes or os.PathLike "
                                                   f"object, not {type_name(arg)}")
        if not args or (fname != "join" and len(args) != 1):
            raise fail("TypeError", f"{fname}() takes exactly one argument "
                                    f"({len(args)} given)" if fname != "join" else
                       "join() missing 1 required positional argument: 'a'")
        return fn(*args)
    return Builtin(fname, checked, module="os.path")


def _exists(m: Machine, th: Thread, path: Any) -> bool:
    name = key(path, "exists")
    return name in files_of(m) or name in dirs_of(m)


def _getsize(m: Machine, th: Thread, path: Any) -> int:
    name = key(path, "getsize")
    if name in dirs_of(m):
        return 4096
    if name not in files_of(m):
        raise os_error("FileNotFoundError", 2, "No such file or directory", path)
    return len(files_of(m)[name].encode("utf-8", "surrogateescape"))


def _listdir(m: Machine, th: Thread, path: Any = ".") -> list[str]:
    where = key(path, "listdir")
    if where not in dirs_of(m):
        raise not_found(path)
    return [posixpath.basename(name) for name in (*dirs_of(m), *files_of(m))
            if name != where and (posixpath.dirname(name) or ".") == where]


def _new_dir(dirs: dict[str, bool], where: str, path: Any) -> None:
    if len(dirs) >= MAX_FILES:
        raise os_error("OSError", 28, "No space left on device", path)
    dirs[where] = True


def _makedirs(m: Machine, th: Thread, name: Any, mode: Any = 0o777,
              exist_ok: Any = False) -> None:
    where, dirs = key(name, "makedirs"), dirs_of(m)
    if where in dirs or where in files_of(m):
        if not exist_ok or where in files_of(m):
            raise os_error("FileExistsError", 17, "File exists", name)
        return
    while where not in (".", "/", "") and where not in dirs:  # at most PATH_MAX / 2 parts
        _new_dir(dirs, where, name)
        where = posixpath.dirname(where)


def _mkdir(m: Machine, th: Thread, path: Any, mode: Any = 0o777) -> None:
    where = key(path, "mkdir")
    if where in dirs_of(m) or where in files_of(m):
        raise os_error("FileExistsError", 17, "File exists", path)
    if (posixpath.dirname(where) or ".") not in dirs_of(m):
        raise not_found(path)
    _new_dir(dirs_of(m), where, path)


def _remove(m: Machine, th: Thread, path: Any) -> None:
    name = key(path, "remove")
    if name in dirs_of(m):
        raise os_error("IsADirectoryError", 21, "Is a directory", path)
    if files_of(m).pop(name, None) is None:
        raise not_found(path)


def _rename(m: Machine, th: Thread, src: Any, dst: Any) -> None:
    old, new = key(src, "rename"), key(dst, "rename")
    if old not in files_of(m):
        raise not_found(src)
    files_of(m)[new] = files_of(m).pop(old)


PATH_TABLE: dict[str, Any] = {
    **{name: _names(name, fn) for name, fn in (
        ("join", posixpath.join), ("basename", posixpath.basename),
        ("dirname", posixpath.dirname), ("split", posixpath.split),
        ("splitext", posixpath.splitext), ("normpath", posixpath.normpath),
        ("isabs", posixpath.isabs))},
    "exists": Builtin("exists", _exists, "always", "os.path"),
    "isfile": Builtin("isfile", lambda m, th, p: key(p, "isfile") in files_of(m), "always",
                      "os.path"),
    "isdir": Builtin("isdir", lambda m, th, p: key(p, "isdir") in dirs_of(m), "always",
                     "os.path"),
    "getsize": Builtin("getsize", _getsize, "always", "os.path"),
    "sep": "/",
}

TABLE: dict[str, Any] = {
    "getpid": Builtin("getpid", lambda m, th: PID, module="os"),
    "cpu_count": Builtin("cpu_count", lambda m, th: CPU_COUNT, module="os"),
    "process_cpu_count": Builtin("process_cpu_count", lambda m, th: CPU_COUNT, module="os"),
    "environ": ModuleVariable(Builtin("environ", _environ, module="os")),
    "getenv": Builtin("getenv", _getenv, "always", "os"),
    "name": "posix",
    "sep": "/",
    "linesep": "\n",
    "listdir": Builtin("listdir", _listdir, "always", "os"),
    "makedirs": Builtin("makedirs", _makedirs, "always", "os"),
    "mkdir": Builtin("mkdir", _mkdir, "always", "os"),
    "remove": Builtin("remove", _remove, "always", "os"),
    "unlink": Builtin("unlink", _remove, "always", "os"),
    "rename": Builtin("rename", _rename, "always", "os"),
}
