"""`os`: only `getpid()`, for the programs that print which process they run in: the
simulated process's fixed pid (machine.PID)."""

from __future__ import annotations

from typing import Any

from ..calls import Builtin
from ..machine import PID

HINT = ("Only os.getpid() is supported: a program's files, processes and environment are "
        "outside the simulation.")

TABLE: dict[str, Any] = {"getpid": Builtin("getpid", lambda m, th: PID, module="os")}
