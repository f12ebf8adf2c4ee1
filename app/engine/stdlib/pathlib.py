"""`pathlib`: `Path` (a `PosixPath`) over the run's own files (io.py): the `/` operator, `name`,
`stem`, `suffix`, `parent`, `parts`, `exists`, `mkdir`, `write_text`, `read_text`, `open`,
`iterdir`, `glob("*.txt")`, `stat().st_size`, `unlink`, `rename`.

Written in Python, as the program's own code runs (stdlib/written.py): a path is an object of
a class with `__truediv__`, `__eq__`, `__hash__` and `__lt__`, which dicts, sets and `sorted`
already know how to use, and its file methods call `open()` and the os functions, each a step
as the program's own call would be. `open(path)` and the os functions take one (io.py's
`key`). `glob` matches `*` and `?` in the last part only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..builtin import Builtin
from ..generators import PUSHED
from ..upcalls import UP
from . import os
from .io import OPEN
from .written import library_classes

if TYPE_CHECKING:
    from ..machine import Machine, Thread

HINT = ("Supported from pathlib: Path (PosixPath): /, name, stem, suffix, suffixes, parent, "
        "parts, joinpath, with_name, with_suffix, is_absolute, exists, is_file, is_dir, mkdir, "
        "write_text, read_text, write_bytes, read_bytes, open, iterdir, glob('*.txt'), "
        "stat().st_size, unlink, rename, over the run's own in-memory directory.")

SOURCE = '''
def _make(_open, _exists, _isfile, _isdir, _getsize, _makedirs, _mkdir, _listdir, _remove,
          _rename):
    class stat_result:
        def __init__(self, size):
            self.st_size = size

    def _clean(text):
        absolute = text.startswith("/")
        parts = [p for p in text.split("/") if p and p != "."]
        out = "/".join(parts)
        if absolute:
            return "/" + out
        return out or "."

    def _matches(name, pattern):
        if not pattern:
            return not name
        if pattern[0] == "*":
            return any(_matches(name[i:], pattern[1:]) for i in range(len(name) + 1))
        if not name:
            return False
        return (pattern[0] == "?" or pattern[0] == name[0]) and _matches(name[1:], pattern[1:])

    class PosixPath:
        def __init__(self, *args):
            text = ""
            for arg in args:
                if isinstance(arg, PosixPath):
                    arg = arg._str
                if not isinstance(arg, str):
                    raise TypeError("argument should be a str or an os.PathLike object where "
                                    "__fspath__ returns a str, not "
                                    + repr(type(arg).__name__))
                if arg.startswith("/") or not text:
                    text = arg
                elif arg:
                    text = text + "/" + arg
            self._str = _clean(text)

        def __truediv__(self, key):
            if isinstance(key, (str, PosixPath)):
                return PosixPath(self, key)
            return NotImplemented

        def __rtruediv__(self, key):
            if isinstance(key, str):
                return PosixPath(key, self)
            return NotImplemented

        def __str__(self):
            return self._str

        def __fspath__(self):
            return self._str

        def __repr__(self):
            return "PosixPath(" + repr(self._str) + ")"

        def __eq__(self, other):
            if not isinstance(other, PosixPath):
                return NotImplemented
            return self._str == other._str

        def __hash__(self):
            return hash(self._str)

        def __lt__(self, other):
            if not isinstance(other, PosixPath):
                return NotImplemented
            return self.parts < other.parts

        @property
        def parts(self):
            if self._str == ".":
                return ()
            if self._str.startswith("/"):
                return ("/",) + tuple(p for p in self._str.split("/") if p)
            return tuple(self._str.split("/"))

        @property
        def name(self):
            if self._str in (".", "/"):
                return ""
            return self._str.rsplit("/", 1)[-1]

        @property
        def suffix(self):
            name = self.name
            i = name.rfind(".")
            return name[i:] if 0 < i < len(name) - 1 else ""

        @property
        def suffixes(self):
            name = self.name
            if name.endswith("."):
                return []
            return ["." + s for s in name.lstrip(".").split(".")[1:]]

        @property
        def stem(self):
            name = self.name
            i = name.rfind(".")
            return name[:i] if 0 < i < len(name) - 1 else name

        @property
        def parent(self):
            if self._str in (".", "/"):
                return self
            if "/" not in self._str:
                return PosixPath(".")
            head = self._str.rsplit("/", 1)[0]
            return PosixPath(head or "/")

        def joinpath(self, *others):
            return PosixPath(self, *others)

        def with_name(self, name):
            if not self.name:
                raise ValueError(repr(self) + " has an empty name")
            return self.parent / name

        def with_suffix(self, suffix):
            if suffix and not suffix.startswith("."):
                raise ValueError("Invalid suffix " + repr(suffix))
            return self.parent / (self.stem + suffix)

        def is_absolute(self):
            return self._str.startswith("/")

        def exists(self):
            return _exists(self._str)

        def is_file(self):
            return _isfile(self._str)

        def is_dir(self):
            return _isdir(self._str)

        def mkdir(self, mode=0o777, parents=False, exist_ok=False):
            if exist_ok and _isdir(self._str):
                return
            if parents:
                _makedirs(self._str)
            else:
                _mkdir(self._str)

        def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
            return _open(self._str, mode, buffering, encoding, errors, newline)

        def write_text(self, data, encoding=None, errors=None, newline=None):
            if not isinstance(data, str):
                raise TypeError("data must be str, not " + type(data).__name__)
            with _open(self._str, "w", -1, encoding, errors, newline) as f:
                return f.write(data)

        def read_text(self, encoding=None, errors=None, newline=None):
            with _open(self._str, "r", -1, encoding, errors, newline) as f:
                return f.read()

        def write_bytes(self, data):
            with _open(self._str, "wb") as f:
                return f.write(data)

        def read_bytes(self):
            with _open(self._str, "rb") as f:
                return f.read()

        def iterdir(self):
            return (self / name for name in _listdir(self._str))

        def glob(self, pattern):
            return (self / name for name in _listdir(self._str) if _matches(name, pattern))

        def stat(self):
            return stat_result(_getsize(self._str))

        def unlink(self, missing_ok=False):
            if missing_ok and not _exists(self._str):
                return
            _remove(self._str)

        def rename(self, target):
            _rename(self._str, str(target))
            return PosixPath(target)

    return {"pathlib.PosixPath": PosixPath}

_made = _make(*_given)
'''


def path_classes(m: Machine) -> dict[str, Any]:
    """The machine's written PosixPath, by key."""
    return library_classes(m, "pathlib", SOURCE, OPEN, *(os.PATH_TABLE[name] for name in (
        "exists", "isfile", "isdir", "getsize")), *(os.TABLE[name] for name in (
            "makedirs", "mkdir", "listdir", "remove", "rename")))


def _path(m: Machine, th: Thread, *args: Any) -> Any:
    """`Path(*parts)`: a PosixPath, as on CPython's Linux."""
    made, obj = UP.call_value(m, th, path_classes(m)["pathlib.PosixPath"], list(args), {})[:2]
    return obj if made else PUSHED


TABLE: dict[str, Any] = {name: Builtin(name, _path, module="pathlib")
                         for name in ("Path", "PosixPath", "PurePath", "PurePosixPath")}
