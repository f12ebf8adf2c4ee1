"""Files: `open()`, `io.StringIO`, `io.BytesIO` and the run's own small filesystem, in memory.

Tutorials write their results or a log to a file and read it back. A run starts with an
empty directory of its own (the current one; `os.makedirs` adds others): a file exists once
the program has written it, so reading one it did not write is CPython's
`FileNotFoundError: [Errno 2] No such file or directory: 'data.txt'`. The files are kept
with the program's state (a hidden variable), so a snapshot carries them, and all of them
together hold at most MAX_CHARS characters.

A write reaches the file at once. CPython's buffers it until `flush()`, `close()`, the end of
its `with` block or the object's end, and that end is the refcount's: `open(p, "w").write(s)`
is in the file at the next line. A simulation without refcounts cannot find that moment, so
it writes through: only a program that reads a file while a handle it never flushed is still
open sees more than CPython shows. Each call on a file object is a step, as a call on a list
is. A `StringIO` is the same object over a string of its own.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, cast

from ..builtin import Builtin
from ..classes import Instance, UserClass
from ..errors import BudgetError
from ..iterators import WaitingIter
from ..values import LibraryObject, SimException, Thrown, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: Characters all the run's files may hold together, and how many files there may be (a
#: write costs a look at each: bounded).
MAX_CHARS = 1_000_000
MAX_FILES = 10_000
#: Linux's longest path and file name (`[Errno 36] File name too long` past them).
PATH_MAX, NAME_MAX = 4096, 255
#: CPython's io.DEFAULT_BUFFER_SIZE.
BUFFER = 8192
#: Where a machine keeps its files (path → text) and its directories (names no program can
#: write).
_FILES, _DIRS = ".files", ".dirs"


def files_of(m: Machine) -> dict[str, str]:
    return cast("dict[str, str]", m.globals.setdefault(_FILES, {}))


def dirs_of(m: Machine) -> dict[str, bool]:
    return cast("dict[str, bool]", m.globals.setdefault(_DIRS, {".": True}))


def fspath(path: Any) -> Any:
    """A `pathlib.Path`'s text (pathlib.py's class keeps it in `_str`); anything else as is."""
    if isinstance(path, Instance) and any(
            isinstance(c, UserClass) and c.attrs.get("__module__") == "pathlib"
            for c in path.cls.mro):
        return path.attrs.get("_str")
    return path


def key(path: Any, fname: str = "open") -> str:
    """The file's name in the run's filesystem: the path normalized (`./a/../b` is `b`)."""
    path = fspath(path)
    if not isinstance(path, str):
        raise fail("TypeError", f"{fname}: path should be string, bytes or os.PathLike, not "
                                f"{type_name(path)}" if fname != "open" else
                   f"expected str, bytes or os.PathLike object, not {type_name(path)}")
    if len(path) >= PATH_MAX or any(len(part) > NAME_MAX for part in path.split("/")):
        raise os_error("OSError", 36, "File name too long", path)  # Linux's limits
    return posixpath.normpath(path)


def os_error(kind: str, errno: int, text: str, path: str) -> Thrown:
    """CPython's `[Errno 2] No such file or directory: 'x.txt'`."""
    return Thrown(SimException(kind, (errno, text), attrs={"filename": path}))


def not_found(path: str) -> Thrown:
    return os_error("FileNotFoundError", 2, "No such file or directory", path)


def store(m: Machine, path: str, text: str) -> None:
    """Set a file's text, within the filesystem's budget."""
    _store(files_of(m), path, text)


def _store(files: dict[str, str], path: str, text: str) -> None:
    if path not in files and len(files) >= MAX_FILES:
        raise os_error("OSError", 28, "No space left on device", path)
    if sum(map(len, files.values())) - len(files.get(path, "")) + len(text) > MAX_CHARS:
        raise BudgetError(f"the program's files would hold more than {MAX_CHARS:,} "
                          f"characters")
    files[path] = text


def rename_file(m: Machine, src: str, dst: str) -> None:
    """Give file `src` the name `dst` (replacing it), if `src` exists."""
    files = files_of(m)
    if key(src) in files:
        files[key(dst)] = files.pop(key(src))


def _parent_exists(m: Machine, path: str) -> bool:
    return (posixpath.dirname(path) or ".") in dirs_of(m)


class File(LibraryObject, WaitingIter):
    """A file `open()` returned, or a StringIO (`path` None: its text is its own). Reading
    and writing start at `pos` (appending, at the end)."""

    __slots__ = ("path", "name", "mode", "text", "pos", "closed", "binary", "universal",
                 "files")
    METHODS = frozenset({"read", "readline", "readlines", "write", "writelines", "flush",
                         "close", "seek", "tell", "truncate", "readable", "writable",
                         "getvalue", "isatty", "__enter__", "__exit__", "__iter__",
                         "__next__"})
    ATTRIBUTES = frozenset({"name", "mode", "closed", "encoding"})
    shared = True

    def __init__(self, path: str | None, name: str, mode: str, text: str = "") -> None:
        self.path = path
        self.name = name
        self.mode = mode
        self.text = text  # a StringIO's
        self.pos = 0
        self.closed = False
        self.binary = "b" in mode
        #: `newline=None` (the default): a read gives "\r\n" as "\n" (csv writes "\r\n").
        self.universal = not self.binary
        #: The run's files (the machine's, io.files_of), for a file: a built-in that walks it
        #: (`enumerate(f)`, `list(f)`) reads them without the machine.
        self.files: dict[str, str] = {}

    def __repr__(self) -> str:
        if self.path is None:
            return f"<_io.{'BytesIO' if self.binary else 'StringIO'} object>"
        if self.binary:
            kind = "BufferedReader" if self.mode == "rb" else "BufferedWriter"
            return f"<_io.{kind} name={self.name!r}>"
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

    @property
    def type_name(self) -> str:  # type: ignore[override]
        if self.path is None:
            return "_io.BytesIO" if self.binary else "_io.StringIO"
        return "_io.BufferedReader" if self.binary else "_io.TextIOWrapper"

    def describe(self) -> str:
        return repr(self)

    def why(self, m: Machine, th: Thread) -> str | None:
        return None

    def why_all(self) -> str | None:
        return None

    def take(self, m: Machine | None, th: Thread | None) -> tuple[bool, Any]:
        """The next line, for `for line in f` (`m` is None for a built-in's walk)."""
        self._check_open()
        line = self._readline(-1)
        return (True, self._out(line)) if line else (False, None)

    def attribute(self, name: str) -> Any:
        if name == "encoding":
            return "UTF-8"
        return {"name": self.name, "mode": self.mode, "closed": self.closed}[name]

    # -- the text --------------------------------------------------------------------------

    def size(self) -> int:
        """The file's length now (a log handler's `stream.tell()`)."""
        return len(self._content())

    def _content(self) -> str:
        return self.text if self.path is None else self.files.get(self.path, "")

    def _set(self, text: str) -> None:
        if self.path is None:
            self.text = text
        elif self.path in self.files:  # a file removed meanwhile keeps nobody's writes
            _store(self.files, self.path, text)

    def _put(self, data: str) -> None:
        """Write at the position; past the end, the gap is NULs, as CPython's. A StringIO
        holds at most MAX_CHARS characters, as all the files together do (checked before the
        text is made: a seek may point far past the end)."""
        text = self._content()
        if "a" in self.mode:
            self.pos = len(text)
        if max(len(text), self.pos + len(data)) > MAX_CHARS:
            raise BudgetError(f"a {self.type_name} would hold more than {MAX_CHARS:,} "
                              "characters" if self.path is None else
                              f"the program's files would hold more than {MAX_CHARS:,} "
                              "characters")
        self._set(text[:self.pos].ljust(self.pos, "\0") + data + text[self.pos + len(data):])
        self.pos += len(data)

    def _readline(self, size: int) -> str:
        text = self._content()
        end = text.find("\n", self.pos)
        end = len(text) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self.pos + size)
        line, self.pos = text[self.pos:end], end
        return line

    def _check_open(self) -> None:
        if self.closed:
            raise fail("ValueError", "I/O operation on closed file" + (
                "." if self.path is not None else ""))

    def _can(self, reading: bool) -> None:
        plus = "+" in self.mode or self.path is None
        if not plus and (self.mode[0] == "r") != reading:
            raise Thrown(SimException("io.UnsupportedOperation",
                                      ("not readable" if reading else "not writable",)))

    def _out(self, value: str) -> Any:
        if self.binary:
            return value.encode("utf-8", "surrogateescape")
        return value.replace("\r\n", "\n") if self.universal else value

    # -- the methods -----------------------------------------------------------------------

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if name == "__enter__":
            self._check_open()
            return self
        if name in ("__exit__", "close"):
            self.closed = True
            return None
        if name in ("__iter__", "isatty", "readable", "writable", "tell", "getvalue"):
            self._check_open()
            return {"__iter__": self, "isatty": False, "tell": self.pos,
                    "readable": "r" in self.mode or "+" in self.mode or self.path is None,
                    "writable": self.mode[0] != "r" or "+" in self.mode or self.path is None,
                    "getvalue": self._out(self.text)}.get(name)
        self._check_open()
        if name == "__next__":
            has, line = self.take(m, None)
            if not has:
                raise fail("StopIteration")
            return line
        if name in ("write", "writelines"):
            return self._write(m, name, args, kwargs)
        if name == "flush":
            return None
        if name == "seek":
            return self._seek(m, *args)
        if name == "truncate":
            return self._truncate(*args, **kwargs)
        self._can(True)
        size = args[0] if args else kwargs.get("size", -1)
        size = -1 if size is None else size
        if not isinstance(size, int):
            raise fail("TypeError", f"argument should be integer or None, not "
                                    f"'{type_name(size)}'")
        if name == "readline":
            return self._out(self._readline(size))
        if name == "readlines":
            lines = []
            while line := self._readline(-1):
                lines.append(self._out(line))
            return lines
        text = self._content()
        end = len(text) if size < 0 else min(len(text), self.pos + size)
        part, self.pos = text[self.pos:end], end
        return self._out(part)

    def _write(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        self._can(False)
        if len(args) != 1 or kwargs:
            raise fail("TypeError", f"{name}() takes exactly one argument ({len(args)} given)")
        parts = [args[0]] if name == "write" else list(args[0])
        for part in parts:
            if self.binary and not isinstance(part, bytes | bytearray):
                raise fail("TypeError", f"a bytes-like object is required, not "
                                        f"'{type_name(part)}'")
            if not self.binary and not isinstance(part, str):
                raise fail("TypeError", f"write() argument must be str, not {type_name(part)}"
                           if self.path is not None else
                           f"string argument expected, got '{type_name(part)}'")
        self._put("".join(p.decode("utf-8", "surrogateescape") if self.binary else p
                             for p in parts))
        return len(parts[0]) if name == "write" else None

    def _seek(self, m: Machine, offset: Any = 0, whence: Any = 0) -> int:
        if not isinstance(offset, int) or not isinstance(whence, int):
            raise fail("TypeError", "an integer is required")
        if whence == 2:
            offset += len(self._content())
        elif whence == 1:
            offset += self.pos
        if offset < 0:
            raise fail("ValueError", f"negative seek position {offset}")
        self.pos = offset
        return self.pos

    def _truncate(self, size: Any = None) -> int:
        """`truncate(size)`: the text cut at `size` (the position by default); the position
        stays."""
        self._can(False)
        size = self.pos if size is None else size
        if not isinstance(size, int):
            raise fail("TypeError", f"'{type_name(size)}' object cannot be interpreted as an "
                                    "integer")
        if size < 0:
            raise fail("ValueError", f"negative size value {size}")
        self._set(self._content()[:size])
        return size

    def write_text(self, m: Machine, texts: list[str]) -> None:
        """`print(..., file=f)`."""
        self.call(m, "write", ["".join(texts)], {})


_MODES = frozenset({"r", "w", "a", "x"})


def open_file(m: Machine, th: Thread, file: Any, mode: Any = "r", buffering: Any = -1,
          encoding: Any = None, errors: Any = None, newline: Any = None) -> File:
    """`open(file, mode)`: text or binary, to read (`r`), write (`w`, `x`) or append (`a`),
    `+` for both."""
    path, file = key(file), fspath(file)
    if not isinstance(mode, str):
        raise fail("TypeError", f"open() argument 'mode' must be str, not {type_name(mode)}")
    kinds = [c for c in mode if c in _MODES]
    if len(set(mode)) != len(mode) or any(c not in "rwaxbt+" for c in mode):
        raise fail("ValueError", f"invalid mode: '{mode}'")
    if "b" in mode and "t" in mode:
        raise fail("ValueError", "can't have text and binary mode at once")
    if len(kinds) != 1:
        raise fail("ValueError", "must have exactly one of create/read/write/append mode")
    if "b" in mode and encoding is not None:
        raise fail("ValueError", "binary mode doesn't take an encoding argument")
    files, kind = files_of(m), kinds[0]
    if path in dirs_of(m):
        raise os_error("IsADirectoryError", 21, "Is a directory", file)
    if kind == "r" and path not in files:
        raise not_found(file)
    if kind == "x" and path in files:
        raise os_error("FileExistsError", 17, "File exists", file)
    if kind != "r" and not _parent_exists(m, path):
        raise not_found(file)
    if kind in "wx":
        store(m, path, "")
    elif kind == "a":
        if path not in files:
            _store(files, path, "")
    # CPython's mode attribute: 'r', 'w', 'a+'…, 'rb' for a binary file
    shown = mode.replace("t", "") if "b" not in mode else kind + "b" + ("+" if "+" in mode
                                                                       else "")
    f = File(path, file, shown)
    f.files = files
    f.universal = f.universal and newline is None
    if kind == "a":
        f.pos = len(files[path])
    return f


def _bytes_io(m: Machine, th: Thread, initial_bytes: Any = b"") -> File:
    """`io.BytesIO(b"...")`: a StringIO of bytes (kept as their text, as a binary file's)."""
    if initial_bytes is None:
        initial_bytes = b""
    if not isinstance(initial_bytes, bytes | bytearray):
        raise fail("TypeError", f"a bytes-like object is required, not "
                                f"'{type_name(initial_bytes)}'")
    buffer = File(None, "", "wb+", bytes(initial_bytes).decode("utf-8", "surrogateescape"))
    buffer.universal = False
    return buffer


def _string_io(m: Machine, th: Thread, initial_value: Any = "", newline: Any = "\n") -> File:
    if initial_value is None:
        initial_value = ""
    if not isinstance(initial_value, str):
        raise fail("TypeError", f"initial_value must be str or None, not "
                                f"{type_name(initial_value)}")
    buffer = File(None, "", "w+", initial_value)
    buffer.universal = False  # StringIO's newline is "\n": nothing to translate
    return buffer


#: The built-in `open`, which is `io.open`.
OPEN = Builtin("open", open_file, "always")

TABLE: dict[str, Any] = {
    "StringIO": Builtin("StringIO", _string_io, module="io"),
    "BytesIO": Builtin("BytesIO", _bytes_io, module="io"),
    "open": OPEN,
    "DEFAULT_BUFFER_SIZE": BUFFER,
}
HINT = ("Supported from io: StringIO and BytesIO (write, read, getvalue, seek …) and open; "
        "files live in the run's own in-memory directory.")
