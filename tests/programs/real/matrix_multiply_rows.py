import threading

A = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
B = [[9, 8, 7], [6, 5, 4], [3, 2, 1]]
C = [[0] * 3 for _ in range(3)]


def row(i):
    for j, col in enumerate(zip(*B)):
        C[i][j] = sum(a * b for a, b in zip(A[i], col))


threads = [threading.Thread(target=row, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in C:
    print(" ".join(f"{v:4d}" for v in r))
print("trace:", sum(C[i][i] for i in range(3)))
print("transposed:", [list(c) for c in zip(*C)][0])
print(any(v > 100 for r in C for v in r), all(v > 0 for r in C for v in r))
print(dict(enumerate("abc", start=1)), {**{"x": 1}, **{"y": 2}} | {"z": 3})
