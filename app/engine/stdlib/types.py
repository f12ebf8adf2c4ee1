"""`types`: `SimpleNamespace`, written in Python as the docs give its equivalent and run as the
program's code (stdlib/written.py): its objects are objects of a class, whose attributes the
program sets and reads as any object's, one step each when other threads can reach it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

#: CPython 3.13's `types.SimpleNamespace` (Objects/namespaceobject.c), in Python: a positional
#: mapping or iterable of pairs and keywords become its attributes; `==` compares them;
#: its text names them in the order they were set, `namespace(...)` for itself and the
#: class's name for a subclass.
NAMESPACE = '''
def _make():
    class SimpleNamespace:
        def __init__(self, mapping_or_iterable=(), /, **kwargs):
            self.__dict__.update(dict(mapping_or_iterable))
            self.__dict__.update(kwargs)

        def __repr__(self):
            name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
            items = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
            return f"{name}({items})"

        def __eq__(self, other):
            if isinstance(other, SimpleNamespace):
                return self.__dict__ == other.__dict__
            return NotImplemented
    return {"types.SimpleNamespace": SimpleNamespace}

_made = _make()
'''


#: The library's classes a program's class may derive from in this module, by key.
DERIVABLE = frozenset({"types.SimpleNamespace"})


def namespace_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written classes of this module, by key."""
    return library_classes(m, "types", NAMESPACE)


def _namespace(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
    """`SimpleNamespace(...)`: an object of the machine's own class (stdlib/written.py)."""
    cls = namespace_classes(m)["types.SimpleNamespace"]
    made, obj = UP.call_value(m, th, cls, list(args), kwargs)[:2]
    return obj if made else PUSHED


TABLE: dict[str, Any] = {"SimpleNamespace": Builtin("SimpleNamespace", _namespace,
                                                    module="types")}
HINT = "Supported from types: SimpleNamespace."
