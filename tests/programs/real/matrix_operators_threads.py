from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

class Matrix:
    __slots__ = ("rows", "cols", "_data")
    def __init__(self, data):
        self._data = [list(map(float, row)) for row in data]
        self.rows, self.cols = len(self._data), len(self._data[0])
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @staticmethod
    def _dot(a, b):
        return sum(x * y for x, y in zip(a, b))
    def __getitem__(self, idx):
        return self._data[idx[0]][idx[1]]
    def __setitem__(self, idx, value):
        self._data[idx[0]][idx[1]] = value
    def col(self, j):
        return [r[j] for r in self._data]
    def __matmul__(self, other: Matrix) -> Matrix:
        if self.cols != other.rows:
            raise ValueError(f"shape mismatch: {self.shape} @ {other.shape}")
        out = [[0.0] * other.cols for _ in range(self.rows)]
        def fill(i):
            for j in range(other.cols):
                out[i][j] = self._dot(self._data[i], other.col(j))

        threads = [threading.Thread(target=fill, args=(i,)) for i in range(self.rows)]
        for t in threads:
            t.start()
        for t in reversed(threads):
            t.join()
        return Matrix(out)
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self._data, other._data)])
    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Matrix([[k * x for x in r] for r in self._data])

    __rmul__ = __mul__
    def __neg__(self):
        return -1 * self
    __eq__ = lambda self, other: isinstance(other, Matrix) and self._data == other._data
    def __iter__(self):
        for r in self._data:
            yield from r
    def __len__(self):
        return self.rows * self.cols
    shape = property(lambda self: (self.rows, self.cols))
    @property
    def T(self):
        return Matrix(zip(*self._data))
    def __repr__(self):
        body = "\n ".join(" ".join(f"{x:6.1f}" for x in r) for r in self._data)
        return f"[{body}]"

a = Matrix([[1, 2, 3], [4, 5, 6]])
b = Matrix([[7, 8], [9, 10], [11, 12]])
c = a @ b
print(c)
print(c.shape, len(c), c[1, 0], sum(c), max(c))
print(a.T)
print(2 * Matrix.identity(2) + c == Matrix([[60, 64], [139, 156]]))
print(-Matrix.identity(2))
for bad in (lambda: a @ a, lambda: a * "x", lambda: setattr(a, "extra", 1)):
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print("error:", type(e).__name__, e)

with ThreadPoolExecutor(max_workers=3) as pool:
    powers = list(pool.map(lambda k: sum(Matrix.identity(3) * k), range(1, 6)))
print(powers)
m = Matrix.identity(3)
m[0, 2] = 5
print(list(m), hasattr(m, "__dict__"), Matrix.__slots__)
