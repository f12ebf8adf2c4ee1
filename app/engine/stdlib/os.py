"""`os`: `getpid()`, for the programs that print which process they run in: the simulated
process's fixed pid (machine.PID); `cpu_count()`, a fixed CPU_COUNT, which also sizes a
ThreadPoolExecutor made without `max_workers` (min(32, CPU_COUNT + 4) workers, as CPython);
and the environment a lesson reads its settings from (`os.environ.get("WORKERS", "4")`,
`os.getenv`): the simulated process's own, empty when it starts, so every run reads the
defaults the program gives (the host's variables are outside the simulation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin, ModuleVariable
from ..machine import PID
from ..values import fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: The simulated machine's CPUs (`os.cpu_count()`, `os.process_cpu_count()`): fixed, so that
#: a run is a pure function of its program and schedule.
CPU_COUNT = 4

HINT = ("Only os.getpid(), os.cpu_count(), os.process_cpu_count(), os.environ, os.getenv() "
        "and os.name are supported: a program's files and processes are outside the "
        "simulation.")
#: Where a machine keeps its environment (a name no program can write).
_ENVIRON = ".environ"


def _environ(m: Machine, th: Thread) -> dict[str, str]:
    return cast("dict[str, str]", m.globals.setdefault(_ENVIRON, {}))


def _getenv(m: Machine, th: Thread, key: Any, default: Any = None) -> Any:
    if not isinstance(key, str):
        raise fail("TypeError", f"str expected, not {type_name(key)}")
    return _environ(m, th).get(key, default)


TABLE: dict[str, Any] = {
    "getpid": Builtin("getpid", lambda m, th: PID, module="os"),
    "cpu_count": Builtin("cpu_count", lambda m, th: CPU_COUNT, module="os"),
    "process_cpu_count": Builtin("process_cpu_count", lambda m, th: CPU_COUNT, module="os"),
    "environ": ModuleVariable(Builtin("environ", _environ, module="os")),
    "getenv": Builtin("getenv", _getenv, "always", "os"),
    "name": "posix",
}
