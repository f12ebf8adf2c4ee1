import threading


class Matrix:
    def __init__(self, rows, cols, fill=0):
        self.rows, self.cols = rows, cols
        self._data = [[fill] * cols for _ in range(rows)]

    @classmethod
    def from_list(cls, values):
        m = cls(len(values), len(values[0]))
        for i, row in enumerate(values):
            for j, v in enumerate(row):
                m[i, j] = v
        return m

    def __getitem__(self, pos):
        i, j = pos
        return self._data[i][j]

    def __setitem__(self, pos, value):
        i, j = pos
        self._data[i][j] = value

    def __matmul__(self, other):
        if self.cols != other.rows:
            raise ValueError(f"shapes {self.shape} and {other.shape} do not align")
        result = Matrix(self.rows, other.cols)

        def compute_row(i):
            for j in range(other.cols):
                result[i, j] = sum(self[i, k] * other[k, j] for k in range(self.cols))

        workers = [threading.Thread(target=compute_row, args=(i,)) for i in range(self.rows)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return result

    @property
    def shape(self):
        return (self.rows, self.cols)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self._data == other._data

    def __str__(self):
        return "\n".join(" ".join(f"{v:3}" for v in row) for row in self._data)


a = Matrix.from_list([[1, 2], [3, 4], [5, 6]])
b = Matrix.from_list([[7, 8, 9], [10, 11, 12]])
c = a @ b
print(c)
print(c.shape, c[2, 2], c == a @ b)
try:
    a @ a
except ValueError as e:
    print("ValueError:", e)
