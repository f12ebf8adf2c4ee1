from dataclasses import dataclass
import threading

@dataclass
class Point:
    x: int
    y: int

class Color:
    RED = "red"
    GREEN = "green"

class Shape:
    __match_args__ = ("kind", "size")
    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as b:
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return f"number {value}"
        case str() as s if s == Color.RED:
            return "the color red"
        case Color.GREEN:
            return "green!"
        case str(s):
            return f"text {s!r}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y):
            return f"point {x},{y}"
        case Shape("circle", r):
            return f"circle r={r}"
        case [x, y, *rest]:
            return f"list starting {x}, {y} plus {len(rest)} more: {rest}"
        case [single]:
            return f"one item {single}"
        case []:
            return "empty list"
        case {"type": "user", "name": name, **others}:
            return f"user {name} {others}"
        case {"type": t}:
            return f"typed {t}"
        case _:
            return "something else"

results = []
lock = threading.Lock()
def worker(items):
    for v in items:
        d = describe(v)
        with lock:
            results.append(d)

values = [None, True, -3, 4, 2.5, "red", "green", "hi", Point(0, 0), Point(0, 5), Point(1, 2),
          Shape("circle", 3), Shape("square", 1), [1, 2, 3, 4], (7,), [], {"type": "user", "name": "ann", "age": 3},
          {"type": "x"}, {"k": 1}, range(2)]
t = threading.Thread(target=worker, args=(values,))
t.start(); t.join()
for r in results:
    print(r)
match (1, 2):
    case (a, b):
        print("module level", a + b)
print(a, b)
