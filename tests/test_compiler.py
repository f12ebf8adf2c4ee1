"""The compiler: the supported subset behaves like CPython; anything else is refused with its
position and a hint; oversized or absurd input hits a budget instead of crashing or hanging."""

from __future__ import annotations

import ast

import pytest

from app.engine import BudgetError, CompileError, RoundRobin, compile_program, run

# (id, program, what CPython 3.13 prints). Each program is single-threaded unless it says so.
SUPPORTED = [
    ("arithmetic", "x = 7\nprint(x + 2, x - 9, x * 3, x / 2, x // 2, x % 3, -x // 2, -x % 3)\n"
     "print(2 ** 10, 1 << 5, x >> 1, x & 3, x | 8, x ^ 2, ~x, -x, +x)",
     ["9 -2 21 3.5 3 1 -4 2", "1024 32 3 3 15 5 -8 -7 7"]),
    ("floats", "print(10 / 4, 7.0 // 2, 1e3, 0.1 + 0.2, -0.0, 2 ** 0.5, 1 / 3)",
     ["2.5 3.0 1000.0 0.30000000000000004 -0.0 1.4142135623730951 0.3333333333333333"]),
    ("big ints", "print(2 ** 100, 10 ** 20 // 3)",
     ["1267650600228229401496703205376 33333333333333333333"]),
    ("booleans", "x = None\nprint(x is None, x is not None, not [], [] or 'd', 0 and 1, 1 and 2)\n"
     "print(True + True, 5 == 5.0, 'b' > 'a', [1, 2] < [1, 3], (1, 2) != (1, 2))",
     ["True False True d 0 2", "2 True True True False"]),
    ("single comparisons",
     "a = 3\nprint(a < 4, a <= 2, a == 3, a != 3, a > 1, a >= 4, 3 in [3], 3 not in [3])",
     ["True False True False True False True False"]),
    ("assignments", "a = b = 3\nc, d = 1, 2\nc, d = d, c\n[e, f] = [5, 6]\ng: int = 7\n"
     "(h, (i, j)) = (8, (9, 10))\nprint(a, b, c, d, e, f, g, h, i, j)",
     ["3 3 2 1 5 6 7 8 9 10"]),
    ("augmented assignment", "x = 10\nx -= 3\nx *= 2\nx //= 3\nx **= 2\nx %= 7\nx += 1\nx <<= 2\n"
     "print(x)",
     ["12"]),
    ("if elif else", "for n in range(4):\n    if n == 0:\n        print('zero')\n"
     "    elif n == 1:\n        print('one')\n    else:\n        print('many', n)",
     ["zero", "one", "many 2", "many 3"]),
    ("conditional expression", "x = 5\nprint(1 if x > 3 else 2, 3 if [] else 4)", ["1 4"]),
    ("while with break, continue and else",
     "n = 0\ni = 0\nwhile i < 10:\n    i += 1\n    if i % 2 == 0:\n        continue\n"
     "    if i > 7:\n        break\n    n += i\nelse:\n    print('no break')\nprint(n, i)\n"
     "while i < 12:\n    i += 1\nelse:\n    print('else', i)",
     ["16 9", "else 12"]),
    ("for over range, list, tuple, str and dict",
     "t = 0\nfor i in range(10, 0, -3):\n    t += i\nfor x in [1, 2]:\n    t += x\n"
     "for x in (3,):\n    t += x\nfor ch in 'ab':\n    print(ch)\n"
     "for k in {'p': 1, 'q': 2}:\n    print(k)\nfor k, v in {'r': 3}.items():\n    print(k, v)\n"
     "print(t)",
     ["a", "b", "p", "q", "r 3", "28"]),
    ("for else and nested break",
     "for i in range(3):\n    for j in range(3):\n        if j == 1:\n            break\n"
     "else:\n    print('inner breaks only', i, j)\nfor i in range(3):\n    if i == 1:\n"
     "        break\nelse:\n    print('not printed')\nprint('after', i)",
     ["inner breaks only 2 1", "after 1"]),
    ("functions", "def f(a, b=2):\n    return a * b\ndef g():\n    pass\n"
     "print(f(3), f(3, 4), f(b=5, a=1), g())",
     ["6 12 5 None"]),
    ("recursion", "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n"
     "print(fact(20))",
     ["2432902008176640000"]),
    ("closures and lambdas", "def make(n):\n    def add(x):\n        return x + n\n    return add\n"
     "f = lambda x, y=1: x + y\nprint(make(3)(4), f(1), f(1, 2), (lambda: 'no args')())",
     ["7 2 3 no args"]),
    ("mutable default evaluated once", "def f(x, acc=[]):\n    acc.append(x)\n    return acc\n"
     "f(1)\nprint(f(2))",
     ["[1, 2]"]),
    ("global declaration", "x = 0\ndef bump():\n    global x\n    x += 1\n    return x\n"
     "print(bump(), bump(), x)",
     ["1 2 2"]),
    ("lists", "a = [3, 1, 2]\na.append(4)\na.insert(0, 0)\na.extend([5])\nprint(a, len(a))\n"
     "a.sort()\nprint(a, a.pop(), a.pop(0), a.index(3), a.count(2))\na.reverse()\na.remove(2)\n"
     "print(a, a[1:], a[::-1], a[-1], a.copy())\ndel a[0]\na[0] = 'x'\nprint(a)\na.clear()\n"
     "print(a)",
     ["[0, 3, 1, 2, 4, 5] 6", "[1, 2, 3, 4] 5 0 2 1", "[4, 3, 1] [3, 1] [1, 3, 4] 1 [4, 3, 1]",
      "['x', 1]", "[]"]),
    ("slices", "x = [1, 2, 3, 4, 5]\nprint(x[1:-1], x[:2], x[3:], x[-2:], x[::-2])\n"
     "x[0:2] = [9]\nprint(x, 'hello'[1:3], (1, 2, 3)[1:])",
     ["[2, 3, 4] [1, 2] [4, 5] [4, 5] [5, 3, 1]", "[9, 3, 4, 5] el (2, 3)"]),
    ("dicts", "d = {'a': 1}\nd['b'] = 2\nprint(d, d.get('c'), d.get('c', 9), list(d.keys()))\n"
     "print(list(d.values()), list(d.items()), 'a' in d, d.pop('a'), d)\n"
     "d.setdefault('e', []).append(1)\nd.update({'f': 3})\ndel d['b']\nprint(d, len(d))",
     ["{'a': 1, 'b': 2} None 9 ['a', 'b']", "[1, 2] [('a', 1), ('b', 2)] True 1 {'b': 2}",
      "{'e': [1], 'f': 3} 2"]),
    ("tuples", "t = (1, 2, 3)\nx, y, z = t\nprint(x, y, z, t[0], (1,), (), t.index(2), t.count(1))",
     ["1 2 3 1 (1,) () 1 1"]),
    ("strings",
     "s = 'Hello, World'\nprint(s.lower(), s.upper(), s.replace('l', 'L'), s.find('o'))\n"
     "print(s.startswith('He'), 'lo' in s, s.split(', '), '-'.join(['a', 'b']), s.strip('Hd'))\n"
     "print('{} and {}'.format(1, 2), '%d items' % 3, 'ab' * 3, s.count('l'), 'x'.zfill(3))",
     ["hello, world HELLO, WORLD HeLLo, WorLd 4", "True True ['Hello', 'World'] a-b ello, Worl",
      "1 and 2 3 items ababab 3 00x"]),
    ("f-strings", "s = 'hi'\nprint(f'{s!r} {s} {3:>4}|{2.5:.2f} {42:05d} {[1, 2]} {{}} {1 + 1}')",
     ["'hi' hi    3|2.50 00042 [1, 2] {} 2"]),
    ("comprehensions", "print([x * x for x in range(5) if x % 2 == 0], "
     "[(a, b) for a in range(2) for b in 'xy'], sum(x for x in range(4)))",
     ["[0, 4, 16] [(0, 'x'), (0, 'y'), (1, 'x'), (1, 'y')] 6"]),
    ("builtins", "print(sum([1, 2, 3]), min(3, 1, 2), max([4, 5]), abs(-3), round(2.567, 2))\n"
     "print(sorted([3, 1, 2]), any([0, 1]), all([1, 0]), divmod(17, 5), list(range(3)))\n"
     "print(list(enumerate('ab')), list(zip([1, 2], 'ab')), list(reversed([1, 2])), len('abc'))\n"
     "print(int('42'), float('1.5'), str(12), repr('a'), bool([]), tuple([1]), list('ab'), "
     "dict(a=1))",
     ["6 1 5 3 2.57", "[1, 2, 3] True False (3, 2) [0, 1, 2]",
      "[(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')] [2, 1] 3",
      "42 1.5 12 'a' False (1,) ['a', 'b'] {'a': 1}"]),
    ("print options", "print(1, 2, sep='-', end='!\\n')\nprint('a', end='')\nprint('b')\nprint()\n"
     "print(None, True, 1.0, (1, 'a'), {'k': 'v'})",
     ["1-2!", "ab", "", "None True 1.0 (1, 'a') {'k': 'v'}"]),
    ("try except else finally",
     "try:\n    x = 1 / 0\nexcept ZeroDivisionError:\n    print('caught')\nelse:\n    print('no')\n"
     "finally:\n    print('finally')\ntry:\n    pass\nexcept ValueError:\n    pass\nelse:\n"
     "    print('else ran')",
     ["caught", "finally", "else ran"]),
    ("except matching", "def check(exc):\n    try:\n        raise exc('x')\n"
     "    except (TypeError, ValueError):\n        print('tuple')\n"
     "    except LookupError as e:\n        print('lookup', e.args)\n"
     "check(KeyError)\ncheck(IndexError)\ncheck(ValueError)\ntry:\n    check(RuntimeError)\n"
     "except Exception as e:\n    print('not matched', e.args)",
     ["lookup ('x',)", "lookup ('x',)", "tuple", "not matched ('x',)"]),
    ("exception caught inside a while loop", "i = 0\nwhile i < 3:\n    i += 1\n    try:\n"
     "        [].pop()\n    except IndexError:\n        print('caught', i)",
     ["caught 1", "caught 2", "caught 3"]),
    ("bare raise re-raises", "def f():\n    try:\n        [].pop()\n    except IndexError:\n"
     "        print('inner')\n        raise\ntry:\n    f()\nexcept Exception as e:\n"
     "    print('outer', e.args)",
     ["inner", "outer ('pop from empty list',)"]),
    ("finally on return, break and continue",
     "def f():\n    try:\n        return 'try'\n    finally:\n        print('cleanup')\n"
     "print(f())\n"
     "for i in range(3):\n    try:\n        if i == 1:\n            continue\n        if i == 2:\n"
     "            break\n        print('body', i)\n    finally:\n        print('finally', i)",
     ["cleanup", "try", "body 0", "finally 0", "finally 1", "finally 2"]),
    ("assert", "assert 1 == 1, 'fine'\ntry:\n    assert 1 == 2, 'not equal'\n"
     "except AssertionError as e:\n    print('assert', e.args)",
     ["assert ('not equal',)"]),
    ("imports", "import threading as th\nimport time\nfrom threading import Lock, Thread as T\n"
     "from time import sleep\nl = Lock()\nm = th.RLock()\ntime.sleep(0)\nsleep(0.1)\n"
     "t = T(target=print, args=('in thread',))\nt.start()\nt.join()\nprint(l.locked())",
     ["in thread", "False"]),
    ("with a lock",
     "import threading\nl = threading.Lock()\nwith l as got:\n    print(got, l.locked())\n"
     "print(l.locked())\ntry:\n    with l:\n        raise ValueError('inside')\n"
     "except ValueError:\n"
     "    print('released on error:', not l.locked())",
     ["True True", "False", "released on error: True"]),
    ("with two items", "import threading\na = threading.Lock()\nb = threading.RLock()\n"
     "with a, b:\n    print(a.locked())\nprint(a.locked())",
     ["True", "False"]),
    ("chained comparisons", "def f(x):\n    print('eval', x)\n    return x\n"
     "print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 == 1, 5 > 4 > 3 > 2, 0 < 5 <= 5 != 6)\n"
     "if f(1) < f(2) < f(0):\n    print('yes')\nelse:\n    print('no')",
     ["True False True True True", "eval 1", "eval 2", "eval 0", "no"]),
    ("augmented assignment to items and attributes", "import threading\na = [1, 2]\n"
     "a[0] += 5\nd = {'x': [1]}\nd['x'] += [2]\nloc = threading.local()\nloc.n = 1\n"
     "loc.n += 1\nprint(a, d, loc.n)",
     ["[6, 2] {'x': [1, 2]} 2"]),
    ("list concatenation and repetition", "x = [1, 2]\nprint(x + [3], x * 2, [0] * 3, 2 * 'ab')",
     ["[1, 2, 3] [1, 2, 1, 2] [0, 0, 0] abab"]),
    ("exception caught inside a for loop",
     "def f():\n    for i in range(2):\n        try:\n            [].pop()\n"
     "        except IndexError:\n            print('caught', i)\nf()\n"
     "for i in range(2):\n    try:\n        raise KeyError(i)\n    except KeyError as e:\n"
     "        print('again', e.args)",
     ["caught 0", "caught 1", "again (0,)", "again (1,)"]),
    ("str of an exception", "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
     "    print(e, str(e), f'{e}', repr(e))",
     ["division by zero division by zero division by zero ZeroDivisionError('division by zero')"]),
    ("list += extends in place", "a = [1]\nb = a\nb += [2]\nb *= 2\nprint(a, b, a is b)",
     ["[1, 2, 1, 2] [1, 2, 1, 2] True"]),
    ("enumerate with start", "print(list(enumerate('ab', start=1)), list(enumerate('c', 5)))",
     ["[(1, 'a'), (2, 'b')] [(5, 'c')]"]),
    ("docstrings and pass", "def f():\n    'a docstring'\n    pass\n'module docstring'\nprint(f())",
     ["None"]),
]

def output_of(source: str) -> list[str]:
    result = run(compile_program(source), RoundRobin(1))
    assert not result.outcome.errors, result.outcome.errors
    assert result.outcome.kind == "done"
    return list(result.outcome.output)


@pytest.mark.parametrize(("source", "expected"),
                         [pytest.param(s, e, id=i) for i, s, e in SUPPORTED])
def test_supported_construct_behaves_like_cpython(source, expected):
    ast.parse(source)
    assert output_of(source) == expected


def test_our_objects_format_as_str_shows_them_never_with_an_address():
    """Python formats our objects itself in `%` and `format`: there they read as `str()`
    and an f-string show them, the same in every run (CPython would show an address)."""
    source = ("import threading\nlock = threading.Lock()\ndef f(): pass\n"
              "t = threading.current_thread()\n"
              "print('%s %r' % (lock, [lock]), '{} {}'.format(f, t), '%s' % (t,))\n"
              "print(str(lock), [lock], f, t)\n")
    assert output_of(source) == [
        "<unlocked _thread.lock object> [<unlocked _thread.lock object>] <function f> "
        "<_MainThread(MainThread, started 0)> <_MainThread(MainThread, started 0)>",
        "<unlocked _thread.lock object> [<unlocked _thread.lock object>] <function f> "
        "<_MainThread(MainThread, started 0)>"]


def test_a_thread_can_be_renamed_as_in_cpython():
    """`t.name = x` stores `str(x)`, seen through every handle on the thread; its ident
    cannot be set (CPython 3.11+'s words)."""
    source = ("import threading\n"
              "def work():\n    me = threading.current_thread()\n    print(me.name)\n"
              "    me.name = 'renamed'\n"
              "t = threading.Thread(target=work)\nt.name = 5\nprint(t.name)\n"
              "t.start()\nt.join()\nprint(t.name)\n"
              "try:\n    t.ident = 3\nexcept AttributeError as e:\n    print(e)\n")
    assert output_of(source) == ["5", "5", "renamed",
                                 "property 'ident' of 'Thread' object has no setter"]


def test_iterating_a_fresh_list_display_takes_no_steps():
    source = ("import threading\ndef f():\n    for x in [1, 2]:\n        pass\n"
              "    y = [n for n in ['a', 'b']]\nt = threading.Thread(target=f)\nt.start()\n"
              "names = [n for n in ['p', 'q']]\n")
    result = run(compile_program(source), RoundRobin(1))
    assert [s.action for s in result.steps] == ["start Thread-1 (f)"]


def test_key_functions_are_refused_or_work():
    source = "print(sorted([3, 1, 2], key=lambda x: -x), max(['aa', 'b'], key=len))"
    try:
        program = compile_program(source)
    except CompileError as e:
        assert (e.line, e.col) == (1, 7)
        assert "key" in e.message and e.hint
        return
    assert run(program, RoundRobin(1)).outcome.output == ("[3, 2, 1] aa",)


def test_functions_defined_before_threads_start_are_constants():
    program = compile_program("import threading\ndef outer():\n    inner()\ndef inner():\n"
                              "    pass\nt = threading.Thread(target=outer)\nt.start()\n")
    assert "inner" not in program.shared
    assert "outer" not in program.shared


# -- run-time errors keep CPython's types and messages ---------------------------------------

RUNTIME_ERRORS = [
    ("d = {}\nprint(d['missing'])", "KeyError", "'missing'"),
    ("a = []\na.pop()", "IndexError", "pop from empty list"),
    ("print([1, 2][5])", "IndexError", "list index out of range"),
    ("print(undefined_name)", "NameError", "name 'undefined_name' is not defined"),
    ("x = 'a' + 1", "TypeError", 'can only concatenate str (not "int") to str'),
    ("print(1 / 0)", "ZeroDivisionError", "division by zero"),
    ("int('x')", "ValueError", "invalid literal for int() with base 10: 'x'"),
    ("x = 1\nx()", "TypeError", "'int' object is not callable"),
    ("def f():\n    z = z + 1\nf()", "UnboundLocalError",
     "cannot access local variable 'z' where it is not associated with a value"),
    ("def f(a, b):\n    pass\nf(1)", "TypeError",
     "f() missing 1 required positional argument: 'b'"),
    ("def f(a):\n    pass\nf(1, 2)", "TypeError",
     "f() takes 1 positional argument but 2 were given"),
    ("def f(a):\n    pass\nf(b=1)", "TypeError", "f() got an unexpected keyword argument 'b'"),
    ("a, b = [1]", "ValueError", "not enough values to unpack (expected 2, got 1)"),
    ("a, b = [1, 2, 3]", "ValueError", "too many values to unpack (expected 2)"),
    ("def f(n):\n    return f(n + 1)\nf(0)", "RecursionError", "maximum recursion depth exceeded"),
    ("raise RuntimeError('top')", "RuntimeError", "top"),
    ("raise ValueError", "ValueError", ""),
    ("assert 1 == 2, f'one is {1}'", "AssertionError", "one is 1"),
    ("assert False", "AssertionError", ""),
    ("raise", "RuntimeError", "No active exception to reraise"),
    ("t = (1, 2)\nt[0] = 5", "TypeError", "'tuple' object does not support item assignment"),
]


@pytest.mark.parametrize(("source", "kind", "message"), RUNTIME_ERRORS,
                         ids=[s.splitlines()[-1] for s, _, _ in RUNTIME_ERRORS])
def test_uncaught_error_ends_main_thread_with_cpythons_message(source, kind, message):
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "done"
    assert [(e.thread, e.type, e.message) for e in outcome.errors] == [
        ("MainThread", kind, message)]


def test_code_after_an_uncaught_error_does_not_run():
    outcome = run(compile_program("print('before')\n[].pop()\nprint('after')"),
                  RoundRobin(1)).outcome
    assert outcome.output == ("before",)
    assert str(outcome.errors[0]) == "MainThread: IndexError: pop from empty list"


# -- outside the subset: CompileError at the construct, with a hint ----------------------------

UNSUPPORTED = [
    ("async def", "x = 1\nasync def a():\n    pass\n", 2, 1, "async"),
    ("a dunder of Python's object model", "class A:\n    pass\nprint(A.__subclasses__())\n",
     3, 7, "'__subclasses__' is not supported"),
    ("import subprocess", "import threading\nimport subprocess\n", 2, 1,
     "import of 'subprocess'"),
    ("os.system", "import os\nos.system('true')\n", 2, 1, "os.system is not supported"),
    ("os.path.realpath", "from os.path import realpath\n", 1, 1,
     "os.path.realpath is not supported"),
    ("from threading import an unknown name", "from threading import Foo\n", 1, 1,
     "threading.Foo"),
    ("threading attribute", "import threading\nthreading.settrace(None)\n", 2, 1,
     "threading.settrace"),
    ("time.tzset", "import time\nt = time.tzset()\n", 2, 5, "time.tzset"),
    ("exec", "exec('x = 1')\n", 1, 1, "'exec'"),
    ("eval", "y = eval('1')\n", 1, 5, "'eval'"),
    ("input", "name = input()\n", 1, 8, "'input'"),
    ("__import__", "m = __import__('os')\n", 1, 5, "'__import__'"),
    ("dunder attribute", "import threading\nl = threading.Lock()\nprint(l.__reduce_ex__)\n", 3, 7,
     "'__reduce_ex__'"),
    ("async def", "x = 1\nasync def f():\n    pass\n", 2, 1, "async"),
    ("await", "def f():\n    await g()\n", 2, 5, "await"),
    ("global at module level", "x = 1\nglobal x\n", 2, 1, "global"),
    ("del of an enclosing function's variable",
     "def f():\n    x = 1\n    def g():\n        nonlocal x\n        del x\n", 5, 13, "delete"),
]


@pytest.mark.parametrize(("source", "line", "col", "fragment"),
                         [pytest.param(s, ln, c, f, id=i) for i, s, ln, c, f in UNSUPPORTED])
def test_unsupported_construct_is_a_compile_error_at_its_position(source, line, col, fragment):
    ast.parse(source)  # valid Python: only the subset refuses it
    with pytest.raises(CompileError) as info:
        compile_program(source)
    e = info.value
    assert (e.line, e.col) == (line, col)
    assert fragment.lower() in e.message.lower()
    assert e.hint.strip()
    assert e.to_dict() == {"message": e.message, "line": line, "col": col, "hint": e.hint}
    assert str(e).startswith(f"line {line}, column {col}: ")


def test_a_call_that_is_a_step_of_its_own_takes_star_arguments_too():
    source = ("import threading\nl = threading.Lock()\ne = threading.Event()\n"
              "t = threading.Thread()\na = ()\nd = {}\n"
              "print(l.acquire(*a), e.wait(0, *a), l.locked())\n"
              "try:\n    t.join(**d)\nexcept RuntimeError as x:\n    print(x)\n")
    assert run(compile_program(source), RoundRobin()).outcome.output == (
        "True False True", "cannot join thread before it is started")


@pytest.mark.parametrize("source", [
    "x = (1,\n",
    "def f(:\n    pass\n",
    "x = 1\n  y = 2\n",
    "x = 1\nprint(x))\n",
    "if True\n    pass\n",
    "x = 'unterminated\n",
])
def test_syntax_error_is_a_compile_error_with_pythons_position(source):
    with pytest.raises(SyntaxError) as python:
        ast.parse(source)
    with pytest.raises(CompileError) as info:
        compile_program(source)
    assert info.value.message.startswith("SyntaxError: ")
    assert python.value.msg in info.value.message
    assert (info.value.line, info.value.col) == (python.value.lineno, python.value.offset)


@pytest.mark.parametrize("source", ["return 1\n", "break\n", "continue\n"])
def test_statements_outside_their_block_are_compile_errors(source):
    with pytest.raises(CompileError) as info:
        compile_program(source)
    assert (info.value.line, info.value.col) == (1, 1)
    assert "outside" in info.value.message


# -- budgets -----------------------------------------------------------------------------------


def test_oversized_source_is_a_budget_error():
    with pytest.raises(BudgetError, match="64,000 bytes"):
        compile_program("x = 1\n" * 11_000)


@pytest.mark.parametrize("source", [
    "x = " + "(" * 150 + "1" + ")" * 150 + "\n",
    "".join("    " * i + "if True:\n" for i in range(45)) + "    " * 45 + "pass\n",
], ids=["parentheses", "indentation"])
def test_deep_nesting_is_a_compile_error_at_its_place(source):
    with pytest.raises(CompileError, match="nested too deeply") as e:
        compile_program(source)
    assert e.value.line >= 1 and e.value.col > 1 and e.value.hint


def test_nesting_within_the_budget_compiles():
    source = "".join("    " * i + "if True:\n" for i in range(39)) + "    " * 39 + "print('deep')\n"
    assert output_of(source) == ["deep"]
    assert output_of("x = " + "[" * 90 + "1" + "]" * 90 + "\nprint(len(x))") == ["1"]


def test_nesting_beyond_what_python_can_parse_is_refused():
    # CPython itself cannot compile 5000 nested unary minuses (RecursionError).
    with pytest.raises((CompileError, BudgetError)):
        compile_program("x = " + "-" * 5000 + "1\n")


@pytest.mark.parametrize("source", [
    "x = " + " + ".join(["1"] * 700) + "\nprint(x)\n",
    "x = " + "-" * 1000 + "1\nprint(x)\n",
], ids=["700 terms", "1000 unary minuses"])
def test_deeply_nested_expression_compiles_or_hits_a_budget(source):
    # CPython 3.13 compiles both; the engine may refuse them, but with a BudgetError.
    try:
        program = compile_program(source)
    except BudgetError as e:
        assert "nested too deeply" in str(e)
        return
    except RecursionError:
        # pytest takes many seconds to render a traceback a thousand frames deep
        pytest.fail("compile_program raised RecursionError", pytrace=False)
    assert run(program, RoundRobin(1)).outcome.kind == "done"


HUGE_INT_IN_THREAD = """\
import threading
def f():
    x = 10**10**10
t = threading.Thread(target=f)
t.start()
t.join()
print('not reached')
"""


def test_huge_power_in_a_thread_ends_the_run_with_a_limit():
    outcome = run(compile_program(HUGE_INT_IN_THREAD), RoundRobin(1)).outcome
    assert outcome.kind == "limit"
    assert "100,000 bits" in outcome.reason
    assert "10 ** 10000000000" in outcome.reason
    assert outcome.output == ()


@pytest.mark.parametrize(("source", "words"), [
    ("print('start')\nx = 2 << 10**6", "100,000 bits"),
    ("print('start')\nx = 'a' * 10**9", "1,000,000 items"),
    ("print('start')\nx = [0] * 10**9", "1,000,000 items"),
    ("print('start')\ndef f():\n    while True:\n        pass\nf()", "100,000 operations"),
])
def test_runaway_computation_ends_the_run_with_a_limit(source, words):
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "limit"
    assert words in outcome.reason
    assert outcome.output == ("start",)


@pytest.mark.parametrize("source", [
    "x = 10**10**10\n",
    "def f():\n    while True:\n        pass\nf()\n",
])
def test_budget_blown_before_the_first_step_is_a_limit_outcome(source):
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "limit"
    assert "over the limit" in outcome.reason or "100,000 operations" in outcome.reason


def test_endless_loop_with_steps_hits_the_step_limit():
    source = ("import threading\ncounter = 0\ndef f():\n    global counter\n    while True:\n"
              "        counter += 1\nt = threading.Thread(target=f)\nt.start()\n")
    outcome = run(compile_program(source), RoundRobin(1), max_steps=500).outcome
    assert outcome.kind == "limit"
    assert outcome.reason == "the step limit of 500 was reached"
    assert outcome.step_count == 500


def test_too_many_threads_is_a_limit_outcome():
    source = "import threading\ndef f():\n    threading.Thread(target=f).start()\nf()\n"
    outcome = run(compile_program(source), RoundRobin(1)).outcome
    assert outcome.kind == "limit"
    assert "64 threads" in outcome.reason

