"""scope.py: which globals are shared, constant or private, and how names resolve."""

from __future__ import annotations

import ast
import textwrap

from app.engine.scope import Analysis, analyse, defaults_of, parameters


def _analyse(source: str) -> Analysis:
    return analyse(ast.parse(textwrap.dedent(source)))


PROGRAM = """
import threading
N = 5
lock = threading.Lock()
counter = 0
names = []
def worker():
    global counter
    for _ in range(N):
        with lock:
            counter += 1
threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
names.append(counter)
print(len(names))
"""


def test_a_global_a_function_writes_is_shared() -> None:
    analysis = _analyse(PROGRAM)
    assert "counter" in analysis.written_in_functions
    assert analysis.shared("counter")
    assert "counter" not in analysis.constant


def test_a_global_bound_once_before_threads_start_is_constant() -> None:
    analysis = _analyse(PROGRAM)
    assert {"N", "lock", "worker"} <= analysis.constant
    assert "N" in analysis.used_in_functions
    assert not analysis.shared("N")
    assert not analysis.shared("lock")


def test_a_list_only_the_module_body_looks_inside_is_private() -> None:
    analysis = _analyse(PROGRAM)
    assert {"threads", "names"} <= analysis.private
    assert not analysis.shared("names")
    assert "counter" not in analysis.private


def test_a_list_a_function_mentions_is_not_private() -> None:
    analysis = _analyse("""
        items = []
        def add(x):
            items.append(x)
    """)
    assert "items" not in analysis.private
    assert analysis.shared("items") is False  # bound once and never rebound: constant
    assert "items" in analysis.constant


def test_a_private_list_escapes_when_passed_whole() -> None:
    analysis = _analyse("""
        items = []
        print(items)
    """)
    assert "items" not in analysis.private


def test_a_private_list_unpacked_into_names_stays_private() -> None:
    """`a, b = threads` reads the items, as `for t in threads` does: the list itself does
    not escape (it used to, and the joins of `for t in threads` became steps: 3 threads x 2
    increments, 915 states became 3,081)."""
    analysis = _analyse("""
        threads = [1, 2]
        a, b = threads
        [c, d], = [threads]
    """)
    assert "threads" not in analysis.private  # passed whole inside a display
    assert "threads" in _analyse("threads = [1, 2]\na, b = threads\n").private


def test_a_binding_after_a_thread_starts_is_not_constant() -> None:
    analysis = _analyse("""
        import threading
        def work():
            print(limit)
        t = threading.Thread(target=work)
        t.start()
        limit = 3
    """)
    assert "limit" not in analysis.constant
    assert analysis.shared("limit")


def test_a_name_bound_twice_at_module_level_is_not_constant() -> None:
    analysis = _analyse("""
        x = 1
        x = 2
        def f():
            return x
    """)
    assert analysis.module_bindings["x"] == 2
    assert "x" not in analysis.constant
    assert analysis.shared("x")


def test_a_binding_inside_a_block_counts_as_unknown() -> None:
    analysis = _analyse("""
        if True:
            y = 1
        def f():
            return y
    """)
    assert analysis.module_bindings["y"] == 2
    assert "y" not in analysis.constant


def test_calling_a_module_function_may_start_threads() -> None:
    analysis = _analyse("""
        def main():
            return late
        main()
        late = 1
    """)
    assert "main" in analysis.constant
    assert "late" not in analysis.constant


def test_resolve_local_closure_and_global() -> None:
    module = ast.parse(textwrap.dedent("""
        g = 0
        def outer(a):
            b = 1
            def inner():
                nonlocal b
                b += a
                return g
            return inner
    """))
    analysis = analyse(module)
    outer = next(n for n in ast.walk(module) if isinstance(n, ast.FunctionDef)
                 and n.name == "outer")
    inner = next(n for n in ast.walk(module) if isinstance(n, ast.FunctionDef)
                 and n.name == "inner")
    assert analysis.scopes[module].is_module
    assert analysis.scopes[outer].resolve("a") == "local"
    assert analysis.scopes[outer].resolve("b") == "local"
    assert analysis.scopes[outer].resolve("g") == "global"
    assert analysis.scopes[inner].resolve("b") == "closure"
    assert analysis.scopes[inner].resolve("a") == "closure"
    assert analysis.scopes[inner].closure_depth("a") == 1
    assert analysis.scopes[inner].resolve("g") == "global"
    assert "b" not in analysis.scopes[inner].locals


def test_class_body_names_are_invisible_to_its_methods() -> None:
    module = ast.parse(textwrap.dedent("""
        class C:
            size = 3
            def get(self):
                return size
    """))
    analysis = analyse(module)
    get = next(n for n in ast.walk(module) if isinstance(n, ast.FunctionDef))
    cls = next(n for n in ast.walk(module) if isinstance(n, ast.ClassDef))
    assert analysis.scopes[cls].is_class
    assert "size" in analysis.scopes[cls].locals
    assert analysis.scopes[get].resolve("size") == "global"
    assert analysis.scopes[get].resolve("self") == "local"


def test_attributes_assigned_outside_init_are_changing() -> None:
    analysis = _analyse("""
        class Account:
            def __init__(self):
                self.owner = "a"
                self.balance = 0
            def deposit(self, n):
                self.balance += n
            def close(self):
                self.open = False
    """)
    assert {"balance", "open"} <= analysis.changing
    assert "owner" not in analysis.changing


def test_parameters_and_defaults_in_order() -> None:
    func = ast.parse("def f(a, /, b, *args, c, d=4, **kw): pass").body[0]
    assert isinstance(func, ast.FunctionDef)
    assert parameters(func.args) == ("a", "b", "args", "c", "d", "kw")
    func = ast.parse("def f(a=1, b=2, *, c, d=3): pass").body[0]
    assert isinstance(func, ast.FunctionDef)
    assert [ast.literal_eval(d) for d in defaults_of(func.args)] == [1, 2, 3]
