import threading
from functools import partial, total_ordering


@total_ordering
class Shape:
    def __init__(self, name, area):
        self.name, self.area = name, area

    def __eq__(self, other):
        return self.area == other.area

    def __lt__(self, other):
        return self.area < other.area

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.area})"

    def scaled(self, k, offset=0):
        return self.area * k + offset


class Rect(Shape):
    pass


shapes = []
lock = threading.Lock()


def build(factory, *args):
    shape = factory(*args)
    with lock:
        shapes.append(shape)


specs = [(partial(Rect, "square"), 4), (Rect, "wide", 6), (partial(Shape, area=1), "dot")]
threads = [threading.Thread(target=build, args=spec) for spec in specs]
for t in threads:
    t.start()
    t.join()
print(sorted(shapes), Rect("a", 2) >= Rect("b", 2), Rect("a", 3) <= Shape("b", 1))
triple = partial(shapes[0].scaled, 3, offset=1)
print(triple(), triple.func.__name__, triple.args, triple.keywords)
try:
    partial(5)
except TypeError as e:
    print(e)
