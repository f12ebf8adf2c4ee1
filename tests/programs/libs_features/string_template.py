from string import Template
import string
import threading

class Money:
    def __init__(self, v): self.v = v
    def __str__(self): return f"${self.v:.2f}"

t = Template("Hello $name, you owe ${amount}. $$5 off! $name")
print(t.substitute(name="Ann", amount=Money(3)))
print(t.substitute({"name": "Bob", "amount": 7}, amount=8))
print(t.safe_substitute(name="Cy"))
print(t.template, t.get_identifiers(), t.is_valid())
bad = Template("cost: $ 5 and $x")
print(bad.is_valid(), bad.safe_substitute(x=[1, 2]))
for f in (lambda: t.substitute(name="x"), lambda: bad.substitute(x=1),
          lambda: Template("a\nbc $").substitute(), lambda: t.substitute({}, {}),
          lambda: Template(5).substitute(), lambda: string.Template("${a}").substitute({"b": 1})):
    try:
        print(f())
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
lines = []
tmpl = Template("worker $id finished job $job")
def work(i):
    lines.append(tmpl.substitute(id=i, job=i * 10))
ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for th in ts: th.start()
for th in ts: th.join()
print("\n".join(sorted(lines)))
print(type(t).__name__)
print(string.capwords("hello  big\tworld "), string.capwords("a-b-c", "-"), string.capwords(""))
for bad in (lambda: string.capwords(5), lambda: string.capwords("a", 1), lambda: string.capwords("a", 0)):
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
