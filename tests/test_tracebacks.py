"""tracebacks.py: `traceback.print_exc()`/`format_exc()`, `logging.exception()`, the report
of an exception that ends a thread, and MainThread's uncaught exception print CPython 3.13's
traceback, frames, source lines and carets: each program runs as a script (`python prog.py`,
its path shown as `prog.py`, as bench/corpus.py records them) and in the engine, and both
streams must match."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from app.engine import RoundRobin, compile_program, run
from app.engine.tracebacks import FUTURES, THREADING_PY
from tests.support.cpython import CPYTHON_313, CPYTHON_TIMEOUT

PROGRAMS = {
    "print_exc, format_exc and logging.exception": """
        import logging, traceback
        def f(x):
            return 1 / x
        try:
            f(0)
        except Exception:
            traceback.print_exc()
            print(traceback.format_exc())
            logging.exception("oops")
    """,
    "a thread's uncaught exception": """
        import threading
        def inner(d):
            return d["missing"]
        def worker():
            value = inner({})
        t = threading.Thread(target=worker)
        t.start()
        t.join()
        print("main goes on")
    """,
    "MainThread's uncaught exception, after a thread's output": """
        import threading
        def work():
            print("worker")
        t = threading.Thread(target=work)
        t.start()
        t.join()
        def lookup(d):
            return d["b"]
        print(lookup({"a": 1}))
    """,
    "an exception raised while handling another, with and without from None": """
        import threading, traceback
        def lookup(d):
            try:
                return d["k"]
            except KeyError:
                raise ValueError("no k")
        def quiet(d):
            try:
                return d["k"]
            except KeyError:
                raise ValueError("no k, quietly") from None
        try:
            lookup({})
        except ValueError:
            traceback.print_exc()
        try:
            quiet({})
        except ValueError:
            traceback.print_exc()
        t = threading.Thread(target=lookup, args=({},))
        t.start()
        t.join()
    """,
    "a Thread subclass's run": """
        import threading
        class Worker(threading.Thread):
            def run(self):
                self.step()
            def step(self):
                print(self.missing)
        w = Worker()
        w.start()
        w.join()
    """,
    "the program's own threading.excepthook, and format_exception": """
        import sys, threading, traceback
        def hook(args):
            print(f"caught {args.exc_type.__name__}: {args.exc_value} in {args.thread.name}")
            traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback)
        threading.excepthook = hook
        def work():
            raise ValueError("bad")
        t = threading.Thread(target=work)
        t.start()
        t.join()
        try:
            int("x")
        except ValueError as e:
            print(traceback.format_exception(e)[-1], end="")
            traceback.print_exception(e, file=sys.stdout)
    """,
    "a pool's call's exception, raised again by result()": """
        import logging
        from concurrent.futures import ThreadPoolExecutor, as_completed
        def job(x):
            return 10 // x
        def main():
            with ThreadPoolExecutor(2) as ex:
                futures = {ex.submit(job, x): x for x in [5, 0]}
                for f in as_completed(futures):
                    try:
                        print(futures[f], f.result())
                    except ZeroDivisionError:
                        logging.exception("job %d failed", futures[f])
        main()
    """,
    "a Timer's function": """
        import threading
        def ring(n):
            return n / 0
        t = threading.Timer(0.01, ring, args=(1,))
        t.start()
        t.join()
    """,
    "the arguments of a thread's target": """
        import threading
        def f(a, b):
            pass
        t = threading.Thread(target=f, args=(1,))
        t.start()
        t.join()
    """,
    "the main thread's exception, printed": """
        import traceback
        def check(n):
            if n > 2:
                raise ValueError(f"too big: {n}")
            return n
        total = 0
        try:
            for i in range(5):
                total = total + check(i)
        except ValueError:
            traceback.print_exc()
    """,
    "raised again, bare and by name": """
        import traceback
        def f():
            return [][1]
        try:
            try:
                f()
            except IndexError:
                raise
        except IndexError:
            traceback.print_exc()
        try:
            f()
        except IndexError as e:
            try:
                raise e
            except IndexError:
                traceback.print_exc()
    """,
    "inside a generator expression, a map and a lambda": """
        import traceback
        def half(x):
            return 10 // x
        for make in (lambda: sum(half(x) for x in [1, 0]), lambda: list(map(half, [0])),
                     lambda: sorted([1, 2], key=lambda v: v.missing)):
            try:
                make()
            except Exception:
                traceback.print_exc()
    """,
    "carets: attributes, names, subscripts, whole lines": """
        import traceback
        class Box:
            pass
        box = Box()
        def attribute():
            print(box.size)
        def name():
            return undefined_name + 1
        def whole():
            raise KeyError("k")
        def assigned():
            x = whole()
        def returned():
            return whole()
        def indexed():
            return {"a": {}}["a"]["b"]
        for f in (attribute, name, whole, assigned, returned, indexed):
            try:
                f()
            except Exception:
                traceback.print_exc()
    """,
    "a cause, raised and not, and PEP 479's": """
        import traceback
        class ConfigError(Exception):
            pass
        def load(d):
            try:
                return d["port"]
            except KeyError as e:
                raise ConfigError("no port") from e
        def gen():
            yield next(iter([]))
        def thrown():
            g = (x for x in [1, 2])
            next(g)
            g.throw(ValueError("x"))
        for f in (lambda: load({}), lambda: next(gen()), thrown):
            try:
                f()
            except Exception:
                traceback.print_exc()
        try:
            raise ConfigError("plain") from ValueError("never raised")
        except ConfigError as e:
            traceback.print_exception(e)
    """,
    "logger.exception in threads, a lock held": """
        import logging, threading
        logging.basicConfig(format="%(threadName)s %(levelname)s %(message)s")
        log = logging.getLogger("jobs")
        lock = threading.Lock()
        def job(n):
            with lock:
                try:
                    {}[n]
                except KeyError:
                    log.exception("job %d failed", n)
        ts = [threading.Thread(target=job, args=(i,), name=f"T{i}") for i in range(2)]
        for t in ts:
            t.start()
            t.join()
    """,
    "a context manager's __exit__ given the traceback": """
        import traceback, sys
        class Guard:
            def __enter__(self):
                return self
            def __exit__(self, kind, value, tb):
                if tb is not None:
                    print("exit:", kind.__name__, value, tb.tb_lineno, tb.tb_frame.f_code.co_name)
                    traceback.print_tb(tb, file=sys.stdout)
                return True
        def work():
            with Guard():
                return 1 / 0
        print(work())
        with Guard():
            {}["missing"]
    """,
    "an unpacking's carets under its targets": """
        import traceback
        def f(line):
            name, qty, price = line.split(",")
            return name
        for s in ["a,b", "a,b,c,d"]:
            try:
                f(s)
            except ValueError:
                traceback.print_exc()
        try:
            [a, b] = [1]
        except ValueError:
            traceback.print_exc()
        try:
            a, *b, c = [1]
        except ValueError:
            traceback.print_exc()
        try:
            for x, y in [(1, 2, 3)]: pass
        except ValueError:
            traceback.print_exc()
        try:
            x = y, z = (1,)
        except ValueError:
            traceback.print_exc()
    """,
    "a loop's line, with carets under what it iterates": """
        import traceback
        def gen():
            yield 1
            raise ValueError("g")
        class It:
            def __iter__(self):
                return self
            def __next__(self):
                raise KeyError("k")
        items = gen()
        for make in (gen, lambda: items, It):
            try:
                for x in make():
                    pass
            except Exception:
                traceback.print_exc()
        try:
            y = [x for x in It()]
        except KeyError:
            traceback.print_exc()
        try:
            for x in 5:
                pass
        except TypeError:
            traceback.print_exc()
    """,
    "a traceback object: its frames, format_tb, extract_tb, print_exception's tb": """
        import sys, threading, traceback
        def f(x):
            return 1 / x
        def g():
            return f(0)
        try:
            g()
        except ZeroDivisionError as e:
            tb = e.__traceback__
            print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next.tb_next)
            print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_qualname)
            print(traceback.format_tb(tb), sys.exc_info()[2].tb_lineno == tb.tb_lineno)
            traceback.print_tb(tb)
            summary = traceback.extract_tb(tb)
            filename, line, name, text = summary[-1]
            print(len(summary), summary[-1], line, name, text, summary[0].line)
            traceback.print_exception(type(e), e, None)
            traceback.print_exception(type(e), e, tb.tb_next)
            traceback.print_exception(*sys.exc_info())
            traceback.print_tb(tb, limit=1)
            traceback.print_tb(tb, limit=-1, file=sys.stdout)
            print("".join(traceback.format_exception(type(e), e, tb)))
            again = ValueError("x").with_traceback(tb)
            print(again.__traceback__.tb_lineno, ValueError().__traceback__)
        def hook(args):
            print("hook", type(args.exc_traceback).__name__, args.exc_traceback.tb_lineno)
            traceback.print_exception(args.exc_type, args.exc_value, args.exc_traceback)
        threading.excepthook = hook
        t = threading.Thread(target=g)
        t.start()
        t.join()
        def worker():
            try:
                g()
            except Exception as exc:
                last = traceback.extract_tb(exc.__traceback__)[-1]
                print(f"{type(exc).__name__} in {last.name} at line {last.lineno}: {last.line}")
        t = threading.Thread(target=worker)
        t.start()
        t.join()
    """,
}


def _cpython(source: str, folder: Path) -> tuple[str, str]:
    (folder / "prog.py").write_text(source)
    done = subprocess.run([str(CPYTHON_313), "prog.py"], capture_output=True, text=True,
                          cwd=folder, timeout=CPYTHON_TIMEOUT)
    lib = Path(CPYTHON_313).parent.parent / "lib" / "python3.13"
    return tuple(text.replace(f"{folder}/", "").replace(str(lib / "threading.py"), THREADING_PY)
                 .replace(str(lib / "concurrent" / "futures"), FUTURES)
                 for text in (done.stdout, done.stderr))  # type: ignore[return-value]


@pytest.mark.skipif(not CPYTHON_313.exists(), reason="needs CPython 3.13")
@pytest.mark.parametrize("name", PROGRAMS)
def test_a_traceback_reads_as_cpythons(name, tmp_path):
    source = textwrap.dedent(PROGRAMS[name])
    stdout, stderr = _cpython(source, tmp_path)
    outcome = run(compile_program(source, "prog.py"), RoundRobin(), record=False).outcome
    assert list(outcome.output) == stdout.splitlines()
    assert list(outcome.stderr) == stderr.splitlines()


def test_a_recursion_is_cut_short_as_cpython_cuts_it():
    source = ("import traceback\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\n"
              "except RecursionError:\n    traceback.print_exc()\n")
    outcome = run(compile_program(source, "prog.py"), RoundRobin(), record=False).outcome
    assert outcome.stderr[-2].startswith("  [Previous line repeated ")
    assert outcome.stderr[-2].endswith(" more times]")
    assert outcome.stderr[-1] == "RecursionError: maximum recursion depth exceeded"
