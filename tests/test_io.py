"""stdlib/io.py and os.py's files: `open()`, `io.StringIO`, `os.path` and the run's own
directory, against CPython 3.13 run in an empty directory of its own."""

from __future__ import annotations

import subprocess
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT
from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]

PROGRAMS = {
    "write_then_read": """
        with open("out.txt", "w") as f:
            print(f.write("one\\n"), f.name, f.mode, f.closed)
            f.writelines(["two\\n", "three"])
        print(f.closed)
        with open("out.txt") as f:
            print(repr(f.read()))
        with open("out.txt") as f:
            print(f.readline(), end="")
            print([line for line in f])
        print(open("out.txt").readlines())
        with open("out.txt") as f:
            print(list(enumerate(f, 1)), sorted(open("out.txt")), max(open("out.txt"), key=len))
    """,
    "append_and_one_liners": """
        open("log.txt", "w").write("start\\n")
        f = open("log.txt", "a")
        f.write("a\\n")
        f.flush()
        print(repr(open("log.txt").read()))
        f.write("b\\n")
        f.close()
        g = open("log.txt", "a")
        print(g.tell())
        g.write("c\\n")
        g.close()
        print(open("log.txt").read().splitlines())
    """,
    "missing_and_errors": """
        import os
        for args in [("nope.txt",), ("dir/x.txt", "w"), ("x.txt", "q"), ("x.txt", "rw")]:
            try:
                open(*args)
            except (OSError, ValueError) as e:
                print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))
        open("x.txt", "w").close()
        try:
            open("x.txt", "x")
        except FileExistsError as e:
            print(e.errno, e.strerror)
        f = open("x.txt")
        f.close()
        try:
            f.read()
        except ValueError as e:
            print(e)
        with open("x.txt", "w") as f:
            try:
                f.read()
            except OSError as e:
                print(type(e).__name__, e)
            try:
                f.write(5)
            except TypeError as e:
                print(e)
    """,
    "os_functions": """
        import os
        import os.path
        from os.path import join
        print(os.path.join("a", "b", "c.txt"), join("/x", "y"), os.path.basename("a/b.csv"))
        print(os.path.dirname("a/b/c"), os.path.splitext("r.tar.gz"), os.path.split("p/q"))
        print(os.path.exists("data"), os.listdir("."))
        os.makedirs("data/raw", exist_ok=True)
        os.makedirs("data/raw", exist_ok=True)
        with open(os.path.join("data", "raw", "a.txt"), "w") as f:
            f.write("hello")
        print(os.path.exists("data"), os.path.isdir("data"), os.path.isfile("data/raw/a.txt"))
        print(os.path.getsize("data/raw/a.txt"), sorted(os.listdir("data/raw")), os.listdir())
        os.rename("data/raw/a.txt", "data/b.txt")
        print(sorted(os.listdir("data")))
        os.remove("data/b.txt")
        print(os.path.exists("data/b.txt"), os.sep)
        try:
            os.makedirs("data")
        except FileExistsError as e:
            print(e)
        try:
            os.remove("data/b.txt")
        except FileNotFoundError as e:
            print(e)
    """,
    "string_io": """
        import io
        buf = io.StringIO()
        print(buf.write("abc"), file=buf)
        print("x", 1, sep="-", file=buf)
        print(repr(buf.getvalue()), buf.tell())
        buf.seek(0)
        print(repr(buf.readline()), repr(buf.read()))
        s = io.StringIO("l1\\nl2\\n")
        print(list(s), s.readable(), s.writable())
        with io.StringIO("x") as t:
            print(t.read())
        try:
            t.getvalue()
        except ValueError as e:
            print(e)
    """,
    "print_to_a_file": """
        import sys
        from contextlib import redirect_stdout
        with open("out.txt", "w") as f, redirect_stdout(f):
            print("to the file")
            sys.stdout.write("written\\n")
        with open("out.txt", "a") as f:
            print("appended", 1, sep="-", file=f)
        print(open("out.txt").read(), end="")
    """,
    "json_dump_and_load": """
        import io, json
        with open("r.json", "w") as f:
            json.dump({"b": [1, 2.5, None], "a": True}, f, indent=2, sort_keys=True)
        print(open("r.json").read())
        with open("r.json") as f:
            print(json.load(f))
        buf = io.StringIO()
        json.dump([1, "x"], buf)
        buf.seek(0)
        print(buf.getvalue(), json.load(buf))
        try:
            json.dump(1, "name.json")
        except AttributeError as e:
            print(e)
    """,
    "csv_tables": """
        import csv, io
        rows = [("ann", 3, 1.5), ("bob, jr", None, 'say "hi"')]
        with open("t.csv", "w", newline="") as f:
            w = csv.writer(f)
            print(w.writerow(["name", "n", "x"]))
            w.writerows(rows)
        print(repr(open("t.csv").read()), repr(open("t.csv", newline="").read()))
        with open("t.csv", newline="") as f:
            reader = csv.reader(f)
            print(next(reader))
            for row in reader:
                print(row)
        with open("d.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["id", "score"])
            w.writeheader()
            w.writerows([{"id": 1, "score": 9.5}, {"id": 2}])
            try:
                w.writerow({"id": 3, "oops": 1})
            except ValueError as e:
                print(e)
        with open("d.csv") as f:
            for rec in csv.DictReader(f):
                print(rec)
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\\n")
        w.writerow([1, "a"])
        print(repr(buf.getvalue()))
        try:
            csv.writer(buf).writerow(5)
        except csv.Error as e:
            print(type(e).__name__, e)
    """,
    "pathlib_paths": """
        from pathlib import Path
        print(repr(Path("a") / "b.txt"), Path("a/b.tar.gz").suffix, Path("a/b.tar.gz").stem)
        print(Path("a/b").parent, repr(Path("/").name), Path("a/b").parts, Path("x") == "x")
        print(Path("a//./b/"), Path("/x", "y"), Path("a", "/b"), "pre" / Path("x"))
        out = Path("out")
        out.mkdir(exist_ok=True)
        out.mkdir(exist_ok=True)
        print((out / "x.txt").write_text("hi"), (out / "x.txt").read_text())
        print((out / "x.txt").stat().st_size)
        (out / "y.csv").write_text("1,2")
        print(sorted(out.iterdir()), sorted(out.glob("*.txt")), out.exists(), out.is_dir())
        print(Path("a/b.txt").with_suffix(".csv"), Path("a/b.txt").with_name("c.md"))
        with open(out / "x.txt") as f:
            print(f.name, f.read())
        try:
            Path("missing.txt").read_text()
        except FileNotFoundError as e:
            print(e)
        (out / "x.txt").unlink()
        print({Path("a"): 1}[Path("a")], Path("x.tar.gz").suffixes, (out / "x.txt").exists())
        Path("deep/er").mkdir(parents=True)
        print(Path("deep/er").is_dir(), sorted([Path("b"), Path("a/c")]))
    """,
    "bytes_io": """
        import hashlib, io
        b = io.BytesIO(b"abc")
        print(b.read(2), b.read(), b.getvalue(), type(b).__name__)
        b.write("é".encode())
        print(b.getvalue(), hashlib.md5(b.getvalue()).hexdigest()[:8])
        try:
            b.write("text")
        except TypeError as e:
            print(e)
    """,
    "rebinding_sys_stdout": """
        import io, sys, threading
        original = sys.stdout
        sys.stdout = open("captured.txt", "w")
        print("into the file")
        t = threading.Thread(target=lambda: print("from a thread"))
        t.start()
        t.join()
        print("straight out", file=original)
        sys.stdout.write("written\\n")
        sys.stdout.close()
        sys.stdout = sys.__stdout__
        print(open("captured.txt").read().splitlines(), sys.stdout is original)
        buf = io.StringIO()
        sys.stderr = buf
        print("an error", file=sys.stderr)
        sys.stderr = sys.__stderr__
        print(repr(buf.getvalue()))
    """,
    "a_tee_of_the_programs": """
        import sys, threading, traceback
        class Tee:
            def __init__(self, *targets):
                self.targets = targets
                self.calls = 0
            def write(self, text):
                self.calls += 1
                for target in self.targets:
                    target.write(text)
            def flush(self):
                pass
        log = open("tee.log", "w")
        tee = Tee(sys.stdout, log)
        sys.stdout = tee
        print("hello", 42)
        t = threading.Thread(target=print, args=("from", "thread"), kwargs={"sep": "-"})
        t.start()
        t.join()
        traceback.print_exception(ZeroDivisionError("not raised"), file=tee)
        sys.stdout = sys.__stdout__
        log.close()
        print(tee.calls, open("tee.log").read().splitlines()[-1])
    """,
    "seek_and_modes": """
        with open("n.txt", "w+") as f:
            f.write("hello world")
            f.seek(0)
            print(f.read(5), f.tell())
            f.seek(6)
            f.write("there")
            f.seek(0)
            print(f.read())
        with open("n.txt", "rb") as f:
            print(f.read(), f.mode)
        with open("b.bin", "wb") as f:
            f.write(b"\\x00ab")
        print(open("b.bin", "rb").read(), open("n.txt", "r+").read(3))
    """,
}


def _cpython(source: str, where: str) -> list[str]:
    done = subprocess.run([str(CPYTHON_313), "-c", source], capture_output=True, text=True,
                          timeout=CPYTHON_TIMEOUT, cwd=where)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_files_as_cpython(name, tmp_path):
    source = textwrap.dedent(PROGRAMS[name])
    done = outcome(source)
    assert done.kind == "done", (done.kind, done.reason, done.errors)
    assert list(done.output) == _cpython(source, str(tmp_path))


def test_each_run_starts_with_no_files():
    source = "import os\nprint(os.listdir())\nopen('a.txt', 'w').close()\n"
    assert list(outcome(source).output) == ["[]"] == list(outcome(source).output)


def test_files_hold_a_bounded_amount():
    done = outcome("f = open('big.txt', 'w')\nfor _ in range(200):\n    f.write('x' * 10_000)\n")
    assert done.kind == "limit" and "characters" in done.reason


def test_names_and_files_are_bounded_as_linux_and_the_budget_bound_them():
    done = outcome("import os\nfor name in ['a' * 300, 'a/' * 3000]:\n    try:\n"
                   "        open(name, 'w')\n    except OSError as e:\n"
                   "        print(e.errno, e.strerror)\n"
                   "for i in range(20_000):\n    open(f'{i}.txt', 'w').close()\n")
    assert list(done.output) == ["36 File name too long"] * 2
    assert done.errors[0].message == "[Errno 28] No space left on device: '10000.txt'"


@pytest.mark.parametrize("program", [
    "buf = io.StringIO()\nfor i in range(3):\n    print('line', i, file=buf)\n"
    "print(repr(buf.getvalue()), buf.tell())\nbuf.seek(0)\n"
    "print(repr(buf.readline()), repr(buf.read(4)), buf.readlines())",
    "buf = io.StringIO('hello world')\nprint(buf.tell(), buf.write('HELLO'), buf.getvalue())",
    "with io.StringIO('a\\nb\\n') as s:\n    print(s.read(), s.closed)\nprint(s.closed)\n"
    "s.write('x')",
    "b = io.StringIO()\nprint(b.write('abc'), b.writelines(['d', 'e']), b.getvalue(), "
    "b.truncate(2), b.getvalue())\nb.write(5)",
    "b = io.StringIO()\nb.seek(3)\nb.write('x')\nprint(repr(b.getvalue()))",
    "io.StringIO(5)",
])
def test_a_string_buffer_answers_as_cpython(cpython_worker: Answer, program):
    source = "import io\n" + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)
