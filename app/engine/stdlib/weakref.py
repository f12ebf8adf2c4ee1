"""`weakref`: `ref`, `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet` and `finalize`,
written in Python after CPython 3.13's Lib/weakref.py (stdlib/written.py).

The simulator never collects an object: nothing a program holds is freed while it runs. So
a weak reference here is a strong one that always finds its object alive, a weak dictionary
or set never loses an entry by itself, a `ref`'s callback is never called, and a `finalize`
runs only when the program calls it, or at exit (where CPython runs those still alive, last
made first). A program whose output depends on an object being freed (`del obj` then
`r()` is None) prints what it would print had the object stayed alive; a program that asks
for a collection (`gc.collect()`) is refused, `gc` being no module here. What CPython refuses
to refer to weakly (an int, a str, a tuple, a list, a dict, None) is refused as CPython does.

The dictionaries derive from the written `collections.UserDict` (containers_base.py): their
items are a dict they hold, each touch of it a step, and `dict(d)` reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from ..values import fail, type_name
from .atexit import TABLE as ATEXIT
from .containers_base import container_classes
from .traceback import TABLE as TRACEBACK
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

HINT = ("Supported from weakref: ref, WeakValueDictionary, WeakKeyDictionary, WeakSet, "
        "finalize (the simulator never collects an object: every weak reference stays alive).")

WEAKREF = '''
def _make(UserDict, referable, at_exit, print_exc):
    class ReferenceType:
        def __init__(self, obj, callback=None, /):
            referable(obj)
            self._obj = obj

        def __call__(self):
            return self._obj

        def __eq__(self, other):
            if not isinstance(other, ReferenceType):
                return NotImplemented
            return self._obj == other._obj

        def __hash__(self):
            return hash(self._obj)

        def __repr__(self):
            return (f"<weakref at {hex(id(self))}; to {type(self._obj).__name__!r} "
                    f"at {hex(id(self._obj))}>")

    class WeakValueDictionary(UserDict):
        def __init__(self, other=(), /, **kw):
            self.data = {}
            self.update(other, **kw)

        def __setitem__(self, key, value):
            referable(value)
            self.data[key] = value

        def __repr__(self):
            return f"<{type(self).__name__} at {hex(id(self))}>"

        def valuerefs(self):
            return [ReferenceType(value) for value in self.data.values()]

        def itervaluerefs(self):
            return iter(self.valuerefs())

    class WeakKeyDictionary(UserDict):
        def __init__(self, dict=None):
            self.data = {}
            if dict is not None:
                self.update(dict)

        def __setitem__(self, key, value):
            referable(key)
            self.data[key] = value

        def __repr__(self):
            return f"<{type(self).__name__} at {hex(id(self))}>"

        def keyrefs(self):
            return [ReferenceType(key) for key in self.data]

    class WeakSet:
        def __init__(self, data=None):
            self.data = set()
            if data is not None:
                self.update(data)

        def __iter__(self):
            return iter(list(self.data))

        def __len__(self):
            return len(self.data)

        def __contains__(self, item):
            try:
                referable(item)
            except TypeError:
                return False
            return item in self.data

        def __repr__(self):
            if not self.data:
                return "set()"
            return "{" + ", ".join(repr(ReferenceType(item)) for item in self.data) + "}"

        def __eq__(self, other):
            if not isinstance(other, WeakSet):
                return NotImplemented
            return self.data == other.data

        def add(self, item):
            referable(item)
            self.data.add(item)

        def discard(self, item):
            self.data.discard(item)

        def remove(self, item):
            self.data.remove(item)

        def pop(self):
            if not self.data:
                raise KeyError("pop from empty WeakSet")
            return self.data.pop()

        def clear(self):
            self.data.clear()

        def copy(self):
            return type(self)(self.data)

        def update(self, other):
            for item in other:
                self.add(item)

        def __ior__(self, other):
            self.update(other)
            return self

    alive = []
    registered = []

    class finalize:
        def __init__(self, obj, func, /, *args, **kwargs):
            referable(obj)
            if not registered:
                at_exit(finalize._exitfunc)
                registered.append(True)
            self._info = (obj, func, args, kwargs)
            self.atexit = True
            alive.append(self)

        def __call__(self, _=None):
            info = self.detach()
            if info is not None:
                obj, func, args, kwargs = info
                return func(*args, **kwargs)

        def detach(self):
            info = self._info
            if info is not None:
                self._info = None
                alive.remove(self)
            return info

        def peek(self):
            return self._info

        @property
        def alive(self):
            return self._info is not None

        def __repr__(self):
            if self._info is None:
                return f"<finalize object at {hex(id(self))}; dead>"
            obj = self._info[0]
            return (f"<finalize object at {hex(id(self))}; for {type(obj).__name__!r} "
                    f"at {hex(id(obj))}>")

        @staticmethod
        def _exitfunc():
            pending = [f for f in alive if f.atexit]
            while pending:
                f = pending.pop()
                try:
                    f()
                except Exception:
                    print_exc()

    return {"weakref.ReferenceType": ReferenceType,
            "weakref.WeakValueDictionary": WeakValueDictionary,
            "weakref.WeakKeyDictionary": WeakKeyDictionary, "weakref.WeakSet": WeakSet,
            "weakref.finalize": finalize}

_made = _make(*_given)
'''

#: What CPython cannot refer to weakly: its objects of these types have no weak references.
_NOT_REFERABLE = (int, float, complex, str, bytes, tuple, list, dict, type(None))


def _referable(m: Machine, th: Thread, obj: Any) -> None:
    if isinstance(obj, _NOT_REFERABLE):
        raise fail("TypeError", f"cannot create weak reference to '{type_name(obj)}' object")


_REFERABLE = Builtin("referable", _referable, module="weakref")
#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (_REFERABLE,)


def weakref_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written weakref classes, by key."""
    return library_classes(m, "weakref", WEAKREF, container_classes(m)["collections.UserDict"],
                           _REFERABLE, ATEXIT["register"], TRACEBACK["print_exc"])


def _written(name: str, key: str) -> Builtin:
    """`weakref.ref(obj)`, `WeakSet()`…: an object of the machine's own class."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        made, obj = UP.call_value(m, th, weakref_classes(m)[f"weakref.{key}"], list(args),
                                  kwargs)[:2]
        return obj if made else PUSHED
    return Builtin(name, make, module="weakref")


_REF = _written("ReferenceType", "ReferenceType")
TABLE: dict[str, Any] = {
    "ref": _REF, "ReferenceType": _REF,
    **{name: _written(name, name) for name in (
        "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "finalize")},
}
