import threading


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


total = Vector()
lock = threading.Lock()


def accumulate(vectors):
    global total
    for v in vectors:
        with lock:
            total = total + v


chunks = [[Vector(i, 1) for i in range(5)], [Vector(1, -i) for i in range(5)]]
threads = [threading.Thread(target=accumulate, args=(c,)) for c in chunks]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", total)
print(Vector(3, 4) - Vector(1, 1), 2 * Vector(1, 2), Vector(1, 2) * 3)
print(abs(Vector(3, 4)), -Vector(1, -1))
print(Vector(1, 1) == Vector(1, 1), Vector(1, 1) != Vector(2, 1))
print(len({Vector(1, 1), Vector(1, 1), Vector(0, 0)}))
acc = Vector()
acc += Vector(5, 5)
print(acc)
