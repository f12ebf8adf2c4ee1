"""`platform`: what a lesson prints about the machine it runs on, before timing its threads.

The simulated machine is CPython 3.13.0 on 64-bit Linux, as `sys.version_info` and
`sys.platform` say (sys.py): the answers are the same in every run, where CPython's name
the host (`node()`, `release()`), which no program can rely on anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from .sys import TABLE as SYS

if TYPE_CHECKING:
    from ..machine import Machine, Thread

_VERSION = SYS["version_info"]
_RELEASE = "6.1.0"

#: Each function's answer (they take no arguments; `architecture()` takes and ignores its).
_ANSWERS: dict[str, Any] = {
    "python_version": f"{_VERSION.major}.{_VERSION.minor}.{_VERSION.micro}",
    "python_version_tuple": (str(_VERSION.major), str(_VERSION.minor), str(_VERSION.micro)),
    "python_implementation": "CPython",
    "system": "Linux",
    "machine": "x86_64",
    "processor": "",
    "node": "interleave",
    "release": _RELEASE,
    "platform": f"Linux-{_RELEASE}-x86_64-with-glibc2.36",
}


def _answer(name: str) -> Builtin:
    value = _ANSWERS[name]

    def answer(m: Machine, th: Thread) -> Any:
        return value
    return Builtin(name, answer, module="platform")


def _architecture(m: Machine, th: Thread, executable: Any = None, bits: Any = "",
                  linkage: Any = "") -> tuple[str, str]:
    return ("64bit", "ELF")


TABLE: dict[str, Any] = {
    **{name: _answer(name) for name in _ANSWERS},
    "architecture": Builtin("architecture", _architecture, module="platform"),
}
HINT = "Supported from platform: " + ", ".join(sorted(TABLE)) + " (the simulated machine's)."
