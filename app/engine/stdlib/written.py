"""Library classes written in Python (CPython's own code, trimmed), compiled by our compiler and
run as the program's code is: `contextlib.ExitStack`, and the `queue.Queue`, `threading.Event`
or `Semaphore` a program's class derives from (bases.py).

They are written, not built from host objects, because their methods call what may wait: an
ExitStack's `enter_context(lock)` acquires the lock, a queue's `put` waits on its condition.
In a program's code each of those calls is a step that may block, as CPython's is; a host
function would have to finish inside one step and could not wait.

Each machine makes its own classes (`library_classes`), from code compiled once: a program may
change its class (`ExitStack.x = 1`, or a method of it), and that must stay in its run. The
source names only the parameters, builtins and what `_make` defines and is given: its
functions run with the program's globals, which hold none of the library's names. Their
instructions are at line 0, the library's, as a thread pool's worker loop's are.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import ClassMethod, StaticMethod, UserClass, class_of
from ..code import COMPILERS, Code
from ..introspect import LIBRARY_TYPES
from ..machine import Machine
from ..values import Function

if TYPE_CHECKING:
    from ..program import Program


@cache
def _compiled(source: str) -> Program:
    return COMPILERS.program(source)


def library_classes(m: Machine, module: str, source: str, *given: Any
                    ) -> dict[str, UserClass]:
    """The classes `source` makes, by key (`_made = _make(*_given)`, with `given`: a dict
    such as {"contextlib.ExitStack": ExitStack}), made for `m` at its first use and kept in
    the machine's globals under a name no program can write (`.contextlib`)."""
    made: dict[str, UserClass] = _library_made(m, module, source, given)
    return made


def library_functions(m: Machine, module: str, source: str, *given: Any
                      ) -> dict[str, Function]:
    """The functions `source` makes, by key, as `library_classes` makes classes."""
    made: dict[str, Function] = _library_made(m, module, source, given)
    return made


def _library_made(m: Machine, module: str, source: str, given: tuple[Any, ...]) -> Any:
    key = f".{module}"
    made = m.globals.get(key)
    if made is None:
        maker = Machine(_compiled(source), start=False)
        maker.globals["_given"] = given
        maker.begin()  # it only defines: no step, so it runs to its end at once
        made = m.globals[key] = maker.globals["_made"]
        for value in made.values():
            _as_library(value, module)
    assert isinstance(made, dict)
    return made


def _as_library(made: UserClass | Function, module: str) -> None:
    """Name the class and its methods as CPython does (`<class 'queue.Queue'>`), and put
    their code at line 0; or a function's."""
    if isinstance(made, Function):
        made.attrs["__module__"] = module
        as_library(made.code, made.code.name)
        return
    made.qualname = made.name
    made.attrs["__module__"] = module
    for value in made.attrs.values():
        if isinstance(value, StaticMethod | ClassMethod):
            value = value.fn
        if isinstance(value, Function):
            as_library(value.code, f"{made.name}.{value.code.name}")


def as_library(code: Code, qualname: str) -> None:
    """The library's code: at line 0, which a traceback shows as CPython's library."""
    for ins in code.instrs:
        ins.line = ins.col = 0
    code.first_line = code.last_line = 0
    code.qualname = qualname


def written_instance(cls: Any, obj: Any) -> bool | None:
    """`isinstance(obj, queue.Queue)` for an object of a class deriving from the written
    `queue.Queue` (see `introspect.LIBRARY_TYPES`)."""
    if not isinstance(cls, Builtin) or not (cls.module or cls.key in _BUILT_IN):
        return None
    own = class_of(obj)
    module = cls.module or "builtins"  # `isinstance(registry, dict)`
    return own is not None and any(
        isinstance(c, UserClass) and c.name == cls.name and c.attrs.get("__module__") ==
        module for c in own.mro) or None


#: The built-in classes written here a program's class may derive from (containers_base.py).
_BUILT_IN = frozenset({"dict", "list"})


LIBRARY_TYPES.insert(0, written_instance)  # before queue.py's, which answers False
