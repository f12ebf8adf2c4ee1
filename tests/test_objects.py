"""objects.py: making objects of a program's classes, reading, writing and deleting their
attributes, methods bound to them, `super()`, and the built-in parts a class derives from
(`Exception`, `threading.Thread`, `object`), against CPython 3.13 (the `cpython_worker`
fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import threading
class Account:
    rate = 0.5
    opened = []
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.opened.append(owner)
    def deposit(self, n):
        self.balance += n
        return self.balance
    @property
    def rich(self):
        return self.balance > 100
    @staticmethod
    def bank():
        return 'B'
    @classmethod
    def make(cls, owner):
        return cls(owner, 1)
class Savings(Account):
    rate = 2
    def __init__(self, owner):
        super().__init__(owner, 10)
        self.kind = 'savings'
    def deposit(self, n):
        return super().deposit(n * 2)
class Empty:
    pass
class Insufficient(Exception):
    def __init__(self, needed):
        super().__init__(f'need {needed}')
        self.needed = needed
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f'w{n}')
        self.n = n
    def run(self):
        print('run', self.n, self.name)
"""

PROGRAMS = [
    "a = Account('ann')\nprint(a.owner, a.balance, a.deposit(5), a.rate, Account.rate, a.rich)",
    "a = Account('ann', 500)\nprint(a.rich, a.bank(), Account.bank(), Account.make('x').balance)",
    "s = Savings('sam')\nprint(s.balance, s.deposit(5), s.rate, s.kind, Account.opened)",
    "s = Savings('sam')\nprint(isinstance(s, Account), isinstance(s, Savings), "
    "issubclass(Savings, Account), type(s).__name__, type(s) is Savings)",
    "print(Account.__name__, Savings.__qualname__, Account.make, Savings.make('z').owner)",
    "a = Account('a')\na.rate = 9\nprint(a.rate, Account.rate)\ndel a.rate\nprint(a.rate)",
    "a = Account('a')\na.extra = [1]\nprint(a.extra)\ndel a.extra\nprint(a.extra)",
    "a = Account('a')\ndel a.nothing",
    "print(Account.nothing)",
    "Account()",
    "Account('a', 1, 2)",
    "Account(owner='a', cash=2)",
    "Empty(1)",
    "Empty(x=1)",
    "Savings()",
    "a = Account('a')\na.rich = True",
    "class R:\n    def m(self):\n        pass\n    def __repr__(self):\n        return 'R!'\n"
    "print(R().m, [R().m])",
    "class R:\n    @classmethod\n    def c(cls):\n        pass\nprint(R.c, R().c)",
    "m = Account('a').deposit\nprint(m(3), m(4))",
    "f = Account.deposit\nprint(f(Account('b', 2), 3))",
    "Account.deposit(5)",
    "e = Empty()\ne.x = 1\nEmpty.y = 2\nprint(e.x, e.y, Empty.y)",
    "try:\n    raise Insufficient(5)\nexcept Exception as e:\n    print(e, e.needed, e.args, "
    "type(e).__name__, isinstance(e, Insufficient))",
    "raise Insufficient(7)",
    "class Bad:\n    def __init__(self):\n        return 5\nBad()",
    "class Base:\n    def hello(self):\n        return 'base'\nclass Mid(Base):\n    pass\n"
    "class Leaf(Mid):\n    def hello(self):\n        return 'leaf+' + super().hello()\n"
    "print(Leaf().hello(), Mid().hello())",
    "class A:\n    def __init__(self):\n        super().__init__(1)\nA()",
    "class A:\n    x = 1\n    def get(self):\n        return self.x\nclass B(A):\n    x = 2\n"
    "print(A().get(), B().get(), B.x, A.x)",
    "class C:\n    count = 0\n    def __init__(self):\n        C.count += 1\n"
    "        self.id = C.count\n"
    "print([C().id for _ in range(3)], C.count)",
    "class P:\n    def __init__(self):\n        self._v = 0\n    @property\n    def v(self):\n"
    "        return self._v\n    @v.setter\n    def v(self, x):\n        self._v = x * 2\n"
    "p = P()\np.v = 5\nprint(p.v)\ndel p.v",
    "w = Worker(1)\nw.start()\nw.join()\nprint(w.n, w.name, w.is_alive())",
    "class T(threading.Thread):\n    def __init__(self):\n        self.x = 1\nT().start()",
    "class T(threading.Thread):\n    pass\nt = T(target=print, args=('hi',))\nt.start()\nt.join()",
    "print(Empty() == Empty(), Empty() is not None, Account('a') != Account('a'))",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_objects_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


DESCRIPTORS = """\
import threading
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)
class Counted:
    def __get__(self, obj, objtype=None):
        return "class access" if obj is None else len(obj.items)
class Order:
    qty = Positive()
    size = Counted()
    def __init__(self, qty):
        self.qty = qty
        self.items = [1, 2]
"""


@pytest.mark.parametrize("program", [
    "o = Order(2)\no.qty += 3\nprint(o.qty, o.size, Order.size, type(Order.qty).__name__)",
    "o = Order(2)\no.qty = -1", "Order(0)",
    "o = Order(1)\no.__dict__['size'] = 9\no.__dict__['qty'] = 7\nprint(o.size, o.qty)",
    "P = type('P', (), {'v': Positive()})\np = P()\np.v = 4\nprint(p.v)",
    "o = Order(3)\ndel o.qty\nprint(hasattr(o, '_qty'))\no.qty",
])
def test_descriptors_answer_as_in_cpython(cpython_worker: Answer, program):
    source = DESCRIPTORS + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)
