"""`os`: `getpid()`, for the programs that print which process they run in: the simulated
process's fixed pid (machine.PID); and `cpu_count()`, a fixed CPU_COUNT, which also sizes a
ThreadPoolExecutor made without `max_workers` (min(32, CPU_COUNT + 4) workers, as CPython)."""

from __future__ import annotations

from typing import Any

from ..builtin import Builtin
from ..machine import PID

#: The simulated machine's CPUs (`os.cpu_count()`, `os.process_cpu_count()`): fixed, so that
#: a run is a pure function of its program and schedule.
CPU_COUNT = 4

HINT = ("Only os.getpid(), os.cpu_count() and os.process_cpu_count() are supported: a "
        "program's files, processes and environment are outside the simulation.")

TABLE: dict[str, Any] = {
    "getpid": Builtin("getpid", lambda m, th: PID, module="os"),
    "cpu_count": Builtin("cpu_count", lambda m, th: CPU_COUNT, module="os"),
    "process_cpu_count": Builtin("process_cpu_count", lambda m, th: CPU_COUNT, module="os"),
}
