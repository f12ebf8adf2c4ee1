"""The containers a program's class derives from: `dict`, `list` (`class Registry(dict)`),
and `collections.UserDict` and `UserList`, written in Python and run as the program's code
(stdlib/written.py).

A program's dict or list is the host's; an object of a class deriving from one is an object
of a program's class, whose items are a dict or list it holds (`data`, as UserDict's and
UserList's are), so that the class's own methods (`__setitem__` calling
`super().__setitem__`) run as the program's code, each touch of the items a step.

`dict` and `list` keep C's behaviour: their methods work on the items directly, so
`update()` does not call an overriding `__setitem__`, as CPython's does not; UserDict's and
UserList's are CPython's Python (Lib/collections/__init__.py, without the ABCs), which go
through `self[key]`. Their objects' `vars()` shows `data`, which a dict's subclass in CPython
keeps out of sight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..classes import class_of
from ..generators import PUSHED
from ..upcalls import UP
from .written import library_classes

if TYPE_CHECKING:
    from ..classes import UserClass
    from ..machine import Machine, Thread

CONTAINERS = '''
def _make():
    _missing = object()

    class dict:
        def __init__(self, other=(), /, **kwargs):
            self.data = {}
            self.data.update(other.data if isinstance(other, (dict, UserDict)) else other)
            self.data.update(kwargs)

        def __repr__(self):
            return repr(self.data)

        def __len__(self):
            return len(self.data)

        def __iter__(self):
            return iter(self.data)

        def __contains__(self, key):
            return key in self.data

        def __getitem__(self, key):
            if key in self.data:
                return self.data[key]
            if hasattr(type(self), "__missing__"):
                return self.__missing__(key)
            raise KeyError(key)

        def __setitem__(self, key, value):
            self.data[key] = value

        def __delitem__(self, key):
            del self.data[key]

        def __eq__(self, other):
            if isinstance(other, (dict, UserDict)):
                return self.data == other.data
            return self.data == other

        def __or__(self, other):
            return self.data | (other.data if isinstance(other, (dict, UserDict)) else other)

        def __ior__(self, other):
            self.update(other)
            return self

        def get(self, key, default=None):
            return self.data.get(key, default)

        def keys(self):
            return self.data.keys()

        def values(self):
            return self.data.values()

        def items(self):
            return self.data.items()

        def pop(self, key, default=_missing):
            if default is _missing:
                return self.data.pop(key)
            return self.data.pop(key, default)

        def popitem(self):
            return self.data.popitem()

        def setdefault(self, key, default=None):
            return self.data.setdefault(key, default)

        def update(self, other=(), /, **kwargs):
            self.data.update(other.data if isinstance(other, (dict, UserDict)) else other)
            self.data.update(kwargs)

        def clear(self):
            self.data.clear()

        def copy(self):
            return self.data.copy()

    class list:
        def __init__(self, iterable=(), /):
            self.data = []
            self.data.extend(iterable.data if isinstance(iterable, (list, UserList))
                             else iterable)

        def __repr__(self):
            return repr(self.data)

        def __len__(self):
            return len(self.data)

        def __iter__(self):
            return iter(self.data)

        def __reversed__(self):
            return reversed(self.data)

        def __contains__(self, item):
            return item in self.data

        def __getitem__(self, i):
            return self.data[i]

        def __setitem__(self, i, item):
            self.data[i] = item

        def __delitem__(self, i):
            del self.data[i]

        def __eq__(self, other):
            if isinstance(other, (list, UserList)):
                return self.data == other.data
            return self.data == other

        def __lt__(self, other):
            return self.data < (other.data if isinstance(other, (list, UserList)) else other)

        def __add__(self, other):
            return self.data + (other.data if isinstance(other, (list, UserList)) else other)

        def __iadd__(self, other):
            self.extend(other)
            return self

        def __mul__(self, n):
            return self.data * n

        def append(self, item):
            self.data.append(item)

        def extend(self, other):
            self.data.extend(other.data if isinstance(other, (list, UserList)) else other)

        def insert(self, i, item):
            self.data.insert(i, item)

        def pop(self, i=-1):
            return self.data.pop(i)

        def remove(self, item):
            self.data.remove(item)

        def index(self, item, *args):
            return self.data.index(item, *args)

        def count(self, item):
            return self.data.count(item)

        def clear(self):
            self.data.clear()

        def copy(self):
            return self.data.copy()

        def reverse(self):
            self.data.reverse()

        def sort(self, /, *, key=None, reverse=False):
            self.data.sort(key=key, reverse=reverse)

    class UserDict:
        def __init__(self, dict=None, /, **kwargs):
            self.data = {}
            if dict is not None:
                self.update(dict)
            if kwargs:
                self.update(kwargs)

        def __len__(self):
            return len(self.data)

        def __getitem__(self, key):
            if key in self.data:
                return self.data[key]
            if hasattr(self.__class__, "__missing__"):
                return self.__class__.__missing__(self, key)
            raise KeyError(key)

        def __setitem__(self, key, item):
            self.data[key] = item

        def __delitem__(self, key):
            del self.data[key]

        def __iter__(self):
            return iter(self.data)

        def __contains__(self, key):
            return key in self.data

        def __repr__(self):
            return repr(self.data)

        def __eq__(self, other):
            if isinstance(other, (dict, UserDict)):
                return self.data == other.data
            return self.data == other

        def get(self, key, default=None):
            if key in self:
                return self[key]
            return default

        def keys(self):
            return self.data.keys()

        def values(self):
            return [self[key] for key in self.data]

        def items(self):
            return [(key, self[key]) for key in self.data]

        def pop(self, key, default=_missing):
            try:
                value = self[key]
            except KeyError:
                if default is _missing:
                    raise
                return default
            del self[key]
            return value

        def popitem(self):
            try:
                key = next(iter(self))
            except StopIteration:
                raise KeyError from None
            value = self[key]
            del self[key]
            return key, value

        def setdefault(self, key, default=None):
            try:
                return self[key]
            except KeyError:
                self[key] = default
            return default

        def update(self, other=(), /, **kwds):
            if isinstance(other, (dict, UserDict)) or hasattr(other, "keys"):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
            for key, value in kwds.items():
                self[key] = value

        def clear(self):
            for key in [*self.data]:
                del self[key]

        def copy(self):
            return type(self)(self.data)

        def __or__(self, other):
            new = self.copy()
            new.update(other)
            return new

        def __ior__(self, other):
            self.update(other)
            return self

    class UserList:
        def __init__(self, initlist=None):
            self.data = []
            if initlist is not None:
                self.data.extend(initlist.data if isinstance(initlist, (list, UserList))
                                 else initlist)

        def __repr__(self):
            return repr(self.data)

        def __lt__(self, other):
            return self.data < (other.data if isinstance(other, (list, UserList)) else other)

        def __eq__(self, other):
            if isinstance(other, (list, UserList)):
                return self.data == other.data
            return self.data == other

        def __contains__(self, item):
            return item in self.data

        def __len__(self):
            return len(self.data)

        def __iter__(self):
            return iter(self.data)

        def __getitem__(self, i):
            if isinstance(i, int):
                return self.data[i]
            return self.__class__(self.data[i])  # a slice

        def __setitem__(self, i, item):
            self.data[i] = item

        def __delitem__(self, i):
            del self.data[i]

        def __add__(self, other):
            if isinstance(other, (list, UserList)):
                return self.__class__(self.data + other.data)
            return self.__class__(self.data + [*other])

        def __iadd__(self, other):
            self.extend(other)
            return self

        def __mul__(self, n):
            return self.__class__(self.data * n)

        def append(self, item):
            self.data.append(item)

        def insert(self, i, item):
            self.data.insert(i, item)

        def pop(self, i=-1):
            return self.data.pop(i)

        def remove(self, item):
            self.data.remove(item)

        def clear(self):
            self.data.clear()

        def copy(self):
            return self.__class__(self)

        def count(self, item):
            return self.data.count(item)

        def index(self, item, *args):
            return self.data.index(item, *args)

        def reverse(self):
            self.data.reverse()

        def sort(self, /, *args, **kwds):
            self.data.sort(*args, **kwds)

        def extend(self, other):
            self.data.extend(other.data if isinstance(other, (list, UserList)) else other)

    return {"dict": dict, "list": list, "collections.UserDict": UserDict,
            "collections.UserList": UserList}

_made = _make()
'''

#: The classes a program's class may derive from here, by key.
DERIVABLE = frozenset({"dict", "list", "collections.UserDict", "collections.UserList"})


def container_classes(m: Machine) -> dict[str, UserClass]:
    """The machine's written containers, by key."""
    made = library_classes(m, "collections", CONTAINERS)
    for key in ("dict", "list"):
        made[key].attrs["__module__"] = "builtins"
    return made


def _maker(key: str) -> Builtin:
    """`UserDict(...)`, `UserList(...)`: an object of the machine's own class."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        made, obj = UP.call_value(m, th, container_classes(m)[key], list(args), kwargs)[:2]
        return obj if made else PUSHED
    return Builtin(key.rpartition(".")[2], make, module="collections")


def held_items(value: Any) -> Any:
    """The dict an object of a class deriving from a written `dict` or `UserDict` holds, for
    what reads a mapping's items (`dict(registry)`); `value` itself otherwise."""
    return _held(value, ("dict", "UserDict"), dict)


def builtin_items(value: Any) -> Any:
    """The dict or list an object of a class deriving from `dict` or `list` holds, for what
    takes it for one (`json.dumps`); `value` itself otherwise."""
    return _held(value, ("dict", "list"), dict | list)


def _held(value: Any, names: tuple[str, ...], kind: Any) -> Any:
    cls = class_of(value)
    if cls is not None and any(
            c.name in names and c.attrs.get("__module__") == (
                "collections" if c.name.startswith("User") else "builtins") for c in cls.mro):
        data = value.attrs.get("data")
        if isinstance(data, kind):
            return data
    return value


#: collections' names for them.
TABLE: dict[str, Any] = {"UserDict": _maker("collections.UserDict"),
                         "UserList": _maker("collections.UserList")}
