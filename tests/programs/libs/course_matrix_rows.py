"""Lab 4: parallel matrix multiplication, one thread per row."""
import threading

A = [[1, 2, 3],
     [4, 5, 6],
     [7, 8, 9]]
B = [[9, 8, 7],
     [6, 5, 4],
     [3, 2, 1]]
C = [[0] * len(B[0]) for _ in range(len(A))]


def row_worker(i):
    for j in range(len(B[0])):
        C[i][j] = sum(A[i][k] * B[k][j] for k in range(len(B)))


def main():
    workers = []
    for i in range(len(A)):
        w = threading.Thread(target=row_worker, args=(i,))
        workers.append(w)
        w.start()
    for w in workers:
        w.join()
    width = max(len(str(x)) for row in C for x in row)
    for row in C:
        print(" ".join(str(x).rjust(width) for x in row))
    trace = sum(C[i][i] for i in range(len(C)))
    print(f"trace = {trace}")
    flat = [x for row in C for x in row]
    print("min/max:", min(flat), max(flat), "even:", sum(1 for x in flat if x % 2 == 0))


main()
