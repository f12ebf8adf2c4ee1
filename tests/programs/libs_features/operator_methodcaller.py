import operator
import threading
from operator import methodcaller

class Account:
    def __init__(self, name, balance):
        self.name, self.balance = name, balance
    def describe(self, prefix="", suffix="!"):
        return f"{prefix}{self.name}:{self.balance}{suffix}"

up = methodcaller("upper")
print(up("hello"), list(map(methodcaller("strip", "x"), ["xaX", "xbx"])))
print(methodcaller("split", ",", 1)("a,b,c"))
accounts = [Account("b", 2), Account("a", 1)]
print([methodcaller("describe", "> ", suffix="?")(a) for a in accounts])
print(sorted(["b", "A", "c"], key=methodcaller("lower")))
print(repr(methodcaller("describe", "> ", suffix="?")))
results = []
def work(a):
    results.append(methodcaller("describe")(a))
ts = [threading.Thread(target=work, args=(a,)) for a in accounts]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
for bad in (lambda: methodcaller(), lambda: methodcaller(3), lambda: up("a", "b"),
            lambda: methodcaller("nope")(accounts[0]), lambda: methodcaller("nope")(1)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
